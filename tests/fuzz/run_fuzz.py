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
os.makedirs(work, exist_ok=True)
cmd = [fuzzer, '-max_total_time=' + seconds, '-artifact_prefix=' + work + '/',
       '-timeout=10', '-rss_limit_mb=1024',
       '-print_final_stats=1', work, seeds]
print(' '.join(cmd), flush=True)
r = subprocess.run(cmd)
sys.exit(0 if r.returncode == 0 else 1)
