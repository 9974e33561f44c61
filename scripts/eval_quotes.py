#!/usr/bin/env python3
"""Scores `sourcebook extract --json` against hand-made gold quote files.

Usage: eval_quotes.py SOURCEBOOK_BINARY ARTICLE.txt GOLD.json [ARTICLE.txt GOLD.json ...]
With only the binary, scores the seed in ../shared/fixtures when it is there.
Prints precision, recall and F1 of (speaker, text) pairs and of (speaker, kind, text) triples.
"""
import json
import os
import subprocess
import sys


def pairs(quotes, with_kind):
    return {(q["speaker"], q["kind"] if with_kind else "", " ".join(q["text"].split())) for q in quotes}


def score(found, gold):
    hit = len(found & gold)
    p = hit / len(found) if found else 0.0
    r = hit / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    binary, rest = sys.argv[1], sys.argv[2:]
    if not rest:
        shared = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "fixtures")
        rest = [os.path.join(shared, "scmp-satellite-switch.txt"),
                os.path.join(shared, "scmp-satellite-switch.gold.json")]
    totals = {False: [set(), set()], True: [set(), set()]}
    for article, gold_path in zip(rest[::2], rest[1::2]):
        out = json.loads(subprocess.run([binary, "extract", article, "--json"], check=True,
                                        capture_output=True, text=True).stdout)
        gold = json.load(open(gold_path, encoding="utf-8"))["quotes"]
        for with_kind in (False, True):
            tag = os.path.basename(article) + "\0"
            totals[with_kind][0] |= {(tag,) + x for x in pairs(out["quotes"], with_kind)}
            totals[with_kind][1] |= {(tag,) + x for x in pairs(gold, with_kind)}
        missed = pairs(gold, True) - pairs(out["quotes"], True)
        extra = pairs(out["quotes"], True) - pairs(gold, True)
        for s, k, t in sorted(missed):
            print(f"  missed [{k}] {s}: {t[:70]}")
        for s, k, t in sorted(extra):
            print(f"  extra  [{k}] {s}: {t[:70]}")
    for with_kind, label in ((False, "speaker+text"), (True, "speaker+kind+text")):
        p, r, f = score(*totals[with_kind])
        print(f"{label:<18} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
