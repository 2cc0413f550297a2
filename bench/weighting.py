#!/usr/bin/env python3
"""Times raking (iterative proportional fitting) in Barometer, R survey, weightipy and svy on one file.

Usage, from the repository root (see BENCHMARKS.md, section "Weighting"):

    swift build -c release --product barometer      # or pass --build
    python3 bench/weighting.py                      # 1,000,000 respondents, 3 rounds
    python3 bench/weighting.py --rows 100000 --repeat 5 --tools r,svy

What it does:

1. Makes its own Python environment, once: a venv in .build-bench/weighting-venv (git-ignored)
   with the pinned peers (weightipy, svy) and what they pull in (numpy, pandas, polars), then
   runs itself again with that venv's python. R and its package survey come from the system
   (Debian: apt-get install -y r-cran-survey).
2. Generates deterministic data (numpy seed 20240615) in .build-bench/weighting-data/ (git-ignored;
   never commit it), reused while --rows and the seed match:
   - data.csv: id, region (the 17 census regions of Kazakhstan), settlement (urban/rural), sex
     (male/female), agegroup (18-29, 30-44, 45-59, 60+), a base weight w (lognormal, summing to
     about 1.13 x 14,000,000) and income. The sample is deliberately off the population: regions
     near-equally allocated (small regions oversampled), too many urban respondents in the oblasts,
     too many women, too few young people, and sex, age and settlement related to each other, so
     raking has to iterate.
   - targets.yaml: the population margins for Barometer (`margins:` with one map per variable),
     17 regions by their census population, urban 61.2%, men 48.6% and four age shares, all on
     one total of 14,000,000 adults (rounded to thousands, so every margin sums to exactly that).
   - targets.csv (margin,level,total) for R, and the same numbers as JSON for the Python peers.
3. Rounds (--repeat, default 3): each round runs every tool once, as its own process, the order
   turning round by round. Every tool reads data.csv, rakes the base weight w to the four margins
   (each tool's default convergence rule) and writes the same output: the input columns plus a
   column weight_rake. The wall time of the process (start, imports, read, rake, write) is timed
   from outside, its peak RSS taken from wait4(); inside, each tool times its own read, rake and
   write and reports them.
   - R: read.csv, svydesign(ids=~1, weights=~w), rake(design, list(~region, ~settlement, ~sex,
     ~agegroup), list(data.frames)) with the default control (maxit 10, epsilon 1), write.csv.
   - weightipy: weight_dataframe(df, scheme_from_dict(...)), its public API. It has no input for a
     base weight: it rakes from weights of 1, so its weights answer another question than R's and
     are not compared with them; only their margins are checked.
   - weightipy-seeded: weightipy's own raking kernel (weightipy.internal.rim.Rake, the class
     weight_dataframe runs) started from w instead of 1, so it solves the same problem as the others.
   - svy: polars.read_csv, svy.Sample(df, svy.Design(wgt="w")).weighting.rake(controls=...),
     write_csv.
   - barometer: `barometer weight data.csv --targets targets.yaml --method rake --base-weight w
     --out OUT.csv --name weight_rake`; skipped, with a note, when the binary is missing or has no
     `weight` verb (`barometer weight --help` fails).
4. Checks the weights of the last round: the largest relative difference from R's weights, and the
   largest relative error of each margin total against its target. A tool whose margins are off
   by more than 0.1% is flagged and makes the script exit with status 1 (after the table).
5. Prints the table and rewrites the section between <!-- weighting:begin --> and
   <!-- weighting:end --> of BENCHMARKS.md (appends it when missing; --no-write to leave the file).
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import textwrap
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20240615
DATA_VERSION = 1
TOTAL = 14_000_000  # adults, the one population total every margin sums to
MARGINS = ["region", "settlement", "sex", "agegroup"]
OUTPUT_WEIGHT = "weight_rake"
PY_PACKAGES = ["weightipy==0.4.2", "svy==0.35.0"]  # numpy, pandas and polars come with them
BEGIN, END = "<!-- weighting:begin -->", "<!-- weighting:end -->"
MARGIN_LIMIT = 1e-3  # 0.1%: a tool whose margins are further off fails the check

# Census 2021 (Bureau of National Statistics), all ages: /work/shared/reference/kazakhstan-population.md
REGIONS = [
    ("Almaty oblast", 2_146_576), ("Turkistan", 2_054_021), ("Almaty city", 2_030_285),
    ("Karaganda", 1_348_468), ("East Kazakhstan", 1_341_292), ("Astana", 1_234_042),
    ("Jambyl", 1_199_259), ("Shymkent", 1_112_478), ("Aktobe", 906_220), ("Kostanay", 833_643),
    ("Kyzylorda", 814_931), ("Akmola", 782_995), ("Pavlodar", 756_755), ("Mangystau", 735_008),
    ("West Kazakhstan", 675_655), ("Atyrau", 673_601), ("North Kazakhstan", 540_786),
]
CITIES = {"Almaty city", "Astana", "Shymkent"}  # wholly urban
URBAN_SHARE = 0.612  # census 2021
MALE_SHARE = 0.486  # 946 men per 1,000 women
# Adults 2023: 18-44 about 54.4% (split here 23.4 + 31.0), 45-59 24.1%, 60+ 21.5% (15.8 + 5.7).
AGE_SHARES = {"18-29": 0.234, "30-44": 0.310, "45-59": 0.241, "60+": 0.215}

TOOLS = ["r", "weightipy", "weightipy-seeded", "svy", "barometer"]
TOOL_LABELS = {
    "r": "R survey::rake",
    "weightipy": "weightipy.weight_dataframe (from weights of 1)",
    "weightipy-seeded": "weightipy Rake kernel, seeded with w",
    "svy": "svy Sample.weighting.rake",
    "barometer": "barometer weight --method rake",
}

R_SCRIPT = r"""
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
now <- function() proc.time()[["elapsed"]]
t0 <- now()
df <- read.csv(args[1])
t1 <- now()
design <- svydesign(ids = ~1, weights = ~w, data = df)
t2 <- now()
targets <- read.csv(args[2], colClasses = c("character", "character", "numeric"))
margins <- c("region", "settlement", "sex", "agegroup")
population <- lapply(margins, function(m) {
  t <- targets[targets$margin == m, c("level", "total")]
  names(t) <- c(m, "Freq")
  t
})
samples <- list(~region, ~settlement, ~sex, ~agegroup)
# rake() calls svytable() once before its loop and once after every sweep over the margins.
svytable_calls <- 0L
invisible(trace("svytable", quote(svytable_calls <<- svytable_calls + 1L), print = FALSE,
                where = asNamespace("survey")))
