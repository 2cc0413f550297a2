#!/usr/bin/env python3
"""The peer of `barometer polls average` in bench/polls.py: the same model (Jackman 2005) as a
linear Gaussian state space in statsmodels, fitted by its Kalman filter with an exact diffuse
start and maximum likelihood over sigma and tau^2.

Each poll is one step of the filter, in fieldwork-midpoint order (midpoint = start +
floor((end - start)/2)); the state is the latent share and the house effects of every pollster
but the reference (zero: `--reference` in Barometer), the share's variance grows by sigma^2 per
day between polls, and a poll's variance is y(1-y)/n (y moved half a respondent inside 0 and 1)
plus tau^2. Prints one JSON object: sigma, tau2, the log-likelihood, the house effects, the
latent share on the last poll's day and the seconds the fit took (in this process).

    python3 bench/polls_statsmodels.py POLLS.csv REFERENCE
"""
import csv
import datetime
import json
import math
import sys
import time

import numpy as np
from statsmodels.tsa.statespace.mlemodel import MLEModel


def load(path):
    rows = []
    with open(path) as f:
        for r in csv.DictReader(f):
            a = datetime.date.fromisoformat(r["field_start"]).toordinal()
            b = datetime.date.fromisoformat(r["field_end"]).toordinal()
            rows.append((a + (b - a) // 2, r["pollster"], float(r["share"]) / 100, int(r["sample_size"])))
    rows.sort(key=lambda r: r[0])
    return rows


class PooledPolls(MLEModel):
    def __init__(self, rows, reference):
        y = np.array([r[2] for r in rows])
        n = np.array([r[3] for r in rows], float)
        clipped = np.clip(y, 0.5 / n, 1 - 0.5 / n)
        self.sampling = clipped * (1 - clipped) / n
        self.pollsters = sorted(set(r[1] for r in rows) - {reference})
        k = 1 + len(self.pollsters)
        super().__init__(y, k_states=k, k_posdef=1)
        design = np.zeros((1, k, len(rows)))
        design[0, 0, :] = 1
        for t, r in enumerate(rows):
            if r[1] != reference:
                design[0, 1 + self.pollsters.index(r[1]), t] = 1
        self["design"] = design
        self["transition"] = np.eye(k)
        selection = np.zeros((k, 1))
        selection[0, 0] = 1
        self["selection"] = selection
        days = np.array([r[0] for r in rows], float)
        self.gaps = np.append(np.diff(days), 0.0)
        self.ssm.initialize_diffuse()

    @property
    def start_params(self):
        return [math.log(0.003), math.log(0.01)]

    @property
    def param_names(self):
        return ["log_sigma", "log_tau"]

    def update(self, params, **kwargs):
        params = super().update(params, **kwargs)
        self["state_cov"] = (math.exp(2 * params[0]) * self.gaps).reshape(1, 1, -1)
        self["obs_cov"] = (self.sampling + math.exp(2 * params[1])).reshape(1, 1, -1)


def main():
    rows = load(sys.argv[1])
    started = time.perf_counter()
    model = PooledPolls(rows, sys.argv[2])
    fit = model.fit(method="nm", maxiter=4000, disp=False)
    fit = model.fit(start_params=fit.params, method="bfgs", disp=False)
    seconds = time.perf_counter() - started
    last = fit.smoothed_state[:, -1]
    print(json.dumps({
        "sigma": math.exp(fit.params[0]), "tau2": math.exp(2 * fit.params[1]), "logLikelihood": fit.llf,
        "houseEffects": dict(zip(model.pollsters, last[1:].tolist())), "last": float(last[0]), "seconds": seconds,
    }))


if __name__ == "__main__":
    main()
