/* SPDX-License-Identifier: MIT */
/*
 * The core on x86_64. Register numbers in encoding order: rax 0, rcx 1,
 * rdx 2, rbx 3, rsi 6, rdi 7, r8 8.
 *   KVM (Documentation/virt/kvm/x86/hypercalls.rst): rax nr, rbx rcx rdx
 *   rsi args, rax result; CPL != 0 gets -KVM_EPERM; unknown -KVM_ENOSYS.
 *   ACRN (v3.3 vmcall.c, hypercall.c, trusty_hypercall.c): r8 id, rdi rsi
 *   args, rax result; no rights #UD, ring != 0 #GP(0), unpermitted or
 *   unknown -ENOTTY, a vmid naming no VM -ENOTTY, most failures -1, an
 *   uncopyable GPA -EINVAL, Trusty parameters -EFAULT.
 *   Palacios (seed): rax nr, rbx rcx rdx rsi args, rax result.
 */
#include "../unit/x86_regs.h"
#include "harness.h"
#include "acrn_ioreq.h"
#include "acrn_irq.h"

#define KVM_ENOSYS (-1000)
#define KVM_EPERM (-1)
#define KVM_EOPNOTSUPP (-95)
#define ACRN_GET_API_VERSION 0x80000000ull
#define ACRN_SET_CALLBACK_VECTOR 0x80000002ull
#define ACRN_CREATE_VM 0x80000010ull
#define ACRN_DESTROY_VM 0x80000011ull
#define ACRN_START_VM 0x80000012ull
#define ACRN_PAUSE_VM 0x80000013ull
#define ACRN_RESET_VM 0x80000015ull
#define ACRN_SET_VCPU_REGS 0x80000016ull
#define ACRN_SET_IRQLINE 0x80000025ull
#define ACRN_SET_IOREQ_BUFFER 0x80000030ull
#define ACRN_NOTIFY_REQUEST_FINISH 0x80000031ull
#define ACRN_INITIALIZE_TRUSTY 0x80000070ull
#define ACRN_WORLD_SWITCH 0x80000071ull
#define EINVAL_ (-22)
#define EFAULT_ (-14)
#define ENOTTY_ (-25)

static struct hv_vcpu *v;

static enum hv_action call(struct hv_vcpu *c, enum hcall_trap t, uint64_t rax,
			   uint64_t r8, uint64_t rdi, uint64_t rsi)
{
	poison(c);
	c->regs.r[RAX] = rax;
	c->regs.r[R8] = r8;
	c->regs.r[RDI] = rdi;
	c->regs.r[RSI] = rsi;
	return trap(c, t, 0);
}

Test(kvm, calls_and_errors)
{
	setup_arch(HCALL_ARCH_X86_64);
	v = &make_vm(0, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_KVM_X86), 1)->vcpus[0];
	call(v, HCALL_TRAP_VMCALL, 1 /* VAPIC_POLL_IRQ */, 0, 0, 0);
	cr_assert_eq(v->regs.r[RAX], 0);
	assert_untouched_except(v, 1u << RAX, (1u << R8) | (1u << RDI) | (1u << RSI));
	call(v, HCALL_TRAP_VMMCALL, 11 /* SCHED_YIELD */, 0, 0, 0);
	cr_assert_eq(v->regs.r[RAX], 0);
	call(v, HCALL_TRAP_VMCALL, 9 /* CLOCK_PAIRING */, 0, 0, 0);
	cr_assert_eq((int64_t)v->regs.r[RAX], KVM_EOPNOTSUPP);
	call(v, HCALL_TRAP_VMCALL, 10 /* SEND_IPI */, 0, 0, 0);
	cr_assert_eq((int64_t)v->regs.r[RAX], KVM_ENOSYS);
	call(v, HCALL_TRAP_VMCALL, 99, 0, 0, 0);
	cr_assert_eq((int64_t)v->regs.r[RAX], KVM_ENOSYS);
	call(v, HCALL_TRAP_VMCALL, 1ull << 40 | 1, 0, 0, 0);
	cr_assert_eq((int64_t)v->regs.r[RAX], KVM_ENOSYS);
	/* CPL 3: -KVM_EPERM, no exception (KVM's behaviour) */
	PRIV(v) = 3;
	call(v, HCALL_TRAP_VMCALL, 1, 0, 0, 0);
	cr_assert_eq((int64_t)v->regs.r[RAX], KVM_EPERM);
	cr_assert_eq(fk.faults, 0);
	assert_untouched_except(v, 1u << RAX, (1u << R8) | (1u << RDI) | (1u << RSI));
}

/* KICK_CPU (5): rbx = flags, reserved, 0; rcx = APIC ID. Linux sends
 * (5, 0, apicid). A reserved argument that is not zero: -KVM_EINVAL. */
Test(kvm, kick_cpu_flags_first)
{
	setup_arch(HCALL_ARCH_X86_64);
	v = &make_vm(0, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_KVM_X86), 1)->vcpus[0];
	poison(v);
	v->regs.r[RAX] = 5;
	v->regs.r[RBX] = 0;
	v->regs.r[RCX] = 3;
	trap(v, HCALL_TRAP_VMCALL, 0);
	cr_assert_eq(v->regs.r[RAX], 0);
	assert_untouched_except(v, 1u << RAX, (1u << RBX) | (1u << RCX));
	poison(v);
	v->regs.r[RAX] = 5;
	v->regs.r[RBX] = 1;
	v->regs.r[RCX] = 0;
	trap(v, HCALL_TRAP_VMCALL, 0);
	cr_assert_eq((int64_t)v->regs.r[RAX], -22);
	assert_untouched_except(v, 1u << RAX, (1u << RBX) | (1u << RCX));
}

/* One KVM call with rax = nr, rbx = a0, rcx = a1; the action. */
static enum hv_action kvm(struct hv_vcpu *c, uint64_t nr, uint64_t a0, uint64_t a1)
{
	poison(c);
	c->regs.r[RAX] = nr;
	c->regs.r[RBX] = a0;
	c->regs.r[RCX] = a1;
	return trap(c, HCALL_TRAP_VMMCALL, 0);
}

/*
 * KICK_CPU(0, apic) as Linux 6.6's kvm_emulate_hypercall: the vCPU with
 * that APIC ID (x86 glue: its index) is unhalted (APIC_DM_REMRD, the
 * pv_unhalted flag), then the caller yields to it (kvm_sched_yield);
 * always 0; an APIC ID naming no vCPU of the VM does nothing.
 */
Test(kvm, kick_cpu_unhalts_then_yields_to_the_target)
{
	struct hv_vm *vm;
	const uint64_t unknown[] = { 2, 4, 1ull << 32 | 1, ~0ull };

	setup_arch(HCALL_ARCH_X86_64);
	vm = make_vm(0, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_KVM_X86), 1);
	v = &vm->vcpus[0];
	cr_assert_eq(kvm(v, 5, 0, 1), HV_RESUME); /* the glue would not yield */
	cr_assert_eq(v->regs.r[RAX], 0);
	cr_assert_eq(fk.unhalts, 1);
	cr_assert_eq(fk.unhalt_vcpu, &vm->vcpus[1]);
	cr_assert_eq(fk.yields, 1);
	cr_assert_eq(fk.yield_from, v);
	cr_assert_eq(fk.yield_vcpu, &vm->vcpus[1]);
	assert_untouched_except(v, 1u << RAX, (1u << RBX) | (1u << RCX));
	fk.yield_ret = 1; /* the target can run on the caller's CPU: switch */
	cr_assert_eq(kvm(v, 5, 0, 1), HV_SWITCH);
	cr_assert_eq(v->regs.r[RAX], 0);
	cr_assert_eq(fk.unhalts, 2);
	for (unsigned i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		cr_assert_eq(kvm(v, 5, 0, unknown[i]), HV_RESUME);
		cr_assert_eq(v->regs.r[RAX], 0, "kick of APIC ID %llx",
			     (unsigned long long)unknown[i]);
	}
	cr_assert_eq(fk.unhalts, 2);
	cr_assert_eq(fk.yields, 2);
	/* A kick of oneself unhalts (the next HLT returns at once) and
	 * yields to nobody. */
	cr_assert_eq(kvm(v, 5, 0, 0), HV_RESUME);
	cr_assert_eq(v->regs.r[RAX], 0);
	cr_assert_eq(fk.unhalts, 3);
	cr_assert_eq(fk.unhalt_vcpu, v);
	cr_assert_eq(fk.yields, 2);
	/* Reserved flags: -KVM_EINVAL, and nobody is kicked. */
	cr_assert_eq(kvm(v, 5, 1, 1), HV_RESUME);
	cr_assert_eq((int64_t)v->regs.r[RAX], -22);
	cr_assert_eq(fk.unhalts, 3);
}

