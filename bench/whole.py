#!/usr/bin/env python3
"""Times Barometer's CSV reader against pandas and polars, and a whole crosstab process against
R `survey` and svy, on the same files (issue 17; BENCHMARKS.md, section "CSV and the whole
process").

Usage, from the repository root:

    swift build -c release --product barometer --scratch-path .build-release
    python3 bench/whole.py                                # 1,000,000 rows, 5 rounds (R: 3)
    python3 bench/whole.py --memory --write               # also 10,000,000 rows for peak memory
    python3 bench/whole.py --rows 100000 --repeat 2 --tools barometer,svy

What it does:

1. Generates, once (numpy seed 20261203; reused while rows and seed match), in
   .build-bench/whole-data/ (git-ignored; never commit it), a survey CSV of 6 columns written
   by pandas `to_csv`: `id`; `stratum` (1..20); `psu` (50 per stratum, numbered 1..1000 across
   strata, so nesting does not matter); `age_group` ("18-29", "30-44", "45-59", "60+");
   `answer` (five answers in Russian, one with a comma, so quoted: "Россия", "Украина",
   "Ни то, ни другое", "Затрудняюсь ответить", "Отказ от ответа"; the shares depend on age
   and on the PSU); `weight` (lognormal, positive, every digit of the double as pandas writes
   it). The 1,000,000 x 50 CSV of bench/readers.py is made by that script's own generator
   (.build-bench/bench-data/data.csv at its default 1,000,000 rows). With --memory also the
   6-column file at 10,000,000 rows.
2. CSV read, for each file: the file is read once beforehand (page cache), pandas and polars
   each read it once untimed (imports, first-call costs); then --repeat rounds, each one read
   by `barometer bench read FILE --repeat 6` (its own in-process time of DatasetLoader.load,
   not the process start), by pandas.read_csv and by polars.read_csv (both in this process,
   perf_counter), the order turning round by round. Medians, and the median over rounds of
   peer seconds / Barometer seconds. All readers must agree on rows x columns. Barometer's read
   is timed as the peers' are, after a first untimed read in its process: the median of reads
   2 to 6 of `barometer bench read FILE --repeat 6` (a new process starts on idle cores, which
   slowed its first reads here, while the peers' process has been busy); its second and first
   reads are shown beside it.
3. Whole process, each run a fresh process timed from outside (start, imports, read, design,
   crosstab, output), the order turning round by round: `barometer crosstab FILE age_group
   answer --weight weight --strata stratum --cluster psu --test f` (issue 17's command; the
   same with `--format json`, whose numbers are checked, is timed apart); Rscript
   with read.csv, svydesign(ids = ~psu, strata = ~stratum, weights = ~weight) (not nested,
   as barometer's default), svyby(~answer, ~age_group, svymean) and svychisq(~age_group +
   answer, statistic = "F") — the row shares with SEs and the test that the crosstab prints;
   svy: polars.read_csv, Sample(Design(stratum, psu, wgt)), categorical.tabulate(age_group,
   answer, share_of = "row") (as scripts/bench-peers calls it). --repeat rounds for Barometer
   and svy, --r-repeat for R (about 30 s a run at 1,000,000 rows). Peak RSS from /usr/bin/time
   (wait4() in this process would count this process's own size in every child).
4. Checks that the Rao-Scott F, its degrees of freedom and every row share and SE of Barometer
   and svy are within 1e-8 (relative) of R's; exits 1 after printing when they are not.
5. --memory: `barometer bench read` of the 10,000,000-row file under /usr/bin/time -v (apt-get
   install time when missing); its maximum resident set size against the column data (4 numeric
   columns x 8 bytes + 2 text columns as Int32 codes x 4 bytes, per row).
6. Prints the section between <!-- whole:begin --> and <!-- whole:end -->; --write puts it
   into BENCHMARKS.md (replacing the section, or appended at the end).

Needs numpy, pandas, polars, svy (and pyreadstat, which bench/readers.py imports to write its
files); installed with pip --break-system-packages when missing (--no-install to refuse).
R's survey comes from Debian: apt-get install -y r-cran-survey.
"""

