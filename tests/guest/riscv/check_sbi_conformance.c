/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/check_sbi_conformance.c - the SBI conformance checks
 * of an S-mode (or VS-mode) kernel: probes of every extension, TIME, IPI,
 * RFENCE, HSM on a second hart, PMU counters and SRST's refusals.
 *
 * Each check is written against the SBI specification (v2.0/v3.0) and
 * needs no particular implementation: an extension the implementation
 * does not report (probe_extension = 0) is skipped with that reason, and
 * HSM checks need a second hart in the STOPPED state. Where answers
 * legitimately differ between implementations (which extensions exist,
 * how many PMU counters), the expected answers are a per-implementation
 * profile below, chosen by get_impl_id/get_impl_version; an unknown
 * implementation gets the specification's checks only.
 *
 * DBCN (write_byte, write, read, a buffer above 2^64) runs where the
 * probe says it exists (not on OpenSBI v1.1).
 *
 * Numbers are written here from the specification, not taken from
 * <hcall/abi/sbi*.h>:
 *   EIDs: BASE 0x10, TIME "TIME", IPI "sPI", RFENCE "RFNC", HSM "HSM",
 *   SRST "SRST", PMU "PMU", DBCN "DBCN", SUSP "SUSP", CPPC "CPPC", NACL
 *   "NACL", STA "STA", SSE "SSE", FWFT "FWFT", DBTR "DBTR", MPXY "MPXY",
 *   legacy 0x00..0x08.
 *   HSM states: STARTED 0, STOPPED 1, START_PENDING 2, STOP_PENDING 3.
 *   Errors: INVALID_PARAM -3, DENIED -4, INVALID_ADDRESS -5,
 *   ALREADY_AVAILABLE -6.
 *   sip: SSIP bit 1, STIP bit 5; scause interrupt 5 = supervisor timer.
 *   PMU counter_info: CSR [11:0], width - 1 [17:12], firmware [63].
 *
 * The OpenSBI v1.1 profile is what that firmware answers under QEMU 7.2
 * (measured with raw ecalls through this file, and read in its sources:
 * lib/sbi/sbi_ecall_*.c, sbi_pmu.c). The hcall profile is what
 * hv/svc_sbi.c documents.
 */
#include <hcall/sbi.h>

#include "../guest.h"
#include "../tap.h"
#include "rv_guest.h"

#define SPEC_EID_BASE 0x10u
#define SPEC_EID_TIME 0x54494D45u
#define SPEC_EID_IPI 0x735049u
#define SPEC_EID_RFENCE 0x52464E43u
#define SPEC_EID_HSM 0x48534Du
#define SPEC_EID_SRST 0x53525354u
#define SPEC_EID_PMU 0x504D55u
#define SPEC_EID_SUSP 0x53555350u

#define SPEC_HSM_STARTED 0u
#define SPEC_HSM_STOPPED 1u
#define SPEC_HSM_START_PENDING 2u
#define SPEC_HSM_STOP_PENDING 3u

#define SPEC_ERR_INVALID_PARAM (-3)
#define SPEC_ERR_DENIED (-4)
#define SPEC_ERR_INVALID_ADDRESS (-5)
#define SPEC_ERR_ALREADY_AVAILABLE (-6)

#define SIP_SSIP (1ul << 1)
#define SIP_STIP (1ul << 5)
#define SIE_SSIE SIP_SSIP
#define SIE_STIE SIP_STIP
#define SSTATUS_SIE (1ul << 1)

#define SPEC_PMU_FW (1ull << 63)

/* ---- implementation profiles ---------------------------------------- */

enum impl {
	IMPL_UNKNOWN = 0,
	IMPL_OPENSBI_1_1 = 1,
	IMPL_HCALL = 2,
};

static const char *const impl_name[] = { "an unknown implementation",
					 "OpenSBI v1.1", "the hcall hypervisor" };

/*
 * probe_extension per implementation: 1 present, 0 absent. OpenSBI v1.1
 * implements BASE, TIME, IPI, RFENCE, HSM, SRST, PMU and the legacy
 * calls; the hcall hypervisor (riscv glue) BASE, TIME, IPI, RFENCE,
 * HSM, SRST, DBCN, SUSP and the legacy calls.
 */