/* SCHED_YIELD(apic): 0 always; a switch only when the glue says the
 * target can run on the caller's CPU now; never to oneself or to an APIC
 * ID naming no vCPU (kvm_sched_yield's "no_yield" paths). */
Test(kvm, sched_yield_switches_only_when_the_glue_can)
{
	struct hv_vm *vm;

	setup_arch(HCALL_ARCH_X86_64);
	vm = make_vm(0, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_KVM_X86), 1);
	v = &vm->vcpus[1];
	cr_assert_eq(kvm(v, 11, 0, 0), HV_RESUME);
	cr_assert_eq(v->regs.r[RAX], 0);
	cr_assert_eq(fk.yields, 1);
	cr_assert_eq(fk.yield_from, v);
	cr_assert_eq(fk.yield_vcpu, &vm->vcpus[0]);
	fk.yield_ret = 1;
	cr_assert_eq(kvm(v, 11, 0, 0), HV_SWITCH);
	cr_assert_eq(v->regs.r[RAX], 0);
	cr_assert_eq(kvm(v, 11, 1, 0), HV_RESUME); /* itself */
	cr_assert_eq(kvm(v, 11, 2, 0), HV_RESUME); /* no such vCPU */
	cr_assert_eq(kvm(v, 11, ~0ull, 0), HV_RESUME);
	cr_assert_eq(v->regs.r[RAX], 0);
	cr_assert_eq(fk.yields, 2);
	cr_assert_eq(fk.unhalts, 0); /* a yield wakes nobody */
	assert_untouched_except(v, 1u << RAX, (1u << RBX) | (1u << RCX));
	/* A glue without the ops: the calls still answer 0. */
	ops.unhalt = NULL;
	ops.yield_to = NULL;
	cr_assert_eq(kvm(v, 5, 0, 0), HV_RESUME);
	cr_assert_eq(v->regs.r[RAX], 0);
	cr_assert_eq(kvm(v, 11, 0, 0), HV_RESUME);
	cr_assert_eq(v->regs.r[RAX], 0);
	ops.unhalt = f_unhalt;
	ops.yield_to = f_yield_to;
}

static struct hv_vm *svc, *trusty, *uos;

static void acrn_setup(void)
{
	struct hv_vm_config c;

	setup_arch(HCALL_ARCH_X86_64);
	svc = make_vm(0, HV_ROLE_SERVICE, HV_ABI_BIT(HV_ABI_ACRN), 1);
	trusty = make_vm(1, HV_ROLE_TRUSTY, HV_ABI_BIT(HV_ABI_ACRN), 1);
	memset(&c, 0, sizeof(c));
	c.name = "uos";
	c.role = HV_ROLE_NORMAL;
	c.abis = 0; /* a post-launched VM without hypercall rights */
	c.entry = R0;
	c.nvcpus = 1;
	c.regions[0] = (struct hv_region){ R0, MEM_SIZE, mem[2][0], HV_MEM_READ | HV_MEM_WRITE | HV_MEM_EXEC };
	c.nregions = 1;
	c.uuid[0] = 0xab;
	c.uuid[15] = 0xcd;
	uos = hv_vm_create(&H, &c);
	cr_assert_not_null(uos);
	cr_assert_eq(uos->state, HV_VM_DEFINED);
	v = &svc->vcpus[0];
}

TestSuite(acrn, .init = acrn_setup);

#define ACRN(c, id, a0, a1) call((c), HCALL_TRAP_VMCALL, 0, (id), (a0), (a1))
#define RET(c) ((int64_t)(c)->regs.r[RAX])

Test(acrn, api_version_and_bad_pointer)
{
	uint32_t ver[2];

	ACRN(v, ACRN_GET_API_VERSION, R1, 0);
	cr_assert_eq(RET(v), 0);
	memcpy(ver, mem[0][1], 8);
	cr_assert_eq(ver[0], 1);
	cr_assert_eq(ver[1], 0);
	assert_untouched_except(v, 1u << RAX, (1u << R8) | (1u << RDI) | (1u << RSI));
	ACRN(v, ACRN_GET_API_VERSION, R1 + MEM_SIZE - 4, 0);
	cr_assert_eq(RET(v), EINVAL_); /* copy_to_gpa fails: -EINVAL */
}

Test(acrn, unknown_ids_and_upper_bits)
{
	ACRN(v, 0x800000FFull, 0, 0);
	cr_assert_eq(RET(v), ENOTTY_);
	ACRN(v, 0x100000000ull | ACRN_GET_API_VERSION, R1, 0);
	cr_assert_eq(RET(v), ENOTTY_);
	ACRN(v, 0x81000000ull, R1, 0);
	cr_assert_eq(RET(v), ENOTTY_);
	ACRN(v, 0x80000014ull /* CREATE_VCPU: not implemented */, 0, 0);
	cr_assert_eq(RET(v), ENOTTY_);
}

Test(acrn, policy)
{
	struct hv_vcpu *t = &trusty->vcpus[0];

	/* Trusty VM calling a Service VM call: -ENOTTY (v3.3) */
	ACRN(t, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(t), ENOTTY_);
	/* Service VM calling a Trusty call: -ENOTTY */
	ACRN(v, ACRN_WORLD_SWITCH, 0, 0);
	cr_assert_eq(RET(v), ENOTTY_);
	/* ring 3: #GP(0), registers untouched */
	PRIV(v) = 3;
	ACRN(v, ACRN_GET_API_VERSION, R1, 0);
	cr_assert_eq(fk.faults, 1);
	cr_assert_eq(fk.last_fault, HV_FAULT_GP0);
	assert_untouched_except(v, 0, (1u << RAX) | (1u << R8) | (1u << RDI) | (1u << RSI));
	cr_assert_eq(v->regs.r[RAX], 0);
	/* a running VM without hypercall rights: #UD */
	struct hv_vm *norights = make_vm(3, HV_ROLE_NORMAL, 0, 1);

	cr_assert_eq(ACRN(&norights->vcpus[0], ACRN_GET_API_VERSION, R0, 0), HV_INJECTED);
	cr_assert_eq(fk.last_fault, HV_FAULT_UNDEF);
	cr_assert_eq(fk.fault_vcpu, &norights->vcpus[0]);
	/* a VM that is not running (waiting for CREATE_VM): nothing done or
	 * written, the vCPU stops */
	cr_assert_eq(ACRN(&uos->vcpus[0], ACRN_GET_API_VERSION, R0, 0), HV_VCPU_OFF);
	cr_assert_eq(fk.faults, 2);
	assert_untouched_except(&uos->vcpus[0], 0,
				(1u << RAX) | (1u << R8) | (1u << RDI) | (1u << RSI));
}

static void put_creation(const uint8_t *uuid, uint16_t rsvd)
{
	uint8_t *p = mem[0][1];

	memset(p, 0, 48);
	memcpy(p + 2, &rsvd, 2);   /* reserved0 */
	memcpy(p + 8, uuid, 16);   /* uuid */
}

