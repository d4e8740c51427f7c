/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness for the hypervisor core's dispatcher.
 *
 * Each input builds a small system (architecture, 1-3 VMs with random
 * roles, ABI sets, capabilities, permission sets and memory maps) and then
 * runs a sequence of traps (VM, vCPU, privilege). Most traps go through
 * one service's own convention (hv_services[], every ABI the core serves):
 * its trap instruction and immediate, its selector or extension register,
 * a number from any ABI table (<hcall/describe.h>) in its number register
 * and interesting values in its argument registers. The others are raw:
 * any trap kind and immediate, values in the first registers of each
 * architecture's conventions.
 *
 * Invariants checked after every trap (abort() on violation):
 *   - no crash, no out-of-bounds access (ASan, UBSan);
 *   - no access outside the calling VM's regions: every region is its own
 *     heap allocation, and the other VMs' regions are ASan-poisoned while
 *     the trap runs (the shadow map), so touching them is a report;
 *   - an injected fault leaves every register as the guest left it;
 *   - registers outside the convention's result set keep their values;
 *   - no stale hypervisor data reaches the guest: the stack below the
 *     caller is filled with a marker first, and no register may come back
 *     holding it (inputs never contain it);
 *   - the status register holds a success value or an error code the
 *     ABI's table documents.
 */
#include <sanitizer/asan_interface.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hcall/abi/acrn.h>
#include <hcall/abi/hvisor.h>
#include <hcall/abi/jailhouse.h>
#include <hcall/abi/kvm_x86.h>
#include <hcall/abi/palacios.h>
#include <hcall/abi/psci.h>
#include <hcall/abi/sbi.h>
#include <hcall/abi/smccc.h>

#include <hcall/describe.h>

#include "hv.h"
#include "service.h"

#define MARK 0x6b6b6b6b6b6b6b6bull
#define MAX_VMS 3
#define MAX_TRAPS 24

struct in {
	const uint8_t *p;
	size_t n;
};

static uint64_t take(struct in *in, unsigned bytes)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < bytes; i++) {
		v <<= 8;
		if (in->n) {
			v |= *in->p++;
			in->n--;
		}
	}
	return v;
}

static struct hv H;
static int faults;
static struct hv_vcpu *fault_vcpu;
static uint8_t *region_mem[MAX_VMS][HV_MAX_REGIONS];

static void f_inject(struct hv_vcpu *v, enum hv_fault f)
{
	(void)f;
	faults++;
	fault_vcpu = v;
}
static void f_upcall(struct hv_vcpu *v, unsigned vector)
{
	if (!v || vector > 0xFF)
		abort();
}
static int f_start(struct hv_vm *vm)
{
	(void)vm;
	return 0;
}
static void f_stop(struct hv_vm *vm)
{
	(void)vm;
}
static void f_putc(struct hv_vm *vm, char c)
{
	(void)vm;
	(void)c;
}

static struct hv_arch_ops ops = { .arch = HCALL_ARCH_ARM64, .inject_fault = f_inject,
				  .upcall = f_upcall, .vm_start = f_start, .vm_stop = f_stop,
				  .console_putc = f_putc };

/* Every call number and extension ID of every ABI table. */
static uint64_t table_numbers[1024];
static unsigned ntable_numbers;

static void add_number(uint64_t nr)
{
	if (ntable_numbers < sizeof(table_numbers) / sizeof(table_numbers[0]))
		table_numbers[ntable_numbers++] = nr;
}

static void collect_numbers(void)
{
	if (ntable_numbers)
		return;
	for (unsigned a = 0; a < HCALL_ABI_COUNT; a++) {
		const struct hcall_abi_desc *d = &hcall_abis[a];

		for (unsigned i = 0; i < d->ncalls; i++)
			add_number(d->calls[i].number);
		for (unsigned i = 0; i < d->nconvs; i++)
			if (d->convs[i].sel_reg != HCALL_REG_NONE)
				add_number(d->convs[i].sel_value);
	}
}

