#!/bin/sh
# SPDX-License-Identifier: MIT
# The x86 hypervisor under KVM (-enable-kvm -cpu host) instead of TCG.
#   x86_kvm.sh QEMU RUN_QEMU PYTHON QEMU-ARGS...
# Nested SVM needs /dev/kvm on an AMD host with SVM, which a virtual
# machine rarely gives: on this project's machines /dev/kvm is itself
# nested and hypercalls hang. So the test runs only when asked with
# HCALL_X86_KVM=1, and is skipped (77) otherwise, saying why.
qemu=$1 run_qemu=$2 py=$3
shift 3
if [ "${HCALL_X86_KVM:-0}" != 1 ]; then
	echo "SKIP: KVM-backed x86 run not requested (HCALL_X86_KVM=1 on a real AMD SVM host; /dev/kvm here is not one: hypercalls hang)"
	exit 77
fi
if [ ! -w /dev/kvm ] || ! grep -qw svm /proc/cpuinfo; then
	echo "SKIP: no usable /dev/kvm with SVM on this host"
	exit 77
fi
args=
for a in "$@"; do
	[ "$a" = "qemu64,+svm" ] && a="host"
	args="$args $a"
done
# shellcheck disable=SC2086
exec "$py" "$run_qemu" --timeout 8 --expect-exit 1 --name x86-hv-kvm -- \
	"$qemu" -enable-kvm $args
