#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Self-test of the kit's harness (kit.py run, judge.py) on scripted
consoles: each case is a shell script standing in for QEMU, and the
verdict, the way the run ended and the message are checked. TAP."""
import json
import os
import subprocess
import sys
import tempfile

KIT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kit.py")

GOOD = 'echo "ok 1 - F: a [s]"; echo "ok 2 - G: b [s] # SKIP absent"; echo "1..2"; ' \
       'echo "# SUMMARY: 2 tests, 0 failed, 1 skipped"'
BAD = 'echo "ok 1 - F: a [s]"; echo "not ok 2 - G: b [s] # expected: 0 (SUCCESS); ' \
      'got: -1 (NOT_SUPPORTED)"; echo "1..2"; echo "# SUMMARY: 2 tests, 1 failed, 0 skipped"'

# name, script, extra kit options, expected exit status, expected
# "ended", text the output must contain, text it must not contain
CASES = [
    ("power-off ends the run", GOOD + "; exit 0", [], 0, "exiting", "1 ok", None),
    ("exit status is not the verdict (no SYSTEM_OFF, QEMU exits 1)", GOOD + "; exit 1", [], 0,
     "exiting", "1 ok", None),
    ("a guest spinning after its summary is ended by the harness", GOOD + "; sleep 30", [], 0,
     "harness", "after the summary", None),
    ("a failed check fails, named with expected and got", BAD, [], 1, "exiting",
     "FAILED CHECK: 2 - G: b [s]: expected 0 (SUCCESS); got -1 (NOT_SUPPORTED)", None),
    ("a missing summary fails", 'echo "ok 1 - F: a"; echo "1..1"', [], 1, "exiting",
     "without a summary line", None),
    ("a hang before the summary is a timeout", 'echo "ok 1 - F: a"; sleep 30', [], 1,
     "timeout", "timed out after 2 s with no summary line", None),
    ("a summary that disagrees with the lines fails",
     'echo "ok 1 - F: a"; echo "1..1"; echo "# SUMMARY: 1 tests, 0 failed, 1 skipped"', [], 1,
     "exiting", "summary says 1 tests, 0 failed, 1 skipped", None),
    ("a plan that disagrees with the lines fails",
     'echo "ok 1 - F: a"; echo "1..2"; echo "# SUMMARY: 1 tests, 0 failed, 0 skipped"', [], 1,
     "exiting", "plan says 2 checks, 1 reported", None),
    ("a bail-out fails", 'echo "ok 1 - F: a"; echo "Bail out! unexpected exception"; sleep 30',
     [], 1, "harness", "the guest bailed out: unexpected exception", None),
    ("a known failure is reported and does not fail", BAD, ["--known-fail", "G=why"], 0,
     "exiting", "known failure: FAILED CHECK: 2", "G: FAILED"),
    ("no guest in the command is refused", None, [], 1, None, None, None),
]


def main():
    print(f"1..{len(CASES)}")
    failed = 0
    with tempfile.TemporaryDirectory() as d:
        for i, (name, script, extra, want_rc, ended, must, must_not) in enumerate(CASES, 1):
            cmd = [sys.executable, KIT, "run", "--guest", "g.elf", "--impl", f"case{i}",
                   "--report-dir", d, "--timeout", "2", "--grace", "0.3"] + extra + ["--"]
            cmd += ["sh", "-c", script, "{guest}"] if script else ["true"]
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
            out = p.stdout + p.stderr
            why = []
            if p.returncode != want_rc:
                why.append(f"exit {p.returncode}, want {want_rc}")
            if must and must not in out:
                why.append(f"output lacks {must!r}")
            if must_not and must_not in out:
                why.append(f"output has {must_not!r}")
            if ended and script:
                with open(os.path.join(d, f"case{i}.json")) as f:
                    rep = json.load(f)
                if ended not in rep["ended"]:
                    why.append(f"ended by {rep['ended']!r}, want {ended!r}")
                if rep["functions"].get("G", ("",))[0] == "fail" and not want_rc == 1:
                    why.append("report lists G as fail")
            if why:
                failed += 1
                print(f"not ok {i} - {name} # {'; '.join(why)}")
                print("# " + out.replace("\n", "\n# "))
            else:
                print(f"ok {i} - {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
