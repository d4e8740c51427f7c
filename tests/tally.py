#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Count the results in a meson testlog.json.

tally.py LOG            prints "passed failed skipped"
tally.py --skips LOG N  prints each skipped test of build N with its reason
                        (the last non-empty line it printed)
"""
import json
import sys

PASS = {"OK", "EXPECTEDFAIL"}
SKIP = {"SKIP"}


def records(path):
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    yield json.loads(line)
    except FileNotFoundError:
        return


def main(argv):
    if argv[1] == "--skips":
        for r in records(argv[2]):
            if r.get("result") in SKIP:
                out = (r.get("stdout") or "").strip().splitlines()
                why = out[-1] if out else "(the test printed no reason)"
                print(f"  SKIP {argv[3]}: {r['name']}: {why}")
        return 0
    p = f = s = 0
    for r in records(argv[1]):
        res = r.get("result")
        if res in PASS:
            p += 1
        elif res in SKIP:
            s += 1
        else:
            f += 1
    print(p, f, s)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
