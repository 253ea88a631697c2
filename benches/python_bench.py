#!/usr/bin/env python3
"""Python-side benchmarks of quotewise.

1. Parallel speed-up: ``Extractor.extract_many`` over the PolNeAR dev
   articles on N threads (default 2) against a Python loop over ``extract``.
   Target: at least 1.7x on 2 cores.
2. Python overhead: the time of one ``extract`` call on a 1 KB text minus
   the time the Rust ``Extractor::extract`` takes on it (timed in Rust, in
   the same process). Target: under 20 µs.

Run from the repository root after ``pip install .``:

    .venv/bin/python benches/python_bench.py [--data FILE.jsonl] [--threads 2] [--repeat 1]

``--repeat N`` runs the batch on the articles N times over (a longer batch
shows the steady state; one pass of the dev set is only ~15 ms of work).
Each round also times a machine check, interleaved with the rest: N
forked processes, each looping over ``extract`` on its share of the
texts, against one forked process looping over all of them. Nothing is
shared between those processes, so their ratio is what the machine gives
this work at that moment: on a virtual machine whose CPUs share physical
cores it is well below N (this machine's two vCPUs gave ~1.3x for pure
integer arithmetic on two threads at some hours, ~2x at others), and the
extract_many ratio is to be read against it.

On a machine shared with other work, Linux's autogroup scheduling gives a
session the same CPU share however many threads it runs, which hides the
speed-up; measure in a session of its own with a higher share:

    setsid sh -c 'echo -10 > /proc/self/autogroup && exec .venv/bin/python benches/python_bench.py'

The dev articles are read from ../shared/eval/data/polnear-dev.jsonl beside
the repository (never copied into it); without them the sample article is
used, repeated. Each number is the best of several rounds (the least
disturbed by other processes). The speed-up line also gives the median of
the per-round ratios (loop and batch timed back to back): on a shared
virtual machine whose speed drifts over seconds, the two best rounds can
come from different moments, and the median shows the typical ratio.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

import quotewise

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "data" / "polnear-dev.jsonl"


def load_texts(path: Path) -> tuple[list[str], str]:
    if path.is_file():
        with path.open(encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f if line.strip()]
        return texts, f"{path.name}: {len(texts)} articles"
    sample = (ROOT / "examples" / "sample_article.txt").read_text(encoding="utf-8")
    return [sample] * 100, f"{path} missing: the sample article x 100"


def interleaved(functions, rounds: int) -> list[list[float]]:
    """`rounds` timings of each function, in seconds. Rounds alternate
    between the functions so that all see the same machine load."""
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(rounds):
        for timing, function in zip(times, functions):
            start = time.perf_counter()
            function()
            timing.append(time.perf_counter() - start)
    return times


def best_of_interleaved(functions, rounds: int) -> list[float]:
    """The fastest of `rounds` interleaved timings of each function."""
    return [min(t) for t in interleaved(functions, rounds)]


def loops_in_processes(extractor: quotewise.Extractor, texts: list[str], processes: int) -> None:
    """`processes` forked processes, each looping over `extract` on its
    share of the texts, all at once (one process with all the texts when
    `processes` is 1): both sides of the machine check pay for forking and
    ending processes alike."""
    context = multiprocessing.get_context("fork")
    children = [
        context.Process(target=loop_over_extract, args=(extractor, texts[k::processes]))
        for k in range(processes)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join()


def serve_machine_checks(extractor: quotewise.Extractor, texts: list[str], orders) -> None:
    """A process that runs `loops_in_processes` for each process count it
    is sent, and answers when done. Forking from it, not from the measured
    process, spares that one the copy-on-write faults every fork leaves."""
    while (processes := orders.recv()) is not None:
        loops_in_processes(extractor, texts, processes)
        orders.send(True)


def loop_over_extract(extractor: quotewise.Extractor, texts: list[str]) -> None:
    for text in texts:
        extractor.extract(text)


def repeat_extract(extractor: quotewise.Extractor, text: str, repeat: int) -> None:
    for _ in range(repeat):
        extractor.extract(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=1, help="run the articles N times over")
    args = parser.parse_args()

    extractor = quotewise.Extractor()
    texts, what = load_texts(args.data)
    texts = texts * args.repeat
    what += f" x {args.repeat}" if args.repeat > 1 else ""
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    print(f"quotewise {quotewise.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cpus; {what}, {megabytes:.2f} MB")

    # Warm up what is timed: lexicons, caches and the thread pool of
    # `threads` threads (kept between calls).
    extractor.extract_many(texts, threads=args.threads)
    orders, theirs = multiprocessing.Pipe()
    checker = multiprocessing.get_context("fork").Process(
        target=serve_machine_checks, args=(extractor, texts, theirs))
    checker.start()

    def machine_check(processes: int) -> None:
        orders.send(processes)
        orders.recv()

    loops, manys, in_turn, at_once = interleaved(
        [lambda: loop_over_extract(extractor, texts),
         lambda: extractor.extract_many(texts, threads=args.threads),
         lambda: machine_check(1),
         lambda: machine_check(args.threads)],
        args.rounds,
    )
    orders.send(None)
    checker.join()
    loop, many = min(loops), min(manys)
    print(f"loop over extract:           {loop * 1e3:8.1f} ms  ({megabytes / loop:6.1f} MB/s)")
    print(f"extract_many, {args.threads} threads:    {many * 1e3:8.1f} ms  "
          f"({megabytes / many:6.1f} MB/s)")
    speedup = loop / many
    paired = statistics.median(a / b for a, b in zip(loops, manys))
    print(f"speed-up: {speedup:.2f}x (target >= 1.7x on 2 cores); "
          f"median of paired rounds {paired:.2f}x")
    # What the machine gives this work at the same moments, with nothing
    # shared between the workers: a virtual machine's CPUs may share
    # physical cores, and then no program gets N times one.
    ceiling = min(in_turn) / min(at_once)
    print(f"machine check: {args.threads} processes extracting a share each run "
          f"{ceiling:.2f}x one process with all (median of paired rounds "
          f"{statistics.median(a / b for a, b in zip(in_turn, at_once)):.2f}x): "
          f"extract_many reaches {speedup / ceiling:.0%} of that")

    # A 1 KB text: the start of the longest article, cut at a char boundary.
    text = max(texts, key=len).encode()[:1024].decode("utf-8", "ignore")
    repeat = 2000
    extractor.extract(text)
    rust_total: list[float] = []
    python_call, _ = best_of_interleaved(
        [lambda: repeat_extract(extractor, text, repeat),
         lambda: rust_total.append(extractor._rust_seconds(text, repeat))],
        args.rounds,
    )
    python_call /= repeat
    rust = min(rust_total) / repeat
    overhead = python_call - rust
    print(f"extract on {len(text.encode())} bytes: Python call {python_call * 1e6:.2f} µs, "
          f"Rust {rust * 1e6:.2f} µs, Python overhead {overhead * 1e6:.2f} µs (target < 20 µs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
