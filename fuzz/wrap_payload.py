#!/usr/bin/env python3
"""Wraps a save payload (what fuzz_save_payload takes: uncompressed cereal bytes) in a valid
40-byte header with the right lengths and checksum, so that `rfsim save-info FILE` and
fuzz_save_raw read it as fuzz_save_payload did:  python3 fuzz/wrap_payload.py IN OUT.rfsave
The header is docs/save-format.md's: magic, version 1, flags 0, two lengths, XXH64."""
import struct
import sys

M = (1 << 64) - 1
P1, P2, P3, P4, P5 = (0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                      0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5)


def rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & M


def round_(acc, lane):
    return (rotl((acc + lane * P2) & M, 31) * P1) & M


def merge(acc, v):
    return ((acc ^ round_(0, v)) * P1 + P4) & M


def xxh64(data, seed=0):
    n, i = len(data), 0
    if n >= 32:
        v = [(seed + P1 + P2) & M, (seed + P2) & M, seed, (seed - P1) & M]
        while i + 32 <= n:
            for k in range(4):
                v[k] = round_(v[k], struct.unpack_from('<Q', data, i + 8 * k)[0])
            i += 32
        h = (rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18)) & M
        for k in range(4):
            h = merge(h, v[k])
    else:
        h = (seed + P5) & M
    h = (h + n) & M
    while i + 8 <= n:
        h = (rotl(h ^ round_(0, struct.unpack_from('<Q', data, i)[0]), 27) * P1 + P4) & M
        i += 8
    if i + 4 <= n:
        h = (rotl(h ^ (struct.unpack_from('<I', data, i)[0] * P1) & M, 23) * P2 + P3) & M
        i += 4
    while i < n:
        h = (rotl(h ^ (data[i] * P5) & M, 11) * P1) & M
        i += 1
    h ^= h >> 33
    h = (h * P2) & M
    h ^= h >> 29
    h = (h * P3) & M
    return h ^ (h >> 32)


def wrap(payload):
    head = b'RFSIMSAV' + struct.pack('<IIQQ', 1, 0, len(payload), len(payload))
    return head + struct.pack('<Q', xxh64(head + payload)) + payload


if __name__ == '__main__':
    payload = open(sys.argv[1], 'rb').read()
    open(sys.argv[2], 'wb').write(wrap(payload))
