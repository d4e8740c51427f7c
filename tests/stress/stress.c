/* SPDX-License-Identifier: MIT */
/*
 * Host stress test of the hypervisor core under real concurrency: one
 * thread per physical CPU, each running one vCPU and calling
 * hv_handle_trap() as an SMP glue would, while the storms below fight
 * over the same VM, vCPU, page and handler slot. A checker thread holds
 * the core's invariants under its locks while they run. Built twice,
 * with ThreadSanitizer and with AddressSanitizer (meson.build).
 *
 * Storms (arm64 conventions, numbers from DEN0022 and KVM's
 * Documentation/virt/kvm/arm/hypercalls.rst, written here, not taken
 * from hcall's tables):
 *   cpu_on     vCPUs 0 and 1 of VM 0 race PSCI CPU_ON of vCPUs 2 and 3,
 *              which turn themselves off with CPU_OFF whenever they are
 *              on. Every CPU_ON answers SUCCESS, ALREADY_ON or
 *              ON_PENDING; per target, the SUCCESSes equal the CPU_OFFs
 *              plus one if the target is on at the end.
 *   share      four vCPUs MEM_SHARE and MEM_UNSHARE one page of VM 0;
 *              the successful shares equal the successful unshares plus
 *              one if the page is still shared at the end.
 *   registry   the embedder registers and unregisters one handler on
 *              VM 1 from two threads while VM 1's vCPUs call its
 *              number: every call answers the handler's value or
 *              NOT_SUPPORTED, never anything else, and the registrations
 *              balance.
 *   lifecycle  two threads stop and restart VM 1 while its vCPUs make
 *              calls: a call from a VM that is not running changes
 *              nothing and writes no register.
 *
 * Every random choice comes from a per-thread generator seeded from the
 * printed seed (HCALL_STRESS_SEED=<n> replays a run). The run is bounded
 * by iteration counts, never by wall time.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hv.h"
#include "lock.h"
#include "vcpu.h"
#include "vm.h"

/* DEN0022 (PSCI) function IDs and return codes. */
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_64 0xC4000003u
#define PSCI_SUCCESS 0
#define PSCI_ALREADY_ON (-4)
#define PSCI_ON_PENDING (-5)
/* DEN0028: NOT_SUPPORTED. */
#define SMCCC_NOT_SUPPORTED (-1)
/* KVM's vendor hypervisor service: MEM_SHARE = 3, MEM_UNSHARE = 4. */
#define KVM_MEM_SHARE 0xC6000003u
#define KVM_MEM_UNSHARE 0xC6000004u
/* An SMCCC function no one implements: the embedder's own call (OEM
 * service, fast, SMC64, function 0x10). */
#define EMBEDDER_CALL 0xC3000010u
#define EMBEDDER_VALUE 0x5eed5eedu

#define NTHREADS 4
#define ITERS 20000
#define MEM_SIZE 0x10000u
#define R0 0x40000000ull

static struct hv H;
static uint8_t mem[2][MEM_SIZE] __attribute__((aligned(4096)));
static struct hv_vm *vm0, *vm1;
static unsigned long long seed;
static atomic_int failed;
static atomic_int stop_checker;

#define FAIL(...)                                      \
	do {                                           \
		fprintf(stderr, "FAILED CHECK: " __VA_ARGS__); \
		fputc('\n', stderr);                   \
		atomic_store(&failed, 1);              \
	} while (0)

/* The fake glue: an SMP glue's ops must be callable from any CPU. */
static atomic_int faults, upcalls, starts, stops;
static void f_inject(struct hv_vcpu *v, enum hv_fault f)
{
	(void)v;
	(void)f;
	atomic_fetch_add(&faults, 1);
}
static void f_upcall(struct hv_vcpu *v, unsigned vector)
{
	(void)v;
	(void)vector;
	atomic_fetch_add(&upcalls, 1);
}
static int f_start(struct hv_vm *vm)
{
	(void)vm;
	atomic_fetch_add(&starts, 1);
	return 0;
}
static void f_stop(struct hv_vm *vm)
{
	(void)vm;
	atomic_fetch_add(&stops, 1);
}
static const struct hv_arch_ops ops = {
	.arch = HCALL_ARCH_ARM64,
	.inject_fault = f_inject,
	.upcall = f_upcall,
	.vm_start = f_start,
	.vm_stop = f_stop,
};

