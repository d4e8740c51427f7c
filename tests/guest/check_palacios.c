/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_palacios.c - Palacios hypercalls through VMMCALL, served
 * by handlers the x86 hypervisor registered with the core's
 * hv_register_hypercall().
 *
 * Expected values from Palacios at b8836aa7 (PeterDinda/palacios:
 * vmm_hypercall.c, vmm_time.c), written here independently of
 * <hcall/abi/palacios.h>: number in rax, up to four arguments in rbx,
 * rcx, rdx, rsi; a successful call leaves rax as it was (the number), a
 * failure is -1, and so is a number nobody registered. hcall_test writes
 * rbx 0x1111, rcx 0x2222, rdx 0x3333, rsi 0x4444, rdi 0x5555;
 * TIME_CPUFREQ returns the frequency (kHz) in rbx.
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
#define NR_TEST 0x0001u
#define NR_GUEST_INFO 0x3000u
#define NR_TIME_CPUFREQ 0xd000u
#define NR_TIME_RDHTSC 0xd001u

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

	struct hcall_palacios_ret d;

	/* TEST: rax untouched, five registers written, rdi included. */
	d = hcall_palacios_call0_on(HCALL_X86_CONDUIT_VMMCALL, NR_TEST);
	tap_eq("palacios test: rax untouched (the number)", d.rax, NR_TEST);
	tap_eq("palacios test: rbx = 0x1111", d.rbx, 0x1111);
	tap_eq("palacios test: rcx = 0x2222", d.rcx, 0x2222);
	tap_eq("palacios test: rdx = 0x3333", d.rdx, 0x3333);
	tap_eq("palacios test: rsi = 0x4444", d.rsi, 0x4444);
	tap_eq("palacios test: rdi = 0x5555", d.rdi, 0x5555);
	r = hcall_palacios_test();
	tap_eq("palacios test: the typed call reads it as success", (uint64_t)r.code, 0);
	tap_check(hcall_ok(r), "palacios test: status OK");
	guest_demo_value("palacios", "test", r.code);

	d = hcall_palacios_call0_on(HCALL_X86_CONDUIT_VMMCALL, NR_GUEST_INFO);
	tap_eq("palacios guest_info: rax untouched", d.rax, NR_GUEST_INFO);
	r = hcall_palacios_guest_info();
	tap_check(hcall_ok(r), "palacios guest_info: typed success");
	r = hcall_palacios_telemetry();
	tap_eq("palacios telemetry (never registered in Palacios) = -1",
	       (uint64_t)r.code, PAL_FAIL);

	/* TIME_CPUFREQ: rbx, not rcx; rax untouched. */
	d = hcall_palacios_call0_on(HCALL_X86_CONDUIT_VMMCALL, NR_TIME_CPUFREQ);
	tap_eq("palacios time_cpufreq: rax untouched", d.rax, NR_TIME_CPUFREQ);
	tap_check(d.rbx >= 1000 && d.rbx < 100000000,
		  "palacios time_cpufreq: rbx is a frequency in kHz (1 MHz .. 100 GHz)");
	tap_note_hex("time_cpufreq kHz", d.rbx);
	r = hcall_palacios_time_cpufreq();
	tap_check(hcall_ok(r) && r.value == d.rbx,
		  "palacios time_cpufreq: the typed call's value is rbx");
	d = hcall_palacios_call0_on(HCALL_X86_CONDUIT_VMMCALL, NR_TIME_RDHTSC);
	tap_eq("palacios time_rdhtsc: rax untouched", d.rax, NR_TIME_RDHTSC);
	tap_check(d.rbx != 0, "palacios time_rdhtsc: rbx is the host TSC");
	r = hcall_palacios_os_debug((uint64_t)(uintptr_t)message,
				    sizeof(message) - 1, 1);
	tap_check(hcall_ok(r), "palacios os_debug (guest-virtual) succeeds");
	guest_demo_value("palacios", "os_debug", r.code);
	r = hcall_palacios_os_debug((uint64_t)(uintptr_t)message,
				    sizeof(message) - 1, 0);
	tap_check(hcall_ok(r), "palacios os_debug (guest-physical) succeeds");
	r = hcall_palacios_os_debug(0x40000000ull, 8, 0);
	tap_eq("palacios os_debug of memory outside the VM = -1",
	       (uint64_t)r.code, PAL_FAIL);
	r = hcall_palacios_os_debug((uint64_t)(uintptr_t)message, 1u << 20, 1);
	tap_eq("palacios os_debug with an oversized length = -1",
	       (uint64_t)r.code, PAL_FAIL);
	guest_demo_value("palacios", "os_debug (bad length)", r.code);
	/* vmm_symmod.c: rbx = table, rcx = number of 8-byte entries */
	r = hcall_palacios_symmod_syms((uint64_t)(uintptr_t)symtab, sizeof(symtab) / 8);
	tap_check(hcall_ok(r), "palacios symmod_syms succeeds");
	r = hcall_palacios_symmod_syms((uint64_t)(uintptr_t)symtab, 0x80000);
	tap_eq("palacios symmod_syms past the VM's memory = -1",
	       (uint64_t)r.code, PAL_FAIL);
	/* b8836aa7's MEM_OFFSET handler fails (a VM-level error there). */
	r = hcall_palacios_mem_offset();
	tap_eq("palacios mem_offset fails as at the pinned commit = -1",
	       (uint64_t)r.code, PAL_FAIL);
}

/* Numbers nobody registered: the core's own answer. */
static void unregistered_calls(void)
{
	struct hcall_result r;

	r = hcall_palacios_balloon_query(0);
	tap_eq("palacios balloon_query (no balloon device) = -1", (uint64_t)r.code,
	       PAL_FAIL);
	guest_demo_value("palacios", "balloon_query (unregistered)", r.code);
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