Test(acrn, vm_lifecycle)
{
	uint8_t uuid[16] = { 0xab };
	uint16_t vmid, ncpu;

	uuid[15] = 0xcd;
	put_creation(uuid, 1);
	ACRN(v, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(v), EINVAL_); /* reserved field */
	uuid[3] = 1;
	put_creation(uuid, 0);
	ACRN(v, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(v), ENOTTY_); /* no VM of that name */
	uuid[3] = 0;
	put_creation(uuid, 0);
	ACRN(v, ACRN_CREATE_VM, R1 + MEM_SIZE - 40, 0);
	cr_assert_eq(RET(v), ENOTTY_); /* unreadable: no target */
	ACRN(v, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(v), 0);
	memcpy(&vmid, mem[0][1], 2);
	memcpy(&ncpu, mem[0][1] + 4, 2);
	cr_assert_eq(vmid, uos->id);
	cr_assert_eq(ncpu, 1);
	cr_assert_eq(uos->state, HV_VM_CREATED);
	ACRN(v, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(v), -1); /* already created: not powered off */

	/* START_VM needs the request buffer; SET_IOREQ_BUFFER's argument is
	 * the GPA of a u64 holding the buffer's GPA. */
	ACRN(v, ACRN_START_VM, vmid, 0);
	cr_assert_eq(RET(v), -1);
	uint64_t page = R1 + 0x1000;
	memcpy(mem[0][1] + 0x100, &page, 8);
	ACRN(v, ACRN_SET_IOREQ_BUFFER, vmid, R1 + MEM_SIZE);
	cr_assert_eq(RET(v), EINVAL_); /* the pointer is outside */
	page = R1 + MEM_SIZE - 0x800;
	memcpy(mem[0][1] + 0x100, &page, 8);
	ACRN(v, ACRN_SET_IOREQ_BUFFER, vmid, R1 + 0x100);
	cr_assert_eq(RET(v), -1); /* the buffer runs past the memory */
	ACRN(v, ACRN_SET_IOREQ_BUFFER, 0x7, R1 + 0x100);
	cr_assert_eq(RET(v), ENOTTY_); /* no such VM */
	page = R1 + 0x1000;
	memcpy(mem[0][1] + 0x100, &page, 8);
	ACRN(v, ACRN_SET_IOREQ_BUFFER, vmid, R1 + 0x100);
	cr_assert_eq(RET(v), 0);
	for (unsigned i = 0; i < 16; i++) {
		uint32_t st;

		memcpy(&st, mem[0][1] + 0x1000 + i * 256 + 136, 4);
		cr_assert_eq(st, 3); /* ACRN_IOREQ_STATE_FREE */
	}
	ACRN(v, ACRN_START_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(uos->state, HV_VM_RUNNING);
	ACRN(v, ACRN_DESTROY_VM, vmid, 0);
	cr_assert_eq(RET(v), -1); /* ACRN v3.3: only a paused VM, else -1 */
	ACRN(v, ACRN_RESET_VM, vmid, 0);
	cr_assert_eq(RET(v), -1); /* not paused */
	cr_assert_eq(fk.pauses, 0);
	ACRN(v, ACRN_PAUSE_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(uos->state, HV_VM_PAUSED);
	cr_assert_eq(fk.pauses, 1); /* its vCPUs were made to leave the guest */
	ACRN(v, ACRN_NOTIFY_REQUEST_FINISH, vmid, 0);
	cr_assert_eq(RET(v), EINVAL_); /* nothing pending (hcall's answer) */
	ACRN(v, ACRN_NOTIFY_REQUEST_FINISH, vmid, 1);
	cr_assert_eq(RET(v), -1); /* no vCPU 1 */
	ACRN(v, ACRN_START_VM, vmid, 0);
	cr_assert_eq(RET(v), -1); /* v3.3 starts only a created VM */
	cr_assert_eq(uos->state, HV_VM_PAUSED);
	ACRN(v, ACRN_RESET_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(uos->state, HV_VM_CREATED);
	ACRN(v, ACRN_DESTROY_VM, vmid, 0);
	cr_assert_eq(RET(v), -1); /* v3.3: only a paused VM */
	cr_assert_eq(uos->state, HV_VM_CREATED);
	ACRN(v, ACRN_PAUSE_VM, vmid, 0);
	cr_assert_eq(RET(v), 0); /* v3.3's pause_vm() takes a created VM too */
	cr_assert_eq(uos->state, HV_VM_PAUSED);
	ACRN(v, ACRN_PAUSE_VM, vmid, 0);
	cr_assert_eq(RET(v), 0); /* already paused: 0 */
	cr_assert_eq(fk.pauses, 1); /* neither a created nor a paused VM runs */
	ACRN(v, ACRN_DESTROY_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(uos->state, HV_VM_DEFINED);
	/* Powered off: v3.3 finds the VM and refuses with -1. */
	ACRN(v, ACRN_START_VM, vmid, 0);
	cr_assert_eq(RET(v), -1);
	ACRN(v, ACRN_PAUSE_VM, vmid, 0);
	cr_assert_eq(RET(v), -1);
	ACRN(v, ACRN_RESET_VM, vmid, 0);
	cr_assert_eq(RET(v), -1);
	ACRN(v, ACRN_DESTROY_VM, vmid, 0);
	cr_assert_eq(RET(v), -1);
	ACRN(v, ACRN_SET_IOREQ_BUFFER, vmid, R1 + 0x100);
	cr_assert_eq(RET(v), -1);
	/* and so do the device model's calls (v3.3: !is_poweroff_vm) */
	uint64_t q[2] = { R0 + 0x123, 0 }, msi[2] = { 0xFEE00000ull, 0x40 };
	memcpy(mem[0][1] + 0x300, q, 16);
	ACRN(v, 0x80000041ull /* VM_GPA2HPA */, vmid, R1 + 0x300);
	cr_assert_eq(RET(v), -1);
	memcpy(mem[0][1] + 0x200, msi, 16);
	ACRN(v, 0x80000023ull /* INJECT_MSI */, vmid, R1 + 0x200);
	cr_assert_eq(RET(v), -1);
	ACRN(v, ACRN_NOTIFY_REQUEST_FINISH, vmid, 0);
	cr_assert_eq(RET(v), -1);
	memset(mem[0][1] + 0x400, 0, 0x200); /* vCPU 0's registers */
	ACRN(v, ACRN_SET_VCPU_REGS, vmid, R1 + 0x400);
	cr_assert_eq(RET(v), -1);
	cr_assert_eq(uos->state, HV_VM_DEFINED);
	/* the Service VM cannot manage itself or the Trusty VM (no name) */
	ACRN(v, ACRN_PAUSE_VM, svc->id, 0);
	cr_assert_eq(RET(v), ENOTTY_);
	ACRN(v, ACRN_PAUSE_VM, trusty->id, 0);
	cr_assert_eq(RET(v), ENOTTY_);
	ACRN(v, ACRN_PAUSE_VM, 0xFFFF, 0);
	cr_assert_eq(RET(v), ENOTTY_);
}

/* The device-model path (acrn_common.h): slot i of the buffer is vCPU
 * i's struct acrn_io_request (256 bytes: type at 0, pio_request at 64 =
 * direction, reserved, address 72, size 80, value 88; processed at 136).
 * PENDING 0, COMPLETE 1, FREE 3; PORTIO 0; READ 0. */
Test(acrn, io_request_through_the_buffer)
{
	uint8_t *slot = mem[0][1] + 0x1000;
	uint64_t page = R1 + 0x1000, value = 0, u64;
	uint32_t u32;
	struct hv_vcpu *t = &trusty->vcpus[0];

	put_creation((const uint8_t[16]){ 0xab, [15] = 0xcd }, 0);
	ACRN(v, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(v), 0);
	/* no buffer yet: nothing posted */
	cr_assert_eq(hv_acrn_io_request(&H, &uos->vcpus[0], 0x3f8, 1, 1, 0), -1);
	memcpy(mem[0][1] + 0x100, &page, 8);
	ACRN(v, ACRN_SET_IOREQ_BUFFER, uos->id, R1 + 0x100);
	cr_assert_eq(RET(v), 0);
	ACRN(v, ACRN_START_VM, uos->id, 0);
	cr_assert_eq(RET(v), 0);

	int upcalls = fk.upcalls;
	cr_assert_eq(hv_acrn_io_request(&H, &uos->vcpus[0], 0x3f8, 1, 1, 0), 0);
	cr_assert_eq(fk.upcalls, upcalls + 1);
	cr_assert_eq(fk.upcall_vcpu, &svc->vcpus[0]);
	memcpy(&u32, slot + 0, 4);
	cr_assert_eq(u32, 0); /* PORTIO */
	memcpy(&u32, slot + 64, 4);
	cr_assert_eq(u32, 0); /* READ */
	memcpy(&u64, slot + 72, 8);
	cr_assert_eq(u64, 0x3f8);
	memcpy(&u64, slot + 80, 8);
	cr_assert_eq(u64, 1);
	memcpy(&u32, slot + 136, 4);
	cr_assert_eq(u32, 0); /* PENDING */
	/* one request per vCPU at a time */
	cr_assert_eq(hv_acrn_io_request(&H, &uos->vcpus[0], 0x3f8, 1, 1, 0), -1);
	cr_assert_eq(hv_acrn_io_poll(&uos->vcpus[0], &value), 0);
	/* finished before the slot says COMPLETE: -EINVAL, still pending */
	ACRN(v, ACRN_NOTIFY_REQUEST_FINISH, uos->id, 0);
	cr_assert_eq(RET(v), EINVAL_);
	/* the Service VM's device model answers 0x77 */
	u32 = 0x77;
	memcpy(slot + 88, &u32, 4);
	u32 = 1; /* COMPLETE */
	memcpy(slot + 136, &u32, 4);
	/* only the Service VM finishes requests */
	ACRN(t, ACRN_NOTIFY_REQUEST_FINISH, uos->id, 0);
	cr_assert_eq(RET(t), ENOTTY_);
	cr_assert_eq(hv_acrn_io_poll(&uos->vcpus[0], &value), 0);
	ACRN(v, ACRN_NOTIFY_REQUEST_FINISH, uos->id, 0);
	cr_assert_eq(RET(v), 0);
	memcpy(&u32, slot + 136, 4);
	cr_assert_eq(u32, 3); /* FREE again */
	cr_assert_eq(hv_acrn_io_poll(&uos->vcpus[0], &value), 1);
	cr_assert_eq(value, 0x77);
	cr_assert_eq(hv_acrn_io_poll(&uos->vcpus[0], &value), 0); /* taken once */
	ACRN(v, ACRN_NOTIFY_REQUEST_FINISH, uos->id, 0);
	cr_assert_eq(RET(v), EINVAL_); /* nothing pending */
	/* INJECT_MSI (acrn_msi_entry: address 0xFEE00000 | APIC ID << 12,
	 * data = vector, fixed delivery) reaches the target's vCPU */
	uint64_t msi[2] = { 0xFEE00000ull, 0x31 };
	memcpy(mem[0][1] + 0x200, msi, 16);
	ACRN(v, 0x80000023ull, uos->id, R1 + 0x200);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(fk.upcall_vcpu, &uos->vcpus[0]);
	cr_assert_eq(fk.upcall_vector, 0x31);
	msi[0] = 0xFEE01000ull; /* APIC ID 1: no such vCPU */
	memcpy(mem[0][1] + 0x200, msi, 16);
	ACRN(v, 0x80000023ull, uos->id, R1 + 0x200);
	cr_assert_eq(RET(v), -1);
	msi[0] = 0xFEE00000ull;
	msi[1] = 0x0f; /* vectors below 16 are exceptions */
	memcpy(mem[0][1] + 0x200, msi, 16);
	ACRN(v, 0x80000023ull, uos->id, R1 + 0x200);
	cr_assert_eq(RET(v), -1);
	ACRN(v, 0x80000023ull, uos->id, R1 + MEM_SIZE);
	cr_assert_eq(RET(v), -1); /* cannot be copied */
	ACRN(v, 0x80000023ull, 0x7, R1 + 0x200);
	cr_assert_eq(RET(v), ENOTTY_);
	/* VM_GPA2HPA (vm_gpa2hpa {gpa, hpa}): the host address of R0 + 0x123
	 * of the target is mem[2][0] + 0x123 here */
	uint64_t q[2] = { R0 + 0x123, 0 };
	memcpy(mem[0][1] + 0x300, q, 16);
	ACRN(v, 0x80000041ull, uos->id, R1 + 0x300);
	cr_assert_eq(RET(v), 0);
	memcpy(q, mem[0][1] + 0x300, 16);
	cr_assert_eq(q[1], (uint64_t)(uintptr_t)&mem[2][0][0x123]);
	q[0] = 0x1000; /* not mapped */
	memcpy(mem[0][1] + 0x300, q, 16);
	ACRN(v, 0x80000041ull, uos->id, R1 + 0x300);
	cr_assert_eq(RET(v), -1);
	/* a write carries its value */
	cr_assert_eq(hv_acrn_io_request(&H, &uos->vcpus[0], 0x80, 2, 0, 0xbeef), 0);
	memcpy(&u32, slot + 64, 4);
	cr_assert_eq(u32, 1); /* WRITE */
	memcpy(&u32, slot + 88, 4);
	cr_assert_eq(u32, 0xbeef);
}

Test(acrn, callback_vector_and_upcall)
{
	hv_notify_service_vm(&H);
	cr_assert_eq(fk.upcall_vcpu, &svc->vcpus[0]);
	cr_assert_eq(fk.upcall_vector, 0xF3);
	ACRN(v, ACRN_SET_CALLBACK_VECTOR, 0x1F, 0);
	cr_assert_eq(RET(v), EINVAL_);
	ACRN(v, ACRN_SET_CALLBACK_VECTOR, 0x100, 0);
	cr_assert_eq(RET(v), EINVAL_);
	ACRN(v, ACRN_SET_CALLBACK_VECTOR, 0xF0, 0);
	cr_assert_eq(RET(v), 0);
	hv_notify_service_vm(&H);
	cr_assert_eq(fk.upcalls, 2);
	cr_assert_eq(fk.upcall_vcpu, &svc->vcpus[0]);
	cr_assert_eq(fk.upcall_vector, 0xF0);
}

static void put_boot_param(uint32_t size, uint64_t base, uint32_t msize, uint64_t entry)
{
	uint8_t *p = mem[1][1];
	uint32_t w[8] = { size, 1, (uint32_t)base, (uint32_t)entry, msize, 0,
			  (uint32_t)(base >> 32), (uint32_t)(entry >> 32) };

	memset(p, 0, 96);
	memcpy(p, w, sizeof(w));
}

Test(acrn, trusty_calls)
{
	struct hv_vcpu *t = &trusty->vcpus[0];

	ACRN(t, ACRN_WORLD_SWITCH, 0, 0);
	cr_assert_eq(RET(t), -1); /* -EPERM: not initialised */
	put_boot_param(95, R0, 0x1000, R0);
	ACRN(t, ACRN_INITIALIZE_TRUSTY, R1, 0);
	cr_assert_eq(RET(t), EFAULT_);
	put_boot_param(96, R0, MEM_SIZE * 2, R0); /* not all the caller's */
	ACRN(t, ACRN_INITIALIZE_TRUSTY, R1, 0);
	cr_assert_eq(RET(t), EFAULT_);
	ACRN(t, ACRN_INITIALIZE_TRUSTY, 0x100, 0);
	cr_assert_eq(RET(t), EFAULT_);
	/* The secure world starts at the entry with rsp at the top of its
	 * memory (base + mem_size) and rax = 0. */
	put_boot_param(96, R0, 0x1000, R0 + 0x10);
	poison(t);
	t->regs.r[RAX] = 0;
	t->regs.r[R8] = ACRN_INITIALIZE_TRUSTY;
	t->regs.r[RDI] = R1;
	t->regs.r[RBX] = 0xb0b0;
	t->regs.r[4] = 0x7777; /* the normal world's rsp */
	trap(t, HCALL_TRAP_VMCALL, 0);
	cr_assert_eq(RET(t), 0);
	cr_assert_eq(t->pc, R0 + 0x10);
	cr_assert_eq(t->regs.r[4], R0 + 0x1000);
	/* svc_acrn.c's per-VM state: uuid[16], then the Trusty bits, of
	 * which 2 is "the secure world is current" */
	uint32_t bits;
	memcpy(&bits, (const uint8_t *)hv_vm_state(trusty, &hv_service_acrn) + 16, 4);
	cr_assert(bits & 2);
	/* the secure world switches back with its rdi, rsi, rdx, rbx */
	t->regs.r[R8] = ACRN_WORLD_SWITCH;
	t->regs.r[RDI] = 0x5e1;
	t->regs.r[RSI] = 0x5e2;
	t->regs.r[RDX] = 0x5e3;
	t->regs.r[RBX] = 0x5e4;
	t->regs.r[RCX] = 0xcccc; /* not carried */
	t->pc = 0;
	trap(t, HCALL_TRAP_VMCALL, 0);
	cr_assert_eq(RET(t), 0);
	cr_assert_eq(t->regs.r[RDI], 0x5e1);
	cr_assert_eq(t->regs.r[RSI], 0x5e2);
	cr_assert_eq(t->regs.r[RDX], 0x5e3);
	cr_assert_eq(t->regs.r[RBX], 0x5e4);
	cr_assert_eq(t->regs.r[RCX], POISON + RCX); /* the normal world's own */
	cr_assert_eq(t->regs.r[4], 0x7777);
	memcpy(&bits, (const uint8_t *)hv_vm_state(trusty, &hv_service_acrn) + 16, 4);
	cr_assert(!(bits & 2));
	/* once only, from the normal world too */
	ACRN(t, ACRN_INITIALIZE_TRUSTY, R1, 0);
	cr_assert_eq(RET(t), -1); /* -EPERM */
}

/* A handler an embedder registered for a managed VM. */
static int64_t embedder(struct hv *hv, struct hv_vcpu *c, uint64_t nr, void *priv)
{
	(void)hv;
	(void)c;
	(void)nr;
	(void)priv;
	return 0x1234;
}

/*
 * ACRN's reset_vm() destroys the secure world, and a destroyed VM keeps
 * nothing of its run: after PAUSE, RESET and START the Trusty VM can
 * initialise Trusty again from the normal world, and after DESTROY and a
 * new CREATE the handlers registered for the old VM are gone.
 */
Test(acrn, reset_and_destroy_forget_the_run)
{
	const uint8_t uuid[16] = { 0x77, [15] = 0x88 };
	struct hv_vm_config cfg;
	struct hv_vm *tv;
	struct hv_vcpu *t;
	uint64_t page = R1 + 0x1000;
	uint16_t vmid;
	const uint64_t custom = 0x800000F0ull; /* no ACRN call has this ID */

	memset(&cfg, 0, sizeof(cfg));
	cfg.name = "trusty-uos";
	cfg.role = HV_ROLE_TRUSTY;
	cfg.abis = HV_ABI_BIT(HV_ABI_ACRN);
	cfg.entry = R0;
	cfg.nvcpus = 1;
	cfg.regions[0] = (struct hv_region){ R0, MEM_SIZE, mem[3][0],
					     HV_MEM_READ | HV_MEM_WRITE | HV_MEM_EXEC };
	cfg.regions[1] = (struct hv_region){ R1, MEM_SIZE, mem[3][1],
					     HV_MEM_READ | HV_MEM_WRITE };
	cfg.nregions = 2;
	memcpy(cfg.uuid, uuid, 16);
	tv = hv_vm_create(&H, &cfg);
	cr_assert_not_null(tv);
	t = &tv->vcpus[0];

	put_creation(uuid, 0);
	ACRN(v, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(v), 0);
	memcpy(&vmid, mem[0][1], 2);
	cr_assert_eq(vmid, tv->id);
	memcpy(mem[0][1] + 0x100, &page, 8);
	ACRN(v, ACRN_SET_IOREQ_BUFFER, vmid, R1 + 0x100);
	cr_assert_eq(RET(v), 0);
	ACRN(v, ACRN_START_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);

	/* Trusty up (the boot parameters in the Trusty VM's own memory) */
	uint32_t w[8] = { 96, 1, (uint32_t)R0, (uint32_t)(R0 + 0x10), 0x1000, 0, 0, 0 };
	memset(mem[3][1], 0, 96);
	memcpy(mem[3][1], w, sizeof(w));
	ACRN(t, ACRN_INITIALIZE_TRUSTY, R1, 0);
	cr_assert_eq(RET(t), 0);

	ACRN(v, ACRN_PAUSE_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	ACRN(v, ACRN_RESET_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	ACRN(v, ACRN_START_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	/* the normal world again, with no secure world: WORLD_SWITCH is
	 * refused (-EPERM, -1) and Trusty can be initialised afresh */
	ACRN(t, ACRN_WORLD_SWITCH, 0, 0);
	cr_assert_eq(RET(t), -1);
	ACRN(t, ACRN_INITIALIZE_TRUSTY, R1, 0);
	cr_assert_eq(RET(t), 0);

	cr_assert_eq(hv_register_hypercall(tv, HV_ABI_ACRN, custom, embedder, NULL), 0);
	ACRN(t, custom, 0, 0);
	cr_assert_eq(RET(t), 0x1234);
	ACRN(v, ACRN_PAUSE_VM, vmid, 0);
	ACRN(v, ACRN_DESTROY_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	ACRN(v, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(v), 0);
	ACRN(v, ACRN_SET_IOREQ_BUFFER, vmid, R1 + 0x100);
	ACRN(v, ACRN_START_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	ACRN(t, custom, 0, 0);
	cr_assert_eq(RET(t), ENOTTY_); /* the old VM's handler is gone */
}

/*
 * SET_VCPU_REGS (v3.3 hcall_set_vcpu_regs): struct acrn_vcpu_regs is
 * vcpu_id (u16) at 0, then struct acrn_regs at 8: acrn_gp_regs rax, rcx,
 * rdx, rbx, rsp, rbp, rsi, rdi, r8..r15 (8..135), gdt and idt (16 bytes
 * each), rip at 168; 296 bytes in all. -1 while the VM runs, for a null
 * or uncopyable pointer, for a vCPU it does not have; the dispatcher's
 * -ENOTTY for a VM the Service VM does not manage.
 */
static void put_vcpu_regs(uint16_t vcpu_id, uint64_t rip)
{
	uint8_t *p = mem[0][1] + 0x200;
	uint64_t x;

	memset(p, 0, 296);
	memcpy(p, &vcpu_id, 2);
	for (unsigned i = 0; i < 16; i++) {
		x = 0x5100 + i; /* rax 0x5100 .. r15 0x510f */
		memcpy(p + 8 + 8 * i, &x, 8);
	}
	memcpy(p + 168, &rip, 8);
}

Test(acrn, set_vcpu_regs_boots_from_them)
{
	uint64_t page = R1 + 0x1000;
	uint16_t vmid;

	put_creation((const uint8_t[16]){ 0xab, [15] = 0xcd }, 0);
	ACRN(v, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(v), 0);
	memcpy(&vmid, mem[0][1], 2);
	memcpy(mem[0][1] + 0x100, &page, 8);
	ACRN(v, ACRN_SET_IOREQ_BUFFER, vmid, R1 + 0x100);
	cr_assert_eq(RET(v), 0);

	put_vcpu_regs(0, R0 + 0x40);
	ACRN(v, ACRN_SET_VCPU_REGS, vmid, 0);
	cr_assert_eq(RET(v), -1); /* param2 == 0 */
	ACRN(v, ACRN_SET_VCPU_REGS, vmid, R1 + MEM_SIZE - 8);
	cr_assert_eq(RET(v), -1); /* cannot be copied */
	ACRN(v, ACRN_SET_VCPU_REGS, 0x7, R1 + 0x200);
	cr_assert_eq(RET(v), ENOTTY_); /* no such VM */
	ACRN(v, ACRN_SET_VCPU_REGS, svc->id, R1 + 0x200);
	cr_assert_eq(RET(v), ENOTTY_); /* not one it manages */
	put_vcpu_regs(1, R0 + 0x40);
	ACRN(v, ACRN_SET_VCPU_REGS, vmid, R1 + 0x200);
	cr_assert_eq(RET(v), -1); /* the VM has one vCPU */
	put_vcpu_regs(0xFFFF, R0 + 0x40);
	ACRN(v, ACRN_SET_VCPU_REGS, vmid, R1 + 0x200);
	cr_assert_eq(RET(v), -1);
	put_vcpu_regs(0, R0 + 0x40);
	ACRN(v, ACRN_SET_VCPU_REGS, vmid, R1 + 0x200);
	cr_assert_eq(RET(v), 0);

	ACRN(v, ACRN_START_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	for (unsigned i = 0; i < 16; i++)
		cr_assert_eq(uos->vcpus[0].regs.r[i], 0x5100 + i, "register %u", i);
	cr_assert_eq(uos->vcpus[0].entry, R0 + 0x40);

	ACRN(v, ACRN_SET_VCPU_REGS, vmid, R1 + 0x200);
	cr_assert_eq(RET(v), -1); /* running */
	ACRN(v, ACRN_PAUSE_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	/* a reset forgets them: the next boot is the VM's own entry */
	ACRN(v, ACRN_RESET_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	uos->vcpus[0].regs.r[0] = 0;
	ACRN(v, ACRN_START_VM, vmid, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(uos->vcpus[0].entry, R0);
	cr_assert_eq(uos->vcpus[0].regs.r[0], 0);
}

/*
 * VM_SET_MEMORY_REGIONS (0x80000042) and VM_WRITE_PROTECT_PAGE
 * (0x80000043) against a recording stage-2 op. ACRN v3.3 layouts
 * (acrn_hv_defs.h): set_regions {u16 vmid, u16, u32, u32 mr_num, u32,
 * u64 regions_gpa}; vm_memory_region {u32 type, u32 prot, u64 gpa,
 * u64 service_vm_gpa, u64 size}; wp_data {u8 set, 7 bytes, u64 gpa}.
 * MR_ADD 0, MR_DEL 2, MR_MODIFY 3; MEM_ACCESS_READ 1, WRITE 2;
 * MEM_TYPE_WB 0x40, WT 0x80. hypercall.c: a size that is not a multiple
 * of 4 KiB -EINVAL, MR_ADD from the Service VM's memory only (-EINVAL),
 * every other type unmaps a mapped range (else -EINVAL); pagetable.c
 * rounds gpa up to a page. write_protect_page: unaligned -EINVAL.
 */
#define ACRN_SET_MEMORY_REGIONS 0x80000042ull
#define ACRN_WRITE_PROTECT_PAGE 0x80000043ull

static struct {
	int n;
	enum hv_stage2_op op;
	uint64_t gpa, size, hpa;
	uint32_t flags;
	int ret;
} s2;

static int f_stage2(struct hv_vm *vm, enum hv_stage2_op op, uint64_t gpa, uint64_t size,
		    uint64_t hpa, uint32_t flags)
{
	(void)vm;
	s2.n++;
	s2.op = op;
	s2.gpa = gpa;
	s2.size = size;
	s2.hpa = hpa;
	s2.flags = flags;
	return s2.ret;
}

/* The VM's map: its region 0, and nothing else. */
static int f_query(struct hv_vm *vm, uint64_t gpa, uint64_t *hpa)
{
	if (gpa < R0 || gpa >= R0 + MEM_SIZE)
		return -HV_EFAULT;
	*hpa = (uint64_t)(uintptr_t)vm->regions[0].host + (gpa - R0);
	return 0;
}

static void put_regions(uint16_t vmid, uint32_t n)
{
	uint8_t *p = mem[0][1];
	uint64_t gpa = R1 + 64;

	memset(p, 0, 24);
	memcpy(p, &vmid, 2);
	memcpy(p + 8, &n, 4);
	memcpy(p + 16, &gpa, 8);
}

static void put_region(unsigned i, uint32_t type, uint32_t prot, uint64_t gpa, uint64_t sgpa,
		       uint64_t size)
{
	uint8_t *p = mem[0][1] + 64 + 32 * i;

	memcpy(p, &type, 4);
	memcpy(p + 4, &prot, 4);
	memcpy(p + 8, &gpa, 8);
	memcpy(p + 16, &sgpa, 8);
	memcpy(p + 24, &size, 8);
}

Test(acrn, memory_regions_and_write_protect)
{
	uint8_t uuid[16] = { 0xab };
	uint8_t wp[16] = { 1 };
	uint64_t page = R0 + 0x3000;

	uuid[15] = 0xcd;
	put_creation(uuid, 0);
	ACRN(v, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(v), 0);
	put_regions(2, 1);
	put_region(0, 0 /* MR_ADD */, 3 | 0x80 /* RW, WT */, 0x10000000, R1 + 0x1000, 0x2000);
	/* a glue without a stage-2 map: not available */
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), ENOTTY_);
	ops.stage2 = f_stage2;
	ops.stage2_query = f_query;

	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), 0);
	assert_untouched_except(v, 1u << RAX, (1u << R8) | (1u << RDI) | (1u << RSI));
	cr_assert_eq(s2.n, 1);
	cr_assert_eq(s2.op, HV_STAGE2_MAP);
	cr_assert_eq(s2.gpa, 0x10000000);
	cr_assert_eq(s2.size, 0x2000);
	cr_assert_eq(s2.hpa, (uint64_t)(uintptr_t)(mem[0][1] + 0x1000));
	cr_assert_eq(s2.flags, HV_MEM_READ | HV_MEM_WRITE | (HV_MEM_WT << HV_MEM_TYPE_SHIFT));
	/* gpa and service_vm_gpa rounded up to a page; no type bit: UC */
	put_region(0, 0, 1, 0x10000001, R1 + 0xfff, 0x1000);
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(s2.gpa, 0x10001000);
	cr_assert_eq(s2.hpa, (uint64_t)(uintptr_t)(mem[0][1] + 0x1000));
	cr_assert_eq(s2.flags, HV_MEM_READ | (HV_MEM_UC << HV_MEM_TYPE_SHIFT));
	/* backing outside the Service VM's memory, bad size: -EINVAL, no change */
	put_region(0, 0, 3, 0x10000000, R1 + MEM_SIZE - 0x1000, 0x2000);
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), EINVAL_);
	put_region(0, 0, 3, 0x10000000, R1, 0x1800);
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), EINVAL_);
	/* write without read: hcall's -EINVAL (no NPT entry can say it) */
	put_region(0, 0, 2, 0x10000000, R1, 0x1000);
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), EINVAL_);
	cr_assert_eq(s2.n, 2);
	/* MR_MODIFY unmaps a mapped range; MR_DEL of an unmapped one -EINVAL */
	put_region(0, 3, 7, R0 + 0x1000, 0, 0x1000);
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(s2.op, HV_STAGE2_UNMAP);
	cr_assert_eq(s2.gpa, R0 + 0x1000);
	put_region(0, 2, 0, R0 + MEM_SIZE - 0x1000, 0, 0x2000);
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), EINVAL_);
	cr_assert_eq(s2.n, 3);
	/* two regions, the second failing: the first is applied */
	put_regions(2, 2);
	put_region(0, 2, 0, R0, 0, 0x1000);
	put_region(1, 2, 0, 0x20000000, 0, 0x1000);
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), EINVAL_);
	cr_assert_eq(s2.n, 4);
	/* the tables full: -1 */
	put_regions(2, 1);
	s2.ret = -HV_ENOSPC;
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), -1);
	s2.ret = 0;
	/* the Service VM itself, a VM it does not manage: -ENOTTY */
	put_regions(0, 1);
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), ENOTTY_);
	put_regions(1, 1);
	ACRN(v, ACRN_SET_MEMORY_REGIONS, R1, 0);
	cr_assert_eq(RET(v), ENOTTY_);
	cr_assert_eq(s2.n, 5);

	memcpy(wp + 8, &page, 8);
	memcpy(mem[0][1] + 256, wp, 16);
	ACRN(v, ACRN_WRITE_PROTECT_PAGE, 2, R1 + 256);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(s2.op, HV_STAGE2_DENY);
	cr_assert_eq(s2.gpa, page);
	cr_assert_eq(s2.size, 0x1000);
	cr_assert_eq(s2.flags, HV_MEM_WRITE);
	mem[0][1][256] = 0;
	ACRN(v, ACRN_WRITE_PROTECT_PAGE, 2, R1 + 256);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(s2.op, HV_STAGE2_ALLOW);
	page += 8;
	memcpy(mem[0][1] + 264, &page, 8);
	ACRN(v, ACRN_WRITE_PROTECT_PAGE, 2, R1 + 256);
	cr_assert_eq(RET(v), EINVAL_);
	ACRN(v, ACRN_WRITE_PROTECT_PAGE, 2, R1 + MEM_SIZE - 8);
	cr_assert_eq(RET(v), -1);
	ACRN(v, ACRN_WRITE_PROTECT_PAGE, 0, R1 + 256);
	cr_assert_eq(RET(v), ENOTTY_);
	cr_assert_eq(s2.n, 7);
}