/* Interesting register values: region edges, numbers of every ABI. */
static uint64_t value(struct in *in, const struct hv_vm *vm)
{
	static const uint64_t numbers[] = {
		0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 0x10, 0x1000, 0xF3, 0x100,
		HCALL_SMCCC_VERSION, HCALL_SMCCC_ARCH_FEATURES, HCALL_PSCI_VERSION,
		HCALL_PSCI_CPU_ON, HCALL_PSCI_CPU_OFF, HCALL_PSCI_AFFINITY_INFO,
		HCALL_PSCI_SYSTEM_OFF, HCALL_PSCI_SYSTEM_RESET, HCALL_PSCI_FEATURES,
		0x8600FF01u, 0x8600FF03u, 0x86000000u, 0xC6000002u, 0xC6000003u,
		0xC6000004u, 0xC6000009u, 0xC6004843u, 0xC6004844u,
		HCALL_SBI_EXT_BASE, HCALL_SBI_EXT_SRST, HCALL_HVISOR_RISCV_EID,
		0x0A484300u, 0x48430000u, 0x48430001u, 0x80FFFF00u, 0x80FFFF01u,
		HCALL_ACRN_GET_API_VERSION, HCALL_ACRN_SET_CALLBACK_VECTOR,
		HCALL_ACRN_CREATE_VM, HCALL_ACRN_DESTROY_VM, HCALL_ACRN_START_VM,
		HCALL_ACRN_PAUSE_VM, HCALL_ACRN_RESET_VM,
		HCALL_ACRN_NOTIFY_REQUEST_FINISH, HCALL_ACRN_INITIALIZE_TRUSTY,
		HCALL_ACRN_WORLD_SWITCH, HCALL_ACRN_SAVE_RESTORE_SWORLD_CTX,
		64, 48, 96, 104, ~0ull, 1ull << 63, 0xFFFFFFFFull,
	};
	unsigned kind = (unsigned)take(in, 1);

	switch (kind % 5) {
	case 0:
		return numbers[take(in, 1) % (sizeof(numbers) / sizeof(numbers[0]))];
	case 4:
		return table_numbers[take(in, 2) % ntable_numbers];
	case 1: { /* near a region edge of some VM */
		unsigned r = (unsigned)take(in, 1);
		const struct hv_vm *t = &H.vms[r % MAX_VMS];
		uint64_t off = take(in, 2);

		if (!t->nregions)
			return off;
		const struct hv_region *g = &t->regions[(r >> 4) % t->nregions];
		return (r & 8) ? g->gpa + g->size - (off & 0xFFF) : g->gpa + (off & ~7ull);
	}
	case 2:
		return take(in, 8);
	default:
		(void)vm;
		return take(in, 1);
	}
}

/* A registered handler (hv_register_hypercall): answers 0, and writes
 * nothing else. */
static int64_t registered(struct hv *hv, struct hv_vcpu *v, uint64_t nr, void *priv)
{
	(void)hv;
	(void)v;
	(void)nr;
	(void)priv;
	return 0;
}

static void build_vm(struct in *in, unsigned n)
{
	struct hv_vm_config c;
	struct hv_vm *vm;
	uint8_t *host[HV_MAX_REGIONS] = { 0 };
	unsigned r;

	memset(&c, 0, sizeof(c));
	c.name = "fuzz";
	c.role = (enum hv_role)(take(in, 1) % 3);
	c.abis = (uint32_t)take(in, (HV_ABI_COUNT + 7) / 8) & HV_ABI_ALL;
	c.caps = (uint32_t)take(in, 1) & HV_CAP_ALL;
	c.perms = (uint32_t)take(in, 1) & HV_PERM_ALL;
	c.nvcpus = 1 + (unsigned)take(in, 1) % HV_MAX_VCPUS;
	c.nregions = 1 + (unsigned)take(in, 1) % 2;
	c.start = (int)(take(in, 1) & 1) || n == 0;
	if (take(in, 1) & 1)
		c.uuid[0] = (uint8_t)(1 + n);
	for (r = 0; r < c.nregions; r++) {
		uint64_t size = 0x1000ull << (take(in, 1) % 3);

		host[r] = calloc(1, size);
		/* Contents from the input: the structures calls take by
		 * pointer (configs, descriptors, boot parameters). */
		for (unsigned i = 0, fill = (unsigned)take(in, 1) % 129; i < fill; i++)
			host[r][i] = (uint8_t)take(in, 1);
		c.regions[r].gpa = 0x40000000ull * (r + 1) + 0x100000ull * n +
				   (take(in, 1) & 1) * 0x1000;
		c.regions[r].size = size;
		c.regions[r].host = host[r];
		c.regions[r].flags = (uint32_t)(take(in, 1) & 7) | HV_MEM_READ;
	}
	c.entry = c.regions[0].gpa;
	vm = hv_vm_create(&H, &c);
	/* A few registered numbers, on any ABI (refusals included). */
	for (unsigned k = take(in, 1) % 4; vm && k; k--) {
		enum hv_abi abi = (enum hv_abi)(take(in, 1) % (HV_ABI_COUNT + 1));

		(void)hv_register_hypercall(vm, abi, value(in, vm), registered, NULL);
	}
	/* The memory belongs to the slot the VM got, which need not be n. */
	for (r = 0; r < HV_MAX_REGIONS; r++) {
		if (vm && vm->id < MAX_VMS)
			region_mem[vm->id][r] = host[r];
		else
			free(host[r]);
	}
}

