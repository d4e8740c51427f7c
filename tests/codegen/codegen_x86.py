#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Codegen check of the x86_64 typed guest calls (KVM x86, ACRN, Palacios).

For every typed call, a function that only makes the call (w_<name>) is
compiled at -O2 next to a hand-written inline-asm reference (r_<name>)
built from the numbers and registers of the specifications, written below
independently of the headers:

  KVM x86   rax = number, rbx rcx rdx rsi = arguments, rax = result;
            VMCALL (VMMCALL with a conduit given as such)
  ACRN      VMCALL, r8 = id, rdi rsi = arguments, rax = result; a Trusty
            world switch (v3.3 trusty.c) also carries rdi rsi rdx rbx
            both ways
  Palacios  VMMCALL, rax = number, rbx rcx rdx rsi = arguments; rax..rsi
            and rdi may all come back changed (hcall_test writes rdi)

Both are disassembled and compared: the same trap instruction, the same
set-up instructions before the trap (in any order) writing the same
registers, no more stack accesses than the reference (which saves rbx,
callee-saved, exactly like the wrapper must), and no more instructions
(the compiling, disassembling and comparing: disasm.py).

Usage: codegen_x86.py --cc gcc|clang|both --include DIR
Exit 0 pass, 1 fail, 77 skip (tool missing).
"""
import argparse
import re
import sys

import disasm
from disasm import params_decl

U64 = 'uint64_t'
A = [(U64, 'a')]
AB = [(U64, 'a'), (U64, 'b')]
ABC = AB + [(U64, 'c')]
ABCD = ABC + [(U64, 'd')]

# (name, call, params, convention, trap, number, argument expressions)
CALLS = [
    ('kvm_vapic_poll_irq', 'hcall_kvm_x86_vapic_poll_irq()', [], 'kvm', 'vmcall', 1, []),
    ('kvm_hc_features', 'hcall_kvm_x86_hc_features()', [], 'kvm', 'vmcall', 3, []),
    ('kvm_kick_cpu', 'hcall_kvm_x86_kick_cpu(a)', A, 'kvm', 'vmcall', 5, ['0', 'a']),
    ('kvm_clock_pairing', 'hcall_kvm_x86_clock_pairing(a, b)', AB, 'kvm', 'vmcall', 9, ['a', 'b']),
    ('kvm_send_ipi', 'hcall_kvm_x86_send_ipi(a, b, c, d)', ABCD, 'kvm', 'vmcall', 10, ['a', 'b', 'c', 'd']),
    ('kvm_sched_yield', 'hcall_kvm_x86_sched_yield(a)', A, 'kvm', 'vmcall', 11, ['a']),
    ('kvm_map_gpa_range', 'hcall_kvm_x86_map_gpa_range(a, b, c)', ABC, 'kvm', 'vmcall', 12, ['a', 'b', 'c']),
    ('kvm_sched_yield_on_vmmcall',
     'hcall_kvm_x86_sched_yield_on(HCALL_X86_CONDUIT_VMMCALL, a)', A, 'kvm', 'vmmcall', 11, ['a']),
    ('kvm_kick_cpu_on_vmmcall',
     'hcall_kvm_x86_kick_cpu_on(HCALL_X86_CONDUIT_VMMCALL, a)', A, 'kvm', 'vmmcall', 5, ['0', 'a']),
    ('acrn_get_api_version', 'hcall_acrn_get_api_version(a)', A, 'acrn', 'vmcall', 0x80000000, ['a']),
    ('acrn_service_vm_offline_cpu', 'hcall_acrn_service_vm_offline_cpu(a)', A, 'acrn', 'vmcall', 0x80000001, ['a']),
    ('acrn_set_callback_vector', 'hcall_acrn_set_callback_vector(a)', A, 'acrn', 'vmcall', 0x80000002, ['a']),
    ('acrn_create_vm', 'hcall_acrn_create_vm(a)', A, 'acrn', 'vmcall', 0x80000010, ['a']),
    ('acrn_destroy_vm', 'hcall_acrn_destroy_vm(a)', A, 'acrn', 'vmcall', 0x80000011, ['a']),
    ('acrn_start_vm', 'hcall_acrn_start_vm(a)', A, 'acrn', 'vmcall', 0x80000012, ['a']),
    ('acrn_pause_vm', 'hcall_acrn_pause_vm(a)', A, 'acrn', 'vmcall', 0x80000013, ['a']),
    ('acrn_create_vcpu', 'hcall_acrn_create_vcpu(a)', A, 'acrn', 'vmcall', 0x80000014, ['a']),
    ('acrn_reset_vm', 'hcall_acrn_reset_vm(a)', A, 'acrn', 'vmcall', 0x80000015, ['a']),
    ('acrn_set_vcpu_regs', 'hcall_acrn_set_vcpu_regs(a, b)', AB, 'acrn', 'vmcall', 0x80000016, ['a', 'b']),
    ('acrn_inject_msi', 'hcall_acrn_inject_msi(a, b)', AB, 'acrn', 'vmcall', 0x80000023, ['a', 'b']),
    ('acrn_vm_intr_monitor', 'hcall_acrn_vm_intr_monitor(a, b)', AB, 'acrn', 'vmcall', 0x80000024, ['a', 'b']),
    ('acrn_set_irqline', 'hcall_acrn_set_irqline(a, b)', AB, 'acrn', 'vmcall', 0x80000025, ['a', 'b']),
    ('acrn_set_ioreq_buffer', 'hcall_acrn_set_ioreq_buffer(a, b)', AB, 'acrn', 'vmcall', 0x80000030, ['a', 'b']),
    ('acrn_notify_request_finish', 'hcall_acrn_notify_request_finish(a, b)', AB, 'acrn', 'vmcall', 0x80000031, ['a', 'b']),
    ('acrn_asyncio_assign', 'hcall_acrn_asyncio_assign(a, b)', AB, 'acrn', 'vmcall', 0x80000032, ['a', 'b']),
    ('acrn_asyncio_deassign', 'hcall_acrn_asyncio_deassign(a, b)', AB, 'acrn', 'vmcall', 0x80000033, ['a', 'b']),
    ('acrn_vm_gpa2hpa', 'hcall_acrn_vm_gpa2hpa(a, b)', AB, 'acrn', 'vmcall', 0x80000041, ['a', 'b']),
    ('acrn_vm_set_memory_regions', 'hcall_acrn_vm_set_memory_regions(a)', A, 'acrn', 'vmcall', 0x80000042, ['a']),
    ('acrn_vm_write_protect_page', 'hcall_acrn_vm_write_protect_page(a, b)', AB, 'acrn', 'vmcall', 0x80000043, ['a', 'b']),
    ('acrn_setup_sbuf', 'hcall_acrn_setup_sbuf(a, b)', AB, 'acrn', 'vmcall', 0x80000044, ['a', 'b']),
    ('acrn_assign_ptdev', 'hcall_acrn_assign_ptdev(a, b)', AB, 'acrn', 'vmcall', 0x80000050, ['a', 'b']),
    ('acrn_deassign_ptdev', 'hcall_acrn_deassign_ptdev(a, b)', AB, 'acrn', 'vmcall', 0x80000051, ['a', 'b']),
    ('acrn_vm_pci_msix_remap', 'hcall_acrn_vm_pci_msix_remap(a, b)', AB, 'acrn', 'vmcall', 0x80000052, ['a', 'b']),
    ('acrn_set_ptdev_intr_info', 'hcall_acrn_set_ptdev_intr_info(a, b)', AB, 'acrn', 'vmcall', 0x80000053, ['a', 'b']),
    ('acrn_reset_ptdev_intr_info', 'hcall_acrn_reset_ptdev_intr_info(a, b)', AB, 'acrn', 'vmcall', 0x80000054, ['a', 'b']),
    ('acrn_assign_pcidev', 'hcall_acrn_assign_pcidev(a, b)', AB, 'acrn', 'vmcall', 0x80000055, ['a', 'b']),
    ('acrn_deassign_pcidev', 'hcall_acrn_deassign_pcidev(a, b)', AB, 'acrn', 'vmcall', 0x80000056, ['a', 'b']),
    ('acrn_assign_mmiodev', 'hcall_acrn_assign_mmiodev(a, b)', AB, 'acrn', 'vmcall', 0x80000057, ['a', 'b']),
    ('acrn_deassign_mmiodev', 'hcall_acrn_deassign_mmiodev(a, b)', AB, 'acrn', 'vmcall', 0x80000058, ['a', 'b']),
    ('acrn_add_vdev', 'hcall_acrn_add_vdev(a, b)', AB, 'acrn', 'vmcall', 0x80000059, ['a', 'b']),
    ('acrn_remove_vdev', 'hcall_acrn_remove_vdev(a, b)', AB, 'acrn', 'vmcall', 0x8000005a, ['a', 'b']),
    ('acrn_assign_pio_region', 'hcall_acrn_assign_pio_region(a, b)', AB, 'acrn', 'vmcall', 0x8000005b, ['a', 'b']),
    ('acrn_deassign_pio_region', 'hcall_acrn_deassign_pio_region(a, b)', AB, 'acrn', 'vmcall', 0x8000005c, ['a', 'b']),
    ('acrn_setup_hv_npk_log', 'hcall_acrn_setup_hv_npk_log(a)', A, 'acrn', 'vmcall', 0x80000061, ['a']),
    ('acrn_profiling_ops', 'hcall_acrn_profiling_ops(a, b)', AB, 'acrn', 'vmcall', 0x80000062, ['a', 'b']),
    ('acrn_get_hw_info', 'hcall_acrn_get_hw_info(a)', A, 'acrn', 'vmcall', 0x80000063, ['a']),
    ('acrn_save_restore_sworld_ctx', 'hcall_acrn_save_restore_sworld_ctx()', [], 'acrn', 'vmcall', 0x80000072, []),
    ('acrn_pm_get_cpu_state', 'hcall_acrn_pm_get_cpu_state(a, b)', AB, 'acrn', 'vmcall', 0x80000080, ['a', 'b']),
    # world switches: rdi rsi rdx rbx (in that order) go out and come back
    ('acrn_initialize_trusty', 'hcall_acrn_initialize_trusty(a, 0)', A, 'acrn_world', 'vmcall', 0x80000070, ['a', '0', '0', '0']),
    ('acrn_world_switch_null', 'hcall_acrn_world_switch(0)', [], 'acrn_world', 'vmcall', 0x80000071, ['0', '0', '0', '0']),
    ('palacios_test', 'hcall_palacios_test()', [], 'palacios', 'vmmcall', 0x0001, []),
    ('palacios_symcall_ret', 'hcall_palacios_symcall_ret()', [], 'palacios', 'vmmcall', 0x0535, []),
    ('palacios_symcall_err', 'hcall_palacios_symcall_err(a)', A, 'palacios', 'vmmcall', 0x0536, ['a']),
    ('palacios_symmod_syms', 'hcall_palacios_symmod_syms(a, b)', AB, 'palacios', 'vmmcall', 0x0600, ['a', 'b']),
    ('palacios_mem_offset', 'hcall_palacios_mem_offset()', [], 'palacios', 'vmmcall', 0x1000, []),
    ('palacios_guest_info', 'hcall_palacios_guest_info()', [], 'palacios', 'vmmcall', 0x3000, []),
    ('palacios_telemetry', 'hcall_palacios_telemetry()', [], 'palacios', 'vmmcall', 0x3001, []),
    ('palacios_os_debug', 'hcall_palacios_os_debug(a, b, c)', ABC, 'palacios', 'vmmcall', 0xc0c0, ['a', 'b', 'c']),
    ('palacios_time_cpufreq', 'hcall_palacios_time_cpufreq()', [], 'palacios', 'vmmcall', 0xd000, []),
    ('palacios_os_debug_on_vmcall',
     'hcall_palacios_os_debug_on(HCALL_X86_CONDUIT_VMCALL, a, b, c)', ABC, 'palacios', 'vmcall', 0xc0c0, ['a', 'b', 'c']),
]

ARG_REGS = ['rbx', 'rcx', 'rdx', 'rsi']


def reference(name, params, conv, trap, nr, args):
    lines = [f'void r_{name}({params_decl(params)})', '{']
    if conv == 'acrn':
        lines.append(f'\tregister uint64_t r8 __asm__("r8") = {nr:#x}u;')
        ins = ['"r"(r8)']
        for reg, expr in zip(['rdi', 'rsi'], args):
            lines.append(f'\tregister uint64_t {reg} __asm__("{reg}") = {expr};')
            ins.append(f'"r"({reg})')
        lines.append('\tregister uint64_t rax __asm__("rax");')
        lines.append(f'\t__asm__ __volatile__("{trap}" : "=r"(rax) : {", ".join(ins)} : "memory");')
    elif conv == 'acrn_world':
        lines.append(f'\tregister uint64_t r8 __asm__("r8") = {nr:#x}u;')
        outs = []
        for reg, expr in zip(['rdi', 'rsi', 'rdx', 'rbx'], args):
            lines.append(f'\tregister uint64_t {reg} __asm__("{reg}") = {expr};')
            outs.append(f'"+r"({reg})')
        lines.append('\tregister uint64_t rax __asm__("rax");')
        lines.append(f'\t__asm__ __volatile__("{trap}" : "=r"(rax), {", ".join(outs)} : "r"(r8) : "memory");')
    elif conv == 'kvm':
        lines.append(f'\tregister uint64_t rax __asm__("rax") = {nr:#x}u;')
        ins = []
        for reg, expr in zip(ARG_REGS, args):
            lines.append(f'\tregister uint64_t {reg} __asm__("{reg}") = {expr};')
            ins.append(f'"r"({reg})')
        lines.append(f'\t__asm__ __volatile__("{trap}" : "+r"(rax) : {", ".join(ins)} : "memory");')
    else:  # palacios: all six registers come back
        lines.append(f'\tregister uint64_t rax __asm__("rax") = {nr:#x}u;')
        outs = ['"+r"(rax)']
        for i, reg in enumerate(ARG_REGS + ['rdi']):
            if i < len(args):
                lines.append(f'\tregister uint64_t {reg} __asm__("{reg}") = {args[i]};')
                outs.append(f'"+r"({reg})')
            else:
                lines.append(f'\tregister uint64_t {reg} __asm__("{reg}");')
                outs.append(f'"=r"({reg})')
        lines.append(f'\t__asm__ __volatile__("{trap}" : {", ".join(outs)} : : "memory");')
    lines.append('}')
    return '\n'.join(lines)


def build_source():
    out = ['#include <stdint.h>', '#include <hcall/kvm_x86.h>',
           '#include <hcall/acrn.h>', '#include <hcall/palacios.h>']
    for name, call, params, conv, trap, nr, args in CALLS:
        out.append(f'void w_{name}({params_decl(params)})\n{{\n\t(void){call};\n}}')
        out.append(reference(name, params, conv, trap, nr, args))
    return '\n\n'.join(out) + '\n'


def clean(ins):
    """One objdump instruction, whitespace collapsed; padding dropped."""
    ins = re.sub(r'\s+', ' ', ins).strip()
    return '' if ins.startswith(('nop', 'xchg %ax,%ax', 'cs nop', 'data16')) else ins


def disassemble(obj):
    return disasm.objdump_functions('objdump', obj, clean)


def is_trap(ins):
    return ins in ('vmcall', 'vmmcall')


REG64 = {'eax': 'rax', 'ebx': 'rbx', 'ecx': 'rcx', 'edx': 'rdx',
         'esi': 'rsi', 'edi': 'rdi', 'r8d': 'r8'}


def dest(ins):
    """The register an instruction writes (AT&T: the last operand)."""
    parts = ins.split(' ', 1)
    if len(parts) < 2 or parts[0].startswith(('push', 'pop', 'j', 'cmp', 'test', 'ret')):
        return None
    last = parts[1].split(',')[-1].strip()
    if not last.startswith('%'):
        return None
    r = last[1:]
    return REG64.get(r, r)


def setup_regs(body):
    """The registers written before the trap."""
    return {dest(i) for i in disasm.before_trap(body, is_trap)} - {None}


def stack_ops(body):
    return sum(1 for i in body if i.startswith(('push', 'pop')) or '%rsp' in i)


def stack_problem(w, ref):
    if stack_ops(w) > stack_ops(ref):
        return f'{stack_ops(w)} stack accesses > reference {stack_ops(ref)} (spill)'
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cc', required=True, choices=['gcc', 'clang', 'both'])
    ap.add_argument('--include', required=True)
    ap.add_argument('--verbose', action='store_true')
    a = ap.parse_args()
    if a.cc == 'both':
        rcs = [check(cc, a.include, a.verbose) for cc in ('gcc', 'clang')]
        return 1 if 1 in rcs else (77 if 77 in rcs else 0)
    return check(a.cc, a.include, a.verbose)


def check(cc, include, verbose):
    comp = ['gcc'] if cc == 'gcc' else ['clang', '--target=x86_64-linux-gnu']
    return disasm.check(
        'x86_64', cc, comp, 'objdump',
        ['-std=c11', '-O2', '-ffreestanding', '-fno-stack-protector',
         '-fcf-protection=none', '-Wall', '-Wextra', '-Werror', '-I', include],
        build_source(), [c[0] for c in CALLS], clean, is_trap, setup_regs,
        stack_problem, verbose)


if __name__ == '__main__':
    sys.exit(main())