static int64_t pal(struct hv *hv, struct hv_vcpu *c, uint64_t nr, void *priv)
{
	(void)hv;
	(void)priv;
	c->regs.r[RBX] = nr * 2 + c->regs.r[RCX]; /* like MEM_OFFSET: a result in rbx */
	return 0;
}

Test(palacios, registry)
{
	struct hv_vm *vm;

	setup_arch(HCALL_ARCH_X86_64);
	vm = make_vm(0, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_PALACIOS), 1);
	v = &vm->vcpus[0];
	call(v, HCALL_TRAP_VMMCALL, 0x1000, 0, 0, 0);
	cr_assert_eq(RET(v), -1);
	/* rbx..rsi: 0 or the guest's own value, never anything else */
	cr_assert(v->regs.r[RBX] == 0 || v->regs.r[RBX] == POISON + RBX);
	cr_assert(v->regs.r[RCX] == 0 || v->regs.r[RCX] == POISON + RCX);
	cr_assert(v->regs.r[RDX] == 0 || v->regs.r[RDX] == POISON + RDX);
	cr_assert_eq(v->regs.r[RSI], 0); /* rsi was set to 0 by call() */
	cr_assert_eq(hv_register_hypercall(vm, HV_ABI_PALACIOS, 0x1000, pal, NULL), 0);
	cr_assert_eq(hv_register_hypercall(vm, HV_ABI_PALACIOS, 0x1000, pal, NULL), -17);
	poison(v);
	v->regs.r[RAX] = 0x1000;
	v->regs.r[RCX] = 5;
	trap(v, HCALL_TRAP_VMMCALL, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(v->regs.r[RBX], 0x2005); /* the handler read its argument */
	cr_assert_eq(v->regs.r[RCX], 5);      /* and left rcx to the guest */
	/* Palacios dispatches on rax's low 32 bits (hcall_id_t) */
	poison(v);
	v->regs.r[RAX] = (1ull << 32) | 0x1000;
	v->regs.r[RCX] = 1;
	trap(v, HCALL_TRAP_VMMCALL, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(v->regs.r[RBX], 0x2001);
	/* 4096 sparse 32-bit numbers */
	for (uint32_t i = 1; i < 4096; i++)
		cr_assert_eq(hv_register_hypercall(vm, HV_ABI_PALACIOS, i * 0x9E3779B1u, pal, NULL),
			     0, "registration %u", i);
	cr_assert_eq(hv_register_hypercall(vm, HV_ABI_PALACIOS, 7, pal, NULL), -28);
	call(v, HCALL_TRAP_VMMCALL, 4095u * 0x9E3779B1u, 0, 0, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(v->regs.r[RBX], 2ull * (4095u * 0x9E3779B1u) + v->regs.r[RCX]);
	cr_assert_eq(hv_unregister_hypercall(vm, HV_ABI_PALACIOS, 0x1000), 0);
	cr_assert_eq(hv_register_hypercall(vm, HV_ABI_PALACIOS, 7, pal, NULL), 0);
}

/* hvisor on x86_64 (v0.4 src/arch/x86_64/trap.rs handle_hypercall: vmcall,
 * rax code, rdi and rsi arguments, rax result): a root zone's
 * CONFIG_CHECK (6) writes magic 0x5; zone_start (2) takes the x86_64
 * zone_config, 3136 bytes (one short: -EINVAL). */
Test(hvisor, x86_config_check_and_zone_start_size)
{
	uint64_t magic = 0;

	setup_arch(HCALL_ARCH_X86_64);
	v = &make_vm(0, HV_ROLE_SERVICE, HV_ABI_BIT(HV_ABI_HVISOR), 1)->vcpus[0];
	call(v, HCALL_TRAP_VMCALL, 6, 0, R1 + 8, 0);
	cr_assert_eq(v->regs.r[RAX], 0);
	assert_untouched_except(v, 1u << RAX, (1u << R8) | (1u << RDI) | (1u << RSI));
	memcpy(&magic, mem[0][1] + 8, 8);
	cr_assert_eq(magic, 5);
	call(v, HCALL_TRAP_VMCALL, 2, 0, R1, 3135);
	cr_assert_eq((int64_t)v->regs.r[RAX], EINVAL_);
	call(v, HCALL_TRAP_VMCALL, 2, 0, 0x10, 3136);
	cr_assert_eq((int64_t)v->regs.r[RAX], EFAULT_);
	call(v, HCALL_TRAP_VMCALL, 99, 0, 0, 0);
	cr_assert_eq((int64_t)v->regs.r[RAX], -38);
}

/* VIRTIO_GET_IRQ (86) on x86_64 (v0.4 src/arch/x86_64/hypercall.rs): a
 * u32 at rdi, the interrupt the root zone gets for virtio requests; here
 * the upcall vector, 0xF3 (hv/hv.h). Any zone may ask (hvisor checks
 * nothing); an address outside the caller is -EFAULT. */
Test(hvisor, x86_virtio_get_irq)
{
	struct hv_vm *zone;
	uint32_t irq;

	setup_arch(HCALL_ARCH_X86_64);
	v = &make_vm(0, HV_ROLE_SERVICE, HV_ABI_BIT(HV_ABI_HVISOR), 1)->vcpus[0];
	zone = make_vm(1, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_HVISOR), 1);
	memset(mem[0][1], 0xAA, 16);
	call(v, HCALL_TRAP_VMCALL, 86, 0, R1 + 3, 0);
	cr_assert_eq(v->regs.r[RAX], 0);
	memcpy(&irq, mem[0][1] + 3, 4);
	cr_assert_eq(irq, 0xF3);
	cr_assert_eq(mem[0][1][7], 0xAA, "32 bits, no more");
	cr_assert_eq(mem[0][1][2], 0xAA);
	call(v, HCALL_TRAP_VMCALL, 86, 0, R1 + MEM_SIZE - 3, 0);
	cr_assert_eq((int64_t)v->regs.r[RAX], EFAULT_);
	call(&zone->vcpus[0], HCALL_TRAP_VMCALL, 86, 0, R1, 0);
	cr_assert_eq(zone->vcpus[0].regs.r[RAX], 0);
	memcpy(&irq, mem[1][1], 4);
	cr_assert_eq(irq, 0xF3);
}

/* Calls that do not change the VM table take no global lock: with
 * hv->lock held by someone else, a registered call, an unknown number and
 * a built-in KVM call still complete (a lock taken would spin until the
 * test's timeout). */
Test(palacios, calls_take_no_global_lock, .timeout = 10)
{
	struct hv_vm *pal_vm, *kvm_vm;

	setup_arch(HCALL_ARCH_X86_64);
	pal_vm = make_vm(0, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_PALACIOS), 1);
	kvm_vm = make_vm(1, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_KVM_X86), 1);
	cr_assert_eq(hv_register_hypercall(pal_vm, HV_ABI_PALACIOS, 0x1000, pal, NULL), 0);
	__atomic_store_n(&H.lock.v, 1u, __ATOMIC_RELEASE); /* held elsewhere */
	v = &pal_vm->vcpus[0];
	call(v, HCALL_TRAP_VMMCALL, 0x1000, 0, 5, 0);
	cr_assert_eq(RET(v), 0);
	call(v, HCALL_TRAP_VMMCALL, 0x2000, 0, 0, 0);
	cr_assert_eq(RET(v), -1);
	v = &kvm_vm->vcpus[0];
	call(v, HCALL_TRAP_VMMCALL, 1 /* VAPIC_POLL_IRQ */, 0, 0, 0);
	cr_assert_eq(RET(v), 0);
	__atomic_store_n(&H.lock.v, 0u, __ATOMIC_RELEASE);
}

