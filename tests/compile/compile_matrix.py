#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compile every public header alone, for every compiler, language
standard and architecture, freestanding, with -Werror.

A header that exists for other architectures only (its #error says
"exist only on ...") must fail there with that message; everywhere else
it must compile without a single diagnostic.

usage: compile_matrix.py INCLUDE_DIR [-j JOBS]
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import toolchains  # noqa: E402

# Headers that exist for some architectures only. Any header not listed
# here must compile everywhere.
ONLY_ON = {
    "hcall/kvm_x86.h": {"x86_64"},
    "hcall/acrn.h": {"x86_64"},
    "hcall/palacios.h": {"x86_64"},
    "hcall/jailhouse.h": {"x86_64", "aarch64"},
    "hcall/arch/x86.h": {"x86_64"},
    "hcall/smccc.h": {"aarch64"},
    "hcall/psci.h": {"aarch64"},
    "hcall/kvm_arm64.h": {"aarch64"},
    "hcall/kvm_arm64_android.h": {"aarch64"},
    "hcall/trng.h": {"aarch64"},
    "hcall/pvtime.h": {"aarch64"},
    "hcall/arch/arm64.h": {"aarch64"},
    "hcall/sbi.h": {"riscv64"},
    "hcall/arch/riscv.h": {"riscv64"},
}
WRONG_ARCH_MSG = re.compile(r"exist only on")
# The #error on the wrong architecture does not depend on the language
# standard: check it with the oldest C and the newest C++ only, which keeps
# the matrix fast.
WRONG_ARCH_STDS = ("c11", "c++20")


def headers(include_dir):
    out = []
    for root, _, files in os.walk(os.path.join(include_dir, "hcall")):
        for f in files:
            if f.endswith(".h"):
                out.append(os.path.relpath(os.path.join(root, f), include_dir))
    return sorted(out)


def run_one(job):
    header, family, arch, std, cmd, include_dir = job
    # The typedef keeps a macro-only header from making the unit empty
    # (which -Wpedantic rejects in C).
    src = "#include <%s>\ntypedef int hcall_matrix_unit;\n" % header
    p = subprocess.run(cmd + ["-I", include_dir, "-fsyntax-only", "-"],
                       input=src, capture_output=True, text=True)
    expect_ok = arch in ONLY_ON.get(header, set(toolchains.ARCHES))
    diag = (p.stdout + p.stderr).strip()
    if expect_ok:
        ok = p.returncode == 0 and not diag
        why = "" if ok else "does not compile cleanly"
    else:
        ok = p.returncode != 0 and WRONG_ARCH_MSG.search(diag) is not None
        why = "" if ok else ("compiles on the wrong architecture"
                             if p.returncode == 0 else
                             "fails without the wrong-architecture message")
    return ok, "%s %s %s %s: %s" % (header, family, arch, std, why), diag


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("include_dir")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()
    include_dir = os.path.abspath(args.include_dir)

    jobs, missing = [], set()
    for header in headers(include_dir):
        for family in toolchains.FAMILIES:
            for arch in toolchains.ARCHES:
                for std, (lang, std_flag) in toolchains.STDS.items():
                    if (arch not in ONLY_ON.get(header, {arch}) and
                            std not in WRONG_ARCH_STDS):
                        continue
                    cmd = toolchains.command(family, arch, lang)
                    if cmd is None:
                        missing.add("%s/%s/%s" % (family, arch, lang))
                        continue
                    jobs.append((header, family, arch, std,
                                 cmd + toolchains.flags(lang, std_flag),
                                 include_dir))
    if not jobs:
        print("SKIP: no compiler found")
        return 77
    for m in sorted(missing):
        print("note: compiler missing, combinations skipped: %s" % m)

    failures = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        for ok, what, diag in ex.map(run_one, jobs):
            if not ok:
                failures += 1
                print("FAIL %s" % what)
                for line in diag.splitlines()[:12]:
                    print("    " + line)
    print("%d compiles, %d failed (%d headers)" %
          (len(jobs), failures, len(headers(include_dir))))
    if missing and failures == 0:
        # Everything that could run passed, but part of the matrix is
        # missing: report it rather than claim the whole matrix.
        print("SKIP: part of the matrix could not run (missing compilers)")
        return 77
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
