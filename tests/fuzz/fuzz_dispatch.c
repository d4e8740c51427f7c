/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness for the hypervisor core's dispatcher.
 *
 * Each input builds a small system (architecture, the riscv glue's SBI
 * hooks and the optional arch ops or none, 1-3 VMs with random roles, ABI sets, capabilities,
 * permission sets and memory maps) and then runs a sequence of traps (VM,
 * vCPU, privilege). Before a trap, bytes of the input may be written into
 * the caller's memory (the structures calls take by pointer: hvisor zone
 * configs, ACRN creation and request buffers, SBI hart masks and console
 * buffers, PSCI and SBI entry points), and their guest address is one of
 * the values an argument can take. A trap goes
 *   - through one call target: a convention of one service for the
 *     architecture (its trap instruction and immediate, its selector or
 *     extension register) with, most of the time, a number from an ABI
 *     table of that convention (<hcall/describe.h>): every call of every
 *     table is about as likely as any other;
 *   - or raw: any trap kind and immediate, values in the first registers
 *     of each architecture's conventions;
 *   - or explicit: trap kind, immediate and a list of (register, value)
 *     pairs, the form the deliberate seeds (seeds.c) use.
 *
 * Input layout (every number big-endian, a missing byte reads as 0; the
 * seed writer, seeds.c, writes the same layout):
 *   arch(1) glue(1: bit 0 no SBI hooks, bit 1 none of the optional arch
 *   ops (console, unhalt, yield_to), bits 2-3 both
 *   set: the glue cannot start any VM but the first) nvms(1), then per VM:
 *     role(1) abiform(1) [abis(1) if abiform % 4 == 0, else the one ABI
 *     (abiform >> 2) % HV_ABI_COUNT] caps(1) perms(1) nvcpus(1)
 *     nregions(1) start(1) uuid(1), per region: size(1) fill(1)
 *     bytes[fill] gpa(1) flags(1), nregistered(1), per registered
 *     number: abi(1) value
 *   then per trap: vm(1) vcpu(1) privilege(1) payload(1) [region(1)
 *     offset(2) length(2) bytes[length] if payload is odd] mode(1),
 *     by mode % 16:
 *     0-10 service: target(1) sel(1) [imm(2) for any-immediate
 *              conventions] [call(1) if sel % 4 and the target has a
 *              table, else a value] [a value for an extension
 *              register that is not a selector, when sel & 4 or the
 *              table has no extension ID] a value per argument register
 *     11-12 raw: trap(1) immsel(1) [imm(2) | immidx(1)] six values
 *     13-14 explicit: trap(1) imm(4) count(1), count % 16 x (reg(1) value)
 *     15 glue: what the glue calls between traps (kind(1), then its own;
 *              6, 7: a number registered, unregistered: abi(1) value)
 *   value: kind(1), then by kind % 6: a constant's index(1), a region
 *     edge (vm/region(1) offset(2)), 8 raw bytes, 1 raw byte, a table
 *     number's index(2), or the payload's address (no more bytes).
 *
 * Invariants checked after every trap (abort() on violation):
 *   - no crash, no out-of-bounds access (ASan, UBSan);
 *   - no access outside the calling VM's regions: all guest memory lives
 *     in one pool that stays ASan-poisoned but for the caller's regions
 *     while its trap runs (guard bytes between the regions), so touching
 *     another VM's memory, or past a region's end, is a report;
 *   - the glue's hooks are called for the calling vCPU only, with vCPU
 *     sets inside its VM and console lengths inside the chunk;
 *   - an injected fault leaves every register as the guest left it;
 *   - registers outside the convention's result set keep their values;
 *   - no stale hypervisor data reaches the guest: the stack below the
 *     caller is filled with a marker first, and no register may come back
 *     holding it (inputs never contain it);
 *   - the status register holds a success value or an error code the
 *     ABI's table documents.
 *
 * Speed: the core is set up once per architecture and restored from that
 * snapshot per input (one memcpy) rather than rebuilt, and guest memory is
 * a static pool, so no input allocates.
 */