/* xorshift64*: small, and reproducible from the printed seed. */
static uint64_t rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1Dull;
}

/* One SMCCC call of vcpu through the real entry point; x0 afterwards. */
static int64_t hvc(struct hv_vcpu *v, uint64_t fid, uint64_t a1, uint64_t a2,
		   uint64_t a3, enum hv_action *action)
{
	enum hv_action act;

	v->regs.r[0] = fid;
	v->regs.r[1] = a1;
	v->regs.r[2] = a2;
	v->regs.r[3] = a3;
	act = hv_handle_trap(&H, v, HCALL_TRAP_HVC, 0, 0);
	if (action)
		*action = act;
	return (int64_t)v->regs.r[0];
}

static struct hv_vm *make_vm(unsigned n, enum hv_role role)
{
	struct hv_vm_config c;

	memset(&c, 0, sizeof(c));
	c.name = role == HV_ROLE_SERVICE ? "service" : "guest";
	c.role = role;
	c.abis = HV_ABI_BIT(HV_ABI_SMCCC);
	c.entry = R0;
	c.nvcpus = 4;
	c.regions[0] = (struct hv_region){ R0, MEM_SIZE, mem[n],
					   HV_MEM_READ | HV_MEM_WRITE | HV_MEM_EXEC };
	c.nregions = 1;
	c.start = 1;
	return hv_vm_create(&H, &c);
}

/* Put every vCPU of vm online, as a guest's boot CPU would with CPU_ON. */
static void all_online(struct hv_vm *vm)
{
	hv_lock(&vm->lock);
	for (unsigned i = 0; i < vm->nvcpus; i++)
		vm->vcpus[i].online = 1;
	hv_unlock(&vm->lock);
}

/* ---- cpu_on --------------------------------------------------------- */

static atomic_long on_ok[NTHREADS], offs[NTHREADS];
static atomic_int producers;

/* What the arm64 SMP glue does after a call that changed who runs: ask
 * the core for the next vCPU pinned to this thread's CPU (thread n runs
 * vCPU n; hv->lock, then vm->lock: the documented order). A vCPU of
 * another CPU would be one that two CPUs could run at once. */
static void after(struct hv_vcpu *v, enum hv_action act)
{
	struct hv_vcpu *next;

	if (act != HV_SWITCH && act != HV_VCPU_OFF)
		return;
	next = hv_next_vcpu_on(&H, v, v->id, NTHREADS);
	if (next && next->id % NTHREADS != v->id)
		FAIL("next vCPU for CPU %u is vCPU %u of VM %u, pinned to CPU %u", v->id,
		     next->id, next->vm->id, next->id % NTHREADS);
}

static void *cpu_on_thread(void *arg)
{
	unsigned me = (unsigned)(uintptr_t)arg;
	struct hv_vcpu *v = &vm0->vcpus[me];
	uint64_t s = seed ^ (0x100u + me);
	enum hv_action act;

	if (me < 2) {
		for (int i = 0; i < ITERS; i++) {
			unsigned t = 2 + (unsigned)(rnd(&s) & 1);
			int64_t r = hvc(v, PSCI_CPU_ON_64, t, R0, me, &act);

			if (r == PSCI_SUCCESS)
				atomic_fetch_add(&on_ok[t], 1);
			else if (r != PSCI_ALREADY_ON && r != PSCI_ON_PENDING)
				FAIL("cpu_on: CPU_ON(%u) from vCPU %u answered %" PRId64, t, me, r);
			after(v, act);
		}
		atomic_fetch_sub(&producers, 1);
		return NULL;
	}
	/* Targets turn themselves off for as long as anyone turns them on. */
	while (atomic_load(&producers)) {
		if (!hv_vcpu_is_on(v))
			continue;
		int64_t r = hvc(v, PSCI_CPU_OFF, 0, 0, 0, &act);

		if (r != PSCI_SUCCESS || act != HV_VCPU_OFF)
			FAIL("cpu_on: CPU_OFF of vCPU %u answered %" PRId64 ", action %d", me, r,
			     act);
		else
			atomic_fetch_add(&offs[me], 1);
		after(v, act);
	}
	return NULL;
}

