/* SPDX-License-Identifier: MIT */
/*
 * hv/dispatch.c - from a trapped frame to a result: decode, policy,
 * lookup, write-back.
 *
 * Decode (which ABI a trap belongs to):
 *   arm64   HVC #0x4856              hvisor
 *           HVC #0 / SMC #0          SMCCC (arch calls, PSCI, KVM vendor)
 *           any other immediate, or a family the VM lacks:
 *                                    x0 = ~0 (SMCCC NOT_SUPPORTED), as KVM
 *                                    answers an HVC with an unknown
 *                                    immediate; nothing else is written
 *   riscv   ecall, a7 = 0x114514     hvisor (if the VM has it, else SBI)
 *           ecall, anything else     SBI, by EID (a7) and FID (a6)
 *   x86     VMCALL / VMMCALL         the VM's one x86 ABI (KVM, ACRN or
 *                                    Palacios; the configuration allows one)
 *   any other trap                   undefined-instruction fault
 *
 * Policy, in this order, before any handler runs (ACRN's rules, on every
 * architecture):
 *   1. a VM with no hypercall ABI at all: UNDEF injected, registers kept;
 *   2. caller not at guest-kernel privilege: #GP(0) on x86 (the KVM ABI
 *      answers -KVM_EPERM instead, as KVM does), UNDEF elsewhere;
 *   3. a number the VM's permission set excludes: the ABI's denial code;
 *   4. a non-zero reserved argument: the ABI's invalid-parameter code.
 *
 * Write-back: every result register of the convention (and the separate
 * error register) is written from the struct hv_call on every path that
 * returns to the guest, so no value the core did not choose reaches it.
 */
#include "call.h"
#include "hv_string.h"
#include "nospec.h"
#include "registry.h"

#include <hcall/abi/acrn.h>
#include <hcall/abi/hvisor.h>
#include <hcall/abi/kvm_x86.h>
#include <hcall/abi/palacios.h>
#include <hcall/abi/sbi.h>
#include <hcall/abi/smccc.h>

/* The conventions, straight from the ABI tables. */
static const struct hcall_conv_desc conv_hvisor_arm64 = HCALL_HVISOR_CONV_ARM64;
static const struct hcall_conv_desc conv_hvisor_riscv = HCALL_HVISOR_CONV_RISCV;
static const struct hcall_conv_desc conv_smccc_hvc = HCALL_SMCCC_CONV_ARM64;
static const struct hcall_conv_desc conv_smccc_smc = HCALL_SMCCC_CONV_ARM64_SMC;
static const struct hcall_conv_desc conv_sbi = HCALL_SBI_BASE_CONV_RISCV;
static const struct hcall_conv_desc conv_kvm_x86 = HCALL_KVM_X86_CONV;
static const struct hcall_conv_desc conv_acrn = HCALL_ACRN_CONV;
static const struct hcall_conv_desc conv_palacios = HCALL_PALACIOS_CONV;

const struct hv_svc *hv_svc_at(const struct hv_svc *table, uint64_t n,
			       uint64_t idx, uint64_t nr)
{
	const struct hv_svc *e;

	if (idx >= n)
		return NULL;
	e = &table[hv_index_nospec(idx, n)];
	return e->fn && e->nr == nr ? e : NULL;
}

/* What a trap decodes to. */
struct decoded {
	const struct hv_service *svc;
	const struct hcall_conv_desc *conv;
	int unknown_imm; /* arm64: answer x0 = ~0 and nothing else */
};

static int has(const struct hv_vm *vm, enum hv_abi abi)
{
	return (vm->abis & HV_ABI_BIT(abi)) != 0;
}

static struct decoded decode(enum hcall_arch arch, const struct hv_vm *vm,
			     const struct hcall_regs *regs, enum hcall_trap trap,
			     uint32_t imm)
{
	struct decoded d = { NULL, NULL, 0 };

	switch (arch) {
	case HCALL_ARCH_ARM64:
		if (trap != HCALL_TRAP_HVC && trap != HCALL_TRAP_SMC)
			break;
		if (trap == HCALL_TRAP_HVC && imm == conv_hvisor_arm64.imm &&
		    has(vm, HV_ABI_HVISOR)) {
			d.svc = &hv_svc_hvisor;
			d.conv = &conv_hvisor_arm64;
		} else if (imm == conv_smccc_hvc.imm && has(vm, HV_ABI_SMCCC)) {
			d.svc = &hv_svc_smccc;
			d.conv = trap == HCALL_TRAP_HVC ? &conv_smccc_hvc : &conv_smccc_smc;
		} else {
			d.unknown_imm = 1;
		}
		break;
	case HCALL_ARCH_RISCV64:
		if (trap != HCALL_TRAP_ECALL)
			break;
		if (regs->r[conv_hvisor_riscv.sel_reg] == conv_hvisor_riscv.sel_value &&
		    has(vm, HV_ABI_HVISOR)) {
			d.svc = &hv_svc_hvisor;
			d.conv = &conv_hvisor_riscv;
		} else {
			/* SBI is the riscv answer to everything else; a VM
			 * without it still gets SBI's NOT_SUPPORTED. */
			d.svc = &hv_svc_sbi;
			d.conv = &conv_sbi;
		}
		break;
	case HCALL_ARCH_X86_64:
		if (trap != HCALL_TRAP_VMCALL && trap != HCALL_TRAP_VMMCALL)
			break;
		if (has(vm, HV_ABI_KVM_X86)) {
			d.svc = &hv_svc_kvm_x86;
			d.conv = &conv_kvm_x86;
		} else if (has(vm, HV_ABI_ACRN)) {
			d.svc = &hv_svc_acrn;
			d.conv = &conv_acrn;
		} else if (has(vm, HV_ABI_PALACIOS)) {
			d.svc = &hv_svc_palacios;
			d.conv = &conv_palacios;
		}
		break;
	}
	return d;
}