#include <sanitizer/asan_interface.h>
#include <stddef.h>
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

#include "acrn_ioreq.h"
#include "hv.h"
#include "sbi_glue.h"
#include "service.h"
#include "table_conv.h"

#define MARK 0x6b6b6b6b6b6b6b6bull
#define MAX_VMS 3
#define MAX_TRAPS 24
#define VM_REGIONS 2 /* regions a built VM has at most */
#define REGION_MAX 0x4000u
#define GUARD 0x1000u
#define PAYLOAD_MAX 0x1000u

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
/* The vCPU whose trap is running: the only one a glue hook may be
 * called for. */
static struct hv_vcpu *caller;

/* Guest memory: slot (n, r) is region r of the n-th VM built, followed by
 * a guard. Poisoned but while the harness writes it and while the caller
 * owning it traps. */
static uint8_t pool[MAX_VMS][VM_REGIONS][REGION_MAX + GUARD] __attribute__((aligned(4096)));

/* This trap's payload: its guest address (0 if none). */
static uint64_t payload_gpa, payload_len;

static void f_inject(struct hv_vcpu *v, enum hv_fault f)
{
	(void)f;
	faults++;
	fault_vcpu = v;
}
static void f_upcall(struct hv_vcpu *v, unsigned vector)
{
	if (!v || !v->vm || v->vm->hv != &H || vector > 0xFF)
		abort();
}
/* The glue cannot start a VM (its stage-2 tables, say): set by the input
 * for every VM but the first. */
static int start_fails;

static int f_start(struct hv_vm *vm)
{
	return start_fails && vm->id != 0 ? -HV_ENOMEM : 0;
}
static void f_stop(struct hv_vm *vm)
{
	(void)vm;
}
static void f_putc(struct hv_vm *vm, char c)
{
	(void)c;
	if (!caller || vm != caller->vm)
		abort();
}

static void f_unhalt(struct hv_vcpu *v)
{
	if (!caller || v->vm != caller->vm || v->id >= v->vm->nvcpus)
		abort();
}
/* The other vCPU runs next when its id is odd (the glue's choice). */
static int f_yield_to(struct hv_vcpu *from, struct hv_vcpu *to)
{
	if (!caller || from != caller || to == from || to->vm != from->vm ||
	    to->id >= to->vm->nvcpus)
		abort();
	return (int)(to->id & 1);
}

/* Second-stage map changes (ACRN SET_MEMORY_REGIONS and
 * WRITE_PROTECT_PAGE): only of a VM other than the caller's, in whole
 * pages, and what a map is backed by is the caller's own memory. The
 * glue's tables hold the first GiB. */
static int f_stage2(struct hv_vm *vm, enum hv_stage2_op op, uint64_t gpa, uint64_t size,
		    uint64_t hpa, uint32_t flags)
{
	int backed = 0;

	(void)flags;
	if (!caller || vm == caller->vm || vm->hv != &H || op > HV_STAGE2_RESET)
		abort();
	if (op == HV_STAGE2_RESET)
		return 0;
	if (((gpa | size | hpa) & 0xfff) || !size || gpa + size < gpa)
		abort();
	for (unsigned i = 0; i < caller->vm->nregions && i < HV_MAX_REGIONS; i++) {
		const struct hv_region *r = &caller->vm->regions[i];
		uint64_t host = (uint64_t)(uintptr_t)r->host;

		backed |= hpa >= host && size <= r->size && hpa - host <= r->size - size;
	}
	if (op == HV_STAGE2_MAP && !backed)
		abort();
	return gpa + size > (1ull << 30) ? -HV_EINVAL : 0;
}
/* The map: the VM's regions. */
static int f_stage2_query(struct hv_vm *vm, uint64_t gpa, uint64_t *hpa)
{
	for (unsigned i = 0; i < vm->nregions && i < HV_MAX_REGIONS; i++) {
		const struct hv_region *r = &vm->regions[i];

		if (gpa >= r->gpa && gpa - r->gpa < r->size) {
			*hpa = (uint64_t)(uintptr_t)r->host + (gpa - r->gpa);
			return 0;
		}
	}
	return -HV_EFAULT;
}

