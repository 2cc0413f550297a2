#!/usr/bin/env python3
"""Load-tests `barometer serve --demo` with wrk and reports each endpoint as a ratio to the
server's own /health measured in the same run (issue 16's targets; BENCHMARKS.md, section
"Server").

Usage, from the repository root:

    python3 bench/load.py                      # builds the release binary; ~15 minutes with the soak
    python3 bench/load.py --barometer .build/release/barometer --soak-minutes 1 --no-write

wrk comes from Debian (installed with apt-get when missing).

What it does:

1. Starts `barometer serve --demo` on a fresh store in a temporary folder, rate limit lifted,
   logs at warning (a line per request would time the terminal), with --cache-memory 256.
2. Cold: for each endpoint, a new server process, and the time of its first request (decoding
   the waves, compiling designs, rendering) and of its second (from the cache).
3. Warm: wrk, 2 threads, 16 connections, 10 s, `Accept-Encoding: gzip` as browsers send, on
   /health and on each endpoint in turn; requests/s, the ratio to /health (the mean of /health
   before and after), p99 latency, and any non-2xx/3xx answer.
4. Saturation: 64 connections for 20 s on the slowest endpoint with a different confidence
   level on every request (so every request misses the cache and runs an analysis), while one
   more connection asks /health; /health's p99, and the statuses the 64 got (503 is the
   server's deliberate answer when its analysis queue is full; anything else 5xx is a failure).
5. Soak (--soak-minutes, default 10): the three endpoints with 400 query variants (so both
   caches churn) on 16 connections, /health's residentBytes sampled every 10 s; memory is flat
   when the last minute's peak is within 10% of the peak of the first minute after warm-up.
6. Writes the tables between the markers <!-- load:begin --> and <!-- load:end --> of
   BENCHMARKS.md (unless --no-write), and prints them.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ENDPOINTS = [
    ("one-wave analysis by age", "/api/v1/studies/demo/analyze?wave=2022-autumn&variable=opinion_russia&by=agegroup", 0.5),
    ("16-wave trend by age", "/api/v1/studies/demo/trend?concept=opinion_russia&by=agegroup", 0.1),
    ("question page by age", "/studies/demo/concepts/opinion_russia?by=agegroup", 0.2),
]

COUNTING_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {} ; n = 0 end
function request()
  n = n + 1
  local path = PATHS[(n + math.random(0, #PATHS)) % #PATHS + 1]
  if VARY then path = path .. "&level=0." .. tostring(math.random(800000, 989999)) end
  return wrk.format("GET", path, {["Accept-Encoding"] = "gzip"})
end
function response(status, headers, body)
  local key = tostring(status)
  counts[key] = (counts[key] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k, v in pairs(c) do total[k] = (total[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(total) do table.insert(parts, '"' .. k .. '":' .. v) end
  io.write("STATUSES {" .. table.concat(parts, ",") .. "}\\n")
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, data, cache_mb):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [binary, "serve", "--demo", "--data", data, "--port", str(self.port), "--rate-limit", "1000000000",
             "--log-level", "warning", "--cache-memory", str(cache_mb)],
            # The log goes to a file: a pipe nobody reads fills up and stalls the server's writes.
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(os.path.join(data, "server.log"), "ab"))
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/ready", timeout=2) as r:
                    if r.status == 200:
                        return
            except Exception:
                time.sleep(0.2)
        self.stop()
        sys.exit("the server did not become ready in 120 s: " + open(os.path.join(data, "server.log"), errors="replace").read()[-2000:])

    def get(self, path):
        start = time.perf_counter()
        req = urllib.request.Request(self.base + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(req, timeout=120) as r:
            r.read()
            status = r.status
        return status, time.perf_counter() - start

    def health(self):
        with urllib.request.urlopen(self.base + "/health", timeout=10) as r:
            return json.loads(r.read())

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def wrk(url, threads, connections, seconds, script=None, paths=None, vary=False):
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    lua = None
    if script:
        lua = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        lua.write("PATHS = {" + ",".join(json.dumps(p) for p in paths) + "}\nVARY = " + ("true" if vary else "false") + "\n" + script)
        lua.close()
        cmd += ["-s", lua.name]
    else:
        cmd += ["-H", "Accept-Encoding: gzip"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    if lua:
        os.unlink(lua.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = parse_duration(re.search(r"99%\s+([\d.]+\w+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    statuses = re.search(r"STATUSES (\{.*\})", out)
    return {"rps": rps, "p99": p99, "non2xx": int(bad.group(1)) if bad else 0,
            "timeouts": int(timeouts.group(1)) if timeouts else 0,
            "statuses": json.loads(statuses.group(1)) if statuses else None}


def parse_duration(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value * {"us": 1e-3, "ms": 1, "s": 1e3, "m": 6e4}[unit]


def ms(x):
    return f"{x:.1f} ms" if x >= 1 else f"{x * 1000:.0f} µs"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--barometer", help="the barometer binary (default: build the release one)")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--soak-minutes", type=float, default=10)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, stdout=subprocess.DEVNULL)
    binary = args.barometer
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "barometer"], check=True)
        binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], capture_output=True, text=True,
                                check=True).stdout.strip() + "/barometer"
    data = tempfile.mkdtemp(prefix="barometer-bench-server-")
    lines = ["## Explorer API under load", "", f"Measured {time.strftime('%Y-%m-%d')} on this machine ({os.cpu_count()} cores), "
             "`barometer serve --demo` (16 waves, about 24,000 respondents) and wrk on loopback; ratios are to the "
             "server's own `/health` in the same run (client and server share the 2 cores). Reproduce: `python3 bench/load.py`.", ""]
    try:
        # 2. Cold: a fresh process per endpoint.
        cold = []
        for name, path, _ in ENDPOINTS:
            server = Server(binary, data, 256)
            try:
                status1, first = server.get(path)
                status2, second = server.get(path)
                assert status1 == 200 and status2 == 200, (status1, status2)
                cold.append((first, second))
            finally:
                server.stop()
        # 3. Warm.
        server = Server(binary, data, 256)
        try:
            health_before = wrk(server.base + "/health", 2, 16, args.seconds)
            warm = [wrk(server.base + path, 2, 16, args.seconds) for _, path, _ in ENDPOINTS]
            health_after = wrk(server.base + "/health", 2, 16, args.seconds)
            health_rps = (health_before["rps"] + health_after["rps"]) / 2
            lines += ["| request | requests/s | ratio to /health | target | p99 | cold: first request | then |",
                      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
                      f"| `/health` | {health_rps:,.0f} | 1 | | {ms(max(health_before['p99'], health_after['p99']))} | | |"]
            failures = []
            for (name, path, target), result, (first, second) in zip(ENDPOINTS, warm, cold):
                ratio = result["rps"] / health_rps
                mark = "" if ratio >= target else " (missed)"
                if result["non2xx"] or result["timeouts"]:
                    failures.append(f"{name}: {result['non2xx']} non-2xx/3xx, {result['timeouts']} timeouts")
                lines.append(f"| {name}: `{path}` | {result['rps']:,.0f} | {ratio:.2f}{mark} | ≥ {target} | {ms(result['p99'])} | "
                             f"{ms(first * 1000)} | {ms(second * 1000)} |")
            lines.append("")

            # 4. Saturation: every request an analysis (a new confidence level each time).
            slow = ENDPOINTS[1][1]
            result = {}

            def hammer():
                result["load"] = wrk(server.base + "/", 2, 64, 20, script=COUNTING_LUA, paths=[slow], vary=True)

            t = threading.Thread(target=hammer)
            t.start()
            time.sleep(1)
            probe = wrk(server.base + "/health", 1, 1, 17)
            t.join()
            load = result["load"]
            statuses = load["statuses"] or {}
            others = {k: v for k, v in statuses.items() if k.startswith("5") and k != "503"}
            lines += [f"Saturation: 64 connections on the trend with a new confidence level on every request (every one an "
                      f"analysis), 20 s: {sum(statuses.values()):,} answered — "
                      + ", ".join(f"{v:,} × {k}" for k, v in sorted(statuses.items()))
                      + f"; timeouts {load['timeouts']}. Meanwhile `/health` on its own connection: p99 {ms(probe['p99'])} "
                      f"(target < 50 ms){'' if probe['p99'] < 50 else ' (missed)'}, {probe['rps']:,.0f} requests/s.", ""]
            if others or load["timeouts"]:
                failures.append(f"saturation: {others} and {load['timeouts']} timeouts")

            # 5. Soak.
            if args.soak_minutes > 0:
                variants = [p for _, p, _ in ENDPOINTS]
                samples = []
                stop = threading.Event()

                def sample():
                    while not stop.is_set():
                        samples.append((time.time(), server.health()["memory"]["residentBytes"]))
                        stop.wait(10)

                sampler = threading.Thread(target=sample)
                sampler.start()
                seconds = int(args.soak_minutes * 60)
                soak_lua = COUNTING_LUA.replace('math.random(800000, 989999)', 'math.random(900, 1033)')
                soak = wrk(server.base + "/", 2, 16, seconds, script=soak_lua, paths=variants, vary=True)
                stop.set()
                sampler.join()
                start = samples[0][0]
                first_minute = [m for t0, m in samples if 60 <= t0 - start < 120] or [samples[0][1]]
                last_minute = [m for t0, m in samples if t0 - start >= seconds - 60] or [samples[-1][1]]
                flat = max(last_minute) <= 1.1 * max(first_minute)
                statuses = soak["statuses"] or {}
                bad5 = {k: v for k, v in statuses.items() if k.startswith("5") and k != "503"}
                lines += [f"Soak: {args.soak_minutes:g} minutes of the three requests with 400 variants (both caches churn), 16 "
                          f"connections: {sum(statuses.values()):,} answered (" + ", ".join(f"{v:,} × {k}" for k, v in sorted(statuses.items()))
                          + f"); resident memory {max(first_minute) / 2**20:.0f} MiB in the second minute, "
                          f"{max(last_minute) / 2**20:.0f} MiB in the last, peak {max(m for _, m in samples) / 2**20:.0f} MiB: "
                          + ("flat." if flat else "GROWING."), ""]
                if bad5 or not flat:
                    failures.append(f"soak: {bad5}, flat={flat}")
            health = server.health()
            lines += ["`/health` at the end: `" + json.dumps({k: health[k] for k in ("caches", "analyses")}) + "`", ""]
        finally:
            server.stop()
    finally:
        shutil.rmtree(data, ignore_errors=True)
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "BENCHMARKS.md")
        doc = open(path).read()
        begin, end = "<!-- load:begin -->", "<!-- load:end -->"
        doc = doc[:doc.index(begin) + len(begin)] + "\n\n" + text + "\n" + doc[doc.index(end):]
        open(path, "w").write(doc)
    if failures:
        print("FAILURES: " + "; ".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
