#!/usr/bin/env python3
"""Scores quote addressees by name, the way score.py scores speakers (`spk ent`).

Usage: scripts/score_addressees.py GOLD.jsonl CLI_OUT.jsonl [--json]

GOLD is a set in score.py's shape whose attributions carry "addressees", the
canonical names of the characters a quote is said to (PDNC). CLI_OUT is
`quotewise extract --jsonl` output (not to_pred.py's), which carries each
quote's "addressee": {"mention": Span|null, "entity": int|null}.

Quotes are matched as score.py matches them: the direct quotes of each
side (content holding a quotation mark), paired one-to-one, greedily by
Jaccard >= 0.5 on alphanumeric positions. A gold canonical name stands for
every name the character speaks under in the same document (the
"speaker_names" of the gold quotes whose "speaker" is that name), as in
score.py. A predicted addressee is right when the text of its mention, or
of any mention of its entity, equals one of those names of any of the
gold addressees, case and spacing aside.

Prints, over matched quotes whose gold names an addressee:
  accuracy  : share with a right predicted addressee (none counts wrong)
  precision : share right among those with a predicted addressee
  coverage  : share with a predicted addressee
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval"))
from score import has_quote_mark, norm, positions  # noqa: E402


def chars(span):
    return (span["char_start"], span["char_end"])


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    gold = {}
    with open(args[0], encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            gold[d["id"]] = d
    total = predicted = right = 0
    with open(args[1], encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            g = gold[doc["id"]]
            text = g["text"]
            aliases = {}
            for a in g["attributions"]:
                if a.get("speaker"):
                    aliases.setdefault(a["speaker"], {norm(a["speaker"])}).update(
                        norm(n) for n in a.get("speaker_names") or [])
            ments = {e["id"]: [chars(m) for m in e.get("mentions", [])] for e in doc.get("entities", [])}
            gq = [a for a in g["attributions"] if has_quote_mark(text, a["content"])]
            gp = [positions(text, a["content"]) for a in gq]
            pq = [q for q in doc.get("quotes", [])
                  if has_quote_mark(text, [chars(c) for c in q["content"]])]
            pp = [positions(text, [chars(c) for c in q["content"]]) for q in pq]
            owner = {}
            for i, x in enumerate(gp):
                for k in x:
                    owner.setdefault(k, []).append(i)
            pairs = []
            for j, x in enumerate(pp):
                inter = {}
                for k in x:
                    for i in owner.get(k, ()):
                        inter[i] = inter.get(i, 0) + 1
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
                names = set()
                for n in gq[i].get("addressees") or []:
                    names |= aliases.get(n, {norm(n)})
                if not names:
                    continue
                total += 1
                ad = pq[j].get("addressee")
                if not ad:
                    continue
                predicted += 1
                spans = ([chars(ad["mention"])] if ad.get("mention") else []) + ments.get(ad.get("entity"), [])
                right += bool(names & {norm(text[s:e]) for s, e in spans})
    result = {
        "quotes": total,
        "accuracy": round(100 * right / total, 1) if total else 0.0,
        "precision": round(100 * right / predicted, 1) if predicted else 0.0,
        "coverage": round(100 * predicted / total, 1) if total else 0.0,
    }
    if "--json" in sys.argv:
        print(json.dumps(result))
    else:
        print(f"addressees: {total} matched quotes with a gold addressee; accuracy {result['accuracy']:.1f}, "
              f"precision {result['precision']:.1f}, coverage {result['coverage']:.1f}")


if __name__ == "__main__":
    main()