static void cpu_on_check(void)
{
	for (unsigned t = 2; t < 4; t++) {
		long end = hv_vcpu_is_on(&vm0->vcpus[t]);

		if (atomic_load(&on_ok[t]) != atomic_load(&offs[t]) + end)
			FAIL("cpu_on: vCPU %u: %ld CPU_ON successes, %ld CPU_OFFs, on at end %ld",
			     t, atomic_load(&on_ok[t]), atomic_load(&offs[t]), end);
	}
	printf("cpu_on: vCPU 2: %ld on, vCPU 3: %ld on\n", atomic_load(&on_ok[2]),
	       atomic_load(&on_ok[3]));
}

/* ---- share ---------------------------------------------------------- */

static atomic_long shares, unshares;

static void *share_thread(void *arg)
{
	unsigned me = (unsigned)(uintptr_t)arg;
	struct hv_vcpu *v = &vm0->vcpus[me];
	uint64_t s = seed ^ (0x200u + me);

	for (int i = 0; i < ITERS; i++) {
		int share = (int)(rnd(&s) & 1);
		int64_t r = hvc(v, share ? KVM_MEM_SHARE : KVM_MEM_UNSHARE, R0 + 0x1000, 0, 0,
				NULL);

		if (r == 0)
			atomic_fetch_add(share ? &shares : &unshares, 1);
		else if (r >= 0)
			FAIL("share: MEM_%sSHARE answered %" PRId64, share ? "" : "UN", r);
	}
	return NULL;
}

static void share_check(void)
{
	/* One more unshare tells whether the page ended shared. */
	long end = hvc(&vm0->vcpus[0], KVM_MEM_UNSHARE, R0 + 0x1000, 0, 0, NULL) == 0;

	if (atomic_load(&shares) != atomic_load(&unshares) + end)
		FAIL("share: %ld shares, %ld unshares, shared at end %ld", atomic_load(&shares),
		     atomic_load(&unshares), end);
	printf("share: %ld shares, %ld unshares\n", atomic_load(&shares),
	       atomic_load(&unshares));
}

/* ---- registry ------------------------------------------------------- */

static atomic_long regs_ok, unregs_ok, handled;

static int64_t embedder_handler(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
				void *priv)
{
	(void)hv;
	(void)vcpu;
	(void)priv;
	if (nr != EMBEDDER_CALL)
		return -99;
	atomic_fetch_add(&handled, 1);
	return EMBEDDER_VALUE;
}

static void *registry_thread(void *arg)
{
	unsigned me = (unsigned)(uintptr_t)arg;
	uint64_t s = seed ^ (0x300u + me);

	for (int i = 0; i < ITERS; i++) {
		if (me < 2) {
			int reg = (int)(rnd(&s) & 1);
			int r = reg ? hv_register_hypercall(vm1, HV_ABI_SMCCC, EMBEDDER_CALL,
							    embedder_handler, NULL)
				    : hv_unregister_hypercall(vm1, HV_ABI_SMCCC, EMBEDDER_CALL);

			if (r == 0)
				atomic_fetch_add(reg ? &regs_ok : &unregs_ok, 1);
			else if (r != (reg ? -HV_EEXIST : -HV_ENOENT))
				FAIL("registry: %sregister answered %d", reg ? "" : "un", r);
		} else {
			int64_t r = hvc(&vm1->vcpus[me], EMBEDDER_CALL, 0, 0, 0, NULL);

			if (r != EMBEDDER_VALUE && r != SMCCC_NOT_SUPPORTED)
				FAIL("registry: the embedder's call answered %" PRId64, r);
		}
	}
	return NULL;
}

