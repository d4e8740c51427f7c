#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The headers survive the includer's macros.

A kernel defines short upper-case macros (READ and WRITE in
<linux/kernel.h>), and any program may define lower-case ones
(`current` in the kernel). An ABI table row named like one of them must
still generate its wrapper: the umbrella header <hcall/hcall.h> is
compiled, after such definitions, for every architecture with gcc and
clang (C11 and C++17), and must compile cleanly. Prints TAP.
"""
import subprocess
import sys
import tempfile

from toolchains import ARCHES, command, flags

# Macros a kernel or a program really defines, with the names of table
# rows and wrappers they would replace if a generator let them.
HOSTILE = """
#define READ 0
#define WRITE 1
#define STATUS 2
#define VALUE 3
#define CUSTOM 4
#define current get_current()
#define read READ
#define write WRITE
#define probe probe_fn
#define version version_fn
#define start start_fn
#define stop stop_fn
#include <hcall/hcall.h>
int hcall_hostile_macros_ok;
"""


def main():
    include = sys.argv[1]
    n = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for arch in ARCHES:
            for family, lang, std in (("gcc", "c", "-std=c11"), ("clang", "c", "-std=c11"),
                                      ("gcc", "c++", "-std=c++17"),
                                      ("clang", "c++", "-std=c++17")):
                cmd = command(family, arch, lang)
                n += 1
                name = f"{arch} {family} {std}: <hcall/hcall.h> after hostile macros"
                if cmd is None:
                    print(f"ok {n} - {name} # SKIP {family} for {arch} is not installed")
                    continue
                r = subprocess.run(cmd + flags(lang, std) + ["-I", include, "-c", "-",
                                                            "-o", f"{tmp}/out.o"],
                                   input=HOSTILE, text=True, capture_output=True)
                ok = r.returncode == 0
                failed += not ok
                print(f"{'ok' if ok else 'not ok'} {n} - {name}")
                if not ok:
                    for line in r.stderr.splitlines()[:15]:
                        print(f"# {line}")
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