import argparse
import contextlib
import datetime
import gc
import importlib.machinery
import importlib.util
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no bench/__pycache__ from importing readers.py (it is not git-ignored)
import readers  # noqa: E402  (bench/readers.py: its generator, warm() and barometer_read())

# scripts/bench-peers has no .py suffix: load it by path for its helpers (it runs nothing on import).
_loader = importlib.machinery.SourceFileLoader("bench_peers", os.path.join(ROOT, "scripts", "bench-peers"))
_spec = importlib.util.spec_from_loader("bench_peers", _loader)
peers = importlib.util.module_from_spec(_spec)
_loader.exec_module(peers)

BEGIN, END = "<!-- whole:begin -->", "<!-- whole:end -->"
SEED = 20261203
TOLERANCE = 1e-8
PACKAGES = {"numpy": "numpy", "pandas": "pandas", "polars": "polars", "svy": "svy==0.35.0",
            "pyreadstat": "pyreadstat"}
TOOLS = ["barometer", "r", "svy"]
LABELS = {"barometer": "Barometer", "r": "R survey", "svy": "svy"}
AGES = ["18-29", "30-44", "45-59", "60+"]
ANSWERS = ["Россия", "Украина", "Ни то, ни другое", "Затрудняюсь ответить", "Отказ от ответа"]
STRATA, PSUS_PER_STRATUM = 20, 50
NUMERIC_COLUMNS = ["id", "stratum", "psu", "weight"]
TEXT_COLUMNS = ["age_group", "answer"]
CROSSTAB = ["age_group", "answer", "--weight", "weight", "--strata", "stratum", "--cluster", "psu", "--test", "f"]

R_SCRIPT = r"""
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
df <- read.csv(args[1], encoding = "UTF-8")
d <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = df)
shares <- svyby(~answer, ~age_group, d, svymean)
test <- svychisq(~age_group + answer, d, statistic = "F")
num <- function(x) sprintf("%.17g", x)
est <- coef(shares)
se <- as.vector(as.matrix(SE(shares)))
keys <- sub(":answer", "|", names(est), fixed = TRUE)
cells <- paste0('"', keys, '": [', num(est), ", ", num(se), "]", collapse = ", ")
cat(sprintf('{"test": {"F": %s, "ndf": %s, "ddf": %s, "p": %s}, "shares": {%s}, "rows": %d, "version": "%s, survey %s"}\n',
            num(test$statistic), num(test$parameter[["ndf"]]), num(test$parameter[["ddf"]]), num(test$p.value),
            cells, nrow(df), R.version.string, as.character(packageVersion("survey"))))
"""


# ----------------------------------------------------------------------------------------------
# Environment and data


def ensure_packages(allow_install):
    missing = [spec for module, spec in PACKAGES.items() if importlib.util.find_spec(module) is None]
    if not missing:
        return
    if not allow_install:
        sys.exit(f"error: missing Python packages; run: pip install --break-system-packages {' '.join(missing)}")
    print(f"installing {' '.join(missing)} with pip ...", file=sys.stderr)
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "--break-system-packages",
                           "--disable-pip-version-check", *missing])
    importlib.invalidate_caches()