static void registry_check(void)
{
	long end = hv_unregister_hypercall(vm1, HV_ABI_SMCCC, EMBEDDER_CALL) == 0;

	if (atomic_load(&regs_ok) != atomic_load(&unregs_ok) + end)
		FAIL("registry: %ld registrations, %ld unregistrations, registered at end %ld",
		     atomic_load(&regs_ok), atomic_load(&unregs_ok), end);
	printf("registry: %ld registrations, %ld calls handled\n", atomic_load(&regs_ok),
	       atomic_load(&handled));
}

/* ---- lifecycle ------------------------------------------------------ */

static atomic_long stopped_ok, started_ok, refused;

/* Restart a stopped VM, as a management call would. */
static int restart(struct hv_vm *vm)
{
	int r;

	hv_lock(&H.lock);
	r = hv_vm_start_locked(&H, vm);
	hv_unlock(&H.lock);
	return r;
}

static void *lifecycle_thread(void *arg)
{
	unsigned me = (unsigned)(uintptr_t)arg;
	uint64_t s = seed ^ (0x400u + me);

	for (int i = 0; i < ITERS; i++) {
		if (me < 2) {
			if (rnd(&s) & 1) {
				if (hv_vm_stop(&H, vm1) == 0)
					atomic_fetch_add(&stopped_ok, 1);
			} else if (restart(vm1) == 0) {
				atomic_fetch_add(&started_ok, 1);
			}
		} else {
			struct hv_vcpu *v = &vm1->vcpus[me];
			uint64_t ipa = R0 + 0x2000 + 0x1000 * (me - 2);
			enum hv_action act;
			int64_t r = hvc(v, KVM_MEM_SHARE, ipa, 0, 0, &act);

			if (act == HV_VCPU_OFF) {
				/* Refused: the VM was not running. Nothing was written. */
				if ((uint64_t)r != KVM_MEM_SHARE || v->regs.r[1] != ipa)
					FAIL("lifecycle: a refused call wrote x0 = %#" PRIx64
					     " x1 = %#" PRIx64,
					     (uint64_t)r, v->regs.r[1]);
				atomic_fetch_add(&refused, 1);
			} else if (act != HV_RESUME) {
				FAIL("lifecycle: MEM_SHARE gave action %d", act);
			} else if (r == 0) {
				hvc(v, KVM_MEM_UNSHARE, ipa, 0, 0, &act);
			}
		}
	}
	return NULL;
}

static void lifecycle_check(void)
{
	long end = vm1->state == HV_VM_RUNNING;

	if (atomic_load(&started_ok) + 1 != atomic_load(&stopped_ok) + end)
		FAIL("lifecycle: %ld starts, %ld stops, running at end %ld",
		     atomic_load(&started_ok), atomic_load(&stopped_ok), end);
	printf("lifecycle: %ld stops, %ld restarts, %ld calls refused\n",
	       atomic_load(&stopped_ok), atomic_load(&started_ok), atomic_load(&refused));
}

/* Without concurrency first: a stopped VM's vCPU that traps anyway gets
 * nothing done and nothing written (a stopped VM once had MEM_SHARE
 * served and could turn its own vCPUs back on). */
static void not_running_check(void)
{
	struct hv_vcpu *v = &vm1->vcpus[1];
	enum hv_action act;
	int64_t r;

	if (hv_vm_stop(&H, vm1) != 0) {
		FAIL("not running: hv_vm_stop of a running VM failed");
		return;
	}
	r = hvc(v, PSCI_CPU_ON_64, 0, R0, 0, &act);
	if (act != HV_VCPU_OFF || (uint64_t)r != PSCI_CPU_ON_64 || v->regs.r[1] != 0 ||
	    hv_vcpu_is_on(&vm1->vcpus[0]))
		FAIL("not running: CPU_ON from a stopped VM gave action %d, x0 = %#" PRIx64
		     ", vCPU 0 online %d",
		     act, (uint64_t)r, hv_vcpu_is_on(&vm1->vcpus[0]));
	r = hvc(v, KVM_MEM_SHARE, R0, 0, 0, &act);
	if (act != HV_VCPU_OFF || (uint64_t)r != KVM_MEM_SHARE)
		FAIL("not running: MEM_SHARE from a stopped VM gave action %d, x0 = %#" PRIx64,
		     act, (uint64_t)r);
	if (restart(vm1) != 0)
		FAIL("not running: restarting the VM failed");
	/* Running again: the page was never shared, so UNSHARE must fail. */
	if (hvc(&vm1->vcpus[0], KVM_MEM_UNSHARE, R0, 0, 0, NULL) == 0)
		FAIL("not running: a MEM_SHARE made while stopped took effect");
	printf("not running: ok\n");
}

