/* SPDX-License-Identifier: MIT */
/*
 * The core on riscv64: hvisor (v0.4 src/arch/riscv64/sbi.rs: ecall, a7 =
 * 0x114514, a0 code, a1/a2 args; success a0 = 0, a1 = value; failure
 * a0 = -1 (SBI_ERR_FAILED), a1 = -errno) and the SBI (spec: a7 EID, a6 FID, a0-a5
 * args; a0 error, a1 value). a0 = x10, a1 = x11, a6 = x16, a7 = x17.
 */
#include "harness.h"

#define A0 10
#define A1 11
#define A2 12
#define A6 16
#define A7 17
#define HVISOR_EID 0x114514u
#define SBI_BASE 0x10u
#define SBI_SRST 0x53525354u
/* SBI errors */
#define SBI_NOT_SUPPORTED (-2)
#define SBI_INVALID_PARAM (-3)
#define SBI_INVALID_ADDRESS (-5)
#define PROBE_EID 0x0A484300u
#define PATTERN(i) (0x9e0b5a5a00000000ull | (0xa0u + (i)))

static struct hv_vm *svc;
static struct hv_vcpu *cpu;

static void setup(void)
{
	setup_arch(HCALL_ARCH_RISCV64);
	svc = make_vm_caps(0, HV_ROLE_SERVICE,
			   HV_ABI_BIT(HV_ABI_HVISOR) | HV_ABI_BIT(HV_ABI_SBI),
			   HV_CAP_PROBE, 1);
	make_vm(1, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_SBI), 0);
	cpu = &svc->vcpus[0];
}

TestSuite(riscv, .init = setup);

static enum hv_action ecall(uint64_t a7, uint64_t a6, uint64_t a0, uint64_t a1,
			    uint64_t a2)
{
	enum hv_action a;

	poison(cpu);
	cpu->regs.r[A7] = a7;
	cpu->regs.r[A6] = a6;
	cpu->regs.r[A0] = a0;
	cpu->regs.r[A1] = a1;
	cpu->regs.r[A2] = a2;
	a = trap(cpu, HCALL_TRAP_ECALL, 0);
	assert_untouched_except(cpu, (1u << A0) | (1u << A1),
				(1u << A7) | (1u << A6) | (1u << A2));
	return a;
}

#define ERR ((int64_t)cpu->regs.r[A0])
#define VAL (cpu->regs.r[A1])

Test(riscv, hvisor_error_and_value_registers)
{
	uint64_t magic = 0;

	ecall(HVISOR_EID, 0, 99, 0, 0);
	cr_assert_eq(ERR, -1);
	cr_assert_eq((int64_t)VAL, -38);
	ecall(HVISOR_EID, 0, 4 /* zone_list */, R1, 8);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 1); /* the running root zone */
	ecall(HVISOR_EID, 0, 4, 0, 8);
	cr_assert_eq(ERR, -1);
	cr_assert_eq((int64_t)VAL, -22); /* hvisor: a null list is EINVAL */
	ecall(HVISOR_EID, 0, 5 /* ivc_info */, R1, 0);
	cr_assert_eq(ERR, -1);
	cr_assert_eq((int64_t)VAL, -19); /* ENODEV: no ivc configs */
	ecall(HVISOR_EID, 0, 6 /* config_check */, R1 + 3, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 0);
	memcpy(&magic, mem[0][1] + 3, 8);
	cr_assert_eq(magic, 5);
	ecall(HVISOR_EID, 0, 6, 0x10, 0);
	cr_assert_eq(ERR, -1);
	cr_assert_eq((int64_t)VAL, -14);
}

Test(riscv, sbi_probe_lists_hvisor)
{
	ecall(SBI_BASE, 3 /* probe_extension */, HVISOR_EID, 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 1);
}

