#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""SMP: instructions per hypercall per vCPU with 1, 2 and 4 vCPUs calling at once.

    smp.py [BUILD_ROOT] [--runs N] [--timeout S]

Boots the arm64 SMP bench image (bench/smp: the hypervisor with one
4-vCPU VM running bench/smp/guest.c) of aarch64-none-{gcc,clang} with
`-smp k -icount shift=0,sleep=off` for k = 1, 2, 4, the boot loader
telling the guest k; and the x86 one (bench-x86-smp.elf with
bench/smp/x86/guest.c, KVM VAPIC_POLL_IRQ through VMMCALL, then PAUSE)
of x86_64-none-{gcc,clang}, the hypervisor telling the guest k; and the
riscv64 one (the hypervisor's SMP image hv-riscv64-smp.elf with
bench/smp/riscv/guest.c as its 4-vCPU service VM, SBI GET_SPEC_VERSION,
then WFI) of riscv64-none-{gcc,clang}, the boot loader telling the guest
k. k vCPUs, each on its own physical CPU, make 20,000 calls each; the
guest prints

    BENCH hz <counter frequency> 0
    BENCH smp <k> <calls in all> <window ticks>
    BENCH smp_yield <k> <loops in all> <window ticks>   (riscv64 only)

-icount runs the CPUs round-robin in one host thread (QEMU has no
instruction count for multi-threaded TCG, and Debian's QEMU ships no TCG
plugins), with virtual time advancing 1 ns per instruction of any CPU;
each call is followed by YIELD (arm64) or PAUSE (x86), which hands the
thread to the next CPU, so the calls of the k vCPUs interleave one by one
(the guest checks it). riscv has no such instruction: its guest follows
each call with WFI, which the hypervisor passes on as a WFI of the hart
with its own SSIP raised (arch/riscv/trap.c); what that costs depends on
how many vCPUs share a hart, so the guest runs the loop with WFI alone
in a second window, and its instructions are taken off. The window holds
every instruction of every CPU, guests and hypervisor: instructions per
call per vCPU = ticks * 1e9 / hz / calls. A CPU is also switched when its
time slice (the next timer deadline over the CPU count, tens of millions
of instructions) runs out, which can be inside the hypervisor: a lock
held there then makes every other CPU spin through its whole slice, a
jump of about 10^8 instructions in a window. Goal (issue 19): flat within
5% from 1 to 4 vCPUs.

Prints one JSON object: {"status": "ok", "rows": [...], "note": ...} or
{"status": "missing", "why": ...}. Never fails; bench/run.py imports
section().
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
K_ADDR = "0x411ff000"  # BENCH_K_ADDR in bench/smp/guest.c
# bench/smp/riscv/guest.c's BENCH_K_ADDR, at its host-physical address:
# the service VM's RAM (guest-physical 0x80200000) is at 0x80400000.
RV_K_ADDR = "0x805ff000"
GOAL_PCT = 5.0
LINE = re.compile(r"BENCH (\w+) (\d+) (\d+)(?: (\d+))?")


def arm64_cmd(d, k):
    image = os.path.join(d, "bench", "smp", "bench-arm64-smp.elf")
    return ["qemu-system-aarch64", "-machine", "virt,virtualization=on", "-cpu", "cortex-a57",
            "-nographic", "-semihosting", "-smp", str(k), "-icount", "shift=0,sleep=off",
            "-device", f"loader,addr={K_ADDR},data={k},data-len=4", "-kernel", image]


def riscv_cmd(d, k):
    return ["qemu-system-riscv64", "-machine", "virt", "-bios", "none", "-m", "128M",
            "-nographic", "-smp", str(k), "-icount", "shift=0,sleep=off",
            "-kernel", os.path.join(d, "arch", "riscv", "hv-riscv64-smp.elf"),
            "-device", "loader,file=%s,addr=0x80400000" %
            os.path.join(d, "bench", "smp", "bench-smp-guest-riscv64.bin"),
            "-device", f"loader,addr={RV_K_ADDR},data={k},data-len=4"]


def x86_cmd(d, k):
    return ["qemu-system-x86_64", "-cpu", "qemu64,+svm", "-display", "none", "-debugcon",
            "stdio", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-no-reboot",
            "-smp", str(k), "-icount", "shift=0,sleep=off",
            "-kernel", os.path.join(d, "bench", "smp", "bench-x86-smp.elf"),
            "-initrd", os.path.join(d, "bench", "smp", "bench-smp-guest-x86.bin")]