/* ---- the checker ---------------------------------------------------- */

/* Under the core's locks: every VM's state is one of the states; a VM
 * that is not running or paused has no vCPU online; the VM table's
 * high-water mark covers every VM in use. */
static void check_invariants(void)
{
	hv_lock(&H.lock);
	for (unsigned i = 0; i < HV_MAX_VMS; i++) {
		struct hv_vm *vm = &H.vms[i];

		if (vm->state > HV_VM_DEFINED)
			FAIL("invariant: VM %u in state %d", i, vm->state);
		if (vm->state != HV_VM_EMPTY && i >= H.nvms)
			FAIL("invariant: VM %u in use above nvms %u", i, H.nvms);
		if (vm->state == HV_VM_RUNNING || vm->state == HV_VM_PAUSED)
			continue;
		hv_lock(&vm->lock);
		for (unsigned j = 0; j < vm->nvcpus; j++)
			if (vm->vcpus[j].online)
				FAIL("invariant: VM %u (state %d) has vCPU %u online", i,
				     vm->state, j);
		hv_unlock(&vm->lock);
	}
	hv_unlock(&H.lock);
}

static void *checker_thread(void *arg)
{
	(void)arg;
	while (!atomic_load(&stop_checker)) {
		struct timespec ts = { 0, 200000 };

		check_invariants();
		nanosleep(&ts, NULL);
	}
	return NULL;
}

/* ---- driver --------------------------------------------------------- */

static void storm(const char *name, void *(*fn)(void *), void (*check)(void))
{
	pthread_t t[NTHREADS], chk;

	atomic_store(&stop_checker, 0);
	atomic_store(&producers, 2);
	pthread_create(&chk, NULL, checker_thread, NULL);
	for (uintptr_t i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, fn, (void *)i);
	for (unsigned i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	atomic_store(&stop_checker, 1);
	pthread_join(chk, NULL);
	check_invariants();
	check();
	printf("%s: %s\n", name, atomic_load(&failed) ? "FAILED" : "ok");
}

int main(void)
{
	const char *env = getenv("HCALL_STRESS_SEED");

	seed = env ? strtoull(env, NULL, 0) : (unsigned long long)time(NULL);
	if (!seed)
		seed = 1;
	printf("seed %llu (replay with HCALL_STRESS_SEED=%llu)\n", seed, seed);
	if (hv_init(&H, &ops) || !(vm0 = make_vm(0, HV_ROLE_SERVICE)) ||
	    !(vm1 = make_vm(1, HV_ROLE_NORMAL))) {
		fprintf(stderr, "FAILED CHECK: setting up the core\n");
		return 1;
	}
	hv_lock(&vm0->lock);
	vm0->vcpus[0].online = vm0->vcpus[1].online = 1;
	hv_unlock(&vm0->lock);
	not_running_check();
	storm("cpu_on", cpu_on_thread, cpu_on_check);
	all_online(vm0);
	storm("share", share_thread, share_check);
	all_online(vm1);
	storm("registry", registry_thread, registry_check);
	storm("lifecycle", lifecycle_thread, lifecycle_check);
	printf("%s\n", atomic_load(&failed) ? "stress: FAILED" : "stress: ok");
	return atomic_load(&failed) ? 1 : 0;
}
