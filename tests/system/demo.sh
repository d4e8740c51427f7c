#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The cross-architecture demo: boot every hypervisor image the build
# produced, with its guests, and every guest on real firmware, and show
# one compact table per architecture.
#
# Generic over architectures: in each bare-metal build directory, every
# meson test of suite `system` (except the optional KVM variants) is a
# hypervisor boot, and every test of suite `peer` a guest booted on real
# firmware (QEMU's PSCI, OpenSBI) without hcall. Its command line comes
# from `meson introspect --tests` and runs with the harness's --show.
#
# A row is a result a guest measured and printed as "# demo | abi | call |
# got" (guest_demo() in tests/guest). Its "expected" column and verdict
# come from the TAP check that judged that result: among the checks of
# the same section whose name contains every word of the call, the one
# most about it (the largest share of its words), then the nearest. A row whose call no check
# names is shown with "no check names it" and never counts as a pass. gcc and clang builds of one
# architecture are one table: clang's rows are shown only where they
# differ. Skipped checks are listed with their reasons. The last line sums
# everything up; the exit status is non-zero if any boot or check failed
# or nothing could be booted.
set -uo pipefail
BUILD=$1
exec python3 - "$BUILD" <<'PY'
import json
import re
import subprocess
import sys
from collections import OrderedDict
from pathlib import Path

build = Path(sys.argv[1])
ARCH_OF = {"aarch64": "arm64", "riscv64": "riscv64", "x86_64": "x86_64"}
DEMO = re.compile(r"^# (?:\S+: )?demo \| (.*?) \| (.*?) \| (.*)$")
SECTION = re.compile(r"^# (?:\S+: )?== (.*)$")
TAP = re.compile(r"^(?:# \S+: )?(not )?ok \d+ - (.*?)(?: # (SKIP|TODO)\s*(.*)| # (got .*))?$")


def boots(d):
    r = subprocess.run(["meson", "introspect", "--tests", str(d)], capture_output=True, text=True)
    if r.returncode:
        return []
    out = []
    for t in json.loads(r.stdout or "[]"):
        suites = {s.split(":")[-1] for s in t["suite"]}
        if suites & {"system", "peer"} and "kvm" not in t["name"]:
            out.append(t)
    return out


def run(t, d):
    cmd = list(t["cmd"])
    if "--show" not in cmd:
        cmd.insert(cmd.index("--") if "--" in cmd else 2, "--show")
    try:
        p = subprocess.run(cmd, cwd=t.get("workdir") or d, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=60)
        return p.returncode, p.stdout.decode("utf-8", "replace").replace("\r", "")
    except subprocess.TimeoutExpired as e:
        return 124, (e.stdout or b"").decode("utf-8", "replace")


STOP = {"the", "a", "an", "of", "own", "base", "example", "from", "to", "is"}


def words(text):
    """Lower-case words; an identifier counts whole and by its parts."""
    out = set()
    for w in re.findall(r"[A-Za-z0-9_]+", text.lower()):
        out.add(w)
        out.update(p for p in w.split("_") if p)
    return out - STOP


def names_call(check, call):
    """The check names this call: every word of the call is in it."""
    need = words(call)
    return bool(need) and need <= words(check)


def parse(out):
    """Demo rows with their judging check, the skips and the counts."""
    events = []  # ("demo", abi, call, got, section) / ("tap", ok, name, skip, section)
    section = ""
    for ln in out.splitlines():
        ln = ln.strip()
        m = SECTION.match(ln)
        if m:
            section = m.group(1)
            continue
        m = DEMO.match(ln)
        if m:
            events.append(("demo", m.group(1), m.group(2), m.group(3), section))
            continue
        m = TAP.match(ln)
        if m:
            skip = m.group(4) if m.group(3) == "SKIP" else None
            events.append(("tap", not m.group(1), m.group(2), skip, section,
                           m.group(5) or ""))
    rows, skips = [], []
    counts = {"ok": 0, "failed": 0, "skipped": 0}
    failed = []
    for i, e in enumerate(events):
        if e[0] == "tap":
            if e[3] is not None:
                counts["skipped"] += 1
                skips.append((e[2], e[3]))
            elif e[1]:
                counts["ok"] += 1
            else:
                counts["failed"] += 1
                failed.append(e[2] + (f" ({e[5]})" if e[5] else ""))
            continue
        _, abi, call, got, sec = e
        judge = None
        # Of the checks that name the call, the one most about it (the
        # largest share of its words are the call's), then the nearest,
        # before the row on a tie.
        need = words(call)
        best = None
        for j, f in enumerate(events):
            if j == i or f[0] != "tap" or f[4] != sec or f[3] is not None \
                    or not names_call(f[2], call):
                continue
            key = (-len(need) / max(1, len(words(f[2]))), abs(j - i), j > i)
            if best is None or key < best[0]:
                best = (key, f)
        judge = best[1] if best else None
        rows.append((abi, call, got, judge))
    return rows, skips, counts, failed


