/* SPDX-License-Identifier: MIT */
/*
 * tests/user/runtime.c - the guest runtime of tests/guest/guest.h for a
 * Linux process under qemu-user, with the hv core as its hypervisor
 * through the trap emulator (src/trapemu).
 *
 * The program's checks trap with the real instructions the headers emit
 * (HVC/SMC under qemu-aarch64, VMCALL/VMMCALL under qemu-x86_64); on
 * riscv64 they go through the simulated transport, because ecall in user
 * mode is a Linux system call. USER_ABI (an enum hv_abi value) selects
 * the one ABI family the process's VM may use, next to the probe.
 *
 * There is no privilege switch in a process: guest_call_user() runs fn at
 * the same (user) level, and the emulator reports privilege 0 to the
 * core. Checks that depend on the caller's privilege are skipped here
 * and made by the system suites.
 */
#define _GNU_SOURCE
#include "guest.h"
#include "tap.h"
#include "trapemu.h"
#include "user.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef USER_ABI
#error "tests/user: build with -DUSER_ABI=<enum hv_abi>"
#endif

static char line[256];
static unsigned line_len;

static void flush_line(void)
{
	const char *p = line;
	while (line_len) {
		ssize_t n = write(1, p, line_len);
		if (n <= 0)
			break;
		p += n;
		line_len -= (unsigned)n;
	}
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

uint64_t guest_call_user(uint64_t (*fn)(uint64_t), uint64_t arg)
{
	return fn(arg); /* already at user level; see the file comment */
}

static volatile int fault_armed;
static volatile enum guest_fault fault_seen;

/* The emulator's fault hook: an exception the core injected. */
static int on_fault(enum hv_fault fault, void *priv)
{
	(void)priv;
	if (!fault_armed)
		return 0;
	fault_armed = 0;
	fault_seen = fault == HV_FAULT_GP0 ? GUEST_FAULT_GP : GUEST_FAULT_UNDEF;
	return 1;
}

void guest_expect_fault(void)
{
	fault_seen = GUEST_FAULT_NONE;
	fault_armed = 1;
}

enum guest_fault guest_fault_taken(void)
{
	enum guest_fault f = fault_seen;

	fault_armed = 0;
	fault_seen = GUEST_FAULT_NONE;
	return f;
}

uint64_t user_trap_count(void)
{
	return trapemu_trap_count();
}

/* A second VM the process's VM can name (zone lists, shutdown), with a
 * small memory of its own; it never runs. */
static uint8_t other_mem[USER_OTHER_MEM_SIZE] __attribute__((aligned(4096)));

int main(void)
{
	struct hv_vm_config other;
	struct trapemu_options opt;
	int rc;

	memset(&other, 0, sizeof(other));
	other.name = USER_OTHER_NAME;
	other.role = HV_ROLE_NORMAL;
	other.abis = HV_ABI_BIT(USER_ABI);
	other.nvcpus = 1;
	other.regions[0].gpa = (uint64_t)(uintptr_t)other_mem;
	other.regions[0].size = sizeof(other_mem);
	other.regions[0].host = other_mem;
	other.regions[0].flags = HV_MEM_READ | HV_MEM_WRITE;
	other.nregions = 1;

	memset(&opt, 0, sizeof(opt));
	opt.name = USER_SELF_NAME;
	opt.role = HV_ROLE_SERVICE;
	opt.abis = HV_ABI_BIT(USER_ABI) | HV_ABI_BIT(HV_ABI_PROBE);
	opt.others = &other;
	opt.nothers = 1;
	rc = trapemu_start(&opt);
	if (rc) {
		static const char msg[] = "Bail out! trapemu_start failed\n";
		ssize_t n = write(1, msg, sizeof(msg) - 1);
		(void)n;
		return 1;
	}
	trapemu_set_fault_hook(on_fault, 0);
#if defined(__riscv)
	tap_note("user mode, riscv64: ecall is a Linux system call here, so "
		      "these checks use the SIMULATED transport (HCALL_TRANSPORT_SIM) "
		      "into the same hv core; the real ecall is checked by the system suite");
#elif defined(__x86_64__)
	tap_note("user mode, x86_64 under qemu-x86_64: real VMCALL/VMMCALL -> "
		      "SIGILL -> trap emulator -> hv core");
#else
	tap_note("user mode, arm64 under qemu-aarch64: real HVC/SMC at EL0 -> "
		      "SIGILL -> trap emulator -> hv core");
#endif
	guest_main();
}