def whole_frame(rows, seed=SEED):
    """The 6-column survey: answers that depend on age and on the PSU (so the design matters)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    psu_count = STRATA * PSUS_PER_STRATUM
    psu = rng.integers(1, psu_count + 1, size=rows)
    stratum = (psu - 1) // PSUS_PER_STRATUM + 1
    age = rng.choice(len(AGES), size=rows, p=[0.2, 0.28, 0.26, 0.26])
    # Logits of the answers by age group, shifted by a random effect of each PSU.
    base = np.array([[0.2, 0.6, 0.3, 0.0, -1.8],
                     [0.4, 0.4, 0.3, 0.1, -1.7],
                     [0.7, 0.2, 0.2, 0.2, -1.5],
                     [1.0, -0.1, 0.1, 0.3, -1.3]])
    effect = rng.normal(0.0, 0.35, size=(psu_count + 1, len(ANSWERS)))
    logits = base[age] + effect[psu]
    shares = np.exp(logits)
    shares /= shares.sum(axis=1, keepdims=True)
    draw = rng.random(rows)[:, None]
    answer = (draw > np.cumsum(shares, axis=1)).sum(axis=1)
    answer = np.minimum(answer, len(ANSWERS) - 1)
    weight = rng.lognormal(0.0, 0.45, size=rows) * (1.0 + 0.05 * stratum)
    return pd.DataFrame({
        "id": np.arange(1, rows + 1),
        "stratum": stratum,
        "psu": psu,
        "age_group": np.array(AGES, dtype=object)[age],
        "answer": np.array(ANSWERS, dtype=object)[answer],
        "weight": weight,
    })


def whole_csv(data_dir, rows):
    """The 6-column CSV at `rows` rows, written once and reused while rows and seed match."""
    os.makedirs(data_dir, exist_ok=True)
    path = os.path.join(data_dir, f"survey6-{rows}.csv")
    stamp_path = path + ".stamp.json"
    stamp = {"rows": rows, "seed": SEED, "version": 1}
    try:
        with open(stamp_path) as f:
            if json.load(f) == stamp and os.path.exists(path):
                return path
    except (OSError, ValueError):
        pass
    print(f"generating {rows:,} x 6 data ...", file=sys.stderr)
    start = time.perf_counter()
    frame = whole_frame(rows)
    frame.to_csv(path + ".tmp", index=False)
    os.replace(path + ".tmp", path)
    del frame
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    print(f"  wrote {path} ({os.path.getsize(path) / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s",
          file=sys.stderr)
    return path


def readers_csv(rows):
    """bench/readers.py's 50-column CSV, made by its own generator (only the CSV)."""
    default_rows = 1_000_000
    data_dir = os.path.join(ROOT, ".build-bench", "bench-data")
    if rows != default_rows:
        # Another size in a folder of its own, so readers.py's files at its default size stay.
        data_dir = os.path.join(ROOT, ".build-bench", "whole-data", f"readers-{rows}")
    readers.generate(data_dir, rows, ["csv"])
    return os.path.join(data_dir, readers.FILES["csv"][0])


# ----------------------------------------------------------------------------------------------
# CSV read


def python_read(tool, path):
    """Reads `path` with pandas or polars in this process; returns (seconds, rows, columns)."""
    gc.collect()
    if tool == "pandas":
        import pandas as pd

        start = time.perf_counter()
        frame = pd.read_csv(path)
        seconds = time.perf_counter() - start
    else:
        import polars as pl

        start = time.perf_counter()
        frame = pl.read_csv(path)
        seconds = time.perf_counter() - start
    shape = frame.shape
    del frame
    gc.collect()
    return seconds, shape[0], shape[1]


# Reads per `barometer bench read` process: a first untimed one, then the timed ones.
READS_PER_PROCESS = 6


def barometer_reads_after_first(binary, path):
    """Reads `path` READS_PER_PROCESS times in one `barometer bench read` process; returns
    ((the median of the reads after the first, rows, columns), the first read's seconds (a new
    process's), the second read's). The peers are timed in a process that has read before and
    kept its cores busy; a new process starts on idle cores, and on this project's machine its
    first two or three reads ran slower for that alone (BENCHMARKS.md, eighth session)."""
    report = readers.barometer_report(binary, path, repeat=READS_PER_PROCESS)
    after_first = report["seconds"][1:]
    return (statistics.median(after_first), report["rows"], report["columns"]), report["seconds"][0], report["seconds"][1]