/*
 * SET_IRQLINE and the emulated I/O APIC (ACRN v3.3 hcall_set_irqline,
 * dm/vioapic.c; 82093AA registers): param2 = gsi | op << 32, ops
 * SET_HIGH 0, SET_LOW 1, RAISING_PULSE 2, FALLING_PULSE 3; 48 pins; an
 * unknown op is 0 and does nothing. IOREGSEL at +0x00, IOWIN at +0x10;
 * entry n at register 0x10 + 2n (low) / 0x11 + 2n (high); bits: vector
 * 7:0, delivery mode 10:8, logical 11, active low 13, remote IRR 14,
 * level 15, masked 16, destination 63:56.
 */
static uint32_t io_read(struct hv_vcpu *c, uint32_t reg)
{
	uint32_t v = reg;

	cr_assert_eq(hv_acrn_ioapic_access(&H, c, 0x00, 4, 1, &v), 0);
	cr_assert_eq(hv_acrn_ioapic_access(&H, c, 0x10, 4, 0, &v), 0);
	return v;
}

static void io_write(struct hv_vcpu *c, uint32_t reg, uint32_t val)
{
	uint32_t v = reg;

	cr_assert_eq(hv_acrn_ioapic_access(&H, c, 0x00, 4, 1, &v), 0);
	cr_assert_eq(hv_acrn_ioapic_access(&H, c, 0x10, 4, 1, &val), 0);
}

