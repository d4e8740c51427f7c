/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/main.c - the EL2 hypervisor: VM layout, the trap loop and the
 * architecture ops of the portable core (hv/hv.h).
 *
 * VMs run at EL1. vCPU n of every VM is pinned to physical CPU
 * n % ncpus (smp.h); the vCPUs pinned to one CPU take turns. Guest-physical
 * addresses equal host-physical ones, but each VM's stage-2 tables map
 * only its own regions (and the UART if it owns it).
 *
 * Traps are handled in place (entry.S): the vector saves the guest's
 * registers into its vCPU's frame and calls arm64_sync() or arm64_irq()
 * on the EL2 stack, which return the frame to resume.
 *
 * Scheduling: a vCPU runs until it traps. HV_SWITCH, HV_VCPU_OFF and a
 * guest WFI (trapped with HCR_EL2.TWI: "nothing to do, run someone else")
 * move to the next vCPU pinned to this CPU (hv_next_vcpu_on()); every
 * other trap resumes the same vCPU.
 *
 * The upcall is a virtual IRQ (HCR_EL2.VI), taken at the guest's
 * VBAR_EL1 + 0x280 (or +0x480 from EL0) as soon as it unmasks IRQs. It
 * stays pending until the vCPU makes a hypercall with PSTATE.I set, which
 * is what its IRQ handler does to acknowledge it. If the vCPU's CPU is
 * another one, a kick (an SGI) makes it exit to EL2 and take the upcall
 * in; a VM stopped from another CPU is left the same way.
 *
 * Exit status: PSCI SYSTEM_OFF of the service VM exits with hv->exit_code
 * (0); SYSTEM_RESET exits with HV_EXIT_RESET, which is how the service VM
 * reports failed checks.
 */
#include <hv/hv.h>
#include <hv/vcpu.h>
#include <hv/vm.h>
#include "console.h"
#include "frame.h"
#include "layout.h"
#include "stage2.h"
#include "smp.h"
#include "sysreg.h"
#include "trng.h"
#include "vcpu.h"

/* entry.S */
__attribute__((noreturn)) void arm64_enter(struct hcall_regs *frame);
/* From the vectors (entry.S): the frame to resume. */
struct hcall_regs *arm64_sync(struct hcall_regs *frame);
struct hcall_regs *arm64_after_hvc(struct hcall_regs *frame, enum hv_action act);
struct hcall_regs *arm64_irq(struct hcall_regs *frame);
void arm64_main(void);
void arm64_el2_fault(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far);

#define ESR_UNDEF ((uint64_t)EC_UNKNOWN << 26 | ESR_IL)
#define DFSC_EXT_ABORT 0x10u
#define S2_FAULT_LIMIT 8

/* The core's state (entry.S passes it to hv_handle_hvc). */
struct hv arm64_hv;
#define hv arm64_hv
static struct arm64_vm vm_arch[HV_MAX_VMS];
static struct arm64_vcpu vcpu_arch[HV_MAX_VMS][HV_MAX_VCPUS];

static struct arm64_vcpu *av(struct hv_vcpu *v)
{
	return (struct arm64_vcpu *)v->arch;
}

void arm64_el2_fault(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far)
{
	con_puts("hv: exception at EL2, kind ");
	con_dec(kind);
	con_puts(" esr ");
	con_hex(esr);
	con_puts(" elr ");
	con_hex(elr);
	con_puts(" far ");
	con_hex(far);
	con_putc('\n');
	hv_exit_qemu(HV_EXIT_BUG);
}

/* ---- architecture ops ---------------------------------------------------- */

/* The core injects only into the vCPU whose HVC or SMC it is handling:
 * the fault is raised at that instruction (ELR_EL2 is past an HVC, at an
 * SMC). */
static void op_inject_fault(struct hv_vcpu *v, enum hv_fault fault)
{
	uint64_t pc = read_sysreg(elr_el2);

	(void)fault; /* arm64 has no #GP: both kinds are UNDEFINED */
	if (ESR_EC(read_sysreg(esr_el2)) == EC_HVC64)
		pc -= 4;
	vcpu_inject_sync(v, ESR_UNDEF, 0, pc);
}

static void op_upcall(struct hv_vcpu *v, unsigned vector)
{
	(void)vector;
	__atomic_store_n(&av(v)->virq, 1, __ATOMIC_RELEASE);
	smp_kick(smp_cpu_of(v));
}

