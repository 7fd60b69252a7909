#!/usr/bin/env python3
"""Writes fuzz/geo/ (the map outlines the theatre harnesses load: assets/geo/'s, simplified)
and the GeoJSON harness's two big seeds. Run it from the repository's root when assets/geo/
changes:  python3 fuzz/simplify_geo.py   Then check: rfsim --assets DIR validate SCENARIO with
DIR holding fuzz/geo as geo/ and assets/theatre as theatre/ (docs/fuzzing.md)."""
import json

# Points kept per ring at most: fewer lose a staging area or a label from its polygon.
MAX_POINTS = {'ukraine_admin1': 40, 'neighbours_admin0': 60}
KEEP_POLYGONS = 3  # of a MultiPolygon, the largest


def decimate(ring, most):
    step = -(-len(ring) // most)
    out = [[round(x, 3) for x in p] for p in ring[::step]]
    if out[0] != out[-1]:
        out.append(out[0])  # GeoJSON rings close on their first position
    return out


for selector, name in enumerate(['ukraine_admin1', 'neighbours_admin0']):
    doc = json.load(open(f'assets/geo/{name}.geojson'))
    for feature in doc['features']:
        g = feature['geometry']
        if g['type'] == 'Polygon':
            g['coordinates'] = [decimate(r, MAX_POINTS[name]) for r in g['coordinates']]
        else:
            largest = sorted(g['coordinates'], key=lambda p: -len(p[0]))[:KEEP_POLYGONS]
            g['coordinates'] = [[decimate(r, MAX_POINTS[name]) for r in p] for p in largest]
    text = json.dumps(doc, separators=(',', ':'), ensure_ascii=False).encode()
    open(f'fuzz/geo/{name}.geojson', 'wb').write(text)
    # The harness reads its first byte as the file to replace: 0 Ukraine, 1 the neighbours.
    open(f'fuzz/corpus/theatre_geojson/{name}-simplified.bin', 'wb').write(bytes([selector]) + text)
