#!/usr/bin/env python3
"""Reads the log of heap_sampler (tests/bench/heap_sampler.cc): one snapshot's
line, then its stacks holding the most live sampled bytes, symbolised with
addr2line (a stripped library's frames are named by library and offset).

    tests/bench/heap_sampler_report.py /tmp/heap.log [--snapshot N] [--top 20]

--snapshot N: the Nth snapshot, from 0 (default: the last); --list: every
snapshot's line only (resident size and heap over time).
"""
import argparse
import collections
import re
import subprocess
import sys

# Frames that say nothing of who allocated: skipped at the top of a stack.
ALLOCATOR_FRAMES = re.compile(
    r"^(operator new|malloc|calloc|realloc|std::__new_allocator|std::allocator|__gnu_cxx::new_allocator|"
    r"std::_Vector_base|std::vector<.*>::_M_|std::__cxx11::basic_string.*::_M_|std::_Hashtable_alloc|"
    r"std::_Rb_tree.*_M_(create|get)_node)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("log")
    parser.add_argument("--snapshot", type=int, default=-1)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    lines = open(args.log, encoding="utf-8", errors="replace").read().split("\n")
    if not lines or lines[0] != "MAPS":
        sys.exit(f"{args.log}: not a heap_sampler log (it starts with MAPS)")
    maps = []
    snapshots = [k for k, line in enumerate(lines) if line.startswith("SNAPSHOT")]
    for line in lines[1:snapshots[0] if snapshots else len(lines)]:
        fields = line.split()
        if len(fields) >= 6 and "x" in fields[1]:
            start, end = (int(x, 16) for x in fields[0].split("-"))
            maps.append((start, end, int(fields[2], 16), fields[5]))
    if not snapshots:
        sys.exit(f"{args.log}: no snapshot yet (one is written every HEAP_SAMPLER_SECONDS)")
    if args.list:
        for k in snapshots:
            print(lines[k])
        return
    first = snapshots[args.snapshot]
    print(lines[first])
    stacks = []
    for line in lines[first + 1:]:
        if not line.startswith("STACK"):
            break
        fields = line.split()
        stacks.append((int(fields[1]), [int(x, 16) for x in fields[2:]]))
    stacks = stacks[:args.top]

    def where(address):
        for start, end, offset, path in maps:
            if start <= address < end:
                return path, address - start + offset - 1  # the call, not the return address
        return "?", address

    wanted = collections.defaultdict(set)
    for _, pcs in stacks:
        for pc in pcs:
            path, offset = where(pc)
            wanted[path].add(offset)
    names = {}
    for path, offsets in wanted.items():
        offsets = sorted(offsets)
        try:
            out = subprocess.run(["addr2line", "-f", "-C", "-e", path] + [hex(o) for o in offsets],
                                 capture_output=True, text=True, check=False).stdout.split("\n")
        except OSError:
            out = []
        for k, offset in enumerate(offsets):
            name = out[2 * k] if 2 * k < len(out) else "??"
            names[(path, offset)] = name if name != "??" else f"{path.rsplit('/', 1)[-1]}+{offset:#x}"
    for live, pcs in stacks:
        frames = []
        for pc in pcs:
            name = re.sub(r"\(.*", "", names.get(where(pc), "?"))[:70]
            if not frames and ALLOCATOR_FRAMES.match(name):
                continue
            frames.append(name)
        print(f"{live:>8} KiB  " + " < ".join(frames[:7]))


if __name__ == "__main__":
    main()
