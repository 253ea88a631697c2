#!/usr/bin/env python3
"""Speaker accuracy by name (score.py's `spk ent`), broken down by gold quote type.

Usage: scripts/speaker_errors.py GOLD.jsonl CLI_OUT.jsonl [--by-method] [--samples N]

GOLD is a set in score.py's shape whose attributions carry "quote_type"
(PDNC: Explicit / Anaphoric / Implicit) and "speaker_names". CLI_OUT is
`quotewise extract --jsonl` output. Quotes are matched as score.py matches
them (direct quotes, one-to-one, greedily by Jaccard >= 0.5 on alphanumeric
positions) and a speaker is right as score.py counts it: the text of its
mention, or of any mention of its entity, is one of the character's names.

Prints, per quote type: matched quotes, right, no speaker, and accuracy;
with --by-method, the same per (quote type, speaker method); with
--samples N, N wrong quotes of each type (gold names, predicted mention and
entity name), to read the errors. Reads the data where it lies; writes
nothing.
"""
import json
import os
import random
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval"))
from score import has_quote_mark, norm, positions  # noqa: E402


def chars(span):
    return (span["char_start"], span["char_end"])


def matched(text, gq, pq):
    """(gold, predicted) pairs, score.py's greedy one-to-one matching."""
    gp = [positions(text, a["content"]) for a in gq]
    pp = [positions(text, [chars(c) for c in q["content"]]) for q in pq]
    owner = {}
    for i, x in enumerate(gp):
        for k in x:
            owner.setdefault(k, []).append(i)
    pairs = []
    for j, x in enumerate(pp):
        inter = Counter(i for k in x for i in owner.get(k, ()))
        for i, n in inter.items():
            jac = n / (len(gp[i]) + len(x) - n)
            if jac >= 0.5:
                pairs.append((jac, i, j))
    pairs.sort(reverse=True)
    used_g, used_p = set(), set()
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        yield gq[i], pq[j]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    samples = 0
    if "--samples" in sys.argv:
        samples = int(sys.argv[sys.argv.index("--samples") + 1])
        args = [a for a in args if a != str(samples)]
    if len(args) != 2:
        sys.exit(__doc__)
    gold = {}
    with open(args[0], encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            gold[d["id"]] = d
    tally = defaultdict(lambda: [0, 0, 0])  # key -> [matched, right, no speaker]
    wrong = defaultdict(list)
    with open(args[1], encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            g = gold[doc["id"]]
            text = g["text"]
            ents = {e["id"]: e for e in doc.get("entities", [])}
            gq = [a for a in g["attributions"] if has_quote_mark(text, a["content"])]
            pq = [q for q in doc.get("quotes", []) if has_quote_mark(text, [chars(c) for c in q["content"]])]
            for a, q in matched(text, gq, pq):
                names = {norm(n) for n in a.get("speaker_names") or []}
                if not names:
                    continue
                sp = q.get("speaker") or {}
                e = ents.get(sp.get("entity"))
                spans = ([chars(sp["mention"])] if sp.get("mention") else []) + \
                    [chars(m) for m in (e or {}).get("mentions", [])]
                ok = bool(names & {norm(text[s:t]) for s, t in spans})
                qt = a.get("quote_type") or "?"
                keys = [qt, "all"]
                if "--by-method" in sys.argv:
                    keys += [f"{qt}/{sp.get('method', 'none')}"]
                for k in keys:
                    tally[k][0] += 1
                    tally[k][1] += ok
                    tally[k][2] += not sp
                if not ok:
                    mention = text[slice(*chars(sp["mention"]))] if sp.get("mention") else None
                    wrong[qt].append((doc["id"], a.get("speaker"), mention,
                                      e["name"] if e else None, sp.get("method"),
                                      text[max(0, q["content"][0]["char_start"] - 150):
                                           q["content"][-1]["char_end"] + 80]))
    print(f"{'type':<28} {'matched':>7} {'right':>6} {'none':>6} {'acc':>6}")
    for k in sorted(tally, key=lambda k: (k != "all", k)):
        n, r, none = tally[k]
        print(f"{k:<28} {n:>7} {r:>6} {none:>6} {100 * r / n:>6.1f}")
    rng = random.Random(0)
    for qt, rows in wrong.items():
        for row in rng.sample(rows, min(samples, len(rows))):
            doc, gold_speaker, mention, entity, method, ctx = row
            print(f"\n[{qt}] {doc}: gold {gold_speaker!r}; predicted {mention!r} -> {entity!r} ({method})")
            print("   " + ctx.replace("\n", " "))


if __name__ == "__main__":
    main()