static const struct ext_row {
	uint32_t eid;
	const char *name;
	uint8_t present[3]; /* by enum impl; [IMPL_UNKNOWN] unused */
} exts[] = {
	{ SPEC_EID_BASE, "BASE", { 0, 1, 1 } },
	{ SPEC_EID_TIME, "TIME", { 0, 1, 1 } },
	{ SPEC_EID_IPI, "IPI", { 0, 1, 1 } },
	{ SPEC_EID_RFENCE, "RFENCE", { 0, 1, 1 } },
	{ SPEC_EID_HSM, "HSM", { 0, 1, 1 } },
	{ SPEC_EID_SRST, "SRST", { 0, 1, 1 } },
	{ SPEC_EID_PMU, "PMU", { 0, 1, 0 } },
	{ 0x4442434Eu, "DBCN", { 0, 0, 1 } },
	{ SPEC_EID_SUSP, "SUSP", { 0, 0, 1 } },
	{ 0x43505043u, "CPPC", { 0, 0, 0 } },
	{ 0x4E41434Cu, "NACL", { 0, 0, 0 } },
	{ 0x535441u, "STA", { 0, 0, 0 } },
	{ 0x535345u, "SSE", { 0, 0, 0 } },
	{ 0x46574654u, "FWFT", { 0, 0, 0 } },
	{ 0x44425452u, "DBTR", { 0, 0, 0 } },
	{ 0x4D505859u, "MPXY", { 0, 0, 0 } },
	{ 0x00u, "legacy set_timer", { 0, 1, 1 } },
	{ 0x01u, "legacy console_putchar", { 0, 1, 1 } },
	{ 0x02u, "legacy console_getchar", { 0, 1, 1 } },
	{ 0x03u, "legacy clear_ipi", { 0, 1, 1 } },
	{ 0x04u, "legacy send_ipi", { 0, 1, 1 } },
	{ 0x05u, "legacy remote_fence_i", { 0, 1, 1 } },
	{ 0x06u, "legacy remote_sfence_vma", { 0, 1, 1 } },
	{ 0x07u, "legacy remote_sfence_vma_asid", { 0, 1, 1 } },
	{ 0x08u, "legacy shutdown", { 0, 1, 1 } },
};
#define N_EXTS (sizeof(exts) / sizeof(exts[0]))

static enum impl impl;
static uint8_t present[N_EXTS];
static uint64_t self_hart;

/* ---- small helpers ------------------------------------------------------ */

static char namebuf[96];

/* "<a><b>" in a static buffer, for check names built at run time. */
static const char *cat(const char *a, const char *b)
{
	unsigned n = 0;

	while (*a && n < sizeof(namebuf) - 1)
		namebuf[n++] = *a++;
	while (*b && n < sizeof(namebuf) - 1)
		namebuf[n++] = *b++;
	namebuf[n] = 0;
	return namebuf;
}

static int has(uint32_t eid)
{
	for (unsigned i = 0; i < N_EXTS; i++)
		if (exts[i].eid == eid)
			return present[i];
	return 0;
}

/* Skip `check` unless extension eid answered the probe. */
static int need(uint32_t eid, const char *ext, const char *check)
{
	if (has(eid))
		return 1;
	tap_skip(check, cat(ext, " not implemented here (probe_extension answered 0)"));
	return 0;
}

static inline uint64_t rdtime(void)
{
	uint64_t t;

	__asm__ __volatile__("csrr %0, time" : "=r"(t));
	return t;
}

static inline uint64_t read_sip(void)
{
	uint64_t v;

	__asm__ __volatile__("csrr %0, sip" : "=r"(v) : : "memory");
	return v;
}

static inline void fence(void)
{
	__asm__ __volatile__("fence rw, rw" ::: "memory");
}

/*
 * While waiting for the other hart: the hcall hypervisor runs every vCPU
 * on one hart and switches only when a vCPU idles (wfi traps to it), so
 * there a waiting hart idles; real harts (OpenSBI) just spin, since a
 * wfi with no interrupt enabled may never return.
 */
static void relax(void)
{
	if (impl == IMPL_HCALL)
		__asm__ __volatile__("wfi" ::: "memory");
	else
		fence();
}

/* QEMU virt's timebase is 10 MHz: 2 s of polling, and a loop bound in
 * case time does not advance at all. */
#define WAIT_TICKS 20000000ull
#define WAIT_LOOPS 50000000ull

/* Poll until *flag is non-zero; 1 if it got there. */
static int wait_flag(volatile uint64_t *flag)
{
	uint64_t start = rdtime();

	for (uint64_t i = 0; i < WAIT_LOOPS; i++) {
		fence();
		if (*flag)
			return 1;
		relax();
		if (rdtime() - start > WAIT_TICKS)
			break;
	}
	return *flag != 0;
}

/* Poll until sip has `bit`, sleeping in wfi (the bit is enabled in sie,
 * so wfi wakes on it even with sstatus.SIE clear). */
static int wait_sip(uint64_t bit)
{
	uint64_t start = rdtime();

	for (uint64_t i = 0; i < WAIT_LOOPS; i++) {
		if (read_sip() & bit)
			return 1;
		if (rdtime() - start > WAIT_TICKS)
			break;
		__asm__ __volatile__("wfi" ::: "memory");
	}
	return (read_sip() & bit) != 0;
}

/* ---- probes --------------------------------------------------------- */