def time_reads(args, name, path):
    """--repeat rounds of the three readers on `path`; {reader: [seconds]}, ratios, shape."""
    readers.warm(path)
    for tool in ("pandas", "polars"):
        python_read(tool, path)  # imports and first-call costs, untimed
    order = ["barometer", "pandas", "polars"]
    seconds = {r: [] for r in order + ["barometer first", "barometer second"]}
    ratios = {"pandas": [], "polars": []}
    shape = None
    for round_ in range(args.repeat):
        shift = round_ % len(order)
        shapes, times = {}, {}
        for reader in order[shift:] + order[:shift]:
            if reader == "barometer":
                result, first, second = barometer_reads_after_first(args.barometer, path)
                seconds["barometer first"].append(first)
                seconds["barometer second"].append(second)
            else:
                result = python_read(reader, path)
            times[reader], shapes[reader] = result[0], tuple(result[1:])
        if len(set(shapes.values())) != 1:
            sys.exit(f"error: {name}: the readers disagree on rows x columns: {shapes}")
        shape = shapes["barometer"]
        for reader in order:
            seconds[reader].append(times[reader])
        for peer in ratios:
            ratios[peer].append(times[peer] / times["barometer"])
        print(f"  read {name} round {round_ + 1}: " + ", ".join(f"{r} {times[r]:.3f} s" for r in order),
              file=sys.stderr)
    return {"seconds": seconds, "ratios": ratios, "shape": shape, "bytes": os.path.getsize(path)}


# ----------------------------------------------------------------------------------------------
# Whole process


def child_svy(path):
    """The svy process: read, declare the design, tabulate with row shares and the F test."""
    from importlib.metadata import version

    import polars as pl
    import svy

    df = pl.read_csv(path)
    sample = svy.Sample(df, svy.Design(stratum="stratum", psu="psu", wgt="weight"))
    table = sample.categorical.tabulate("age_group", "answer", share_of="row")
    f = table.stats.f
    shares = {f"{r['age_group']}|{r['answer']}": [r["est"], r["se"]] for r in table.to_polars().to_dicts()}
    return {"test": {"F": f.value, "ndf": f.df_num, "ddf": f.df_den, "p": f.p_value}, "shares": shares,
            "rows": df.height, "version": f"svy {version('svy')}, svy-rs {version('svy-rs')}, polars {pl.__version__}"}


def barometer_results(text):
    report = json.loads(text)
    test = next(t for t in report["tests"] if t["name"] == "rao-scott-f")
    shares = {f"{r['domain']['age_group']}|{r['level']}": [r["estimate"], r["standardError"]] for r in report["rows"]}
    return {"test": {"F": test["statistic"], "ndf": test["df"][0], "ddf": test["df"][1], "p": test["pValue"]},
            "shares": shares, "rows": report["design"]["respondents"]}


def whole_command(tool, args, path, json_output=False):
    """The timed command; Barometer's is issue 17's (table output) unless `json_output`."""
    if tool == "barometer":
        return [args.barometer, "crosstab", path, *CROSSTAB, *(["--format", "json"] if json_output else [])]
    if tool == "r":
        return ["Rscript", args.r_script, path]
    return [sys.executable, os.path.abspath(__file__), "--child-svy", path]


