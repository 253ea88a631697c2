"""Entity matching side by side: quotewise and its peers on the same input.

Exact matching rules, the same for every tool: the 20,000 person names,
case-folded, whole words only, longest match, non-overlapping, offsets
into the original text. Throughput is text bytes (UTF-8) per second of
CPU time (the machine is shared, so wall-clock time would also count time
spent waiting for a core); build time is CPU time too.

Fuzzy lookups: each query (a name with 1 or 2 random edits, or an
ordinary capitalised word) against the same 20,000 names. rapidfuzz uses
Levenshtein distance with a cutoff of 2 on lower-cased strings
(process.extractOne, and process.cdist for the batch).

Run through run_matching.sh, which makes the venv and builds match_bench.
"""

import argparse
import json
import os
import platform
import subprocess
import time

import ahocorasick
import ahocorasick_rs
from flashtext import KeywordProcessor
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein


def cpu():
    return time.thread_time()


def whole_word(low, start, end):
    return (start == 0 or not low[start - 1].isalnum()) and (end == len(low) or not low[end].isalnum())


def run_ahocorasick_rs(names, texts, implementation=None):
    t = cpu()
    kwargs = {"matchkind": ahocorasick_rs.MatchKind.LeftmostLongest}
    if implementation is not None:
        kwargs["implementation"] = implementation
    ac = ahocorasick_rs.AhoCorasick([n.lower() for n in names], **kwargs)
    build = cpu() - t
    t = cpu()
    found = 0
    for text in texts:
        low = text.lower()
        for _, s, e in ac.find_matches_as_indexes(low):
            if whole_word(low, s, e):
                found += 1
    return build, cpu() - t, found


def run_pyahocorasick(names, texts):
    t = cpu()
    a = ahocorasick.Automaton()
    for n in names:
        low = n.lower()
        a.add_word(low, len(low))
    a.make_automaton()
    build = cpu() - t
    t = cpu()
    found = 0
    for text in texts:
        low = text.lower()
        for end, length in a.iter_long(low):
            if whole_word(low, end - length + 1, end + 1):
                found += 1
    return build, cpu() - t, found


def run_flashtext(names, texts):
    t = cpu()
    kp = KeywordProcessor(case_sensitive=False)
    for n in names:
        kp.add_keyword(n)
    build = cpu() - t
    t = cpu()
    found = 0
    for text in texts:
        found += len(kp.extract_keywords(text, span_info=True))
    return build, cpu() - t, found


