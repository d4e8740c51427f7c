#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Where a hypercall round trip's instructions go, function by function.

    attribution.py [BUILD_ROOT] [--arch A] [--compiler C] [--call NAME]

Boots each architecture's trace image (bench/roundtrip: the bench guest
built with 16 calls per loop) under QEMU with `-singlestep -d exec,nochain`,
which logs every executed instruction's address. The addresses are mapped
to functions with `nm` of the hypervisor image and of the guest, and the
instructions executed while the guest's loop of one call runs (from its
first instruction to its last) are counted per function and divided by the
number of calls. The guest's own loop and wrapper appear as guest
functions; everything else is the trap path. On x86 the guest and the
hypervisor share addresses (both from 1 MiB), so there the trace's
translation-block flags say whose instruction it was: QEMU's HF_GUEST_MASK
(bit 21 of i386 hflags) is set while the CPU is in SVM guest mode.

Prints one JSON object: {"status": "ok", "tables": [{"arch", "compiler",
"call", "calls", "total", "rows": [{"function", "image", "instructions"}]}]}
or {"status": "missing", "why": ...}. bench/run.py imports section().
"""
import argparse
import bisect
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CALLS = 16
TRACE = re.compile(r"Trace \d+: 0x[0-9a-f]+ \[[0-9a-f]+/([0-9a-f]+)/([0-9a-f]+)/")
# x86: QEMU 7.2 target/i386/cpu.h HF_GUEST_SHIFT, the SVM guest mode bit of
# the hflags that -d exec prints as a translation block's flags.
X86_HF_GUEST = 1 << 21
# arch: (label, qemu command, hypervisor ELF (symbols), guest ELF, first call)
ARCHES = {
    "aarch64": ("arm64", lambda b, d: (
        ["qemu-system-aarch64", "-machine", "virt,virtualization=on", "-cpu", "cortex-a57",
         "-nographic", "-semihosting", "-kernel", os.path.join(d, "bench-trace-arm64.elf")],
        os.path.join(d, "bench-trace-arm64.elf"),
        os.path.join(d, "bench-guest-trace-arm64.elf"))),
    "riscv64": ("riscv64", lambda b, d: (
        ["qemu-system-riscv64", "-machine", "virt", "-bios", "none", "-m", "128M",
         "-nographic", "-kernel", os.path.join(b, "arch", "riscv", "hv-riscv64.elf"),
         "-device", "loader,file=%s,addr=0x80400000" %
         os.path.join(d, "bench-guest-trace-riscv64.bin")],
        os.path.join(b, "arch", "riscv", "hv-riscv64.elf"),
        os.path.join(d, "bench-guest-trace-riscv64.elf"))),
    "x86_64": ("x86_64", lambda b, d: (
        ["qemu-system-x86_64", "-cpu", "qemu64,+svm", "-display", "none", "-debugcon", "stdio",
         "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-no-reboot",
         "-kernel", os.path.join(d, "bench-x86.elf"),
         "-initrd", os.path.join(d, "bench-guest-trace-x86.bin")],
        os.path.join(d, "bench-x86.elf64"),
        os.path.join(d, "bench-guest-trace-x86.elf"))),
}


def symbols(elf, nm):
    """Sorted (address, name, end) of the ELF's functions."""
    out = subprocess.run([nm, "-n", "-S", "--defined-only", elf], capture_output=True,
                         text=True, check=True).stdout
    syms = []
    for line in out.splitlines():
        f = line.split()
        # An assembler's local labels (clang keeps .Lpcrel_hi* of `la`)
        # are not functions.
        if f and f[-1].startswith(".L"):
            continue
        if len(f) == 4 and f[2] in "tTW":
            a, size = int(f[0], 16), int(f[1], 16)
            syms.append((a, f[3].split(".")[0], a + size))
        elif len(f) == 3 and f[1] in "tT":
            syms.append((int(f[0], 16), f[2].split(".")[0], None))
    syms.sort()
    return syms


class Map:
    def __init__(self, tables):
        self.entries = sorted((a, n, e, img) for img, syms in tables for a, n, e in syms)
        self.starts = [e[0] for e in self.entries]
        self.by_image = ({img: Map([(img, syms)]) for img, syms in tables}
                         if len(tables) > 1 else {})

    def name(self, pc, image=None):
        if image is not None:
            return self.by_image[image].name(pc)
        i = bisect.bisect_right(self.starts, pc) - 1
        if i < 0:
            return "?", "?"
        a, n, e, img = self.entries[i]
        if e is not None and pc >= e and e > a:
            return "?", img
        return n, img

    def range(self, name, img):
        for a, n, e, i in self.entries:
            if n == name and i == img:
                return a, e
        return None


