#!/usr/bin/env python3
"""The worked examples of R's irr package (Gamer, Lemon, Fellows & Singh) as fixtures for the
reliability tests: `diagnoses` (Fleiss 1971, Table 1: 30 patients, 6 psychiatrists each,
5 diagnoses) and `anxiety` (20 subjects, 3 raters, scores 1 to 6), with the kappas that irr's
functions give, through pyirr (a line-by-line port of irr that ships the same data). The
published values the tests also check (Fleiss' κ = 0.430 and its per-diagnosis kappas; Cohen's
κ of raters 1–2, 1–3, 2–3 of `diagnoses`) are written in the tests themselves. Writes
Tests/TextCodingTests/Fixtures/irr-examples.json; no test runs Python.

    pip install pyirr && python3 conformance/irr-examples.py
"""
import importlib.metadata
import json
import os

from pyirr import kappa2, kappam_fleiss, read_data

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    diagnoses = read_data("diagnoses")
    labels = sorted({x for column in diagnoses.columns for x in diagnoses[column]})
    # "1. Depression" ... "5. Other": the number in front is the code.
    coded = [[int(x.split(".")[0]) for x in row] for row in diagnoses.itertuples(index=False)]
    fleiss = kappam_fleiss(diagnoses, detail=True)
    cohen = {f"{a + 1}-{b + 1}": float(kappa2(diagnoses.iloc[:, [a, b]], "unweighted").value)
             for a, b in [(0, 1), (0, 2), (1, 2)]}
    anxiety = read_data("anxiety")
    pair = anxiety.iloc[:, [1, 2]]
    weighted = {name: float(kappa2(pair, weight).value)
                for name, weight in [("unweighted", "unweighted"), ("linear", "equal"), ("quadratic", "squared")]}
    out = {
        "generator": f"pyirr {importlib.metadata.version('pyirr')} (port of R irr 0.84)",
        "diagnoses": {"labels": labels, "units": coded, "fleiss": float(fleiss.value), "cohen": cohen},
        "anxiety": {"units": [[int(x) for x in row] for row in anxiety.itertuples(index=False)],
                    "cohenRaters2And3": weighted},
    }
    path = os.path.join(ROOT, "Tests/TextCodingTests/Fixtures/irr-examples.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(out["diagnoses"]["fleiss"], cohen, weighted)


if __name__ == "__main__":
    main()