def where(test_name):
    # arm64-hv-gcc -> hv, arm64-peer-psci-clang -> peer-psci
    parts = test_name.split("-")
    return "-".join(parts[1:-1]) or test_name


def cut(s, n):
    return s if len(s) <= n else s[: n - 1] + "~"


arches = OrderedDict()
for d in sorted(build.glob("*-none-*")):
    if not (d / "build.ninja").is_file():
        continue
    arch_key = d.name.split("-")[0]
    compiler = d.name.split("-")[-1]
    for t in boots(d):
        rc, out = run(t, d)
        rows, skips, counts, failed = parse(out)
        arches.setdefault(arch_key, []).append(
            dict(build=d.name, compiler=compiler, test=t["name"], where=where(t["name"]),
                 rc=rc, rows=rows, skips=skips, counts=counts, failed=failed))

print("hcall demo: each hypervisor, and each guest on real firmware, booted under QEMU;")
print("every row is a result a guest measured through the real trap, judged by its check.")
total = {"pass": 0, "fail": 0, "unchecked": 0, "ok": 0, "failed": 0, "skipped": 0,
         "boots": 0, "boots_failed": 0}
if not arches:
    print("\nNo bare-metal build directory under %s: nothing was booted." % build)
    print("summary: nothing booted (run ./sdk build first)")
    sys.exit(1)

for arch_key, runs in arches.items():
    compilers = sorted({r["compiler"] for r in runs}, key=lambda c: (c != "gcc", c))
    print(f"\n== {ARCH_OF.get(arch_key, arch_key)} ({', '.join(compilers)})")
    table = []  # (where, call, expected, got, verdict)
    base = {}
    for r in sorted(runs, key=lambda r: (r["compiler"] != compilers[0], r["test"])):
        total["boots"] += 1
        if r["rc"] != 0:
            total["boots_failed"] += 1
        for k in ("ok", "failed", "skipped"):
            total[k] += r["counts"][k]
        key = r["where"]
        got_rows = [(a, c, g) for a, c, g, _ in r["rows"]]
        if r["compiler"] == compilers[0]:
            base[key] = got_rows
            tag = key
        elif base.get(key) == got_rows and r["rc"] == 0 and not r["failed"]:
            continue  # same results as the first compiler: not repeated
        else:
            tag = f"{key} ({r['compiler']})"
        if r["rc"] != 0 and not r["rows"]:
            table.append((tag, "(boot)", "the boot passes", f"exit {r['rc']}", "FAIL"))
        for abi, call, got, judge in r["rows"]:
            if judge is None:
                verdict, expected = "unjudged", "(no check names this call)"
                total["unchecked"] += 1
            else:
                verdict = "PASS" if judge[1] else "FAIL"
                expected = judge[2]
                total["pass" if judge[1] else "fail"] += 1
            table.append((tag, f"{abi} {call}", expected, got, verdict))
        for name in r["failed"]:
            if not any(name.startswith(row[2]) for row in table):
                table.append((tag, "(check)", name, "", "FAIL"))
    # A row several boots measured alike is shown once, with every boot.
    merged = OrderedDict()
    for row in table:
        merged.setdefault(row[1:], []).append(row[0])
    table = [(", ".join(OrderedDict.fromkeys(wh)),) + rest for rest, wh in merged.items()]
    if table:
        w = [min(max(len(row[i]) for row in table + [("where", "call", "expected (the check)", "got", "verdict")]), lim)
             for i, lim in enumerate((24, 44, 52, 36, 11))]
        head = ("where", "call", "expected (the check)", "got", "verdict")
        print("  " + " | ".join(cut(h, w[i]).ljust(w[i]) for i, h in enumerate(head)))
        print("  " + "-+-".join("-" * w[i] for i in range(5)))
        for row in table:
            print("  " + " | ".join(cut(c, w[i]).ljust(w[i]) for i, c in enumerate(row)).rstrip())
    else:
        print("  (the guests reported no results)")
    same = [c for c in compilers[1:]]
    if same:
        print(f"  {', '.join(same)}: rows shown only where they differ from {compilers[0]}")
    skips = OrderedDict()
    for r in runs:
        for name, why in r["skips"]:
            skips.setdefault((name, why), OrderedDict())[f"{r['where']} {r['compiler']}"] = 1
    for (name, why), wheres in skips.items():
        print(f"  skipped ({', '.join(wheres)}): {name}: {why}")
    fails = [(r, f) for r in runs for f in r["failed"]]
    for r, f in fails:
        print(f"  FAILED check ({r['test']}): {f}")

bad = total["fail"] + total["failed"] + total["boots_failed"]
print(f"\nsummary: {total['boots']} boots ({total['boots_failed']} failed); rows "
      f"{total['pass']} pass, {total['fail']} fail, {total['unchecked']} unjudged; all checks "
      f"{total['ok']} ok, {total['failed']} failed, {total['skipped']} skipped"
      f" -> {'FAIL' if bad else 'PASS'}")
sys.exit(1 if bad else 0)
PY
