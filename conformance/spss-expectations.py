#!/usr/bin/env python3
"""Reads every SPSS fixture under Tests/SurveyIOTests/Fixtures/spss with pyreadstat and writes
what it reads, compactly, to Tests/SurveyIOTests/Fixtures/spss/expected/<path>.json, where
<path> is the fixture's path with '/' replaced by '__'. The Swift tests compare Barometer's
readers against these files; they never run Python.

Run from the repository root:  python3 conformance/spss-expectations.py
Needs: pip install pyreadstat (tested with 1.3.7).

Numbers are read raw (disable_datetime_conversion): dates and times are SPSS seconds since
1582-10-14. User-missing values are kept as values (user_missing=True).
"""
import json
import math
import os
import sys

import pyreadstat

ROOT = "Tests/SurveyIOTests/Fixtures/spss"
OUT = os.path.join(ROOT, "expected")
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3


def fnv1a(strings):
    """FNV-1a (64-bit) over the UTF-8 of each value, a 0x01 byte after each; None adds 0x00."""
    h = FNV_OFFSET
    for s in strings:
        data = b"\x00" if s is None else s.encode("utf-8") + b"\x01"
        for b in data:
            h ^= b
            h = (h * FNV_PRIME) & 0xFFFFFFFFFFFFFFFF
    return format(h, "016x")


def number(x):
    if x is None:
        return None
    x = float(x)
    if math.isnan(x):
        return None
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def text_or_none(x):
    if x is None:
        return None
    if isinstance(x, float) and math.isnan(x):
        return None
    s = str(x).rstrip(" ")
    return s if s != "" else None


def describe(path):
    reader = pyreadstat.read_por if path.endswith(".por") else pyreadstat.read_sav
    kwargs = dict(disable_datetime_conversion=True)
    if not path.endswith(".por"):
        kwargs["user_missing"] = True
    try:
        df, meta = reader(os.path.join(ROOT, path), **kwargs)
    except Exception as e:  # noqa: BLE001 - we record whatever pyreadstat says
        return {"file": path, "pyreadstat": "error", "error": f"{type(e).__name__}: {e}"}
    variables = []
    for name in meta.column_names:
        col = df[name]
        fmt = meta.original_variable_types.get(name)
        is_string = meta.readstat_variable_types.get(name) == "string"
        v = {
            "name": name,
            "type": "string" if is_string else "numeric",
            "format": fmt,
            "label": meta.column_names_to_labels.get(name),
            "measure": meta.variable_measure.get(name),
        }
        labels = meta.variable_value_labels.get(name)
        if labels:
            v["valueLabels"] = [[(str(k).rstrip(" ") if is_string else number(k)), lab] for k, lab in labels.items()]
        if name in meta.missing_user_values:
            vals = meta.missing_user_values[name]
            v["missingValues"] = [str(x).rstrip(" ") if is_string else number(x) for x in vals]
        if name in meta.missing_ranges:
            v["missingRanges"] = [
                [str(r["lo"]).rstrip(" ") if is_string else number(r["lo"]),
                 str(r["hi"]).rstrip(" ") if is_string else number(r["hi"])]
                for r in meta.missing_ranges[name]
            ]
        values = col.tolist()
        if is_string:
            texts = [text_or_none(x) for x in values]
            v["present"] = sum(t is not None for t in texts)
            v["head"] = texts[:3]
            v["tail"] = texts[-3:]
            v["fnv1a"] = fnv1a(texts)
        else:
            nums = [number(x) for x in values]
            finite = [x for x in nums if isinstance(x, float)]
            v["missing"] = sum(x is None for x in nums)
            v["sum"] = math.fsum(finite)
            v["min"] = min(finite) if finite else None
            v["max"] = max(finite) if finite else None
            v["head"] = nums[:3]
            v["tail"] = nums[-3:]
        variables.append(v)
    mr = {}
    for name, s in (getattr(meta, "mr_sets", None) or {}).items():
        mr[name] = {
            "type": s.get("type"),
            "countedValue": None if s.get("counted_value") is None else str(s.get("counted_value")),
            "label": s.get("label"),
            "variables": list(s.get("variable_list") or []),
        }
    return {
        "file": path,
        "pyreadstat": pyreadstat.__version__,
        "rows": int(meta.number_rows) if meta.number_rows is not None else len(df),
        "encoding": meta.file_encoding,
        "fileLabel": meta.file_label,
        "notes": list(meta.notes or []),
        "mrSets": mr,
        "variables": variables,
    }


def compact_json(result):
    """One line per top-level key and per variable: small, and readable in a diff."""
    def dump(x):
        return json.dumps(x, ensure_ascii=False, allow_nan=False)
    lines = []
    for key, value in result.items():
        if key == "variables":
            items = ",\n".join("  " + dump(v) for v in value)
            lines.append(f' "variables": [\n{items}\n ]' if value else ' "variables": []')
        else:
            lines.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    paths = []
    for base, _, files in os.walk(ROOT):
        if os.path.abspath(base).startswith(os.path.abspath(OUT)):
            continue
        for f in files:
            if f.lower().endswith((".sav", ".zsav", ".por")):
                paths.append(os.path.relpath(os.path.join(base, f), ROOT))
    for path in sorted(paths):
        result = describe(path)
        name = path.replace("/", "__") + ".json"
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as fh:
            fh.write(compact_json(result))
        status = result.get("error") or f"{result['rows']} rows, {len(result['variables'])} variables"
        print(f"{path}: {status}", file=sys.stderr)


if __name__ == "__main__":
    main()
