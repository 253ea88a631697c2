#!/usr/bin/env python3
"""Fits the speaker scorer's weights (crates/quotewise/data/speaker_scorer.tsv).

Usage: scripts/fit_speaker_scorer.py [--check]     (from anywhere; needs numpy)

The scorer turns the features of an attribution (how it was found, how its
mention resolved, where the mention stands, what kind of text it is) into
the probability that the speaker is right: logistic regression, L2-penalised,
fitted by Newton's method. Rows come from the shared evaluation data
(../shared/eval/data, beside the repository; licensed for evaluation, so only
the fitted weights are committed):

  - PolNeAR train (news): right when the speaker mention, or a mention of its
    entity, overlaps the gold source;
  - PDNC dev (novels): right when the text of the mention or of a mention of
    its entity is one of the character's names.

A quote is a row when it matches a gold quote (Jaccard >= 0.5 on alphanumeric
positions, as score.py and calibration.py match them) whose gold names a
speaker: exactly the samples calibration.py scores.

--check fits as usual but writes nothing and prints the expected calibration
error on PolNeAR dev, which the fit never sees.
"""
import json
import os
import subprocess
import sys

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
EVAL = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))
sys.path.insert(0, EVAL)
from score import norm, positions  # noqa: E402  (the scorer's own matching)

FIT_SETS = ["polnear-train", "pdnc-dev", "redewiedergabe-dev"]
WEIGHTS = os.path.join(ROOT, "crates", "quotewise", "data", "speaker_scorer.tsv")
L2 = 1.0
# Each set's rows weigh (mean set size / set size) ** BALANCE: at 0 the
# novels' 23k rows drown the German set's 2k (its ECE 0.10), at 1 each set
# counts alike and the novels' calibration suffers; the square root keeps
# every set's ECE near 0.04 or under.
BALANCE = 0.5


def rows(set_name):
    """(features, right?) for every scorable quote of a set."""
    gold_path = os.path.join(EVAL, "data", set_name + ".jsonl")
    gold = {}
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            gold[d["id"]] = d
    feed = "".join(json.dumps({"id": k, "text": d["text"]}) + "\n" for k, d in gold.items())
    out = subprocess.run(
        ["cargo", "run", "--release", "-q", "-p", "quotewise", "--example", "speaker_features"],
        cwd=ROOT, input=feed, capture_output=True, text=True, check=True).stdout.splitlines()
    names = json.loads(out[0])["feature_names"]
    xs, ys = [], []
    for line in out[1:]:
        row = json.loads(line)
        doc, feats = row["document"], row["features"]
        g = gold[row["id"]]
        text = g["text"]
        golds = [(positions(text, a["content"]), positions(text, a.get("source")),
                  {norm(n) for n in a.get("speaker_names") or []}) for a in g["attributions"]]
        mentions = {e["id"]: [(m["char_start"], m["char_end"]) for m in e["mentions"]]
                    for e in doc["entities"]}
        for q, x in zip(doc["quotes"], feats):
            sp = q.get("speaker")
            if x is None or not sp:
                continue
            pc = positions(text, [(c["char_start"], c["char_end"]) for c in q["content"]])
            best, bj = None, 0.0
            for gc, gs, gn in golds:
                if gc and pc:
                    j = len(gc & pc) / len(gc | pc)
                    if j > bj:
                        best, bj = (gs, gn), j
            if best is None or bj < 0.5 or not (best[0] or best[1]):
                continue
            m = sp.get("mention")
            spans = ([(m["char_start"], m["char_end"])] if m else []) + mentions.get(sp.get("entity"), [])
            if best[0]:
                ok = bool(best[0] & positions(text, spans))
            else:
                ok = bool(best[1] & {norm(text[s:e]) for s, e in spans})
            xs.append(x)
            ys.append(1.0 if ok else 0.0)
    return names, np.array(xs, dtype=float), np.array(ys)


def fit(x, y, s=None):
    """L2-penalised logistic regression (the bias unpenalised), by Newton;
    `s` weighs each row (all 1 when None)."""
    s = np.ones(len(y)) if s is None else s
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (s * (p - y)) + penalty * w
        hess = (x * (s * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def ece(p, y, bins=10):
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        sel = idx == b
        if sel.any():
            total += abs(p[sel].mean() - y[sel].mean()) * sel.sum() / len(p)
    return total


def main():
    data = [rows(s) for s in FIT_SETS]
    names = data[0][0]
    x = np.vstack([d[1] for d in data])
    y = np.concatenate([d[2] for d in data])
    sizes = [len(d[2]) for d in data]
    mean = sum(sizes) / len(sizes)
    w = fit(x, y, np.concatenate([np.full(n, (mean / n) ** BALANCE) for n in sizes]))
    for s, (_, xs, ys) in zip(FIT_SETS, data):
        p = 1.0 / (1.0 + np.exp(-(xs @ w)))
        print(f"{s}: {len(ys)} rows, accuracy {ys.mean():.3f}, ECE {ece(p, ys):.3f}", file=sys.stderr)
    _, xd, yd = rows("polnear-dev")
    pd = 1.0 / (1.0 + np.exp(-(xd @ w)))
    print(f"polnear-dev (not fitted on): {len(yd)} rows, ECE {ece(pd, yd):.3f}", file=sys.stderr)
    if "--check" in sys.argv:
        return
    with open(WEIGHTS, "w", encoding="utf-8") as fh:
        fh.write("# Speaker scorer weights: logistic regression over the features of\n"
                 "# crates/quotewise/src/score.rs (FEATURES), one 'name<TAB>weight' line each.\n"
                 f"# Made by scripts/fit_speaker_scorer.py (L2 = {L2}, set balance {BALANCE},\n"
                 "# Newton's method) from\n"
                 f"# {len(y)} attributed quotes of {', '.join(FIT_SETS)} (../shared/eval/data);\n"
                 "# the data stay there: only these numbers are shipped.\n")
        for n, v in zip(names, w):
            fh.write(f"{n}\t{v:.6f}\n")
    print(f"wrote {WEIGHTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
