#!/usr/bin/env python3
"""Load on `sextant serve`: wrk against /api/search, side by side with the
same queries run in one process without HTTP.

Starts `sextant serve --index INDEX --port 0` (several --index and
--remote HOST:PORT for a sharded index, passed through; --tcpsrv FOLDER
starts `xapian-tcpsrv` on a free loopback port for that shard folder and
passes it as --remote), makes a query list from the
UN devset (a few words of sampled sentences in each of the six languages,
with the English translation asked for, and a share with filters and date
sorting), and runs wrk with 2 and 16 connections (requests per second,
p50/p90/p99 latency, errors), then a long run at 16 connections while the
server's resident memory is sampled every few seconds (growth = a leak).
During every wrk run the resident memory of the server and of each
xapian-tcpsrv (its listener and the child it forks per connection) is
sampled; the largest is printed, and per connection.

    python3 tests/bench/serve_load.py --sextant build/cli/sextant \\
        --index /tmp/sextant-200k --corpora ../shared/corpora [--seconds 30] [--long 300]
    python3 tests/bench/serve_load.py --sextant build/cli/sextant \\
        --tcpsrv /tmp/sextant-2m-4shards/shard-1 ... --tcpsrv .../shard-4 --long 0

The index should hold >= 200,000 segments: docs/benchmarks.md says how
index_bench builds one from the devset.
"""
import argparse
import os
import random
import socket
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


def pss_kib(pid):
    """Proportional set size: pages shared with the forking parent counted in part."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tcpsrv_memory(port):
    """KiB resident of the xapian-tcpsrv on `port`: (listener, [children RSS], [children PSS])."""
    want = f"--port\0{port}\0".encode()
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read()
            if cmdline.startswith(b"xapian-tcpsrv") and want in cmdline:
                with open(f"/proc/{pid}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                pids.append((int(pid), ppid))
        except (OSError, ValueError, IndexError):
            continue
    own = {pid for pid, _ in pids}
    listener = [pid for pid, ppid in pids if ppid not in own]
    children = [pid for pid, ppid in pids if ppid in own]
    try:
        return (sum(rss_kib(p) for p in listener), [rss_kib(p) for p in children], [pss_kib(p) for p in children])
    except OSError:
        return (0, [], [])


class MemorySampler:
    """Largest resident memory of the server and of each xapian-tcpsrv
    (listener, children: count, sum and largest) while a run lasts."""

    def __init__(self, server_pid, ports, every=1.0):
        self.server_pid, self.ports, self.every = server_pid, ports, every
        self.server = 0
        self.tcpsrv = {p: {"listener": 0, "children": 0, "sum": 0, "max_child": 0, "pss": 0} for p in ports}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run)

    def run(self):
        while not self.stop.is_set():
            self.server = max(self.server, rss_kib(self.server_pid))
            for port in self.ports:
                listener, children, pss = tcpsrv_memory(port)
                t = self.tcpsrv[port]
                t["listener"] = max(t["listener"], listener)
                t["children"] = max(t["children"], len(children))
                t["sum"] = max(t["sum"], sum(children))
                t["max_child"] = max([t["max_child"]] + children)
                t["pss"] = max(t["pss"], sum(pss))
            self.stop.wait(self.every)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_tcpsrv(folder):
    """xapian-tcpsrv on a free loopback port for `folder`: (process, port)."""
    port = free_port()
    process = subprocess.Popen(["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(port), folder],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.05)
    process.kill()
    sys.exit(f"serve_load: xapian-tcpsrv did not start for {folder}")


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
    ap.add_argument("--index", action="append", default=[], help="an index folder, or a local shard (repeatable)")
    ap.add_argument("--remote", action="append", default=[], help="HOST:PORT of a xapian-tcpsrv shard (repeatable)")
    ap.add_argument("--tcpsrv", action="append", default=[],
                    help="a shard folder to serve with xapian-tcpsrv on loopback, started here (repeatable)")
    ap.add_argument("--corpora", default=os.path.join(os.path.dirname(__file__), "../../../shared/corpora"))
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--long", type=int, default=300, help="seconds of the memory run (0: none)")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--facets", choices=["yes", "no"], default="yes",
                    help="ask for facet counts (a full match) with every search, as the page does")
    ap.add_argument("--connections", default="2,16", help="comma-separated wrk connection counts")
    args = ap.parse_args()
    if not (args.index or args.remote or args.tcpsrv):
        ap.error("give --index, --remote or --tcpsrv")

    tcpsrvs = [start_tcpsrv(folder) for folder in args.tcpsrv]
    remotes = args.remote + [f"127.0.0.1:{port}" for _, port in tcpsrvs]
    ports = [int(r.rsplit(":", 1)[1]) for r in remotes if r.startswith(("127.0.0.1:", "localhost:"))]
    command = [args.sextant, "serve", "--port", "0"]
    for folder in args.index:
        command += ["--index", folder]
    for remote in remotes:
        command += ["--remote", remote]
    where = " ".join(args.index + remotes)
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
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
        print(f"serve_load: {url} on {where}, {len(paths)} distinct queries, facets {args.facets}, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        p50, p99 = in_process(url, paths, 300)
        idle = rss_kib(server.pid)
        print(f"one client, one request at a time (300): p50 {p50:.2f} ms, p99 {p99:.2f} ms; "
              f"server RSS after it {idle / 1024:.1f} MiB")
        print(f"{'connections':>11} {'req/s':>8} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'requests':>9} {'errors':>6}"
              f" {'server MiB':>10} {'+/conn MiB':>10}")
        memory = {}
        for connections in map(int, args.connections.split(",")):
            with MemorySampler(server.pid, ports) as sampler:
                r, _ = wrk(url, script, connections, args.seconds)
            memory[connections] = sampler
            per = (sampler.server - idle) / 1024 / max(1, connections - 1)
            print(f"{connections:>11} {r['rps']:>8.0f} {r['p50']:>7.2f} {r['p90']:>7.2f} {r['p99']:>7.2f} "
                  f"{r['requests']:>9} {r['errors']:>6} {sampler.server / 1024:>10.1f} {per:>10.2f}")
        for connections, sampler in memory.items():
            for port, t in sampler.tcpsrv.items():
                print(f"xapian-tcpsrv :{port} at {connections} connections: listener {t['listener'] / 1024:.1f} MiB, "
                      f"{t['children']} children (one per connection of the server), together {t['sum'] / 1024:.1f} MiB, "
                      f"largest {t['max_child'] / 1024:.1f} MiB; proportional (PSS) together {t['pss'] / 1024:.1f} MiB")
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
        for process, _ in tcpsrvs:
            os.killpg(process.pid, 9)  # the listener and the children it forked
            process.wait()


if __name__ == "__main__":
    main()
