#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The fuzz suite's handler gate can fail: handlers.py on made-up
# -print_coverage reports, and run_fuzz.py end to end with a stand-in
# fuzzer that prints such a report.
#   test_handlers.py HV_DIR
import os
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import handlers  # noqa: E402

hv = sys.argv[1]
failed = []


def check(ok, what):
    print(('ok: ' if ok else 'FAILED CHECK: ') + what)
    if not ok:
        failed.append(what)


def report(covered, hits=1):
    """A -print_coverage report in which `covered` ({(name, file)}) ran."""
    return ''.join('COVERED_FUNC: hits: %d edges: 1/1 %s /src/hv/%s:10\n'
                   % (hits, name, where or 'vcpu.c') for name, where in covered)


every = handlers.handlers(hv)
names = {n for n, _ in every}
# Handlers the tables must yield, written from the services' sources:
# one of each ABI, a shared one and PSCI's own row macro.
for name, where in [('hart_get_status', 'svc_sbi.c'), ('legacy_send_ipi', 'svc_sbi.c'),
                    ('zone_start', 'svc_hvisor.c'), ('create_vm', 'svc_acrn.c'),
                    ('cell_create', 'svc_jailhouse.c'), ('hyp_meminfo', 'svc_smccc.c'),
                    ('hv_call_vcpu_stop', None)]:
    check((name, where) in every, 'the tables yield %s (%s)' % (name, where or 'shared'))
check(len(every) >= 80, 'at least 80 handlers in the tables (%d)' % len(every))
check('fn' not in names, "a row macro's parameter is not a handler")

_, missed = handlers.reached(hv, report(every))
check(missed == [], 'a report with every handler misses none')
drop = ('hart_get_status', 'svc_sbi.c')
_, missed = handlers.reached(hv, report(every - {drop}))
check(missed == [drop], 'a report without hart_get_status misses exactly it')
_, missed = handlers.reached(hv, report(every, hits=0))
check(len(missed) == len(every), 'functions with 0 hits are not reached')
# A static handler counts only in its own file (names repeat: lookup,
# vm_init...); a shared one anywhere.
moved = {(n, 'svc_psci.c' if (n, w) == drop else w) for n, w in every}
_, missed = handlers.reached(hv, report(moved))
check(missed == [drop], "hart_get_status covered in another file is not SBI's")

# run_fuzz.py with a stand-in fuzzer: its gate must fail below the share.
with tempfile.TemporaryDirectory() as tmp:
    log = os.path.join(tmp, 'log')
    fake = os.path.join(tmp, 'fuzzer')
    with open(fake, 'w') as f:
        f.write('#!%s\nimport sys\nsys.stderr.write(open(%r).read())\n' % (sys.executable, log))
    os.chmod(fake, os.stat(fake).st_mode | stat.S_IXUSR)
    seeds = os.path.join(tmp, 'seeds')
    os.makedirs(seeds)

    def gate(covered, percent):
        with open(log, 'w') as f:
            f.write(report(covered) + 'stat::number_of_executed_units: 5\n')
        r = subprocess.run([sys.executable, os.path.join(HERE, 'run_fuzz.py'), fake, '1',
                            os.path.join(tmp, 'work'), seeds, '--handlers', hv, percent,
                            '--report', os.path.join(tmp, 'r.json')],
                           capture_output=True, text=True)
        return r.returncode

    some = set(sorted(every)[:len(every) // 2])
    check(gate(every, '90') == 0, 'run_fuzz.py passes a run that reached every handler')
    check(gate(some, '90') == 1, 'run_fuzz.py fails a run that reached half the handlers')
    check(gate(every - {drop}, '100') == 1, 'run_fuzz.py fails a 100% gate missing one')

sys.exit(1 if failed else 0)
