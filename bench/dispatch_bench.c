/* SPDX-License-Identifier: MIT */
/*
 * Dispatch scaling: instructions per dispatched Palacios-style call with
 * N registered handlers.
 *
 *   dispatch_bench full N CALLS     hcall's whole path, hv_handle_trap():
 *                                   route match, policy checks, table and
 *                                   registry lookup, the handler on the
 *                                   frame, its status
 *   dispatch_bench hash N CALLS     the registry lookup alone
 *   dispatch_bench rbtree N CALLS   the baseline's lookup alone: a
 *                                   red-black tree keyed by number (the
 *                                   Palacios design) under the same lock
 *
 * The baseline's whole path is hcall's path with its lookup swapped for
 * the tree's: full - hash + rbtree. Run under
 * `valgrind --tool=callgrind --toggle-collect=bench_loop`: only bench_loop
 * and what it calls is counted, so set-up is excluded and the count
 * divided by CALLS is the per-call cost.
 */
#include "hv.h"
#include <hcall/abi/palacios.h>
#include <hcall/regs.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lock.h"
#include "rbtree.h"
#include "registry.h"

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

/* ---- baseline: a red-black tree under the registry's lock ----------- */

struct rb_entry {
	struct rb_node node;
	hv_handler_fn fn;
	void *priv;
};

static struct rb_tree tree;
static struct rb_entry entries[MAX_HANDLERS];
static struct hv_lock tree_lock;

static int __attribute__((noinline))
rbtree_find(uint64_t nr, hv_handler_fn *fn, void **priv)
{
	struct rb_node *n;

	hv_lock(&tree_lock);
	n = rb_find(&tree, nr);
	if (n) {
		*fn = ((struct rb_entry *)n)->fn;
		*priv = ((struct rb_entry *)n)->priv;
	}
	hv_unlock(&tree_lock);
	return n != NULL;
}

/* ---- the measured loop ---------------------------------------------- */

enum mode { FULL, HASH, RBTREE };

static volatile uint64_t sink;

void __attribute__((noinline))
bench_loop(enum mode mode, struct hv *hv, struct hv_vcpu *vcpu, unsigned n, unsigned calls)
{
	unsigned span = n < 64 ? n : 64;
	hv_handler_fn fn = 0;
	void *priv = 0;

	for (unsigned i = 0; i < calls; i++) {
		uint64_t nr = number_of(i % span);

		switch (mode) {
		case FULL:
			vcpu->regs.r[RAX] = nr;
			(void)hv_handle_trap(hv, vcpu, HCALL_TRAP_VMMCALL, 0, 0);
			sink += vcpu->regs.r[RAX];
			break;
		case HASH:
			sink += (uint64_t)hv_registry_find(hv, vcpu->vm, HV_ABI_PALACIOS, nr,
							   &fn, &priv);
			break;
		case RBTREE:
			sink += (uint64_t)rbtree_find(nr, &fn, &priv);
			break;
		}
	}
}

static void nop_fault(struct hv_vcpu *v, enum hv_fault f) { (void)v; (void)f; }
static void nop_upcall(struct hv_vcpu *v, unsigned vec) { (void)v; (void)vec; }
static int nop_start(struct hv_vm *vm) { (void)vm; return 0; }
static void nop_stop(struct hv_vm *vm) { (void)vm; }

static const struct hv_arch_ops ops = {
	.arch = HCALL_ARCH_X86_64,
	.inject_fault = nop_fault,
	.upcall = nop_upcall,
	.vm_start = nop_start,
	.vm_stop = nop_stop,
};

int main(int argc, char **argv)
{
	enum mode mode;

	if (argc != 4) {
		fprintf(stderr, "usage: dispatch_bench full|hash|rbtree N CALLS\n");
		return 2;
	}
	if (!strcmp(argv[1], "full"))
		mode = FULL;
	else if (!strcmp(argv[1], "hash"))
		mode = HASH;
	else if (!strcmp(argv[1], "rbtree"))
		mode = RBTREE;
	else {
		fprintf(stderr, "dispatch_bench: unknown mode %s\n", argv[1]);
		return 2;
	}
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
	hv_lock_init(&tree_lock);
	for (unsigned i = 0; i < n; i++) {
		entries[i].node.key = number_of(i);
		entries[i].fn = handler;
		entries[i].priv = (void *)(uintptr_t)i;
		if (rb_insert(&tree, &entries[i].node) ||
		    hv_register_hypercall(vm, HV_ABI_PALACIOS, number_of(i), handler,
					  (void *)(uintptr_t)i)) {
			fprintf(stderr, "dispatch_bench: registering handler %u failed\n", i);
			return 1;
		}
	}
	if (rb_check(tree.root) < 0) {
		fprintf(stderr, "dispatch_bench: red-black invariants broken\n");
		return 1;
	}

	/* Every number must reach its handler both ways: checked once,
	 * outside the counted loop. */
	struct hv_vcpu *vcpu = &vm->vcpus[0];
	for (unsigned i = 0; i < (n < 64 ? n : 64); i++) {
		hv_handler_fn fn = 0;
		void *priv = 0;

		vcpu->regs.r[RAX] = number_of(i);
		(void)hv_handle_trap(&hv, vcpu, HCALL_TRAP_VMMCALL, 0, 0);
		if (vcpu->regs.r[RAX] != (number_of(i) ^ i) || !rbtree_find(number_of(i), &fn, &priv) ||
		    (uintptr_t)priv != i) {
			fprintf(stderr, "dispatch_bench: call %u did not reach its handler\n", i);
			return 1;
		}
	}
	bench_loop(mode, &hv, vcpu, n, calls);
	printf("%s %u %u\n", argv[1], n, calls);
	return 0;
}
