#!/usr/bin/env bash
# The cross-architecture demo. Until the hypervisors exist it lists what
# the build produced; it never prints a result it did not measure.
set -uo pipefail
BUILD=$1
echo "hcall demo: build directories and what they contain"
for d in "$BUILD"/*/; do
	[ -f "$d/build.ninja" ] || continue
	n=$(basename "$d")
	printf '  %-22s %s\n' "$n" "$(meson introspect --targets "$d" 2>/dev/null |
		python3 -c 'import json,sys; print(", ".join(sorted(t["name"] for t in json.load(sys.stdin))) or "(no targets)")')"
done
echo "No hypervisor image is built yet, so nothing was booted."