/* hvisor CLEAR_INJECT_IRQ: vCPU 0 of a running VM, never the caller's. */
static void f_withdraw(struct hv_vcpu *v)
{
	if (!caller || !v || v->vm == caller->vm || v->id != 0)
		abort();
}

static struct hv_arch_ops ops = { .arch = HCALL_ARCH_ARM64, .inject_fault = f_inject,
				  .upcall = f_upcall, .vm_start = f_start, .vm_stop = f_stop,
				  .console_putc = f_putc, .unhalt = f_unhalt,
				  .yield_to = f_yield_to, .stage2 = f_stage2,
				  .stage2_query = f_stage2_query, .upcall_withdraw = f_withdraw };

/* ---- the riscv glue's SBI hooks ------------------------------------------ */

static void own_vcpu(const struct hv_vcpu *v)
{
	if (!caller || v != caller)
		abort();
}

static void g_set_timer(struct hv_vcpu *v, uint64_t deadline)
{
	(void)deadline;
	own_vcpu(v);
}

static void g_fence(struct hv_vcpu *v, uint64_t targets, enum hv_sbi_fence kind,
		    uint64_t start, uint64_t size, uint64_t asid)
{
	(void)start, (void)size, (void)asid;
	own_vcpu(v);
	if (!targets || kind > HV_SBI_FENCE_VMA_ASID ||
	    (v->vm->nvcpus < 64 && (targets >> v->vm->nvcpus)))
		abort();
}

static void g_console_write(const char *buf, unsigned len)
{
	volatile char sum = 0;

	if (!caller || !len || len > HV_SBI_CONSOLE_CHUNK)
		abort();
	for (unsigned i = 0; i < len; i++) /* every byte must be readable */
		sum = (char)(sum + buf[i]);
}

static void g_clear_ipi(struct hv_vcpu *v)
{
	own_vcpu(v);
}

static void g_restart(struct hv_vcpu *v)
{
	own_vcpu(v);
}

/* The harness's guests run with translation off: va = gpa. */
static int g_read_guest_ulong(struct hv_vcpu *v, uint64_t va, uint64_t *val)
{
	own_vcpu(v);
	return hv_copy_from_guest(v->vm, val, va, sizeof(*val)) ? -1 : 0;
}

static const struct hv_sbi_glue glue = {
	g_set_timer, g_fence, g_console_write, g_clear_ipi, g_restart, g_read_guest_ulong,
};

/* ---- values ------------------------------------------------------------------ */

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
	for (unsigned a = 0; a < HCALL_ABI_COUNT; a++) {
		const struct hcall_abi_desc *d = &hcall_abis[a];

		for (unsigned i = 0; i < d->ncalls; i++)
			add_number(d->calls[i].number);
		for (unsigned i = 0; i < d->nconvs; i++)
			if (d->convs[i].sel_reg != HCALL_REG_NONE)
				add_number(d->convs[i].sel_value);
	}
	/* The sizes calls check their buffers against. */
	add_number(hcall_hvisor_zone_config_size(HCALL_ARCH_ARM64));
	add_number(hcall_hvisor_zone_config_size(HCALL_ARCH_RISCV64));
	add_number(hcall_hvisor_zone_config_size(HCALL_ARCH_X86_64));
}

/* Interesting register values: region edges, numbers of every ABI, the
 * payload's address. */
static uint64_t value(struct in *in)
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

	switch (kind % 6) {
	case 0:
		return numbers[take(in, 1) % (sizeof(numbers) / sizeof(numbers[0]))];
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
	case 3:
		return take(in, 1);
	case 4:
		return table_numbers[take(in, 2) % ntable_numbers];
	default:
		return payload_gpa;
	}
}

/* A value for a register: never the stale-data marker. */
static uint64_t reg_value(struct in *in)
{
	uint64_t x = value(in);

	return x == MARK ? 0 : x;
}

/* Copy n input bytes to dst, with no 8-byte window equal to the marker
 * (a call may hand guest memory back in a register). */
