# SPDX-License-Identifier: MIT
"""Run a QEMU command and judge the TAP its guest prints.

Shared by the conformance kit (tests/conform/kit.py) and the system/peer
test runner (tests/system/run_qemu.py). The judgement is the TAP's: every
check line, the plan, the summary line when one is required, a bail-out,
and the timeout. QEMU's exit status is only an extra condition when the
caller asks for one (run_qemu.py's --expect-exit), never the verdict alone.

TAP as the guests print it:
    ok N - FUNCTION: what [section]
    not ok N - FUNCTION: what [section] # expected: E; got: G
    not ok N - name # got X, want Y            (tests/guest/tap.h)
    ok N - FUNCTION: what [section] # SKIP reason
    # comment
    Bail out! reason
    1..N
    # SUMMARY: N tests, F failed, S skipped
"""
import os
import re
import selectors
import subprocess
import time

OK = re.compile(r"^(not )?ok (\d+)(?: - (.*))?$")
PLAN = re.compile(r"^1\.\.(\d+)")
SUMMARY = re.compile(r"^# SUMMARY: (\d+) tests, (\d+) failed, (\d+) skipped")
BAIL = re.compile(r"^Bail out!\s*(.*)$")
SKIP = re.compile(r"\s*#\s*SKIP\b\s*(.*)$", re.I)
EXPECTED = re.compile(r"\s*#\s*expected:\s*(.*?);\s*got:\s*(.*)$")
GOT_WANT = re.compile(r"\s*#\s*got (.*?), want (.*)$")
SECTION = re.compile(r"\s*\[([^\]]*)\]\s*$")


class Check:
    """One TAP result line."""

    def __init__(self, n, ok, desc, line):
        self.n, self.line = n, line
        self.result = "pass" if ok else "fail"
        self.reason = self.expected = self.got = self.section = ""
        m = SKIP.search(desc)
        if m and ok:
            self.result, self.reason, desc = "skip", m.group(1).strip(), desc[:m.start()]
        m = EXPECTED.search(desc) or GOT_WANT.search(desc)
        if m:
            if m.re is EXPECTED:
                self.expected, self.got = m.group(1).strip(), m.group(2).strip()
            else:
                self.got, self.expected = m.group(1).strip(), m.group(2).strip()
            desc = desc[:m.start()]
        m = SECTION.search(desc)
        if m:
            self.section, desc = m.group(1), desc[:m.start()]
        fn, sep, what = desc.partition(": ")
        self.function, self.what = (fn.strip(), what.strip()) if sep else (desc.strip(), "")

    def title(self):
        t = f"{self.function}: {self.what}" if self.what else self.function
        return f"{t} [{self.section}]" if self.section else t

    def to_dict(self):
        return {"n": self.n, "function": self.function, "check": self.what,
                "section": self.section, "result": self.result,
                "expected": self.expected, "got": self.got, "reason": self.reason}


class Tap:
    """Everything a console transcript says in TAP."""

    def __init__(self, text):
        self.lines = text.replace("\r", "").splitlines()
        self.checks, self.plan, self.summary, self.bail, self.notes = [], None, None, None, []
        for raw in self.lines:
            ln = raw.strip()
            m = OK.match(ln)
            if m:
                self.checks.append(Check(int(m.group(2)), not m.group(1), m.group(3) or "", ln))
                continue
            m = PLAN.match(ln)
            if m:
                self.plan = int(m.group(1))
                continue
            m = SUMMARY.match(ln)
            if m:
                self.summary = tuple(int(x) for x in m.groups())
                continue
            m = BAIL.match(ln)
            if m and self.bail is None:
                self.bail = m.group(1) or "(no reason given)"
                continue
            if ln.startswith("#"):
                self.notes.append(ln[1:].strip())

    def count(self, result):
        return sum(1 for c in self.checks if c.result == result)


class Run:
    """How a run ended."""

    def __init__(self, text, rc, timed_out, stopped):
        self.text, self.rc, self.timed_out, self.stopped = text, rc, timed_out, stopped

    @property
    def ended(self):
        if self.timed_out:
            return "timeout"
        if self.stopped:
            return "harness"
        return "exit"


def run(cmd, timeout, stop_after_summary=None, echo=None):
    """Run cmd with the console on stdout. With stop_after_summary = S, a
    run still going S seconds after the TAP summary line (or a bail-out) is
    ended by the harness (the guest spins when its power-off call does not
    end it)."""
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    fd = p.stdout.fileno()
    sel = selectors.DefaultSelector()
    sel.register(fd, selectors.EVENT_READ)
    buf = bytearray()
    hard = time.monotonic() + timeout
    soft = None
    ended_early = False
    while True:
        limit = hard if soft is None else min(hard, soft)
        now = time.monotonic()
        if now >= limit:
            ended_early = True
            break
        if not sel.select(timeout=min(0.2, limit - now)):
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            break  # QEMU closed its output: it has exited
        buf += chunk
        if echo:
            echo(chunk)
        if stop_after_summary is not None and soft is None and _has_summary(buf):
            soft = time.monotonic() + stop_after_summary
    if ended_early:
        p.kill()
    p.wait()
    sel.close()
    p.stdout.close()
    stopped = ended_early and soft is not None
    timed_out = ended_early and soft is None
    return Run(buf.decode("utf-8", "replace"), None if ended_early else p.returncode,
               timed_out, stopped)


def _has_summary(buf):
    """The guest has said its last word: the summary, or a bail-out."""
    text = buf.decode("utf-8", "replace").replace("\r", "")
    return any(SUMMARY.match(ln.strip()) or BAIL.match(ln.strip()) for ln in text.splitlines())


def problems(tap, result, timeout, require_summary=True, expect_exit=None, known=None):
    """What makes the run fail, one line each; empty when it passed.
    known maps a function name to the reason it is a known failure: its
    failed checks are reported apart, not as problems."""
    known = known or {}
    out = []
    last = next((ln for ln in reversed(tap.lines) if ln.strip()), "(no output)")
    if tap.bail is not None:
        out.append(f"the guest bailed out: {tap.bail}")
    if result.timed_out:
        what = "no summary line" if require_summary and tap.summary is None else \
            "no TAP plan line" if tap.plan is None else "the run did not end"
        out.append(f"timed out after {timeout:g} s with {what}: the guest did not finish "
                   f"(last console line: {last.strip()!r})")
    elif expect_exit is not None and result.rc != expect_exit:
        out.append(f"QEMU exited with {result.rc}, expected {expect_exit}")
    if tap.plan is None:
        out.append("no TAP plan line (1..N): the guest did not finish")
    elif len({c.n for c in tap.checks}) != tap.plan:
        out.append(f"plan says {tap.plan} checks, {len({c.n for c in tap.checks})} reported")
    if require_summary and tap.summary is None and not result.timed_out:
        how = f"QEMU exited with {result.rc}" if result.rc is not None else "the run ended"
        out.append(f"{how} without a summary line (# SUMMARY: ...): the guest did not finish "
                   f"(last console line: {last.strip()!r})")
    if tap.summary is not None:
        counted = (len(tap.checks), tap.count("fail"), tap.count("skip"))
        if tap.summary != counted:
            out.append("summary says %d tests, %d failed, %d skipped; the TAP lines show "
                       "%d, %d, %d" % (tap.summary + counted))
    for c in tap.checks:
        if c.result == "fail" and c.function not in known:
            out.append(failed_line(c))
    return out


def failed_line(c):
    s = f"FAILED CHECK: {c.n} - {c.title()}"
    if c.expected or c.got:
        s += f": expected {c.expected}; got {c.got}"
    return s
