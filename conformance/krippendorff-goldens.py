#!/usr/bin/env python3
"""Goldens for Krippendorff's alpha from an independent implementation, the `krippendorff`
package on PyPI (`pip install krippendorff`): Krippendorff's own example (4 coders, 12 units,
missing codes) and six random reliability matrices (2-6 coders, 5-60 units, a few to many
values, missing codes), alpha at every level of measurement. Writes
Tests/TextCodingTests/Fixtures/krippendorff-golden.json; no test runs Python.

    python3 conformance/krippendorff-goldens.py
"""
import importlib.metadata
import json
import os
import random

import krippendorff
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEVELS = ["nominal", "ordinal", "interval", "ratio"]


def case(name, rows):
    data = np.array([[np.nan if x is None else x for x in row] for row in rows], dtype=float)
    alphas = {level: float(krippendorff.alpha(reliability_data=data, level_of_measurement=level)) for level in LEVELS}
    # Units as the test reads them: one array per unit with each coder's code.
    units = [[rows[c][u] for c in range(len(rows))] for u in range(len(rows[0]))]
    return {"name": name, "units": units, "alpha": alphas}


def main():
    cases = [case("Krippendorff (2011), the example of section C", [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ])]
    rng = random.Random(2011)
    for i, (coders, units, values, missing) in enumerate([(2, 20, 2, 0.0), (3, 30, 4, 0.1), (4, 12, 5, 0.25), (5, 60, 7, 0.2),
                                                         (6, 5, 3, 0.3), (2, 40, 10, 0.05)]):
        truth = [rng.randint(1, values) for _ in range(units)]
        rows = []
        for _ in range(coders):
            row = []
            for u in range(units):
                if rng.random() < missing:
                    row.append(None)
                elif rng.random() < 0.7:
                    row.append(truth[u])
                else:
                    row.append(rng.randint(1, values))
            rows.append(row)
        cases.append(case(f"random {i + 1}: {coders} coders, {units} units, {values} values, {missing:.0%} missing", rows))
    out = os.path.join(ROOT, "Tests/TextCodingTests/Fixtures/krippendorff-golden.json")
    with open(out, "w") as f:
        json.dump({"generator": "krippendorff " + importlib.metadata.version("krippendorff") + ", numpy " + np.__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    for c in cases:
        print(c["name"], {k: round(v, 6) for k, v in c["alpha"].items()})


if __name__ == "__main__":
    main()