Test(riscv, sbi_base)
{
	ecall(SBI_BASE, 0, 0, 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 0x02000000); /* SBI 2.0 */
	ecall(SBI_BASE, 1, 0, 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 0x6863616C); /* hcall's implementation ID */
	ecall(SBI_BASE, 2, 0, 0, 0);
	cr_assert_eq(VAL, 1);
	for (unsigned fid = 4; fid <= 6; fid++) {
		ecall(SBI_BASE, fid, 0, 0, 0);
		cr_assert_eq(ERR, 0);
		cr_assert_eq(VAL, 0);
	}
	ecall(SBI_BASE, 3, SBI_SRST, 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 1);
	ecall(SBI_BASE, 3, SBI_BASE, 0, 0);
	cr_assert_eq(VAL, 1);
	ecall(SBI_BASE, 3, 0x48534D /* HSM */, 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 1);
	ecall(SBI_BASE, 3, 0x504D55 /* PMU: not implemented */, 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 0);
	ecall(SBI_BASE, 3, PROBE_EID, 0, 0);
	cr_assert_eq(VAL, 1);
}

Test(riscv, sbi_unknown)
{
	ecall(0x12345, 0, 0, 0, 0);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED);
	cr_assert_eq(VAL, 0);
	ecall(SBI_BASE, 7, 0, 0, 0);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED);
	ecall(SBI_BASE | (1ull << 32), 0, 0, 0, 0);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED);
	ecall(SBI_BASE, 1ull << 32, 0, 0, 0);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED);
}

Test(riscv, srst)
{
	cr_assert_eq(ecall(SBI_SRST, 0, 5, 0, 0), HV_RESUME);
	cr_assert_eq(ERR, SBI_INVALID_PARAM);
	ecall(SBI_SRST, 0, 0, 7, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM);
	cr_assert_eq(ecall(SBI_SRST, 0, 1, 0, 0), HV_SYSTEM_RESET);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(ecall(SBI_SRST, 0, 0, 1, 0), HV_SYSTEM_OFF);
	cr_assert_eq(H.exit_code, 1);
	cr_assert_eq(ecall(SBI_SRST, 0, 0, 0, 0), HV_SYSTEM_OFF);
	cr_assert_eq(H.exit_code, 0);
}

Test(riscv, probe_error_register_first)
{
	ecall(PROBE_EID, 0, 1, 2, 3);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, PATTERN(1));
	cr_assert_eq(cpu->probe.r[A2], 3);
	ecall(PROBE_EID, 1, R0 + 0x100, 0, 0);
	cr_assert_eq(ERR, 0);
	ecall(PROBE_EID, 1, R0 + MEM_SIZE, 0, 0);
	cr_assert_eq(ERR, SBI_INVALID_ADDRESS);
	ecall(HVISOR_EID, 0, 0x48430000u, 0, 0); /* hvisor's probe number */
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, PATTERN(1));
}

Test(riscv, privilege_and_no_rights)
{
	struct hv_vm *none = make_vm(2, HV_ROLE_NORMAL, 0, 1);

	poison(&none->vcpus[0]);
	cr_assert_eq(trap(&none->vcpus[0], HCALL_TRAP_ECALL, 0), HV_INJECTED);
	cr_assert_eq(fk.last_fault, HV_FAULT_UNDEF);
	assert_untouched_except(&none->vcpus[0], 0, 0);
	poison(cpu);
	PRIV(cpu) = 1;
	cr_assert_eq(trap(cpu, HCALL_TRAP_ECALL, 0), HV_INJECTED);
	cr_assert_eq(fk.last_fault, HV_FAULT_UNDEF);
	assert_untouched_except(cpu, 0, 0);
	PRIV(cpu) = 0;
	cr_assert_eq(trap(cpu, HCALL_TRAP_HVC, 0), HV_INJECTED);
}

Test(riscv, sbi_only_vm_sees_hvisor_id_as_sbi)
{
	struct hv_vm *g = make_vm(2, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_SBI), 1);
	struct hv_vcpu *v = &g->vcpus[0];

	poison(v);
	v->regs.r[A7] = HVISOR_EID;
	v->regs.r[A0] = 2;
	cr_assert_eq(trap(v, HCALL_TRAP_ECALL, 0), HV_RESUME);
	cr_assert_eq((int64_t)v->regs.r[A0], SBI_NOT_SUPPORTED);
	cr_assert_eq(v->regs.r[A1], 0);
}