/* A running vCPU keeps HCR_EL2.VI until its next entry. */
static void op_upcall_withdraw(struct hv_vcpu *v)
{
	__atomic_store_n(&av(v)->virq, 0, __ATOMIC_RELEASE);
}

static void copy_bytes(uint8_t *dst, const uint8_t *src, uint64_t n)
{
	while (n--)
		*dst++ = *src++;
}

/* The VM's stage-2 tables from its regions (which zone_start may have
 * replaced) and the UART if it has it: built afresh when the regions
 * differ from the last build, else kept, since a vCPU of the VM may still
 * be leaving another CPU while it restarts. */
static int s2_build(struct hv_vm *vm, struct arm64_vm *a)
{
	unsigned i;
	int same = a->nmapped && a->nmapped == vm->nregions;

	for (i = 0; same && i < vm->nregions; i++)
		same = a->mapped[i].gpa == vm->regions[i].gpa &&
		       a->mapped[i].size == vm->regions[i].size &&
		       a->mapped[i].host == vm->regions[i].host &&
		       a->mapped[i].flags == vm->regions[i].flags;
	if (same)
		return 0;
	a->nmapped = 0;
	s2_init(&a->s2, vm->id, vm->id + 1);
	for (i = 0; i < vm->nregions; i++) {
		const struct hv_region *r = &vm->regions[i];
		unsigned perm = 0;

		perm |= (r->flags & HV_MEM_READ) ? S2_READ : 0;
		perm |= (r->flags & HV_MEM_WRITE) ? S2_WRITE : 0;
		perm |= (r->flags & HV_MEM_EXEC) ? S2_EXEC : 0;
		if (s2_map(&a->s2, r->gpa, (uint64_t)(uintptr_t)r->host, r->size, perm))
			return -HV_ENOMEM;
		a->mapped[i] = *r;
	}
	if (a->has_uart &&
	    s2_map(&a->s2, LAYOUT_UART_BASE, LAYOUT_UART_BASE, 0x1000,
		   S2_READ | S2_WRITE | S2_DEVICE))
		return -HV_ENOMEM;
	a->nmapped = vm->nregions;
	return 0;
}

/* Build the VM's stage 2, (re)load its embedded image, if it has one, and
 * reset its vCPUs. */
static int op_vm_start(struct hv_vm *vm)
{
	struct arm64_vm *a;
	unsigned i;
	int ret;

	/* The core starts a boot-time VM inside hv_vm_create(): attach the
	 * glue state here, by slot (VM ids are the layout's slots). */
	if (vm->id >= HV_MAX_VMS || vm->id >= layout_nvms)
		return -HV_EINVAL;
	a = &vm_arch[vm->id];
	vm->arch = a;
	for (i = 0; i < HV_MAX_VCPUS; i++)
		vm->vcpus[i].arch = &vcpu_arch[vm->id][i];
	if (!vm->nregions)
		return -HV_EINVAL;
	ret = s2_build(vm, a);
	if (ret)
		return ret;
	/* No embedded image: the boot loader put it in the VM's RAM. */
	if (a->image) {
		if (a->image_size > vm->regions[0].size)
			return -HV_E2BIG;
		copy_bytes(vm->regions[0].host, a->image, a->image_size);
	}
	for (i = 0; i < vm->nvcpus; i++)
		av(&vm->vcpus[i])->started = 0;
	s2_flush();
	/* Idle CPUs look again once the core, which holds hv->lock until
	 * the VM runs, lets them. */
	smp_kick_others();
	return 0;
}

static void op_vm_pause(struct hv_vm *vm)
{
	/* Its vCPUs running on other CPUs leave at once. */
	(void)vm;
	smp_kick_others();
}

static void op_vm_stop(struct hv_vm *vm)
{
	unsigned i;

	if (vm->id >= HV_MAX_VMS)
		return;
	for (i = 0; i < HV_MAX_VCPUS; i++)
		vcpu_arch[vm->id][i].started = 0;
	/* Its vCPUs running on other CPUs leave at once. */
	smp_kick_others();
}

/* Every VM shares the PL011. */
static void op_console_putc(struct hv_vm *vm, char c)
{
	(void)vm;
	con_putc(c);
}

static const struct hv_arch_ops arm64_ops = {
	.arch = HCALL_ARCH_ARM64,
	.inject_fault = op_inject_fault,
	.upcall = op_upcall,
	.upcall_withdraw = op_upcall_withdraw,
	.vm_start = op_vm_start,
	.vm_stop = op_vm_stop,
	.vm_pause = op_vm_pause,
	.console_putc = op_console_putc,
};

