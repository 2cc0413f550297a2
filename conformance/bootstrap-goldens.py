#!/usr/bin/env python3
"""Goldens for the bootstrap intervals of reliability (TextCoding's `ReliabilityBootstrap`),
computed independently: the same SplitMix64 draws (Steele, Lea & Flood 2014) turned into unit
indices as the Swift code does (the high 64 bits of draw × N, Lemire 2019), Krippendorff's
alpha of each resample by the `krippendorff` package, and the percentile interval by numpy's
default (linear) quantile, which is R's type 7. A replicate where the package finds alpha
undefined (one value only) is counted and left out. Data: Krippendorff's (2011) example.
Writes Tests/TextCodingTests/Fixtures/bootstrap-golden.json; no test runs Python.

    pip install krippendorff && python3 conformance/bootstrap-goldens.py
"""
import importlib.metadata
import json
import os

import krippendorff
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MASK = (1 << 64) - 1

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders, 12 units.
UNITS = [
    [1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5], [None, None, 1, 1], [None, 3, None, None],
]


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def alpha(units, level):
    data = np.array([[np.nan if x is None else x for x in unit] for unit in units], dtype=float).T
    try:
        value = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    except ValueError:
        return None
    return None if np.isnan(value) else float(value)


def bootstrap(units, level, replicates, seed, confidence):
    generator = SplitMix64(seed)
    n = len(units)
    values, undefined = [], 0
    for _ in range(replicates):
        drawn = [(generator.next() * n) >> 64 for _ in range(n)]
        value = alpha([units[i] for i in drawn], level)
        if value is None:
            undefined += 1
        else:
            values.append(value)
    tail = (1 - confidence) / 2
    return {"level": level, "replicates": replicates, "seed": seed, "confidence": confidence,
            "lower": float(np.quantile(values, tail)), "upper": float(np.quantile(values, 1 - tail)),
            "standardError": float(np.std(values, ddof=1)), "undefined": undefined}


def main():
    cases = [bootstrap(UNITS, "nominal", 1000, 2007, 0.95), bootstrap(UNITS, "interval", 1000, 2007, 0.95),
             bootstrap(UNITS, "ordinal", 500, 42, 0.9)]
    out = {"generator": f"krippendorff {importlib.metadata.version('krippendorff')}, numpy {np.__version__}",
           "units": UNITS, "cases": cases}
    path = os.path.join(ROOT, "Tests/TextCodingTests/Fixtures/bootstrap-golden.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    for c in cases:
        print(c)


if __name__ == "__main__":
    main()
