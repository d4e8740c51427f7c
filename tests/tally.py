#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Read a meson testlog.json: counts, skips and the failure report.

tally.py LOG                 prints "passed failed skipped"
tally.py --skips LOG N       each skipped test of build N with its reason
                             (the last non-empty line it printed)
tally.py --failures LOG N    each failing test of build N, and under it
                             every failing check it reported
tally.py --suites LOG        one line: each suite's passed/total

A failing check is what the test's own protocol calls a failure: a TAP
"not ok" line (with its "#" diagnostics), a Criterion assertion (file,
line and expression) and the "[FAIL]" test it belongs to, a system test's
"FAILED CHECK", timeout or QEMU exit, a sanitizer's or libFuzzer's error
and summary (and where the crashing input was written). A failing test that reported none
of these is shown with the last lines it printed, so no failure is
reported without a reason.
"""
import json
import re
import sys

PASS = {"OK", "EXPECTEDFAIL"}
SKIP = {"SKIP"}
MAX_CHECKS = 25  # per test; the full log has the rest

CRITERION_FAIL = re.compile(r"^\[FAIL\] (.*?):?\s*(\([\d.]+s\))?$")
CRITERION_MSG = re.compile(r"^\[----\] (.*)$")
TAP_NOT_OK = re.compile(r"^not ok\b(.*)$")
SYSTEM = re.compile(r"(FAILED CHECK: .*|\S+: (timed out|QEMU exited|no TAP plan).*)$")
# Sanitizers and libFuzzer: the error, the summary, UBSan's report.
SANITIZER = re.compile(r"((?:==\d+== ?)?ERROR: (?:libFuzzer|\w+Sanitizer): .*|SUMMARY: .*"
                       r"|\S+:\d+:\d+: runtime error: .*|Test unit written to .*)$")


def records(path):
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    yield json.loads(line)
    except FileNotFoundError:
        return


def short_name(r):
    # "hcall:unit / abi_hvisor/arm64" -> "abi_hvisor/arm64 (unit)"
    name = r.get("name", "?")
    m = re.match(r"^[^:]*:(\S+) / (.*)$", name)
    return f"{m.group(2)} ({m.group(1)})" if m else name


def output(r):
    return ((r.get("stdout") or "") + "\n" + (r.get("stderr") or "")).replace("\r", "")


def failing_checks(text):
    """The failing checks a test's output names, in order."""
    checks = []
    pending = []  # Criterion messages before their [FAIL] line
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        ln = lines[i].rstrip()
        m = CRITERION_MSG.match(ln)
        if m:
            msg = re.sub(r"^(\.\./)+", "", m.group(1).strip())
            if msg:
                pending.append(msg)
            i += 1
            continue
        m = CRITERION_FAIL.match(ln)
        if m:
            checks.append(f"{m.group(1)}: " + " ".join(pending) if pending else m.group(1))
            pending = []
            i += 1
            continue
        m = TAP_NOT_OK.match(ln.strip())
        if m:
            detail = []
            j = i + 1
            while j < len(lines) and lines[j].startswith("#") and len(detail) < 3:
                d = lines[j].lstrip("# ").rstrip()
                if d:
                    detail.append(d)
                j += 1
            checks.append("not ok" + m.group(1) + ("  [" + "; ".join(detail) + "]" if detail else ""))
            i = j
            continue
        m = SYSTEM.search(ln) or SANITIZER.search(ln.strip())
        if m:
            checks.append(m.group(1))
        i += 1
    checks += pending  # assertions whose [FAIL] line never came (a crash)
    seen, out = set(), []
    for c in checks:
        if c not in seen:
            seen.add(c)
            out.append(c)
    return out


def failures(path, build):
    n = 0
    for r in records(path):
        res = r.get("result")
        if res in PASS or res in SKIP:
            continue
        n += 1
        print(f"  FAIL {build}: {short_name(r)}  [{res}, exit {r.get('returncode')}]")
        checks = failing_checks(output(r))
        if not checks:
            tail = [ln for ln in output(r).splitlines() if ln.strip()][-5:]
            checks = ["(no failing check reported; the test's last lines:)"] + tail
            for c in checks:
                print(f"      {c}")
            continue
        for c in checks[:MAX_CHECKS]:
            print(f"      {c}")
        if len(checks) > MAX_CHECKS:
            print(f"      ... and {len(checks) - MAX_CHECKS} more failing checks")
    return n


def main(argv):
    if len(argv) >= 4 and argv[1] == "--skips":
        for r in records(argv[2]):
            if r.get("result") in SKIP:
                out = (r.get("stdout") or "").strip().splitlines()
                why = out[-1] if out else "(the test printed no reason)"
                print(f"  SKIP {argv[3]}: {r['name']}: {why}")
        return 0
    if len(argv) >= 4 and argv[1] == "--failures":
        failures(argv[2], argv[3])
        return 0
    if len(argv) >= 3 and argv[1] == "--suites":
        suites = {}
        for r in records(argv[2]):
            m = re.match(r"^[^:]*:(\S+) / ", r.get("name", ""))
            s = suites.setdefault(m.group(1) if m else "?", [0, 0, 0, 0])
            res = r.get("result")
            s[0 if res in PASS else 2 if res in SKIP else 1] += 1
            s[3] += 1
        parts = []
        for name, (p, f, sk, n) in suites.items():
            extra = (f", {f} FAILED" if f else "") + (f", {sk} skipped" if sk else "")
            parts.append(f"{name} {p}/{n} passed{extra}")
        print("; ".join(parts) if parts else "no tests ran")
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
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
