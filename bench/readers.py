#!/usr/bin/env python3
"""Times Barometer's file readers against pyreadstat (and pandas for CSV) on the same files.

Usage, from the repository root (see BENCHMARKS.md):

    swift build -c release --product barometer --scratch-path .build-bench
    python3 bench/readers.py                 # 1,000,000 x 50, 5 alternating runs per file
    python3 bench/readers.py --rows 100000 --runs 3 --files sav,dta

What it does:

1. Generates deterministic test files (numpy seed 20240614) in .build-bench/bench-data/
   (git-ignored; never commit them), once, reused while --rows and the seed match:
   - data-uncompressed.sav: SPSS system file without compression (pyreadstat write_sav)
   - data-bytecode.sav:     SPSS system file, bytecode (row) compression (row_compress=True)
   - data.zsav:             SPSS system file, ZLIB compression (compress=True)
   - data.dta:              Stata format 118 (pandas to_stata(version=118)), all doubles
   - data.csv:              the same values as CSV (pandas to_csv), codes written as integers
   Every file holds the same 50 numeric variables: an id, 35 five-point items with "don't
   know" (98) and "refused" (99) codes and ~2% system-missing, 8 demographic codes and counts,
   and 6 continuous measures (weights, scores, income) rounded to 4 decimals.
2. For each file, N rounds; each round times one read by the peer in this process
   (pyreadstat.read_sav / read_dta, pandas.read_csv) and one by `barometer bench read FILE
   --repeat 1` (which times only its own read, not the process start), alternating which goes
   first, so both see the same machine load.
3. Prints a Markdown table: file size, median seconds and MB/s (10^6 bytes of the file per
   second) of each reader, and the median over rounds of the speed ratio
   Barometer / peer (= peer seconds / Barometer seconds; above 1 means Barometer is faster).
   With --baseline OLD_BINARY an older build is timed in the same rounds too (for the effect
   of a change to a reader).

Needs numpy, pandas and pyreadstat; the script installs them with pip when they are missing
(--no-install to refuse).
"""

import argparse
import gc
import importlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20240614
FILES = {
    # key: (file name, peer name)
    "sav": ("data-uncompressed.sav", "pyreadstat.read_sav"),
    "bytecode": ("data-bytecode.sav", "pyreadstat.read_sav"),
    "zsav": ("data.zsav", "pyreadstat.read_sav"),
    "dta": ("data.dta", "pyreadstat.read_dta"),
    "csv": ("data.csv", "pandas.read_csv"),
}


def ensure_packages(allow_install):
    missing = [p for p in ("numpy", "pandas", "pyreadstat") if importlib.util.find_spec(p) is None]
    if not missing:
        return
    if not allow_install:
        sys.exit(f"error: missing Python packages {', '.join(missing)}; run: pip install {' '.join(missing)}")
    print(f"installing {' '.join(missing)} with pip ...", file=sys.stderr)
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", *missing])


