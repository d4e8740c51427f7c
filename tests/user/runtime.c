/* SPDX-License-Identifier: MIT */
/*
 * tests/user/runtime.c - the guest runtime of tests/guest/guest.h for a
 * Linux process under qemu-user, with the hv core as its hypervisor
 * through the trap emulator (src/trapemu). The check files are the
 * system suite's own (tests/guest/check_*.c and the per-architecture
 * ones); this runtime decides what they can show here.
 *
 * The checks trap with the real instructions the headers emit (HVC/SMC
 * under qemu-aarch64, VMCALL/VMMCALL under qemu-x86_64); on riscv64 they
 * go through the simulated transport, because ecall in user mode is a
 * Linux system call. The VMs are those of plan.c.
 *
 * What a process cannot show (guest_lacks): there is no privilege switch,
 * the VM's memory is the process's own, the other VMs never run and no
 * interrupt is delivered, and the x86 hypervisor's Palacios embedder is
 * not linked in. Exceptions the core injects are observable: the
 * emulator's fault hook stands in for the guest's exception vector.
 */
#define _GNU_SOURCE
#include "guest.h"
#include "tap.h"
#include "user.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char line[256];
static unsigned line_len;

static void write_all(const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(1, p, n);
		if (w <= 0)
			break;
		p += w;
		n -= (size_t)w;
	}
}

static void flush_line(void)
{
	write_all(line, line_len);
	line_len = 0;
}

void guest_putc(char c)
{
	if (c == '\r') /* the serial-console line ending is not needed here */
		return;
	line[line_len++] = c;
	if (c == '\n' || line_len == sizeof(line))
		flush_line();
}

void guest_exit(int status)
{
	flush_line();
	exit(status);
}

static __attribute__((noreturn)) void bail(const char *why)
{
	flush_line();
	write_all("Bail out! ", 10);
	write_all(why, strlen(why));
	write_all("\n", 1);
	exit(1);
}

const char *guest_lacks(enum guest_cap cap)
{
	switch (cap) {
	case GUEST_CAP_PRIVILEGE:
		return "user mode: the process has one privilege level and the trap "
		       "emulator reports the guest kernel's to the core, so privilege "
		       "checks belong to the system suite";
	case GUEST_CAP_MEMORY_MAP:
		return "user mode: the VM's memory is the process's own, with no "
		       "second stage, so fixed guest-physical addresses and stage-2 "
		       "faults belong to the system suite";
	case GUEST_CAP_VMS:
		return "user mode: the other VMs exist in the hv core but never run "
		       "and no interrupt reaches the process, so zones, I/O requests "
		       "and upcalls belong to the system suite";
	case GUEST_CAP_EMBEDDER:
		return "user mode: the Palacios handlers are the x86 hypervisor's "
		       "embedder services (arch/x86), which the trap emulator does "
		       "not register";
	}
	return "user mode: unknown capability";
}

/* Only for checks that have GUEST_CAP_PRIVILEGE, which this runtime lacks:
 * running fn at the same level would report a privilege check as made. */
uint64_t guest_call_user(uint64_t (*fn)(uint64_t), uint64_t arg)
{
	(void)fn;
	(void)arg;
	bail("guest_call_user() in user mode: the check must ask "
	     "guest_need(GUEST_CAP_PRIVILEGE) first");
}

/* What a guest's vector would see: #GP(0) exists on x86 only; elsewhere
 * the core's GP0 is the undefined-instruction exception (hv.h). */
static enum guest_fault guest_fault_of(enum hv_fault fault)
{
#if defined(__x86_64__)
	if (fault == HV_FAULT_GP0)
		return GUEST_FAULT_GP;
#endif
	(void)fault;
	return GUEST_FAULT_UNDEF;
}

/* The emulator's fault hook: an exception the core injected. */
static int on_fault(enum hv_fault fault, void *priv)
{
	(void)priv;
	if (!guest_fault_armed())
		return 0;
	guest_fault_record(guest_fault_of(fault), (uint64_t)fault, 0);
	user_arch_fault(fault);
	return 1;
}

int main(void)
{
	struct trapemu_options opt;

	memset(&opt, 0, sizeof(opt));
	user_plan(&opt);
	if (trapemu_start(&opt))
		bail("trapemu_start failed");
	trapemu_set_fault_hook(on_fault, 0);
	tap_note(user_plan_note);
	guest_main();
}
