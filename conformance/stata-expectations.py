#!/usr/bin/env python3
"""Expected values for Barometer's Stata reader, from independent readers.

Run from the repository root:

    pip install pyreadstat pandas
    python3 conformance/stata-expectations.py [--regenerate]

It does two things:

1. Writes the generated fixtures (those missing, or all with --regenerate) into Tests/SurveyIOTests/Fixtures/stata/generated/: small
   data sets covering formats 113 to 119, both byte orders, every storage type, strL, extended
   missing values with labels, dates in every Stata unit, variable and value labels, written
   with pandas' `DataFrame.to_stata` and pyreadstat's `write_dta` from a fixed seed.
2. Reads every .dta under Tests/SurveyIOTests/Fixtures/stata/ with pyreadstat (pandas'
   `read_stata` where pyreadstat fails) and writes one compact JSON per file into
   Tests/SurveyIOTests/Fixtures/stata/expected/ (the file's path with '/' as '__').

JSON layout (one object per file):

    file        path below Fixtures/stata
    reader      "pyreadstat <version>" or "pandas <version>"
    rows        number of observations
    fileLabel   data label or null
    notes       the data set's notes (pyreadstat only)
    columns     one object per variable, in file order:
        name, format, storage (pyreadstat's type name), label (or null)
        kind        "numeric", "text", "date", "datetime" or "time" (as the reader returned it)
        valueLabels [[code, text], ...]; code a number or ".a" ... ".z"
        values      every value (when the file is small): numbers, null for `.` and empty
                    strings, ".a" ... ".z" for extended missing values, seconds since 1970 for
                    dates and date-times, seconds since midnight for times
        summary     instead of values for large files: count, missing (null), extended
                    ({"a": n}), sum of the numbers, first and last three values; for text
                    nonMissing and utf8Bytes
        pandasSeconds  for date variables that pyreadstat leaves as numbers (%tw, %tm, %tq,
                    %th, %dD_m_Y, ...), pandas' conversion of each value to seconds since 1970
                    (an independent check)

The file barometer/written_118.dta is written by Barometer's own StataWriter (see
StataWriterTests.matchesTheCommittedWrittenFixture); its expectations are pyreadstat's reading of
it, so the conformance test also shows that pyreadstat reads what Barometer writes.

Swift tests read these files; they never run Python. Only needed to regenerate.
"""

import datetime as dt
import json
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
import pyreadstat

ROOT = os.path.join("Tests", "SurveyIOTests", "Fixtures", "stata")
GENERATED = os.path.join(ROOT, "generated")
EXPECTED = os.path.join(ROOT, "expected")
SMALL = 20000  # rows x columns up to which every value is kept
EPOCH_DATE = dt.date(1970, 1, 1)
EPOCH = dt.datetime(1970, 1, 1)


# ---------------------------------------------------------------------------
# Generated fixtures


def generated_frame(unicode_text):
    rng = np.random.default_rng(20240611)
    n = 24
    words = ["alpha", "beta", "gamma", "café", "naïve", "smörgåsbord", "x"]
    if unicode_text:
        words += ["Қазақстан", "Россия", "中国", "🙂"]
    text = [words[i % len(words)] if i % 5 else None for i in range(n)]
    days = [dt.datetime(1950, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 40000, n)]
    clock = [dt.datetime(1990, 1, 1) + dt.timedelta(seconds=int(s)) for s in rng.integers(0, 10**9, n)]
    f32 = rng.normal(size=n).astype("float32")
    f32[3] = np.nan
    f64 = rng.normal(scale=1e6, size=n)
    f64[[2, 7]] = np.nan
    frame = pd.DataFrame({
        "i8": rng.integers(-100, 101, n).astype("int8"),
        "i16": rng.integers(-32000, 32001, n).astype("int16"),
        "i32": rng.integers(-2_000_000_000, 2_000_000_001, n).astype("int32"),
        "f32": f32,
        "f64": f64,
        "agree": rng.integers(1, 6, n).astype("int8"),
        "txt": pd.Series(text, dtype=object),
        "day": pd.Series(days, dtype="datetime64[ns]"),
        "clock": pd.Series(clock, dtype="datetime64[ns]"),
        "month": pd.Series(days, dtype="datetime64[ns]").dt.to_period("M").dt.to_timestamp(),
        "quarter": pd.Series(days, dtype="datetime64[ns]").dt.to_period("Q").dt.to_timestamp(),
        "half": pd.Series([dt.datetime(d.year, 1 if d.month <= 6 else 7, 1) for d in days], dtype="datetime64[ns]"),
        "year": pd.Series([dt.datetime(d.year, 1, 1) for d in days], dtype="datetime64[ns]"),
    })
    return frame


