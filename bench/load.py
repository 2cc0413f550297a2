#!/usr/bin/env python3
"""A short load test of the explorer's API on loopback, written into BENCHMARKS.md.

Starts `barometer serve --demo` (release build) with a fresh store and no rate limit, warms it
up, then runs wrk against `analyze` (proportions of a question by age group in one wave) and
`trend` (a question across 16 waves) for --seconds each with --connections connections,
and reports requests per second, latency percentiles, non-2xx answers and the server's
resident memory before and after (it should stay flat: waves are decoded once and cached).

    python3 bench/load.py [--barometer .build/release/barometer] [--seconds 15] [--no-write]
Installs wrk (apt) when missing.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN, END = "<!-- load:begin -->", "<!-- load:end -->"


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def wrk(url, seconds, connections, threads):
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    def ms(label):
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": rps, "requests": total, "p50": ms("50%"), "p90": ms("90%"), "p99": ms("99%"),
            "non2xx": int(bad.group(1)) if bad else 0, "socket": errors.group(1) if errors else "none"}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--barometer", default=os.path.join(ROOT, ".build/release/barometer"))
    p.add_argument("--seconds", type=int, default=15)
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--no-write", action="store_true")
    a = p.parse_args()
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if not os.path.exists(a.barometer):
        sys.exit(f"{a.barometer} not found; build it with: swift build -c release --product barometer")
    data = tempfile.mkdtemp(prefix="barometer-load-")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([a.barometer, "serve", "--demo", "--data", data, "--port", str(port), "--rate-limit", "1000000"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except Exception:
                time.sleep(0.2)
        endpoints = [
            ("analyze: opinion of Russia by age group, one wave", "/api/v1/studies/demo/analyze?wave=2022-autumn&variable=opinion_russia&by=agegroup"),
            ("trend: opinion of Russia, 16 waves, net score and change", "/api/v1/studies/demo/trend?concept=opinion_russia"),
            ("question page (HTML with two charts)", "/studies/demo/concepts/opinion_russia?by=agegroup&wave=2022-autumn"),
        ]
        for _, path in endpoints:   # warm the wave cache
            urllib.request.urlopen(base + path).read()
        before = rss_mb(server.pid)
        results = []
        for name, path in endpoints:
            r = wrk(base + path, a.seconds, a.connections, a.threads)
            r["name"], r["path"] = name, path
            results.append(r)
            print(f"{name}: {r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, non-2xx {r['non2xx']}", flush=True)
        after = rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)
    print(f"server RSS: {before:.0f} MB after warm-up, {after:.0f} MB after the load")
    bad = sum(r["non2xx"] for r in results)
    lines = [BEGIN, "", "## Explorer API under load", "",
             f"`barometer serve --demo` (release build) on loopback, the demo study (16 waves, 24,153 respondents) in a fresh store, "
             f"no rate limit; wrk with {a.threads} threads and {a.connections} connections for {a.seconds} s per endpoint, on the same "
             "2-core machine as the server (so client and server share the cores). Reproduce: `python3 bench/load.py`.", "",
             "| endpoint | requests/s | p50 ms | p90 ms | p99 ms | requests | non-2xx |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        lines.append(f"| {r['name']} (`{r['path']}`) | {r['rps']:.0f} | {r['p50']:.1f} | {r['p90']:.1f} | {r['p99']:.1f} | {r['requests']} | {r['non2xx']} |")
    lines += ["", f"Server memory (RSS): {before:.0f} MB after warm-up, {after:.0f} MB after {len(results) * a.seconds} s of load "
              f"({'flat' if after < before * 1.25 + 10 else 'grew'}). No 5xx and no socket errors "
              f"{'(' + str(bad) + ' non-2xx answers)' if bad else ''}.".replace(" ()", ""), "", END]
    if bad:
        print(f"{bad} non-2xx answers under load", file=sys.stderr)
    if not a.no_write:
        path = os.path.join(ROOT, "BENCHMARKS.md")
        text = open(path).read()
        section = "\n".join(lines)
        if BEGIN in text:
            text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
        else:
            text = text.rstrip() + "\n\n" + section + "\n"
        open(path, "w").write(text)
        print("wrote the load section of BENCHMARKS.md")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
