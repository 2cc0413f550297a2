#!/usr/bin/env python3
"""Goldens for the poll average from an independent implementation: statsmodels' Kalman filter
and smoother with an exact diffuse start (bench/polls_statsmodels.py holds the model).

Writes Tests/PollsTests/Fixtures/simulated-polls.csv (240 polls by 4 pollsters over 700 days,
deterministic) and simulated-polls-golden.json: with sigma and tau^2 fixed, the smoothed share
on every poll's day and the house effects (relative to pollster A) with their standard errors
and the log-likelihood; and the maximum-likelihood sigma and tau^2 with the house effects at
them. The tests compare Barometer's exact solution with these; no test runs Python.

    pip install statsmodels && python3 conformance/statsmodels-polls.py
"""
import datetime
import json
import math
import os
import random
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import numpy as np  # noqa: E402
import statsmodels  # noqa: E402
from polls_statsmodels import PooledPolls, load  # noqa: E402

FIXTURES = os.path.join(ROOT, "Tests/PollsTests/Fixtures")


def generate(path, polls=240, days=700, seed=1991):
    rng = random.Random(seed)
    truth = [0.35]
    for _ in range(days - 1):
        truth.append(min(0.9, max(0.1, truth[-1] + rng.gauss(0, 0.004))))
    houses = {"A": 0.0, "B": 0.025, "C": -0.015, "D": 0.01}
    names = sorted(houses)
    start = 19000
    with open(path, "w") as f:
        f.write("pollster,field_start,field_end,sample_size,share\n")
        for i in range(polls):
            day = rng.randrange(days - 6)
            length = rng.randrange(7)
            n = rng.randint(500, 2000)
            p = truth[day + length // 2] + houses[names[i % 4]] + rng.gauss(0, 0.008)
            y = min(0.99, max(0.01, p + math.sqrt(p * (1 - p) / n) * rng.gauss(0, 1)))
            a = (start + day) * 86400
            b = (start + day + length) * 86400
            f.write(f"{names[i % 4]},{time.strftime('%Y-%m-%d', time.gmtime(a))},{time.strftime('%Y-%m-%d', time.gmtime(b))},{n},{y * 100:.1f}\n")


def smoothed(model, sigma, tau2):
    res = model.smooth([math.log(sigma), 0.5 * math.log(tau2)])
    state = res.smoothed_state
    cov = res.smoothed_state_cov
    return res, state, cov


def main():
    csv_path = os.path.join(FIXTURES, "simulated-polls.csv")
    generate(csv_path)
    rows = load(csv_path)
    model = PooledPolls(rows, "A")
    day = lambda d: datetime.date.fromordinal(d).isoformat()
    fixed_sigma, fixed_tau2 = 0.003, 1e-4
    res, state, cov = smoothed(model, fixed_sigma, fixed_tau2)
    # One value per day: polls on the same day share the smoothed state.
    by_day = {}
    for t, r in enumerate(rows):
        by_day[day(r[0])] = (float(state[0, t]), float(math.sqrt(cov[0, 0, t])))
    last = state[:, -1]
    last_cov = cov[:, :, -1]
    fixed = {
        "sigma": fixed_sigma, "tau2": fixed_tau2, "logLikelihood": float(res.llf), "diffuseStates": int(model.k_states),
        "share": {d: v[0] for d, v in sorted(by_day.items())},
        "shareSE": {d: v[1] for d, v in sorted(by_day.items())},
        "houseEffects": {p: float(last[1 + i]) for i, p in enumerate(model.pollsters)},
        "houseEffectSE": {p: float(math.sqrt(last_cov[1 + i, 1 + i])) for i, p in enumerate(model.pollsters)},
    }
    fit = model.fit(method="nm", maxiter=4000, disp=False)
    fit = model.fit(start_params=fit.params, method="bfgs", disp=False, gtol=1e-10)
    ml_last = fit.smoothed_state[:, -1]
    ml = {
        "sigma": math.exp(fit.params[0]), "tau2": math.exp(2 * fit.params[1]), "logLikelihood": float(fit.llf),
        "houseEffects": {p: float(ml_last[1 + i]) for i, p in enumerate(model.pollsters)},
    }
    golden = {"generator": f"statsmodels {statsmodels.__version__}, numpy {np.__version__}", "reference": "A", "fixed": fixed,
              "maximumLikelihood": ml}
    with open(os.path.join(FIXTURES, "simulated-polls-golden.json"), "w") as f:
        json.dump(golden, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(ml))


if __name__ == "__main__":
    main()
