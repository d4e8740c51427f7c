/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/x86/kvm_pv.c - KVM's paravirtual KICK_CPU and SCHED_YIELD
 * under the SVM hypervisor: one KVM VM with 4 vCPUs on 2 or 3 physical
 * CPUs (hv-x86-pv.elf, -smp 2), vCPU n on CPU n % CPUs, so vCPU 1 runs
 * on CPU 1 and vCPU <CPUs> shares CPU 0 with vCPU 0 (the "partner").
 *
 * What is expected, from Linux (Documentation/virt/kvm/x86/hypercalls.rst
 * and arch/x86/kvm/x86.c of 6.6, written here, not taken from hcall):
 *   KICK_CPU (5): rbx = flags (0), rcx = APIC ID; wakes that vCPU from
 *     HLT (APIC_DM_REMRD: pv_unhalted, whatever the vCPU's IF), then
 *     yields to it; a kick that comes before the HLT makes that HLT
 *     return at once; always 0, an APIC ID naming no vCPU is ignored.
 *   SCHED_YIELD (11): rbx = APIC ID; gives the caller's physical CPU to
 *     that vCPU if it can run and is not running; always 0.
 * A vCPU's APIC ID is its index (the hypervisor gives vCPU n APIC ID n).
 *
 * The hypervisor does not preempt a guest, so what runs on CPU 0 while
 * vCPU 0 is in a hypercall is decided by that hypercall alone: "the
 * partner ran before the call returned" holds exactly when the call gave
 * CPU 0 to it, and a spin of vCPU 0 never lets it run. Waits for vCPU 1,
 * which runs on its own CPU, are bounded by RDTSC. A halt that never
 * ends leaves the VM unfinished, which the hypervisor reports as a
 * failure when nothing can run any more.
 *
 * The two vCPUs of CPU 0 also check that the segment state VMRUN does not
 * switch (FS, GS, TR, LDTR with their hidden bases; AMD64 APM vol. 2,
 * 15.5.2: VMLOAD/VMSAVE's) is each vCPU's own: each loads FS from a
 * descriptor whose base is its own marker, so %fs:0 reads its marker; the
 * partner's first run starts with the architectural reset FS base 0, so
 * there %fs:0 reads what address 0 holds.
 */
#include <hcall/kvm_x86.h>

#define TAP_IMPLEMENTATION
#include "../tap.h"
#include "../guest.h"
#include "x86_guest.h"

#define NVCPUS 4
#define KVM_HC_KICK_CPU 5
#define KVM_HC_SCHED_YIELD 11
/* Several seconds of TSC: far beyond any fair wait. */
#define WAIT_TSC 8000000000ull
/* Long enough for vCPU 1 to go from "ready" into its HLT. */
#define SETTLE_TSC 200000000ull

static struct {
	uint32_t ready;   /* vCPU 1 is about to halt */
	uint32_t woke;    /* vCPU 1 came back from its HLT */
	uint32_t partner; /* times the partner ran */
	uint64_t partner_fs0, partner_abs0; /* its first run: %fs:0 and [0] */
	uint32_t apic_id[NVCPUS]; /* 1 + CPUID.1:EBX[31:24] each vCPU read */
} sh;

/* What %fs:0 reads for vCPU n once it loaded its FS (distinct values). */
static uint64_t fs_marker[NVCPUS] = {
	0x4653000000000000ull, 0x4653000000000001ull,
	0x4653000000000002ull, 0x4653000000000003ull,
};
/* Per vCPU: a null descriptor and a flat data descriptor (0x08). */
static uint64_t fs_gdt[NVCPUS][2] __attribute__((aligned(16)));

struct __attribute__((packed)) gdtr {
	uint16_t limit;
	uint64_t base;
};

/* FS with base = &fs_marker[idx], through a GDT of this vCPU's own that
 * is loaded only for the MOV to FS; the hidden base stays afterwards. */
static void load_fs(unsigned idx)
{
	uint64_t b = (uint64_t)(uintptr_t)&fs_marker[idx];
	struct gdtr saved, mine = { sizeof(fs_gdt[idx]) - 1, (uint64_t)(uintptr_t)fs_gdt[idx] };

	/* present, DPL 0, read/write data, 4 KiB granular, limit 0xFFFFF */
	fs_gdt[idx][1] = 0x00CF92000000FFFFull | (b & 0xffffff) << 16 | (b >> 24 & 0xff) << 56;
	__asm__ volatile("sgdt %0\n\tlgdt %1\n\tmovw $0x08, %%ax\n\tmovw %%ax, %%fs\n\tlgdt %0"
			 : "=m"(saved)
			 : "m"(mine)
			 : "rax", "memory");
}

static uint64_t fs_read0(void)
{
	uint64_t v;

	__asm__ volatile("movq %%fs:0, %0" : "=r"(v) : : "memory");
	return v;
}

static uint64_t abs_read0(void)
{
	uint64_t v;

	__asm__ volatile("movq 0, %0" : "=r"(v) : : "memory");
	return v;
}

void tap_putc(char c)
{
	guest_putc(c);
}

static uint64_t now(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static uint32_t load(uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static void add(uint32_t *p)
{
	__atomic_fetch_add(p, 1u, __ATOMIC_ACQ_REL);
}

/* Wait, without trapping, until *p == want: 1 on time, 0 late. */
static int wait_eq(uint32_t *p, uint32_t want)
{
	uint64_t end = now() + WAIT_TSC;

	while (load(p) != want)
		if (now() > end)
			return 0;
	return 1;
}

/* HLT with interrupts off: only a kick ends it. */
static void halt(void)
{
	__asm__ volatile("cli; hlt" ::: "memory");
}

static uint64_t kick(uint64_t apic_id)
{
	return hcall_kvm_x86_call2(KVM_HC_KICK_CPU, 0, apic_id);
}

static uint64_t yield(uint64_t apic_id)
{
	return hcall_kvm_x86_call1(KVM_HC_SCHED_YIELD, apic_id);
}

void guest_x86_ap_main(uint64_t vm, uint64_t idx, uint64_t ncpus);

/* The initial APIC ID CPUID leaf 1 gives (EBX bits 31:24), + 1 so that 0
 * means "not read yet". */
static void read_apic_id(unsigned idx)
{
	uint32_t a = 1, b, c = 0, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	__atomic_store_n(&sh.apic_id[idx % NVCPUS], (b >> 24) + 1, __ATOMIC_RELEASE);
}

void guest_x86_ap_main(uint64_t vm, uint64_t idx, uint64_t ncpus)
{
	(void)vm;
	read_apic_id((unsigned)idx);
	if (idx == 1 && ncpus >= 2) {
		/* The kick's target, alone on CPU 1 once the others park. */
		add(&sh.ready);
		halt();
		add(&sh.woke);
	} else if (idx == ncpus) {
		/* The partner: counts each time CPU 0 is given to it. */
		sh.partner_fs0 = fs_read0();
		sh.partner_abs0 = abs_read0();
		load_fs((unsigned)idx);
		for (;;) {
			add(&sh.partner);
			halt();
		}
	}
	for (;;)
		halt();
}

static void answers(void)
{
	tap_eq("KICK_CPU of APIC ID 7 (no such vCPU) = 0, ignored", kick(7), 0);
	tap_eq("KICK_CPU of APIC ID 2^32 + 1 = 0, ignored", kick((1ull << 32) | 1), 0);
	tap_eq("SCHED_YIELD to APIC ID 9 (no such vCPU) = 0", yield(9), 0);
	tap_eq("SCHED_YIELD to APIC ID ~0 = 0", yield(~0ull), 0);
	tap_eq("SCHED_YIELD to itself = 0", yield(0), 0);
	tap_eq("SCHED_YIELD to vCPU 1, which runs on CPU 1, = 0", yield(1), 0);
	tap_eq("none of them gave CPU 0 away (the partner has not run)",
	       load(&sh.partner), 0);
}

static void early_kick(void)
{
	tap_eq("KICK_CPU of itself = 0", kick(0), 0);
	/* If the kick were lost, this HLT would never end and the VM
	 * would not finish. */
	halt();
	tap_check(1, "a kick before HLT makes that HLT return at once (pv_unhalted)");
	tap_eq("and that HLT did not give CPU 0 away", load(&sh.partner), 0);
}

static void same_cpu(unsigned partner)
{
	load_fs(0);
	tap_eq("vCPU 0's FS reads its marker", fs_read0(), fs_marker[0]);
	tap_eq("SCHED_YIELD to the partner (runnable, on CPU 0) = 0", yield(partner), 0);
	tap_eq("the partner ran before SCHED_YIELD returned", load(&sh.partner), 1);
	tap_eq("the partner started with FS base 0, not vCPU 0's (%fs:0 = [0])",
	       sh.partner_fs0, sh.partner_abs0);
	tap_eq("vCPU 0's FS is its own after the partner loaded its own on CPU 0",
	       fs_read0(), fs_marker[0]);
	tap_eq("SCHED_YIELD to the partner, now halted, = 0", yield(partner), 0);
	tap_eq("a halted partner is not run by a yield", load(&sh.partner), 1);
	tap_eq("KICK_CPU of the halted partner = 0", kick(partner), 0);
	tap_eq("the kick woke it and yielded to it before returning", load(&sh.partner), 2);
	tap_eq("vCPU 0's FS is still its own", fs_read0(), fs_marker[0]);
}

static void other_cpu(void)
{
	uint64_t settle;

	if (!tap_check(wait_eq(&sh.ready, 1), "vCPU 1 runs on CPU 1 at the same time"))
		return;
	settle = now() + SETTLE_TSC;
	while (now() < settle)
		__asm__ volatile("pause");
	tap_eq("vCPU 1, halted with interrupts off, stays halted without a kick",
	       load(&sh.woke), 0);
	tap_eq("KICK_CPU of vCPU 1 (on CPU 1) = 0", kick(1), 0);
	tap_check(wait_eq(&sh.woke, 1), "the kick woke vCPU 1: it ran again on CPU 1");
}

/* KICK_CPU and SCHED_YIELD name a vCPU by its APIC ID: the one its
 * CPUID reports, its index. Every vCPU has run by now (the parked ones
 * when their CPU was free). */
static void apic_ids(void)
{
	unsigned wrong = 0;

	read_apic_id(0);
	for (unsigned i = 0; i < NVCPUS; i++)
		if (!wait_eq(&sh.apic_id[i], i + 1)) {
			tap_note_hex("vCPU", i);
			tap_note_hex("reads APIC ID (+ 1)", load(&sh.apic_id[i]));
			wrong++;
		}
	tap_eq("each vCPU's CPUID.1:EBX[31:24] (initial APIC ID) is its index", wrong, 0);
}

void guest_main(void)
{
	uint64_t ncpus = guest_x86_boot_ncpus;
	int fits = ncpus >= 2 && ncpus < NVCPUS;

	tap_note_hex("physical CPUs", ncpus);
	tap_check(fits, "2 or 3 physical CPUs: vCPU 1 on CPU 1, a partner on CPU 0");
	if (fits) {
		answers();
		early_kick();
		same_cpu((unsigned)ncpus);
		other_cpu();
		apic_ids();
	}
	guest_exit(tap_done() ? 1 : 0);
}