def make_frame(rows):
    """The deterministic data: 50 numeric columns, as a survey would hold them."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(SEED)
    columns = {"id": np.arange(1, rows + 1, dtype=np.float64)}
    for i in range(1, 36):
        codes = rng.integers(1, 6, size=rows).astype(np.float64)
        special = rng.random(rows)
        codes[special < 0.03] = 98.0
        codes[(special >= 0.03) & (special < 0.04)] = 99.0
        codes[(special >= 0.04) & (special < 0.06)] = np.nan
        columns[f"q{i:02d}"] = codes
    columns["region"] = rng.integers(1, 13, size=rows).astype(np.float64)
    columns["sex"] = rng.integers(1, 3, size=rows).astype(np.float64)
    columns["age"] = rng.integers(18, 91, size=rows).astype(np.float64)
    columns["educ"] = rng.integers(1, 8, size=rows).astype(np.float64)
    columns["hhsize"] = rng.integers(1, 10, size=rows).astype(np.float64)
    columns["urban"] = rng.integers(0, 2, size=rows).astype(np.float64)
    columns["wave"] = rng.integers(1, 13, size=rows).astype(np.float64)
    columns["psu"] = rng.integers(1, 2001, size=rows).astype(np.float64)
    columns["weight"] = np.round(rng.lognormal(0.0, 0.5, size=rows), 4)
    columns["trimwt"] = np.round(np.clip(columns["weight"], 0.2, 5.0), 4)
    columns["score"] = np.round(rng.normal(50.0, 10.0, size=rows), 4)
    columns["trust"] = np.round(rng.normal(0.0, 1.0, size=rows), 4)
    income = np.round(rng.lognormal(10.0, 0.8, size=rows), 2)
    income[rng.random(rows) < 0.05] = np.nan
    columns["income"] = income
    columns["hours"] = np.round(rng.uniform(0.0, 60.0, size=rows), 4)
    frame = pd.DataFrame(columns)
    assert frame.shape[1] == 50
    return frame


def generate(data_dir, rows, wanted):
    """Writes the files that are missing or were made for another row count."""
    stamp_path = os.path.join(data_dir, "stamp.json")
    stamp = {"rows": rows, "seed": SEED, "version": 1}
    os.makedirs(data_dir, exist_ok=True)
    try:
        with open(stamp_path) as f:
            current = json.load(f) == stamp
    except (OSError, ValueError):
        current = False
    todo = [k for k in wanted if not (current and os.path.exists(os.path.join(data_dir, FILES[k][0])))]
    if not todo:
        return
    if not current:
        for name, _ in FILES.values():
            path = os.path.join(data_dir, name)
            if os.path.exists(path):
                os.remove(path)
    import pyreadstat

    print(f"generating {rows:,} x 50 data ...", file=sys.stderr)
    frame = make_frame(rows)
    for key in todo:
        path = os.path.join(data_dir, FILES[key][0])
        start = time.perf_counter()
        if key == "sav":
            pyreadstat.write_sav(frame, path)
        elif key == "bytecode":
            pyreadstat.write_sav(frame, path, row_compress=True)
        elif key == "zsav":
            pyreadstat.write_sav(frame, path, compress=True)
        elif key == "dta":
            frame.to_stata(path, write_index=False, version=118)
        elif key == "csv":
            text = frame.copy()
            for name in text.columns:
                values = text[name]
                if (values.dropna() % 1 == 0).all():
                    text[name] = values.astype("Int64")
            text.to_csv(path, index=False)
        print(f"  wrote {path} ({os.path.getsize(path) / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s",
              file=sys.stderr)
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)


def peer_read(key, path):
    """Reads `path` with the peer; returns (seconds, rows, columns)."""
    import pandas as pd
    import pyreadstat

    gc.collect()
    start = time.perf_counter()
    if key == "dta":
        frame, _ = pyreadstat.read_dta(path)
    elif key == "csv":
        frame = pd.read_csv(path)
    else:
        frame, _ = pyreadstat.read_sav(path)
    seconds = time.perf_counter() - start
    shape = frame.shape
    del frame
    gc.collect()
    return seconds, shape[0], shape[1]


def barometer_report(binary, path, repeat=1):
    """The JSON report of `barometer bench read path --repeat repeat` (seconds of each read, rows,
    columns)."""
    out = subprocess.run([binary, "bench", "read", path, "--repeat", str(repeat)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def barometer_read(binary, path):
    """Reads `path` with `barometer bench read`; returns (seconds, rows, columns)."""
    report = barometer_report(binary, path)
    return report["seconds"][0], report["rows"], report["columns"]


def warm(path):
    """Reads the file once so that both readers find it in the page cache, as a read leaves it:
    its cached pages are dropped first (posix_fadvise DONTNEED), so that the cache holds what
    readahead makes of the file, whatever wrote it. How the cache holds a file changes what
    mapping it costs: on this project's machine (Linux 6.18, ext4), mapping the 1,000,000-row
    CSV took about 5.8 ms with the pages as its writer had left them and 1.5 ms once readahead
    had read it again (in larger folios); a read into a buffer, as pandas makes, copies either
    way (BENCHMARKS.md, eighth session)."""
    with open(path, "rb") as f:
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while f.read(1 << 24):
            pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the generated files")
    parser.add_argument("--runs", type=int, default=5, help="alternating rounds per file (median reported)")
    parser.add_argument("--files", default=",".join(FILES), help="which files: " + ",".join(FILES))
    parser.add_argument("--barometer", default=os.path.join(ROOT, ".build-bench", "release", "barometer"),
                        help="the barometer binary (release build)")
    parser.add_argument("--data", default=os.path.join(ROOT, ".build-bench", "bench-data"),
                        help="folder for the generated files")
    parser.add_argument("--baseline", help="another barometer binary (an older build) to time in the same rounds")
    parser.add_argument("--no-install", action="store_true", help="do not pip install missing packages")
    parser.add_argument("--generate-only", action="store_true", help="write the files, time nothing")
    args = parser.parse_args()

    wanted = [k.strip() for k in args.files.split(",") if k.strip()]
    unknown = [k for k in wanted if k not in FILES]
    if unknown:
        sys.exit(f"error: unknown file kind {', '.join(unknown)}; choose among {', '.join(FILES)}")
    if not args.generate_only and not os.access(args.barometer, os.X_OK):
        sys.exit(f"error: {args.barometer} not found; build it with "
                 "swift build -c release --product barometer --scratch-path .build-bench")
    ensure_packages(not args.no_install)
    generate(args.data, args.rows, wanted)
    if args.generate_only:
        return

    lines = [
        "| file | size (MB) | peer | peer s | peer MB/s | Barometer s | Barometer MB/s | speed ratio Barometer/peer |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    if args.baseline:
        lines[0] += " baseline s | speed ratio Barometer/baseline |"
        lines[1] += " ---: | ---: |"
    for key in wanted:
        name, peer = FILES[key]
        path = os.path.join(args.data, name)
        size = os.path.getsize(path)
        warm(path)
        peer_times, ours, ratios, base_times, base_ratios = [], [], [], [], []
        for round_ in range(args.runs):
            # Each round runs every reader once; the order turns round by round.
            readers = ["peer", "barometer"] + (["baseline"] if args.baseline else [])
            shift = round_ % len(readers)
            seconds, shapes = {}, {}
            for reader in readers[shift:] + readers[:shift]:
                if reader == "peer":
                    result = peer_read(key, path)
                else:
                    result = barometer_read(args.barometer if reader == "barometer" else args.baseline, path)
                seconds[reader], shapes[reader] = result[0], result[1:]
            if len(set(shapes.values())) != 1:
                sys.exit(f"error: {name}: the readers disagree on rows x columns: {shapes}")
            p, b = seconds["peer"], seconds["barometer"]
            peer_times.append(p)
            ours.append(b)
            ratios.append(p / b)
            note = ""
            if args.baseline:
                base_times.append(seconds["baseline"])
                base_ratios.append(seconds["baseline"] / b)
                note = f", baseline {seconds['baseline']:.3f} s"
            print(f"  {name} round {round_ + 1}: {peer} {p:.3f} s, barometer {b:.3f} s{note}", file=sys.stderr)
        p, b = statistics.median(peer_times), statistics.median(ours)
        rows, cols = shapes["barometer"]
        line = (f"| {name} ({rows:,} x {cols}) | {size / 1e6:.1f} | {peer} | {p:.3f} | {size / 1e6 / p:.0f} "
                f"| {b:.3f} | {size / 1e6 / b:.0f} | {statistics.median(ratios):.2f} |")
        if args.baseline:
            line += f" {statistics.median(base_times):.3f} | {statistics.median(base_ratios):.2f} |"
        lines.append(line)
    print(f"\n{args.runs} alternating rounds per file, medians; "
          f"{os.cpu_count()} CPUs; pyreadstat {importlib.import_module('pyreadstat').__version__}, "
          f"pandas {importlib.import_module('pandas').__version__}\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
