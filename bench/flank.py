#!/usr/bin/env python3
"""Incidents a month per flank state by regime, with 95% intervals, from `rfsim batch` results
(bench/flank.sh): the table of docs/calibration.md "Incidents in coalition states"."""
import csv
import math
import sys

STATES = ["poland", "romania", "moldova"]
COLUMNS = [("incidents", "all incidents"), ("drone_incursions", "drone incursions"),
           ("drones", "drones in"), ("airspace", "aircraft and missiles"),
           ("sabotage", "sabotage"), ("debris", "debris falls"), ("intercepts", "shot down"),
           ("interceptors", "interceptors fired"), ("article4", "Article 4 requests")]


def mean_ci(xs):
    n = len(xs)
    m = sum(xs) / n
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1)) if n > 1 else 0.0
    h = 1.96 * sd / math.sqrt(n)
    return m, m - h, m + h


def main():
    path, days = sys.argv[1], float(sys.argv[2])
    months = days / 30.4375
    rows = list(csv.DictReader(open(path)))
    variant_col = next(c for c in rows[0] if c in ("variant", "regime"))
    by = {}
    for r in rows:
        by.setdefault(r[variant_col], []).append(r)
    print(f"{len(rows)} runs, {days:.0f} days each; figures a month (mean [95% interval])\n")
    for state in STATES:
        print(f"**{state.capitalize()}**\n")
        print("| regime | " + " | ".join(t for _, t in COLUMNS) + " |")
        print("|---" * (len(COLUMNS) + 1) + "|")
        for variant, rs in by.items():
            cells = []
            for col, _ in COLUMNS:
                xs = [float(r[f"{state}_{col}"]) / months for r in rs]
                m, lo, hi = mean_ci(xs)
                cells.append(f"{m:.2f} [{max(lo, 0):.2f}, {hi:.2f}]")
            print(f"| {variant} ({len(rs)}) | " + " | ".join(cells) + " |")
        print()


if __name__ == "__main__":
    main()