warning_text <- ""
t3 <- now()
raked <- withCallingHandlers(
  rake(design, samples, population),
  warning = function(w) {
    warning_text <<- trimws(conditionMessage(w))
    invokeRestart("muffleWarning")
  })
t4 <- now()
invisible(untrace("svytable", where = asNamespace("survey")))
out <- df
out$weight_rake <- weights(raked)
write.csv(out, args[3], row.names = FALSE)
t5 <- now()
esc <- function(s) gsub('"', '\\\\"', s)
cat(sprintf(paste0('{"read": %.6f, "setup": %.6f, "rake": %.6f, "write": %.6f, "iterations": %d, ',
                   '"converged": %s, "note": "%s", "version": "%s, survey %s"}\n'),
            t1 - t0, t2 - t1, t4 - t3, t5 - t4, svytable_calls - 1L,
            if (nzchar(warning_text)) "false" else "true", esc(warning_text),
            esc(R.version.string), as.character(packageVersion("survey"))))
"""


# ----------------------------------------------------------------------------------------------
# The environment


def venv_python(cache):
    return os.path.join(cache, "weighting-venv", "bin", "python")


def ensure_venv(args):
    """Runs this script again inside its own venv, creating it (with the peers) when needed."""
    venv = os.path.join(args.cache, "weighting-venv")
    python = venv_python(args.cache)
    if os.path.realpath(sys.prefix) == os.path.realpath(venv):
        return
    stamp_path = os.path.join(venv, "packages.json")
    try:
        with open(stamp_path) as f:
            ready = json.load(f) == PY_PACKAGES
    except (OSError, ValueError):
        ready = False
    if not ready:
        if args.no_install:
            sys.exit(f"error: no venv with {' '.join(PY_PACKAGES)} in {venv}; run without --no-install")
        print(f"creating {venv} with {' '.join(PY_PACKAGES)} ...", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", venv])
        subprocess.check_call([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                               *PY_PACKAGES])
        with open(stamp_path, "w") as f:
            json.dump(PY_PACKAGES, f)
    os.execv(python, [python, os.path.abspath(__file__), *sys.argv[1:]])


# ----------------------------------------------------------------------------------------------
# Data and targets


def round_to_total(shares, total, unit=1000):
    """Rounds total * share to multiples of unit, largest remainders first, summing to total."""
    names = list(shares)
    weight_sum = sum(shares.values())
    exact = {k: shares[k] / weight_sum * total / unit for k in names}
    counts = {k: int(exact[k]) for k in names}
    left = total // unit - sum(counts.values())
    for k in sorted(names, key=lambda k: exact[k] - counts[k], reverse=True)[:left]:
        counts[k] += 1
    return {k: counts[k] * unit for k in names}


def population_targets():
    """{margin: {level: count}}, every margin summing to TOTAL."""
    return {
        "region": round_to_total({name: pop for name, pop in REGIONS}, TOTAL),
        "settlement": round_to_total({"urban": URBAN_SHARE, "rural": 1 - URBAN_SHARE}, TOTAL),
        "sex": round_to_total({"male": MALE_SHARE, "female": 1 - MALE_SHARE}, TOTAL),
        "agegroup": round_to_total(AGE_SHARES, TOTAL),
    }


def yaml_key(text):
    return text if re.fullmatch(r"[A-Za-z][A-Za-z_]*", text) else json.dumps(text)


def targets_yaml(targets):
    lines = ["# Population margins for raking: Kazakhstan adults, census 2021 regions,",
             f"# all margins on one total of {TOTAL:,}. Written by bench/weighting.py.", "margins:"]
    for margin, levels in targets.items():
        inner = ", ".join(f"{yaml_key(level)}: {count}" for level, count in levels.items())
        lines.append(f"  {margin}: {{{inner}}}")
    return "\n".join(lines) + "\n"


def make_frame(rows):
    """The deterministic sample: off the population on every margin, with related variables."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(SEED)
    names = [name for name, _ in REGIONS]
    pops = np.array([pop for _, pop in REGIONS], dtype=np.float64)
    # Near-equal allocation: probability proportional to the square root of the population.
    region = rng.choice(len(names), size=rows, p=np.sqrt(pops) / np.sqrt(pops).sum())
    # The three cities are wholly urban; the oblasts' samples are urban 55-75% (population ~50%).
    urban_p = np.where(np.isin(np.array(names), list(CITIES)), 1.0,
                       0.55 + 0.20 * rng.random(len(names)))
    urban = rng.random(rows) < urban_p[region]
    # Women 56% in the sample (population 51.4%), more so in the countryside.
    female = rng.random(rows) < np.where(urban, 0.55, 0.58)
    # Too few young people; the young are rarer still among rural women.
    young = np.array([0.16, 0.29, 0.28, 0.27])  # 18-29, 30-44, 45-59, 60+
    older = np.array([0.10, 0.25, 0.31, 0.34])
    cum_young, cum_old = np.cumsum(young), np.cumsum(older)
    mix = (0.35 * female + 0.35 * ~urban)[:, None]  # 0 .. 0.7 of the way to the older profile
    cum = (1 - mix) * cum_young + mix * cum_old
    agegroup = (rng.random(rows)[:, None] > cum).sum(axis=1)
    ages = np.array(list(AGE_SHARES))
    # Base weights on the scale of the population (sum about 1.13 x TOTAL); raking rescales them.
    w = np.round(TOTAL / rows * rng.lognormal(0.0, 0.5, size=rows), 4)
    income = np.round(rng.lognormal(12.0, 0.7, size=rows) * np.where(urban, 1.25, 0.85), -2)
    return pd.DataFrame({
        "id": np.arange(1, rows + 1),
        "region": np.array(names)[region],
        "settlement": np.where(urban, "urban", "rural"),
        "sex": np.where(female, "female", "male"),
        "agegroup": ages[agegroup],
        "w": w,
        "income": income.astype(np.int64),
    })