/* ---- boot ---------------------------------------------------------------- */

static struct hv_vm *create_vm(const struct layout_vm *l, unsigned slot)
{
	struct hv_vm_config cfg = { 0 };
	struct hv_vm *vm;
	struct arm64_vm *a = &vm_arch[slot];
	unsigned i;

	cfg.name = l->name;
	cfg.role = l->role;
	cfg.abis = l->abis;
	cfg.caps = l->caps;
	cfg.entry = l->base;
	cfg.nvcpus = l->nvcpus ? l->nvcpus : 1;
	cfg.start = l->start;
	cfg.regions[0] = (struct hv_region){ l->base, l->size,
		(uint8_t *)(uintptr_t)l->base, HV_MEM_READ | HV_MEM_WRITE | HV_MEM_EXEC };
	cfg.nregions = 1;
	if (l->shared)
		cfg.regions[cfg.nregions++] = (struct hv_region){ LAYOUT_SHARED_BASE,
			LAYOUT_SHARED_SIZE, (uint8_t *)(uintptr_t)LAYOUT_SHARED_BASE,
			HV_MEM_READ | HV_MEM_WRITE };
	if (l->zones)
		cfg.regions[cfg.nregions++] = (struct hv_region){ LAYOUT_ZONES_BASE,
			LAYOUT_ZONES_SIZE, (uint8_t *)(uintptr_t)LAYOUT_ZONES_BASE,
			HV_MEM_READ | HV_MEM_WRITE };
	a->image = l->image;
	a->image_size = (uint64_t)(l->image_end - l->image);
	a->has_uart = l->uart;
	s2_init(&a->s2, slot, slot + 1);
	vm = hv_vm_create(&hv, &cfg);
	if (!vm || vm->id != slot)
		return 0;
	vm->arch = a;
	for (i = 0; i < HV_MAX_VCPUS; i++)
		vm->vcpus[i].arch = &vcpu_arch[slot][i];
	return vm;
}

/* ---- traps ---------------------------------------------------------------- */

_Static_assert(offsetof(struct hv_vcpu, arch) - offsetof(struct hv_vcpu, regs) ==
			    FRAME_VCPU_ARCH && offsetof(struct hv_vcpu, regs) == FRAME_VCPU,
		    "frame.h: struct hv_vcpu");
_Static_assert(offsetof(struct arm64_vcpu, started) == A64_STARTED &&
			    offsetof(struct arm64_vcpu, virq) == A64_VIRQ &&
			    offsetof(struct arm64_vcpu, s2_faults) == A64_S2_FAULTS,
		    "frame.h: struct arm64_vcpu");

static struct hv_vcpu *vcpu_of(struct hcall_regs *frame)
{
	return (struct hv_vcpu *)(void *)((char *)frame - offsetof(struct hv_vcpu, regs));
}

static void stage2_fault(struct hv_vcpu *v, uint64_t esr)
{
	struct arm64_vcpu *a = av(v);
	uint64_t far = read_sysreg(far_el2);
	uint64_t ipa = ((read_sysreg(hpfar_el2) & ~0xfull) << 8) | (far & 0xfff);
	uint64_t ec = ESR_EC(esr);
	uint64_t pc = read_sysreg(elr_el2);
	int from_el0 = (read_sysreg(spsr_el2) & SPSR_MODE_MASK) == SPSR_MODE_EL0T;

	con_puts("hv: VM ");
	con_puts(v->vm->name);
	con_puts(": stage-2 fault at IPA ");
	con_hex(ipa);
	con_puts(", pc ");
	con_hex(pc);
	if (ec == EC_IABT_LOW || ++a->s2_faults > S2_FAULT_LIMIT) {
		/* Nothing sensible to run: stop the VM. */
		con_puts(": VM stopped\n");
		hv_vm_stop(&hv, v->vm);
		return;
	}
	/* A data access outside the VM: a synchronous external abort for the
	 * guest kernel to handle, like a bus error on real hardware. */
	con_puts(": external abort injected\n");
	vcpu_inject_sync(v, (uint64_t)(from_el0 ? EC_DABT_LOW : EC_DABT_CUR) << 26 |
			    ESR_IL | DFSC_EXT_ABORT, far, pc);
}

/* A hypercall (HVC or SMC) with syndrome esr. Returns the core's action.
 * Inlined: the HVC path of arm64_sync() is the hot one. */