def write_pandas(version, byteorder, path, unicode_text):
    frame = generated_frame(unicode_text)
    convert_strl = []
    if version >= 117:
        frame["essay"] = [("Long answer %d: " % i) + "lorem ipsum " * (180 + i) if i % 3 else None for i in range(len(frame))]
        convert_strl = ["essay"]
    labels = {
        "i8": "A byte", "i16": "An int", "i32": "A long", "f32": "A float", "f64": "A double",
        "agree": "Democracy is the best form of government", "txt": "Open answer",
        "day": "Interview day", "clock": "Interview time", "month": "Month", "quarter": "Quarter",
        "half": "Half-year", "year": "Year",
    }
    if unicode_text:
        labels["agree"] = "Демократия — лучшая форма правления"
    frame.to_stata(
        path, version=version, byteorder=byteorder, write_index=False,
        data_label="Generated by stata-expectations.py (pandas %d%s)" % (version, " big-endian" if byteorder == ">" else ""),
        variable_labels=labels,
        value_labels={"agree": {1: "Strongly disagree", 2: "Disagree", 3: "Neither", 4: "Agree", 5: "Strongly agree"}},
        convert_dates={"day": "td", "clock": "tc", "month": "tm", "quarter": "tq", "half": "th", "year": "ty"},
        **({"convert_strl": convert_strl} if version >= 117 else {}),
        time_stamp=dt.datetime(2024, 6, 11, 12, 0),
    )


