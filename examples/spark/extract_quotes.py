"""Extract quotes from a corpus with PySpark and write a Parquet table of them.

Reads JSON Lines (``{"id": ..., "text": ...}`` per line, ``.gz`` too) or
Parquet (columns ``id`` and ``text``), runs quotewise in ``mapPartitions``
with one ``Extractor`` per partition (its settings are broadcast as JSON; the
extractor itself is picklable too), and writes one row per quote.

Nothing is dropped silently: an input row that cannot be extracted (a
malformed JSON line, a missing ``text``) becomes one row with ``error`` set
and the quote columns null. Documents without quotes give no rows. Unlike
``quotewise extract --jsonl``, Spark's JSON reader skips blank lines and
reads a number in ``text`` as its digits.

Usage (local mode, every core):
    python examples/spark/extract_quotes.py INPUT OUTPUT [--partitions N]
        [--partial] [--no-indirect]
INPUT is a .jsonl/.jsonl.gz file, a .parquet file or a directory of either
(Parquet when it ends in .parquet). OUTPUT is a Parquet directory.
"""

import argparse
import json
import os
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

SPAN = StructType(
    [
        StructField("start", LongType()),
        StructField("end", LongType()),
        StructField("char_start", LongType()),
        StructField("char_end", LongType()),
        StructField("text", StringType()),
    ]
)

#: One row per quote (or per input row that failed, with ``error`` set).
QUOTES = StructType(
    [
        StructField("doc_id", StringType()),
        StructField("quote_index", IntegerType()),
        StructField("kind", StringType()),
        StructField("text", StringType()),
        StructField("content", ArrayType(SPAN)),
        StructField("cue", StringType()),
        StructField("speaker_mention", SPAN),
        StructField("speaker_entity", IntegerType()),
        StructField("speaker_name", StringType()),
        StructField("speaker_kind", StringType()),
        StructField("method", StringType()),
        StructField("resolution", StringType()),
        StructField("confidence", DoubleType()),
        StructField("error", StringType()),
    ]
)

CORRUPT = "_corrupt_record"
JSONL_SCHEMA = StructType(
    [
        StructField("id", StringType()),
        StructField("text", StringType()),
        StructField(CORRUPT, StringType()),
    ]
)


def span_tuple(span):
    if span is None:
        return None
    return (span["start"], span["end"], span["char_start"], span["char_end"], span["text"])


def quote_rows(doc):
    """The table rows of one document, as a dict in quotewise's JSON shape
    (``Document.to_dict()`` or one line of ``quotewise extract --jsonl``)."""
    entities = {e["id"]: e for e in doc.get("entities", [])}
    rows = []
    for i, quote in enumerate(doc["quotes"]):
        speaker = quote.get("speaker") or {}
        entity = entities.get(speaker.get("entity"))
        cue = quote.get("cue")
        rows.append(
            (
                doc["id"],
                i,
                quote["kind"],
                " ".join(p["text"] for p in quote["content"]),
                [span_tuple(p) for p in quote["content"]],
                cue["text"] if cue else None,
                span_tuple(speaker.get("mention")),
                speaker.get("entity"),
                entity["name"] if entity else None,
                entity["kind"] if entity else None,
                speaker.get("method"),
                speaker.get("resolution"),
                speaker.get("confidence"),
                None,
            )
        )
    return rows


def error_row(doc_id, message):
    return (doc_id, None, None, None, None, None, None, None, None, None, None, None, None,
            message)


def extract_partition(rows, settings):
    """mapPartitions body: one Extractor for the whole partition."""
    import quotewise

    extractor = quotewise.Extractor.from_json(settings)
    for row in rows:
        doc_id, text = row["id"], row["text"]
        corrupt = row.asDict().get(CORRUPT)
        if corrupt is not None:
            yield error_row(doc_id, f"malformed JSON line: {corrupt[:200]!r}")
        elif not isinstance(text, str):
            yield error_row(doc_id, 'missing "text": expected a string')
        else:
            yield from quote_rows(extractor.extract(text, id=doc_id).to_dict())


def read_corpus(spark, path):
    if path.rstrip("/").endswith(".parquet"):
        df = spark.read.parquet(path)
        return df.select(F.col("id").cast("string").alias("id"), F.col("text"))
    return spark.read.schema(JSONL_SCHEMA).option("mode", "PERMISSIVE").json(path)


def extract(spark, input_path, output_path, extractor, partitions=None):
    """Runs the job; returns the number of rows written."""
    settings = spark.sparkContext.broadcast(extractor.to_json())
    corpus = read_corpus(spark, input_path)
    if partitions:
        corpus = corpus.repartition(partitions)
    rows = corpus.rdd.mapPartitions(lambda part: extract_partition(part, settings.value))
    table = spark.createDataFrame(rows, QUOTES)
    table.write.mode("overwrite").parquet(output_path)
    return spark.read.parquet(output_path).count()


def local_session(app="quotewise"):
    # Python workers run the same interpreter (the one quotewise is installed in).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master("local[*]")
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("--partial", action="store_true", help="report partial quotes too")
    parser.add_argument("--no-indirect", action="store_true", help="no indirect speech")
    args = parser.parse_args()

    import quotewise

    extractor = quotewise.Extractor(partial=args.partial, indirect=not args.no_indirect)
    spark = local_session()
    try:
        n = extract(spark, args.input, args.output, extractor, args.partitions)
    finally:
        spark.stop()
    print(json.dumps({"output": args.output, "rows": n}))


if __name__ == "__main__":
    main()
