/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/palacios_services.c - Palacios hypercall handlers.
 *
 * Registered with the core like any embedder's (hv/hv.h,
 * hv_register_hypercall): a handler reads its arguments in vcpu->regs as
 * the guest left them, writes the registers its call states, and its
 * return value lands in rax. They answer as Palacios at b8836aa7
 * (PeterDinda/palacios) does:
 *   success     rax untouched (the handler returns rax as the guest left
 *               it, which holds the call number)
 *   failure     -1. Palacios turns a failing handler into a VM-level error
 *               (the exit fails and the VM stops); hcall answers -1,
 *               Palacios' only code, and keeps the VM running
 *   TEST        rbx 0x1111, rcx 0x2222, rdx 0x3333, rsi 0x4444, rdi 0x5555
 *   TIME_CPUFREQ, TIME_RDHTSC
 *               rbx = the TSC frequency in kHz (calibrated against the PIT
 *               at boot), the TSC
 *   MEM_OFFSET  fails, as at b8836aa7 (its rbx write is commented out)
 *   GUEST_INFO, OS_DEBUG, SYMMOD_SYMS
 *               as Palacios' handlers; TELEMETRY is not registered (-1),
 *               as in Palacios
 */
#include <hcall/abi/palacios.h>

#include "console.h"
#include "cpu.h"
#include "guest_va.h"
#include "palacios_services.h"
#include "vm.h"

#define R_RBX HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG0)
#define R_RCX HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG1)
#define R_RDX HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG2)
#define R_RSI HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG3)
#define R_RSP HCALL_REG_IDX(HCALL_X86_RSP)
#define R_RAX HCALL_REG_IDX(HCALL_PALACIOS_REG_NR)
#define R_RDI HCALL_REG_IDX(HCALL_X86_RDI)
#define OS_DEBUG_MAX 256
#define SYMMOD_MAX (VM_MEM_SIZE)

/* A register as the guest loaded it. */
static uint64_t arg(const struct hv_vcpu *vcpu, unsigned reg)
{
	return vcpu->regs.r[reg];
}

/* Success: rax as the guest left it. */
static int64_t ok(const struct hv_vcpu *vcpu)
{
	return (int64_t)vcpu->regs.r[R_RAX];
}

static int64_t pal_test(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
			void *priv)
{
	(void)hv, (void)nr, (void)priv;
	vcpu->regs.r[R_RBX] = HCALL_PALACIOS_TEST_RBX;
	vcpu->regs.r[R_RCX] = HCALL_PALACIOS_TEST_RCX;
	vcpu->regs.r[R_RDX] = HCALL_PALACIOS_TEST_RDX;
	vcpu->regs.r[R_RSI] = HCALL_PALACIOS_TEST_RSI;
	vcpu->regs.r[R_RDI] = HCALL_PALACIOS_TEST_RDI;
	return ok(vcpu);
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* The TSC's frequency in kHz: TSC ticks over 10 ms of PIT channel 2
 * (1193182 Hz) in mode 0, gated through port 0x61. 0 if the PIT's output
 * never rises. */
static uint64_t tsc_khz;

static uint64_t calibrate_tsc_khz(void)
{
	const unsigned count = 11932; /* 10 ms */
	uint64_t t0, t1;
	unsigned long spins = 0;

	outb(0x61, (uint8_t)((inb(0x61) & ~0x02u) | 0x01u)); /* gate on, speaker off */
	outb(0x43, 0xB0); /* channel 2, lo/hi byte, mode 0 */
	outb(0x42, (uint8_t)(count & 0xff));
	outb(0x42, (uint8_t)(count >> 8));
	t0 = rdtsc();
	while (!(inb(0x61) & 0x20u))
		if (++spins > 100000000ul)
			return 0;
	t1 = rdtsc();
	return (t1 - t0) / 10;
}

static int64_t pal_time_cpufreq(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
				void *priv)
{
	(void)hv, (void)nr, (void)priv;
	if (!tsc_khz)
		return -1;
	vcpu->regs.r[R_RBX] = tsc_khz;
	return ok(vcpu);
}

static int64_t pal_time_rdhtsc(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
			       void *priv)
{
	(void)hv, (void)nr, (void)priv;
	vcpu->regs.r[R_RBX] = rdtsc();
	return ok(vcpu);
}

/* MEM_OFFSET: Palacios at b8836aa7 fails it (the handler returns -1 with
 * its rbx write commented out); so does hcall. */
static int64_t pal_mem_offset(struct hv *hv, struct hv_vcpu *vcpu, uint64_t nr,
			      void *priv)
{
	(void)hv, (void)vcpu, (void)nr, (void)priv;
	return -1;
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
	return ok(vcpu);
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
	return ok(vcpu);
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
	return ok(vcpu);
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
		{ HCALL_PALACIOS_TIME_CPUFREQ, pal_time_cpufreq },
		{ HCALL_PALACIOS_TIME_RDHTSC, pal_time_rdhtsc },
		{ HCALL_PALACIOS_OS_DEBUG, pal_os_debug },
		{ HCALL_PALACIOS_SYMMOD_SYMS, pal_symmod_syms },
	};

	if (!tsc_khz)
		tsc_khz = calibrate_tsc_khz();
	for (unsigned i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		int ret = hv_register_hypercall(vm, HV_ABI_PALACIOS, tab[i].nr,
						tab[i].fn, 0);
		if (ret)
			return ret;
	}
	return 0;
}
