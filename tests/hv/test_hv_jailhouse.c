/* SPDX-License-Identifier: MIT */
/*
 * The core's Jailhouse service. Numbers written here from Jailhouse
 * (commit e57d1eff6d55): include/jailhouse/hypercall.h for the codes,
 * include/arch/arm64/asm/jailhouse_hypercall.h (hvc #0x4a48; x0 code,
 * x1/x2 arguments, x0 result), include/arch/x86/asm/jailhouse_hypercall.h
 * (rax code, rdi/rsi arguments, rax result), hypervisor/control.c and
 * hypervisor/arch/x86/vcpu.c for the answers; errno values from Linux.
 */
#include "harness.h"

#define JH_IMM 0x4a48u
#define HC_DISABLE 0
#define HC_CELL_CREATE 1
#define HC_CELL_START 2
#define HC_CELL_SET_LOADABLE 3
#define HC_CELL_DESTROY 4
#define HC_HYPERVISOR_GET_INFO 5
#define HC_CELL_GET_STATE 6
#define HC_CPU_GET_INFO 7
#define HC_DEBUG_CONSOLE_PUTC 8
#define INFO_MEM_POOL_SIZE 0
#define INFO_NUM_CELLS 4
#define CPU_INFO_STATE 0
#define CPU_INFO_STAT_BASE 1000
#define CELL_RUNNING 0
#define CELL_SHUT_DOWN 2
#define E_PERM (-1)
#define E_NOENT (-2)
#define E_NOMEM (-12)
#define E_BUSY (-16)
#define E_EXIST (-17)
#define E_INVAL (-22)
#define E_NOSYS (-38)
#define RAX 0
#define RSI 6
#define RDI 7

static struct hv_vm *root, *cell, *other;
static struct hv_vcpu *rc;

static void setup(void)
{
	setup_arch(HCALL_ARCH_ARM64);
	root = make_vm(0, HV_ROLE_SERVICE, HV_ABI_BIT(HV_ABI_JAILHOUSE), 1);
	cell = make_vm(1, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_JAILHOUSE), 0);
	other = make_vm(2, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_SMCCC), 1);
	rc = &root->vcpus[0];
}

TestSuite(jailhouse, .init = setup);

static int64_t jh(struct hv_vcpu *v, uint64_t code, uint64_t a1, uint64_t a2)
{
	poison(v);
	v->regs.r[0] = code;
	v->regs.r[1] = a1;
	v->regs.r[2] = a2;
	cr_assert_eq(trap(v, HCALL_TRAP_HVC, JH_IMM), HV_RESUME);
	/* only x0 is a result */
	assert_untouched_except(v, 1u << 0, 0x6);
	return (int64_t)v->regs.r[0];
}

/* A cell description header at gpa of the root cell (struct
 * jailhouse_cell_desc, packed: signature[5], architecture, revision,
 * name[32], id, flags). */
static void put_desc(uint64_t gpa, const char *sig, uint16_t revision, const char *name,
		     uint32_t id)
{
	uint8_t *p = mem[0][1] + (gpa - R1);

	memset(p, 0, 48);
	memcpy(p, sig, 5);
	memcpy(p + 6, &revision, 2);
	strncpy((char *)p + 8, name, 31);
	memcpy(p + 40, &id, 4);
}

Test(jailhouse, unknown_code_is_enosys)
{
	cr_assert_eq(jh(rc, 9, 0, 0), E_NOSYS);
	cr_assert_eq(jh(rc, 0x100000005ull, 0, 0), E_NOSYS);
}