static void shadow(unsigned caller, int on)
{
	for (unsigned n = 0; n < MAX_VMS; n++)
		for (unsigned r = 0; r < HV_MAX_REGIONS; r++) {
			const struct hv_vm *vm = &H.vms[n];

			if (n == caller || !region_mem[n][r] || r >= vm->nregions)
				continue;
			if (on)
				ASAN_POISON_MEMORY_REGION(region_mem[n][r], vm->regions[r].size);
			else
				ASAN_UNPOISON_MEMORY_REGION(region_mem[n][r], vm->regions[r].size);
		}
}

/* Fill the stack the core is about to use with the marker. */
__attribute__((noinline)) static void mark_stack(void)
{
	volatile uint64_t area[4096];

	for (unsigned i = 0; i < 4096; i++)
		area[i] = MARK;
}

__attribute__((noinline)) static enum hv_action run(struct hv_vcpu *v,
						    enum hcall_trap t, uint32_t imm,
						    unsigned privilege)
{
	mark_stack();
	return hv_handle_trap(&H, v, t, imm, privilege);
}

static int documented(const int64_t *set, unsigned n, int64_t v)
{
	for (unsigned i = 0; i < n; i++)
		if (set[i] == v)
			return 1;
	return 0;
}

#define ERRS(LIST) LIST(AS_VALUE)
#define AS_VALUE(name, raw, status) (raw),
static const int64_t e_hvisor[] = { ERRS(HCALL_HVISOR_ERRORS) };
static const int64_t e_psci[] = { ERRS(HCALL_PSCI_ERRORS) };
static const int64_t e_sbi[] = { ERRS(HCALL_SBI_ERRORS) };
static const int64_t e_kvm[] = { ERRS(HCALL_KVM_X86_ERRORS) };
static const int64_t e_acrn[] = { ERRS(HCALL_ACRN_ERRORS) };
static const int64_t e_pal[] = { ERRS(HCALL_PALACIOS_ERRORS) };
static const int64_t e_jh[] = { ERRS(HCALL_JAILHOUSE_ERRORS) };
static void check(const struct hv_vm *vm, const struct hcall_regs *in,
		  const struct hcall_regs *out, enum hcall_trap t, uint32_t imm,
		  enum hv_action a, int injected)
{
	uint32_t results = 0;
	const int64_t *set = NULL;
	unsigned nset = 0;
	int status_reg = 0;