static inline __attribute__((always_inline)) enum hv_action
hypercall(struct hv_vcpu *v, uint64_t esr, int smc)
{
	struct arm64_vcpu *a = av(v);
	enum hv_action act;

	a->s2_faults = 0;
	if (a->virq && (read_sysreg(spsr_el2) & (1u << 7))) /* ack from the IRQ handler */
		a->virq = 0;
	/* HVC and SMC from EL0 are UNDEFINED in hardware: the caller is
	 * always the guest kernel. */
	if (smc)
		act = hv_handle_trap(&hv, v, HCALL_TRAP_SMC, (uint32_t)(esr & 0xffff), 0);
	else
		act = hv_handle_hvc(&hv, v, (uint32_t)(esr & 0xffff));
	/* HVC: ELR_EL2 is past the instruction; SMC: at it. */
	if (smc && (act == HV_RESUME || act == HV_SWITCH))
		write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
	return act;
}

/* One synchronous exit other than an HVC. Returns the core's action. */
static enum hv_action handle_sync(struct hv_vcpu *v, uint64_t esr)
{
	switch (ESR_EC(esr)) {
	case EC_SMC64:
		return hypercall(v, esr, 1);
	case EC_WFX:
		write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
		return HV_SWITCH;
	case EC_DABT_LOW:
	case EC_IABT_LOW:
		stage2_fault(v, esr);
		return v->online ? HV_INJECTED : HV_VCPU_OFF;
	default:
		/* Any other trapped instruction: UNDEFINED for the guest. */
		con_puts("hv: unexpected trap, esr ");
		con_hex(esr);
		con_putc('\n');
		vcpu_inject_sync(v, ESR_UNDEF, 0, read_sysreg(elr_el2));
		return HV_INJECTED;
	}
}

static __attribute__((noreturn)) void power_off(const char *why, int code)
{
	con_puts("hv: ");
	con_puts(why);
	con_puts(", exit status ");
	con_dec((uint64_t)code);
	con_putc('\n');
	hv_exit_qemu(code);
}

/* After a kick: may v go on? The kicker wrote before it sent the SGI;
 * the VM's state is read the way the core's trap path reads it. */
static int still_runnable(struct hv_vcpu *v)
{
	return hv_vm_get_state(v->vm) == HV_VM_RUNNING && hv_vcpu_is_on(v);
}

/*
 * This CPU's next vCPU after `last`; with none, sleep until another CPU
 * makes one runnable, or power off when no vCPU anywhere is. Whoever makes
 * a vCPU runnable kicks the other CPUs after writing (a hypercall that
 * answered HV_SWITCH: PSCI CPU_ON; a VM start, kicked under hv->lock),
 * and a kick that lands between the check and the WFI stays pending and
 * ends the WFI at once.
 */
static struct hv_vcpu *next_vcpu(struct hv_vcpu *last)
{
	unsigned cpu = this_cpu()->id;

	for (;;) {
		struct hv_vcpu *v;

		smp_ack();
		v = hv_next_vcpu_on(&hv, last, cpu, arm64_ncpus);
		if (v)
			return v;
		if (!hv_next_vcpu(&hv, 0))
			power_off("no runnable vCPU left", HV_EXIT_NO_VCPU);
		__asm__ __volatile__("dsb sy\n\twfi" ::: "memory");
	}
}

/*
 * Make v the CPU's running vCPU and return its frame: a vCPU not started
 * gets fresh state; the EL1 and EL2 context is switched only when another
 * vCPU was loaded (or v was reset), and HCR_EL2 rewritten only when the
 * upcall's VI bit changed.
 */
static struct hcall_regs *enter(struct hv_vcpu *v)
{
	struct arm64_pcpu *cpu = this_cpu();
	struct arm64_vcpu *a = av(v);

	if (!a->started) {
		vcpu_reset(v, v->entry ? v->entry : v->vm->entry, v->context_id);
		if (cpu->loaded == v)
			cpu->loaded = 0; /* nothing of its old context to keep */
	}
	if (cpu->loaded != v) {
		if (cpu->loaded && cpu->loaded->arch)
			vcpu_save(cpu->loaded);
		vcpu_load(v);
		cpu->loaded = v;
	} else if (a->virq != a->vi) {
		vcpu_write_vi(v);
	}
	return &v->regs;
}

/* What runs after v's trap answered `act`: v, another vCPU, or nothing. */
static struct hv_vcpu *after(struct hv_vcpu *v, enum hv_action act, uint64_t esr)
{
	struct hv_vcpu *next;

