#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compile-failure tests: each fail/*.c must fail to compile with gcc and
with clang, and the diagnostics must say why.

A test file declares in its leading comment
  expect-fail: ARCH [extra flags]     must not compile for ARCH
  expect-error: REGEX                 ...and the diagnostics match REGEX
or
  expect-pass: ARCH [extra flags]     a control case that must compile.

usage: compile_fail.py INCLUDE_DIR FAIL_DIR
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import toolchains  # noqa: E402


def parse(path):
    text = open(path).read()
    kind = re.search(r"expect-(fail|pass):\s*(\S+)(.*)", text)
    if not kind:
        raise SystemExit("%s: no expect-fail/expect-pass line" % path)
    err = re.search(r"expect-error:\s*(.+)", text)
    return (kind.group(1), kind.group(2), kind.group(3).split(),
            err.group(1).strip() if err else None)


def main():
    include_dir, fail_dir = sys.argv[1], sys.argv[2]
    failures = ran = 0
    for name in sorted(os.listdir(fail_dir)):
        if not name.endswith(".c"):
            continue
        path = os.path.join(fail_dir, name)
        kind, arch, extra, regex = parse(path)
        if kind == "fail" and not regex:
            raise SystemExit("%s: expect-fail needs an expect-error line" % name)
        for family in ("gcc", "clang"):
            cmd = toolchains.command(family, arch, "c")
            if cmd is None:
                print("SKIP %s %s: no %s compiler for %s" % (name, family, family, arch))
                continue
            ran += 1
            # -c, not -fsyntax-only: the reserved-argument check fires
            # when the call is compiled.
            p = subprocess.run(cmd + toolchains.flags("c", "-std=c11") + extra +
                               ["-I", include_dir, "-c", path, "-o", os.devnull],
                               capture_output=True, text=True)
            diag = p.stdout + p.stderr
            if kind == "pass":
                ok = p.returncode == 0
                why = "control case does not compile"
            elif p.returncode == 0:
                ok, why = False, "compiled, but must not"
            else:
                ok = re.search(regex, diag, re.S) is not None
                why = "failed without a diagnostic matching /%s/" % regex
            print("%s %s %s/%s" % ("ok  " if ok else "FAIL", name, family, arch))
            if not ok:
                failures += 1
                print("    " + why)
                for line in diag.splitlines()[:10]:
                    print("    " + line)
    if ran == 0:
        print("SKIP: no compiler found")
        return 77
    print("%d compile-failure checks, %d failed" % (ran, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