Test(jailhouse, other_immediate_is_not_jailhouse)
{
	/* hvc #0 from a Jailhouse-only VM: SMCCC's answer, x0 = -1 */
	poison(rc);
	rc->regs.r[0] = HC_HYPERVISOR_GET_INFO;
	cr_assert_eq(trap(rc, HCALL_TRAP_HVC, 0), HV_RESUME);
	cr_assert_eq(rc->regs.r[0], ~0ull);
	/* hvc #0x4a48 from a VM without Jailhouse: the same */
	poison(&other->vcpus[0]);
	cr_assert_eq(trap(&other->vcpus[0], HCALL_TRAP_HVC, JH_IMM), HV_RESUME);
	cr_assert_eq(other->vcpus[0].regs.r[0], ~0ull);
}

Test(jailhouse, cell_lifecycle)
{
	put_desc(R1, "JHCLL", 14, "guest", 1);
	cr_assert_eq(jh(rc, HC_HYPERVISOR_GET_INFO, INFO_NUM_CELLS, 0), 1);
	cr_assert_eq(jh(rc, HC_CELL_GET_STATE, 1, 0), E_NOENT);
	cr_assert_eq(jh(rc, HC_CELL_START, 1, 0), E_NOENT);
	cr_assert_eq(jh(rc, HC_CELL_CREATE, R1, 0), 0);
	cr_assert_eq(jh(rc, HC_CELL_CREATE, R1, 0), E_EXIST);
	cr_assert_eq(jh(rc, HC_HYPERVISOR_GET_INFO, INFO_NUM_CELLS, 0), 2);
	cr_assert_eq(jh(rc, HC_CELL_GET_STATE, 1, 0), CELL_SHUT_DOWN);
	cr_assert_eq(cell->state, HV_VM_CREATED);

	cr_assert_eq(jh(rc, HC_CELL_START, 1, 0), 0);
	cr_assert_eq(cell->state, HV_VM_RUNNING);
	cr_assert(cell->vcpus[0].online);
	cr_assert_eq(jh(rc, HC_CELL_GET_STATE, 1, 0), CELL_RUNNING);
	cr_assert_eq(jh(rc, HC_DISABLE, 0, 0), E_BUSY); /* a cell exists */

	cr_assert_eq(jh(rc, HC_CELL_SET_LOADABLE, 1, 0), 0);
	cr_assert_eq(cell->state, HV_VM_STOPPED);
	cr_assert_eq(jh(rc, HC_CELL_GET_STATE, 1, 0), CELL_SHUT_DOWN);
	cr_assert_eq(jh(rc, HC_CELL_START, 1, 0), 0);
	cr_assert_eq(jh(rc, HC_CELL_START, 1, 0), 0); /* a restart */
	cr_assert_eq(cell->state, HV_VM_RUNNING);

	cr_assert_eq(jh(rc, HC_CELL_DESTROY, 1, 0), 0);
	cr_assert_eq(cell->state, HV_VM_STOPPED);
	cr_assert_eq(jh(rc, HC_CELL_GET_STATE, 1, 0), E_NOENT);
	cr_assert_eq(jh(rc, HC_CELL_DESTROY, 1, 0), E_NOENT);
	cr_assert_eq(jh(rc, HC_HYPERVISOR_GET_INFO, INFO_NUM_CELLS, 0), 1);
	/* no cell left: hcall cannot hand the machine back */
	cr_assert_eq(jh(rc, HC_DISABLE, 0, 0), E_PERM);
}

Test(jailhouse, root_cell_cannot_be_managed)
{
	cr_assert_eq(jh(rc, HC_CELL_START, 0, 0), E_INVAL);
	cr_assert_eq(jh(rc, HC_CELL_SET_LOADABLE, 0, 0), E_INVAL);
	cr_assert_eq(jh(rc, HC_CELL_DESTROY, 0, 0), E_INVAL);
	cr_assert_eq(jh(rc, HC_CELL_GET_STATE, 0, 0), CELL_RUNNING);
	cr_assert_eq(jh(rc, HC_CELL_START, 7, 0), E_NOENT);
	cr_assert_eq(jh(rc, HC_CELL_START, ~0ull, 0), E_NOENT);
}

