#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build examples/kernel-module against Debian's linux-headers-amd64.

The sources are copied to a temporary directory so the source tree stays
clean; the module is built, never loaded. Exit 77 (skip) when no amd64
kernel headers are installed.

usage: build_test.py MODULE_SRC_DIR INCLUDE_DIR
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    src, include = (os.path.abspath(a) for a in sys.argv[1:3])
    kdirs = sorted(d for d in glob.glob("/usr/src/linux-headers-*-amd64")
                   if os.path.isfile(os.path.join(d, "Makefile")))
    if not kdirs:
        print("SKIP: no /usr/src/linux-headers-*-amd64 "
              "(apt-get install linux-headers-amd64)")
        return 77
    if shutil.which("make") is None:
        print("SKIP: make is not installed")
        return 77
    kdir = kdirs[-1]
    with tempfile.TemporaryDirectory(prefix="hcall-kmod-") as tmp:
        for f in os.listdir(src):
            if f.endswith((".c", ".h")) or f in ("Kbuild", "Makefile"):
                shutil.copy(os.path.join(src, f), tmp)
        cmd = ["make", "-C", kdir, "M=" + tmp, "HCALL_INCLUDE=" + include,
               "-j2", "modules"]
        print("+ " + " ".join(cmd), flush=True)
        p = subprocess.run(cmd, capture_output=True, text=True)
        sys.stdout.write(p.stdout)
        sys.stdout.write(p.stderr)
        ko = os.path.join(tmp, "hcall_demo.ko")
        if p.returncode != 0 or not os.path.isfile(ko):
            print("FAIL: the module did not build against %s" % kdir)
            return 1
        warnings = [l for l in (p.stdout + p.stderr).splitlines()
                    if "warning:" in l]
        if warnings:
            print("FAIL: the module built with warnings")
            return 1
        # The hypercall is really in the module: it contains a vmcall or
        # vmmcall (0f 01 c1 / 0f 01 d9).
        data = open(ko, "rb").read()
        if b"\x0f\x01\xc1" not in data and b"\x0f\x01\xd9" not in data:
            print("FAIL: no VMCALL/VMMCALL in hcall_demo.ko")
            return 1
        print("ok: hcall_demo.ko built against %s (%d bytes)" % (kdir, len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
