#!/usr/bin/env python3
"""Times `barometer polls average` on generated polls and writes the result into BENCHMARKS.md.

1,000 polls by 5 pollsters over 2,000 days (a random walk with known house effects, binomial
sampling noise, samples of 600-1,500), one answer; the average with sigma and tau^2 estimated by
maximum likelihood, and with both given (one exact solve). Median wall time of --repeat runs of
the release binary, and its peak memory. The peer, in the same run on the same file: the same
model fitted by statsmodels' Kalman filter (bench/polls_statsmodels.py; `pip install
statsmodels`), house effects identified by a reference pollster in both, with the agreement of
the two fits.

    python3 bench/polls.py [--barometer .build/release/barometer] [--repeat 3] [--no-write]
"""
import argparse
import json
import math
import os
import random
import re
import resource
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN, END = "<!-- polls:begin -->", "<!-- polls:end -->"


def generate(path, polls=1000, days=2000, seed=2005):
    rng = random.Random(seed)
    truth = [0.4]
    for _ in range(days - 1):
        truth.append(min(0.95, max(0.05, truth[-1] + rng.gauss(0, 0.003))))
    houses = {"A": 0.03, "B": -0.01, "C": -0.02, "D": 0.0, "E": 0.01}
    names = sorted(houses)
    with open(path, "w") as f:
        f.write("pollster,field_start,field_end,sample_size,question,answer,share\n")
        start = 19000  # days since 1970-01-01 (2022-01-08)
        for i in range(polls):
            day = rng.randrange(days - 3)
            n = rng.randint(600, 1500)
            p = truth[day + 1] + houses[names[i % 5]]
            y = min(0.99, max(0.01, p + math.sqrt(p * (1 - p) / n) * rng.gauss(0, 1)))
            a = time.strftime("%Y-%m-%d", time.gmtime((start + day) * 86400))
            b = time.strftime("%Y-%m-%d", time.gmtime((start + day + 2) * 86400))
            f.write(f"{names[i % 5]},{a},{b},{n},q,yes,{y * 100:.1f}\n")


def run(binary, args, repeat):
    times, peak = [], 0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t = time.perf_counter()
        subprocess.run([binary] + args, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return statistics.median(times), peak / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--barometer", default=os.path.join(ROOT, ".build/release/barometer"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "polls.csv")
        generate(path)
        base = ["polls", "average", path, "--question", "q", "--answer", "yes", "--format", "json"]
        estimated, mem1 = run(args.barometer, base, args.repeat)
        given, mem2 = run(args.barometer, base + ["--random-walk-sd", "0.003", "--extra-variance", "0"], args.repeat)
        out = subprocess.run([args.barometer] + base, check=True, capture_output=True, text=True).stdout
        sigma = json.loads(out)["pollModels"][0]["randomWalkSD"]
        # The peer: reference pollster A in both, σ and τ² by maximum likelihood.
        referenced = base + ["--reference", "A"]
        ours_ref, mem3 = run(args.barometer, referenced, args.repeat)
        ours = json.loads(subprocess.run([args.barometer] + referenced, check=True, capture_output=True, text=True).stdout)
        peer_cmd = ["python3", os.path.join(ROOT, "bench/polls_statsmodels.py"), path, "A"]
        peer_wall, mem4 = run(peer_cmd[0], peer_cmd[1:], args.repeat)
        peer = json.loads(subprocess.run(peer_cmd, check=True, capture_output=True, text=True).stdout)
        import statsmodels
        model = ours["pollModels"][0]
        houses = {r["domain"]["pollster"]: r["estimate"] for r in ours["rows"] if r["statistic"] == "house-effect"}
        house_gap = max(abs(houses[k] - v) for k, v in peer["houseEffects"].items()) * 100
        sigma_gap = abs(model["randomWalkSD"] / peer["sigma"] - 1)
        last_gap = abs([r for r in ours["rows"] if r["statistic"] == "poll-average"][-1]["estimate"] - peer["last"]) * 100
    lines = [
        "| average of 1,000 polls by 5 pollsters over 2,000 days | wall time (median of %d) | peak memory |" % args.repeat,
        "| --- | ---: | ---: |",
        f"| σ and τ² estimated by maximum likelihood (σ̂ = {sigma:.4f}, true 0.003) | {estimated:.2f} s | {mem1:.0f} MB |",
        f"| σ and τ² given (one exact solve) | {given:.2f} s | {mem2:.0f} MB |",
        "",
        f"Against statsmodels {statsmodels.__version__} (its Kalman filter with an exact diffuse start, the same model as a state "
        "space, σ and τ² by maximum likelihood; house effects relative to pollster A in both), same file, same run:",
        "",
        "| the whole process: read the polls, fit by maximum likelihood, write the result | wall time (median) | peak memory |",
        "| --- | ---: | ---: |",
        f"| Barometer (`polls average --reference A`) | {ours_ref:.2f} s | {mem3:.0f} MB |",
        f"| statsmodels (Python process; the fit alone {peer['seconds']:.2f} s) | {peer_wall:.2f} s | {mem4:.0f} MB |",
        f"| ratio (statsmodels ÷ Barometer) | {peer_wall / ours_ref:.1f}× | |",
        "",
        f"The two fits agree: σ̂ {model['randomWalkSD']:.6g} and {peer['sigma']:.6g} (relative difference {sigma_gap:.1e}, "
        f"the optimisers' tolerance), house effects within {house_gap:.1e} points, the last day's share within {last_gap:.1e} "
        f"points. The log-likelihoods differ by a constant ({model['logLikelihood'] - peer['logLikelihood']:.4f}): statsmodels "
        "leaves out ½·log 2π for each diffuse state, de Jong's diffuse likelihood keeps it.",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        bench = os.path.join(ROOT, "BENCHMARKS.md")
        content = open(bench).read()
        block = f"{BEGIN}\n{text}\n{END}"
        if BEGIN in content:
            content = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), block, content, flags=re.S)
        else:
            content += "\n## Poll average\n\n`barometer polls average` (release build) on generated polls, the process's wall time including reading the CSV and writing the JSON of 2,000 daily rows. Reproduce: `python3 bench/polls.py`.\n\n" + block + "\n"
        open(bench, "w").write(content)
        print("wrote the polls section of BENCHMARKS.md")


if __name__ == "__main__":
    main()
