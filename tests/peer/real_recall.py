#!/usr/bin/env python3
"""Recall on the peer positives of uncovered provider families that are real secrets.

    python3 ../shared/peer-suites/secrets/score.py --results /tmp/results.json
    python3 tests/peer/real_recall.py /tmp/results.json [--judgements tests/peer/uncovered-judgements.json]

Reads score.py's per-vector results and tests/peer/uncovered-judgements.json (vector ids judged
`not_real`, each with its reason, found or missed alike). Positives of class `uncovered` are
counted; those judged not real are taken out of the figure, numerator and denominator. A judged
vector that authlens flags anyway is a placeholder or non-secret it still reports: counted and,
with --list, listed. Prints "uncovered positives judged real: F/R (P %)". Standard library only.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("results", help="score.py --results file")
    ap.add_argument("--judgements", default=os.path.join(HERE, "uncovered-judgements.json"))
    ap.add_argument("--missed", action="store_true", help="list the unjudged misses by family")
    ap.add_argument("--list", action="store_true", help="list the judged vectors authlens flags anyway")
    args = ap.parse_args()
    with open(args.results, encoding="utf-8") as f:
        results = json.load(f)
    with open(args.judgements, encoding="utf-8") as f:
        doc = json.load(f)
    judged: dict[str, str] = {}
    for j in doc["judgements"]:
        if j.get("verdict") != "not_real":
            continue
        for i in j["ids"]:
            judged[i] = f"{j['family']}: {j['reason']}"
    pos = [r for r in results if r["kind"] == "tp" and r["cls"] == "uncovered"]
    ids = {r["id"] for r in pos}
    unknown = sorted(set(judged) - ids)
    reported = [r for r in pos if r["id"] in judged and r["found"]]
    real = [r for r in pos if r["id"] not in judged]
    found = sum(r["found"] for r in real)
    print(f"uncovered positives: {sum(r['found'] for r in pos)}/{len(pos)} flagged; "
          f"{len(pos) - len(real)} judged not real, of which authlens flags {len(reported)} anyway")
    if args.list:
        for r in reported:
            print(f"  flagged though judged not real: {r['id']} by {','.join(r['rules'])}: {judged[r['id']]}")
    if unknown:
        print(f"  {len(unknown)} judged ids are not uncovered positives of this suite: {', '.join(unknown[:5])}…")
    if args.missed:
        by = collections.Counter(r["provider"] for r in real if not r["found"])
        for fam, n in by.most_common():
            print(f"  missed, unjudged: {fam} {n}")
    pct = 100.0 * found / len(real) if real else 0.0
    print(f"uncovered positives judged real: {found}/{len(real)} ({pct:.1f} %)")
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main())
