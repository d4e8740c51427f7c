/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/x86/storm.c - the x86 SMP storm guest: the ACRN service VM
 * with 4 vCPUs under the SVM hypervisor on 4 physical CPUs
 * (hv-x86-storm.elf, -smp 4).
 *
 * Every vCPU starts at _start (start.S); vCPU 0 runs guest_main() and
 * prints TAP, vCPUs 1-3 run guest_x86_ap_main() on their own stacks and
 * never print. They talk through this image's memory only: spins between
 * vCPUs never trap, so a rendezvous of all four completes only if they
 * run at the same time on different physical CPUs (the hypervisor does
 * not preempt a guest). Every wait is bounded by RDTSC, which is not
 * intercepted.
 *
 * The storm: all four vCPUs CREATE_VM and DESTROY_VM the same VM (uuid
 * "hcall-x86-storm1", vmid 1) at random, with random pauses between
 * calls. ACRN v3.3's rules: CREATE_VM of a VM created already is -1
 * (else 0, with vmid written back); DESTROY_VM of a vmid that names no
 * created VM is -ENOTTY, its dispatcher's answer for a target the Service
 * VM does not manage (else 0). A VM goes DEFINED -> CREATED -> DEFINED, so after the storm
 * the successful creates equal the successful destroys, plus one if the
 * VM ends created; a last CREATE_VM from vCPU 0 tells which (0: it was
 * not, -1: it was). No vCPU runs twice: each marks itself running on
 * entry and checks nobody was.
 *
 * The seed, the random choices, the bounded waits and the running
 * bookkeeping are the portable ones of ../storm_core.c. The random
 * choices come from one seed, printed first; build with
 * -DSTORM_SEED=0x... to replay one. The expected answers are written here
 * from ACRN v3.3 (hypercall.c, vmcall.c), not taken from hcall's tables.
 */
#include <hcall/acrn.h>

#define TAP_IMPLEMENTATION
#include "../tap.h"
#include "../guest.h"
#include "../storm_core.h"
#include "x86_guest.h"

#define TARGET_VMID 1
#define ACRN_FAILED (-1)
#define ACRN_ENOTTY (-25)
#define STORM_OPS 48
#define JITTER 256u
/* Several seconds of TSC: far beyond any fair wait. */
#define WAIT_TSC 8000000000ull

static const char target_uuid[16] = { 'h', 'c', 'a', 'l', 'l', '-', 'x', '8',
				      '6', '-', 's', 't', 'o', 'r', 'm', '1' };

static struct {
	uint32_t go;               /* storm start */
	uint32_t done;             /* storm end */
	unsigned creates[NVCPUS];  /* successful CREATE_VM */
	unsigned destroys[NVCPUS]; /* successful DESTROY_VM */
	unsigned calls[NVCPUS];
	unsigned bad[NVCPUS];      /* answers ACRN would not give */
	int64_t bad_code[NVCPUS];
	unsigned bad_vmid[NVCPUS]; /* CREATE_VM = 0 with another vmid */
} sh;

static struct hcall_acrn_vm_creation cv[NVCPUS];

void tap_putc(char c)
{
	guest_putc(c);
}

