#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""SMCCC 1.0 safety of the generated code.

An SMCCC 1.0 callee may return with x4..x17 changed (DEN0028: "unpredictable"
for 1.0; 1.1 made them preserved). A caller is safe only if, after the trap,
it reads none of x4..x17 before writing it. This compiles functions that
keep many values live across a call, at -O2 with gcc and clang, and checks
that rule on the disassembly of:

  safe    hcall_smccc_discover(), hcall_smccc10_conduit_call7(), and a
          typed PSCI call in a file compiled with HCALL_SMCCC_1_0: must
          pass;
  control the 1.1 call hcall_smccc_call3(), which promises the compiler
          that x4..x17 survive: must be caught reading one of them (so the
          check can fail).

Usage: codegen_v10.py --cc gcc|clang --include DIR
Exit 0 pass, 1 fail, 77 skip (tool missing).
"""
import argparse
import re
import sys

import disasm
from codegen import clean, tools

LIVE = '''
#define LIVE_DECL uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e, \\
	uint64_t f, uint64_t g, uint64_t h
/* Values the compiler must keep across the call, and use after it. */
#define LIVE_SUM (a * 3 + b * 5 + c * 7 + d * 11 + e * 13 + f * 17 + g * 19 + h * 23)
'''

SAFE_SRC = '#include <stdint.h>\n#include <hcall/smccc.h>\n' + LIVE + r'''
uint64_t s_discover(LIVE_DECL)
{
	struct hcall_smccc_discovery dd;
	uint64_t s = LIVE_SUM;

	(void)hcall_smccc_discover(HCALL_SMCCC_HVC, &dd);
	return s ^ dd.smccc_version ^ a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
}

uint64_t s_call7(LIVE_DECL)
{
	uint64_t s = LIVE_SUM;
	uint64_t r = hcall_smccc10_conduit_call7(HCALL_SMCCC_HVC, 0x84000000u, a, 0, 0,
						 0, 0, 0, 0).x0;
	return s ^ r ^ a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
}

uint64_t c_call3(LIVE_DECL)
{
	uint64_t s = LIVE_SUM;
	uint64_t r = hcall_smccc_call3(0x84000000u, a, 0, 0).x0;
	return s ^ r ^ a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
}
'''

MODE_SRC = ('#include <stdint.h>\n#define HCALL_SMCCC_1_0\n#include <hcall/psci.h>\n' + LIVE + r'''
uint64_t s_psci_cpu_on(LIVE_DECL)
{
	uint64_t s = LIVE_SUM;
	uint64_t r = hcall_psci_cpu_on(a, b, c).value;
	return s ^ r ^ a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
}
''')

VOLATILE = {f'x{i}' for i in range(4, 18)} | {f'w{i}' for i in range(4, 18)}


def regs_of(operands):
    return re.findall(r'\b([xw]\d+)\b', operands)


def first_read_after_trap(body):
    """The first x4..x17 read after the trap before any write to it, or None."""
    seen_trap = False
    written = set()
    for ins in body:
        op = ins.split(' ', 1)[0]
        if op in ('hvc', 'smc'):
            seen_trap = True
            written = set()
            continue
        if not seen_trap:
            continue
        parts = ins.split(' ', 1)
        regs = [r.replace('w', 'x', 1) for r in regs_of(parts[1] if len(parts) > 1 else '')]
        if not regs:
            continue
        stores = op.startswith('st')
        branch = op in ('b', 'bl', 'br', 'blr', 'ret', 'cbz', 'cbnz', 'tbz', 'tbnz') or op.startswith('b.')
        if stores or branch or op.startswith('cmp') or op.startswith('tst') or op.startswith('ccmp'):
            srcs, dst = regs, []
        else:
            dst, srcs = regs[:1], regs[1:]
            if op.startswith('ldp'):
                dst, srcs = regs[:2], regs[2:]
        for r in srcs:
            if r in VOLATILE and r not in written:
                return f'{ins} reads {r}'
        for r in dst:
            written.add(r)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cc', required=True, choices=['gcc', 'clang'])
    ap.add_argument('--include', required=True)
    a = ap.parse_args()
    comp, objdump = tools('aarch64', a.cc)
    tool = disasm.missing_tool([comp[0], objdump])
    if tool:
        print(f'SKIP: {tool} not installed')
        return 77
    flags = ['-std=c11', '-O2', '-ffreestanding', '-fno-stack-protector',
             '-Wall', '-Wextra', '-Werror', '-I', a.include]
    fails = 0
    for src in (SAFE_SRC, MODE_SRC):
        funcs, err = disasm.compile_and_disassemble(
            comp, flags, src, lambda obj: disasm.objdump_functions(objdump, obj, clean))
        if funcs is None:
            print(err)
            print(f'FAIL: aarch64/{a.cc}: does not compile')
            return 1
        for name in sorted(funcs):
            bad = first_read_after_trap(funcs[name])
            if name.startswith('s_'):
                if bad:
                    fails += 1
                    print(f'not ok - {name}: after the trap, {bad} (x4..x17 may have changed)')
                else:
                    print(f'ok - {name}: reads no x4..x17 after the trap before writing it')
            elif name.startswith('c_'):
                if bad:
                    print(f'ok - control {name} (SMCCC 1.1 call) is caught: {bad}')
                else:
                    fails += 1
                    print(f'not ok - control {name}: not caught; the check cannot tell '
                          'a 1.0-unsafe call from a safe one with this compiler')
    print(f'aarch64/{a.cc}: {fails} failures')
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