static void identify(void)
{
	struct hcall_sbi_ret id = hcall_sbi_call0(SPEC_EID_BASE, 1);
	struct hcall_sbi_ret ver = hcall_sbi_call0(SPEC_EID_BASE, 2);

	impl = IMPL_UNKNOWN;
	if (id.error == 0 && id.value == 1 && ver.error == 0 && ver.value == 0x10001)
		impl = IMPL_OPENSBI_1_1;
	else if (id.error == 0 && id.value == 0x6863616Cu)
		impl = IMPL_HCALL;
	tap_puts("# SBI implementation: ");
	tap_puts(impl_name[impl]);
	tap_puts(", boot hart ");
	tap_dec(self_hart);
	tap_putc('\n');
#ifdef GUEST_PEER
	tap_eq("peer firmware is OpenSBI v1.1 (impl id 1, version 0x10001)", impl,
	       IMPL_OPENSBI_1_1);
#endif
}

/* probe_extension of every EID, through the raw ecall. */
static void probes(void)
{
	for (unsigned i = 0; i < N_EXTS; i++) {
		struct hcall_sbi_ret r = hcall_sbi_call1(SPEC_EID_BASE, 3, exts[i].eid);

		present[i] = r.error == 0 && r.value != 0;
		tap_eq(cat("probe error 0: ", exts[i].name), (uint64_t)r.error, 0);
		if (impl == IMPL_UNKNOWN) {
			tap_note_hex(cat("probe ", exts[i].name), r.value);
			continue;
		}
		tap_eq(cat(impl == IMPL_OPENSBI_1_1 ? "probe (as OpenSBI v1.1): "
						    : "probe (as hcall documents): ",
			   exts[i].name),
		       present[i], exts[i].present[impl]);
	}
}

/* ---- TIME ------------------------------------------------------------ */

extern volatile unsigned rv_guest_timer_count;
extern volatile uint64_t rv_guest_timer_time;

static void irq_on(void)
{
	__asm__ __volatile__("csrs sstatus, %0" : : "r"(SSTATUS_SIE) : "memory");
}

static void irq_off(void)
{
	__asm__ __volatile__("csrc sstatus, %0" : : "r"(SSTATUS_SIE) : "memory");
}

/*
 * The interrupt is observed by taking it (the runtime's handler counts
 * it, records the time and masks sie.STIE), not by reading sip.STIP:
 * under QEMU 7.2 a VS-mode guest takes its Sstc timer interrupt but
 * does not see it in sip.
 */
static void timer(void)
{
	const char *c = "TIME: set_timer raises the supervisor timer interrupt";
	uint64_t deadline, start;
	struct hcall_sbi_ret r;

	if (!need(SPEC_EID_TIME, "TIME", c))
		return;
	rv_guest_timer_count = 0;
	__asm__ __volatile__("csrs sie, %0" : : "r"(SIE_STIE) : "memory");
	deadline = rdtime() + 500000; /* 50 ms at 10 MHz */
	r = hcall_sbi_call1(SPEC_EID_TIME, 0, deadline);
	tap_eq("TIME set_timer(now + 50 ms): SUCCESS", (uint64_t)r.error, 0);
	start = rdtime();
	irq_on();
	while (!rv_guest_timer_count && rdtime() - start < WAIT_TICKS)
		relax();
	irq_off();
	tap_eq(c, rv_guest_timer_count, 1);
	tap_check(rv_guest_timer_count && rv_guest_timer_time >= deadline,
		  "TIME: the interrupt came at the deadline, not before");
	/* A deadline that never comes: no interrupt any more. */
	r = hcall_sbi_call1(SPEC_EID_TIME, 0, ~0ull);
	tap_eq("TIME set_timer(never): SUCCESS", (uint64_t)r.error, 0);
	__asm__ __volatile__("csrs sie, %0" : : "r"(SIE_STIE) : "memory");
	irq_on();
	start = rdtime();
	while (rdtime() - start < 100000) /* 10 ms */
		relax();
	irq_off();
	__asm__ __volatile__("csrc sie, %0" : : "r"(SIE_STIE) : "memory");
	tap_eq("TIME: a later deadline clears the pending interrupt", rv_guest_timer_count, 1);
}

/* ---- IPI and RFENCE to this hart ---------------------------------------- */