static void fill(struct in *in, uint8_t *dst, size_t n)
{
	size_t got = n < in->n ? n : in->n;

	memcpy(dst, in->p, got);
	in->p += got;
	in->n -= got;
	memset(dst + got, 0, n - got);
	for (uint8_t *k = memchr(dst, 0x6b, n); k && k + 8 <= dst + n;
	     k = memchr(k + 1, 0x6b, (size_t)(dst + n - k - 1)))
		if (!memcmp(k, "kkkkkkkk", 8))
			*k = 0;
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

/* The registry changed in this input: restore it for the next. */
static int registry_dirty;

static void build_vm(struct in *in, unsigned n)
{
	struct hv_vm_config c;
	struct hv_vm *vm;
	unsigned r, form;

	memset(&c, 0, sizeof(c));
	c.name = "fuzz";
	c.role = (enum hv_role)(take(in, 1) % 3);
	/* Mostly one ABI (on x86 any two VMCALL ABIs clash), else any set. */
	form = (unsigned)take(in, 1);
	if (form % 4)
		c.abis = HV_ABI_BIT((form >> 2) % HV_ABI_COUNT);
	else
		c.abis = (uint32_t)take(in, (HV_ABI_COUNT + 7) / 8) & HV_ABI_ALL;
	c.caps = (uint32_t)take(in, 1) & HV_CAP_ALL;
	c.perms = (uint32_t)take(in, 1) & HV_PERM_ALL;
	c.nvcpus = 1 + (unsigned)take(in, 1) % HV_MAX_VCPUS;
	c.nregions = 1 + (unsigned)take(in, 1) % VM_REGIONS;
	c.start = (int)(take(in, 1) & 1) || n == 0;
	if (take(in, 1) & 1)
		c.uuid[0] = (uint8_t)(1 + n);
	for (r = 0; r < c.nregions; r++) {
		uint64_t size = 0x1000ull << (take(in, 1) % 3);
		uint8_t *host = pool[n][r];

		/* Contents from the input: the structures calls take by
		 * pointer (configs, descriptors, boot parameters). */
		ASAN_UNPOISON_MEMORY_REGION(host, size);
		memset(host, 0, size);
		fill(in, host, (unsigned)take(in, 1) % 129);
		ASAN_POISON_MEMORY_REGION(host, size);
		c.regions[r].gpa = 0x40000000ull * (r + 1) + 0x100000ull * n +
				   (take(in, 1) & 1) * 0x1000;
		c.regions[r].size = size;
		c.regions[r].host = host;
		c.regions[r].flags = (uint32_t)(take(in, 1) & 7) | HV_MEM_READ;
	}
	c.entry = c.regions[0].gpa;
	vm = hv_vm_create(&H, &c);
	/* A few registered numbers, on any ABI (refusals included). */
	for (unsigned k = take(in, 1) % 4; vm && k; k--) {
		enum hv_abi abi = (enum hv_abi)(take(in, 1) % (HV_ABI_COUNT + 1));

		if (!hv_register_hypercall(vm, abi, value(in), registered, NULL))
			registry_dirty = 1;
	}
}

/* The caller's regions readable by the core while its trap runs. */
static void expose(const struct hv_vm *vm, int on)
{
	for (unsigned r = 0; r < vm->nregions && r < HV_MAX_REGIONS; r++) {
		if (on)
			ASAN_UNPOISON_MEMORY_REGION(vm->regions[r].host, vm->regions[r].size);
		else
			ASAN_POISON_MEMORY_REGION(vm->regions[r].host, vm->regions[r].size);
	}
}

/* Input bytes into the caller's memory; their address is payload_gpa. */
static void payload(struct in *in, struct hv_vm *vm)
{
	const struct hv_region *g;
	uint64_t off, len;

	payload_gpa = payload_len = 0;
	if (!(take(in, 1) & 1) || !vm->nregions)
		return;
	g = &vm->regions[take(in, 1) % vm->nregions];
	off = (take(in, 2) << 3) % g->size;
	len = take(in, 2) % (PAYLOAD_MAX + 1);
	if (len > g->size - off)
		len = g->size - off;
	ASAN_UNPOISON_MEMORY_REGION(g->host + off, len);
	fill(in, g->host + off, len);
	ASAN_POISON_MEMORY_REGION(g->host + off, len);
	payload_gpa = g->gpa + off;
	payload_len = len;
}

/* Fill the stack the core is about to use with the marker. */
__attribute__((noinline)) static void mark_stack(void)
{
	uint64_t area[4096];

	memset(area, 0x6b, sizeof(area));
	__asm__ volatile("" : : "r"(area) : "memory");
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
		else if (vm->abis & HV_ABI_BIT(HV_ABI_ACRN)) {
			set = e_acrn, nset = sizeof(e_acrn) / 8;
			/* A world switch that happened resumes the other
			 * world's registers (the guest's own, saved). */
			if ((in->r[8] == HCALL_ACRN_WORLD_SWITCH ||
			     in->r[8] == HCALL_ACRN_INITIALIZE_TRUSTY) &&
			    out->r[0] == 0)
				results = ~0u;
		}
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

static const enum hcall_trap traps[] = { HCALL_TRAP_HVC,     HCALL_TRAP_SMC,
					 HCALL_TRAP_ECALL,   HCALL_TRAP_VMCALL,
					 HCALL_TRAP_VMMCALL, HCALL_TRAP_NONE };

/* The registers of a raw trap: the first six of each architecture's
 * conventions (number, selector and arguments), by architecture. */
static const unsigned raw_slot[][6] = {
	[HCALL_ARCH_ARM64] = { 0, 1, 2, 3, 4, 5 },              /* x0..x5 */
	[HCALL_ARCH_RISCV64] = { 17, 16, 10, 11, 12, 13 },      /* a7 a6 a0..a3 */
	[HCALL_ARCH_X86_64] = { 0, 8, 7, 6, 3, 1 },             /* rax r8 rdi rsi rbx rcx */
};

static void raw_trap(struct in *in, struct hcall_regs *r, enum hcall_trap *t,
		     uint32_t *imm)
{
	static const uint32_t imms[] = { 0, 0x4856, 0x4a48 };

	*t = traps[take(in, 1) % 6];
	*imm = (uint32_t)(take(in, 1) % 3 == 0 ? take(in, 2) : imms[take(in, 1) % 3]);
	for (unsigned i = 0; i < 6; i++)
		r->r[raw_slot[ops.arch][i]] = reg_value(in);
}

static void explicit_trap(struct in *in, struct hcall_regs *r, enum hcall_trap *t,
			  uint32_t *imm)
{
	*t = traps[take(in, 1) % 6];
	*imm = (uint32_t)take(in, 4);
	for (unsigned k = (unsigned)take(in, 1) % 16; k; k--) {
		unsigned i = (unsigned)take(in, 1) % HCALL_NREGS;

		r->r[i] = reg_value(in);
	}
}

/*
 * A call target: one convention of one service on the architecture, and
 * an ABI table with a convention on the same trap and number register
 * (its numbers are the ones that service answers there), or none.
 */
struct target {
	const struct hv_conv *conv;
	const struct hcall_abi_desc *table; /* or NULL */
	const struct hcall_conv_desc *tconv;
};

static struct target targets[3][256];
static unsigned ntargets[3];

static void add_target(unsigned arch, const struct hv_conv *conv,
		       const struct hcall_abi_desc *table, const struct hcall_conv_desc *tc)
{
	unsigned i = arch - 1;

	if (ntargets[i] < sizeof(targets[i]) / sizeof(targets[i][0]))
		targets[i][ntargets[i]++] = (struct target){ conv, table, tc };
}

static void collect_targets(void)
{
	for (unsigned s = 0; s < HV_ABI_COUNT; s++)
		for (unsigned k = 0; k < hv_services[s]->nconvs; k++) {
			const struct hv_conv *conv = &hv_services[s]->convs[k];
			const struct hcall_conv_desc *d = conv->desc;
			unsigned found = 0;

			if (d->arch < 1 || d->arch > 3)
				continue;
			for (unsigned a = 0; a < HCALL_ABI_COUNT; a++) {
				const struct hcall_conv_desc *tc = table_conv(&hcall_abis[a], d);

				if (!hcall_abis[a].ncalls || !tc)
					continue;
				/* A selector convention answers its own
				 * selector's tables only. */
				if ((conv->flags & HV_CONV_SELECTOR) && tc->sel_reg == d->sel_reg &&
				    tc->sel_value != d->sel_value && d->sel_reg != d->nr_reg)
					continue;
				add_target(d->arch, conv, &hcall_abis[a], tc);
				found++;
			}
			if (!found)
				add_target(d->arch, conv, NULL, NULL);
		}
}

/* A trap through a call target of the architecture. */
static void service_trap(struct in *in, struct hcall_regs *r, enum hcall_trap *t,
			 uint32_t *imm)
{
	unsigned a = ops.arch - 1;
	const struct target *g = &targets[a][take(in, 1) % ntargets[a]];
	const struct hv_conv *conv = g->conv;
	const struct hcall_conv_desc *d = conv->desc;
	unsigned sel = (unsigned)take(in, 1);
	uint64_t nr, ext = 0;

	*t = (enum hcall_trap)d->trap;
	if (*t == HCALL_TRAP_VMCALL && (sel & 0x80))
		*t = HCALL_TRAP_VMMCALL;
	*imm = (conv->flags & HV_CONV_ANY_IMM) ? (uint32_t)take(in, 2) : d->imm;
	if (g->table && (sel & 3))
		nr = g->table->calls[take(in, 1) % g->table->ncalls].number;
	else
		nr = reg_value(in);
	if (conv->flags & HV_CONV_SELECTOR)
		ext = d->sel_value;
	else if (g->tconv && g->tconv->sel_reg != HCALL_REG_NONE && !(sel & 4))
		ext = g->tconv->sel_value;
	else if (d->sel_reg != HCALL_REG_NONE)
		ext = reg_value(in);
	r->r[d->nr_reg % HCALL_NREGS] = nr;
	/* A selector in the number register is the number (SBI's legacy
	 * calls, below their bound), unless it must equal one value. */
	if (d->sel_reg != HCALL_REG_NONE &&
	    (d->sel_reg != d->nr_reg || (conv->flags & HV_CONV_SELECTOR)))
		r->r[d->sel_reg % HCALL_NREGS] = ext;
	for (unsigned i = 0; i < d->nargs && i < 8; i++)
		r->r[d->arg_regs[i] % HCALL_NREGS] = reg_value(in);
}

/* Every VM's memory readable (guards stay poisoned): what the glue's own
 * calls into the core may touch (ACRN posts a request into the Service
 * VM's buffer). */
static void expose_all(int on)
{
	for (unsigned n = 0; n < MAX_VMS; n++)
		expose(&H.vms[n], on);
}

/* A vCPU the core picked to run next: NULL, or an online vCPU of a
 * running VM, on physical CPU cpu of ncpus. */
static void check_next(const struct hv_vcpu *v, unsigned cpu, unsigned ncpus)
{
	if (!v)
		return;
	if (v->vm < H.vms || v->vm >= H.vms + HV_MAX_VMS || v->id >= v->vm->nvcpus ||
	    v != &v->vm->vcpus[v->id] || v->vm->state != HV_VM_RUNNING || !v->online ||
	    (ncpus > 1 && v->id % ncpus != cpu))
		abort();
}

/* What the glue calls beside traps, as it would between them. */
static void glue_event(struct in *in, struct hv_vcpu *v)
{
	unsigned kind = (unsigned)take(in, 1) % 8;
	uint64_t x = 0;
	enum hv_abi abi;

	expose_all(1);
	switch (kind) {
	case 0: { /* a port access of an ACRN VM, for the Service VM */
		static const unsigned sizes[] = { 1, 2, 4, 8, 0, 3 };
		uint64_t port = take(in, 2);
		unsigned size = sizes[take(in, 1) % 6];
		int is_in = (int)(take(in, 1) & 1);

		(void)hv_acrn_io_request(&H, v, port, size, is_in, reg_value(in));
		break;
	}
	case 1:
		(void)hv_acrn_io_poll(v, &x);
		break;
	case 2:
		check_next(hv_next_vcpu(&H, v), 0, 1);
		break;
	case 3: {
		unsigned ncpus = 1 + (unsigned)take(in, 1) % 4, cpu = (unsigned)take(in, 1) % ncpus;

		check_next(hv_next_vcpu_on(&H, v, cpu, ncpus), cpu, ncpus);
		break;
	}
	case 4:
		(void)hv_vm_stop(&H, v->vm);
		break;
	case 5:
		hv_notify_service_vm(&H);
		break;
	case 6: /* a number registered or removed while VMs run */
	default:
		abi = (enum hv_abi)(take(in, 1) % (HV_ABI_COUNT + 1));
		x = value(in);
		registry_dirty = 1;
		if (kind == 6)
			(void)hv_register_hypercall(v->vm, abi, x, registered, NULL);
		else
			(void)hv_unregister_hypercall(v->vm, abi, x);
		break;
	}
	expose_all(0);
}

/*
 * The core set up for each architecture, restored per input. The
 * registry (most of struct hv) changes only when the harness registers a
 * number (a VM's destruction purges only its own registrations), so it is
 * copied back only after an input that did.
 */
static struct hv snapshot[3];
static int snapshot_made[3];

static void restore(enum hcall_arch arch)
{
	const size_t reg = offsetof(struct hv, registry), reg_end = reg + sizeof(H.registry);
	unsigned a = arch - 1;

	ops.arch = arch;
	if (!snapshot_made[a]) {
		if (hv_init(&H, &ops))
			abort();
		memcpy(&snapshot[a], &H, sizeof(H));
		snapshot_made[a] = 1;
		registry_dirty = 0;
		return;
	}
	memcpy(&H, &snapshot[a], reg);
	memcpy((char *)&H + reg_end, (char *)&snapshot[a] + reg_end, sizeof(H) - reg_end);
	if (registry_dirty)
		memcpy(H.registry, snapshot[a].registry, sizeof(H.registry));
	registry_dirty = 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	collect_numbers();
	collect_targets();
	ASAN_POISON_MEMORY_REGION(pool, sizeof(pool));
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum hcall_arch arches[] = { HCALL_ARCH_ARM64, HCALL_ARCH_RISCV64,
						  HCALL_ARCH_X86_64 };
	struct in in = { data, size };
	unsigned nvms, k, g;

	restore(arches[take(&in, 1) % 3]);
	/* The glue's optional hooks: present unless the input says not. */
	g = (unsigned)take(&in, 1);
	hv_sbi_set_glue(g & 1 ? NULL : &glue);
	ops.console_putc = g & 2 ? NULL : f_putc;
	ops.unhalt = g & 2 ? NULL : f_unhalt;
	ops.yield_to = g & 2 ? NULL : f_yield_to;
	start_fails = (g & 0xC) == 0xC;
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
		unsigned privilege, mode;
		int f0 = faults, running;

		if (vm->state == HV_VM_EMPTY || !vm->nvcpus)
			continue;
		v = &vm->vcpus[take(&in, 1) % vm->nvcpus];
		privilege = (take(&in, 1) % 8) == 0;
		for (unsigned i = 0; i < HCALL_NREGS; i++)
			v->regs.r[i] = 0x1111111111111111ull * (i % 15 + 1);
		payload(&in, vm);
		mode = (unsigned)take(&in, 1) % 16;
		if (mode == 15) {
			glue_event(&in, v);
			continue;
		}
		if (mode < 11)
			service_trap(&in, &v->regs, &t, &imm);
		else if (mode < 13)
			raw_trap(&in, &v->regs, &t, &imm);
		else
			explicit_trap(&in, &v->regs, &t, &imm);
		before = v->regs;
		running = vm->state == HV_VM_RUNNING;
		caller = v;
		expose(vm, 1);
		a = run(v, t, imm, privilege);
		expose(vm, 0);
		caller = NULL;
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
	return 0;
}
