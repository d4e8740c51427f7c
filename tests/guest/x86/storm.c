/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/x86/storm.c - the x86 SMP storm guest: the ACRN service VM
 * with 4 vCPUs under the SVM hypervisor on 4 physical CPUs
 * (hv-x86-storm.elf, -smp 4), managing the 2-vCPU VM "target"
 * (uuid "hcall-x86-storm1", vmid 1, storm_target.c).
 *
 * Every vCPU starts at _start (start.S); vCPU 0 runs guest_main() and
 * prints TAP, vCPUs 1-3 run guest_x86_ap_main() on their own stacks and
 * never print. They talk through this image's memory only: spins between
 * vCPUs never trap, so a rendezvous of all four completes only if they
 * run at the same time on different physical CPUs (the hypervisor does
 * not preempt a guest). Every wait is bounded by RDTSC, which is not
 * intercepted.
 *
 * The storm: all four vCPUs call CREATE_VM, SET_IOREQ_BUFFER, START_VM,
 * PAUSE_VM, RESET_VM and DESTROY_VM of the target at random, with random
 * pauses between calls. ACRN v3.3 (8cb6fa68: hypercall.c, vm.c, vmcall.c)
 * finds the target in its VM table in every state, so each call answers
 * 0 or -1, and a success is a transition of its state machine (powered
 * off = DEFINED; b = the request buffer is set):
 *   CREATE_VM         DEFINED -> CREATED, b cleared (create_vm())
 *   SET_IOREQ_BUFFER  CREATED: b set
 *   START_VM          CREATED with b -> RUNNING
 *   PAUSE_VM          CREATED, RUNNING -> PAUSED; PAUSED stays (0)
 *   RESET_VM          PAUSED -> CREATED, b kept
 *   DESTROY_VM        PAUSED -> DEFINED
 * Whatever the interleaving, the successes then add up (counting from
 * DEFINED to the final state f, which vCPU 0 finds afterwards):
 *   creates = destroys + (f != DEFINED)        (no VM lost or duplicated)
 *   starts <= resets + destroys + (f is RUNNING or PAUSED)
 *             (a started VM leaves RUNNING only paused, and PAUSED only
 *             reset or destroyed)
 *   pauses >= resets + destroys + (f is PAUSED)
 *             (every reset and destroy takes a paused VM)
 * and a successful CREATE_VM names vmid 1. No vCPU runs twice: each
 * marks itself running on entry and checks nobody was. Then vCPU 0 walks
 * the target through the same transitions alone, checking each answer.
 *
 * Last, the upcall across CPUs: vCPU 0 starts the target and halts; the
 * target's vCPU 1, on CPU 1, reads a port this VM emulates (ACRN's I/O
 * request, slot 1), and its upcall, vector 0xF3 (ACRN's
 * HYPERVISOR_CALLBACK_HSM_VECTOR), must reach vCPU 0 on CPU 0, which
 * answers the read and finishes the request.
 *
 * The seed, the random choices, the bounded waits and the running
 * bookkeeping are the portable ones of ../storm_core.c. The random
 * choices come from one seed, printed first; build with
 * -DSTORM_SEED=0x... to replay one. The expected answers are written here
 * from ACRN v3.3, not taken from hcall's tables.
 */
#include <hcall/acrn.h>

#define TAP_IMPLEMENTATION
#include "../tap.h"
#include "../guest.h"
#include "../storm_core.h"
#include "x86_guest.h"

#define TARGET_VMID 1
#define ACRN_FAILED (-1)
#define STORM_OPS 48
#define JITTER 256u
/* Several seconds of TSC: far beyond any fair wait. */
#define WAIT_TSC 8000000000ull
/* The target's read (storm_target.c) and the answer of this VM's
 * device model. */
