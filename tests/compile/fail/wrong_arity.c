/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: x86_64
 * expect-error: too many arguments to function .*hcall_kvm_x86_sched_yield
 *
 * SCHED_YIELD takes one argument (the APIC ID); the typed call has no
 * second parameter to put anything in.
 */
#include <hcall/kvm_x86.h>

int yield_twice(void)
{
	return (int)hcall_kvm_x86_sched_yield(1, 2).status;
}
