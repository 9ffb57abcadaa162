#!/usr/bin/env python3
"""PDF → shards → query, as a user runs it: the six fixtures (one document
in six languages) and six real UPR reports ingested once into one index and
once as three shards (`ingest --shard K/3`); then the same searches over
the one index, over the three shards as folders, and over one folder and
two shards served by xapian-tcpsrv must give the same totals, facets and
hits; so must `history` and `serve`'s API. One served shard killed: a
clear error, or with --partial-results the others' answer naming it. The
shards merged with xapian-compact answer as the one index too.

    shards_test.py SEXTANT FIXTURES SHARED_CORPORA

Exit 77 (skipped) without ../shared/corpora or xapian-tcpsrv.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

SEXTANT, FIXTURES, SHARED = sys.argv[1:4]
REPORTS = ["afghanistan2009", "afghanistan2014", "albania2010", "algeria2008", "brazil2012", "chile2009"]
QUERIES = [
    ["--show", "en", "会议开幕"],
    ["--show", "fr", "human rights"],
    ["--sort", "date", "symbol:A/HRC/12/*"],
    ["--lang", "en", "trafficking OR torture"],
    ["to:Afghanistan", "from:Norway"],
    ["type:recommendation", "response:noted"],
]


def run(*args, check=True):
    done = subprocess.run([SEXTANT, *args], capture_output=True, text=True)
    if check and done.returncode != 0:
        sys.exit(f"sextant {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done


def canonical(answer):
    """What must equal between one index and shards: totals, facets, and
    every hit as a set (equal weights are ordered by document id, which
    differs between one index and shards), its snippet aside: where two
    excerpts of a passage score the same up to rounding, Xapian may pick
    the other one over shards (1 hit in 511 here); the snippets of
    tests/index/shards_test.cc are compared whole."""
    if answer["total"] > len(answer["hits"]):
        sys.exit(f"{answer['total']} hits, more than one page: the lists would not be whole")
    hits = sorted(json.dumps({k: v for k, v in hit.items() if k != "snippet"}, sort_keys=True) for hit in answer["hits"])
    return answer["total"], json.dumps(answer["facets"], sort_keys=True), hits


def searches(index_args):
    return [canonical(json.loads(run("search", *index_args, "--json", "--limit", "1000", *query).stdout))
            for query in QUERIES]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_tcpsrv(folder, port):
    server = subprocess.Popen(["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(port), folder],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    sys.exit(f"xapian-tcpsrv did not start on {port}")


def stop(server):
    os.killpg(server.pid, signal.SIGKILL)  # and the connections it forked
    server.wait()


def main():
    upr = os.path.join(SHARED, "upr", "reports")
    if not os.path.isdir(upr):
        print(f"skipped: {upr} not found (the shared corpora are not beside the checkout)")
        return 77
    if shutil.which("xapian-tcpsrv") is None:
        print("skipped: xapian-tcpsrv not found (Debian xapian-tools; scripts/install-deps installs it)")
        return 77
    work = tempfile.mkdtemp()
    servers = []
    try:
        pdfs = os.path.join(work, "pdf")
        os.mkdir(pdfs)
        for name in os.listdir(FIXTURES):
            os.symlink(os.path.join(FIXTURES, name), os.path.join(pdfs, name))
        for report in REPORTS:
            os.symlink(os.path.join(upr, report + ".pdf"), os.path.join(pdfs, report + ".pdf"))
        whole = os.path.join(work, "whole")
        run("ingest", "--index", whole, pdfs)
        shards = [os.path.join(work, f"shard-{k}") for k in (1, 2, 3)]
        for k, shard in enumerate(shards, 1):
            said = run("ingest", "--index", shard, "--shard", f"{k}/3", pdfs).stderr
            if f"shard {k}/3" not in said:  # its summary names it, with the sets left to the others
                sys.exit(f"ingest --shard {k}/3 did not name its shard: {said}")
        print("ingested: one index and 3 shards")
        count = lambda index: json.loads(run("search", "--index", index, "--json", "symbol:A/HRC/*").stdout)["total"]
        if max(count(shard) for shard in shards) >= count(whole):  # or the test would prove nothing
            sys.exit("one shard holds every review report: the sets were not dealt")

        expected = searches(["--index", whole])
        if not all(total > 0 for total, _, _ in expected):
            sys.exit(f"a query found nothing in the one index: {[total for total, _, _ in expected]}")
        local = [arg for shard in shards for arg in ("--index", shard)]
        print("local shards:", "same" if searches(local) == expected else "DIFFERENT")

        ports = [free_port(), free_port()]
        servers = [start_tcpsrv(shards[1], ports[0]), start_tcpsrv(shards[2], ports[1])]
        remote = ["--index", shards[0], "--remote", f"127.0.0.1:{ports[0]}", "--remote", f"127.0.0.1:{ports[1]}"]
        print("remote shards:", "same" if searches(remote) == expected else "DIFFERENT")
        history = lambda args: json.loads(run("history", *args, "--json", "to:Afghanistan").stdout)
        print("history:", "same" if history(remote) == history(["--index", whole]) else "DIFFERENT")

        served = subprocess.Popen([SEXTANT, "serve", *remote, "--port", "0"], stdout=subprocess.PIPE, text=True)
        try:
            url = served.stdout.readline().split(" at ")[1].split()[0]
            query = urllib.parse.urlencode({"q": "human rights", "show": "fr", "limit": "100"})
            api = json.load(urllib.request.urlopen(url.rstrip("/") + "/api/search?" + query))
            print("serve:", "same total" if api["total"] == expected[1][0] else "DIFFERENT total", api["total"])
        finally:
            served.terminate()
            served.wait()

        stop(servers[0])
        down = run("search", *remote, "human rights", check=False)
        print(f"down: exit {down.returncode}: {down.stderr.strip()}")
        partial = run("search", *remote, "--partial-results", "--json", "human rights", check=False)
        answer = json.loads(partial.stdout)
        print(f"partial: exit {partial.returncode}, total {answer['total']} of {expected[1][0]}, "
              f"missing {[m.split(' (')[0] for m in answer.get('missing_shards', [])]}; {partial.stderr.strip()}")

        merged = os.path.join(work, "merged")
        subprocess.run(["xapian-compact", *shards, merged], check=True, stdout=subprocess.DEVNULL)
        print("merged:", "same" if searches(["--index", merged]) == expected else "DIFFERENT")
        return 0
    finally:
        for server in servers:
            if server.poll() is None:
                stop(server)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
