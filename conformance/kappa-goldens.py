#!/usr/bin/env python3
"""Goldens for Cohen's and Fleiss' kappa from statsmodels (`statsmodels.stats.inter_rater`):
random codings of two coders (unweighted, linear and quadratic weights; some units coded by one
coder only, which kappa leaves out) and of several coders who all code every unit. Writes
Tests/TextCodingTests/Fixtures/kappa-golden.json; no test runs Python.

    pip install statsmodels && python3 conformance/kappa-goldens.py
"""
import importlib.metadata
import json
import os
import random

import numpy as np
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def coding(rng, coders, units, values, missing, agree=0.65):
    truth = [rng.randint(1, values) for _ in range(units)]
    return [[None if rng.random() < missing else (truth[u] if rng.random() < agree else rng.randint(1, values))
             for _ in range(coders)] for u in range(units)]


def main():
    rng = random.Random(1960)
    cohen = []
    for units, values, missing in [(30, 2, 0.0), (50, 3, 0.1), (80, 5, 0.05), (25, 4, 0.2), (120, 7, 0.0)]:
        data = coding(rng, 2, units, values, missing)
        both = [u for u in data if u[0] is not None and u[1] is not None]
        codes = sorted({x for u in both for x in u})
        table = np.zeros((len(codes), len(codes)))
        for a, b in both:
            table[codes.index(a), codes.index(b)] += 1
        kappas = {"unweighted": float(cohens_kappa(table).kappa),
                  "linear": float(cohens_kappa(table, wt="linear").kappa),
                  "quadratic": float(cohens_kappa(table, wt="quadratic").kappa)}
        cohen.append({"units": data, "kappa": kappas})
    fleiss = []
    for coders, units, values in [(3, 20, 3), (5, 40, 4), (4, 15, 2), (6, 60, 6)]:
        data = coding(rng, coders, units, values, 0.0)
        counts, _ = aggregate_raters(np.array(data))
        fleiss.append({"units": data, "kappa": float(fleiss_kappa(counts, method="fleiss"))})
    generator = f"statsmodels {importlib.metadata.version('statsmodels')}, numpy {np.__version__}"
    out = os.path.join(ROOT, "Tests/TextCodingTests/Fixtures/kappa-golden.json")
    with open(out, "w") as f:
        json.dump({"generator": generator, "cohen": cohen, "fleiss": fleiss}, f, indent=1)
        f.write("\n")
    print([c["kappa"] for c in cohen], [c["kappa"] for c in fleiss])


if __name__ == "__main__":
    main()