def bench(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def quality(queries, results):
    names = [(w, r) for (_, w), r in zip(queries, results) if w]
    words = [r for (_, w), r in zip(queries, results) if not w]
    right = sum(1 for w, r in names if r == w)
    returned = sum(1 for _, r in names if r is not None)
    return {
        "recall": right / len(names),
        "name_precision": right / max(returned, 1),
        "word_precision": sum(1 for r in words if r is None) / len(words),
    }


def rapidfuzz_lookups(names, queries, limit):
    choices = [n.lower() for n in names]
    sample = queries[:limit // 2] + queries[len(queries) // 2:len(queries) // 2 + limit // 2]
    results = []
    secs = {True: 0.0, False: 0.0}
    for q, want in sample:
        t = cpu()
        hit = process.extractOne(q.lower(), choices, scorer=Levenshtein.distance, score_cutoff=2)
        secs[bool(want)] += cpu() - t
        results.append(names[hit[2]] if hit else None)
    one = len(sample) / (secs[True] + secs[False])
    n_names = sum(1 for _, w in sample if w)
    split = (n_names / secs[True], (len(sample) - n_names) / secs[False])
    t0, w0 = cpu(), time.perf_counter()
    matrix = process.cdist([q.lower() for q, _ in sample], choices, scorer=Levenshtein.distance,
                           score_cutoff=2, workers=1)
    batch = len(sample) / (cpu() - t0)
    del matrix
    return one, batch, quality(sample, results), split


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True, help="path to match_bench")
    ap.add_argument("--data", required=True, help="directory for the generated input")
    ap.add_argument("--fuzzy-sample", type=int, default=1000,
                    help="queries given to rapidfuzz (it is slow); quotewise gets all")
    args = ap.parse_args()

    if not os.path.exists(os.path.join(args.data, "big.csv")):
        print("generating", bench([args.bench, "gen", args.data]))
    names = open(os.path.join(args.data, "names.txt"), encoding="utf-8").read().splitlines()
    texts = [json.loads(l)["text"] for l in open(os.path.join(args.data, "texts.jsonl"), encoding="utf-8")]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    queries = [tuple(l.split("\t")) for l in open(os.path.join(args.data, "fuzzy.tsv"), encoding="utf-8").read().splitlines()]

    rows = []
    ours = bench([args.bench, "exact", args.data, "same-rules"])
    rows.append(("quotewise (Rust)", ours["build_s"], ours["mb_s"], ours["matches"]))
    for label, fn in [
        ("ahocorasick-rs (leftmost-longest)", lambda: run_ahocorasick_rs(names, texts)),
        ("ahocorasick-rs (DFA)", lambda: run_ahocorasick_rs(names, texts, ahocorasick_rs.Implementation.DFA)),
        ("pyahocorasick (iter_long)", lambda: run_pyahocorasick(names, texts)),
        ("flashtext", lambda: run_flashtext(names, texts)),
    ]:
        build, secs, found = fn()
        rows.append((label, build, mb / secs, found))
    variants = bench([args.bench, "exact", args.data, "variants"])
    full = bench([args.bench, "exact", args.data, "fuzzy"])

    fastest_peer = max(r[2] for r in rows[1:])
    print(f"## Exact matching: {len(names):,} names, {mb:.1f} MB of text, {len(texts):,} articles")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}")
    print()
    print("| matcher | build (s) | MB/s | matches |")
    print("|---|---:|---:|---:|")
    for label, build, mbs, found in rows:
        print(f"| {label} | {build:.2f} | {mbs:.0f} | {found:,} |")
    print()
    print(f"quotewise / fastest peer: {rows[0][2] / fastest_peer:.1f}x")
    print()
    print("Beyond the shared rules (quotewise only): with surname, title, initial and possessive")
    print(f"variants and the capital rule, {variants['mb_s']:.0f} MB/s ({variants['matches']:,} matches);")
    print(f"with fuzzy matching of capitalised spans as well, {full['mb_s']:.0f} MB/s ({full['matches']:,} matches).")
    print()

    fz = bench([args.bench, "fuzzy", args.data])
    one, batch, rq, (rf_names, rf_words) = rapidfuzz_lookups(names, queries, args.fuzzy_sample)
    q = fz["quality"]
    print(f"## Fuzzy lookups: {len(names):,} names; {len(queries):,} queries (half misspelled names, 1-2 edits; half ordinary capitalised words)")
    print()
    print("| matcher | lookups/s | recall (names, <=2 edits) | precision (names) | precision (words) |")
    print("|---|---:|---:|---:|---:|")
    print(f"| quotewise lookup (Rust) | {fz['lookups_s']:,.0f} | {q['recall']:.1%} | {q['name_precision']:.1%} | {q['word_precision']:.1%} |")
    print(f"| rapidfuzz extractOne (Levenshtein <= 2) | {one:,.0f} | {rq['recall']:.1%} | {rq['name_precision']:.1%} | {rq['word_precision']:.1%} |")
    print(f"| rapidfuzz cdist (batch, 1 worker) | {batch:,.0f} | same | same | same |")
    print()
    print(f"quotewise / extractOne: {fz['lookups_s'] / one:.0f}x; quotewise / cdist: {fz['lookups_s'] / batch:.1f}x; "
          f"fuzzy index build {fz['build_s']:.2f} s")
    print()
    print(f"Split: misspelled names {fz['name_lookups_s']:,.0f}/s (extractOne {rf_names:,.0f}/s, "
          f"{fz['name_lookups_s'] / rf_names:.0f}x); ordinary words {fz['word_lookups_s']:,.0f}/s "
          f"(extractOne {rf_words:,.0f}/s, {fz['word_lookups_s'] / rf_words:.0f}x)")
    print()

    big = bench([args.bench, "load", os.path.join(args.data, "big.csv")])
    print(f"## Loading: {big['entries']:,} entries, {big['aliases']:,} names and aliases (CSV)")
    print()
    print(f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.")
    print()
    print("| step | CPU s | peak memory (MB) |")
    print("|---|---:|---:|")
    print(f"| read the CSV (parse, check) | {big['read_s']:.1f} | |")
    print(f"| compile (variants, automaton) | {big['compile_s']:.1f} | |")
    print(f"| **load = read + compile** | **{big['load_s']:.1f}** (wall {big['load_wall_s']:.1f}) | {big['peak_rss_mb']:.0f} |")
    print(f"| first fuzzy lookup (builds the fuzzy index) | {big['fuzzy_index_s']:.1f} | {big['peak_rss_with_fuzzy_mb']:.0f} |")


if __name__ == "__main__":
    main()
