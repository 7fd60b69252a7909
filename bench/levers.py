#!/usr/bin/env python3
"""Turns bench/levers.sh's batch CSVs into the levers table of docs/calibration.md.

For each scenario and lever: each setting's mean per run, and its difference from the shipped
setting (the first value of the lever) with a 95% interval. Every variant of one batch ran the
same seeds, so the difference is taken run by run (paired), which removes the seed's share of
the spread. An interval that excludes zero is marked with *.
"""
import csv
import math
import sys
from collections import defaultdict
from pathlib import Path

SCENARIOS = [("partial-ceasefire", "partial ceasefire"), ("full-ceasefire", "full ceasefire"),
             ("no-ceasefire", "no ceasefire")]
LEVERS = ["us_support", "coalition", "caveats", "response_standard"]
# (column, header, how a run's value is read, decimals)
MEASURES = [
    ("ceasefire_held", "ceasefire broken", lambda v: 1.0 - float(v), 2),
    ("highest_step", "Red's highest step", float, 2),
    ("violations_per_day", "violations a day", float, 0),
    ("ground_lost_km2", "ground lost (km²)", float, 0),
    ("ua_losses", "Ukraine's losses", float, 0),
    ("red_losses", "Red's losses", float, 0),
    ("coalition_losses", "coalition's losses", float, 0),
]


def paired(ref, other):
    d = [b - a for a, b in zip(ref, other)]
    n = len(d)
    mean = sum(d) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in d) / (n - 1)) if n > 1 else 0.0
    half = 1.96 * sd / math.sqrt(n)
    return mean, mean - half, mean + half


def fmt(x, decimals):
    return f"{x:,.{decimals}f}"


def main(folder):
    out = []
    runs_seen = set()
    for scenario, title in SCENARIOS:
        out.append(f"\n### {title} (`{scenario}.toml`)\n")
        out.append("Each cell: the mean over the runs; below a lever's first (shipped) setting, the "
                   "difference from it [95% interval], * where the interval excludes zero.\n")
        out.append("| lever | setting | " + " | ".join(m[1] for m in MEASURES) + " |")
        out.append("|---|---|" + "---|" * len(MEASURES))
        for lever in LEVERS:
            path = Path(folder) / f"{scenario}.{lever}.csv"
            rows = defaultdict(dict)  # variant -> replication -> row
            order = []
            with open(path, newline="") as f:
                for r in csv.DictReader(f):
                    if r["variant"] not in rows:
                        order.append(r["variant"])
                    rows[r["variant"]][int(r["replication"])] = r
            ref = order[0]
            reps = sorted(rows[ref])
            runs_seen.add(len(reps))
            for variant in order:
                cells = []
                for col, _, read, dec in MEASURES:
                    if any(rows[variant][k][col] == "" for k in reps):
                        cells.append("n/a")  # e.g. no ceasefire to break
                        continue
                    mine = [read(rows[variant][k][col]) for k in reps]
                    mean = sum(mine) / len(mine)
                    if variant == ref:
                        cells.append(fmt(mean, dec))
                        continue
                    base = [read(rows[ref][k][col]) for k in reps]
                    d, lo, hi = paired(base, mine)
                    star = "*" if lo > 0 or hi < 0 else ""
                    cells.append(f"{fmt(mean, dec)}<br>{d:+,.{dec}f} [{lo:+,.{dec}f}, {hi:+,.{dec}f}]{star}")
                setting = variant.split("=", 1)[1]
                out.append(f"| {lever} | {setting} | " + " | ".join(cells) + " |")
    runs = ", ".join(str(n) for n in sorted(runs_seen))
    print(f"Runs a variant: {runs}; 90 days each; MSEL removed (`bench/levers.sh`).")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/levers")
