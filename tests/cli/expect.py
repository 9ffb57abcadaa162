#!/usr/bin/env python3
"""Runs one command as a user would and checks what it did.

    expect.py --status N --output REGEX [--not-output REGEX] -- COMMAND ARG...

Passes (exit 0) when the command's exit status is N and its output
(stdout and stderr together) matches REGEX (Python syntax, `.` matching
newlines) and does not match the --not-output one. Otherwise prints the
output and what was wrong, and exits 1. A command that exits 77 is a test
skipped (CTest's SKIP_RETURN_CODE), whatever was expected.

CTest's own PASS_REGULAR_EXPRESSION ignores the exit status, hence this.
"""
import argparse
import re
import subprocess
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--status", type=int, required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--not-output")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = run.stdout.decode("utf-8", errors="replace")
    sys.stdout.write(output)
    if run.returncode == 77:
        return 77
    problems = []
    if run.returncode != args.status:
        problems.append(f"exit status {run.returncode}, expected {args.status}")
    if not re.search(args.output, output, re.DOTALL):
        problems.append(f"output does not match: {args.output}")
    if args.not_output and re.search(args.not_output, output, re.DOTALL):
        problems.append(f"output matches what it must not: {args.not_output}")
    for problem in problems:
        print(f"\nexpect.py: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
