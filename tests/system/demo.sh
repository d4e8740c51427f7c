#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The cross-architecture demo: boot every hypervisor image the build
# produced, with its guests, and print what the guests measured.
#
# Generic over architectures: in each bare-metal build directory, every
# meson test of suite `system` (except the optional KVM variants) is a
# hypervisor boot, and every test of suite `peer` a guest booted on real
# firmware (QEMU's PSCI, OpenSBI) without hcall; its command line is taken from `meson introspect
# --tests`, run with the harness's --show, and the guests' "# demo |"
# lines (guest_demo() in tests/guest) become a table ABI | call | result,
# under a count of the conformance checks that ran. Nothing is hard-coded.
set -uo pipefail
BUILD=$1
found=0
echo "hcall demo: each hypervisor (and each firmware peer) booted under QEMU with its"
echo "guests; every row is a result a guest measured through the real trap."
for d in "$BUILD"/*/; do
	[ -f "$d/build.ninja" ] || continue
	meson introspect --tests "$d" >"$d/.demo-tests.json" 2>/dev/null || continue
	python3 - "$d" <<'PY' || true
import json, re, subprocess, sys
d = sys.argv[1]
tests = json.load(open(d + "/.demo-tests.json"))
for t in tests:
    if not any(s.split(":")[-1] in ("system", "peer") for s in t["suite"]) or "kvm" in t["name"]:
        continue
    cmd = list(t["cmd"])
    if "--show" not in cmd:
        cmd.insert(cmd.index("--") if "--" in cmd else 2, "--show")
    p = subprocess.run(cmd, cwd=t.get("workdir") or d, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=30)
    out = p.stdout.decode("utf-8", "replace").replace("\r", "")
    demos, checks, failed = [], {"ok": 0, "not ok": 0, "skip": 0}, []
    for ln in out.splitlines():
        ln = ln.strip()
        # "# demo | abi | call | result": a result the guest measured; the
        # x86 hypervisor relays each VM's console as "# <vm>: ...".
        m = re.match(r"^# (?:\S+: )?demo \| (.*?) \| (.*?) \| (.*)$", ln)
        if m:
            demos.append((m.group(1), m.group(2), m.group(3)))
            continue
        m = re.match(r"^(not )?ok \d+ - (.*?)(?: # (SKIP.*|got .*))?$", ln)
        if m:
            if m.group(1):
                checks["not ok"] += 1
                failed.append(m.group(2) + (" (" + m.group(3) + ")" if m.group(3) else ""))
            elif (m.group(3) or "").startswith("SKIP"):
                checks["skip"] += 1
            else:
                checks["ok"] += 1
    print()
    print(f"== {t['name']}  ({d.rstrip('/').split('/')[-1]}): "
          f"{'PASS' if p.returncode == 0 else 'FAIL'}; checks: "
          f"{checks['ok']} ok, {checks['not ok']} failed, {checks['skip']} skipped")
    for f in failed:
        print(f"   FAILED: {f}")
    if not demos:
        print("   (the guests reported no demo rows)")
        continue
    w0 = max(len(r[0]) for r in demos + [("ABI", "", "")])
    w1 = min(60, max(len(r[1]) for r in demos + [("", "call", "")]))
    print(f"   {'ABI':<{w0}} | {'call':<{w1}} | result (as the guest measured it)")
    print(f"   {'-' * w0}-+-{'-' * w1}-+-{'-' * 33}")
    for a, c, r in demos:
        print(f"   {a:<{w0}} | {c[:w1]:<{w1}} | {r}")
PY
	rm -f "$d/.demo-tests.json"
	found=1
done
[ $found -eq 1 ] || echo "No build directory found under $BUILD: nothing was booted."