static int64_t sbi_vendor(struct hv *hv, struct hv_vcpu *v, uint64_t nr, void *priv)
{
	(void)hv;
	(void)priv;
	v->regs.r[A1] = nr;
	return 0;
}

Test(riscv, registry_keys_sbi_by_eid_and_fid)
{
	uint64_t key = (0x09000001ull << 32) | 3;

	cr_assert_eq(hv_register_hypercall(svc, HV_ABI_SBI, key, sbi_vendor, NULL), 0);
	cr_assert_eq(hv_register_hypercall(svc, HV_ABI_SBI, (0x10ull << 32) | 0, sbi_vendor, NULL),
		     -17); /* base extension is the core's */
	ecall(0x09000001, 3, 0, 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, key);
	ecall(0x09000001, 4, 0, 0, 0);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED);
}

/* SBI HSM (spec v2.0, "Hart State Management Extension"): harts are the
 * VM's vCPUs; STARTED 0, STOPPED 1; ALREADY_AVAILABLE -6. */
#define SBI_HSM 0x48534Du
#define SBI_IPI 0x735049u
#define SBI_ALREADY_AVAILABLE (-6)

Test(riscv, sbi_hsm)
{
	struct hv_vcpu *boot = cpu;

	ecall(SBI_HSM, 2, 0, 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 0, "the caller is STARTED");
	ecall(SBI_HSM, 2, 1, 0, 0);
	cr_assert_eq(VAL, 1, "vCPU 1 starts STOPPED");
	ecall(SBI_HSM, 2, 2, 0, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "no hart 2");
	cr_assert_eq(VAL, 0);
	ecall(SBI_HSM, 0, 1, R1, 7);
	cr_assert_eq(ERR, SBI_INVALID_ADDRESS, "start_addr not executable");
	ecall(SBI_HSM, 0, 1, 0x10, 7);
	cr_assert_eq(ERR, SBI_INVALID_ADDRESS, "start_addr outside the VM");
	ecall(SBI_HSM, 0, 9, R0, 7);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "no hart 9");
	cr_assert(!svc->vcpus[1].online);

	cr_assert_eq(ecall(SBI_HSM, 0, 1, R0 + 0x100, 0xabc), HV_SWITCH);
	cr_assert_eq(ERR, 0);
	cr_assert(svc->vcpus[1].online);
	cr_assert_eq(svc->vcpus[1].entry, R0 + 0x100);
	cr_assert_eq(svc->vcpus[1].context_id, 0xabc);
	ecall(SBI_HSM, 2, 1, 0, 0);
	cr_assert_eq(VAL, 0, "STARTED");
	ecall(SBI_HSM, 0, 1, R0, 0);
	cr_assert_eq(ERR, SBI_ALREADY_AVAILABLE);
	ecall(SBI_HSM, 0, 0, R0, 0);
	cr_assert_eq(ERR, SBI_ALREADY_AVAILABLE, "the caller itself");

	/* hart_suspend: default retentive yields; reserved types refused. */
	cr_assert_eq(ecall(SBI_HSM, 3, 0, 0, 0), HV_SWITCH);
	cr_assert_eq(ERR, 0);
	ecall(SBI_HSM, 3, 1, 0, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "type 1 is reserved");
	ecall(SBI_HSM, 3, 0x80000001u, 0, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "0x80000001 is reserved");
	ecall(SBI_HSM, 3, 1ull << 32, 0, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "suspend_type is 32 bits");
	ecall(SBI_HSM, 3, 0x80000000u, R0, 0);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED, "non-retentive: not implemented");
	ecall(SBI_HSM, 3, 0x10000000u, 0, 0);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED, "platform type: not implemented");

	/* The started vCPU stops itself. */
	cpu = &svc->vcpus[1];
	cr_assert_eq(ecall(SBI_HSM, 1, 0, 0, 0), HV_VCPU_OFF);
	cpu = boot;
	cr_assert(!svc->vcpus[1].online);
	ecall(SBI_HSM, 2, 1, 0, 0);
	cr_assert_eq(VAL, 1, "STOPPED again");
}

