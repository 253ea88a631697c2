"""The PySpark example (examples/spark/extract_quotes.py) on a small corpus,
read as JSONL and as Parquet, gives the same quotes as the CLI, quote for
quote. Skipped only when pyspark is not installed (scripts/test installs it).
"""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

import quotewise  # noqa: E402  (after the skip: the example imports pyspark)

ROOT = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location(
    "extract_quotes", ROOT / "examples" / "spark" / "extract_quotes.py"
)
example = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(example)

TEXTS = [
    ("sample", (ROOT / "examples" / "sample_article.txt").read_text(encoding="utf-8")),
    ("split", "“We will win,” Jane Smith said, “and soon.”"),
    ("indirect", "Kremlin spokesman Dmitry Peskov said that the talks would go on."),
    ("empty", ""),
    ("cjk", "「我们会赢。」他说。"),
    ("none", "Nobody said anything quotable today."),
] + [(f"copy-{i}", "“Fine,” Ann Lee told reporters on Friday.") for i in range(20)]


def rounded(row):
    """A comparable quote row: confidence as f32 gives it, to 4 places."""
    row = list(row)
    if row[12] is not None:
        row[12] = round(row[12], 4)
    row[4] = [tuple(p) for p in row[4]] if row[4] is not None else None
    row[6] = tuple(row[6]) if row[6] is not None else None
    return tuple(row)


@pytest.fixture(scope="module")
def spark():
    session = example.local_session("quotewise-test")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for doc_id, text in TEXTS:
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def cli_rows(corpus):
    """The CLI's output on the corpus, flattened with the example's own
    row function (so any difference is in the extraction, not the table)."""
    out = subprocess.run(
        ["cargo", "run", "--quiet", "-p", "quotewise-cli", "--",
         "extract", "--jsonl", "--quiet", str(corpus)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    rows = []
    for line in out.splitlines():
        rows.extend(example.quote_rows(json.loads(line)))
    assert len(rows) > len(TEXTS), "the corpus has quotes"
    return sorted(rounded(r) for r in rows)


def spark_rows(spark, path):
    return sorted(rounded(tuple(r)) for r in spark.read.parquet(str(path)).collect())


def test_jsonl_input_matches_the_cli_quote_for_quote(spark, corpus, cli_rows, tmp_path):
    out = tmp_path / "quotes.parquet"
    n = example.extract(spark, str(corpus), str(out), quotewise.Extractor(), partitions=3)
    assert spark_rows(spark, out) == cli_rows
    assert n == len(cli_rows)


def test_parquet_input_matches_the_cli_quote_for_quote(spark, corpus, cli_rows, tmp_path):
    parquet_in = tmp_path / "corpus.parquet"
    spark.read.json(str(corpus)).write.parquet(str(parquet_in))
    out = tmp_path / "quotes.parquet"
    example.extract(spark, str(parquet_in), str(out), quotewise.Extractor(), partitions=2)
    assert spark_rows(spark, out) == cli_rows


def test_bad_rows_become_error_rows(spark, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "ok", "text": "“Yes,” she said."}\n'
        '{"id": "broken", "text": \n'
        '{"id": "no-text"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "quotes.parquet"
    example.extract(spark, str(path), str(out), quotewise.Extractor())
    rows = {(r["doc_id"], r["error"]) for r in spark.read.parquet(str(out)).collect()}
    assert ("ok", None) in rows
    assert ("no-text", 'missing "text": expected a string') in rows
    malformed = [e for d, e in rows if e and e.startswith("malformed JSON line")]
    assert len(malformed) == 1, rows


def test_the_script_runs_from_the_command_line(corpus, tmp_path):
    out = tmp_path / "cli-run.parquet"
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "spark" / "extract_quotes.py"),
         str(corpus), str(out)],
        check=True, capture_output=True, text=True,
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["rows"] > len(TEXTS)
