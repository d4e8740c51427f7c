#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compile-failure checks of the arm64/riscv64 guest headers.

Each case is a small translation unit that must fail to compile (with a
message that says why) or, as a control, must compile:
  - a constant non-zero value in a reserved-must-be-zero argument of a
    known SMCCC function ID (KVM HYP_MEMINFO x1..x3, MEM_SHARE x2..x3),
    at -O2, with gcc and clang;
  - an ABI header included on an architecture it does not exist on.

Usage: compile_fail.py --include DIR    Exit 0 pass, 1 fail, 77 skip.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

COMPILERS = {
    'aarch64-gcc': ['aarch64-linux-gnu-gcc'],
    'aarch64-clang': ['clang', '--target=aarch64-linux-gnu'],
    'riscv64-gcc': ['riscv64-linux-gnu-gcc'],
    'riscv64-clang': ['clang', '--target=riscv64-linux-gnu'],
    'x86_64-gcc': ['gcc'],
}

RESERVED_MSG = 'reserved-must-be-zero'
# (name, compilers, source, expect_fail, message that must appear)
CASES = [
    ('mem_share x3 = 5', ['aarch64-gcc', 'aarch64-clang'],
     '#include <hcall/kvm_arm64.h>\n'
     'void f(uint64_t ipa) { hcall_smccc_call3(0xC6000003u, ipa, 0, 5); }\n',
     True, RESERVED_MSG),
    ('hyp_meminfo x1 = 1', ['aarch64-gcc', 'aarch64-clang'],
     '#include <hcall/smccc.h>\n'
     'void f(void) { hcall_smccc_call1(0xC6000002u, 1); }\n',
     True, RESERVED_MSG),
    ('mem_relinquish x2 = 1 over smc', ['aarch64-gcc', 'aarch64-clang'],
     '#include <hcall/smccc.h>\n'
     'void f(uint64_t ipa) { hcall_smccc_conduit_call2(HCALL_SMCCC_SMC, 0xC6000009u, ipa, 1); }\n',
     True, RESERVED_MSG),
    ('mem_share reserved zero (control)', ['aarch64-gcc', 'aarch64-clang'],
     '#include <hcall/kvm_arm64.h>\n'
     'void f(uint64_t ipa, uint64_t v) { hcall_smccc_call3(0xC6000003u, ipa, 0, 0);\n'
     '  hcall_smccc_call3(0xC2000003u, ipa, 1, 5); (void)v; }\n',
     False, None),
    ('smccc.h on riscv64', ['riscv64-gcc', 'riscv64-clang'],
     '#include <hcall/smccc.h>\n', True, 'only on arm64'),
    ('psci.h on x86_64', ['x86_64-gcc'], '#include <hcall/psci.h>\n', True, 'only on arm64'),
    ('kvm_arm64.h on riscv64', ['riscv64-gcc'], '#include <hcall/kvm_arm64.h>\n', True, 'only on arm64'),
    ('sbi.h on aarch64', ['aarch64-gcc', 'aarch64-clang'], '#include <hcall/sbi.h>\n', True, 'only on riscv64'),
    ('sbi.h on x86_64', ['x86_64-gcc'], '#include <hcall/sbi.h>\n', True, 'only on riscv64'),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--include', required=True)
    a = ap.parse_args()
    missing = [k for k, v in COMPILERS.items() if not shutil.which(v[0])]
    if missing:
        print('SKIP: compilers not installed: ' + ', '.join(missing))
        return 77
    fails = 0
    with tempfile.TemporaryDirectory() as d:
        for i, (name, ccs, src, expect_fail, msg) in enumerate(CASES):
            path = os.path.join(d, f'case{i}.c')
            with open(path, 'w') as f:
                f.write(src)
            for cc in ccs:
                r = subprocess.run(COMPILERS[cc] + ['-std=c11', '-O2', '-ffreestanding', '-Wall',
                                                    '-Wextra', '-Werror', '-I', a.include, '-c',
                                                    path, '-o', os.devnull],
                                   capture_output=True, text=True)
                failed = r.returncode != 0
                ok = failed == expect_fail and (not expect_fail or msg in r.stderr)
                verdict = 'rejected' if failed else 'accepted'
                if ok:
                    print(f'ok - {name} [{cc}]: {verdict}')
                else:
                    fails += 1
                    print(f'not ok - {name} [{cc}]: {verdict}, expected '
                          f'{"rejection with " + repr(msg) if expect_fail else "acceptance"}')
                    print(r.stderr[-2000:])
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
