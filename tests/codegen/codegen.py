#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Codegen check of the arm64 and riscv64 typed guest calls.

For every typed call, a function that only makes the call (w_<name>) is
compiled at -O2 next to a hand-written inline-asm reference (r_<name>)
built from the numbers and registers of the specification, written below
independently of the headers. Both are disassembled and compared:
the same trap instruction and immediate, the same set-up instructions
before the trap (in any order) writing the same convention registers,
no stack access, and no more instructions than the reference
(the compiling, disassembling and comparing: disasm.py).

Usage: codegen.py --arch aarch64|riscv64 --cc gcc|clang --include DIR
Exit 0 pass, 1 fail, 77 skip (tool missing).
"""
import argparse
import re
import sys

import disasm
from disasm import params_decl

# (name, header, call expression, params [(type, name)], number registers,
#  argument registers as (register, value-expression))
# arm64: SMCCC 1.1 (DEN0028), hvc #0, w0 = function ID, x1..x3 arguments,
# x0..x3 results; reserved arguments are 0.
U64, U32 = 'uint64_t', 'uint32_t'
ARM64 = [
    ('smccc_version', 'smccc', 'hcall_smccc_version()', [], 0x80000000, []),
    ('smccc_arch_features', 'smccc', 'hcall_smccc_arch_features(a)', [(U32, 'a')], 0x80000001, ['a']),
    ('smccc_arch_soc_id', 'smccc', 'hcall_smccc_arch_soc_id(a)', [(U32, 'a')], 0x80000002, ['a']),
    ('smccc_arch_workaround_1', 'smccc', 'hcall_smccc_arch_workaround_1()', [], 0x80008000, []),
    ('smccc_arch_workaround_2', 'smccc', 'hcall_smccc_arch_workaround_2(a)', [(U32, 'a')], 0x80007FFF, ['a']),
    ('smccc_arch_workaround_3', 'smccc', 'hcall_smccc_arch_workaround_3()', [], 0x80003FFF, []),
    ('psci_version', 'psci', 'hcall_psci_version()', [], 0x84000000, []),
    ('psci_cpu_off', 'psci', 'hcall_psci_cpu_off()', [], 0x84000002, []),
    ('psci_cpu_on', 'psci', 'hcall_psci_cpu_on(a, b, c)', [(U64, 'a'), (U64, 'b'), (U64, 'c')], 0xC4000003, ['a', 'b', 'c']),
    ('psci_affinity_info', 'psci', 'hcall_psci_affinity_info(a, b)', [(U64, 'a'), (U32, 'b')], 0xC4000004, ['a', 'b']),
    ('psci_system_off', 'psci', 'hcall_psci_system_off()', [], 0x84000008, []),
    ('psci_system_reset', 'psci', 'hcall_psci_system_reset()', [], 0x84000009, []),
    ('psci_features', 'psci', 'hcall_psci_features(a)', [(U32, 'a')], 0x8400000A, ['a']),
    ('psci_cpu_suspend', 'psci', 'hcall_psci_cpu_suspend(w, b, c)', [(U32, 'w'), (U64, 'b'), (U64, 'c')], 0xC4000001, ['w', 'b', 'c']),
    ('psci_cpu_suspend_32', 'psci', 'hcall_psci_cpu_suspend_32(w, v, u)', [(U32, 'w'), (U32, 'v'), (U32, 'u')], 0x84000001, ['w', 'v', 'u']),
    ('psci_cpu_on_32', 'psci', 'hcall_psci_cpu_on_32(w, v, u)', [(U32, 'w'), (U32, 'v'), (U32, 'u')], 0x84000003, ['w', 'v', 'u']),
    ('psci_migrate', 'psci', 'hcall_psci_migrate(a)', [(U64, 'a')], 0xC4000005, ['a']),
    ('psci_migrate_info_type', 'psci', 'hcall_psci_migrate_info_type()', [], 0x84000006, []),
    ('psci_migrate_info_up_cpu', 'psci', 'hcall_psci_migrate_info_up_cpu()', [], 0xC4000007, []),
    ('psci_cpu_freeze', 'psci', 'hcall_psci_cpu_freeze()', [], 0x8400000B, []),
    ('psci_cpu_default_suspend', 'psci', 'hcall_psci_cpu_default_suspend(a, b)', [(U64, 'a'), (U64, 'b')], 0xC400000C, ['a', 'b']),
    ('psci_node_hw_state', 'psci', 'hcall_psci_node_hw_state(a, w)', [(U64, 'a'), (U32, 'w')], 0xC400000D, ['a', 'w']),
    ('psci_system_suspend', 'psci', 'hcall_psci_system_suspend(a, b)', [(U64, 'a'), (U64, 'b')], 0xC400000E, ['a', 'b']),
    ('psci_set_suspend_mode', 'psci', 'hcall_psci_set_suspend_mode(w)', [(U32, 'w')], 0x8400000F, ['w']),
    ('psci_stat_residency', 'psci', 'hcall_psci_stat_residency(a, w)', [(U64, 'a'), (U32, 'w')], 0xC4000010, ['a', 'w']),
    ('psci_stat_count', 'psci', 'hcall_psci_stat_count(a, w)', [(U64, 'a'), (U32, 'w')], 0xC4000011, ['a', 'w']),
    ('psci_system_reset2', 'psci', 'hcall_psci_system_reset2(w, b)', [(U32, 'w'), (U64, 'b')], 0xC4000012, ['w', 'b']),
    ('psci_mem_protect', 'psci', 'hcall_psci_mem_protect(w)', [(U32, 'w')], 0x84000013, ['w']),
    ('psci_mem_protect_check_range', 'psci', 'hcall_psci_mem_protect_check_range(a, b)', [(U64, 'a'), (U64, 'b')], 0xC4000014, ['a', 'b']),
    ('psci_system_off2', 'psci', 'hcall_psci_system_off2(w, b)', [(U32, 'w'), (U64, 'b')], 0xC4000015, ['w', 'b']),
    ('smccc_arch_workaround_4', 'smccc', 'hcall_smccc_arch_workaround_4()', [], 0x80000004, []),
    ('smccc_arch_clean_inv_memregion', 'smccc', 'hcall_smccc_arch_clean_inv_memregion(a, b, c)', [(U64, 'a'), (U64, 'b'), (U64, 'c')], 0xC0000005, ['a', 'b', 'c']),
    ('smccc_arch_feature_availability', 'smccc', 'hcall_smccc_arch_feature_availability(a)', [(U64, 'a')], 0xC0000003, ['a']),
    ('trng_version', 'trng', 'hcall_trng_version()', [], 0x84000050, []),
    ('trng_features', 'trng', 'hcall_trng_features(w)', [(U32, 'w')], 0x84000051, ['w']),
    ('trng_get_uuid', 'trng', 'hcall_trng_get_uuid(&uid)', [], 0x84000052, []),
    ('trng_rnd32', 'trng', 'hcall_trng_rnd32(w, &ent)', [(U32, 'w')], 0x84000053, ['w']),
    ('trng_rnd64', 'trng', 'hcall_trng_rnd64(w, &ent)', [(U32, 'w')], 0xC4000053, ['w']),
    ('pvtime_features', 'pvtime', 'hcall_pvtime_features(w)', [(U32, 'w')], 0xC5000020, ['w']),
    ('pvtime_st', 'pvtime', 'hcall_pvtime_st()', [], 0xC5000021, []),
    ('kvm_call_uid', 'kvm_arm64', 'hcall_kvm_arm64_call_uid()', [], 0x8600FF01, []),
    ('kvm_detect', 'kvm_arm64', 'hcall_kvm_arm64_detect()', [], 0x8600FF01, []),
    ('kvm_func_features', 'kvm_arm64', 'hcall_kvm_arm64_func_features(&caps)', [], 0x86000000, []),
    ('kvm_ptp', 'kvm_arm64', 'hcall_kvm_arm64_ptp(a, &ptp)', [(U32, 'a')], 0x86000001, ['a']),
    ('kvm_hyp_meminfo', 'kvm_arm64', 'hcall_kvm_arm64_hyp_meminfo()', [], 0xC6000002, ['0', '0', '0']),
    ('kvm_mem_share', 'kvm_arm64', 'hcall_kvm_arm64_mem_share(a)', [(U64, 'a')], 0xC6000003, ['a', '0', '0']),
    ('kvm_mem_unshare', 'kvm_arm64', 'hcall_kvm_arm64_mem_unshare(a)', [(U64, 'a')], 0xC6000004, ['a', '0', '0']),
    ('kvm_mmio_guard', 'kvm_arm64', 'hcall_kvm_arm64_mmio_guard(a)', [(U64, 'a')], 0xC6000007, ['a', '0', '0']),
    ('kvm_discover_impl_ver', 'kvm_arm64', 'hcall_kvm_arm64_discover_impl_ver(&ver)', [], 0xC6000040, []),
    ('kvm_discover_impl_cpus', 'kvm_arm64', 'hcall_kvm_arm64_discover_impl_cpus(a, &cpu)', [(U64, 'a')], 0xC6000041, ['a', '0', '0']),
    ('kvma_mmio_guard_info', 'kvm_arm64_android', 'hcall_kvm_arm64_android_mmio_guard_info()', [], 0xC6000005, ['0', '0', '0']),
    ('kvma_mmio_guard_enroll', 'kvm_arm64_android', 'hcall_kvm_arm64_android_mmio_guard_enroll()', [], 0xC6000006, ['0', '0', '0']),
    ('kvma_mmio_guard_map', 'kvm_arm64_android', 'hcall_kvm_arm64_android_mmio_guard_map(a, b)', [(U64, 'a'), (U64, 'b')], 0xC6000007, ['a', 'b', '0']),
    ('kvma_mmio_guard_unmap', 'kvm_arm64_android', 'hcall_kvm_arm64_android_mmio_guard_unmap(a)', [(U64, 'a')], 0xC6000008, ['a', '0', '0']),
    ('kvma_mem_relinquish', 'kvm_arm64_android', 'hcall_kvm_arm64_android_mem_relinquish(a)', [(U64, 'a')], 0xC6000009, ['a', '0', '0']),
]

# riscv64: SBI (v3.0), ecall, a7 = EID, a6 = FID, a0..a5 arguments,
# a0 = error, a1 = value. Legacy (fid None): a7 = EID, a0 in/out only.
RISCV = [
    ('sbi_get_spec_version', 'hcall_sbi_base_get_spec_version()', [], 0x10, 0, []),
    ('sbi_get_impl_id', 'hcall_sbi_base_get_impl_id()', [], 0x10, 1, []),
    ('sbi_get_impl_version', 'hcall_sbi_base_get_impl_version()', [], 0x10, 2, []),
    ('sbi_probe_extension', 'hcall_sbi_base_probe_extension(a)', [(U64, 'a')], 0x10, 3, ['a']),
    ('sbi_probe', 'hcall_sbi_probe(a)', [(U64, 'a')], 0x10, 3, ['a']),
    ('sbi_get_mvendorid', 'hcall_sbi_base_get_mvendorid()', [], 0x10, 4, []),
    ('sbi_get_marchid', 'hcall_sbi_base_get_marchid()', [], 0x10, 5, []),
    ('sbi_get_mimpid', 'hcall_sbi_base_get_mimpid()', [], 0x10, 6, []),
    ('sbi_srst_system_reset', 'hcall_sbi_srst_system_reset(a, b)', [(U32, 'a'), (U32, 'b')], 0x53525354, 0, ['a', 'b']),
    ('sbi_legacy_console_putchar', 'hcall_sbi_legacy_console_putchar(c)', [('int', 'c')], 0x01, None, ['(uint64_t)(int64_t)c']),
    ('sbi_legacy_set_timer', 'hcall_sbi_legacy_set_timer(a)', [(U64, 'a')], 0x00, None, ['a']),
    ('sbi_time_set_timer', 'hcall_sbi_time_set_timer(a)', [(U64, 'a')], 0x54494D45, 0, ['a']),
    ('sbi_ipi_send_ipi', 'hcall_sbi_ipi_send_ipi(hcall_sbi_hart(a))', [(U64, 'a')], 0x735049, 0, ['1', 'a']),
    ('sbi_ipi_send_ipi_all', 'hcall_sbi_ipi_send_ipi(hcall_sbi_harts_all())', [], 0x735049, 0, ['0', '~0ull']),
    ('sbi_rfence_sfence_vma_asid', 'hcall_sbi_rfence_remote_sfence_vma_asid(hcall_sbi_hart(a), b, c, d)', [(U64, 'a'), (U64, 'b'), (U64, 'c'), (U64, 'd')], 0x52464E43, 2, ['1', 'a', 'b', 'c', 'd']),
    ('sbi_hsm_hart_start', 'hcall_sbi_hsm_hart_start(a, b, c)', [(U64, 'a'), (U64, 'b'), (U64, 'c')], 0x48534D, 0, ['a', 'b', 'c']),
    ('sbi_hsm_hart_get_status', 'hcall_sbi_hsm_hart_get_status(a)', [(U64, 'a')], 0x48534D, 2, ['a']),
    ('sbi_pmu_counter_config_matching', 'hcall_sbi_pmu_counter_config_matching(a, b, c, d, e)', [(U64, 'a'), (U64, 'b'), (U64, 'c'), (U64, 'd'), (U64, 'e')], 0x504D55, 2, ['a', 'b', 'c', 'd', 'e']),
    ('sbi_sta_set_shmem', 'hcall_sbi_sta_steal_time_set_shmem(a, b)', [(U64, 'a'), (U64, 'b')], 0x535441, 0, ['a', 'b', '0']),
    ('sbi_dbcn_write_byte', 'hcall_sbi_dbcn_console_write_byte(c)', [('uint8_t', 'c')], 0x4442434E, 2, ['c']),
]


def arm64_ref(name, params, fid, args):
    lines = [f'void r_{name}({params_decl(params)})', '{',
             f'\tregister uint64_t x0 __asm__("x0") = {fid:#x}u;']
    outs = ['"+r"(x0)']
    for i in range(1, 4):
        if i <= len(args):
            lines.append(f'\tregister uint64_t x{i} __asm__("x{i}") = {args[i - 1]};')
            outs.append(f'"+r"(x{i})')
        else:
            lines.append(f'\tregister uint64_t x{i} __asm__("x{i}");')
            outs.append(f'"=r"(x{i})')
    lines.append(f'\t__asm__ __volatile__("hvc #0" : {", ".join(outs)} : : "memory");')
    lines.append('}')
    return '\n'.join(lines)


def riscv_ref(name, params, eid, fid, args):
    lines = [f'void r_{name}({params_decl(params)})', '{',
             f'\tregister uint64_t a7 __asm__("a7") = {eid:#x}u;']
    if fid is None:
        lines.append(f'\tregister uint64_t a0 __asm__("a0") = {args[0]};')
        lines.append('\t__asm__ __volatile__("ecall" : "+r"(a0) : "r"(a7) : "memory");')
        lines.append('}')
        return '\n'.join(lines)
    lines.append(f'\tregister uint64_t a6 __asm__("a6") = {fid:#x}u;')
    outs, ins = [], ['"r"(a6)', '"r"(a7)']
    for i in range(0, max(2, len(args))):
        if i < len(args):
            lines.append(f'\tregister uint64_t a{i} __asm__("a{i}") = {args[i]};')
        else:
            lines.append(f'\tregister uint64_t a{i} __asm__("a{i}");')
        if i < 2:
            outs.append(f'"{"+" if i < len(args) else "="}r"(a{i})')
        else:
            ins.insert(0, f'"r"(a{i})')
    lines.append(f'\t__asm__ __volatile__("ecall" : {", ".join(outs)} : {", ".join(ins)} : "memory");')
    lines.append('}')
    return '\n'.join(lines)


def build_source(arch):
    out = ['#include <stdint.h>']
    if arch == 'aarch64':
        out += ['#include <hcall/smccc.h>', '#include <hcall/psci.h>', '#include <hcall/kvm_arm64.h>',
                '#include <hcall/trng.h>', '#include <hcall/pvtime.h>',
                '#include <hcall/kvm_arm64_android.h>']
        for name, _hdr, call, params, fid, args in ARM64:
            out.append(f'void w_{name}({params_decl(params)})\n{{\n'
                       '\tstruct hcall_kvm_arm64_caps caps; struct hcall_kvm_arm64_ptp_time ptp;\n'
                       '\tstruct hcall_smccc_uid uid; struct hcall_trng_entropy ent;\n'
                       '\tstruct hcall_kvm_arm64_impl_ver ver; struct hcall_kvm_arm64_impl_cpu cpu;\n'
                       '\t(void)caps; (void)ptp; (void)uid; (void)ent; (void)ver; (void)cpu;\n'
                       f'\t(void){call};\n}}')
            out.append(arm64_ref(name, params, fid, args))
        names = [c[0] for c in ARM64]
    else:
        out += ['#include <hcall/sbi.h>']
        for name, call, params, eid, fid, args in RISCV:
            out.append(f'void w_{name}({params_decl(params)})\n{{\n\t(void){call};\n}}')
            out.append(riscv_ref(name, params, eid, fid, args))
        names = [c[0] for c in RISCV]
    return '\n\n'.join(out) + '\n', names


def tools(arch, cc):
    if arch == 'aarch64':
        gcc = ['aarch64-linux-gnu-gcc']
        clang = ['clang', '--target=aarch64-linux-gnu']
        objdump = 'aarch64-linux-gnu-objdump'
    else:
        gcc = ['riscv64-linux-gnu-gcc']
        clang = ['clang', '--target=riscv64-linux-gnu', '-march=rv64gc', '-mabi=lp64d']
        objdump = 'riscv64-linux-gnu-objdump'
    comp = gcc if cc == 'gcc' else clang
    return comp, objdump


def clean(ins):
    """One objdump instruction without comments and symbol names; nop dropped."""
    ins = re.sub(r'\s*//.*$|\s*#\s*0x[0-9a-f]+ <.*$|\s+<.*>$', '', ins).strip()
    ins = re.sub(r'\s+', ' ', ins)
    return '' if ins == 'nop' else ins


def disassemble(objdump, obj):
    return disasm.objdump_functions(objdump, obj, clean)


def is_trap(ins):
    return ins.split(' ')[0] in ('hvc', 'smc', 'ecall')


def norm_reg(r):
    r = r.strip()
    if re.fullmatch(r'w\d+', r):
        return 'x' + r[1:]
    return r


def setup_regs(body, arch):
    """Convention registers written before the trap."""
    conv = ({f'x{i}' for i in range(18)} if arch == 'aarch64'
            else {f'a{i}' for i in range(8)})
    regs = set()
    for ins in disasm.before_trap(body, is_trap):
        parts = ins.split(' ', 1)
        if len(parts) < 2 or parts[0].startswith(('b', 'j', 'cmp', 'tst', 'st', 's', 'ret')) and parts[0] not in ('sub', 'sext.w', 'slli', 'srli'):
            continue
        dst = norm_reg(parts[1].split(',')[0])
        if dst in conv:
            regs.add(dst)
    return regs


def uses_stack(body):
    return any(re.search(r'\bsp\b', ins) for ins in body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--arch', required=True, choices=['aarch64', 'riscv64'])
    ap.add_argument('--cc', required=True, choices=['gcc', 'clang'])
    ap.add_argument('--include', required=True)
    ap.add_argument('--verbose', action='store_true')
    a = ap.parse_args()

    comp, objdump = tools(a.arch, a.cc)
    src, names = build_source(a.arch)
    return disasm.check(
        a.arch, a.cc, comp, objdump,
        ['-std=c11', '-O2', '-ffreestanding', '-fno-stack-protector',
         '-Wall', '-Wextra', '-Werror', '-I', a.include],
        src, names, clean, is_trap,
        setup_regs=lambda body: setup_regs(body, a.arch),
        stack_problem=lambda w, ref: 'stack access (spill)' if uses_stack(w) else None,
        verbose=a.verbose)


if __name__ == '__main__':
    sys.exit(main())
