/* SPDX-License-Identifier: MIT */
/*
 * Dispatch scaling: instructions per dispatched Palacios-style call with
 * N registered handlers, through hcall's core (hv_handle_trap) and through
 * a baseline that does the same decode, permission check, handler call and
 * write-back around a red-black-tree lookup.
 *
 *   dispatch_bench hcall|rbtree N CALLS
 *
 * Run it under `valgrind --tool=callgrind --toggle-collect=bench_loop`:
 * only bench_loop and what it calls is counted, so set-up is excluded and
 * the count divided by CALLS is the per-call cost.
 */
#include "hv.h"
#include <hcall/abi/palacios.h>
#include <hcall/regs.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rbtree.h"

#define MAX_HANDLERS 4096
#define RAX HCALL_REG_IDX(HCALL_X86_RAX)

static uint8_t guest_ram[1 << 16];

/* The registered numbers: sparse 32-bit values, like Palacios ids. */
static uint64_t number_of(unsigned i)
{
	return (uint64_t)((i * 2654435761u) ^ 0x5a000000u) & 0xffffffffu;
}

static int64_t handler(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr, void *priv)
{
	(void)hv;
	(void)vcpu;
	return (int64_t)(nr ^ (uintptr_t)priv);
}

/* ---- baseline: the same path around a red-black tree ---------------- */

struct rb_entry {
	struct rb_node node;
	hv_handler_fn fn;
	void *priv;
};

static struct rb_tree tree;
static struct rb_entry entries[MAX_HANDLERS];

static void __attribute__((noinline))
baseline_dispatch(struct hv *hv, struct hv_vcpu *vcpu)
{
	uint64_t nr = vcpu->regs.r[RAX] & 0xffffffffu;

	if (!(vcpu->vm->abis & HV_ABI_BIT(HV_ABI_PALACIOS)) || vcpu->privilege) {
		vcpu->regs.r[RAX] = (uint64_t)-1;
		return;
	}
	struct rb_node *n = rb_find(&tree, nr);
	if (!n) {
		vcpu->regs.r[RAX] = (uint64_t)-1;
		return;
	}
	struct rb_entry *e = (struct rb_entry *)n;
	vcpu->regs.r[RAX] = (uint64_t)e->fn(hv, vcpu, nr, e->priv);
}

/* ---- the measured loop ---------------------------------------------- */

static volatile uint64_t sink;

void __attribute__((noinline))
bench_loop(int use_rb, struct hv *hv, struct hv_vcpu *vcpu, unsigned n, unsigned calls)
{
	unsigned span = n < 64 ? n : 64;

	for (unsigned i = 0; i < calls; i++) {
		vcpu->regs.r[RAX] = number_of(i % span);
		if (use_rb)
			baseline_dispatch(hv, vcpu);
		else
			(void)hv_handle_trap(hv, vcpu, HCALL_TRAP_VMMCALL, 0);
		sink += vcpu->regs.r[RAX];
	}
}

static void nop_fault(struct hv_vcpu *v, enum hv_fault f) { (void)v; (void)f; }
static void nop_upcall(struct hv_vcpu *v, unsigned vec) { (void)v; (void)vec; }
static int nop_start(struct hv_vm *vm) { (void)vm; return 0; }
static void nop_stop(struct hv_vm *vm) { (void)vm; }
static void nop_log(const char *m) { (void)m; }

static const struct hv_arch_ops ops = {
	.arch = HCALL_ARCH_X86_64,
	.inject_fault = nop_fault,
	.upcall = nop_upcall,
	.vm_start = nop_start,
	.vm_stop = nop_stop,
	.log = nop_log,
};

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: dispatch_bench hcall|rbtree N CALLS\n");
		return 2;
	}
	int use_rb = strcmp(argv[1], "rbtree") == 0;
	unsigned n = (unsigned)strtoul(argv[2], NULL, 0);
	unsigned calls = (unsigned)strtoul(argv[3], NULL, 0);
	if (n < 1 || n > MAX_HANDLERS || !calls) {
		fprintf(stderr, "dispatch_bench: N must be 1..%d, CALLS > 0\n", MAX_HANDLERS);
		return 2;
	}

	static struct hv hv;
	if (hv_init(&hv, &ops)) {
		fprintf(stderr, "dispatch_bench: hv_init failed\n");
		return 1;
	}
	struct hv_vm_config cfg = {
		.name = "bench",
		.role = HV_ROLE_NORMAL,
		.abis = HV_ABI_BIT(HV_ABI_PALACIOS),
		.entry = 0x1000,
		.nvcpus = 1,
		.regions = { { 0x0, sizeof(guest_ram), guest_ram, HV_MEM_READ | HV_MEM_WRITE } },
		.nregions = 1,
		.start = 1,
	};
	struct hv_vm *vm = hv_vm_create(&hv, &cfg);
	if (!vm) {
		fprintf(stderr, "dispatch_bench: hv_vm_create failed\n");
		return 1;
	}
	for (unsigned i = 0; i < n; i++) {
		if (use_rb) {
			entries[i].node.key = number_of(i);
			entries[i].fn = handler;
			entries[i].priv = (void *)(uintptr_t)i;
			if (rb_insert(&tree, &entries[i].node)) {
				fprintf(stderr, "dispatch_bench: duplicate number %u\n", i);
				return 1;
			}
		} else if (hv_register_hypercall(vm, HV_ABI_PALACIOS, number_of(i), handler,
						 (void *)(uintptr_t)i)) {
			fprintf(stderr, "dispatch_bench: registering handler %u failed\n", i);
			return 1;
		}
	}
	if (use_rb && rb_check(tree.root) < 0) {
		fprintf(stderr, "dispatch_bench: red-black invariants broken\n");
		return 1;
	}

	struct hv_vcpu *vcpu = &vm->vcpus[0];
	/* Every call must reach its handler: check once, outside the count. */
	for (unsigned i = 0; i < (n < 64 ? n : 64); i++) {
		vcpu->regs.r[RAX] = number_of(i);
		if (use_rb)
			baseline_dispatch(&hv, vcpu);
		else
			(void)hv_handle_trap(&hv, vcpu, HCALL_TRAP_VMMCALL, 0);
		if (vcpu->regs.r[RAX] != (number_of(i) ^ i)) {
			fprintf(stderr, "dispatch_bench: call %u returned %#llx\n", i,
				(unsigned long long)vcpu->regs.r[RAX]);
			return 1;
		}
	}
	bench_loop(use_rb, &hv, vcpu, n, calls);
	printf("%s %u %u\n", use_rb ? "rbtree" : "hcall", n, calls);
	return 0;
}
