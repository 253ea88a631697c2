"""End-to-end scale checks of the release `quotewise` CLI on news JSONL.

* threads: MB/s with --threads 1 and --threads 2 on the same input, and a
  machine check: two 1-thread processes on half the input each, at once
  (what the machine gives two workers that share nothing);
* linearity: time for an input and for ten times that input;
* memory: a generated JSONL stream of --gb gigabytes piped through
  `quotewise extract --jsonl -`, RSS sampled from /proc/PID/status every
  0.1 s; reports the peak (VmHWM) and the RSS over time, and checks that
  the output has one line per input line.

The texts are the PolNeAR dev articles (../shared/eval/data, never copied
into the repository), repeated with fresh ids. MB = 10^6 bytes of JSONL.

Usage: cargo build --release -p quotewise-cli && python3 benches/scale.py
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV = os.path.join(ROOT, "..", "shared", "eval", "data", "polnear-dev.jsonl")


def dev_lines():
    """(id, JSON-encoded text) of every dev article."""
    out = []
    with open(DEV, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                out.append((doc["id"], json.dumps(doc["text"], ensure_ascii=False).encode()))
    return out


def generate(lines, target_bytes):
    """Yields JSONL chunks of dev articles with fresh ids, about target_bytes in all."""
    written = rep = 0
    while written < target_bytes:
        chunk = b"".join(
            b'{"id": "%d-%s", "text": %s}\n' % (rep, doc_id.encode(), text) for doc_id, text in lines
        )
        yield chunk
        written += len(chunk)
        rep += 1


def write_input(path, lines, target_bytes):
    size = n = 0
    with open(path, "wb") as f:
        for chunk in generate(lines, target_bytes):
            f.write(chunk)
            size += len(chunk)
            n += chunk.count(b"\n")
    return size, n


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(binary, path, threads, repeat=3):
    """Median wall seconds and median CPU seconds (user + system) of a run.
    CPU time is the per-core cost, unaffected by other load on the machine."""
    runs, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), cpu_seconds()
        subprocess.run(
            [binary, "extract", "--jsonl", "--quiet", "--threads", str(threads), path],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        runs.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - cpu)
    return statistics.median(runs), statistics.median(cpus)


def timed_pair(binary, paths, repeat=3):
    """Median wall seconds of one CLI process (1 thread) per path, all
    started at once: the machine check for the thread speed-up."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        procs = [
            subprocess.Popen(
                [binary, "extract", "--jsonl", "--quiet", "--threads", "1", path],
                stdout=subprocess.DEVNULL,
            )
            for path in paths
        ]
        for proc in procs:
            assert proc.wait() == 0
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def split_lines(path, parts):
    """Writes the lines of path round-robin into `parts` files; their paths."""
    outs = [f"{path}.{k}" for k in range(parts)]
    with open(path, "rb") as f:
        lines = f.readlines()
    for k, out in enumerate(outs):
        with open(out, "wb") as f:
            f.writelines(lines[k::parts])
    return outs


def status(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024  # kB -> MiB
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def memory(binary, lines, target_bytes):
    proc = subprocess.Popen(
        [binary, "extract", "--jsonl", "--quiet", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    counted = {"lines": 0, "bytes": 0}

    def count_output():
        while chunk := proc.stdout.read(1 << 20):
            counted["lines"] += chunk.count(b"\n")
            counted["bytes"] += len(chunk)

    def feed():
        n = size = 0
        for chunk in generate(lines, target_bytes):
            proc.stdin.write(chunk)
            n += chunk.count(b"\n")
            size += len(chunk)
        proc.stdin.close()
        counted["in_lines"], counted["in_bytes"] = n, size

    threads = [threading.Thread(target=count_output), threading.Thread(target=feed)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    samples, peak = [], 0.0
    while proc.poll() is None:
        rss = status(proc.pid, "VmRSS")
        hwm = status(proc.pid, "VmHWM")
        if rss is not None:
            samples.append((time.perf_counter() - start, rss))
        if hwm is not None:
            peak = max(peak, hwm)
        time.sleep(0.1)
    secs = time.perf_counter() - start
    for t in threads:
        t.join()
    return samples, peak, secs, counted, proc.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "quotewise"))
    parser.add_argument("--mb", type=float, default=50, help="input size for threads/linearity")
    parser.add_argument("--gb", type=float, default=1.0, help="stream size for the memory check")
    args = parser.parse_args()
    lines = dev_lines()

    with tempfile.TemporaryDirectory() as tmp:
        small, big = os.path.join(tmp, "1x.jsonl"), os.path.join(tmp, "10x.jsonl")
        size1, _ = write_input(small, lines, args.mb * 1e6 / 10)
        size10, _ = write_input(big, lines, size1 * 10)
        mb = size10 / 1e6
        (t1, c1), (t2, c2) = timed(args.binary, big, 1), timed(args.binary, big, 2)
        print(f"threads: {mb:.0f} MB JSONL: 1 thread {t1:.2f} s ({mb / t1:.1f} MB/s; "
              f"{mb / c1:.1f} MB per CPU-second), 2 threads {t2:.2f} s ({mb / t2:.1f} MB/s; "
              f"{mb / c2:.1f} MB per CPU-second), speed-up {t1 / t2:.2f}x")
        # What the machine gives at all: two independent 1-thread processes
        # on half the input each. A VM's CPUs may share physical cores.
        pair = timed_pair(args.binary, split_lines(big, 2))
        print(f"machine check: two 1-thread processes on half the input each, at once: "
              f"{pair:.2f} s = {t1 / pair:.2f}x one process; the 2-thread run reaches "
              f"{(t1 / t2) / (t1 / pair):.0%} of that")
        (s1, p1), (s10, p10) = timed(args.binary, small, 1), timed(args.binary, big, 1)
        print(f"linearity (1 thread): {size1 / 1e6:.1f} MB in {s1:.3f} s ({p1:.3f} CPU-s), "
              f"{size10 / size1:.1f}x the input in {s10:.3f} s ({p10:.3f} CPU-s) = "
              f"{s10 / s1:.2f}x the time ({p10 / p1:.2f}x the CPU time)")

    samples, peak, secs, counted, code = memory(args.binary, lines, args.gb * 1e9)
    rss = [r for _, r in samples]
    marks = [rss[int(len(rss) * f)] for f in (0.1, 0.25, 0.5, 0.75, 0.9)] if rss else []
    print(f"memory: {counted['in_bytes'] / 1e9:.2f} GB, {counted['in_lines']} lines streamed in "
          f"{secs:.1f} s ({counted['in_bytes'] / 1e6 / secs:.0f} MB/s), exit {code}; "
          f"{counted['lines']} output lines ({counted['bytes'] / 1e9:.2f} GB)")
    print(f"memory: peak RSS (VmHWM) {peak:.1f} MiB; RSS at 10/25/50/75/90% of the run: "
          + ", ".join(f"{m:.1f}" for m in marks) + f" MiB ({len(rss)} samples)")
    assert counted["lines"] == counted["in_lines"], "one output line per input line"


if __name__ == "__main__":
    main()