static void write_back(struct hv_vcpu *vcpu, const struct hv_call *c)
{
	const struct hcall_conv_desc *conv = c->conv;
	unsigned i, n = conv->nres < HCALL_MAX_CONV_REGS ? conv->nres : HCALL_MAX_CONV_REGS;

	for (i = 0; i < n; i++)
		vcpu->regs.r[conv->res_regs[i] % HCALL_NREGS] = c->res[i];
	if (conv->err_reg != HCALL_REG_NONE)
		vcpu->regs.r[conv->err_reg % HCALL_NREGS] = (uint64_t)c->err;
}

static enum hv_action inject(struct hv *hv, struct hv_vcpu *vcpu,
			     enum hv_fault f)
{
	hv->ops->inject_fault(vcpu, f);
	return HV_INJECTED;
}

/* The call's number register, as the ABI reads it. */
static void read_number(struct hv_call *c, const struct hcall_regs *regs)
{
	uint64_t nr = regs->r[c->conv->nr_reg % HCALL_NREGS];

	if (c->abi == HV_ABI_SMCCC)
		nr &= 0xFFFFFFFFu; /* the function ID is w0 */
	c->nr = nr;
	c->ext = c->conv->sel_reg != HCALL_REG_NONE && c->abi == HV_ABI_SBI
			 ? regs->r[c->conv->sel_reg % HCALL_NREGS]
			 : 0;
}

static int reserved_ok(const struct hv_call *c, const struct hv_svc *e)
{
	unsigned i;

	for (i = e->nargs; i < (unsigned)e->nargs + e->nrsvd && i < c->conv->nargs; i++) {
		uint64_t v = c->arg[i];

		/* SMC32/HVC32 calls use the low 32 bits of each register. */
		if (c->abi == HV_ABI_SMCCC && !(c->nr & HCALL_SMCCC_SMC64_BIT))
			v &= 0xFFFFFFFFu;
		if (v)
			return 0;
	}
	return 1;
}

/* The registry's key for this call (see hv_register_hypercall). */
static int registry_key(const struct hv_call *c, uint64_t *key)
{
	if (c->abi != HV_ABI_SBI) {
		*key = c->nr;
		return 1;
	}
	if (c->ext > 0xFFFFFFFFu || c->nr > 0xFFFFFFFFu)
		return 0;
	*key = (c->ext << 32) | c->nr;
	return 1;
}

/*
 * A registered handler sees the frame as the guest left it (arguments and
 * result registers overlap in every convention: Palacios' rbx..rsi,
 * SMCCC's x1-x3, SBI's a1), then its return value becomes the status.
 * Result registers it does not write keep the guest's own values, so no
 * hypervisor data can reach the guest through them.
 */
static int run_registered(struct hv_call *c)
{
	hv_handler_fn fn;
	void *priv;
	uint64_t key;
	int64_t ret;

	if (!registry_key(c, &key) ||
	    !hv_registry_find(c->hv, c->vm, c->abi, key, &fn, &priv))
		return 0;
	if (!(c->vm->perms & HV_PERM_CUSTOM)) {
		hv_call_status(c, c->svc_errs->denied);
		write_back(c->vcpu, c);
		return 1;
	}
	ret = fn(c->hv, c->vcpu, key, priv);
	c->vcpu->regs.r[(c->conv->err_reg != HCALL_REG_NONE ? c->conv->err_reg
							     : c->conv->res_regs[0]) %
			HCALL_NREGS] = (uint64_t)ret;
	return 1;
}

static const struct hv_svc probe_echo = { 0, hv_probe_echo, HV_PERM_ALL, 0, 0 };
static const struct hv_svc probe_dump = { 0, hv_probe_dump, HV_PERM_ALL, 1, 0 };

