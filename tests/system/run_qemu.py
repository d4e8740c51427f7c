#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Boot a QEMU system image and judge its TAP report.

    run_qemu.py [--timeout S] [--expect-exit N] [--name NAME] -- QEMU ARGS...

The guest prints TAP on the console: `ok N - name`, `not ok N - name`,
`ok N - name # SKIP reason`, comment lines starting with `#`, and the plan
`1..N` last. The test passes only if the plan is there, every planned
check reported, none failed, and QEMU exited with the expected status
(the hypervisor's real exit code, 0 unless told otherwise). A timeout,
a crash or a missing plan fails, naming what was missing.
"""
import argparse
import re
import subprocess
import sys

OK = re.compile(r"^(not )?ok (\d+)(?: - (.*))?$")
PLAN = re.compile(r"^1\.\.(\d+)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--expect-exit", type=int, default=0)
    ap.add_argument("--name", default="system")
    ap.add_argument("--show", action="store_true", help="echo the console")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=a.timeout)
        out, rc, timed_out = p.stdout, p.returncode, False
    except subprocess.TimeoutExpired as e:
        out, rc, timed_out = e.stdout or b"", None, True
    text = out.decode("utf-8", "replace").replace("\r", "")
    lines = text.splitlines()
    if a.show:
        print(text)

    passed, failed, skipped, plan, seen = 0, [], 0, None, set()
    for ln in lines:
        m = OK.match(ln.strip())
        if m:
            seen.add(int(m.group(2)))
            desc = m.group(3) or ""
            if m.group(1):
                failed.append(ln.strip())
            elif "# SKIP" in desc.upper():
                skipped += 1
            else:
                passed += 1
            continue
        m = PLAN.match(ln.strip())
        if m:
            plan = int(m.group(1))

    problems = []
    if timed_out:
        problems.append(f"timed out after {a.timeout:.0f} s")
    elif rc != a.expect_exit:
        problems.append(f"QEMU exited with {rc}, expected {a.expect_exit}")
    if plan is None:
        problems.append("no TAP plan line (1..N): the guest did not finish")
    elif len(seen) != plan:
        problems.append(f"plan says {plan} checks, {len(seen)} reported")
    for f in failed:
        problems.append(f"FAILED CHECK: {f}")

    print(f"{a.name}: {passed} ok, {len(failed)} not ok, {skipped} skipped")
    if problems:
        if not a.show:
            print("---- console (last 60 lines) ----")
            print("\n".join(lines[-60:]))
            print("----")
        for p_ in problems:
            print(f"{a.name}: {p_}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