def time_whole(args, path, tools):
    """Fresh processes, the order turning round by round; {tool: {"wall": [...], "rss": [...], "results"}}."""
    readers.warm(path)
    counts = {t: (args.r_repeat if t == "r" else args.repeat) for t in tools}
    out = {t: {"wall": [], "rss": [], "results": None} for t in tools}
    if "barometer" in tools:
        # The numbers checked against R come from the same binary's JSON (the timed command prints
        # the table the issue times); the JSON run, which also hashes the file for its provenance,
        # is timed too and reported beside it.
        out["barometer"]["json_wall"] = []
        for _ in range(args.repeat):
            run = peers.run_measured(whole_command("barometer", args, path, json_output=True), timeout=args.timeout)
            if run["returncode"] != 0:
                sys.exit(f"error: barometer --format json failed (exit {run['returncode']}):\n{run['stderr'][-3000:]}")
            out["barometer"]["json_wall"].append(run["wall"])
            out["barometer"]["results"] = barometer_results(run["stdout"])
    for round_ in range(max(counts.values())):
        active = [t for t in tools if len(out[t]["wall"]) < counts[t]]
        shift = round_ % len(active)
        for tool in active[shift:] + active[:shift]:
            # The peak RSS comes from /usr/bin/time, not from wait4() here: a child forked from this
            # process (which holds pandas and polars frames) starts its count at this process's size.
            rss_path = os.path.join(os.path.dirname(args.r_script), "rss.txt")
            run = peers.run_measured(["/usr/bin/time", "-f", "%M", "-o", rss_path, *whole_command(tool, args, path)],
                                     timeout=args.timeout)
            if run["returncode"] == 0:
                with open(rss_path) as f:
                    run["rss_mb"] = int(f.read().split()[-1]) * 1024 / 1e6
            if run["returncode"] != 0:
                sys.exit(f"error: {tool} failed (exit {run['returncode']}):\n{run['stdout'][-3000:]}\n{run['stderr'][-3000:]}")
            out[tool]["wall"].append(run["wall"])
            out[tool]["rss"].append(run["rss_mb"])
            if tool != "barometer":
                out[tool]["results"] = peers.last_json(run["stdout"])
            print(f"  crosstab round {round_ + 1}: {tool} {run['wall']:.2f} s wall, {run['rss_mb']:,.0f} MB",
                  file=sys.stderr)
    return out


def check(results, reference):
    """(largest relative difference of F, ndf, ddf; |p difference|; of shares; of SEs; keys that differ)."""
    t, r = results["test"], reference["test"]
    rel = peers.relative
    ref, got = reference["shares"], results["shares"]
    keys = set(ref) & set(got)
    return {
        "F": rel(t["F"], r["F"]),
        "df": max(rel(t["ndf"], r["ndf"]), rel(t["ddf"], r["ddf"])),
        "p": abs(t["p"] - r["p"]),
        "shares": max((rel(got[k][0], ref[k][0]) for k in keys), default=float("inf")),
        "se": max((rel(got[k][1], ref[k][1]) for k in keys), default=float("inf")),
        "missing": sorted(set(ref) ^ set(got)),
    }


# ----------------------------------------------------------------------------------------------
# Memory


def measure_memory(args, path):
    """Peak RSS of `barometer bench read` of `path` under /usr/bin/time -v."""
    readers.warm(path)
    runs = []
    for _ in range(args.memory_repeat):
        done = subprocess.run(["/usr/bin/time", "-v", args.barometer, "bench", "read", path, "--repeat", "1"],
                              capture_output=True, text=True, check=True)
        kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
        report = json.loads(done.stdout)
        runs.append((kib * 1024, report["seconds"][0], report["rows"], report["columns"]))
        print(f"  memory: {kib * 1024 / 1e6:,.0f} MB peak RSS, read {report['seconds'][0]:.2f} s", file=sys.stderr)
    rows = runs[0][2]
    column_bytes = rows * (8 * len(NUMERIC_COLUMNS) + 4 * len(TEXT_COLUMNS))
    return {"rss": max(r[0] for r in runs), "seconds": statistics.median(r[1] for r in runs), "rows": rows,
            "columns": runs[0][3], "column_bytes": column_bytes, "bytes": os.path.getsize(path)}


# ----------------------------------------------------------------------------------------------
# The report


def barometer_version(binary):
    """`barometer --version`, and the commit when the binary is this checkout's."""
    try:
        text = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        text = "barometer"
    path = os.path.abspath(binary)
    if path.startswith(ROOT + os.sep):
        return peers.barometer_version(program=text).replace("Barometer (", f"Barometer ({os.path.relpath(path, ROOT)}: ", 1)
    return f"Barometer ({text}, {path})"