Test(jailhouse, cell_create_checks)
{
	put_desc(R1, "JHCLX", 14, "guest", 1);
	cr_assert_eq(jh(rc, HC_CELL_CREATE, R1, 0), E_INVAL); /* signature */
	put_desc(R1, "JHCLL", 13, "guest", 1);
	cr_assert_eq(jh(rc, HC_CELL_CREATE, R1, 0), E_INVAL); /* revision */
	put_desc(R1, "JHCLL", 14, "nosuch", 1);
	cr_assert_eq(jh(rc, HC_CELL_CREATE, R1, 0), E_INVAL); /* no such VM */
	put_desc(R1, "JHCLL", 14, "guest", 2);
	cr_assert_eq(jh(rc, HC_CELL_CREATE, R1, 0), E_INVAL); /* VM 2 has no Jailhouse */
	put_desc(R1, "JHCLL", 14, "service", 0);
	cr_assert_eq(jh(rc, HC_CELL_CREATE, R1, 0), E_INVAL); /* the root cell */
	cr_assert_eq(jh(rc, HC_CELL_CREATE, 0x1000, 0), E_NOMEM); /* outside */
	cr_assert_eq(jh(rc, HC_CELL_CREATE, R1 + MEM_SIZE - 8, 0), E_NOMEM); /* past end */
	cr_assert_eq(jh(rc, HC_HYPERVISOR_GET_INFO, INFO_NUM_CELLS, 0), 1);
	cr_assert_eq(fk.starts, 2); /* the root cell and VM 2 at boot only */
}

Test(jailhouse, non_root_cell)
{
	struct hv_vcpu *c = &cell->vcpus[0];

	put_desc(R1, "JHCLL", 14, "guest", 1);
	cr_assert_eq(jh(rc, HC_CELL_CREATE, R1, 0), 0);
	cr_assert_eq(jh(rc, HC_CELL_START, 1, 0), 0);
	/* management: -EPERM for a non-root cell (hypervisor/control.c) */
	cr_assert_eq(jh(c, HC_DISABLE, 0, 0), E_PERM);
	cr_assert_eq(jh(c, HC_CELL_CREATE, R1, 0), E_PERM);
	cr_assert_eq(jh(c, HC_CELL_START, 1, 0), E_PERM);
	cr_assert_eq(jh(c, HC_CELL_SET_LOADABLE, 1, 0), E_PERM);
	cr_assert_eq(jh(c, HC_CELL_DESTROY, 1, 0), E_PERM);
	cr_assert_eq(jh(c, HC_CELL_GET_STATE, 1, 0), E_PERM);
	/* information: any cell */
	cr_assert_eq(jh(c, HC_HYPERVISOR_GET_INFO, INFO_MEM_POOL_SIZE, 0), 0);
	cr_assert_eq(jh(c, HC_HYPERVISOR_GET_INFO, INFO_NUM_CELLS, 0), 2);
	cr_assert_eq(jh(c, HC_HYPERVISOR_GET_INFO, 5, 0), E_INVAL);
	/* its own CPUs (cell 1: CPUs 4 and 5), not the root cell's */
	cr_assert_eq(jh(c, HC_CPU_GET_INFO, 4, CPU_INFO_STATE), 0);
	cr_assert_eq(jh(c, HC_CPU_GET_INFO, 5, CPU_INFO_STATE), 0);
	cr_assert_eq(jh(c, HC_CPU_GET_INFO, 0, CPU_INFO_STATE), E_PERM);
	cr_assert_eq(jh(c, HC_CPU_GET_INFO, 6, CPU_INFO_STATE), E_INVAL);
	cr_assert_eq(jh(c, HC_CPU_GET_INFO, ~0ull, CPU_INFO_STATE), E_INVAL);
	cr_assert_eq(jh(c, HC_CPU_GET_INFO, 4, CPU_INFO_STAT_BASE), E_INVAL);
	/* the root cell sees every CPU */
	cr_assert_eq(jh(rc, HC_CPU_GET_INFO, 4, CPU_INFO_STATE), 0);
	cr_assert_eq(jh(rc, HC_CPU_GET_INFO, 1, CPU_INFO_STATE), 0);
	/* the debug console */
	cr_assert_eq(jh(c, HC_DEBUG_CONSOLE_PUTC, 'j', 0), 0);
	cr_assert_eq(jh(c, HC_DEBUG_CONSOLE_PUTC, 'h', 0), 0);
	cr_assert_eq(fk.nconsole, 2);
	cr_assert_eq(fk.console[0], 'j');
	cr_assert_eq(fk.console[1], 'h');
}