static void ipi_self(void)
{
	const char *c = "IPI: send_ipi to this hart sets sip.SSIP";
	struct hcall_sbi_ret r;

	if (!need(SPEC_EID_IPI, "IPI", c))
		return;
	__asm__ __volatile__("csrc sip, %0" : : "r"(SIP_SSIP) : "memory");
	__asm__ __volatile__("csrs sie, %0" : : "r"(SIE_SSIE) : "memory");
	r = hcall_sbi_call2(SPEC_EID_IPI, 0, 1, self_hart); /* mask 1, base = self */
	tap_eq("IPI send_ipi(self): SUCCESS", (uint64_t)r.error, 0);
	tap_check(wait_sip(SIP_SSIP), c);
	__asm__ __volatile__("csrc sip, %0" : : "r"(SIP_SSIP) : "memory");
	__asm__ __volatile__("csrc sie, %0" : : "r"(SIE_SSIE) : "memory");
	tap_check(!(read_sip() & SIP_SSIP), "IPI: sip.SSIP clears when written");
}

/* Legacy (v0.1): a7 = EID, a0 = the address of the hart mask; a0 = result. */
static unsigned long legacy_mask;

static void legacy(void)
{
	const char *c = "legacy send_ipi(&mask of this hart) sets sip.SSIP";
	int64_t r;

	if (!need(0x04u, "legacy send_ipi", c))
		return;
	legacy_mask = 1ul << self_hart;
	__asm__ __volatile__("csrc sip, %0" : : "r"(SIP_SSIP) : "memory");
	__asm__ __volatile__("csrs sie, %0" : : "r"(SIE_SSIE) : "memory");
	r = hcall_sbi_legacy_send_ipi(&legacy_mask).code;
	tap_eq("legacy send_ipi: 0", (uint64_t)r, 0);
	tap_check(wait_sip(SIP_SSIP), c);
	if (need(0x03u, "legacy clear_ipi", "legacy clear_ipi clears sip.SSIP")) {
		r = hcall_sbi_legacy_clear_ipi().code;
		tap_eq("legacy clear_ipi: 0", (uint64_t)r, 0);
		tap_check(!(read_sip() & SIP_SSIP), "legacy clear_ipi clears sip.SSIP");
	}
	__asm__ __volatile__("csrc sip, %0" : : "r"(SIP_SSIP) : "memory");
	__asm__ __volatile__("csrc sie, %0" : : "r"(SIE_SSIE) : "memory");
	if (!need(0x05u, "legacy remote fences", "legacy remote fences"))
		return;
	tap_eq("legacy remote_fence_i(&mask): 0",
	       (uint64_t)hcall_sbi_legacy_remote_fence_i(&legacy_mask).code, 0);
	tap_eq("legacy remote_sfence_vma(&mask, all): 0",
	       (uint64_t)hcall_sbi_legacy_remote_sfence_vma(&legacy_mask, 0, ~0ull).code, 0);
	tap_eq("legacy remote_sfence_vma_asid(&mask, all, ASID 0): 0",
	       (uint64_t)hcall_sbi_legacy_remote_sfence_vma_asid(&legacy_mask, 0, ~0ull, 0).code,
	       0);
}

static void rfence_to(uint64_t mask, uint64_t base, const char *who)
{
	struct hcall_sbi_ret r;

	r = hcall_sbi_call2(SPEC_EID_RFENCE, 0, mask, base);
	tap_eq(cat("RFENCE remote_fence_i: SUCCESS, ", who), (uint64_t)r.error, 0);
	r = hcall_sbi_call4(SPEC_EID_RFENCE, 1, mask, base, 0, ~0ull);
	tap_eq(cat("RFENCE remote_sfence_vma (all): SUCCESS, ", who), (uint64_t)r.error, 0);
	r = hcall_sbi_call4(SPEC_EID_RFENCE, 1, mask, base, 0x80200000, 0x1000);
	tap_eq(cat("RFENCE remote_sfence_vma (a page): SUCCESS, ", who),
	       (uint64_t)r.error, 0);
	r = hcall_sbi_call5(SPEC_EID_RFENCE, 2, mask, base, 0, ~0ull, 0);
	tap_eq(cat("RFENCE remote_sfence_vma_asid (ASID 0): SUCCESS, ", who),
	       (uint64_t)r.error, 0);
}

/* ---- HSM on a second hart ---------------------------------------------- */

#define OPAQUE 0x5eed0fc0ffee1234ull

static struct {
	volatile uint64_t alive, hartid, opaque, sip_at_start;
	volatile uint64_t ipi_seen, may_stop, stop_returned;
} smp;

extern char sbi_secondary_entry[], sbi_stop_self[];
extern volatile uint64_t sbi_secondary_fault;
void sbi_secondary_main(uint64_t hartid, uint64_t opaque);
/* start.S: a hart that entered the kernel's own entry point late. */
extern volatile uint32_t rv_late_hart_count;
extern volatile uint64_t rv_late_hart_id, rv_late_hart_release;

