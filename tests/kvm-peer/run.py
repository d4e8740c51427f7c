#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Suite `kvm-peer`: real KVM answers hcall's calls, per architecture.

QEMU TCG emulates the virtualization hardware (arm64 EL2, AMD SVM with
nested paging, the RISC-V H extension), so Debian's own kernel (the one of
suite `linux`) loads KVM inside the emulated machine. A small VMM of ours
(vmm_<arch>.c, /dev/kvm ioctls, built statically for the target) then runs
a bare guest built from hcall's headers, once with gcc and once with
clang, and the guest logs what KVM answered.

The expected values below are written from KVM's documentation
(Documentation/virt/kvm/) and source (arch/*/kvm/) of the kernel that
runs, never from hcall's tables. Exit 77 (skip) when the kernel packages
cannot be downloaded.

usage: run.py ARCH SRCROOT CACHE WORKDIR  ($HCALL_DEBIAN_CACHE overrides CACHE)
"""
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "linux"))
import boot  # noqa: E402

COMMON_CFLAGS = ["-O2", "-std=c11", "-Wall", "-Wextra", "-Werror", "-ffreestanding",
                 "-fno-stack-protector", "-fno-pic", "-fno-pie", "-fno-builtin",
                 "-fno-common", "-nostdlib", "-static", "-Wl,--build-id=none"]

ARCH = {
    "arm64": {
        "machine": ["-machine", "virt,virtualization=on", "-cpu", "cortex-a57"],
        "gcc": "aarch64-linux-gnu-gcc", "clang": "--target=aarch64-none-elf",
        "objcopy": "aarch64-linux-gnu-objcopy",
        "cflags": ["-mgeneral-regs-only"],
        "base": 0x40000000,
        "modules": [],  # KVM is built in (CONFIG_KVM=y)
    },
    "x86_64": {
        "machine": ["-machine", "q35", "-cpu", "max"],
        "gcc": "gcc", "clang": "--target=x86_64-none-elf",
        "objcopy": "objcopy",
        "cflags": ["-mgeneral-regs-only", "-mno-red-zone"],
        "base": 0x100000,
        "modules": ["virt/lib/irqbypass.ko", "arch/x86/kvm/kvm.ko",
                    "arch/x86/kvm/kvm-amd.ko"],
    },
    "riscv64": {
        "machine": ["-machine", "virt"],
        "gcc": "riscv64-linux-gnu-gcc", "clang": "--target=riscv64-none-elf",
        "objcopy": "riscv64-linux-gnu-objcopy",
        # clang 14 knows Zicsr only as part of the base ISA.
        "cflags": ["-mabi=lp64", "-mcmodel=medany", "-mno-relax"],
        "march": {"gcc": "-march=rv64imac_zicsr_zifencei", "clang": "-march=rv64imac"},
        "base": 0x80000000,
        "modules": ["arch/riscv/kvm/kvm.ko"],
    },
}


def expect(arch, desc):
    """(line, key, expected) for each guest; see the sources named."""
    if arch == "arm64":
        # Linux 6.1, arch/arm64/kvm/psci.c and hypercalls.c,
        # Documentation/virt/kvm/arm/hypercalls.rst and
        # Documentation/virt/kvm/arm/fw-pseudo-registers (6.1:
        # api.rst/psci.rst): a vCPU created with KVM_ARM_VCPU_PSCI_0_2
        # gets KVM_ARM_PSCI_LATEST = PSCI 1.1; SMCCC_VERSION answers 1.1;
        # PSCI_FEATURES knows SMCCC_VERSION (0) and SYSTEM_OFF (0);
        # ARCH_FEATURES of an unknown ID is NOT_SUPPORTED (-1). The vendor
        # hypervisor service: Call UID 28b46fb6-2ec5-11e9-a9ca-4b564d003a74
        # (Documentation/virt/kvm/arm/hypercalls.rst, and
        # ARM_SMCCC_VENDOR_HYP_UID_KVM in include/linux/arm-smccc.h), FUNC_FEATURES = the default
        # vendor_hyp_bmap: FEATURES (bit 0) | PTP (bit 1) = 0x3; PTP with
        # the virtual counter succeeds, with an unknown counter it is
        # NOT_SUPPORTED; HYP_MEMINFO is pKVM's, absent here (-1), as is any
        # other vendor function. SYSTEM_OFF reaches the VMM as
        # KVM_EXIT_SYSTEM_EVENT, type KVM_SYSTEM_EVENT_SHUTDOWN (1).
        return [
            ("psci_version", "value", "0x10001"),
            ("smccc_version", "value", "0x10001"),
            ("psci_features_smccc_version", "status", "OK"),
            ("psci_features_smccc_version", "value", "0x0"),
            ("psci_features_system_off", "status", "OK"),
            ("smccc_arch_features_unknown", "code", "-1"),
        ] + [("call_uid", "w%d" % i, "%#x" % w)
             for i, w in enumerate(uuid_words("28b46fb6-2ec5-11e9-a9ca-4b564d003a74"))] + [
            ("kvm_detect", "value", "0x1"),
            ("func_features", "status", "OK"),
            ("func_features", "w0", "0x3"),
            ("ptp_virt", "status", "OK"),
            ("ptp_bad_counter", "code", "-1"),
            ("hyp_meminfo", "code", "-1"),
            ("unknown_vendor_call", "code", "-1"),
            # PV time (arch/arm64/kvm/pvtime.c, hypercalls.c): ARCH_FEATURES
            # knows PV_TIME_FEATURES (std_hyp_bmap, on by default), but both
            # PV_TIME_FEATURES and PV_TIME_ST answer NOT_SUPPORTED until the
            # VMM sets the stolen-time IPA (KVM_ARM_VCPU_PVTIME_CTRL), which
            # this VMM does not.
            ("arch_features_pvtime", "status", "OK"),
            ("pvtime_features_features", "code", "-1"),
            ("pvtime_features_st", "code", "-1"),
            ("pvtime_st", "code", "-1"),
            # TRNG (arch/arm64/kvm/trng.c): version 1.0, RND64 implemented,
            # an unknown ID NOT_SUPPORTED (-1); more than 192 (RND64) or 96
            # (RND32) bits is INVALID_PARAMETERS (-2); bits above the count
            # asked are zero; the UUID is KVM's arm_smc_trng_uuid.
            ("trng_version", "value", "0x10000"),
            ("trng_features_rnd64", "status", "OK"),
            ("trng_features_unknown", "code", "-1"),
            ("trng_uuid", "status", "OK"),
        ] + [("trng_uuid", "w%d" % i, "%#x" % w)
             for i, w in enumerate(uuid_words("0d21e000-4384-11eb-8070-5244554e5a4c"))] + [
            ("trng_rnd64_192", "status", "OK"),
            ("trng_rnd64_193", "code", "-2"),
            ("trng_rnd32_96", "status", "OK"),
            ("trng_rnd32_97", "code", "-2"),
            ("trng_rnd64_8", "status", "OK"),
            ("trng_rnd64_8", "above", "0x0"),
            ("exit", "reason", "system_event"),
            ("exit", "type", "1"),
        ]
    if arch == "x86_64":
        # Linux 6.1, Documentation/virt/kvm/x86/cpuid.rst and hypercalls.rst,
        # arch/x86/kvm/x86.c (kvm_emulate_hypercall): the signature
        # "KVMKVMKVM\0\0\0" at 0x40000000 (with CPUID.1:ECX[31] set by the
        # VMM, as QEMU does), KVM_FEATURE_PV_SCHED_YIELD (bit 13) among the
        # features KVM_GET_SUPPORTED_CPUID offers; KVM_HC_SCHED_YIELD returns
        # 0; KVM_HC_VAPIC_POLL_IRQ returns 0; an unknown number and
        # KVM_HC_MAP_GPA_RANGE without KVM_CAP_EXIT_HYPERCALL return
        # -KVM_ENOSYS (-1000); KVM_HC_CLOCK_PAIRING with a clock type other
        # than KVM_CLOCK_PAIRING_WALLCLOCK (0) returns -KVM_EOPNOTSUPP
        # (-95). On AMD, VMCALL raises #UD, which KVM emulates as the same
        # hypercall (and patches to VMMCALL), so both conduits answer alike.
        # A hypercall from CPL 3 is refused with -KVM_EPERM (-1), before
        # any handler runs (the CPL check of kvm_emulate_hypercall).
        checks = [
            ("hypervisor_bit", "value", "0x1"),
            ("cpuid_base", "value", "0x40000000"),
            ("sched_yield_feature", "value", "0x1"),
            ("cpl3_sched_yield_vmmcall", "code", "-1"),
            ("exit", "reason", "guest"),
        ]
        for c in ("vmmcall", "vmcall"):
            checks += [
                ("sched_yield_" + c, "status", "OK"),
                ("sched_yield_" + c, "code", "0"),
                ("vapic_poll_irq_" + c, "code", "0"),
                ("unknown_" + c, "code", "-1000"),
                ("map_gpa_range_" + c, "code", "-1000"),
                ("clock_pairing_bad_type_" + c, "code", "-95"),
            ]
        return checks
    # riscv64: Linux 6.12, arch/riscv/kvm/vcpu_sbi_base.c and
    # arch/riscv/include/asm/kvm_vcpu_sbi.h: SBI spec version
    # KVM_SBI_VERSION_MAJOR.MINOR = 2.0 (0x02000000), implementation ID
    # KVM_SBI_IMPL_ID = 3, implementation version LINUX_VERSION_CODE of the
    # host kernel; TIME, IPI, RFENCE, SRST and HSM are always on, STA is on
    # when the host has sched_info (Debian: yes); DBCN and SUSP are
    # default_disabled until the VMM enables them; PMU needs the host's
    # Sscofpmf, which QEMU 7.2's default CPU lacks. An unknown EID is
    # SBI_ERR_NOT_SUPPORTED (-2). SRST shutdown reaches the VMM as
    # KVM_EXIT_SYSTEM_EVENT, KVM_SYSTEM_EVENT_SHUTDOWN (1).
    m = re.match(r"(\d+)\.(\d+)\.(\d+)", desc["abi"])
    version = (int(m.group(1)) << 16) | (int(m.group(2)) << 8) | min(int(m.group(3)), 255)
    checks = [
        ("sbi_spec_version", "value", "0x2000000"),
        ("sbi_impl_id", "value", "0x3"),
        ("sbi_impl_version", "value", "%#x" % version),
        ("sbi_unknown_eid", "code", "-2"),
        # arch/riscv/kvm/vcpu_sbi_hsm.c and vcpu_sbi_replace.c, with the
        # SBI spec's codes: the running hart is STARTED (0); a hart ID with
        # no vCPU is SBI_ERR_INVALID_PARAM (-3); starting a started hart is
        # SBI_ERR_ALREADY_AVAILABLE (-6); TIME set_timer succeeds.
        ("hsm_status_self", "status", "OK"),
        ("hsm_status_self", "value", "0x0"),
        ("hsm_status_absent", "code", "-3"),
        ("hsm_start_self", "code", "-6"),
        ("time_set_timer", "status", "OK"),
        ("exit", "reason", "system_event"),
        ("exit", "type", "1"),
    ]
    for ext, want in (("time", "0x1"), ("ipi", "0x1"), ("rfence", "0x1"),
                      ("hsm", "0x1"), ("srst", "0x1"), ("sta", "0x1"),
                      ("dbcn", "0x0"), ("susp", "0x0"), ("pmu", "0x0"),
                      ("firmware0", "0x0")):
        checks.append(("sbi_probe_" + ext, "value", want))
    return checks


# What the host kernel logs when KVM is up in the mode this suite means:
# nVHE on the Cortex-A57 (no VHE: "Hyp mode", not "VHE mode"), SVM with
# nested paging, the H extension.
KVM_UP = {
    "arm64": r"kvm \[\d+\]: Hyp mode initialized successfully",
    "x86_64": r"SVM: kvm: Nested Paging enabled",
    "riscv64": r"kvm \[\d+\]: hypervisor extension available",
}


def uuid_words(text):
    """w0..w3 of an SMCCC UUID answer: the UUID's 16 bytes in RFC 4122
    order, read as four little-endian 32-bit words (SMCCC 1.4 §5.2)."""
    b = bytes.fromhex(text.replace("-", ""))
    return [int.from_bytes(b[i:i + 4], "little") for i in range(0, 16, 4)]


def run(cmd, what):
    p = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if p.returncode != 0 or "warning:" in p.stderr:
        raise boot.Failure("%s failed:\n+ %s\n%s" % (what, " ".join(cmd), p.stderr[-3000:]))


def build_guest(arch, srcroot, work, compiler):
    a = ARCH[arch]
    elf = os.path.join(work, "guest-%s.elf" % compiler)
    binary = os.path.join(work, "guest-%s.bin" % compiler)
    if compiler == "gcc":
        cc = [a["gcc"], "-no-pie"]
        objcopy = a["objcopy"]
    else:
        cc = ["clang", a["clang"], "-fuse-ld=lld"]
        objcopy = "llvm-objcopy-14" if shutil.which("llvm-objcopy-14") else "llvm-objcopy"
    cmd = cc + COMMON_CFLAGS + a["cflags"] + ([a["march"][compiler]] if "march" in a else []) + [
        "-Wl,--no-warn-rwx-segments" if compiler == "gcc" else "-Wl,--no-rosegment",
        "-Wl,--defsym=GUEST_BASE=%#x" % a["base"],
        "-T", os.path.join(HERE, "guest.ld"), "-I", os.path.join(srcroot, "include"),
        os.path.join(HERE, "guest_%s.c" % arch), "-o", elf]
    run(cmd, "building the %s guest with %s" % (arch, compiler))
    run([objcopy, "-O", "binary", elf, binary], "objcopy of the %s guest" % compiler)
    return open(binary, "rb").read()


def build_vmm(arch, desc, work):
    out = os.path.join(work, "vmm")
    run([ARCH[arch]["gcc"], "-O2", "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-static",
         os.path.join(HERE, "vmm_%s.c" % arch), "-o", out],
        "building the %s VMM" % arch)
    return open(out, "rb").read()


def main(argv):
    started = boot.start(argv)
    if not started:
        return 77
    arch, srcroot, work, desc = started
    try:
        files = {"vmm": (build_vmm(arch, desc, work), 0o755)}
        body = []
        for rel in ARCH[arch]["modules"]:
            name = os.path.basename(rel)
            files[name] = (boot.kernel_module(desc, rel), 0o644)
            body.append("insmod /%s" % name)
        if arch == "arm64":
            # The host side of the conduit question: this kernel runs at
            # EL2 (nVHE KVM) and PSCI is SMC; see examples/kernel-module/arm64.c.
            files["hcall_demo.ko"] = (boot.demo_module(desc, srcroot, work), 0o644)
            body.append("insmod /hcall_demo.ko default_conduit=1")
        for compiler in ("gcc", "clang"):
            files["guest-%s.bin" % compiler] = (build_guest(arch, srcroot, work, compiler), 0o644)
            body.append("/vmm /guest-%s.bin kvm-%s" % (compiler, compiler))
        if arch == "x86_64":
            # Without the hypervisor bit, which KVM leaves to the VMM.
            body.append("/vmm /guest-gcc.bin kvm-nohvbit no-hypervisor-bit")
        initrd = os.path.join(work, "initrd.cpio")
        boot.initramfs(initrd, desc, files, boot.init_script("\n".join(body)))
        out, secs, cmd = boot.boot(desc, initrd, extra_machine=ARCH[arch]["machine"],
                                   timeout=400)
    except boot.Failure as e:
        print("not ok 1 - %s: %s" % (arch, e))
        return 1
    boot.save_console(work, cmd, out, secs)
    return check(arch, desc, out)


def check(arch, desc, out):
    checks = expect(arch, desc)
    guests = {c: boot.module_lines(out, "kvm-" + c) for c in ("gcc", "clang")}
    host = boot.module_lines(out, "hcall_demo") if arch == "arm64" else {}
    total = (1 + 2 * (len(checks) + 1) + (len(HOST_ARM64) if arch == "arm64" else 0)
             + (2 if arch == "x86_64" else 0))
    print("1..%d" % total)
    n = fails = 0

    def verdict(ok, text):
        nonlocal n, fails
        n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, text))
        fails += 0 if ok else 1

    verdict(re.search(KVM_UP[arch], out) is not None,
            "%s: the host kernel brought KVM up (/%s/)" % (arch, KVM_UP[arch]))
    for c, got in guests.items():
        for line in sorted(got):
            print("# kvm-%s %s: %s" % (c, line, " ".join("%s=%s" % kv for kv in got[line].items())))
        verdict(bool(got), "%s: the %s-built guest ran under KVM and reported" % (arch, c))
        for line, key, want in checks:
            have = got.get(line, {}).get(key)
            verdict(have is not None and same(have, want),
                    "%s kvm-%s: %s.%s == %s (got %s)" % (arch, c, line, key, want, have))
    if arch == "x86_64":
        # KVM_GET_SUPPORTED_CPUID leaves CPUID.1:ECX[31] clear
        # (Documentation/virt/kvm/api.rst: userspace sets what it wants);
        # without it hcall, like Linux, does not read the hypervisor leaves.
        nohv = boot.module_lines(out, "kvm-nohvbit")
        for line, want in (("hypervisor_bit", "0x0"), ("cpuid_base", "0x0")):
            have = nohv.get(line, {}).get("value")
            verdict(have is not None and same(have, want),
                    "%s kvm-nohvbit: %s.value == %s (got %s)" % (arch, line, want, have))
    for line, key, want, why in (HOST_ARM64 if arch == "arm64" else []):
        have = host.get(line, {}).get(key)
        ok = have is not None and (not same(have, want[1:]) if want.startswith("!")
                                   else same(have, want))
        verdict(ok, "%s host: %s.%s %s (got %s): %s" % (
            arch, line, key, ("!= " + want[1:]) if want.startswith("!") else "== " + want,
            have, why))
    return 1 if fails else 0


# The Debian kernel itself, booted at EL2 on virt,virtualization=on: QEMU's
# device tree says PSCI is SMC (hw/arm/virt.c, with EL2 the firmware
# conduit is SMC), the firmware has no SMCCC 1.1 (so the kernel has no
# SMCCC 1.1 conduit), and hcall_demo, using the kernel's conduit, reaches
# QEMU's PSCI 1.1. The same call over HVC reaches whatever runs at EL2
# instead, which is not PSCI: it must not read as PSCI 1.1.
HOST_ARM64 = [
    ("conduit", "kernel_smccc_1_1", "none", "QEMU's PSCI has no SMCCC_VERSION"),
    ("conduit", "psci_method", "smc", "the DT's PSCI method with EL2"),
    ("conduit", "using", "smc", "the kernel's conduit"),
    ("psci_version", "value", "0x10001", "QEMU's PSCI 1.1 over SMC"),
    ("discover", "conduit", "smc", "hcall's discovery through the kernel's conduit"),
    ("discover", "psci", "0x10001", "hcall's discovery through the kernel's conduit"),
    ("discover", "smccc", "0x10000", "QEMU's PSCI is SMCCC 1.0"),
    # arch/arm64/include/asm/virt.h: HVC_STUB_ERR = 0xbadca11, the answer
    # of the EL2 hyp stub (arch/arm64/kernel/hyp-stub.S) to a call it does
    # not know. nVHE KVM puts the stub back at EL2 while no VM runs (its
    # vectors are installed when a VM is created), as here at module load.
    ("psci_version_default_conduit", "status", "E_UNKNOWN",
     "an HVC answered by the EL2 hyp stub is no PSCI version"),
    ("psci_version_default_conduit", "code", "0xbadca11", "HVC_STUB_ERR"),
    ("discover_default_conduit", "status", "E_UNKNOWN",
     "discovery over HVC finds no firmware"),
    ("discover_default_conduit", "conduit", "none",
     "discovery over HVC finds no firmware"),
]


def same(have, want):
    if have == want:
        return True
    try:
        return int(have, 0) == int(want, 0)
    except (TypeError, ValueError):
        return False


if __name__ == "__main__":
    sys.exit(main(sys.argv))
