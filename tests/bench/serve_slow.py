#!/usr/bin/env python3
"""Slow clients, bad requests and a burst against `sextant serve`, and the
same against reference servers, side by side.

For each server (`--sextant` binaries: e.g. the base and the new build;
`--nginx` and `--python`: a static file of the burst answer's size):

  1. slow clients: N connections (--levels, default 50,100,500) that each
     send a request head a line every 2 s, reconnecting when the server
     cuts them; meanwhile one client makes normal requests (a new
     connection each, 2 s timeout) for --seconds: p50, p99, max latency,
     timeouts, and how often the server cut a slow connection;
  2. bad requests: how long a 100 KB header, a 1 MB URL and a NUL take to
     be answered, with what status, and when the server ends the connection;
  3. a burst: --burst connections (default 200) at once, each asking for
     --burst-path (a page of a large document): requests per second, failures,
     the server's RSS before, at its peak during, and 2 s and 10 s after.

    python3 tests/bench/serve_slow.py --index /tmp/idx \\
        --sextant before=/work/build-base/cli/sextant --sextant after=build/cli/sextant \\
        --nginx /usr/sbin/nginx --burst-path '/api/document?id=A/HRC/12/9&lang=en'

A run of the base binary with --burst-path asking for a whole 2,000-page
document (no paging then) takes minutes: --burst 200 is 200 such answers.
"""
import argparse
import http.client
import os
import re
import selectors
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

NORMAL_PATHS = ["/api/search?q=trafficking", "/api/search?q=human+rights&show=fr",
                "/api/search?q=education&lang=en", "/api/versions?id=A/HRC/12/9",
                "/api/search?q=Afghanistan&sort=date"]


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


class Server:
    """A server process on a free port: sextant, nginx or python's."""

    def __init__(self, name, command, port, pid_of=None, folder=None):
        self.name, self.port, self.folder = name, port, folder
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.pid_of = pid_of
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            self.stop()
            sys.exit(f"serve_slow: {name} did not start")

    @property
    def pid(self):
        return self.pid_of() if self.pid_of else self.process.pid

    def rss(self):
        """RSS of the server's processes (nginx: master and workers)."""
        if self.name.startswith("nginx"):
            total = 0
            for entry in os.listdir("/proc"):
                if entry.isdigit():
                    try:
                        with open(f"/proc/{entry}/stat") as f:
                            fields = f.read().split()
                        if int(fields[3]) == self.process.pid or int(entry) == self.process.pid:
                            total += rss_kib(int(entry))
                    except (OSError, IndexError, ValueError):
                        pass
            return total
        return rss_kib(self.pid)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_sextant(name, binary, index):
    port = free_port()
    return Server(name, [binary, "serve", "--index", index, "--port", str(port)], port)


def start_nginx(binary, body):
    folder = tempfile.mkdtemp(prefix="serve_slow_nginx_")
    port = free_port()
    with open(os.path.join(folder, "answer.json"), "wb") as f:
        f.write(body)
    with open(os.path.join(folder, "nginx.conf"), "w") as f:
        f.write(f"""daemon off; worker_processes 2; pid {folder}/nginx.pid; error_log {folder}/error.log;
events {{ worker_connections 4096; }}
http {{ access_log off; client_body_temp_path {folder}; proxy_temp_path {folder}; fastcgi_temp_path {folder};
  uwsgi_temp_path {folder}; scgi_temp_path {folder}; default_type application/json;
  client_header_timeout 5s; keepalive_timeout 5s;
  server {{ listen 127.0.0.1:{port}; root {folder}; location / {{ }} }} }}
""")
    return Server("nginx (static file)", [binary, "-c", os.path.join(folder, "nginx.conf"), "-p", folder], port,
                  folder=folder)


