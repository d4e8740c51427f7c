#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Run the dispatcher fuzzer for a while over the committed seed corpus.
#   run_fuzz.py FUZZER SECONDS WORKDIR SEEDDIR
#   run_fuzz.py --skip REASON
# New inputs go to WORKDIR (in the build directory), never to SEEDDIR.
# Exit 77 (meson's skip) with the reason when the fuzzer cannot be built.
import os
import subprocess
import sys

if sys.argv[1] == '--skip':
    print('SKIP: ' + sys.argv[2])
    sys.exit(77)

fuzzer, seconds, work, seeds = sys.argv[1:5]
# --handlers HV_DIR PERCENT: report which of the core's call handlers the
# run reached, and fail below PERCENT of them.
gate = None
if len(sys.argv) > 5 and sys.argv[5] == '--handlers':
    gate = sys.argv[6], float(sys.argv[7])
os.makedirs(work, exist_ok=True)
cmd = [fuzzer, '-max_total_time=' + seconds, '-artifact_prefix=' + work + '/',
       '-timeout=10', '-rss_limit_mb=1024',
       '-print_final_stats=1'] + (['-print_coverage=1'] if gate else []) + [work, seeds]
print(' '.join(cmd), flush=True)
r = subprocess.run(cmd, stderr=subprocess.PIPE, text=True, errors='replace')
log = r.stderr
# libFuzzer's own report, without the per-function coverage listing.
sys.stdout.write(''.join(l for l in log.splitlines(True) if 'COVERED_FUNC' not in l))
if r.returncode != 0:
    sys.exit(1)
if gate:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import handlers  # noqa: E402

    every, missed = handlers.reached(gate[0], log)
    share = 100.0 * (len(every) - len(missed)) / max(len(every), 1)
    print('handlers reached: %d of %d (%.0f%%; at least %.0f%% wanted)'
          % (len(every) - len(missed), len(every), share, gate[1]))
    for name, where in missed:
        print('  not reached: %s (%s)' % (name, where or 'shared'))
    if not every or share < gate[1]:
        print('FAILED CHECK: the fuzz run reached %.0f%% of the call handlers, '
              'below %.0f%%' % (share, gate[1]))
        sys.exit(1)
sys.exit(0)