	for (unsigned i = 0; i < HCALL_NREGS; i++)
		if (out->r[i] == MARK) {
			fprintf(stderr, "register %u holds stale stack data\n", i);
			abort();
		}
	if (injected || a == HV_INJECTED) {
		if (memcmp(in, out, sizeof(*in)))
			abort();
		return;
	}
	/* The result set of each convention, from the specifications. */
	switch (ops.arch) {
	case HCALL_ARCH_ARM64:
		if (t == HCALL_TRAP_HVC && imm == 0x4856 &&
		    (vm->abis & HV_ABI_BIT(HV_ABI_HVISOR))) {
			results = 1u << 0;
			set = e_hvisor, nset = sizeof(e_hvisor) / 8;
		} else if (t == HCALL_TRAP_HVC && imm == 0x4a48 &&
			   (vm->abis & HV_ABI_BIT(HV_ABI_JAILHOUSE))) {
			results = 1u << 0;
			set = e_jh, nset = sizeof(e_jh) / 8;
		} else if (imm == 0 && (vm->abis & HV_ABI_BIT(HV_ABI_SMCCC))) {
			results = 0xFu;
			set = e_psci, nset = sizeof(e_psci) / 8; /* includes SMCCC's */
		} else {
			results = 1u << 0;
			if (out->r[0] != ~0ull)
				abort();
		}
		status_reg = 0;
		break;
	case HCALL_ARCH_RISCV64:
		results = (1u << 10) | (1u << 11);
		status_reg = 10;
		if (in->r[17] == 0x114514 && (vm->abis & HV_ABI_BIT(HV_ABI_HVISOR)))
			set = e_hvisor, nset = sizeof(e_hvisor) / 8;
		else
			set = e_sbi, nset = sizeof(e_sbi) / 8;
		break;
	case HCALL_ARCH_X86_64:
		results = 1u << 0;
		if (vm->abis & HV_ABI_BIT(HV_ABI_HVISOR))
			set = e_hvisor, nset = sizeof(e_hvisor) / 8;
		else if (vm->abis & HV_ABI_BIT(HV_ABI_KVM_X86))
			set = e_kvm, nset = sizeof(e_kvm) / 8;
		else if (vm->abis & HV_ABI_BIT(HV_ABI_ACRN))
			set = e_acrn, nset = sizeof(e_acrn) / 8;
		else if (vm->abis & HV_ABI_BIT(HV_ABI_JAILHOUSE))
			set = e_jh, nset = sizeof(e_jh) / 8;
		else
			results |= 0x4Eu, set = e_pal, nset = sizeof(e_pal) / 8;
		break;
	}
	for (unsigned i = 0; i < HCALL_NREGS; i++)
		if (!(results & (1u << i)) && in->r[i] != out->r[i]) {
			fprintf(stderr, "register %u changed outside the results\n", i);
			abort();
		}
	if (set) {
		int64_t st = (int64_t)out->r[status_reg];

		if (nset && st < 0 && st > -4096 && !documented(set, nset, st)) {
			fprintf(stderr, "undocumented error %lld\n", (long long)st);
			abort();
		}
	}
}

/* The registers of a raw trap: the first six of each architecture's
 * conventions (number, selector and arguments), by architecture. */
static const unsigned raw_slot[][6] = {
	[HCALL_ARCH_ARM64] = { 0, 1, 2, 3, 4, 5 },              /* x0..x5 */
	[HCALL_ARCH_RISCV64] = { 17, 16, 10, 11, 12, 13 },      /* a7 a6 a0..a3 */
	[HCALL_ARCH_X86_64] = { 0, 8, 7, 6, 3, 1 },             /* rax r8 rdi rsi rbx rcx */
};

static void raw_trap(struct in *in, const struct hv_vm *vm, struct hcall_regs *r,
		     enum hcall_trap *t, uint32_t *imm)
{
	static const enum hcall_trap traps[] = { HCALL_TRAP_HVC, HCALL_TRAP_SMC,
						 HCALL_TRAP_ECALL, HCALL_TRAP_VMCALL,
						 HCALL_TRAP_VMMCALL, HCALL_TRAP_NONE };
	static const uint32_t imms[] = { 0, 0x4856, 0x4a48 };

	*t = traps[take(in, 1) % 6];
	*imm = (uint32_t)(take(in, 1) % 3 == 0 ? take(in, 2) : imms[take(in, 1) % 3]);
	for (unsigned i = 0; i < 6; i++) {
		uint64_t x = value(in, vm);

		r->r[raw_slot[ops.arch][i]] = x == MARK ? 0 : x;
	}
}

/* The tables (<hcall/describe.h>) with a convention on the same trap as
 * d: their numbers are the ones the service of d answers. */
static const struct hcall_conv_desc *table_conv(const struct hcall_abi_desc *a,
						const struct hcall_conv_desc *d)
{
	for (unsigned i = 0; i < a->nconvs; i++) {
		const struct hcall_conv_desc *c = &a->convs[i];

		if (c->arch == d->arch && c->trap == d->trap && c->imm == d->imm &&
		    c->nr_reg == d->nr_reg)
			return c;
	}
	return NULL;
}

/* A trap through one convention of one service, for this architecture;
 * 0 if the chosen service has none here. The number and extension come
 * from a table of that trap most of the time. */
static int service_trap(struct in *in, const struct hv_vm *vm, struct hcall_regs *r,
			enum hcall_trap *t, uint32_t *imm)
{
	const struct hv_service *s = hv_services[take(in, 1) % HV_ABI_COUNT];
	const struct hv_conv *mine[8];
	const struct hcall_abi_desc *tables[HCALL_ABI_COUNT];
	const struct hcall_conv_desc *d;
	unsigned n = 0, ntables = 0, pick;
	uint64_t x, nr, ext;

