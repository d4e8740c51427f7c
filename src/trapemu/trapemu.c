/* SPDX-License-Identifier: MIT */
/*
 * src/trapemu/trapemu.c - the user-mode hypervisor: one struct hv, the
 * user-mode arch ops, the process's VM and the dispatch into the core.
 * The SIGILL front end is sigill.c, the simulated-transport one sim.c.
 */
#define _GNU_SOURCE
#include "trapemu.h"
#include "sigill.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#if defined(__aarch64__)
#define TRAPEMU_ARCH HCALL_ARCH_ARM64
#elif defined(__x86_64__)
#define TRAPEMU_ARCH HCALL_ARCH_X86_64
#elif defined(__riscv) && __riscv_xlen == 64
#define TRAPEMU_ARCH HCALL_ARCH_RISCV64
#else
#error "trapemu: arm64, x86_64 or riscv64 only"
#endif

/* Linker- and libc-provided bounds of the program's static data and of
 * the initial stack (end(3), glibc). */
extern char __data_start[], _end[];
extern void *__libc_stack_end;



static struct hv te_hv;
static struct hv_vcpu *te_self;
static uint64_t te_traps, te_upcalls;
static unsigned te_upcall_vector;
static int te_fault_pending;
static enum hv_fault te_fault;
static trapemu_fault_fn te_fault_fn;
static void *te_fault_priv;

/* Async-signal-safe console line on stderr (TAP comments go unjudged). */
static void te_say(const char *a, const char *b)
{
	ssize_t r = 0;

	r += write(2, "# trapemu: ", 11);
	r += write(2, a, strlen(a));
	if (b)
		r += write(2, b, strlen(b));
	r += write(2, "\n", 1);
	(void)r;
}

/* ---- the user-mode arch ops --------------------------------------------- */

static void te_inject_fault(struct hv_vcpu *vcpu, enum hv_fault fault)
{
	(void)vcpu;
	te_fault_pending = 1;
	te_fault = fault;
}

static void te_upcall(struct hv_vcpu *vcpu, unsigned vector)
{
	(void)vcpu;
	te_upcalls++;
	te_upcall_vector = vector;
}

/* An upcall is counted, never delivered to the process: there is none
 * pending to withdraw. */
static void te_upcall_withdraw(struct hv_vcpu *vcpu)
{
	(void)vcpu;
}

/* No second stage in user mode: starting or stopping a VM is bookkeeping
 * the core does itself. */
static int te_vm_start(struct hv_vm *vm)
{
	(void)vm;
	return 0;
}

static void te_vm_stop(struct hv_vm *vm)
{
	(void)vm;
}

static const struct hv_arch_ops te_ops = {
	.arch = TRAPEMU_ARCH,
	.inject_fault = te_inject_fault,
	.upcall = te_upcall,
	.upcall_withdraw = te_upcall_withdraw,
	.vm_start = te_vm_start,
	.vm_stop = te_vm_stop,
};

/* ---- set-up --------------------------------------------------------------- */

static uint64_t addr(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* The process's memory as guest-physical memory, gpa == host address. */
static void self_regions(struct hv_vm_config *cfg)
{
	uint8_t *data = (uint8_t *)__data_start;
	uint8_t *stack_top = (uint8_t *)__libc_stack_end;
	uint8_t *stack_low = stack_top - TRAPEMU_STACK_WINDOW;
	/* Above __libc_stack_end lie argc, argv, envp and auxv: one page of
	 * them is always mapped. */
	uint64_t above = 4096 - (addr(stack_top) & 4095);

	cfg->regions[0].gpa = addr(data);
	cfg->regions[0].size = addr(_end) - addr(data);
	cfg->regions[0].host = data;
	cfg->regions[0].flags = HV_MEM_READ | HV_MEM_WRITE;

	cfg->regions[1].gpa = addr(stack_low);
	cfg->regions[1].size = TRAPEMU_STACK_WINDOW + above;
	cfg->regions[1].host = stack_low;
	cfg->regions[1].flags = HV_MEM_READ | HV_MEM_WRITE;
	cfg->nregions = 2;
}

int trapemu_start(const struct trapemu_options *opt)
{
	struct hv_vm_config self;
	struct hv_vm *vm;
	int rc;

	if (!opt)
		return -EINVAL;
	rc = hv_init(&te_hv, &te_ops);
	if (rc)
		return rc;

	memset(&self, 0, sizeof(self));
	self.name = opt->name ? opt->name : "user";
	self.role = opt->role;
	self.abis = opt->abis;
	self.caps = opt->caps;
	self.nvcpus = 1;
	self.start = 1;
	self_regions(&self);
	vm = hv_vm_create(&te_hv, &self);
	if (!vm)
		return -EINVAL;
	te_self = &vm->vcpus[0];

	for (unsigned i = 0; i < opt->nothers; i++)
		if (!hv_vm_create(&te_hv, &opt->others[i]))
			return -EINVAL;
	return trapemu_install_sigill();
}

struct hv *trapemu_hv(void)
{
	return &te_hv;
}

struct hv_vcpu *trapemu_vcpu(void)
{
	return te_self;
}

uint64_t trapemu_trap_count(void)
{
	return te_traps;
}

uint64_t trapemu_upcall_count(void)
{
	return te_upcalls;
}

unsigned trapemu_last_upcall_vector(void)
{
	return te_upcall_vector;
}

void trapemu_set_fault_hook(trapemu_fault_fn fn, void *priv)
{
	te_fault_fn = fn;
	te_fault_priv = priv;
}

/* ---- dispatch -------------------------------------------------------------- */

enum trapemu_outcome trapemu_dispatch(enum hcall_trap trap, uint32_t imm,
				      uint64_t next_pc, struct hcall_regs *regs)
{
	struct hv_vcpu *v = te_self;
	enum hv_action act;

	if (!v) {
		te_say("hypercall before trapemu_start()", 0);
		return TRAPEMU_CRASH;
	}
	te_traps++;
	v->regs = *regs;
	v->pc = next_pc;
	te_fault_pending = 0;

	/* User mode cannot give the caller a real privilege level; the core
	 * sees a guest kernel. Privilege checks are the system suite's. */
	act = hv_handle_trap(&te_hv, v, trap, imm, 0);
	switch (act) {
	case HV_RESUME:
	case HV_SWITCH: /* the other vCPU never runs here; carry on */
		*regs = v->regs;
		return TRAPEMU_DONE;
	case HV_INJECTED:
		if (te_fault_pending && te_fault_fn &&
		    te_fault_fn(te_fault, te_fault_priv))
			return TRAPEMU_SKIP;
		te_say("the core injected an exception nobody expected", 0);
		return TRAPEMU_CRASH;
	case HV_SYSTEM_OFF:
		te_say("system off", 0);
		_exit(te_hv.exit_code);
	case HV_SYSTEM_RESET:
		te_say("system reset: nothing to restart in user mode", 0);
		_exit(te_hv.exit_code);
	case HV_VCPU_OFF:
		te_say("the process's only vCPU stopped", 0);
		_exit(te_hv.exit_code);
	}
	te_say("the core returned an unknown action", 0);
	return TRAPEMU_CRASH;
}