	switch (act) {
	case HV_RESUME:
	case HV_INJECTED:
		break;
	case HV_VCPU_OFF:
		/* Restarted at v->entry when it next runs. A vCPU that
		 * stays on (PSCI power-down suspend) only restarts; one
		 * that went off concerns the service VM. */
		av(v)->started = 0;
		if (v->vm->role != HV_ROLE_SERVICE && !hv_vcpu_is_on(v))
			hv_notify_service_vm(&hv);
		return next_vcpu(v);
	case HV_SWITCH:
		/* A call that switches may have started a vCPU of
		 * another CPU (CPU_ON); a guest WFI has not. */
		if (ESR_EC(esr) != EC_WFX)
			smp_kick_others();
		next = hv_next_vcpu_on(&hv, v, this_cpu()->id, arm64_ncpus);
		return next ? next : v;
	case HV_SYSTEM_OFF:
		power_off("system off", hv.exit_code);
	case HV_SYSTEM_RESET:
		/* A QEMU run cannot be restarted under its harness: the
		 * service VM resets to say "failed" (tests/guest/arm64). */
		power_off("system reset requested: stopping", HV_EXIT_RESET);
	}
	return v;
}

/*
 * A synchronous exit the vectors do not answer themselves. They answer an
 * HVC while no upcall is pending (entry.S: the same steps as hypercall(),
 * then arm64_after_hvc() unless the core answered HV_RESUME and nothing
 * else changed).
 */
struct hcall_regs *arm64_sync(struct hcall_regs *frame)
{
	struct hv_vcpu *v = vcpu_of(frame);
	uint64_t esr = read_sysreg(esr_el2);
	enum hv_action act;

	if (ESR_EC(esr) == EC_HVC64)
		act = hypercall(v, esr, 0);
	else
		act = handle_sync(v, esr);
	return enter(after(v, act, esr));
}

/* After an HVC the vectors passed to the core. */
struct hcall_regs *arm64_after_hvc(struct hcall_regs *frame, enum hv_action act)
{
	struct hv_vcpu *v = vcpu_of(frame);

	return enter(after(v, act, read_sysreg(esr_el2)));
}

/* The only physical interrupt is a kick (smp.h). */
struct hcall_regs *arm64_irq(struct hcall_regs *frame)
{
	struct hv_vcpu *v = vcpu_of(frame);

	smp_ack();
	if (!still_runnable(v)) {
		av(v)->started = 0;
		v = next_vcpu(v);
	}
	return enter(v);
}

/* This CPU's EL2 registers; the stage-2 tables and the VMs are shared. */
static void el2_setup(unsigned cpu)
{
	write_sysreg(cptr_el2, 0x33ffull); /* no FP/SIMD traps */
	write_sysreg(vpidr_el2, read_sysreg(midr_el1));
	s2_setup();
	smp_cpu_init(cpu);
}

static volatile int smp_go; /* CPU 0 has counted the CPUs */

static void secondary_main(unsigned cpu)
{
	el2_setup(cpu);
	__atomic_store_n(&arm64_pcpus[cpu].alive, 1, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&smp_go, __ATOMIC_ACQUIRE))
		__asm__ __volatile__("yield");
	arm64_enter(enter(next_vcpu(0)));
}

void arm64_main(void)
{
	struct hv_vm *first = 0;
	unsigned i;

	con_puts("hv: hcall arm64 EL2 hypervisor\n");
	el2_setup(0);
	if (hv_init(&hv, &arm64_ops))
		power_off("core init failed", HV_EXIT_BUG);
	for (i = 0; i < layout_nvms; i++) {
		struct hv_vm *vm = create_vm(&layout_vms[i], i);

		if (!vm)
			power_off("bad VM configuration", HV_EXIT_BUG);
		if (arm64_trng_offer(vm) < 0)
			power_off("TRNG registration failed", HV_EXIT_BUG);
		if (!first && layout_vms[i].start)
			first = vm;
	}
	if (!first)
		power_off("no VM to start", HV_EXIT_BUG);
	arm64_ncpus = smp_boot(secondary_main);
	if (arm64_ncpus > 1) {
		con_puts("hv: ");
		con_dec(arm64_ncpus);
		con_puts(" physical CPUs\n");
	}
	__atomic_store_n(&smp_go, 1, __ATOMIC_RELEASE);
	arm64_enter(enter(&first->vcpus[0]));
}