/* The started hart: report, wait for an IPI (or may_stop), then stop itself. */
void sbi_secondary_main(uint64_t hartid, uint64_t opaque)
{
	smp.hartid = hartid;
	smp.opaque = opaque;
	smp.sip_at_start = read_sip();
	__asm__ __volatile__("csrc sip, %0" : : "r"(SIP_SSIP) : "memory");
	__asm__ __volatile__("csrs sie, %0" : : "r"(SIE_SSIE) : "memory");
	fence();
	smp.alive = 1;
	/* Polled, not wfi: a write to may_stop would not wake it. */
	while (!(read_sip() & SIP_SSIP) && !smp.may_stop)
		relax();
	if (read_sip() & SIP_SSIP) {
		__asm__ __volatile__("csrc sip, %0" : : "r"(SIP_SSIP) : "memory");
		fence();
		smp.ipi_seen = 1;
	}
	while (!smp.may_stop)
		relax();
	__asm__ __volatile__("csrc sie, %0" : : "r"(SIE_SSIE) : "memory");
	(void)hcall_sbi_call0(SPEC_EID_HSM, 1); /* hart_stop */
	smp.stop_returned = 1;
	fence();
}

static uint64_t hart_status(uint64_t hart, int64_t *err)
{
	struct hcall_sbi_ret r = hcall_sbi_call1(SPEC_EID_HSM, 2, hart);

	*err = r.error;
	return r.value;
}

/* A hart other than this one in the STOPPED state, or -1. */
static uint64_t find_stopped_hart(void)
{
	for (uint64_t h = 0; h < 8; h++) {
		int64_t err;
		uint64_t st;

		if (h == self_hart)
			continue;
		st = hart_status(h, &err);
		if (err == 0 && st == SPEC_HSM_STOPPED)
			return h;
	}
	return ~0ull;
}

static void wait_stopped(uint64_t hart, uint64_t *st)
{
	uint64_t start = rdtime();
	int64_t err;

	for (;;) {
		*st = hart_status(hart, &err);
		if (*st == SPEC_HSM_STOPPED || err != 0 || rdtime() - start >= WAIT_TICKS)
			break;
		relax();
	}
}

/*
 * hart_start(other, sbi_secondary_entry, opaque) and wait for the hart to
 * report. OpenSBI v1.1 has a race (fixed upstream by "lib: sbi: Set the
 * state of a hart to START_PENDING after the hart is ready", e8e9ed37):
 * it publishes START_PENDING before it writes start_addr, so a hart that
 * is still on its way into the HSM wait loop may start at the firmware's
 * boot address, the kernel's own entry, instead. start.S parks such a
 * hart; on that firmware the hart is stopped and started again, and the
 * retry is noted. Anywhere else it is a failure.
 */
static int start_other(uint64_t other, uint64_t opaque, const char *check)
{
	struct hcall_sbi_ret r;
	uint64_t st;

	for (unsigned attempt = 0; attempt < 3; attempt++) {
		uint32_t late = rv_late_hart_count;
		uint64_t start = rdtime();

		smp.alive = 0;
		fence();
		r = hcall_sbi_call3(SPEC_EID_HSM, 0, other,
				    (uint64_t)(uintptr_t)sbi_secondary_entry, opaque);
		if (r.error != 0)
			return tap_eq("HSM hart_start(stopped hart): SUCCESS", (uint64_t)r.error, 0);
		while (!smp.alive && rv_late_hart_count == late && rdtime() - start < WAIT_TICKS)
			relax();
		if (smp.alive || rv_late_hart_count == late)
			return tap_check(smp.alive, check);
		tap_note_hex("HSM: the hart entered the kernel's boot entry, not start_addr: hart",
			     rv_late_hart_id);
		if (impl != IMPL_OPENSBI_1_1)
			return tap_check(0, check);
		tap_note("OpenSBI v1.1 start_addr race (fixed upstream in e8e9ed37): stop it, retry");
		rv_late_hart_release = (uint64_t)(uintptr_t)sbi_stop_self;
		fence();
		wait_stopped(other, &st);
		rv_late_hart_release = 0;
		fence();
		/* Let it settle into the firmware's wait loop (50 ms). */
		start = rdtime();
		while (rdtime() - start < 500000)
			;
	}
	return tap_check(0, check);
}