/* SBI IPI: bit i of hart_mask = hart base + i; base -1 = every hart. */
Test(riscv, sbi_ipi)
{
	ecall(SBI_IPI, 0, 0x2, 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(fk.upcalls, 1);
	cr_assert_eq(fk.upcall_vcpu, &svc->vcpus[1]);
	ecall(SBI_IPI, 0, 0x1, 1, 0);
	cr_assert_eq(fk.upcalls, 2);
	cr_assert_eq(fk.upcall_vcpu, &svc->vcpus[1]);
	ecall(SBI_IPI, 0, 0, ~0ull, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(fk.upcalls, 4, "base -1: both vCPUs");
	/* Harts the VM does not have (another VM's are never addressable). */
	ecall(SBI_IPI, 0, 0x4, 0, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM);
	ecall(SBI_IPI, 0, 0x1, 2, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM);
	ecall(SBI_IPI, 0, 0x3, ~0ull - 1, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "base + bit wraps");
	ecall(SBI_IPI, 0, 1ull << 63, 0, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM);
	cr_assert_eq(fk.upcalls, 4, "a refused mask interrupts nobody");
	ecall(SBI_IPI, 0, 0, 0, 0);
	cr_assert_eq(ERR, 0, "an empty mask");
	cr_assert_eq(fk.upcalls, 4);
}

/* TIME, RFENCE and DBCN exist only with the riscv glue's hooks. */
#include "sbi_glue.h"

static struct {
	int timers, fences, bytes;
	uint64_t deadline, targets, start, size, asid;
	enum hv_sbi_fence kind;
	char out[128];
} g;

static void g_timer(struct hv_vcpu *v, uint64_t d)
{
	(void)v;
	g.timers++;
	g.deadline = d;
}

static void g_fence(struct hv_vcpu *v, uint64_t targets, enum hv_sbi_fence kind,
		    uint64_t start, uint64_t size, uint64_t asid)
{
	(void)v;
	g.fences++;
	g.targets = targets;
	g.kind = kind;
	g.start = start;
	g.size = size;
	g.asid = asid;
}

static void g_console(const char *buf, unsigned len)
{
	for (unsigned i = 0; i < len && g.bytes < (int)sizeof(g.out); i++)
		g.out[g.bytes++] = buf[i];
}

static int clears, restarts;

static void g_clear_ipi(struct hv_vcpu *v)
{
	(void)v;
	clears++;
}

static void g_restart(struct hv_vcpu *v)
{
	(void)v;
	restarts++;
}

/* The fake vCPU has no translation: the virtual address is the VM's
 * guest-physical one. */
static int g_read(struct hv_vcpu *v, uint64_t va, uint64_t *val)
{
	return hv_copy_from_guest(v->vm, val, va, 8) ? -1 : 0;
}

static const struct hv_sbi_glue fake_glue = { g_timer, g_fence, g_console, g_clear_ipi,
					      g_restart, g_read };

#define SBI_TIME 0x54494D45u
#define SBI_RFENCE 0x52464E43u
#define SBI_DBCN 0x4442434Eu

Test(riscv, sbi_glue_extensions)
{
	hv_sbi_set_glue(NULL);
	memset(&g, 0, sizeof(g));
	ecall(SBI_BASE, 3, SBI_TIME, 0, 0);
	cr_assert_eq(VAL, 0, "no glue: no TIME");
	ecall(SBI_TIME, 0, 123, 0, 0);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED);
	ecall(SBI_DBCN, 2, 'x', 0, 0);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED);

	hv_sbi_set_glue(&fake_glue);
	ecall(SBI_BASE, 3, SBI_TIME, 0, 0);
	cr_assert_eq(VAL, 1);
	ecall(SBI_BASE, 3, SBI_RFENCE, 0, 0);
	cr_assert_eq(VAL, 1);
	ecall(SBI_BASE, 3, SBI_DBCN, 0, 0);
	cr_assert_eq(VAL, 1);

	ecall(SBI_TIME, 0, 0x123456, 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(g.timers, 1);
	cr_assert_eq(g.deadline, 0x123456);

	/* RFENCE: a0 mask, a1 base, a2 start, a3 size (a4 asid). */
	ecall(SBI_RFENCE, 1, 0x3, 0, 0x1000);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(g.fences, 1);
	cr_assert_eq(g.targets, 0x3);
	cr_assert_eq(g.kind, HV_SBI_FENCE_VMA);
	cr_assert_eq(g.start, 0x1000);
	ecall(SBI_RFENCE, 0, 0x4, 0, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "hart 2 does not exist");
	cr_assert_eq(g.fences, 1);
	ecall(SBI_RFENCE, 0, 0, ~0ull, 0);
	cr_assert_eq(g.kind, HV_SBI_FENCE_I);
	cr_assert_eq(g.targets, 0x3, "base -1: every vCPU");
	for (unsigned fid = 3; fid <= 6; fid++) {
		ecall(SBI_RFENCE, fid, 1, 0, 0);
		cr_assert_eq(ERR, SBI_NOT_SUPPORTED, "HFENCE %u: no guest has H", fid);
	}

	/* DBCN: the buffer is checked against the VM's memory, copied once. */
	memcpy(mem[0][0], "hello", 5);
	ecall(SBI_DBCN, 0, 5, R0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 5);
	cr_assert_eq(g.bytes, 5);
	cr_assert(!memcmp(g.out, "hello", 5));
	ecall(SBI_DBCN, 0, 5, R0, 1);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "base_addr_hi != 0");
	ecall(SBI_DBCN, 0, 5, 0x10, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "outside the VM");
	ecall(SBI_DBCN, 0, 16, R0 + MEM_SIZE - 8, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "straddles the end of the region");
	ecall(SBI_DBCN, 0, 5, ~0ull - 2, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "wraps");
	cr_assert_eq(g.bytes, 5, "a refused write writes nothing");
	ecall(SBI_DBCN, 0, 1000, R0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 64, "at most one chunk per call (a partial write)");
	ecall(SBI_DBCN, 2, 'z', 0, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(g.out[g.bytes - 1], 'z');
	ecall(SBI_DBCN, 1, 8, R1, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 0, "no console input");
	hv_sbi_set_glue(NULL);
}

/* Legacy (v0.1): a7 = EID, result in a0 only, a1 preserved. */
Test(riscv, sbi_legacy)
{
	hv_sbi_set_glue(&fake_glue);
	memset(&g, 0, sizeof(g));
	clears = 0;
	ecall(SBI_BASE, 3, 0x01, 0, 0);
	cr_assert_eq(VAL, 1, "legacy console_putchar present");
	ecall(SBI_BASE, 3, 0x04, 0, 0);
	cr_assert_eq(VAL, 1, "legacy send_ipi present");

	ecall(0x01, 0, 'k', 0x1111, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 0x1111, "a1 preserved (only a0 is a legacy result)");
	cr_assert_eq(g.out[0], 'k');
	ecall(0x02, 0, 0, 0x1111, 0);
	cr_assert_eq(ERR, -1, "getchar: no input");
	cr_assert_eq(VAL, 0x1111);
	ecall(0x00, 0, 0x999, 0x1111, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(g.deadline, 0x999);
	cr_assert_eq(VAL, 0x1111);
	ecall(0x03, 0, 0, 0, 0);
	cr_assert_eq(clears, 1);
	/* Hart masks: the address of an unsigned long (0 = every hart). */
	{
		uint64_t m = 0x2;

		memcpy(mem[0][0] + 0x100, &m, 8);
		m = 0x5;
		memcpy(mem[0][0] + 0x108, &m, 8);
	}
	fk.upcalls = 0;
	ecall(0x04, 0, R0 + 0x100, 0x1111, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(VAL, 0x1111);
	cr_assert_eq(fk.upcalls, 1);
	cr_assert_eq(fk.upcall_vcpu, &svc->vcpus[1]);
	ecall(0x04, 0, 0, 0x1111, 0);
	cr_assert_eq(fk.upcalls, 3, "mask address 0: both vCPUs");
	ecall(0x04, 0, R0 + 0x108, 0x1111, 0);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "hart 2 does not exist");
	ecall(0x04, 0, 0x10, 0x1111, 0);
	cr_assert_eq(ERR, SBI_INVALID_ADDRESS, "the mask does not read");
	cr_assert_eq(fk.upcalls, 3);
	ecall(0x05, 0, R0 + 0x100, 0x1111, 0);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(g.kind, HV_SBI_FENCE_I);
	cr_assert_eq(g.targets, 0x2);
	ecall(0x06, 0, R0 + 0x100, 0x3000, 0x2000);
	cr_assert_eq(g.kind, HV_SBI_FENCE_VMA);
	cr_assert_eq(g.start, 0x3000);
	cr_assert_eq(g.size, 0x2000);
	ecall(0x07, 0, 0x10, 0, 0);
	cr_assert_eq(ERR, SBI_INVALID_ADDRESS);
	cr_assert_eq(VAL, 0, "a1 (start) preserved");
	cr_assert_eq(ecall(0x08, 0, 0, 0, 0), HV_SYSTEM_OFF, "the service VM's shutdown");
	hv_sbi_set_glue(NULL);
	ecall(0x01, 0, 'k', 0x1111, 0);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED, "no console hook");
	cr_assert_eq(VAL, 0x1111);
}

#define SBI_SUSP 0x53555350u
#define SBI_DENIED (-4)

/* SUSP and HSM's non-retentive suspend: restart the caller at resume_addr. */
Test(riscv, sbi_suspend)
{
	hv_sbi_set_glue(&fake_glue);
	restarts = 0;
	ecall(SBI_BASE, 3, SBI_SUSP, 0, 0);
	cr_assert_eq(VAL, 1);
	ecall(SBI_SUSP, 0, 1, R0, 5);
	cr_assert_eq(ERR, SBI_INVALID_PARAM, "sleep type 1 is reserved");
	ecall(SBI_SUSP, 0, 0x80000000u, R0, 5);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED, "platform sleep type");
	ecall(SBI_SUSP, 0, 0, R1, 5);
	cr_assert_eq(ERR, SBI_INVALID_ADDRESS, "resume_addr not executable");
	svc->vcpus[1].online = 1;
	ecall(SBI_SUSP, 0, 0, R0, 5);
	cr_assert_eq(ERR, SBI_DENIED, "another vCPU is not STOPPED");
	svc->vcpus[1].online = 0;
	cr_assert_eq(restarts, 0);
	cr_assert_eq(ecall(SBI_SUSP, 0, 0, R0 + 0x40, 5), HV_SWITCH);
	cr_assert_eq(ERR, 0);
	cr_assert_eq(restarts, 1);
	cr_assert_eq(cpu->entry, R0 + 0x40);
	cr_assert_eq(cpu->context_id, 5);
	cr_assert_eq(ecall(SBI_HSM, 3, 0x80000000u, R0 + 0x80, 6), HV_SWITCH);
	cr_assert_eq(restarts, 2);
	cr_assert_eq(cpu->entry, R0 + 0x80);
	cr_assert_eq(cpu->context_id, 6);
	ecall(SBI_HSM, 3, 0x80000000u, R1, 6);
	cr_assert_eq(ERR, SBI_INVALID_ADDRESS);
	hv_sbi_set_glue(NULL);
	ecall(SBI_HSM, 3, 0x80000000u, R0, 6);
	cr_assert_eq(ERR, SBI_NOT_SUPPORTED, "without the restart hook");
}
