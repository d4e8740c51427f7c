/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_palacios.c - Palacios hypercalls through VMMCALL, served
 * by handlers the x86 hypervisor registered with the core's
 * hv_register_hypercall().
 *
 * Expected values from the seed (shared/seeds/palacios-hypercall.txt),
 * written here independently of <hcall/abi/palacios.h>: number in rax, up
 * to four arguments in rbx, rcx, rdx, rsi, return value in rax (0 success,
 * -1 failure); a number nobody registered answers -1.
 * The handlers exist only where the hypervisor registered them
 * (GUEST_CAP_EMBEDDER); the roles and the unregistered numbers are the
 * core's and run everywhere.
 */
#include <hcall/abi/probe.h>
#include <hcall/palacios.h>

#include "guest.h"
#include "tap.h"
#include "x86/x86_guest.h"

#define R_RAX 0
#define R_RCX 1
#define R_RDX 2
#define R_RBX 3
#define R_RSI 6
#define PAL_FAIL ((uint64_t)-1)

static struct hcall_regs frame __attribute__((aligned(16)));
static const char message[] = "hello from the palacios guest";
static const char symtab[64] = "symbols";

static void roles(void)
{
	uint64_t in[16], out[16];
	unsigned bad = 0;

	for (unsigned i = 0; i < 16; i++)
		in[i] = 0x7a00000000000000ull | (i * 0x01010101u);
	in[4] = 0;
	in[R_RAX] = HCALL_PROBE_X86_ECHO;
	x86_trap_all(X86_TRAP_VMMCALL, in, out);
	tap_eq("palacios result in rax", out[R_RAX], HCALL_PROBE_PATTERN(0));
	/* The seed: nothing but rax and the argument registers may change. */
	for (unsigned i = 5; i < 16; i++)
		if (i != R_RSI && out[i] != in[i]) {
			tap_note_hex("changed register", i);
			bad++;
		}
	tap_check(!bad, "palacios preserves rbp, rdi, r8..r15");

	struct hcall_palacios_ret d = hcall_palacios_call1_on(
		HCALL_X86_CONDUIT_VMMCALL, HCALL_PROBE_X86_DUMP,
		(uint64_t)(uintptr_t)&frame);
	if (!tap_eq("palacios probe DUMP returns 0", d.rax, 0))
		return;
	tap_eq("palacios number in rax", frame.r[R_RAX], HCALL_PROBE_X86_ECHO);
	tap_eq("palacios arg0 in rbx", frame.r[R_RBX], in[R_RBX]);
	tap_eq("palacios arg1 in rcx", frame.r[R_RCX], in[R_RCX]);
	tap_eq("palacios arg2 in rdx", frame.r[R_RDX], in[R_RDX]);
	tap_eq("palacios arg3 in rsi", frame.r[R_RSI], in[R_RSI]);

	/* The header's raw call: this is what catches a wrong register role
	 * in <hcall/abi/palacios.h>. */
	d = hcall_palacios_call4_on(HCALL_X86_CONDUIT_VMMCALL, HCALL_PROBE_X86_ECHO,
				    0x7b00000000000001ull, 0x7b00000000000002ull,
				    0x7b00000000000003ull, 0x7b00000000000004ull);
	tap_eq("palacios call4: result in rax", d.rax, HCALL_PROBE_PATTERN(0));
	d = hcall_palacios_call1_on(HCALL_X86_CONDUIT_VMMCALL, HCALL_PROBE_X86_DUMP,
				    (uint64_t)(uintptr_t)&frame);
	if (!tap_eq("palacios probe DUMP returns 0", d.rax, 0))
		return;
	tap_eq("palacios call4: number in rax", frame.r[R_RAX], HCALL_PROBE_X86_ECHO);
	tap_eq("palacios call4: arg0 in rbx", frame.r[R_RBX], 0x7b00000000000001ull);
	tap_eq("palacios call4: arg1 in rcx", frame.r[R_RCX], 0x7b00000000000002ull);
	tap_eq("palacios call4: arg2 in rdx", frame.r[R_RDX], 0x7b00000000000003ull);
	tap_eq("palacios call4: arg3 in rsi", frame.r[R_RSI], 0x7b00000000000004ull);
}

/* The numbers the x86 hypervisor registered as its embedder services
 * (arch/x86/palacios_services.c). */
static void embedder_calls(void)
{
	struct hcall_result r;

	r = hcall_palacios_test();
	tap_eq("palacios test = 0 (registered handler ran)", (uint64_t)r.code, 0);
	guest_demo_value("palacios", "test", r.code);
	r = hcall_palacios_guest_info();
	tap_eq("palacios guest_info = 0", (uint64_t)r.code, 0);
	r = hcall_palacios_telemetry();
	tap_eq("palacios telemetry = 0", (uint64_t)r.code, 0);
	r = hcall_palacios_os_debug((uint64_t)(uintptr_t)message,
				    sizeof(message) - 1, 1);
	tap_eq("palacios os_debug (guest-virtual) = 0", (uint64_t)r.code, 0);
	guest_demo_value("palacios", "os_debug", r.code);
	r = hcall_palacios_os_debug((uint64_t)(uintptr_t)message,
				    sizeof(message) - 1, 0);
	tap_eq("palacios os_debug (guest-physical) = 0", (uint64_t)r.code, 0);
	r = hcall_palacios_os_debug(0x40000000ull, 8, 0);
	tap_eq("palacios os_debug of memory outside the VM = -1",
	       (uint64_t)r.code, PAL_FAIL);
	r = hcall_palacios_os_debug((uint64_t)(uintptr_t)message, 1u << 20, 1);
	tap_eq("palacios os_debug with an oversized length = -1",
	       (uint64_t)r.code, PAL_FAIL);
	guest_demo_value("palacios", "os_debug (bad length)", r.code);
	/* vmm_symmod.c: rbx = table, rcx = number of 8-byte entries */
	r = hcall_palacios_symmod_syms((uint64_t)(uintptr_t)symtab, sizeof(symtab) / 8);
	tap_eq("palacios symmod_syms = 0", (uint64_t)r.code, 0);
	r = hcall_palacios_symmod_syms((uint64_t)(uintptr_t)symtab, 0x80000);
	tap_eq("palacios symmod_syms past the VM's memory = -1",
	       (uint64_t)r.code, PAL_FAIL);
	r = hcall_palacios_mem_offset();
	tap_eq("palacios mem_offset = 0", (uint64_t)r.code, 0);
	tap_check(r.value != 0 && (r.value & 0xfff) == 0,
		  "palacios mem_offset: rbx is a page-aligned host address");
}

/* Numbers nobody registered: the core's own answer. */
static void unregistered_calls(void)
{
	struct hcall_result r;

	r = hcall_palacios_time_cpufreq();
	tap_eq("palacios time_cpufreq (not registered) = -1", (uint64_t)r.code,
	       PAL_FAIL);
	guest_demo_value("palacios", "time_cpufreq (unregistered)", r.code);
	tap_eq("palacios unknown number 0x4444 = -1",
	       hcall_palacios_call0_on(HCALL_X86_CONDUIT_VMMCALL, 0x4444).rax,
	       PAL_FAIL);
}

static void run(void)
{
	roles();
	if (guest_need(GUEST_CAP_EMBEDDER, "palacios embedder services (test, os_debug, ...)"))
		embedder_calls();
	unregistered_calls();
}

GUEST_CHECK("palacios", run);