static void hsm(void)
{
	const char *c = "HSM: hart_start runs a stopped hart at its entry point";
	struct hcall_sbi_ret r;
	uint64_t other, st;
	int64_t err;

	if (!need(SPEC_EID_HSM, "HSM", c))
		return;
	st = hart_status(self_hart, &err);
	tap_eq("HSM hart_get_status(self): SUCCESS", (uint64_t)err, 0);
	tap_eq("HSM hart_get_status(self): STARTED", st, SPEC_HSM_STARTED);
	r = hcall_sbi_call3(SPEC_EID_HSM, 0, self_hart, (uint64_t)(uintptr_t)sbi_secondary_entry, 0);
	tap_eq("HSM hart_start(self): ALREADY_AVAILABLE", (uint64_t)r.error,
	       (uint64_t)(int64_t)SPEC_ERR_ALREADY_AVAILABLE);
	r = hcall_sbi_call1(SPEC_EID_HSM, 2, 0x7fffu);
	tap_eq("HSM hart_get_status(no such hart): INVALID_PARAM", (uint64_t)r.error,
	       (uint64_t)(int64_t)SPEC_ERR_INVALID_PARAM);
	r = hcall_sbi_call3(SPEC_EID_HSM, 0, 0x7fffu, (uint64_t)(uintptr_t)sbi_secondary_entry, 0);
	tap_eq("HSM hart_start(no such hart): INVALID_PARAM", (uint64_t)r.error,
	       (uint64_t)(int64_t)SPEC_ERR_INVALID_PARAM);

	other = find_stopped_hart();
	if (other == ~0ull) {
		tap_skip(c, "no other hart in the STOPPED state (one hart only?)");
		return;
	}
	tap_puts("# HSM: second hart ");
	tap_dec(other);
	tap_putc('\n');
	if (!start_other(other, OPAQUE, c)) {
		tap_note_hex("the started hart trapped with scause", sbi_secondary_fault);
		return;
	}
	tap_eq("HSM: the started hart got a0 = its hart ID", smp.hartid, other);
	tap_eq("HSM: the started hart got a1 = the opaque value", smp.opaque, OPAQUE);
	st = hart_status(other, &err);
	tap_eq("HSM hart_get_status(started hart): STARTED", st, SPEC_HSM_STARTED);
	r = hcall_sbi_call3(SPEC_EID_HSM, 0, other, (uint64_t)(uintptr_t)sbi_secondary_entry, 0);
	tap_eq("HSM hart_start(started hart): ALREADY_AVAILABLE", (uint64_t)r.error,
	       (uint64_t)(int64_t)SPEC_ERR_ALREADY_AVAILABLE);

	if (need(SPEC_EID_IPI, "IPI", "IPI: a software interrupt reaches the other hart")) {
		r = hcall_sbi_call2(SPEC_EID_IPI, 0, 1, other);
		tap_eq("IPI send_ipi(other hart): SUCCESS", (uint64_t)r.error, 0);
		tap_check(wait_flag(&smp.ipi_seen),
			  "IPI: a software interrupt reaches the other hart");
	}
	if (need(SPEC_EID_RFENCE, "RFENCE", "RFENCE to the other hart")) {
		rfence_to(1, other, "other hart");
		rfence_to((1ull << other) | (1ull << self_hart), 0, "both harts (mask, base 0)");
		rfence_to(0, ~0ull, "every hart (base -1)");
	}

	if (has(SPEC_EID_SUSP)) {
		r = hcall_sbi_call3(SPEC_EID_SUSP, 0, 0,
				    (uint64_t)(uintptr_t)sbi_secondary_entry, 0);
		tap_eq("SUSP with another hart STARTED: DENIED", (uint64_t)r.error,
		       (uint64_t)(int64_t)SPEC_ERR_DENIED);
	}

	smp.may_stop = 1;
	fence();
	wait_stopped(other, &st);
	tap_eq("HSM: after hart_stop the hart is STOPPED again", st, SPEC_HSM_STOPPED);
	tap_eq("HSM: hart_stop did not return", smp.stop_returned, 0);
	/* Started again, the hart starts from scratch (fresh a0/a1). */
	smp.opaque = 0;
	smp.ipi_seen = 0;
	smp.may_stop = 0;
	fence();
	if (!start_other(other, OPAQUE + 1, "HSM: a stopped hart starts a second time"))
		return;
	tap_eq("HSM: ... with the new opaque value", smp.opaque, OPAQUE + 1);
	smp.may_stop = 1;
	fence();
	wait_stopped(other, &st);
	tap_eq("HSM: and stops again", st, SPEC_HSM_STOPPED);
}

/* ---- suspend: HSM hart_suspend and SUSP ------------------------------ */

/* Saved by sbi_suspend_call (sbi_smp.S), which also records a resume. */
struct sbi_resume_ctx {
	uint64_t saved[17]; /* ra, sp, gp, tp, s0-s11, stvec */
	uint64_t hartid, opaque; /* a0/a1 at sbi_resume_entry */
};
int64_t sbi_suspend_call(struct sbi_resume_ctx *ctx, uint64_t eid, uint64_t fid,
			 uint64_t type);

static struct sbi_resume_ctx rctx;

/*
 * One suspend with a timer armed 10 ms ahead as the wake-up event (an
 * implementation may wait for one, as OpenSBI's wfi does; the hcall
 * hypervisor wakes at once). A retentive type returns SUCCESS; a
 * non-retentive one comes back at the resume address with a0 = the hart
 * ID and a1 = the opaque value. NOT_SUPPORTED (a valid type this
 * implementation lacks) is a skip.
 */