def trace(arch, comp, build_root, timeout=300):
    label, mk = ARCHES[arch]
    bdir = os.path.join(build_root, f"{arch}-none-{comp}")
    d = os.path.join(bdir, "bench", "roundtrip")
    cmd, hv_elf, guest_elf = mk(bdir, d)
    if not (os.path.exists(hv_elf) and os.path.exists(guest_elf)):
        return None
    nm = shutil.which("nm")
    if not nm or not shutil.which(cmd[0]):
        raise RuntimeError("nm or " + cmd[0] + " is not installed")
    m = Map([("hypervisor", symbols(hv_elf, nm)), ("guest", symbols(guest_elf, nm))])
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "exec.log")
        full = cmd + ["-singlestep", "-d", "exec,nochain", "-D", log]
        if arch == "x86_64":
            # Only the two images' code is logged: not QEMU's multiboot
            # option ROM, which copies the images at boot (5M lines).
            ends = [e if e is not None else a + 1 for a, _, e, _ in m.entries]
            full += ["-dfilter", "0x%x..0x%x" % (m.starts[0], max(ends) - 1)]
        try:
            subprocess.run(full, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise RuntimeError("trace run timed out: " + " ".join(full))
        pcs = []  # (pc, the image it is in when the address cannot say, or None)
        x86 = arch == "x86_64"
        with open(log, encoding="utf-8", errors="replace") as f:
            for line in f:
                t = TRACE.match(line)
                if t:
                    img = None
                    if x86:
                        img = "guest" if int(t.group(2), 16) & X86_HF_GUEST else "hypervisor"
                    pcs.append((int(t.group(1), 16), img))
    calls = [n for n in re.findall(r"X\((\w+), ", open(os.path.join(
        HERE, "roundtrip", {"aarch64": "arm64", "riscv64": "riscv", "x86_64": "x86"}[arch],
        "bench_arch.h")).read())]
    tables = []
    for call in calls + ["unknown"]:
        rng = m.range("loop_" + call, "guest")
        if not rng or rng[1] is None:
            continue
        inside = [i for i, (pc, img) in enumerate(pcs)
                  if rng[0] <= pc < rng[1] and img in (None, "guest")]
        if not inside:
            continue
        counts, order = {}, []
        for pc, img in pcs[inside[0]:inside[-1] + 1]:
            key = m.name(pc, img)
            if key not in counts:
                counts[key] = 0
                order.append(key)
            counts[key] += 1
        total = sum(counts.values())
        rows = [{"function": n, "image": img, "instructions": round(counts[(n, img)] / CALLS, 1)}
                for n, img in order if counts[(n, img)] / CALLS >= 0.5]
        tables.append({"arch": label, "compiler": comp, "call": call, "calls": CALLS,
                       "total": round(total / CALLS, 1), "rows": rows})
    return tables


def section(build_root, arches=None, compilers=("gcc", "clang")):
    tables, errors = [], []
    for arch in arches or ARCHES:
        for comp in compilers:
            try:
                t = trace(arch, comp, build_root)
            except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
                errors.append(f"{arch}-{comp}: {e}")
                continue
            if t:
                tables += t
    if not tables:
        return {"status": "missing", "why": "; ".join(errors) or "no trace image found"}
    out = {"status": "ok", "tables": tables,
           "method": "qemu -singlestep -d exec,nochain: every executed instruction's "
                     "address, mapped to functions with nm; instructions from the first "
                     "to the last instruction of the guest's loop of that call, divided by "
                     f"its {CALLS} calls (the loop's last iteration's exit included)"}
    if errors:
        out["errors"] = errors
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_root", nargs="?", default=os.path.join(ROOT, "build"))
    ap.add_argument("--arch", choices=list(ARCHES))
    ap.add_argument("--compiler", choices=["gcc", "clang"])
    a = ap.parse_args()
    print(json.dumps(section(a.build_root, [a.arch] if a.arch else None,
                             [a.compiler] if a.compiler else ("gcc", "clang")), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
