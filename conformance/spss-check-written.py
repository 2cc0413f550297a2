#!/usr/bin/env python3
"""Checks the SPSS files Barometer writes with two other readers. Every system-file fixture is
read by Barometer and written back in each compression (the Swift test
exportWrittenFilesForExternalCheck); then pyreadstat must read each written file to the same
data and metadata as the original, and PSPP (pspp-convert) must convert it without complaint.

Run from the repository root:  python3 conformance/spss-check-written.py
Needs: swift, pyreadstat, pspp. Exits 1 when any file disagrees.
"""
import math
import os
import subprocess
import sys
import tempfile

import pyreadstat

ROOT = "Tests/SurveyIOTests/Fixtures/spss"
# Checks that cannot agree, with the reason.
KNOWN = {
    # pyreadstat decodes PSPP's UTF-8 long-string label values of these originals as mojibake;
    # Barometer reads them right and so writes them right.
    "generated/pspp_cyrillic_1251.sav": {"variable_value_labels"},
    "generated/pspp_cyrillic_koi8r.sav": {"variable_value_labels"},
    "generated/pspp_cyrillic_cp866.sav": {"variable_value_labels"},
}


def norm(x):
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, str):
        x = x.rstrip(" ")
        return x or None
    return x


def main():
    out = tempfile.mkdtemp(prefix="barometer-spss-")
    env = dict(os.environ, BAROMETER_SPSS_EXPORT=out)
    subprocess.run(["swift", "test", "--filter", "exportWrittenFilesForExternalCheck"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    problems = 0
    files = sorted(os.listdir(out))
    for name in files:
        relative = name.rsplit(".", 2)[0].replace("__", "/")
        original = os.path.join(ROOT, relative)
        skip = KNOWN.get(relative, set())
        written = os.path.join(out, name)
        try:
            d1, m1 = pyreadstat.read_sav(original, user_missing=True, disable_datetime_conversion=True)
        except Exception:  # noqa: BLE001 - pyreadstat cannot read the original: nothing to compare
            d1 = None
        found = []
        try:
            d2, m2 = pyreadstat.read_sav(written, user_missing=True, disable_datetime_conversion=True)
        except Exception as e:  # noqa: BLE001
            found.append(f"pyreadstat: {e}")
            d2 = None
        if d1 is not None and d2 is not None:
            if list(d1.columns) != list(d2.columns):
                found.append("names differ")
            else:
                for c in d1.columns:
                    if [norm(x) for x in d1[c].tolist()] != [norm(x) for x in d2[c].tolist()]:
                        found.append(f"data of {c}")
                for what in ["variable_value_labels", "column_names_to_labels", "missing_ranges", "variable_measure"]:
                    if what not in skip and getattr(m1, what) != getattr(m2, what):
                        found.append(what)
                if (m1.mr_sets or {}) != (m2.mr_sets or {}):
                    # Barometer writes every dichotomy set as type D and fills in labels taken from the first variable.
                    if set(m1.mr_sets) != set(m2.mr_sets):
                        found.append("mr_sets")
        converted = subprocess.run(["pspp-convert", written, os.path.join(out, "check.csv")],
                                   capture_output=True, text=True)
        if converted.returncode != 0 or converted.stderr.strip():
            found.append(f"pspp-convert: {converted.stderr.strip()[:200]}")
        if found:
            problems += 1
            print(f"{name}: {'; '.join(found[:5])}")
    print(f"{len(files)} written files checked, {problems} with problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