	for (unsigned i = 0; i < s->nconvs && n < 8; i++)
		if (s->convs[i].desc->arch == ops.arch)
			mine[n++] = &s->convs[i];
	if (!n)
		return 0;
	pick = (unsigned)take(in, 1) % n;
	d = mine[pick]->desc;
	*t = (enum hcall_trap)d->trap;
	if (*t == HCALL_TRAP_VMCALL && (take(in, 1) & 1))
		*t = HCALL_TRAP_VMMCALL;
	*imm = (mine[pick]->flags & HV_CONV_ANY_IMM) ? (uint32_t)take(in, 2) : d->imm;
	nr = value(in, vm);
	ext = (mine[pick]->flags & HV_CONV_SELECTOR) ? d->sel_value : value(in, vm);
	for (unsigned a = 0; a < HCALL_ABI_COUNT; a++)
		if (hcall_abis[a].ncalls && table_conv(&hcall_abis[a], d))
			tables[ntables++] = &hcall_abis[a];
	if (ntables && take(in, 1) % 4) {
		const struct hcall_abi_desc *a = tables[take(in, 1) % ntables];
		const struct hcall_conv_desc *c = table_conv(a, d);

		nr = a->calls[take(in, 1) % a->ncalls].number;
		if ((mine[pick]->flags & HV_CONV_EXTENSION) && c->sel_reg != HCALL_REG_NONE)
			ext = c->sel_value;
	}
	if (d->sel_reg != HCALL_REG_NONE)
		r->r[d->sel_reg % HCALL_NREGS] = ext == MARK ? 0 : ext;
	r->r[d->nr_reg % HCALL_NREGS] = nr == MARK ? 0 : nr;
	for (unsigned i = 0; i < d->nargs && i < 8; i++) {
		x = value(in, vm);
		r->r[d->arg_regs[i] % HCALL_NREGS] = x == MARK ? 0 : x;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum hcall_arch arches[] = { HCALL_ARCH_ARM64, HCALL_ARCH_RISCV64,
						  HCALL_ARCH_X86_64 };
	struct in in = { data, size };
	unsigned nvms, k;

	collect_numbers();
	ops.arch = arches[take(&in, 1) % 3];
	if (hv_init(&H, &ops))
		abort();
	nvms = 1 + (unsigned)take(&in, 1) % MAX_VMS;
	for (k = 0; k < nvms; k++)
		build_vm(&in, k);

	for (k = 0; k < MAX_TRAPS && in.n; k++) {
		unsigned n = (unsigned)take(&in, 1) % MAX_VMS;
		struct hv_vm *vm = &H.vms[n];
		struct hv_vcpu *v;
		struct hcall_regs before;
		enum hcall_trap t;
		uint32_t imm;
		enum hv_action a;
		unsigned privilege;
		int f0 = faults, running;

		if (vm->state == HV_VM_EMPTY || !vm->nvcpus)
			continue;
		v = &vm->vcpus[take(&in, 1) % vm->nvcpus];
		privilege = (take(&in, 1) % 8) == 0;
		for (unsigned i = 0; i < HCALL_NREGS; i++)
			v->regs.r[i] = 0x1111111111111111ull * (i % 15 + 1);
		if (take(&in, 1) % 4 == 0 || !service_trap(&in, vm, &v->regs, &t, &imm))
			raw_trap(&in, vm, &v->regs, &t, &imm);
		before = v->regs;
		running = vm->state == HV_VM_RUNNING;
		shadow(n, 1);
		a = run(v, t, imm, privilege);
		shadow(n, 0);
		if (faults != f0 && fault_vcpu != v)
			abort();
		/* A VM that is not running gets no service: nothing injected,
		 * nothing written, and the vCPU stops. */
		if (!running) {
			if (a != HV_VCPU_OFF || faults != f0 ||
			    memcmp(&before, &v->regs, sizeof(before)))
				abort();
			continue;
		}
		check(vm, &before, &v->regs, t, imm, a, faults != f0);
	}
	for (unsigned n = 0; n < MAX_VMS; n++)
		for (unsigned r = 0; r < HV_MAX_REGIONS; r++) {
			free(region_mem[n][r]);
			region_mem[n][r] = NULL;
		}
	return 0;
}