static void suspend_once(const char *name, uint32_t eid, uint64_t fid, uint64_t type,
			 int non_retentive)
{
	int64_t got;

	rctx.hartid = ~0ull;
	rctx.opaque = 0;
	__asm__ __volatile__("csrs sie, %0" : : "r"(SIE_STIE) : "memory");
	(void)hcall_sbi_call1(SPEC_EID_TIME, 0, rdtime() + 100000);
	got = sbi_suspend_call(&rctx, eid, fid, type);
	(void)hcall_sbi_call1(SPEC_EID_TIME, 0, ~0ull);
	__asm__ __volatile__("csrc sie, %0" : : "r"(SIE_STIE) : "memory");
	if (got == -2) {
		tap_skip(name, "NOT_SUPPORTED: this implementation lacks the suspend type");
		return;
	}
	if (!non_retentive) {
		tap_eq(name, (uint64_t)got, 0);
		return;
	}
	tap_eq(name, (uint64_t)got, 1);
	tap_eq(cat(name, ": a0 = the hart ID"), rctx.hartid, self_hart);
	tap_eq(cat(name, ": a1 = the opaque value"), rctx.opaque,
	       (uint64_t)(uintptr_t)&rctx);
}

static void suspend(void)
{
	if (!has(SPEC_EID_TIME)) {
		tap_skip("suspend and resume", "no TIME extension for a wake-up event");
		return;
	}
	if (need(SPEC_EID_HSM, "HSM", "HSM hart_suspend")) {
		suspend_once("HSM hart_suspend(default retentive): SUCCESS after waking",
			     SPEC_EID_HSM, 3, 0x00000000u, 0);
		suspend_once("HSM hart_suspend(default non-retentive): resumed at resume_addr",
			     SPEC_EID_HSM, 3, 0x80000000u, 1);
	}
	/* Every other hart is STOPPED again after hsm(). */
	if (need(SPEC_EID_SUSP, "SUSP", "SUSP system_suspend"))
		suspend_once("SUSP suspend to RAM: resumed at resume_addr", SPEC_EID_SUSP, 0, 0, 1);
}

/* ---- PMU ----------------------------------------------------------------- */

static void pmu(void)
{
	const char *c = "PMU: num_counters and counter_get_info agree";
	struct hcall_sbi_ret r;
	uint64_t n, hw = 0, fw = 0, bad = 0, invalid = 0;

	if (!need(SPEC_EID_PMU, "PMU", c))
		return;
	r = hcall_sbi_call0(SPEC_EID_PMU, 0);
	tap_eq("PMU num_counters: SUCCESS", (uint64_t)r.error, 0);
	n = r.value;
	tap_check(n > 0 && n <= 64, "PMU num_counters: between 1 and 64");
	tap_note_hex("PMU num_counters", n);
	for (uint64_t i = 0; i < n && i < 64; i++) {
		r = hcall_sbi_call1(SPEC_EID_PMU, 1, i);
		if (r.error == SPEC_ERR_INVALID_PARAM) {
			invalid++; /* an index with no counter behind it */
			continue;
		}
		if (r.error != 0) {
			bad++;
			continue;
		}
		if (r.value & SPEC_PMU_FW) {
			fw++;
			continue;
		}
		hw++;
		/* A hardware counter is a user counter CSR: cycle 0xC00 ..
		 * hpmcounter31 0xC1F, 1 to 64 bits wide. */
		if ((r.value & 0xFFF) < 0xC00 || (r.value & 0xFFF) > 0xC1F)
			bad++;
	}
	tap_eq("PMU counter_get_info: every index succeeds or is INVALID_PARAM", bad, 0);
	tap_eq(c, hw + fw + invalid, n);
	tap_check(hw + fw > 0, "PMU: at least one counter described");
	r = hcall_sbi_call1(SPEC_EID_PMU, 1, n);
	tap_eq("PMU counter_get_info(num_counters): INVALID_PARAM", (uint64_t)r.error,
	       (uint64_t)(int64_t)SPEC_ERR_INVALID_PARAM);
	if (impl != IMPL_OPENSBI_1_1) {
		tap_skip("PMU counter layout of OpenSBI v1.1",
			 "counter numbering is implementation-defined");
		return;
	}
	/* OpenSBI v1.1 (sbi_pmu.c): 16 firmware counters after the hardware
	 * ones; index 0 = cycle (0xC00), 2 = instret (0xC02), both 64 bits;
	 * index 1 (time) has no counter. */
	tap_eq("PMU (OpenSBI v1.1): 16 firmware counters", fw, 16);
	r = hcall_sbi_call1(SPEC_EID_PMU, 1, 0);
	tap_eq("PMU (OpenSBI v1.1): counter 0 is cycle, 64 bits",
	       r.value, (63ull << 12) | 0xC00);
	r = hcall_sbi_call1(SPEC_EID_PMU, 1, 2);
	tap_eq("PMU (OpenSBI v1.1): counter 2 is instret, 64 bits",
	       r.value, (63ull << 12) | 0xC02);
	r = hcall_sbi_call1(SPEC_EID_PMU, 1, 1);
	tap_eq("PMU (OpenSBI v1.1): counter 1 (time) is INVALID_PARAM", (uint64_t)r.error,
	       (uint64_t)(int64_t)SPEC_ERR_INVALID_PARAM);
}