Test(jailhouse, putc_without_console_is_eperm)
{
	struct hv_arch_ops no_console = ops;

	no_console.console_putc = NULL;
	H.ops = &no_console;
	cr_assert_eq(jh(rc, HC_DEBUG_CONSOLE_PUTC, 'x', 0), E_PERM);
	H.ops = &ops;
}

Test(jailhouse, x86_convention_and_user_mode)
{
	struct hv_vm *vm;
	struct hv_vcpu *v;

	setup_arch(HCALL_ARCH_X86_64);
	vm = make_vm(0, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_JAILHOUSE), 1);
	v = &vm->vcpus[0];
	for (int t = HCALL_TRAP_VMCALL; t <= HCALL_TRAP_VMMCALL; t++) {
		poison(v);
		v->regs.r[RAX] = HC_CPU_GET_INFO;
		v->regs.r[RDI] = 0;
		v->regs.r[RSI] = CPU_INFO_STATE;
		cr_assert_eq(trap(v, (enum hcall_trap)t, 0), HV_RESUME);
		cr_assert_eq(v->regs.r[RAX], 0);
		assert_untouched_except(v, 1u << RAX, (1u << RDI) | (1u << RSI));
		poison(v);
		v->regs.r[RAX] = HC_HYPERVISOR_GET_INFO;
		v->regs.r[RDI] = 99;
		cr_assert_eq(trap(v, (enum hcall_trap)t, 0), HV_RESUME);
		cr_assert_eq((int64_t)v->regs.r[RAX], E_INVAL);
	}
	/* CPL 3: rax = -EPERM, no exception (vcpu_handle_hypercall) */
	PRIV(v) = 3;
	poison(v);
	v->regs.r[RAX] = HC_HYPERVISOR_GET_INFO;
	v->regs.r[RDI] = INFO_NUM_CELLS;
	cr_assert_eq(trap(v, HCALL_TRAP_VMCALL, 0), HV_RESUME);
	cr_assert_eq((int64_t)v->regs.r[RAX], E_PERM);
	cr_assert_eq(fk.faults, 0);
}

Test(jailhouse, one_x86_abi_per_vm)
{
	struct hv_vm_config c;

	setup_arch(HCALL_ARCH_X86_64);
	memset(&c, 0, sizeof(c));
	c.nvcpus = 1;
	c.abis = HV_ABI_BIT(HV_ABI_JAILHOUSE) | HV_ABI_BIT(HV_ABI_KVM_X86);
	cr_assert_null(hv_vm_create(&H, &c)); /* both claim VMCALL */
	/* nor Jailhouse and hvisor (both VMCALL on x86) */
	c.abis = HV_ABI_BIT(HV_ABI_JAILHOUSE) | HV_ABI_BIT(HV_ABI_HVISOR);
	cr_assert_null(hv_vm_create(&H, &c));
	/* on arm64 Jailhouse (hvc #0x4a48) sits beside hvisor and SMCCC */
	setup_arch(HCALL_ARCH_ARM64);
	c.abis = HV_ABI_BIT(HV_ABI_JAILHOUSE) | HV_ABI_BIT(HV_ABI_HVISOR) |
		 HV_ABI_BIT(HV_ABI_SMCCC);
	cr_assert_not_null(hv_vm_create(&H, &c));
}
