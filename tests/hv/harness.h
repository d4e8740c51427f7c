/* SPDX-License-Identifier: MIT */
/*
 * A fake architecture for driving hv_handle_trap() on the host: ops that
 * record injected faults, upcalls and their withdrawal, and VM
 * starts/stops, VMs whose memory is ordinary host buffers, and frames
 * pre-filled with a poison pattern.
 *
 * Register numbers in the tests are written from the specifications and
 * seeds (see each test file), never taken from the ABI headers.
 */
#ifndef HV_TEST_HARNESS_H
#define HV_TEST_HARNESS_H

#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "hv.h"
#include "service.h"

#define POISON 0x5afe5afe5afe5afeull
#define MEM_SIZE 0x10000u

struct fake {
	int faults;
	enum hv_fault last_fault;
	struct hv_vcpu *fault_vcpu;
	int upcalls;
	struct hv_vcpu *upcall_vcpu;
	unsigned upcall_vector;
	int withdrawals;
	struct hv_vcpu *withdraw_vcpu;
	int starts, stops, pauses;
	int start_ret;
	char console[64]; /* console_putc's characters */
	unsigned nconsole;
	int unhalts;                  /* unhalt (KVM x86 KICK_CPU) */
	struct hv_vcpu *unhalt_vcpu;
	int yields, yield_ret;        /* yield_to (SCHED_YIELD): its answer */
	struct hv_vcpu *yield_from, *yield_vcpu;
};

static struct fake fk;
static struct hv H;
/* Memory of up to four VMs, two regions each. */
static uint8_t mem[4][2][MEM_SIZE];

static void f_inject(struct hv_vcpu *v, enum hv_fault f)
{
	fk.faults++;
	fk.last_fault = f;
	fk.fault_vcpu = v;
}
static void f_upcall(struct hv_vcpu *v, unsigned vector)
{
	fk.upcalls++;
	fk.upcall_vcpu = v;
	fk.upcall_vector = vector;
}
static int f_start(struct hv_vm *vm)
{
	(void)vm;
	fk.starts++;
	return fk.start_ret;
}
static void f_stop(struct hv_vm *vm)
{
	(void)vm;
	fk.stops++;
}
static void f_pause(struct hv_vm *vm)
{
	(void)vm;
	fk.pauses++;
}
static void f_putc(struct hv_vm *vm, char c)
{
	(void)vm;
	if (fk.nconsole < sizeof(fk.console))
		fk.console[fk.nconsole++] = c;
}

static void f_unhalt(struct hv_vcpu *v)
{
	fk.unhalts++;
	fk.unhalt_vcpu = v;
}
static int f_yield_to(struct hv_vcpu *from, struct hv_vcpu *to)
{
	fk.yields++;
	fk.yield_from = from;
	fk.yield_vcpu = to;
	return fk.yield_ret;
}
static void f_withdraw(struct hv_vcpu *v)
{
	fk.withdrawals++;
	fk.withdraw_vcpu = v;
}

static struct hv_arch_ops ops = { .arch = HCALL_ARCH_ARM64, .inject_fault = f_inject,
				  .upcall = f_upcall, .vm_start = f_start, .vm_stop = f_stop,
				  .vm_pause = f_pause, .console_putc = f_putc, .unhalt = f_unhalt,
				  .yield_to = f_yield_to, .upcall_withdraw = f_withdraw };

/* The privilege the glue would report for each vCPU's next trap. */
static unsigned privilege[HV_MAX_VMS][HV_MAX_VCPUS];
#define PRIV(v) privilege[(v)->vm->id][(v)->id]

static inline void setup_arch(enum hcall_arch arch)
{
	memset(&fk, 0, sizeof(fk));
	memset(mem, 0, sizeof(mem));
	memset(privilege, 0, sizeof(privilege));
	ops.arch = arch;
	cr_assert_eq(hv_init(&H, &ops), 0);
}

/* VM n: region 0 at 0x40000000 (RWX), region 1 at 0x80000000 (RW),
 * both MEM_SIZE bytes, backed by mem[n]. */
#define R0 0x40000000ull
#define R1 0x80000000ull

static inline struct hv_vm *make_vm_caps(unsigned n, enum hv_role role, uint32_t abis,
					 uint32_t caps, int start)
{
	struct hv_vm_config c;
	struct hv_vm *vm;

	memset(&c, 0, sizeof(c));
	c.name = role == HV_ROLE_SERVICE ? "service" : "guest";
	c.role = role;
	c.abis = abis;
	c.caps = caps;
	c.entry = R0;
	c.nvcpus = 2;
	c.regions[0] = (struct hv_region){ R0, MEM_SIZE, mem[n][0],
					   HV_MEM_READ | HV_MEM_WRITE | HV_MEM_EXEC };
	c.regions[1] = (struct hv_region){ R1, MEM_SIZE, mem[n][1],
					   HV_MEM_READ | HV_MEM_WRITE };
	c.nregions = 2;
	c.start = start;
	vm = hv_vm_create(&H, &c);
	cr_assert_not_null(vm);
	return vm;
}

static inline struct hv_vm *make_vm(unsigned n, enum hv_role role, uint32_t abis,
				    int start)
{
	return make_vm_caps(n, role, abis, 0, start);
}

static inline void poison(struct hv_vcpu *v)
{
	for (int i = 0; i < HCALL_NREGS; i++)
		v->regs.r[i] = POISON + (uint64_t)i;
}

static inline enum hv_action trap(struct hv_vcpu *v, enum hcall_trap t, uint32_t imm)
{
	return hv_handle_trap(&H, v, t, imm, PRIV(v));
}

/* Registers other than those listed (bitmask) still hold the poison. */
static inline void assert_untouched_except(const struct hv_vcpu *v, uint32_t changed,
					   uint32_t args)
{
	for (int i = 0; i < HCALL_NREGS; i++)
		if (!((changed | args) & (1u << i)))
			cr_assert_eq(v->regs.r[i], POISON + (uint64_t)i,
				     "register %d changed", i);
}

#define ALL_ABIS HV_ABI_ALL

#endif /* HV_TEST_HARNESS_H */
