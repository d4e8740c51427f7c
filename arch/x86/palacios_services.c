/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/palacios_services.c - Palacios hypercall handlers.
 *
 * Registered with the core like any embedder's (hv/hv.h,
 * hv_register_hypercall): a handler reads its arguments in vcpu->regs as
 * the guest left them, writes only the result registers its call states
 * (MEM_OFFSET: rbx), and its return value lands in rax: 0 for success,
 * -1 for failure (Palacios has no finer code).
 */
#include <hcall/abi/palacios.h>

#include "console.h"
#include "guest_va.h"
#include "palacios_services.h"
#include "vm.h"

#define R_RBX HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG0)
#define R_RCX HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG1)
#define R_RDX HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG2)
#define R_RSI HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG3)
#define R_RSP HCALL_REG_IDX(HCALL_X86_RSP)
#define OS_DEBUG_MAX 256
#define SYMMOD_MAX (VM_MEM_SIZE)

/* A register as the guest loaded it. */
static uint64_t arg(const struct hv_vcpu *vcpu, unsigned reg)
{
	return vcpu->regs.r[reg];
}

static int64_t pal_test(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
			void *priv)
{
	(void)hv, (void)vcpu, (void)nr, (void)priv;
	return 0;
}

/* rbx = where the guest's memory starts in the host (Palacios returns its
 * host-virtual base; here host-physical, identity-mapped). */
static int64_t pal_mem_offset(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
			      void *priv)
{
	(void)hv, (void)nr, (void)priv;
	vcpu->regs.r[R_RBX] = (uint64_t)(uintptr_t)vcpu->vm->regions[0].host;
	return 0;
}

static int64_t pal_guest_info(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
			      void *priv)
{
	(void)hv, (void)nr, (void)priv;
	con_puts("# hv: palacios guest_info: vm ");
	con_puts(vcpu->vm->name);
	con_puts(" vcpu ");
	con_dec(vcpu->id);
	con_puts(" rip ");
	con_hex(vcpu->pc);
	con_puts(" rsp ");
	con_hex(arg(vcpu, R_RSP));
	con_putc('\n');
	return 0;
}

static unsigned long calls_seen;

static int64_t pal_telemetry(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
			     void *priv)
{
	(void)hv, (void)vcpu, (void)nr, (void)priv;
	con_puts("# hv: palacios telemetry: handler calls ");
	con_dec(++calls_seen);
	con_putc('\n');
	return 0;
}

/* Read guest memory: guest-virtual through the page tables, or
 * guest-physical through the VM's regions. */
static int guest_read(struct hv_vcpu *vcpu, uint64_t addr, int is_va,
		      void *dst, uint64_t len)
{
	if (is_va)
		return x86_guest_read_va(vcpu, addr, dst, len);
	return hv_copy_from_guest(vcpu->vm, dst, addr, len);
}

/* rbx = message, rcx = length, rdx = 1 if rbx is guest-virtual. */
static int64_t pal_os_debug(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
			    void *priv)
{
	uint64_t addr = arg(vcpu, R_RBX), len = arg(vcpu, R_RCX);
	uint64_t is_va = arg(vcpu, R_RDX);
	char msg[OS_DEBUG_MAX + 1];

	(void)hv, (void)nr, (void)priv;
	if (len > OS_DEBUG_MAX || is_va > 1 ||
	    guest_read(vcpu, addr, (int)is_va, msg, len))
		return -1;
	msg[len] = 0;
	for (uint64_t i = 0; i < len; i++)
		if (msg[i] < 0x20 || msg[i] > 0x7e)
			msg[i] = '.';
	con_puts("# hv: palacios os_debug: ");
	con_puts(msg);
	con_putc('\n');
	return 0;
}

/* rbx = symbol table (guest-virtual), rcx = its number of entries of
 * struct hcall_palacios_symbol_def32 (Palacios' vmm_symmod.c at
 * b8836aa7; rdx and rsi are not read). The table must lie in the guest's
 * mapped memory; the hypervisor only checks it (it has no symbiotic
 * modules). */
static int64_t pal_symmod_syms(struct hv *hv, struct hv_vcpu *vcpu,
			       uint64_t nr, void *priv)
{
	uint64_t tab = arg(vcpu, R_RBX), count = arg(vcpu, R_RCX);
	uint64_t len = count * sizeof(struct hcall_palacios_symbol_def32);
	uint8_t b;

	(void)hv, (void)nr, (void)priv;
	if (count == 0 || count > SYMMOD_MAX / sizeof(struct hcall_palacios_symbol_def32) ||
	    tab + len < tab)
		return -1;
	/* First and last byte: the range is mapped at both ends, and the
	 * VM's memory is one contiguous block. */
	if (x86_guest_read_va(vcpu, tab, &b, 1) ||
	    x86_guest_read_va(vcpu, tab + len - 1, &b, 1))
		return -1;
	return 0;
}

int palacios_register(struct hv_vm *vm)
{
	static const struct {
		uint64_t nr;
		hv_handler_fn fn;
	} tab[] = {
		{ HCALL_PALACIOS_TEST, pal_test },
		{ HCALL_PALACIOS_MEM_OFFSET, pal_mem_offset },
		{ HCALL_PALACIOS_GUEST_INFO, pal_guest_info },
		{ HCALL_PALACIOS_TELEMETRY, pal_telemetry },
		{ HCALL_PALACIOS_OS_DEBUG, pal_os_debug },
		{ HCALL_PALACIOS_SYMMOD_SYMS, pal_symmod_syms },
	};

	for (unsigned i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		int ret = hv_register_hypercall(vm, HV_ABI_PALACIOS, tab[i].nr,
						tab[i].fn, 0);
		if (ret)
			return ret;
	}
	return 0;
}