# arch: (build directory prefix, QEMU, command, image, exit status of a pass, call)
ARCHES = {
    "arm64": ("aarch64", "qemu-system-aarch64", arm64_cmd, "bench-arm64-smp.elf", 0,
              "PSCI_VERSION (hvc #0)"),
    "x86_64": ("x86_64", "qemu-system-x86_64", x86_cmd, "bench-x86-smp.elf", 1,
               "KVM VAPIC_POLL_IRQ (vmmcall)"),
    "riscv64": ("riscv64", "qemu-system-riscv64", riscv_cmd, "bench-smp-guest-riscv64.bin",
                0, "SBI GET_SPEC_VERSION (ecall), WFI's window taken off"),
}


def boot(cmd, k, timeout, ok_status=0):
    shown = [os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd]
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"timed out after {timeout:.0f} s: {' '.join(cmd)}")
    text = p.stdout.decode("utf-8", "replace").replace("\r", "")
    if p.returncode != ok_status or "not ok" in text:
        tail = "\n".join(text.splitlines()[-8:])
        raise RuntimeError(f"k={k}: QEMU exited with {p.returncode}:\n{tail}")
    hz = smp = None
    yielded = 0
    for line in text.splitlines():
        m = LINE.search(line)
        if m and m.group(1) == "hz":
            hz = int(m.group(2))
        elif m and m.group(1) == "smp":
            smp = (int(m.group(2)), int(m.group(3)), int(m.group(4)))
        elif m and m.group(1) == "smp_yield" and int(m.group(2)) == k:
            yielded = int(m.group(4))
    if not hz or not smp or smp[0] != k:
        raise RuntimeError(f"k={k}: no complete BENCH lines")
    # riscv: the same loop with WFI alone ran in its own window; what
    # handing the thread on costs is taken off.
    return (smp[2] - yielded) * 1e9 / hz / smp[1], " ".join(shown)


def section(build_root, runs=2, timeout=120.0):
    rows, errors, cmds = [], [], []
    for arch, (prefix, qemu, make_cmd, image_name, ok_status, call) in ARCHES.items():
        if not shutil.which(qemu):
            errors.append(f"{arch}: {qemu} is not installed")
            continue
        for comp in ("gcc", "clang"):
            d = os.path.join(build_root, f"{prefix}-none-{comp}")
            if os.path.exists(os.path.join(d, "bench", "smp", image_name)):
                arch_rows(rows, errors, cmds, arch, comp, call,
                          lambda k, d=d, f=make_cmd: f(d, k), ok_status, runs, timeout)
    if not rows:
        why = "; ".join(errors) or ("no bench/smp/bench-<arch>-smp.elf in " + build_root +
                                    "/<arch>-none-<compiler>")
        return {"status": "missing", "why": why}
    note = ("Instructions per call per vCPU, everything in the window counted (guest loop, "
            "YIELD or PAUSE, trap, hypervisor, the other CPUs' instructions): k vCPUs on k "
            "physical CPUs (-smp k), 20,000 calls each, under qemu -icount shift=0,sleep=off, "
            "which runs the CPUs round-robin in one thread; a YIELD (arm64) or PAUSE (x86) "
            "after each call interleaves the vCPUs call by call. A lock held when a CPU's "
            "time slice runs out makes the other CPUs spin through theirs (a jump of about "
            "10^8 instructions in a window). riscv64 has no instruction that hands the thread on "
            "by itself: its guest follows each call with WFI, which the hypervisor passes on "
            "as a WFI of the hart with its own SSIP raised (arch/riscv/trap.c), and runs the "
            "same loop with WFI alone in a second window, which is taken off. "
            "Reproduce: `python3 bench/smp.py`; one boot each: `" + "`, `".join(cmds) + "`.")
    out = {"status": "ok", "rows": rows, "note": note}
    if errors:
        out["errors"] = errors
    return out


def arch_rows(rows, errors, cmds, arch, comp, call, make_cmd, ok_status, runs, timeout):
    """Boot one image with k = 1, 2, 4 and append its row (or an error)."""
    try:
        per = {}
        for k in (1, 2, 4):
            seen = []
            for _ in range(runs):
                v, cmd = boot(make_cmd(k), k, timeout, ok_status)
                seen.append(v)
            per[k] = (seen[0], all(s == seen[0] for s in seen))
            if comp == "gcc" and k == 4:
                cmds.append(cmd)
    except RuntimeError as e:
        errors.append(f"{arch} {comp}: {e}")
        return
    base = per[1][0]
    spread = max(abs(per[k][0] - base) / base * 100 for k in per)
    rows.append({"arch": arch, "compiler": comp, "call": call,
                 "1 vCPU": round(per[1][0], 1), "2 vCPUs": round(per[2][0], 1),
                 "4 vCPUs": round(per[4][0], 1), "spread %": round(spread, 2),
                 "goal <= 5%": "met" if spread <= GOAL_PCT else "NOT met",
                 "deterministic": all(p[1] for p in per.values())})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build_root", nargs="?", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=120.0)
    a = ap.parse_args()
    print(json.dumps(section(a.build_root, a.runs, a.timeout), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
