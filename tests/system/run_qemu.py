#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Boot a QEMU system image and judge its TAP report.

    run_qemu.py [--timeout S] [--expect-exit N] [--name NAME] [--show] -- QEMU ARGS...

The guest prints TAP on the console: `ok N - name`, `not ok N - name`,
`ok N - name # SKIP reason`, comment lines starting with `#`, and the plan
`1..N` last. The test passes only if the plan is there, every planned
check reported, none failed, no bail-out, and QEMU exited with the
expected status (the hypervisor's real exit code, 0 unless told
otherwise). A timeout, a crash or a missing plan fails, naming what was
missing; a failed check is named with its expected and actual values.
The TAP judgement is the conformance kit's (tests/conform/judge.py).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conform"))
import judge  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--expect-exit", type=int, default=0)
    ap.add_argument("--name", default="system")
    ap.add_argument("--show", action="store_true", help="echo the console")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    res = judge.run(cmd, a.timeout)
    tap = judge.Tap(res.text)
    if a.show:
        print(res.text.replace("\r", ""))
    problems = judge.problems(tap, res, a.timeout, require_summary=False,
                              expect_exit=a.expect_exit)

    print(f"{a.name}: {tap.count('pass')} ok, {tap.count('fail')} not ok, "
          f"{tap.count('skip')} skipped")
    if problems:
        if not a.show:
            print("---- console (last 60 lines) ----")
            print("\n".join(tap.lines[-60:]))
            print("----")
        for p_ in problems:
            print(f"{a.name}: {p_}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