#define TARGET_PORT 0x5A0u
#define TARGET_VALUE 0xC5u
#define UPCALL_VECTOR 0xF3u
/* Linux include/uapi/linux/acrn.h */
#define IOREQ_PENDING 0u
#define IOREQ_COMPLETE 1u
#define IOREQ_PORTIO 0u
#define IOREQ_DIR_READ 0u
/* Halts of vCPU 0 before it gives up on the upcall. */
#define UPCALL_WAITS 64

enum op { OP_CREATE, OP_BUFFER, OP_START, OP_PAUSE, OP_RESET, OP_DESTROY, NOPS };
enum state { S_DEFINED, S_CREATED, S_RUNNING, S_PAUSED };

static const char target_uuid[16] = { 'h', 'c', 'a', 'l', 'l', '-', 'x', '8',
				      '6', '-', 's', 't', 'o', 'r', 'm', '1' };

static struct {
	uint32_t go;                /* storm start */
	uint32_t done;              /* storm end */
	unsigned ok[NVCPUS][NOPS];  /* successful calls of each kind */
	unsigned calls[NVCPUS];
	unsigned bad[NVCPUS];       /* answers other than 0 and -1 */
	int64_t bad_code[NVCPUS];
	unsigned bad_op[NVCPUS];
	unsigned bad_vmid[NVCPUS];  /* CREATE_VM = 0 with another vmid */
} sh;

static struct hcall_acrn_vm_creation cv[NVCPUS];
/* The target's request buffer, and the u64 SET_IOREQ_BUFFER reads it
 * from. */
static struct hcall_acrn_io_request_buffer iobuf __attribute__((aligned(4096)));
static uint64_t iobuf_gpa;

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

/* One call of the storm by vCPU idx; its raw answer. */
static int64_t call(unsigned idx, enum op op)
{
	uint16_t vmid;
	int64_t code;

	switch (op) {
	case OP_CREATE:
		code = create_target(idx, &vmid);
		if (code == 0 && vmid != TARGET_VMID)
			sh.bad_vmid[idx]++;
		return code;
	case OP_BUFFER:
		return (int64_t)hcall_acrn_set_ioreq_buffer(TARGET_VMID,
							    (uint64_t)(uintptr_t)&iobuf_gpa).code;
	case OP_START:
		return (int64_t)hcall_acrn_start_vm(TARGET_VMID).code;
	case OP_PAUSE:
		return (int64_t)hcall_acrn_pause_vm(TARGET_VMID).code;
	case OP_RESET:
		return (int64_t)hcall_acrn_reset_vm(TARGET_VMID).code;
	case OP_DESTROY:
	case NOPS:
		break;
	}
	return (int64_t)hcall_acrn_destroy_vm(TARGET_VMID).code;
}