def data_paths(data_dir):
    return {k: os.path.join(data_dir, k) for k in
            ("data.csv", "targets.yaml", "targets.csv", "targets.json", "rake.R")}


def generate(data_dir, rows):
    """Writes data.csv and the targets unless they are there for these rows and seed."""
    stamp_path = os.path.join(data_dir, "stamp.json")
    stamp = {"rows": rows, "seed": SEED, "version": DATA_VERSION, "targets": population_targets()}
    os.makedirs(data_dir, exist_ok=True)
    try:
        with open(stamp_path) as f:
            current = json.load(f) == stamp
    except (OSError, ValueError):
        current = False
    paths = data_paths(data_dir)
    with open(paths["rake.R"], "w") as f:
        f.write(R_SCRIPT.lstrip())
    if current and all(os.path.exists(p) for p in paths.values()):
        return paths
    if os.path.exists(stamp_path):
        os.remove(stamp_path)
    targets = population_targets()
    with open(paths["targets.yaml"], "w") as f:
        f.write(targets_yaml(targets))
    with open(paths["targets.json"], "w") as f:
        json.dump(targets, f, indent=1)
    with open(paths["targets.csv"], "w") as f:
        f.write("margin,level,total\n")
        for margin, levels in targets.items():
            for level, count in levels.items():
                f.write(f'{margin},"{level}",{count}\n')
    print(f"generating {rows:,} respondents ...", file=sys.stderr)
    start = time.perf_counter()
    frame = make_frame(rows)
    frame.to_csv(paths["data.csv"], index=False)
    print(f"  wrote {paths['data.csv']} ({os.path.getsize(paths['data.csv']) / 1e6:.1f} MB) "
          f"in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    return paths


# ----------------------------------------------------------------------------------------------
# The Python peers, each run as `weighting.py --child TOOL DATA TARGETS.json OUT` in the venv


def child(tool, data, targets_path, out):
    with open(targets_path) as f:
        targets = json.load(f)
    now = time.perf_counter
    result = {}
    if tool in ("weightipy", "weightipy-seeded"):
        import numpy as np
        import pandas as pd
        import weightipy

        t0 = now()
        df = pd.read_csv(data)
        t1 = now()
        if tool == "weightipy":
            scheme = weightipy.scheme_from_dict(targets, name="rake")
            t2 = now()
            out_frame = weightipy.weight_dataframe(df, scheme, weight_column=OUTPUT_WEIGHT)
            # weightipy's weights average 1; put them on the population's scale like the others.
            weights = out_frame[OUTPUT_WEIGHT].to_numpy()
            out_frame[OUTPUT_WEIGHT] = weights * (TOTAL / weights.sum())
            t3 = now()
            iterations = scheme.groups["global_group"]["iterations"]
        else:
            from weightipy.internal.rim import Rake

            # What weight_dataframe does before it rakes: margin columns as categories, targets
            # in percent. Then the kernel is started from w (scaled to mean 1) instead of from 1.
            frame = df[MARGINS].copy()
            for col in MARGINS:
                frame[col] = frame[col].astype("category")
            percent = [{m: {k: v / sum(levels.values()) * 100 for k, v in levels.items()}}
                       for m, levels in targets.items()]
            t2 = now()
            rake = Rake(frame, percent, weight_column_name=OUTPUT_WEIGHT)
            w = df["w"].to_numpy(dtype=np.float64)
            rake.dataframe[OUTPUT_WEIGHT] = w / w.mean()
            iterations = rake.start()
            out_frame = df.copy()
            weights = rake.dataframe[OUTPUT_WEIGHT].to_numpy()
            out_frame[OUTPUT_WEIGHT] = weights * (TOTAL / weights.sum())
            t3 = now()
        out_frame.to_csv(out, index=False)
        t4 = now()
        result = {"read": t1 - t0, "setup": t2 - t1, "rake": t3 - t2, "write": t4 - t3,
                  "iterations": int(iterations), "converged": int(iterations) < 1000,
                  "version": f"weightipy {weightipy.__version__}, pandas {pd.__version__}, "
                             f"numpy {np.__version__}"}
    elif tool == "svy":
        from importlib.metadata import version

        import polars as pl
        import svy

        t0 = now()
        df = pl.read_csv(data)
        t1 = now()
        sample = svy.Sample(df, svy.Design(wgt="w"))
        t2 = now()
        raked = sample.weighting.rake(controls=targets, wgt_name=OUTPUT_WEIGHT)
        t3 = now()
        raked.data.select([*df.columns, OUTPUT_WEIGHT]).write_csv(out)
        t4 = now()
        result = {"read": t1 - t0, "setup": t2 - t1, "rake": t3 - t2, "write": t4 - t3,
                  "iterations": None, "converged": True,  # rake() raises when it does not converge
                  "note": "tol 1e-4 (largest relative margin error), max_iter 100",
                  "version": f"svy {version('svy')}, svy-rs {version('svy-rs')}, polars {pl.__version__}"}
    else:
        sys.exit(f"error: unknown child tool {tool}")
    print(json.dumps(result))


# ----------------------------------------------------------------------------------------------
# Running and checking


def barometer_status(binary):
    """None when `binary weight` is there, else the reason to skip it."""
    if not os.access(binary, os.X_OK):
        return f"not measured: {os.path.relpath(binary, ROOT)} not found (build it, or pass --build)"
    try:
        probe = subprocess.run([binary, "weight", "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"not measured: `barometer weight --help` failed ({error})"
    if probe.returncode != 0:
        return "not measured yet: this barometer has no `weight` command (`barometer weight --help` fails)"
    return None


def command_for(tool, args, paths, out):
    if tool == "r":
        return ["Rscript", paths["rake.R"], paths["data.csv"], paths["targets.csv"], out]
    if tool == "barometer":
        return barometer_command(args.barometer, paths["data.csv"], paths["targets.yaml"], out)
    return [sys.executable, os.path.abspath(__file__), "--cache", args.cache,
            "--child", tool, paths["data.csv"], paths["targets.json"], out]


def barometer_command(binary, data, targets, out):
    return [binary, "weight", data, "--targets", targets, "--method", "rake",
            "--base-weight", "w", "--out", out, "--name", OUTPUT_WEIGHT]


def run_measured(command):
    """Runs command; returns its wall seconds, peak RSS (MB, from wait4), exit code and output."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out_chunks, err_chunks = [], []

    def drain(stream, chunks):
        for block in iter(lambda: stream.read(65536), b""):
            chunks.append(block)

    readers = [threading.Thread(target=drain, args=(process.stdout, out_chunks)),
               threading.Thread(target=drain, args=(process.stderr, err_chunks))]
    for t in readers:
        t.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    for t in readers:
        t.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "returncode": process.returncode,
            "stdout": b"".join(out_chunks).decode(errors="replace"),
            "stderr": b"".join(err_chunks).decode(errors="replace")}


def parse_report(tool, run):
    """The JSON line a peer prints last; for barometer, what can be read from its output."""
    if tool == "barometer":
        text = run["stdout"] + "\n" + run["stderr"]
        found = re.search(r"(\d+)\s+iterations?", text)
        return {"iterations": int(found.group(1)) if found else None,
                "converged": None if not found else "not converge" not in text.lower()}
    lines = [line for line in run["stdout"].splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{tool}: no report in its output:\n{run['stdout']}\n{run['stderr']}")
    return json.loads(lines[-1])


def check_weights(paths, outputs, targets):
    """Per tool: largest relative difference from R's weights and largest relative margin error."""
    import numpy as np
    import pandas as pd

    data = pd.read_csv(paths["data.csv"], usecols=["id", *MARGINS])
    loaded = {}
    for tool, out in outputs.items():
        frame = pd.read_csv(out, usecols=["id", OUTPUT_WEIGHT])
        if len(frame) != len(data) or not np.array_equal(frame["id"].to_numpy(), data["id"].to_numpy()):
            raise RuntimeError(f"{tool}: {out} does not hold the input's rows in their order")
        loaded[tool] = frame[OUTPUT_WEIGHT].to_numpy(dtype=np.float64)
    checks = {}
    reference = loaded.get("r")
    for tool, weights in loaded.items():
        errors = []
        for margin in MARGINS:
            sums = pd.Series(weights).groupby(data[margin].to_numpy()).sum()
            for level, target in targets[margin].items():
                errors.append(abs(sums.get(level, 0.0) - target) / target)
        check = {"margin_error": max(errors), "min": float(weights.min()), "max": float(weights.max()),
                 "sum": float(weights.sum())}
        if reference is not None and tool not in ("r", "weightipy"):
            check["vs_r"] = float(np.max(np.abs(weights - reference) / reference))
        checks[tool] = check
    return checks


def machine_summary():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            kib = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        memory = "unknown memory"
    return f"{model}, {os.cpu_count()} cores, {memory}, Linux {platform.release()}"


def fmt(value, digits=2):
    return "—" if value is None else f"{value:.{digits}f}"


def fmt_error(value):
    return "—" if value is None else f"{value:.1e}"


def render(args, rows, results, checks, skipped, versions, failures):
    lines = [BEGIN, "", "## Weighting", ""]
    lines += [
        f"Generated by `python3 bench/weighting.py` on {datetime.date.today().isoformat()} "
        f"({rows:,} respondents, {args.repeat} round{'s' if args.repeat != 1 else ''}, medians). Raking the base weight `w` to "
        "four population margins: 17 regions, urban/rural, sex, 4 age groups (Kazakhstan, "
        f"census 2021, on one total of {TOTAL:,} adults). Every tool reads the same CSV "
        f"({os.path.getsize(args.paths['data.csv']) / 1e6:.0f} MB) and writes it back with a "
        f"column `{OUTPUT_WEIGHT}`, each as its own process; the order of the tools turns round by round.",
        "",
        f"Machine: {machine_summary()}; load average {args.load_before:.2f} before the runs, "
        f"{os.getloadavg()[0]:.2f} after (other jobs on the machine show here; the ratios, taken in the "
        "same rounds, move less than the seconds).",
        "",
        "Versions: " + "; ".join(dict.fromkeys(versions.values())) + f"; Python {platform.python_version()}.",
        "",
        "To reproduce, from the repository root:",
        "",
        "```sh",
        "swift build -c release --product barometer   # or add --build below",
        "python3 bench/weighting.py                   # --rows 100000 --repeat 5 --tools r,svy,barometer",
        "```",
        "",
        "The Barometer command it times:",
        "",
        "```sh",
        " ".join(barometer_command(".build/release/barometer", *(os.path.relpath(p, ROOT) for p in (
            args.paths["data.csv"], args.paths["targets.yaml"],
            os.path.join(os.path.dirname(args.paths["data.csv"]), "out-barometer.csv"))))),
        "```",
        "",
    ]
    base_tool = "barometer" if "barometer" in results else "r"
    base = statistics.median(r["wall"] for r in results[base_tool]["runs"]) if base_tool in results else None
    ratio_head = "÷ Barometer" if base_tool == "barometer" else "÷ R (Barometer not measured)"
    lines += [
        f"| tool | wall s (read + rake + write) | {ratio_head} | read s | rake s | write s | peak RSS MB "
        "| iterations | max margin error | max rel. diff from R |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for tool in TOOLS:
        if tool in skipped:
            lines.append(f"| {TOOL_LABELS[tool]} | not measured yet (see below) | | | | | | | | |")
            continue
        if tool not in results:
            continue
        runs = results[tool]["runs"]
        reports = results[tool]["reports"]
        med = lambda key: (statistics.median(r[key] for r in reports)
                           if all(r.get(key) is not None for r in reports) else None)
        wall = statistics.median(r["wall"] for r in runs)
        rss = max(r["rss_mb"] for r in runs)
        last = reports[-1]
        if last.get("iterations") is None:
            iterations = "not reported"
        else:
            iterations = f"{last['iterations']}"
        if last.get("converged") is False:
            iterations += " (did not converge)"
        check = checks.get(tool, {})
        margin = fmt_error(check.get("margin_error"))
        if tool in failures:
            margin = f"**{margin} FAIL**"
        if tool == "r":
            diff = "reference"
        elif tool == "weightipy":
            diff = "not compared (no base weight)"
        else:
            diff = fmt_error(check.get("vs_r"))
        lines.append(
            f"| {TOOL_LABELS[tool]} | {wall:.2f} | {fmt(wall / base if base else None)} | {fmt(med('read'))} "
            f"| {fmt(med('rake'))} | {fmt(med('write'))} | {rss:.0f} | {iterations} | {margin} | {diff} |")
    lines += [
        "",
        "- **wall s**: the whole process, timed from outside (start, imports, reading, raking, writing);"
        " the median of the rounds. **÷**: that time over the reference tool's (above 1: slower than it).",
        "- **read, rake, write s**: timed inside each tool. R: `read.csv`; `rake()` alone "
        "(`svydesign` is left out); `write.csv`. weightipy: `pandas.read_csv`; scheme and raking "
        "(and rescaling to the total); `to_csv`. svy: `polars.read_csv` (multi-threaded); "
        "`Sample.weighting.rake` (`Sample(...)` left out); `write_csv`.",
        "- **peak RSS**: the largest of the rounds, from `wait4()` of the process.",
        "- **iterations**: sweeps over the four margins. R's default control stops when no cell of the "
        "region × settlement × sex × age table moves by 1 (a person) or more, at most 10 sweeps, and warns "
        "when it has not converged; weightipy stops when a sweep no longer shrinks the total change of the "
        "weights by 1%; svy stops when every margin is within 1e-4 (relative) and does not report its count.",
        "- **max margin error**: the largest |weighted total − target| ÷ target over the 25 margin "
        f"cells; more than {MARGIN_LIMIT:.1%} fails the check. **max rel. diff from R**: the largest "
        "|w − w_R| ÷ w_R over the respondents.",
        "- weightipy's public API (`weight_dataframe`) has no base-weight input: it rakes from weights "
        "of 1, so its weights solve another problem and are not compared with R's; the seeded row runs "
        "its raking kernel (`weightipy.internal.rim.Rake`) from `w`.",
    ]
    for tool, note in skipped.items():
        lines.append(f"- {TOOL_LABELS[tool]}: {note}.")
    for tool in results:
        for report in results[tool]["reports"][-1:]:
            if report.get("note"):
                lines.append(f"- {TOOL_LABELS[tool]}: {report['note']}.")
    lines += ["", END]
    return "\n".join(wrap_prose(lines)) + "\n"


def wrap_prose(lines, width=95):
    """Wraps paragraphs and bullets like the rest of BENCHMARKS.md; leaves tables and code alone."""
    wrapped, in_code = [], False
    for line in lines:
        if line.startswith("```"):
            in_code = not in_code
        if in_code or line.startswith(("|", "#", "<!--", "```")) or len(line) <= width:
            wrapped.append(line)
            continue
        indent = "  " if line.startswith("- ") else ""
        wrapped.extend(textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False,
                                     break_on_hyphens=False))
    return wrapped


def write_section(section):
    path = os.path.join(ROOT, "BENCHMARKS.md")
    with open(path) as f:
        text = f.read()
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = head + section.rstrip("\n") + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(path, "w") as f:
        f.write(text)
    print(f"wrote the weighting section of {path}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="respondents in the generated file")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; every tool runs once per round")
    parser.add_argument("--tools", default=",".join(TOOLS), help="which tools: " + ",".join(TOOLS))
    parser.add_argument("--barometer", default=os.environ.get("BAROMETER_BIN",
                                                               os.path.join(ROOT, ".build", "release", "barometer")),
                        help="the barometer binary (default $BAROMETER_BIN or .build/release/barometer)")
    parser.add_argument("--build", action="store_true",
                        help="build barometer (swift build -c release --product barometer) when it is missing")
    parser.add_argument("--cache", default=os.path.join(ROOT, ".build-bench"),
                        help="folder for the venv and the generated data (default .build-bench)")
    parser.add_argument("--no-install", action="store_true", help="do not create the venv or pip install")
    parser.add_argument("--no-write", action="store_true", help="do not touch BENCHMARKS.md")
    parser.add_argument("--generate-only", action="store_true", help="write the files, time nothing")
    parser.add_argument("--child", nargs=4, metavar=("TOOL", "DATA", "TARGETS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.cache = os.path.abspath(args.cache)

    if args.child:
        child(*args.child)
        return
    wanted = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in wanted if t not in TOOLS]
    if unknown:
        sys.exit(f"error: unknown tool {', '.join(unknown)}; choose among {', '.join(TOOLS)}")
    ensure_venv(args)

    data_dir = os.path.join(args.cache, "weighting-data")
    if args.generate_only:
        generate(data_dir, args.rows)
        return
    # Generate in another process: this one stays small (no numpy or pandas loaded), since a child
    # forked from it starts with its peak RSS, which would otherwise show in every tool's peak RSS.
    subprocess.check_call([sys.executable, os.path.abspath(__file__), "--cache", args.cache,
                           "--rows", str(args.rows), "--generate-only"])
    paths = data_paths(data_dir)
    args.paths = paths

    skipped = {}
    if "barometer" in wanted:
        if args.build and not os.access(args.barometer, os.X_OK):
            print("building barometer (swift build -c release --product barometer) ...", file=sys.stderr)
            subprocess.check_call(["swift", "build", "-c", "release", "--product", "barometer"], cwd=ROOT)
        reason = barometer_status(args.barometer)
        if reason:
            print(f"barometer: {reason}", file=sys.stderr)
            skipped["barometer"] = reason
            wanted.remove("barometer")
    if "r" in wanted:
        probe = subprocess.run(["Rscript", "-e", "library(survey)"], capture_output=True, text=True)
        if probe.returncode != 0:
            sys.exit("error: R's survey package is missing: apt-get install -y r-cran-survey")

    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this process: {own:.0f} MB peak RSS (a lower bound of every measured peak)", file=sys.stderr)
    args.load_before = os.getloadavg()[0]
    results = {tool: {"runs": [], "reports": []} for tool in wanted}
    outputs = {tool: os.path.join(data_dir, f"out-{tool}.csv") for tool in wanted}
    with open(paths["data.csv"], "rb") as f:  # into the page cache for everyone
        while f.read(1 << 24):
            pass
    for round_ in range(args.repeat):
        shift = round_ % len(wanted)
        for tool in wanted[shift:] + wanted[:shift]:
            if os.path.exists(outputs[tool]):
                os.remove(outputs[tool])
            run = run_measured(command_for(tool, args, paths, outputs[tool]))
            if run["returncode"] != 0 or not os.path.exists(outputs[tool]):
                sys.exit(f"error: {tool} failed (exit {run['returncode']}):\n{run['stdout'][-4000:]}\n"
                         f"{run['stderr'][-4000:]}")
            report = parse_report(tool, run)
            results[tool]["runs"].append(run)
            results[tool]["reports"].append(report)
            inner = ", ".join(f"{k} {report[k]:.2f} s" for k in ("read", "rake", "write")
                              if isinstance(report.get(k), (int, float)))
            print(f"  round {round_ + 1}: {tool}: {run['wall']:.2f} s wall, {run['rss_mb']:.0f} MB"
                  + (f" ({inner}; {report.get('iterations')} iterations)" if inner else ""), file=sys.stderr)

    with open(paths["targets.json"]) as f:
        targets = json.load(f)
    checks = check_weights(paths, outputs, targets)
    failures = [t for t, c in checks.items() if c["margin_error"] > MARGIN_LIMIT]
    versions = {}
    for tool in wanted:
        if tool == "barometer":
            probe = subprocess.run([args.barometer, "--version"], capture_output=True, text=True)
            first = (probe.stdout.strip() or "unknown").splitlines()[0]
            versions[tool] = first if "barometer" in first.lower() else f"Barometer {first}"
        else:
            versions[tool] = results[tool]["reports"][-1].get("version", "unknown")
    for tool, check in checks.items():
        print(f"  {tool}: margin error {check['margin_error']:.2e}, weights {check['min']:.1f} .. "
              f"{check['max']:.1f}, sum {check['sum']:,.1f}"
              + (f", max rel. diff from R {check['vs_r']:.2e}" if "vs_r" in check else ""), file=sys.stderr)
    section = render(args, args.rows, results, checks, skipped, versions, failures)
    print(section)
    if not args.no_write:
        write_section(section)
    if failures:
        sys.exit(f"error: margins off by more than {MARGIN_LIMIT:.1%}: {', '.join(failures)}")


if __name__ == "__main__":
    main()