def write_pyreadstat(stata_version, path):
    n = 12
    q1 = [1, 2, "a", "b", 1, 2, 2, "z", 1, 1, 2, "a"]
    frame = pd.DataFrame({
        "q1": pd.Series(q1, dtype=object),
        "income": [1200.5, np.nan, 800.0, 950.25, 3000.0, np.nan, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
        "name": ["Ana", "Bo", "", "Dana", "Eve", "Fay", "Gus", "", "Ian", "Jo", "Kim", "Lu"],
        "visit": [dt.date(2017, 1, 1) + dt.timedelta(days=37 * i) for i in range(n)],
        "stamp": [dt.datetime(2017, 3, 4, 5, 6, 7) + dt.timedelta(hours=101 * i) for i in range(n)],
        "leap": [1_798_761_600_000.0 + 1000.0 * i for i in range(n)],
    })
    pyreadstat.write_dta(
        frame, path, version=stata_version,
        file_label="Extended missing values (pyreadstat, Stata %d)" % stata_version,
        column_labels=["Do you trust parliament?", "Monthly income", "Name", "Visit date", "Time stamp", "Leap clock"],
        variable_value_labels={"q1": {1: "Yes", 2: "No", "a": "Don't know", "b": "Refused"}},
        missing_user_values={"q1": ["a", "b", "z"]},
        variable_format={"leap": "%tC"},
    )


def generate(regenerate):
    """Writes the generated fixtures that are missing (all of them with --regenerate; pyreadstat
    stamps files with the current time, so rewriting them changes their bytes)."""
    os.makedirs(GENERATED, exist_ok=True)

    def wanted(name):
        return regenerate or not os.path.exists(os.path.join(GENERATED, name))

    for version in (114, 117, 118, 119):
        if wanted("pandas_%d.dta" % version):
            write_pandas(version, "<", os.path.join(GENERATED, "pandas_%d.dta" % version), unicode_text=version >= 118)
    if wanted("pandas_118_be.dta"):
        write_pandas(118, ">", os.path.join(GENERATED, "pandas_118_be.dta"), unicode_text=True)
    if wanted("pandas_117_be.dta"):
        write_pandas(117, ">", os.path.join(GENERATED, "pandas_117_be.dta"), unicode_text=False)
    for stata_version, release in ((8, 113), (12, 115), (13, 117), (14, 118)):
        if wanted("pyreadstat_%d.dta" % release):
            write_pyreadstat(stata_version, os.path.join(GENERATED, "pyreadstat_%d.dta" % release))


# ---------------------------------------------------------------------------
# Expectations


def cell(value, kind):
    """A JSON value for one cell as pyreadstat or pandas returned it."""
    if value is None:
        return None
    if isinstance(value, str):
        if kind != "text" and len(value) == 1 and "a" <= value <= "z":
            return "." + value
        return value if value != "" else None
    if hasattr(value, "string") and type(value).__name__ == "StataMissingValue":
        return value.string if value.string != "." else None
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            return None
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return (value - EPOCH).total_seconds()
    if isinstance(value, dt.date):
        return float((value - EPOCH_DATE).days * 86400)
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    if isinstance(value, (bytes, bytearray)):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return None if math.isnan(number) else number


def kind_of(series, values, storage=None):
    if storage == "string":
        return "text"
    for v in values:
        if v is None:
            continue
        if isinstance(v, pd.Timestamp) or isinstance(v, dt.datetime):
            return "datetime"
        if isinstance(v, dt.date):
            return "date"
        if isinstance(v, dt.time):
            return "time"
        if isinstance(v, str) and storage is None:
            return "text"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "datetime"
    return "numeric"


def label_code(code):
    if isinstance(code, str):
        return "." + code
    return float(code)


def summary(kind, cells):
    first = cells[:3]
    last = cells[-3:]
    if kind == "text":
        present = [c for c in cells if c is not None]
        return {"count": len(cells), "nonMissing": len(present),
                "utf8Bytes": sum(len(c.encode("utf-8")) for c in present), "first": first, "last": last}
    numbers = [c for c in cells if isinstance(c, float)]
    extended = {}
    for c in cells:
        if isinstance(c, str):
            extended[c[1:]] = extended.get(c[1:], 0) + 1
    return {"count": len(cells), "missing": sum(1 for c in cells if c is None), "extended": extended,
            "sum": math.fsum(numbers), "first": first, "last": last}


DATE_FORMATS = tuple(p + u for p in ("%", "%-") for u in ("d", "td", "tc", "tC", "tw", "tm", "tq", "th"))


def pandas_seconds(path, names, formats):
    """pandas' own conversion of date variables that pyreadstat leaves as numbers."""
    wanted = [n for n in names if (formats.get(n) or "").startswith(DATE_FORMATS)]
    if not wanted:
        return {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = pd.read_stata(path, convert_dates=True, convert_categoricals=False, columns=wanted)
    except Exception:
        return {}
    result = {}
    for name in wanted:
        series = frame[name]
        if not pd.api.types.is_datetime64_any_dtype(series):
            continue
        result[name] = [None if pd.isna(v) else (v.to_pydatetime() - EPOCH).total_seconds() for v in series]
    return result


def with_pyreadstat(path):
    # Read twice: plainly (system-missing as NaN, which pyreadstat gets right), and with
    # user_missing=True only to learn which missing values are .a-.z (in that mode pyreadstat
    # returns garbage for `.` in object columns).
    frame, meta = pyreadstat.read_dta(path)
    tagged, _ = pyreadstat.read_dta(path, user_missing=True)
    for name in frame.columns:
        letters = [v if isinstance(v, str) and len(v) == 1 and "a" <= v <= "z" else None for v in tagged[name]]
        if meta.readstat_variable_types.get(name) != "string" and any(letters):
            frame[name] = pd.Series([l if l is not None else v for l, v in zip(letters, frame[name])], dtype=object)
    _, meta = pyreadstat.read_dta(path, user_missing=True, metadataonly=True)
    names = list(frame.columns)
    labels = dict(zip(meta.column_names, meta.column_labels))
    small = len(frame) * max(len(names), 1) <= SMALL
    kinds = {name: kind_of(frame[name], list(frame[name]), meta.readstat_variable_types.get(name)) for name in names}
    extra = pandas_seconds(path, [n for n in names if kinds[n] == "numeric"], meta.original_variable_types)
    columns = []
    for name in names:
        raw = list(frame[name])
        kind = kinds[name]
        cells = [cell(v, kind) for v in raw]
        entry = {
            "name": name,
            "format": meta.original_variable_types.get(name),
            "storage": meta.readstat_variable_types.get(name),
            "label": labels.get(name) or None,
            "kind": kind,
            "valueLabels": [[label_code(c), t] for c, t in meta.variable_value_labels.get(name, {}).items()],
        }
        if small:
            entry["values"] = cells
        else:
            entry["summary"] = summary(kind, cells)
        if name in extra:
            entry["pandasSeconds"] = extra[name] if small else extra[name][:3] + extra[name][-3:]
        columns.append(entry)
    return {"reader": "pyreadstat " + pyreadstat.__version__, "rows": meta.number_rows if meta.number_rows is not None else len(frame),
            "fileLabel": meta.file_label or None, "notes": list(meta.notes or []), "columns": columns}


def with_pandas(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = pd.io.stata.StataReader(path, convert_dates=True, convert_categoricals=False, convert_missing=True)
        with reader:
            frame = reader.read()
            variable_labels = reader.variable_labels()
            sets = reader.value_labels()
            attached = dict(zip(frame.columns, reader._lbllist))
            formats = dict(zip(frame.columns, reader._fmtlist))
            data_label = reader.data_label
    small = len(frame) * max(len(frame.columns), 1) <= SMALL
    columns = []
    for name in frame.columns:
        raw = list(frame[name])
        kind = kind_of(frame[name], raw)
        cells = [cell(v, kind) for v in raw]
        entry = {
            "name": name,
            "format": formats.get(name),
            "storage": None,
            "label": variable_labels.get(name) or None,
            "kind": kind,
            "valueLabels": [[float(c), t] for c, t in sets.get(attached.get(name, ""), {}).items()],
        }
        if small:
            entry["values"] = cells
        else:
            entry["summary"] = summary(kind, cells)
        columns.append(entry)
    return {"reader": "pandas " + pd.__version__, "rows": len(frame), "fileLabel": data_label or None,
            "notes": None, "columns": columns}


def finite(value):
    """`value` with NaN as null and infinities as "inf" / "-inf" (JSON has neither)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, list):
        return [finite(v) for v in value]
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    return value


def expectations():
    os.makedirs(EXPECTED, exist_ok=True)
    paths = []
    for directory, _, files in os.walk(ROOT):
        for f in files:
            if f.endswith(".dta"):
                paths.append(os.path.join(directory, f))
    failures = []
    for path in sorted(paths):
        relative = os.path.relpath(path, ROOT)
        try:
            result = with_pyreadstat(path)
        except Exception as error:  # pyreadstat refuses: fall back to pandas
            note = "pyreadstat: %s: %s" % (type(error).__name__, str(error).splitlines()[0][:200])
            try:
                result = with_pandas(path)
                result["pyreadstatError"] = note
            except Exception as error2:
                failures.append(relative)
                result = {"reader": None, "pyreadstatError": note,
                          "pandasError": "%s: %s" % (type(error2).__name__, str(error2).splitlines()[0][:200])}
        result = finite({"file": relative, **result})
        out = os.path.join(EXPECTED, relative.replace(os.sep, "__")[:-4] + ".json")
        with open(out, "w", encoding="utf-8") as handle:
            json.dump(result, handle, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            handle.write("\n")
    print("wrote %d expectation files; unreadable by both readers: %s" % (len(paths), failures or "none"))


if __name__ == "__main__":
    if not os.path.isdir(ROOT):
        sys.exit("run from the repository root (no %s here)" % ROOT)
    generate("--regenerate" in sys.argv[1:])
    expectations()