static const struct hv_svc *lookup(const struct hv_call *c,
				   const struct hv_service *svc)
{
	if (has(c->vm, HV_ABI_PROBE) && c->ext == svc->probe_ext) {
		if (c->nr == svc->probe_echo)
			return &probe_echo;
		if (c->nr == svc->probe_dump)
			return &probe_dump;
	}
	return svc->lookup(c);
}

int hv_builtin_number(const struct hv_vm *vm, enum hv_abi abi, uint64_t nr)
{
	static const struct hv_service *const by_abi[HV_ABI_COUNT] = {
		[HV_ABI_HVISOR] = &hv_svc_hvisor, [HV_ABI_SMCCC] = &hv_svc_smccc,
		[HV_ABI_SBI] = &hv_svc_sbi,       [HV_ABI_KVM_X86] = &hv_svc_kvm_x86,
		[HV_ABI_ACRN] = &hv_svc_acrn,     [HV_ABI_PALACIOS] = &hv_svc_palacios,
	};
	struct hv_call c;

	if ((unsigned)abi >= HV_ABI_COUNT || !by_abi[abi])
		return 0;
	hv_memset(&c, 0, sizeof(c));
	c.vm = (struct hv_vm *)vm;
	c.abi = abi;
	c.nr = nr;
	if (abi == HV_ABI_SBI) {
		c.ext = nr >> 32;
		c.nr = nr & 0xFFFFFFFFu;
	}
	return lookup(&c, by_abi[abi]) != NULL;
}

enum hv_action hv_handle_trap(struct hv *hv, struct hv_vcpu *vcpu,
			      enum hcall_trap trap, uint32_t imm)
{
	struct hv_vm *vm = vcpu->vm;
	struct decoded d;
	struct hv_call c;
	const struct hv_svc *e;
	unsigned i;

	if (!vm || !vm->abis)
		return inject(hv, vcpu, HV_FAULT_UNDEF);
	d = decode(hv->ops->arch, vm, &vcpu->regs, trap, imm);
	if (d.unknown_imm) {
		if (vcpu->privilege)
			return inject(hv, vcpu, HV_FAULT_UNDEF);
		vcpu->regs.r[0] = ~0ull;
		return HV_RESUME;
	}
	if (!d.svc)
		return inject(hv, vcpu, HV_FAULT_UNDEF);

	/*
	 * No blanket memset: the frame is only ever written from res[0..nres)
	 * and err, so those are zeroed, and services read arg[] below the
	 * convention's nargs, which is filled from the frame below.
	 */
	c.hv = hv;
	c.vcpu = vcpu;
	c.vm = vm;
	c.conv = d.conv;
	c.abi = d.svc->abi;
	c.svc_errs = &d.svc->errs;
	c.action = HV_RESUME;
	c.err = 0;
	for (i = 0; i < c.conv->nres && i < HCALL_MAX_CONV_REGS; i++)
		c.res[i] = 0;

	if (vcpu->privilege) {
		if (c.abi == HV_ABI_KVM_X86) {
			hv_call_status(&c, d.svc->errs.denied); /* -KVM_EPERM */
			write_back(vcpu, &c);
			return HV_RESUME;
		}
		return inject(hv, vcpu, hv->ops->arch == HCALL_ARCH_X86_64
						? HV_FAULT_GP0
						: HV_FAULT_UNDEF);
	}

	read_number(&c, &vcpu->regs);
	e = has(vm, c.abi) || c.abi == HV_ABI_SBI ? lookup(&c, d.svc) : NULL;
	/*
	 * A built-in service reads its own arguments and the reserved ones
	 * after them from one copy taken here, and nothing beyond; a
	 * registered handler reads the frame itself (run_registered).
	 */
	if (e) {
		unsigned n = (unsigned)e->nargs + e->nrsvd;

		if (n > c.conv->nargs)
			n = c.conv->nargs;
		for (i = 0; i < n && i < HCALL_MAX_CONV_REGS; i++)
			c.arg[i] = vcpu->regs.r[c.conv->arg_regs[i] % HCALL_NREGS];
	}
	if (!has(vm, c.abi) && !(e == &probe_echo || e == &probe_dump))
		e = NULL; /* SBI for a VM without it: only the probe answers */
	if (!e) {
		if (has(vm, c.abi) && run_registered(&c))
			return HV_RESUME;
		hv_call_status(&c, d.svc->errs.unknown);
	} else if (!hv_call_permitted(vm, e)) {
		hv_call_status(&c, d.svc->errs.denied);
	} else if (!reserved_ok(&c, e)) {
		hv_call_status(&c, d.svc->errs.invalid);
	} else {
		e->fn(&c);
	}
	write_back(vcpu, &c);
	return c.action;
}