uint64_t storm_now(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

uint64_t storm_deadline(void)
{
	return storm_now() + WAIT_TSC;
}

static void add(uint32_t *p, uint32_t v)
{
	__atomic_fetch_add(p, v, __ATOMIC_ACQ_REL);
}

static int64_t create_target(unsigned idx, uint16_t *vmid)
{
	struct hcall_acrn_vm_creation *c = &cv[idx];
	struct hcall_result r;

	for (unsigned i = 0; i < sizeof(*c); i++)
		((volatile uint8_t *)c)[i] = 0;
	for (unsigned i = 0; i < 16; i++)
		c->name[i] = (uint8_t)target_uuid[i];
	c->vmid = 0xffff;
	r = hcall_acrn_create_vm((uint64_t)(uintptr_t)c);
	*vmid = c->vmid;
	return (int64_t)r.code;
}

static void storm(unsigned idx)
{
	for (unsigned n = 0; n < STORM_OPS; n++) {
		uint64_t r = storm_rnd(n, idx);
		unsigned spins = (unsigned)(r >> 8) % JITTER;
		int64_t code;
		int ok;

		while (spins--)
			__asm__ volatile("pause");
		if (r & 1) {
			uint16_t vmid;

			code = create_target(idx, &vmid);
			if (code == 0) {
				sh.creates[idx]++;
				if (vmid != TARGET_VMID)
					sh.bad_vmid[idx]++;
			}
			ok = code == 0 || code == ACRN_FAILED;
		} else {
			code = (int64_t)hcall_acrn_destroy_vm(TARGET_VMID).code;
			if (code == 0)
				sh.destroys[idx]++;
			ok = code == 0 || code == ACRN_ENOTTY;
		}
		if (!ok) {
			sh.bad[idx]++;
			sh.bad_code[idx] = code;
		}
		sh.calls[idx]++;
	}
}

void guest_x86_ap_main(uint64_t vm, uint64_t idx);

void guest_x86_ap_main(uint64_t vm, uint64_t idx)
{
	(void)vm;
	if (idx >= NVCPUS)
		return;
	storm_enter((unsigned)idx);
	add(&storm_core.arrived, 1);
	if (!storm_wait_eq(&storm_core.arrived, NVCPUS) || !storm_wait_eq(&sh.go, 1))
		return;
	storm((unsigned)idx);
	add(&sh.done, 1);
}

void guest_main(void)
{
	unsigned creates = 0, destroys = 0, calls = 0, bad = 0, bad_vmid = 0;
	int64_t last, code = 0;
	uint16_t vmid;
	int together;

	storm_seed_init();
	storm_enter(0);
	add(&storm_core.arrived, 1);
	together = storm_wait_eq(&storm_core.arrived, NVCPUS);
	tap_check(together, "4 vCPUs meet in a rendezvous that never traps: they run at once");
	if (!together) {
		tap_note_hex("vCPUs that arrived", storm_load(&storm_core.arrived));
		guest_exit(tap_done() ? 1 : 0);
	}
	__atomic_store_n(&sh.go, 1, __ATOMIC_RELEASE);
	storm(0);
	add(&sh.done, 1);
	tap_check(storm_wait_eq(&sh.done, NVCPUS), "every vCPU finished its CREATE_VM/DESTROY_VM storm");
	for (unsigned i = 0; i < NVCPUS; i++) {
		creates += sh.creates[i];
		destroys += sh.destroys[i];
		calls += sh.calls[i];
		bad += sh.bad[i];
		bad_vmid += sh.bad_vmid[i];
		if (sh.bad[i])
			code = sh.bad_code[i];
	}
	tap_eq("calls made, 4 vCPUs x STORM_OPS", calls, NVCPUS * STORM_OPS);
	if (!tap_eq("answers other than 0, -1 (CREATE) and -ENOTTY (DESTROY)", bad, 0))
		tap_note_hex("one of them", (uint64_t)code);
	tap_eq("CREATE_VM = 0 with a vmid other than 1", bad_vmid, 0);
	tap_note_hex("successful creates", creates);
	tap_note_hex("successful destroys", destroys);
	/* The VM's final state: CREATE_VM answers -1 if it is created. */
	last = create_target(0, &vmid);
	tap_check(last == 0 || last == ACRN_FAILED, "a last CREATE_VM answers 0 or -1");
	tap_eq("creates = destroys + (1 if the VM ends created)", creates,
	       destroys + (last == ACRN_FAILED ? 1 : 0));
	tap_eq("then DESTROY_VM = 0 (the VM exists exactly once)",
	       (uint64_t)(int64_t)hcall_acrn_destroy_vm(TARGET_VMID).code, 0);
	tap_eq("no vCPU ever ran twice at once", storm_load(&storm_core.twice), 0);
	guest_exit(tap_done() ? 1 : 0);
}
