#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Run the dispatcher fuzzer for a while over the committed seed corpus.
#   run_fuzz.py FUZZER SECONDS WORKDIR SEEDDIR [--handlers HV_DIR PERCENT]
#               [--report JSON] [--seeds SEED_WRITER]
#   run_fuzz.py --skip REASON
# New inputs go to WORKDIR (in the build directory), never to SEEDDIR.
# --handlers: report which of the core's call handlers the run reached,
# and fail below PERCENT of them. --report: write the run's figures
# (executions, speed, crashes, handlers, functions and edges of hv/) as
# JSON. --seeds: the seeds in SEEDDIR (seed-*) must be the ones the seed
# writer (seeds.c) writes today. SECONDS 0 replays the corpus once and
# fuzzes nothing.
# Exit 77 (meson's skip) with the reason when the fuzzer cannot be built.
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import handlers  # noqa: E402

if sys.argv[1] == '--skip':
    print('SKIP: ' + sys.argv[2])
    sys.exit(77)

ap = argparse.ArgumentParser()
ap.add_argument('fuzzer')
ap.add_argument('seconds', type=int)
ap.add_argument('work')
ap.add_argument('seeddir')
ap.add_argument('--handlers', nargs=2, metavar=('HV_DIR', 'PERCENT'))
ap.add_argument('--report')
ap.add_argument('--seeds')
args = ap.parse_args()

os.makedirs(args.work, exist_ok=True)
if args.seeds:
    fresh = os.path.join(args.work, 'seeds')
    shutil.rmtree(fresh, ignore_errors=True)
    os.makedirs(fresh)
    subprocess.run([args.seeds, fresh], check=True)
    want = {f: open(os.path.join(fresh, f), 'rb').read() for f in os.listdir(fresh)}
    have = {f: open(os.path.join(args.seeddir, f), 'rb').read()
            for f in os.listdir(args.seeddir) if f.startswith('seed-')}
    stale = sorted(f for f in set(want) | set(have) if want.get(f) != have.get(f))
    if stale:
        for f in stale:
            print('stale seed: %s (%s)' % (f, 'missing' if f not in have else
                                          'extra' if f not in want else 'differs'))
        print('FAILED CHECK: the committed seeds are not what seeds.c writes; run\n'
              '  rm %s/seed-*; %s %s' % (args.seeddir, args.seeds, args.seeddir))
        sys.exit(1)
    print('seeds: the %d committed seeds are what seeds.c writes' % len(have))
cmd = [args.fuzzer, '-artifact_prefix=' + args.work + '/', '-timeout=10',
       '-rss_limit_mb=2048', '-print_final_stats=1', '-print_coverage=1']
if args.seconds > 0:
    cmd += ['-max_total_time=%d' % args.seconds, args.work, args.seeddir]
else:
    cmd += ['-runs=0', args.seeddir]
print(' '.join(cmd), flush=True)
started = datetime.datetime.now(datetime.timezone.utc)
# The commit of the fuzzer being run: read now, as the tree may move
# during a long run.
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
commit = subprocess.run(['git', '-C', src, 'describe', '--always', '--dirty', '--abbrev=12'],
                        capture_output=True, text=True).stdout.strip() or None
# libFuzzer's log goes to a file as it runs, so a long run can be watched.
log_path = os.path.join(args.work, 'libfuzzer.log')
print('libFuzzer log: ' + log_path, flush=True)
with open(log_path, 'w', encoding='utf-8') as f:
    r = subprocess.run(cmd, stderr=f)
with open(log_path, encoding='utf-8', errors='replace') as f:
    log = f.read()
# libFuzzer's own report, without the per-function coverage listing.
sys.stdout.write(''.join(l for l in log.splitlines(True)
                         if '_FUNC: ' not in l and '_PC: ' not in l))
crashed = r.returncode != 0


def stat(name):
    m = re.search(r'^stat::%s:\s+(\d+)' % name, log, re.M)
    return int(m.group(1)) if m else None


every, missed = handlers.reached(args.handlers[0] if args.handlers else
                                 os.path.join(os.path.dirname(__file__), '..', '..', 'hv'),
                                 log)
reached = len(every) - len(missed)
share = 100.0 * reached / max(len(every), 1)
funcs, edges = handlers.core_coverage(log)
final = re.findall(r'^#(\d+)\s+DONE\s+cov: (\d+) ft: (\d+)', log, re.M)
if args.report:
    report = {
        'date': started.strftime('%Y-%m-%dT%H:%M:%SZ'),
        'commit': commit,
        'seconds': args.seconds,
        'executions': stat('number_of_executed_units'),
        'exec_per_sec': stat('average_exec_per_sec'),
        'new_units': stat('new_units_added'),
        'peak_rss_mb': stat('peak_rss_mb'),
        'crashes': 1 if crashed else 0,  # libFuzzer stops at the first
        'artifacts': sorted(f for f in os.listdir(args.work)
                            if f.split('-')[0] in ('crash', 'leak', 'timeout', 'oom')),
        'sanitizers': ['address', 'undefined'],
        'handlers': {'reached': reached, 'total': len(every),
                     'missed': ['%s (%s)' % (n, w or 'shared') for n, w in missed]},
        'hv_functions': {'reached': funcs[0], 'total': funcs[1]},
        'hv_edges': {'reached': edges[0], 'total': edges[1]},
        'libfuzzer_cov': int(final[-1][1]) if final else None,
        'libfuzzer_features': int(final[-1][2]) if final else None,
    }
    with open(args.report, 'w', encoding='utf-8') as f:
        json.dump(report, f, indent=2)
        f.write('\n')
    print('report: ' + args.report)
print('hv/ functions reached: %d of %d; edges: %d of %d (%.1f%%)'
      % (funcs[0], funcs[1], edges[0], edges[1], 100.0 * edges[0] / max(edges[1], 1)))
print('handlers reached: %d of %d (%.0f%%%s)'
      % (reached, len(every), share,
         '; at least %s%% wanted' % args.handlers[1] if args.handlers else ''))
for name, where in missed:
    print('  not reached: %s (%s)' % (name, where or 'shared'))
if crashed:
    print('FAILED CHECK: the fuzzer exited with %d (a crash or a broken invariant; '
          'the input is in %s)' % (r.returncode, args.work))
    sys.exit(1)
if args.handlers and (not every or share < float(args.handlers[1])):
    print('FAILED CHECK: the fuzz run reached %.0f%% of the call handlers, '
          'below %s%%' % (share, args.handlers[1]))
    sys.exit(1)
sys.exit(0)
