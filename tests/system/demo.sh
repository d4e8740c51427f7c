#!/usr/bin/env bash
# The cross-architecture demo: boot every hypervisor image the build
# produced, with its guests, and print what the guests measured.
#
# Generic over architectures: in each bare-metal build directory, every
# meson test of suite `system` (except the optional KVM variants) is a
# hypervisor boot; its command line is taken from `meson introspect
# --tests`, run with the harness's --show, and the guest's TAP output is
# turned into a table ABI | call | result. A `# == NAME` line from the
# guest names the ABI of the checks that follow. Nothing is hard-coded.
set -uo pipefail
BUILD=$1
found=0
for d in "$BUILD"/*/; do
	[ -f "$d/build.ninja" ] || continue
	meson introspect --tests "$d" >"$d/.demo-tests.json" 2>/dev/null || continue
	python3 - "$d" <<'PY' || true
import json, re, subprocess, sys
d = sys.argv[1]
tests = json.load(open(d + "/.demo-tests.json"))
for t in tests:
    if not any(s.split(":")[-1] == "system" for s in t["suite"]) or "kvm" in t["name"]:
        continue
    cmd = list(t["cmd"])
    if "--show" not in cmd:
        cmd.insert(cmd.index("--") if "--" in cmd else 2, "--show")
    p = subprocess.run(cmd, cwd=t.get("workdir") or d, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=30)
    out = p.stdout.decode("utf-8", "replace").replace("\r", "")
    rows, abi = [], "-"
    for ln in out.splitlines():
        ln = ln.strip()
        # x86: the hypervisor relays each VM's console as "# <vm>: ...";
        # "demo | abi | call | raw result" rows are values the guest measured.
        m = re.match(r"^# \S+: demo \| (.*?) \| (.*?) \| (.*)$", ln)
        if m:
            rows.append((m.group(1), m.group(2), m.group(3)))
            continue
        m = re.match(r"^# \S+: == (\S+)", ln)
        if m:
            abi = m.group(1)
            continue
        m = re.match(r"^# == (\S+)", ln)
        if m:
            abi = m.group(1)
            continue
        m = re.match(r"^(not )?ok \d+ - (.*?)(?: # (SKIP.*|got .*))?$", ln)
        if m:
            res = "FAIL" if m.group(1) else ("skip" if (m.group(3) or "").startswith("SKIP") else "ok")
            if m.group(1) and m.group(3):
                res += " (" + m.group(3) + ")"
            rows.append((abi, m.group(2), res))
    print()
    print(f"== {t['name']}  ({d.rstrip('/').split('/')[-1]}): "
          f"{'PASS' if p.returncode == 0 else 'FAIL'}")
    if not rows:
        print("   (no checks reported)")
        continue
    w0 = max(len(r[0]) for r in rows + [("ABI", "", "")])
    w1 = min(70, max(len(r[1]) for r in rows + [("", "call", "")]))
    print(f"   {'ABI':<{w0}} | {'call':<{w1}} | result")
    print(f"   {'-' * w0}-+-{'-' * w1}-+-------")
    for a, c, r in rows:
        print(f"   {a:<{w0}} | {c[:w1]:<{w1}} | {r}")
PY
	rm -f "$d/.demo-tests.json"
	found=1
done
[ $found -eq 1 ] || echo "No build directory found under $BUILD: nothing was booted."