def render(args, reads, whole, checks, memory, versions, load_before):
    s, ratio = peers.seconds_text, peers.ratio_text
    lines = [BEGIN, "", "## CSV read and the whole crosstab process", "",
             f"Generated by `python3 bench/whole.py{' --memory' if memory else ''}` on "
             f"{datetime.date.today().isoformat()} ({args.rows:,} rows; machine: {peers.machine_summary()}; load "
             f"average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after). Ratios are the peer's seconds over "
             "Barometer's (above 1: Barometer is faster), the median over rounds for the reads, the ratio of the "
             "medians for the processes.", ""]
    targets = []
    if reads:
        lines += ["### CSV read", "",
                  f"Time to read the file into memory, inside each process, after a first untimed read in the "
                  f"same process (Barometer: the median of reads 2 to {READS_PER_PROCESS} of `barometer bench read "
                  f"FILE --repeat {READS_PER_PROCESS}`, not counting the process start; pandas and polars: "
                  f"`read_csv` in one Python process, after a first read of each); the file in the page cache; "
                  f"{args.repeat} rounds, the order turning, medians. \"Second read\" and \"first read\" are "
                  "Barometer's second and first reads in its new process (the cores just woken, the memory not yet "
                  "mapped), with the ratios to the same peer times.", "",
                  "| file | MB | Barometer s | MB/s | pandas s | ÷ | polars s | ÷ | second read s | ÷ pandas "
                  "| first read s | ÷ pandas | ÷ polars |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for name, r in reads.items():
            b = statistics.median(r["seconds"]["barometer"])
            mb = r["bytes"] / 1e6
            cells = [f"{name}: {r['shape'][0]:,} × {r['shape'][1]}", f"{mb:.1f}", s(b), f"{mb / b:.0f}"]
            for peer, goal in (("pandas", 3.0), ("polars", 1.5)):
                med = statistics.median(r["ratios"][peer])
                cells += [s(statistics.median(r["seconds"][peer])), f"{med:.1f}×"]
                targets.append((f"CSV read, {name}: ≥ {goal:g}× {peer}", f"{med:.2f}×", med >= goal))
            pandas = statistics.median(r["seconds"]["pandas"])
            second = statistics.median(r["seconds"]["barometer second"])
            cells += [s(second), f"{pandas / second:.1f}×"]
            first = statistics.median(r["seconds"]["barometer first"])
            cells += [s(first)] + [f"{statistics.median(r['seconds'][peer]) / first:.1f}×" for peer in ("pandas", "polars")]
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", "pandas: C parser, one thread; polars: all cores (here 2).", ""]
    if whole:
        tools = list(whole)
        b = statistics.median(whole["barometer"]["wall"]) if "barometer" in whole else None
        lines += ["### Whole process: crosstab with row percentages and the Rao–Scott F test", "",
                  "Each run a new process, timed from outside (start, imports, reading the CSV, the design, the table "
                  "with its SEs and the test, the output); the order turning round by round; medians. "
                  f"Barometer `barometer crosstab FILE {' '.join(CROSSTAB)}` (issue 17's command, the table "
                  "printed); R `read.csv`, "
                  "`svydesign(ids = ~psu, strata = ~stratum, weights = ~weight)`, `svyby(~answer, ~age_group, "
                  "svymean)` and `svychisq(~age_group + answer, statistic = \"F\")`; svy `polars.read_csv`, "
                  "`Sample(Design(stratum, psu, wgt))`, `categorical.tabulate(\"age_group\", \"answer\", "
                  "share_of = \"row\")`. Peak RSS from `/usr/bin/time`, the largest of the runs.", "",
                  "| tool | runs | wall s | ÷ Barometer | peak RSS MB |", "| --- | ---: | ---: | ---: | ---: |"]
        for tool in tools:
            w = statistics.median(whole[tool]["wall"])
            lines.append(f"| {LABELS[tool]} | {len(whole[tool]['wall'])} | {s(w)} | "
                         f"{ratio(w, b) if tool != 'barometer' and b else '1'} | {max(whole[tool]['rss']):,.0f} |")
        if b and whole["barometer"].get("json_wall"):
            j = statistics.median(whole["barometer"]["json_wall"])
            r_part = f"; R's time is {ratio(statistics.median(whole['r']['wall']), j)} that" if "r" in whole else ""
            lines += ["", f"With `--format json`, which also computes the SHA-256 of the file for the result's "
                          f"provenance (on a third thread while the rows are parsed), Barometer took {s(j)} s "
                          f"(median of {len(whole['barometer']['json_wall'])}){r_part}; its numbers are the ones "
                          "checked against R below."]
        if b and reads:
            read = statistics.median(next(iter(reads.values()))["seconds"]["barometer first"])
            lines += ["", f"Of Barometer's {s(b)} s, about {s(read)} s is reading the file (a new process's first "
                          "read, the median above)."]
        for tool, goal in (("r", 100), ("svy", 20)):
            if tool in whole and b:
                value = statistics.median(whole[tool]["wall"]) / b
                targets.append((f"whole crosstab process: ≥ {goal}× {LABELS[tool]}", f"{value:.1f}×", value >= goal))
        if checks:
            test = whole["r"]["results"]["test"]
            lines += ["", f"Agreement with R (largest relative difference; p: absolute), tolerance {TOLERANCE:g}. "
                          f"R: F = {test['F']:.10g} on {test['ndf']:.6g} and {test['ddf']:.6g} degrees of freedom, "
                          f"p = {test['p']:.3g}.", "",
                      "| tool | F | ndf, ddf | p | row shares | their SEs |", "| --- | --- | --- | --- | --- | --- |"]
            d = peers.diff_text
            for tool, c in checks.items():
                extra = f" ({len(c['missing'])} cells differ)" if c["missing"] else ""
                lines.append(f"| {LABELS[tool]} | {d(c['F'])} | {d(c['df'])} | {d(c['p'])} | {d(c['shares'])}{extra} "
                             f"| {d(c['se'])} |")
                targets.append((f"{LABELS[tool]}'s F equals R's to {TOLERANCE:g}", d(c["F"]), c["F"] <= TOLERANCE))
        lines.append("")
    if memory:
        ratio_m = memory["rss"] / memory["column_bytes"]
        lines += ["### Memory", "",
                  f"`barometer bench read` of the 6-column file at {memory['rows']:,} rows "
                  f"({memory['bytes'] / 1e6:,.0f} MB), maximum resident set size from `/usr/bin/time -v` (the "
                  f"largest of {args.memory_repeat}), against the column data: "
                  f"{', '.join(NUMERIC_COLUMNS)} as 8-byte numbers and {', '.join(TEXT_COLUMNS)} as 4-byte (Int32) "
                  "category codes, i.e. 40 bytes a row.", "",
                  "| rows | read s | peak RSS MB | column data MB | RSS ÷ column data |",
                  "| ---: | ---: | ---: | ---: | ---: |",
                  f"| {memory['rows']:,} | {s(memory['seconds'])} | {memory['rss'] / 1e6:,.0f} | "
                  f"{memory['column_bytes'] / 1e6:,.0f} | {ratio_m:.2f} |", ""]
        targets.append((f"{memory['rows']:,} rows read within 3× the column data (peak RSS)", f"{ratio_m:.2f}×", ratio_m <= 3))
    if targets:
        lines += ["### Targets", "", "| target | measured | met? |", "| --- | --- | --- |"]
        for target, measured, met in targets:
            lines.append(f"| {target} | {measured} | {'—' if met is None else ('met' if met else '**missed**')} |")
        lines.append("")
    lines += ["Versions: " + "; ".join(v for v in versions if v) + ".", "",
              "To reproduce, from the repository root:", "", "```sh",
              "swift build -c release --product barometer --scratch-path .build-release",
              f"python3 bench/whole.py{' --memory' if memory else ''}", "```", "", END]
    return "\n".join(peers.wrap_prose(lines)) + "\n"


# ----------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--barometer", default=os.path.join(ROOT, ".build-release", "release", "barometer"),
                        help="the barometer binary (release build)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of both CSV files")
    parser.add_argument("--repeat", type=int, default=5, help="rounds of the reads, and runs of barometer and svy")
    parser.add_argument("--r-repeat", type=int, default=3, help="runs of R (about 30 s each at 1,000,000 rows)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="whole-process tools: " + ",".join(TOOLS))
    parser.add_argument("--parts", default="read,whole", help="read, whole (comma list; --memory adds memory)")
    parser.add_argument("--memory", action="store_true", help="also peak RSS of reading 10,000,000 rows")
    parser.add_argument("--memory-rows", type=int, default=10_000_000, help=argparse.SUPPRESS)
    parser.add_argument("--memory-repeat", type=int, default=2, help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds a process may take")
    parser.add_argument("--write", action="store_true", help="put the section into BENCHMARKS.md")
    parser.add_argument("--no-install", action="store_true", help="do not pip install missing packages")
    parser.add_argument("--child-svy", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child_svy:
        print(json.dumps(child_svy(args.child_svy), ensure_ascii=False))
        return
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    unknown = [t for t in tools if t not in TOOLS] + [p for p in parts if p not in ("read", "whole")]
    if unknown:
        sys.exit(f"error: unknown tool or part {', '.join(unknown)}; tools: {', '.join(TOOLS)}; parts: read, whole")
    if "whole" in parts and "barometer" not in tools:
        tools.insert(0, "barometer")
    if not os.access(args.barometer, os.X_OK):
        sys.exit(f"error: {args.barometer} not found; build it with "
                 "swift build -c release --product barometer --scratch-path .build-release (or pass --barometer)")
    if "whole" in parts and "r" in tools:
        if subprocess.run(["Rscript", "-e", "library(survey)"], capture_output=True).returncode != 0:
            sys.exit("error: R's survey package is missing: apt-get install -y r-cran-survey")
    ensure_packages(not args.no_install)
    if not os.access("/usr/bin/time", os.X_OK):
        subprocess.run(["apt-get", "install", "-y", "-q", "time"], check=True, stdout=subprocess.DEVNULL)

    started = time.time()
    data_dir = os.path.join(ROOT, ".build-bench", "whole-data")
    six = whole_csv(data_dir, args.rows)
    load_before = os.getloadavg()[0]
    reads = {}
    if "read" in parts:
        fifty = readers_csv(args.rows)
        reads["survey (bench/whole.py)"] = time_reads(args, "6 columns", six)
        reads["data.csv (bench/readers.py)"] = time_reads(args, "50 columns", fifty)
    whole, checks = {}, {}
    if "whole" in parts:
        args.r_script = os.path.join(data_dir, "crosstab.R")
        with open(args.r_script, "w") as f:
            f.write(R_SCRIPT.lstrip())
        whole = time_whole(args, six, tools)
        rows = {t: whole[t]["results"]["rows"] for t in tools}
        if len(set(rows.values())) != 1:
            sys.exit(f"error: the tools read different numbers of rows: {rows}")
        if "r" in whole:
            for tool in tools:
                if tool != "r":
                    checks[tool] = check(whole[tool]["results"], whole["r"]["results"])
                    print(f"  {tool} vs R: " + ", ".join(f"{k} {v:.2e}" for k, v in checks[tool].items() if k != "missing"),
                          file=sys.stderr)
    memory = None
    if args.memory:
        memory = measure_memory(args, whole_csv(data_dir, args.memory_rows))

    import pandas as pd
    import polars as pl

    versions = [barometer_version(args.barometer)]
    if whole:
        versions += [whole[t]["results"].get("version") for t in tools if t != "barometer"]
    if reads:
        versions.append(f"pandas {pd.__version__}, polars {pl.__version__}")
    section = render(args, reads, whole, checks, memory, versions, load_before)
    print(section)
    print(f"(took {time.time() - started:.0f} s)", file=sys.stderr)
    if args.write:
        with contextlib.redirect_stderr(io.StringIO()):  # its message names the peers section
            peers.write_section(section, BEGIN, END)
        print(f"wrote the whole section of {os.path.join(ROOT, 'BENCHMARKS.md')}", file=sys.stderr)
    bad = [t for t, c in checks.items() if max(c["F"], c["df"], c["shares"], c["se"]) > TOLERANCE or c["missing"]]
    if bad:
        sys.exit(f"error: numbers differ from R's by more than {TOLERANCE:g}: {', '.join(bad)}")


if __name__ == "__main__":
    main()