/* ---- DBCN ---------------------------------------------------------------- */

#define SPEC_EID_DBCN 0x4442434Eu

static const char dbcn_buf[] = "# DBCN write\r\n";

static char dbcn_rd[16];

static void dbcn(void)
{
	const char *c = "DBCN console_write: SUCCESS, 1..n bytes written";
	struct hcall_sbi_ret r;
	uint64_t n = sizeof(dbcn_buf) - 1, buf = (uint64_t)(uintptr_t)dbcn_buf;

	if (!need(SPEC_EID_DBCN, "DBCN", c))
		return;
	r = hcall_sbi_call1(SPEC_EID_DBCN, 2, '\n'); /* an empty TAP line */
	tap_eq("DBCN console_write_byte: SUCCESS", (uint64_t)r.error, 0);
	r = hcall_sbi_call3(SPEC_EID_DBCN, 0, n, buf, 0);
	tap_check(r.error == 0 && r.value >= 1 && r.value <= n, c);
	r = hcall_sbi_call3(SPEC_EID_DBCN, 0, n, buf, 1);
	tap_eq("DBCN console_write above 2^64 (base_addr_hi 1): INVALID_PARAM",
	       (uint64_t)r.error, (uint64_t)(int64_t)SPEC_ERR_INVALID_PARAM);
	r = hcall_sbi_call3(SPEC_EID_DBCN, 1, sizeof(dbcn_rd), (uint64_t)(uintptr_t)dbcn_rd, 0);
	tap_check(r.error == 0 && r.value <= sizeof(dbcn_rd),
		  "DBCN console_read: SUCCESS, at most n bytes read");
}

/* ---- SUSP ---------------------------------------------------------------- */

static void susp(void)
{
	struct hcall_sbi_ret r;

	if (!need(SPEC_EID_SUSP, "SUSP", "SUSP refuses a reserved sleep type"))
		return;
	r = hcall_sbi_call3(SPEC_EID_SUSP, 0, 1, (uint64_t)(uintptr_t)sbi_secondary_entry, 0);
	tap_eq("SUSP sleep type 1 (reserved): INVALID_PARAM", (uint64_t)r.error,
	       (uint64_t)(int64_t)SPEC_ERR_INVALID_PARAM);
	r = hcall_sbi_call3(SPEC_EID_SUSP, 0, 0x7FFFFFFFu,
			    (uint64_t)(uintptr_t)sbi_secondary_entry, 0);
	tap_eq("SUSP sleep type 0x7FFFFFFF (reserved): INVALID_PARAM", (uint64_t)r.error,
	       (uint64_t)(int64_t)SPEC_ERR_INVALID_PARAM);
}

/* ---- SRST ---------------------------------------------------------------- */

static void srst(void)
{
	static const struct {
		uint64_t type, reason;
		const char *name;
	} bad[] = {
		{ 3, 0, "SRST reset_type 3 (reserved): INVALID_PARAM" },
		{ 0xEFFFFFFFu, 0, "SRST reset_type 0xEFFFFFFF (reserved): INVALID_PARAM" },
		{ 0, 2, "SRST reset_reason 2 (reserved): INVALID_PARAM" },
		{ 1, 0xDFFFFFFFu, "SRST reset_reason 0xDFFFFFFF (reserved): INVALID_PARAM" },
	};

	if (!need(SPEC_EID_SRST, "SRST", "SRST refuses reserved types and reasons"))
		return;
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct hcall_sbi_ret r =
			hcall_sbi_call2(SPEC_EID_SRST, 0, bad[i].type, bad[i].reason);

		tap_eq(bad[i].name, (uint64_t)r.error,
		       (uint64_t)(int64_t)SPEC_ERR_INVALID_PARAM);
	}
}

extern uint64_t rv_guest_boot_hartid;

static void check_sbi_conformance(void)
{
	self_hart = rv_guest_boot_hartid;
	identify();
	probes();
	timer();
	ipi_self();
	legacy();
	if (need(SPEC_EID_RFENCE, "RFENCE", "RFENCE to this hart"))
		rfence_to(1, self_hart, "this hart");
	hsm();
	suspend();
	pmu();
	dbcn();
	susp();
	srst();
}
GUEST_CHECK("sbi conformance", check_sbi_conformance);
