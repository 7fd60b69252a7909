#!/usr/bin/env python3
"""Monthly figures of bench/twelve_months.sh's runs: a markdown table on stdout and an SVG chart.

A month is 30 days (twelve of them, days 1-360). For each scenario and variant: violations a day
(mean over the runs, with a 95% interval from the spread between runs), Red's mean ladder step
over the sectors at the month's end, and the ground Ukraine lost since the start.
"""
import csv
import math
import sys
from pathlib import Path

SCENARIOS = [("full-ceasefire", "full ceasefire"), ("partial-ceasefire", "partial ceasefire"),
             ("no-ceasefire", "no ceasefire")]
VARIANTS = [("coalition=shipped", "enforced (force as shipped)", "#1f5fa8"),
            ("coalition=observers", "unenforced (observers only)", "#c0392b")]
MONTHS = 12


def monthly(path):
    rows = list(csv.DictReader(open(path, newline="")))
    out = []
    ground = 0.0
    for m in range(MONTHS):
        days = rows[m * 30:(m + 1) * 30]
        if len(days) < 30:
            break
        ground += sum(float(d["ground_lost_km2"]) for d in days)
        out.append((sum(int(d["total"]) for d in days) / 30.0, float(days[-1]["mean_step"]), ground))
    return out


def mean_ci(xs):
    n = len(xs)
    m = sum(xs) / n
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1)) if n > 1 else 0.0
    return m, 1.96 * sd / math.sqrt(n)


def collect(folder):
    data = {}
    for scenario, _ in SCENARIOS:
        for variant, _, _ in VARIANTS:
            runs = [monthly(p) for p in sorted((Path(folder) / scenario).glob(variant + ".*.csv"))]
            if not runs:
                sys.exit(f"twelve_months: no runs of {variant} in {folder}/{scenario}")
            data[scenario, variant] = (len(runs), [
                [mean_ci([r[m][k] for r in runs]) for k in range(3)] for m in range(MONTHS)])
    return data


def svg(data, path):
    w, h, left, top, pw, ph, gap = 980, 380, 60, 40, 270, 240, 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
             f'font-family="sans-serif" font-size="12">',
             '<rect width="100%" height="100%" fill="white"/>']
    for i, (scenario, title) in enumerate(SCENARIOS):
        x0 = left + i * (pw + gap)
        highest = max(m[0][0] + m[0][1] for v, _, _ in VARIANTS for m in data[scenario, v][1])
        scale = 10 ** math.floor(math.log10(highest)) if highest > 0 else 1
        top_value = next(k * scale for k in (1, 2, 2.5, 5, 10) if k * scale >= highest)
        sx = lambda m: x0 + pw * (m + 0.5) / MONTHS
        sy = lambda y: top + ph - ph * y / top_value
        parts.append(f'<text x="{x0 + pw / 2}" y="{top - 16}" text-anchor="middle" '
                     f'font-weight="bold">{title}</text>')
        parts.append(f'<rect x="{x0}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>')
        for k in range(5):
            y = top_value * k / 4
            parts.append(f'<line x1="{x0}" x2="{x0 + pw}" y1="{sy(y):.1f}" y2="{sy(y):.1f}" stroke="#eee"/>')
            parts.append(f'<text x="{x0 - 4}" y="{sy(y) + 4:.1f}" text-anchor="end">{y:,.0f}</text>')
        for m in range(0, MONTHS, 2):
            parts.append(f'<text x="{sx(m):.1f}" y="{top + ph + 16}" text-anchor="middle">{m + 1}</text>')
        for variant, _, colour in VARIANTS:
            months = data[scenario, variant][1]
            band = [(sx(m), sy(v[0][0] + v[0][1])) for m, v in enumerate(months)] + \
                   [(sx(m), sy(max(0, v[0][0] - v[0][1]))) for m, v in reversed(list(enumerate(months)))]
            parts.append('<polygon points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in band) +
                         f'" fill="{colour}" fill-opacity="0.18" stroke="none"/>')
            parts.append('<polyline points="' +
                         " ".join(f"{sx(m):.1f},{sy(v[0][0]):.1f}" for m, v in enumerate(months)) +
                         f'" fill="none" stroke="{colour}" stroke-width="2"/>')
    parts.append(f'<text x="{left}" y="{top + ph + 40}">month (30 days); violations a day, '
                 'mean over the runs with its 95% interval</text>')
    for j, (_, label, colour) in enumerate(VARIANTS):
        x = left + 420 + j * 250
        parts.append(f'<rect x="{x}" y="{top + ph + 58}" width="14" height="4" fill="{colour}"/>')
        parts.append(f'<text x="{x + 20}" y="{top + ph + 64}">{label}</text>')
    parts.append('</svg>')
    Path(path).write_text("\n".join(parts) + "\n")


def table(data):
    print("| regime | force | runs | " + " | ".join(f"month {m + 1}" for m in (0, 2, 5, 8, 11)) + " |")
    print("|---|---|---|" + "---|" * 5)
    for scenario, title in SCENARIOS:
        for variant, label, _ in VARIANTS:
            n, months = data[scenario, variant]
            cells = []
            for m in (0, 2, 5, 8, 11):
                (v, ci), (step, _), (ground, _) = months[m]
                cells.append(f"{v:,.0f} ±{ci:,.0f}/day; step {step:.1f}; {ground:,.0f} km²")
            print(f"| {title} | {label} | {n} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    data = collect(sys.argv[1] if len(sys.argv) > 1 else "build/twelve-months")
    svg(data, sys.argv[2] if len(sys.argv) > 2 else "docs/img/twelve-months.svg")
    table(data)