static void storm(unsigned idx)
{
	for (unsigned n = 0; n < STORM_OPS; n++) {
		uint64_t r = storm_rnd(n, idx);
		unsigned spins = (unsigned)(r >> 8) % JITTER;
		enum op op = (enum op)((r >> 24) % NOPS);
		int64_t code;

		while (spins--)
			__asm__ volatile("pause");
		code = call(idx, op);
		if (code == 0) {
			sh.ok[idx][op]++;
		} else if (code != ACRN_FAILED) {
			sh.bad[idx]++;
			sh.bad_code[idx] = code;
			sh.bad_op[idx] = op;
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

static int64_t s64(uint64_t v)
{
	return (int64_t)v;
}

/* One call of vCPU 0 alone, with the answer v3.3 gives. */
static int expect(const char *what, enum op op, int64_t want)
{
	return tap_eq(what, (uint64_t)call(0, op), (uint64_t)want);
}

/* The target's state after the storm, found with calls that change it
 * only when they succeed: CREATE_VM succeeds only powered off, RESET_VM
 * only paused, SET_IOREQ_BUFFER only created. The target ends CREATED
 * (or RUNNING, if it was). */
static enum state probe_state(void)
{
	if (call(0, OP_CREATE) == 0)
		return S_DEFINED;
	if (call(0, OP_RESET) == 0)
		return S_PAUSED;
	if (call(0, OP_BUFFER) == 0)
		return S_CREATED;
	return S_RUNNING;
}

static void check_storm(void)
{
	static const char *const names[] = { "DEFINED", "CREATED", "RUNNING", "PAUSED" };
	unsigned n[NOPS] = { 0 }, calls = 0, bad = 0, bad_vmid = 0, op = 0;
	int64_t code = 0;
	enum state f;

	for (unsigned i = 0; i < NVCPUS; i++) {
		for (unsigned k = 0; k < NOPS; k++)
			n[k] += sh.ok[i][k];
		calls += sh.calls[i];
		bad += sh.bad[i];
		bad_vmid += sh.bad_vmid[i];
		if (sh.bad[i]) {
			code = sh.bad_code[i];
			op = sh.bad_op[i];
		}
	}
	tap_eq("calls made, 4 vCPUs x STORM_OPS", calls, NVCPUS * STORM_OPS);
	if (!tap_eq("answers other than 0 and -1", bad, 0)) {
		tap_note_hex("one of them", (uint64_t)code);
		tap_note_hex("to the call (CREATE, BUFFER, START, PAUSE, RESET, DESTROY)", op);
	}
	tap_eq("CREATE_VM = 0 with a vmid other than 1", bad_vmid, 0);
	tap_note_hex("successful creates", n[OP_CREATE]);
	tap_note_hex("successful set_ioreq_buffers", n[OP_BUFFER]);
	tap_note_hex("successful starts", n[OP_START]);
	tap_note_hex("successful pauses", n[OP_PAUSE]);
	tap_note_hex("successful resets", n[OP_RESET]);
	tap_note_hex("successful destroys", n[OP_DESTROY]);
	f = probe_state();
	tap_puts("# the target ends the storm ");
	tap_puts(names[f]);
	tap_putc('\n');
	tap_eq("creates = destroys + (1 unless it ends powered off)", n[OP_CREATE],
	       n[OP_DESTROY] + (f != S_DEFINED));
	tap_check(n[OP_START] <= n[OP_RESET] + n[OP_DESTROY] + (f == S_RUNNING || f == S_PAUSED),
		  "starts <= resets + destroys + (1 if it ends running or paused)");
	tap_check(n[OP_PAUSE] >= n[OP_RESET] + n[OP_DESTROY] + (f == S_PAUSED),
		  "pauses >= resets + destroys + (1 if it ends paused)");
	if (f == S_RUNNING) {
		expect("then PAUSE_VM of the running target = 0", OP_PAUSE, 0);
		expect("and RESET_VM of it = 0", OP_RESET, 0);
	}
}

/* The target is CREATED: each transition once, alone. */
static void walk(void)
{
	expect("CREATE_VM of a created VM = -1", OP_CREATE, ACRN_FAILED);
	expect("DESTROY_VM of a created VM = -1 (v3.3: only a paused one)", OP_DESTROY,
	       ACRN_FAILED);
	expect("RESET_VM of a created VM = -1", OP_RESET, ACRN_FAILED);
	expect("SET_IOREQ_BUFFER of a created VM = 0", OP_BUFFER, 0);
	expect("START_VM of a created VM with its buffer = 0", OP_START, 0);
	expect("START_VM of a running VM = -1", OP_START, ACRN_FAILED);
	expect("SET_IOREQ_BUFFER of a running VM = -1", OP_BUFFER, ACRN_FAILED);
	expect("RESET_VM of a running VM = -1", OP_RESET, ACRN_FAILED);
	expect("DESTROY_VM of a running VM = -1", OP_DESTROY, ACRN_FAILED);
	expect("PAUSE_VM of a running VM = 0", OP_PAUSE, 0);
	expect("PAUSE_VM of a paused VM = 0", OP_PAUSE, 0);
	expect("START_VM of a paused VM = -1 (v3.3: only a created one)", OP_START, ACRN_FAILED);
	expect("DESTROY_VM of a paused VM = 0", OP_DESTROY, 0);
	expect("PAUSE_VM of a powered-off VM = -1", OP_PAUSE, ACRN_FAILED);
	expect("START_VM of a powered-off VM = -1", OP_START, ACRN_FAILED);
	expect("RESET_VM of a powered-off VM = -1", OP_RESET, ACRN_FAILED);
	expect("DESTROY_VM of a powered-off VM = -1", OP_DESTROY, ACRN_FAILED);
	expect("SET_IOREQ_BUFFER of a powered-off VM = -1", OP_BUFFER, ACRN_FAILED);
	expect("CREATE_VM of the powered-off VM = 0", OP_CREATE, 0);
	expect("START_VM without a buffer (CREATE_VM clears it) = -1", OP_START, ACRN_FAILED);
	expect("PAUSE_VM of a created VM = 0 (v3.3's pause_vm() takes it)", OP_PAUSE, 0);
	expect("RESET_VM of a paused VM = 0", OP_RESET, 0);
}

static volatile unsigned upcalls, served, slot0_used;
static volatile uint32_t seen_type, seen_dir, seen_size;
static volatile uint64_t seen_port;
static volatile int64_t finish_code = 1;

/* This VM's device model: slot 1 (the target's vCPU 1) holds the read;
 * answer it and finish the request. */
static void on_upcall(unsigned vector)
{
	volatile struct hcall_acrn_io_request *req = &iobuf.req_slot[1];

	if (vector != UPCALL_VECTOR)
		return;
	upcalls++;
	slot0_used |= iobuf.req_slot[0].processed == IOREQ_PENDING;
	if (req->processed != IOREQ_PENDING)
		return;
	seen_type = req->type;
	seen_dir = req->reqs.pio_request.direction;
	seen_port = req->reqs.pio_request.address;
	seen_size = (uint32_t)req->reqs.pio_request.size;
	req->reqs.pio_request.value = TARGET_VALUE;
	req->processed = IOREQ_COMPLETE;
	finish_code = s64(hcall_acrn_notify_request_finish(TARGET_VMID, 1).code);
	served++;
}

static void upcall_across_cpus(void)
{
	guest_x86_on_interrupt(on_upcall);
	expect("SET_IOREQ_BUFFER for the run = 0", OP_BUFFER, 0);
	if (!expect("START_VM of the target for its run = 0", OP_START, 0))
		return;
	/* Halting gives CPU 0 to the target's vCPU 0, whose first entry
	 * starts its vCPU 1 on CPU 1; CPU 0 then sleeps until the upcall's
	 * IPI. */
	for (unsigned i = 0; i < UPCALL_WAITS && !served; i++)
		guest_x86_wait_for_interrupt();
	tap_check(guest_x86_interrupts(UPCALL_VECTOR) >= 1,
		  "the upcall (vector 0xF3) reached vCPU 0 on CPU 0");
	tap_eq("it was the read of the target's vCPU 1 (on CPU 1), in slot 1", served, 1);
	tap_eq("slot 1: PORTIO", seen_type, IOREQ_PORTIO);
	tap_eq("slot 1: a read", seen_dir, IOREQ_DIR_READ);
	tap_eq("slot 1: the target's port", seen_port, TARGET_PORT);
	tap_eq("slot 1: one byte", seen_size, 1);
	tap_eq("slot 0 (the target's vCPU 0) held no request", slot0_used, 0);
	tap_eq("NOTIFY_REQUEST_FINISH(target, vCPU 1) = 0", (uint64_t)finish_code, 0);
}

void guest_main(void)
{
	int together;

	storm_seed_init();
	iobuf_gpa = (uint64_t)(uintptr_t)&iobuf;
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
	tap_check(storm_wait_eq(&sh.done, NVCPUS),
		  "every vCPU finished its CREATE/SET_IOREQ_BUFFER/START/PAUSE/RESET/DESTROY storm");
	check_storm();
	tap_eq("no vCPU ever ran twice at once", storm_load(&storm_core.twice), 0);
	walk();
	upcall_across_cpus();
	guest_exit(tap_done() ? 1 : 0);
}