def start_python(body):
    folder = tempfile.mkdtemp(prefix="serve_slow_python_")
    with open(os.path.join(folder, "answer.json"), "wb") as f:
        f.write(body)
    port = free_port()
    return Server("python3 -m http.server (static file)",
                  [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", folder],
                  port, folder=folder)


class SlowClients:
    """`count` connections that each send a request head a line every
    `interval` seconds and never finish it; one the server cuts (answers or
    closes) is counted and opened again."""

    def __init__(self, port, count, interval=2.0):
        self.port, self.count, self.interval = port, count, interval
        self.cuts = self.opened = self.failed = 0
        self.selector = selectors.DefaultSelector()
        self.sockets = {}
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def open_one(self):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", self.port))
        except BlockingIOError:
            pass
        except OSError:
            self.failed += 1
            s.close()
            return
        self.opened += 1
        self.sockets[s] = {"sent_head": False, "next": time.monotonic() + self.interval * len(self.sockets) / max(1, self.count), "line": 0}
        self.selector.register(s, selectors.EVENT_READ)

    def drop(self, s):
        self.selector.unregister(s)
        del self.sockets[s]
        s.close()

    def run(self):
        for _ in range(self.count):
            self.open_one()
        while not self.stopping.is_set():
            now = time.monotonic()
            for s, state in list(self.sockets.items()):
                if now < state["next"]:
                    continue
                data = (b"GET /api/search?q=slow HTTP/1.1\r\nHost: 127.0.0.1\r\n" if not state["sent_head"]
                        else b"X-Slow-%d: 1\r\n" % state["line"])
                try:
                    s.send(data)
                    state["sent_head"] = True
                    state["line"] += 1
                except OSError:
                    pass  # not connected yet, or cut: the read side says
                state["next"] = now + self.interval
            for key, _ in self.selector.select(timeout=0.05):
                s = key.fileobj
                try:
                    s.recv(65536)  # an answer (408, 503…), an end, or an error: cut either way
                except OSError:
                    pass
                self.cuts += 1
                self.drop(s)
                if not self.stopping.is_set():
                    self.open_one()
        for s in list(self.sockets):
            self.drop(s)

    def start(self):
        self.thread.start()
        time.sleep(self.interval + 0.5)  # every connection open and its head begun

    def stop(self):
        self.stopping.set()
        self.thread.join()


def timed_get(port, path, timeout):
    """(seconds, status, bytes) of one GET on a new connection; status 0 on
    a timeout, -1 on another failure."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return time.perf_counter() - start, response.status, len(body)
    except socket.timeout:
        return time.perf_counter() - start, 0, 0
    except OSError:
        return time.perf_counter() - start, -1, 0
    finally:
        connection.close()


def normal_requests(port, paths, seconds, timeout=2.0, stop=None):
    """Requests one after another for `seconds` (or until `stop` is set):
    latencies (ms) of the answered ones, timeouts, other failures."""
    times, timeouts, errors, k = [], 0, 0, 0
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (stop and stop.is_set()):
        took, status, _ = timed_get(port, paths[k % len(paths)], timeout)
        k += 1
        if status == 0:
            timeouts += 1
        elif status != 200:
            errors += 1
        else:
            times.append(took * 1000)
    return times, timeouts, errors


def bad_requests(port):
    cases = [("100 KB header", b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100 * 1024 + b"\r\n\r\n"),
             ("1 MB URL", b"GET /" + b"a" * 1024 * 1024 + b" HTTP/1.1\r\nHost: x\r\n\r\n"),
             ("NUL in the request line", b"GET /api/search?q=a\x00b HTTP/1.1\r\nHost: x\r\n\r\n")]
    results = []
    for name, request in cases:
        s = socket.create_connection(("127.0.0.1", port))
        s.settimeout(15)
        start = time.perf_counter()

        def send():
            try:
                s.sendall(request)
            except OSError:
                pass
        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        head = b""
        answered = closed = None
        try:
            while True:
                data = s.recv(65536)
                if data and answered is None:
                    answered = time.perf_counter() - start
                if not data:
                    break
                head += data
        except OSError as error:
            head = head or str(error).encode()
        closed = time.perf_counter() - start
        s.close()
        sender.join(timeout=5)
        match = re.match(rb"HTTP/1\.[01] (\d+)", head)
        status = match.group(1).decode() if match else (head[:30].decode(errors="replace") or "closed")
        results.append((name, status, answered if answered is not None else float("nan"), closed))
    return results


def burst(server, port, path, count, timeout, normal_paths):
    """`count` connections at once, each one GET, while one client makes
    normal requests: (wall seconds, ok, failures, bytes, latencies, rss
    before/peak/2 s after/10 s after, the normal requests' results)."""
    before = server.rss()
    results = []
    lock = threading.Lock()
    gate = threading.Barrier(count + 1)

    def one():
        gate.wait()
        result = timed_get(port, path, timeout)
        with lock:
            results.append(result)

    threads = [threading.Thread(target=one) for _ in range(count)]
    for t in threads:
        t.start()
    peak = before
    done = threading.Event()
    normal = []
    beside = threading.Thread(target=lambda: normal.append(normal_requests(port, normal_paths, 1e9, 2.0, done)))
    gate.wait()
    start = time.perf_counter()
    beside.start()
    while any(t.is_alive() for t in threads):
        peak = max(peak, server.rss())
        time.sleep(0.1)
    wall = time.perf_counter() - start
    done.set()
    beside.join()
    for t in threads:
        t.join()
    time.sleep(2)
    after2 = server.rss()
    time.sleep(8)
    after10 = server.rss()
    ok = sum(1 for _, status, _ in results if status == 200)
    size = max((n for _, status, n in results if status == 200), default=0)
    latencies = [t * 1000 for t, status, _ in results if status == 200]
    return wall, ok, count - ok, size, latencies, before, peak, after2, after10, normal[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True)
    ap.add_argument("--sextant", action="append", default=[], metavar="NAME=BINARY",
                    help="a sextant binary to measure, with a name (repeatable)")
    ap.add_argument("--nginx", default="", help="an nginx binary: the reference, serving a static file")
    ap.add_argument("--python", action="store_true", help="python3 -m http.server as a reference too")
    ap.add_argument("--levels", default="50,100,500", help="numbers of slow connections")
    ap.add_argument("--seconds", type=float, default=10, help="seconds of normal requests per level")
    ap.add_argument("--burst", type=int, default=200)
    ap.add_argument("--bursts", type=int, default=1, help="bursts one after another (memory after each)")
    ap.add_argument("--burst-path", default="/api/document?id=A/HRC/12/9&lang=en")
    ap.add_argument("--burst-timeout", type=float, default=600)
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: slow,bad,burst")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    levels = [int(n) for n in args.levels.split(",") if n]

    print(f"serve_slow: index {args.index}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    servers = []
    for spec in args.sextant:
        name, _, binary = spec.rpartition("=")
        servers.append(("sextant " + (name or binary), lambda binary=binary, name=name: start_sextant(
            "sextant " + (name or binary), binary, args.index)))
    body = None
    if args.nginx or args.python:
        # The reference serves, as a static file, what the last sextant
        # answers to the burst path.
        probe = start_sextant("probe", args.sextant[-1].rpartition("=")[2], args.index)
        with urllib.request.urlopen(f"http://127.0.0.1:{probe.port}{args.burst_path}", timeout=600) as answer:
            body = answer.read()
        probe.stop()
        print(f"reference file: {len(body)} bytes (the answer to {args.burst_path})")
    if args.nginx:
        servers.append(("nginx", lambda: start_nginx(args.nginx, body)))
    if args.python:
        servers.append(("python", lambda: start_python(body)))

    for label, start in servers:
        server = start()
        static = not server.name.startswith("sextant")
        paths = ["/answer.json"] if static else NORMAL_PATHS
        burst_path = "/answer.json" if static else args.burst_path
        print(f"\n== {server.name} (pid {server.pid}), RSS at start {server.rss() / 1024:.1f} MiB")
        try:
            if "slow" not in skip:
                times, timeouts, errors = normal_requests(server.port, paths, min(3.0, args.seconds))
                print(f"{'slow conns':>10} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
                      f"{'timeouts':>8} {'errors':>6} {'cut':>6} {'RSS MiB':>8}")
                print(f"{0:>10} {len(times) + timeouts + errors:>8} {percentile(times, .5):>8.1f} "
                      f"{percentile(times, .99):>8.1f} {max(times, default=float('nan')):>8.1f} {timeouts:>8} "
                      f"{errors:>6} {'-':>6} {server.rss() / 1024:>8.1f}")
                for level in levels:
                    slow = SlowClients(server.port, level)
                    slow.start()
                    times, timeouts, errors = normal_requests(server.port, paths, args.seconds)
                    rss = server.rss()
                    slow.stop()
                    print(f"{level:>10} {len(times) + timeouts + errors:>8} {percentile(times, .5):>8.1f} "
                          f"{percentile(times, .99):>8.1f} {max(times, default=float('nan')):>8.1f} {timeouts:>8} "
                          f"{errors:>6} {slow.cuts:>6} {rss / 1024:>8.1f}")
                    time.sleep(1)
            if "bad" not in skip:
                for name, status, answered, closed in bad_requests(server.port):
                    print(f"bad request: {name:<24} → {status:<8} answered in {answered * 1000:8.1f} ms, "
                          f"connection closed after {closed * 1000:8.1f} ms")
            for _ in range(args.bursts if "burst" not in skip else 0):
                wall, ok, failed, size, latencies, before, peak, after2, after10, beside = burst(
                    server, server.port, burst_path, args.burst, args.burst_timeout, paths)
                print(f"burst of {args.burst} on {burst_path} ({size} bytes each): {wall:.1f} s, "
                      f"{ok / wall:.1f} req/s, {failed} failed, latency p50 {percentile(latencies, .5):.0f} ms, "
                      f"p99 {percentile(latencies, .99):.0f} ms")
                print(f"  RSS: before {before / 1024:.1f} MiB, peak {peak / 1024:.1f} MiB, "
                      f"2 s after {after2 / 1024:.1f} MiB, 10 s after {after10 / 1024:.1f} MiB")
                times, timeouts, errors = beside
                print(f"  normal requests meanwhile: {len(times) + timeouts + errors}, p50 {percentile(times, .5):.1f} ms, "
                      f"p99 {percentile(times, .99):.1f} ms, {timeouts} timeouts (2 s), {errors} failed")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
