#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Suite `linux`: hcall's kernel module in Debian's own kernel, per arch.

Downloads (or reuses) Debian's kernel, headers and busybox-static for ARCH,
builds examples/kernel-module against those headers with gcc (the
kernel's compiler), boots the kernel under QEMU TCG with a busybox
initramfs whose /init loads the module and powers off, and compares what
the module logged with the values the firmware and QEMU document.

The expected values are written here from the sources named next to
them, never from hcall's tables. Exit 77 (skip) when the packages cannot
be downloaded.

usage: run.py ARCH SRCROOT CACHE WORKDIR  ($HCALL_DEBIAN_CACHE overrides CACHE)
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import boot  # noqa: E402

# Each check: (line, key, expected). The module prints
# "hcall_demo: <line>: key=value ...". "kernel:<line>.<key>" as expected
# means "equal to what the kernel's own code found", logged on the named
# line by the module from the kernel's API.
EXPECT = {
    # QEMU 7.2 virt, PSCI emulated by QEMU itself (target/arm/psci.c): PSCI
    # 1.1; PSCI_FEATURES knows only PSCI functions, so SMCCC_VERSION is
    # NOT_SUPPORTED (-1) and the firmware is SMCCC 1.0 (SMCCC 1.4 §7.2.2:
    # absent SMCCC_VERSION means 1.0). The kernel's PSCI driver then never
    # sets an SMCCC 1.1 conduit (drivers/firmware/psci/psci.c,
    # psci_init_smccc): arm_smccc_1_1_get_conduit() is NONE and the DT's
    # "hvc" is the PSCI conduit (hw/arm/virt.c: HVC without EL2).
    "arm64": [
        ("conduit", "kernel_smccc_1_1", "none"),
        ("conduit", "psci_method", "hvc"),
        ("conduit", "using", "hvc"),
        ("kernel_smccc_version", "value", "0x10000"),
        # hcall's own discovery (SMCCC DEN0028 §7.2) through that conduit.
        ("discover", "status", "OK"),
        ("discover", "conduit", "hvc"),
        ("discover", "psci", "0x10001"),
        ("discover", "smccc", "0x10000"),
        ("psci_version", "status", "OK"),
        ("psci_version", "value", "0x10001"),
        ("psci_features_smccc_version", "status", "E_NOT_SUPPORTED"),
        ("psci_features_smccc_version", "code", "-1"),
        ("psci_features_system_off", "status", "OK"),
        ("psci_features_system_off", "value", "0"),
        ("psci_features_unknown", "code", "-1"),
        ("smccc_version", "status", "E_NOT_SUPPORTED"),
        ("smccc_version", "code", "-1"),
        # No KVM: the vendor-hypervisor Call UID is an unknown function.
        ("vendor_uid", "w0", "0xffffffff"),
        ("vendor_uid", "kvm", "0"),
    ],
    # OpenSBI v1.1 (QEMU 7.2's default -bios for virt): SBI spec 1.0
    # (0x01000000), implementation ID 1 = OpenSBI (SBI spec, "SBI
    # Implementation IDs"), version 1.1 = 0x10001; TIME, IPI, RFENCE, HSM,
    # SRST and PMU are implemented (lib/sbi/sbi_ecall_*.c), DBCN and SUSP
    # came with OpenSBI 1.3, STA is for hypervisors; an unknown EID answers
    # SBI_ERR_NOT_SUPPORTED (-2).
    "riscv64": [
        ("sbi_spec_version", "value", "0x1000000"),
        ("sbi_spec_version", "value", "kernel:kernel_sbi_spec_version.value"),
        ("sbi_impl_id", "value", "0x1"),
        ("sbi_impl_version", "value", "0x10001"),
    ] + [
        ("sbi_probe_" + ext, "value", want)
        for ext, want in (("time", "0x1"), ("ipi", "0x1"), ("rfence", "0x1"),
                          ("hsm", "0x1"), ("srst", "0x1"), ("pmu", "0x1"),
                          ("dbcn", "0"), ("susp", "0"), ("sta", "0"),
                          ("firmware0", "0"))
    ] + [
        ("sbi_probe_" + ext, "value", "kernel:kernel_sbi_probe_%s.value" % ext)
        for ext in ("time", "ipi", "rfence", "hsm", "srst", "pmu", "dbcn",
                    "susp", "sta", "firmware0")
    ] + [
        ("sbi_unknown_eid", "status", "E_NOT_SUPPORTED"),
        ("sbi_unknown_eid", "code", "-2"),
    ],
    # QEMU 7.2 TCG, -cpu max: CPUID.1:ECX[31] is set (target/i386/cpu.c
    # sets CPUID_EXT_HYPERVISOR for every CPU model) and leaf 0x40000000
    # carries TCG's own signature "TCGTCGTCGTCG" with 0x40000001 as its
    # highest leaf (the "tcg-cpuid" property, on by default), not KVM's;
    # the vendor is AMD, so both the kernel (X86_FEATURE_VMMCALL) and hcall
    # choose VMMCALL.
    "x86_64": [
        ("hypervisor", "hcall", "1"),
        ("hypervisor", "kernel", "1"),
        ("hv_leaf", "signature", "TCGTCGTCGTCG"),
        ("hv_leaf", "max_leaf", "0x40000001"),
        ("conduit", "hcall", "kernel:conduit.kernel"),
        ("kvm", "base", "0"),
        ("kvm", "kernel_available", "0"),
    ],
}


def main(argv):
    started = boot.start(argv)
    if not started:
        return 77
    arch, srcroot, work, desc = started
    try:
        initrd = os.path.join(work, "initrd.cpio")
        ko = boot.demo_module(desc, srcroot, work)
        boot.initramfs(initrd, desc, {"hcall_demo.ko": (ko, 0o644)},
                       boot.init_script("insmod /hcall_demo.ko"))
        out, secs, cmd = boot.boot(desc, initrd)
    except boot.Failure as e:
        print("not ok 1 - %s: %s" % (arch, e))
        return 1
    boot.save_console(work, cmd, out, secs)
    return check(arch, out)


def check(arch, out):
    got = boot.module_lines(out, "hcall_demo")
    checks = list(EXPECT[arch])
    fails = 0
    n = 0
    print("1..%d" % (len(checks) + 2))
    for line in sorted(got):
        print("# %s: %s" % (line, " ".join("%s=%s" % kv for kv in got[line].items())))

    def verdict(ok, text):
        nonlocal n, fails
        n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, text))
        if not ok:
            fails += 1

    m = re.search(r"hcall_demo: done: (-?\d+)", out)
    verdict(m is not None and m.group(1) == "0",
            "%s: the module loaded and finished (done: %s)" % (arch, m.group(1) if m else "missing"))
    for line, key, want in checks:
        have = got.get(line, {}).get(key)
        if want.startswith("kernel:"):
            ref_line, ref_key = want[len("kernel:"):].split(".")
            want = got.get(ref_line, {}).get(ref_key)
            label = "%s.%s == %s.%s" % (line, key, ref_line, ref_key)
        else:
            label = "%s.%s == %s" % (line, key, want)
        verdict(have is not None and same(have, want),
                "%s: %s (got %s)" % (arch, label, have))
    verdict(cross_check_kernel_log(arch, out, got),
            "%s: hcall agrees with the kernel's boot log" % arch)
    return 1 if fails else 0


def same(have, want):
    """Equal as text, or as numbers (the kernel prints 0 as 0x0 for %#x)."""
    if have == want:
        return True
    try:
        return want is not None and int(have, 0) == int(want, 0)
    except ValueError:
        return False


def cross_check_kernel_log(arch, out, got):
    """What the kernel printed at boot about the same firmware."""
    if arch == "arm64":
        m = re.search(r"psci: PSCIv(\d+)\.(\d+) detected in firmware", out)
        want = "%#x" % ((int(m.group(1)) << 16) | int(m.group(2))) if m else None
        return want is not None and got.get("psci_version", {}).get("value") == want
    if arch == "riscv64":
        m = re.search(r"SBI implementation ID=(0x[0-9a-f]+) Version=(0x[0-9a-f]+)", out)
        return (m is not None and
                got.get("sbi_impl_id", {}).get("value") == "%#x" % int(m.group(1), 16) and
                got.get("sbi_impl_version", {}).get("value") == "%#x" % int(m.group(2), 16))
    m = re.search(r"Hypervisor detected: (\S+)", out)
    # The kernel names no hypervisor for TCG; it would say KVM under KVM.
    return (m is None) == same(got.get("kvm", {}).get("base", "?"), "0")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
