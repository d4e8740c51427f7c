/* SPDX-License-Identifier: MIT */
/*
 * A hypervisor embedding hcall's core (hv/) adds a hypercall of its own,
 * the way Palacios' v3_register_hypercall() does: a handler for number
 * EXAMPLE_HC_ADD on one VM's Palacios ABI (VMMCALL, rax = number,
 * rbx.. = arguments, rax = status).
 *
 * To run on the build machine, the "guest" half below is built with the
 * simulated transport: its VMMCALL becomes a call to hcall_sim_trap(),
 * which does what the x86 glue does on a VMEXIT - copy the registers into
 * the vCPU, call hv_handle_trap(), copy them back.
 */
#include <hcall/palacios.h>
#include <hv.h>
#include <stdio.h>
#include <string.h>

/* A number in no table: Palacios leaves numbering to the embedder. */
#define EXAMPLE_HC_ADD 0x7a00u

/* The handler: rbx + rcx into rbx, status 0 in rax (written by the core
 * from the return value). Arguments and results use the register roles
 * of <hcall/abi/palacios.h>, as every ABI user does. */
static int64_t add_handler(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
			   void *priv)
{
	uint64_t *r = vcpu->regs.r;
	unsigned *count = priv;

	(void)hv;
	(void)nr;
	++*count;
	r[HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG0)] =
		r[HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG0)] +
		r[HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG1)];
	return 0;
}

/* ---- the embedder's side of the glue ------------------------------------ */

static struct hv hv; /* static: the core keeps its registry inside */
static struct hv_vcpu *current;

static void inject_fault(struct hv_vcpu *vcpu, enum hv_fault fault)
{
	(void)vcpu;
	printf("guest fault %d injected\n", (int)fault);
}
static void upcall(struct hv_vcpu *vcpu, unsigned vector)
{
	(void)vcpu;
	(void)vector;
}
static int vm_start(struct hv_vm *vm)
{
	(void)vm;
	return 0;
}
static void vm_stop(struct hv_vm *vm)
{
	(void)vm;
}

static const struct hv_arch_ops ops = {
	.arch = HCALL_ARCH_X86_64,
	.inject_fault = inject_fault,
	.upcall = upcall,
	.vm_start = vm_start,
	.vm_stop = vm_stop,
};

void hcall_sim_trap(enum hcall_trap trap, uint32_t imm, struct hcall_regs *regs)
{
	current->regs = *regs;
	hv_handle_trap(&hv, current, trap, imm, 0 /* the guest kernel */);
	*regs = current->regs;
}

int main(void)
{
	static uint8_t ram[4096];
	struct hv_vm_config cfg;
	struct hv_vm *vm;
	unsigned calls = 0;
	int ret;

	memset(&cfg, 0, sizeof(cfg));
	cfg.name = "guest";
	cfg.role = HV_ROLE_NORMAL;
	cfg.abis = HV_ABI_BIT(HV_ABI_PALACIOS);
	cfg.nvcpus = 1;
	cfg.regions[0].gpa = 0x100000;
	cfg.regions[0].size = sizeof(ram);
	cfg.regions[0].host = ram;
	cfg.regions[0].flags = HV_MEM_READ | HV_MEM_WRITE;
	cfg.nregions = 1;
	cfg.start = 1;
	if (hv_init(&hv, &ops) || !(vm = hv_vm_create(&hv, &cfg))) {
		puts("hv setup failed");
		return 1;
	}
	current = &vm->vcpus[0];

	ret = hv_register_hypercall(vm, HV_ABI_PALACIOS, EXAMPLE_HC_ADD,
				    add_handler, &calls);
	printf("register 0x%x: %d\n", EXAMPLE_HC_ADD, ret);
	/* A second registration of the same number is refused. */
	int dup = hv_register_hypercall(vm, HV_ABI_PALACIOS, EXAMPLE_HC_ADD,
					add_handler, &calls);
	printf("register again: %d (duplicate refused)\n", dup);

	/* The guest: VMMCALL with rax = 0x7a00, rbx = 40, rcx = 2. */
	struct hcall_palacios_ret r = hcall_palacios_call2(EXAMPLE_HC_ADD, 40, 2);
	printf("guest: rax = %lld, rbx = %llu\n", (long long)r.rax,
	       (unsigned long long)r.rbx);

	/* After unregistering, the number is unknown again: rax = -1. */
	hv_unregister_hypercall(vm, HV_ABI_PALACIOS, EXAMPLE_HC_ADD);
	struct hcall_palacios_ret gone = hcall_palacios_call2(EXAMPLE_HC_ADD, 1, 1);
	printf("after unregister: rax = %lld\n", (long long)gone.rax);

	if (ret == 0 && dup != 0 && r.rax == 0 && r.rbx == 42 && calls == 1 &&
	    (int64_t)gone.rax == -1)
		return 0;
	puts("FAIL: want register 0, duplicate refused, rax = 0 and rbx = 42 "
	     "(40 + 2) from one handler run, then rax = -1");
	if (calls == 1 && r.rax == 0 && r.rbx == 0)
		puts("the handler saw rbx = rcx = 0: the core cleared the "
		     "convention's result registers (rbx..rsi are results too) "
		     "before the handler could read its arguments");
	return 1;
}
