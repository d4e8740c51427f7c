# SPDX-License-Identifier: MIT
"""The compilers the compile tests drive: {gcc, clang, clang16} x {C, C++}
x arch.

gcc is used through the Debian cross compilers, clang (Debian 12's
default, 14) and clang-16 through --target.
"""
import shutil

ARCHES = ("x86_64", "aarch64", "riscv64")
FAMILIES = ("gcc", "clang", "clang16")

_GCC_PREFIX = {
    "x86_64": "",  # the build machine is x86_64
    "aarch64": "aarch64-linux-gnu-",
    "riscv64": "riscv64-linux-gnu-",
}

# Freestanding everywhere: no libc, and for C++ no libstdc++ headers.
# The compiler's own <stdint.h> is all the headers may need.
WARN = ["-Wall", "-Wextra", "-Wpedantic", "-Werror"]
FREESTANDING_C = ["-ffreestanding"]
FREESTANDING_CXX = ["-ffreestanding", "-nostdinc++", "-fno-exceptions", "-fno-rtti"]

STDS = {
    "c11": ("c", "-std=c11"),
    "c17": ("c", "-std=c17"),
    "c2x": ("c", "-std=c2x"),
    "c++11": ("c++", "-std=c++11"),
    "c++17": ("c++", "-std=c++17"),
    "c++20": ("c++", "-std=c++20"),
}


def command(family, arch, lang):
    """The compiler command (a list) for a family, arch and language, or
    None when that compiler is not installed."""
    if family == "gcc":
        exe = _GCC_PREFIX[arch] + ("g++" if lang == "c++" else "gcc")
        cmd = [exe]
    else:
        suffix = "-16" if family == "clang16" else ""
        exe = ("clang++" if lang == "c++" else "clang") + suffix
        cmd = [exe, "--target=%s-linux-gnu" % arch]
    if shutil.which(exe) is None:
        return None
    return cmd


def flags(lang, std_flag):
    base = FREESTANDING_CXX if lang == "c++" else FREESTANDING_C
    return [std_flag, "-x", lang] + base + WARN
