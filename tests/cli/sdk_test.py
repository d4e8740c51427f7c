#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""./sdk's failure report and its refusal of selections that match nothing (TAP).

tests/tally.py reads a meson testlog.json: given one with failing tests (a
Criterion test with two failing assertions, a TAP test with a failing
check, a fuzzer crash) among passing and skipped ones, --failures must name both
tests and every failing check inside them, and the counts must add up.
Then `./sdk test FILTER` with a FILTER that names no build directory must
fail (before building anything).
"""
import json
import pathlib
import subprocess
import sys
import tempfile

N = 0


def check(cond, name, detail=''):
    global N
    N += 1
    print(f'{"ok" if cond else "not ok"} {N} - {name}')
    if not cond:
        for line in str(detail).splitlines()[:40]:
            print(f'# {line}')


CRITERION = """[----] ../../tests/unit/test_abi_psci.c:23: Assertion Failed
[----]   
[----]   The expression (sim.imm) == (1) is false.
[FAIL] psci::version: (0.00s)
[----] ../../tests/unit/test_abi_psci.c:40: Assertion Failed
[----]   The expression (sim.regs[1]) == (7) is false.
[FAIL] psci::cpu_on: (0.00s)
[====] Synthesis: Tested: 7 | Passing: 5 | Failing: 2 | Crashing: 0
"""
FUZZ = """INFO: seed corpus: files: 154
==5463== ERROR: libFuzzer: deadly signal
    #7 0x563ab33be27b in check tests/fuzz/fuzz_dispatch.c:250:5
SUMMARY: libFuzzer: deadly signal
artifact_prefix='work/'; Test unit written to work/crash-269eb8db
stat::peak_rss_mb:              33
"""
TAP = """ok 1 - MEM_SHARE: IPA in x1
not ok 2 - MEM_SHARE lists SMCCC INVALID_PARAMETER (-3)
# KVM/arm64 vendor hypervisor services (kvm_arm64): MEM_SHARE
ok 3 - decode sbi 0x10:3 # SKIP whatever
1..3
"""


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    tally = root / 'tests' / 'tally.py'
    recs = [
        {'name': 'hcall:unit / abi_psci/arm64', 'result': 'FAIL', 'returncode': 1,
         'stdout': CRITERION},
        {'name': 'hcall:unit / cli', 'result': 'FAIL', 'returncode': 0, 'stdout': TAP},
        {'name': 'hcall:fuzz / fuzz/dispatch', 'result': 'FAIL', 'returncode': 1,
         'stdout': '', 'stderr': FUZZ},
        {'name': 'hcall:unit / abi_smccc/arm64', 'result': 'OK', 'returncode': 0,
         'stdout': ''},
        {'name': 'hcall:system / arm64-hv-gcc', 'result': 'SKIP', 'returncode': 77,
         'stdout': 'no QEMU here\n'},
    ]
    with tempfile.TemporaryDirectory(prefix='hcall-tally-') as tmp:
        log = pathlib.Path(tmp) / 'testlog.json'
        log.write_text(''.join(json.dumps(r) + '\n' for r in recs))
        r = subprocess.run([sys.executable, str(tally), str(log)], capture_output=True, text=True)
        check(r.stdout.split() == ['1', '3', '1'], 'counts: 1 passed, 3 failed, 1 skipped',
              r.stdout + r.stderr)
        r = subprocess.run([sys.executable, str(tally), '--failures', str(log), 'host-gcc'],
                           capture_output=True, text=True)
        out = r.stdout
        check('FAIL host-gcc: abi_psci/arm64 (unit)' in out and 'FAIL host-gcc: cli (unit)' in out,
              'both failing tests are named', out)
        check('psci::version: tests/unit/test_abi_psci.c:23: Assertion Failed' in out
              and '(sim.imm) == (1) is false' in out
              and 'psci::cpu_on: tests/unit/test_abi_psci.c:40' in out,
              'every failing Criterion assertion, with its test, file and line', out)
        check('not ok 2 - MEM_SHARE lists SMCCC INVALID_PARAMETER (-3)' in out,
              'the failing TAP check', out)
        check('FAIL host-gcc: fuzz/dispatch (fuzz)' in out
              and 'ERROR: libFuzzer: deadly signal' in out
              and 'Test unit written to work/crash-269eb8db' in out,
              'a fuzzer crash: its error and where the input was written', out)
        check('abi_smccc' not in out and 'SKIP' not in out and 'ok 1 ' not in out,
              'nothing that passed or was skipped', out)
        r = subprocess.run([sys.executable, str(tally), '--skips', str(log), 'host-gcc'],
                           capture_output=True, text=True)
        check('arm64-hv-gcc: no QEMU here' in r.stdout, 'the skip and its reason', r.stdout)

    r = subprocess.run([str(root / 'sdk'), 'test', 'no-such-build-dir'], capture_output=True,
                       text=True, timeout=60)
    check(r.returncode != 0 and 'no build directory matches' in r.stderr,
          './sdk test no-such-build-dir fails', f'rc={r.returncode}\n{r.stdout}{r.stderr}')
    r = subprocess.run([str(root / 'sdk'), '--version'], capture_output=True, text=True,
                       timeout=60)
    check(r.returncode == 0 and r.stdout.startswith('hcall '), './sdk --version', r.stdout)
    print(f'1..{N}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