#define LINE(gsi, op) (((uint64_t)(op) << 32) | (gsi))

Test(acrn, set_irqline_and_the_ioapic)
{
	struct hv_vcpu *u = &uos->vcpus[0];
	uint64_t page = R1 + 0x1000;
	uint32_t val;
	int n;

	/* DEFINED (powered off): -1; not an ACRN-created VM: -ENOTTY */
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 0));
	cr_assert_eq(RET(v), -1);
	ACRN(v, ACRN_SET_IRQLINE, svc->id, LINE(4, 0));
	cr_assert_eq(RET(v), ENOTTY_);
	ACRN(v, ACRN_SET_IRQLINE, trusty->id, LINE(4, 0));
	cr_assert_eq(RET(v), ENOTTY_);
	ACRN(v, ACRN_SET_IRQLINE, 0x10004, LINE(4, 0));
	cr_assert_eq(RET(v), ENOTTY_);
	put_creation((const uint8_t[16]){ 0xab, [15] = 0xcd }, 0);
	ACRN(v, ACRN_CREATE_VM, R1, 0);
	cr_assert_eq(RET(v), 0);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(48, 0));
	cr_assert_eq(RET(v), -1);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(47, 2));
	cr_assert_eq(RET(v), 0);
	memcpy(mem[0][1] + 0x100, &page, 8);
	ACRN(v, ACRN_SET_IOREQ_BUFFER, uos->id, R1 + 0x100);
	ACRN(v, ACRN_START_VM, uos->id, 0);
	cr_assert_eq(RET(v), 0);

	/* registers after reset */
	cr_assert_eq(io_read(u, 0x01), 0x002F0011u);
	cr_assert_eq(io_read(u, 0x10), 0x00010000u);
	cr_assert_eq(io_read(u, 0x11), 0x00010000u);
	cr_assert_eq(io_read(u, 0x10 + 2 * 48), 0);
	val = 0;
	cr_assert_eq(hv_acrn_ioapic_access(&H, u, 0x00, 2, 0, &val), 0);
	cr_assert_eq(val, 0xFFFFFFFFu); /* not a 32-bit access */
	cr_assert_eq(hv_acrn_ioapic_access(&H, u, 0x40, 4, 0, &val), 0);
	cr_assert_eq(val, 0xFFFFFFFFu);
	/* the Service VM has no emulated I/O APIC */
	cr_assert_eq(hv_acrn_ioapic_access(&H, &svc->vcpus[0], 0x00, 4, 0, &val), -1);

	/* edge pin 4 -> vector 0x41 on vCPU 0 */
	io_write(u, 0x18, 0x41);
	n = fk.upcalls;
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 0));
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(fk.upcalls, n + 1);
	cr_assert_eq(fk.upcall_vcpu, u);
	cr_assert_eq(fk.upcall_vector, 0x41);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 0)); /* already high */
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 9)); /* unknown op */
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(fk.upcalls, n + 1);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 1));
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 2));
	cr_assert_eq(fk.upcalls, n + 2);
	/* masked, or a destination that is no vCPU, or vector < 16, or
	 * logical, or NMI delivery: nothing */
	io_write(u, 0x18, 0x10041);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 2));
	io_write(u, 0x19, 0x05000000);
	io_write(u, 0x18, 0x41);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 2));
	io_write(u, 0x19, 0);
	io_write(u, 0x18, 0x0F);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 2));
	io_write(u, 0x18, 0x841);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 2));
	io_write(u, 0x18, 0x441);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 2));
	cr_assert_eq(fk.upcalls, n + 2);
	/* broadcast destination 0xFF */
	io_write(u, 0x19, 0xFF000000);
	io_write(u, 0x18, 0x41);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(4, 2));
	cr_assert_eq(fk.upcalls, n + 3);

	/* level pin 5 -> 0x42: remote IRR until the EOI, again while high */
	io_write(u, 0x1A, 0x8042);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(5, 0));
	cr_assert_eq(fk.upcalls, n + 4);
	cr_assert_eq(io_read(u, 0x1A), 0xC042);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(5, 1));
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(5, 0));
	cr_assert_eq(fk.upcalls, n + 4);
	hv_acrn_eoi(&H, u, 0x41); /* another vector: nothing */
	cr_assert_eq(io_read(u, 0x1A), 0xC042);
	hv_acrn_eoi(&H, u, 0x42);
	cr_assert_eq(fk.upcalls, n + 5);
	cr_assert_eq(fk.upcall_vector, 0x42);
	ACRN(v, ACRN_SET_IRQLINE, uos->id, LINE(5, 1));
	hv_acrn_eoi(&H, u, 0x42);
	cr_assert_eq(fk.upcalls, n + 5);
	cr_assert_eq(io_read(u, 0x1A), 0x8042);
	/* read-only bits; switching to edge drops remote IRR */
	io_write(u, 0x1A, 0x15042);
	cr_assert_eq(io_read(u, 0x1A), 0x10042);

	/* RESET_VM resets the chip */
	ACRN(v, ACRN_PAUSE_VM, uos->id, 0);
	ACRN(v, ACRN_RESET_VM, uos->id, 0);
	cr_assert_eq(RET(v), 0);
	cr_assert_eq(io_read(u, 0x18), 0x00010000u);
}
