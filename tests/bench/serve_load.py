#!/usr/bin/env python3
"""Load on `sextant serve`: wrk against /api/search, side by side with the
same queries run in one process without HTTP.

Starts `sextant serve --index INDEX --port 0`, makes a query list from the
UN devset (a few words of sampled sentences in each of the six languages,
with the English translation asked for, and a share with filters and date
sorting), and runs wrk with 2 and 16 connections (requests per second,
p50/p90/p99 latency, errors), then a long run at 16 connections while the
server's resident memory is sampled every few seconds (growth = a leak).

    python3 tests/bench/serve_load.py --sextant build/cli/sextant \\
        --index /tmp/sextant-200k --corpora ../shared/corpora [--seconds 30] [--long 300]

The index should hold >= 200,000 segments: docs/benchmarks.md says how
index_bench builds one from the devset.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

LANGS = ["ar", "zh", "en", "fr", "ru", "es"]


def queries(corpora, count, facets="yes", seed=7):
    """Paths of /api/search requests: 2-3 words of sampled devset sentences."""
    rng = random.Random(seed)
    out = []
    lines = {}
    for lang in LANGS:
        path = os.path.join(corpora, "unpc-devset", f"UNv1.0.devset.{lang}")
        with open(path, encoding="utf-8") as f:
            lines[lang] = [line.strip() for line in f]
    while len(out) < count:
        lang = rng.choice(LANGS)
        sentence = rng.choice(lines[lang])
        if lang == "zh":
            han = re.findall(r"[\u4e00-\u9fff]{4,}", sentence)
            if not han:
                continue
            run = rng.choice(han)
            start = rng.randrange(0, len(run) - 3)
            words = [run[start:start + 4]]
        else:
            words = [w for w in re.findall(r"\w{4,}", sentence) if not w.isdigit()]
            if len(words) < 3:
                continue
            start = rng.randrange(0, len(words) - 2)
            words = words[start:start + rng.choice([2, 3])]
        params = {"q": " ".join(words), "show": "en" if lang != "en" else "fr", "limit": "10"}
        if facets != "yes":
            params["facets"] = facets
        roll = rng.random()
        if roll < 0.15:
            params["lang"] = lang
        elif roll < 0.25:
            params["sort"] = "date"
        out.append("/api/search?" + urllib.parse.urlencode(params))
    return out


def lua_script(paths, folder):
    """A wrk script that walks the request list, each thread from its own start."""
    path = os.path.join(folder, "requests.lua")
    with open(path, "w", encoding="utf-8") as f:
        f.write("local paths = {\n")
        for p in paths:
            f.write('  "' + p.replace("\\", "\\\\").replace('"', '\\"') + '",\n')
        f.write("}\nlocal i = 0\n")
        f.write("function setup(thread) thread:set('start', math.random(#paths)) end\n")
        f.write("function init(args) i = start or 1 end\n")
        f.write("function request()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n")
    return path


def parse_wrk(text):
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for pct in ("50", "90", "99"):
        m = re.search(rf"^\s+{pct}(?:\.000)?%\s+([\d.]+)(us|ms|s)\b", text, re.M)
        value, unit = float(m.group(1)), m.group(2)
        result["p" + pct] = value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    m = re.search(r"(\d+) requests in", text)
    result["requests"] = int(m.group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    result["errors"] = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return result


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def wrk(url, script, connections, seconds):
    cmd = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", "-s", script, url]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return parse_wrk(out), out


def in_process(url, paths, n):
    """The same requests one after another over one keep-alive client:
    what the server adds is HTTP and JSON; printed for reference."""
    times = []
    for p in paths[:n]:
        start = time.perf_counter()
        with urllib.request.urlopen(url.rstrip("/") + p) as response:
            response.read()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sextant", required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--corpora", default=os.path.join(os.path.dirname(__file__), "../../../shared/corpora"))
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--long", type=int, default=300, help="seconds of the memory run (0: none)")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--facets", choices=["yes", "no"], default="yes",
                    help="ask for facet counts (a full match) with every search, as the page does")
    ap.add_argument("--connections", default="2,16", help="comma-separated wrk connection counts")
    args = ap.parse_args()

    server = subprocess.Popen([args.sextant, "serve", "--index", args.index, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        m = re.search(r"at (http://\S+)", line)
        if not m:
            sys.exit("serve_load: the server did not start: " + line + server.stderr.read())
        url = m.group(1)
        urllib.request.urlopen(url).read()
        paths = queries(args.corpora, args.queries, args.facets)
        folder = tempfile.mkdtemp()
        script = lua_script(paths, folder)
        print(f"serve_load: {url} on {args.index}, {len(paths)} distinct queries, facets {args.facets}, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        p50, p99 = in_process(url, paths, 300)
        print(f"one client, one request at a time (300): p50 {p50:.2f} ms, p99 {p99:.2f} ms")
        print(f"{'connections':>11} {'req/s':>8} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'requests':>9} {'errors':>6}")
        for connections in map(int, args.connections.split(",")):
            r, _ = wrk(url, script, connections, args.seconds)
            print(f"{connections:>11} {r['rps']:>8.0f} {r['p50']:>7.2f} {r['p90']:>7.2f} {r['p99']:>7.2f} "
                  f"{r['requests']:>9} {r['errors']:>6}")
        if args.long > 0:
            samples = []
            stop = threading.Event()

            def sample():
                while not stop.is_set():
                    samples.append(rss_kib(server.pid))
                    stop.wait(5)

            sampler = threading.Thread(target=sample)
            sampler.start()
            r, _ = wrk(url, script, 16, args.long)
            stop.set()
            sampler.join()
            first_minute = max(samples[: max(1, 60 // 5)])
            print(f"long run, 16 connections, {args.long} s: {r['rps']:.0f} req/s, p99 {r['p99']:.2f} ms, "
                  f"{r['requests']} requests, {r['errors']} errors")
            print(f"server RSS: start {samples[0] / 1024:.1f} MiB, max of first minute {first_minute / 1024:.1f} MiB, "
                  f"max {max(samples) / 1024:.1f} MiB, end {samples[-1] / 1024:.1f} MiB")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
