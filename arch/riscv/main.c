/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/main.c - the riscv64 hypervisor: its VMs, the arch ops the
 * portable core calls, and boot (after entry.S has reached HS-mode).
 *
 * VMs (layout.h has the addresses; the system test loads the images):
 *   0 "service"   hvisor root zone, runs at boot: hvisor, SBI, probe
 *   1 "normal"    started by the service VM with zone_start: hvisor
 *                 (the core denies its management calls), SBI, probe
 *   2 "norights"  started the same way, with no hypercall rights: its
 *                 ecalls come back as illegal-instruction exceptions
 */
#include "csr.h"
#include "layout.h"
#include "rv.h"
#include "sbi_glue.h"
#include "smp.h"

/* The service VM's vCPUs: 2 in the usual image (SBI HSM and IPI),
 * 4 in the SMP image (hv-riscv64-smp.elf: the storm, one per hart). */
#ifndef RV_SERVICE_NVCPUS
#define RV_SERVICE_NVCPUS 2
#endif
/* Zone 1's: 2 in the SMP image (its vCPU 1 on hart 1 asks for the
 * service VM's upcall, which reaches vCPU 0 on hart 0 by a kick). */
#ifndef RV_ZONE1_NVCPUS
#define RV_ZONE1_NVCPUS 1
#endif

/* Exceptions the guest handles itself (hedeleg): misaligned accesses,
 * illegal instruction, breakpoint, ecall from VU, VS-stage page faults.
 * Access faults stay here, to be reported before they are reflected. */
#define HEDELEG_GUEST ((1u << EXC_INSN_MISALIGNED) | (1u << EXC_ILLEGAL_INSN) | \
		       (1u << EXC_BREAKPOINT) | (1u << EXC_LOAD_MISALIGNED) |   \
		       (1u << EXC_STORE_MISALIGNED) | (1u << EXC_ECALL_U) |     \
		       (1u << EXC_INSN_PAGE) | (1u << EXC_LOAD_PAGE) |          \
		       (1u << EXC_STORE_PAGE))
/* VS-level interrupts go straight to the guest (the upcall is VSSIP). */
#define HIDELEG_GUEST ((1u << IRQ_VSSI) | (1u << IRQ_VSTI) | (1u << IRQ_VSEI))

#define INSN_ECALL 0x00000073u
#define NVMS 3

struct hv rv_hv;
static struct rv_gstage gstages[HV_MAX_VMS];
static struct rv_vcpu vcpu_ctx[HV_MAX_VMS][HV_MAX_VCPUS];
/* The regions each VM's G-stage map was last built from (0: none yet). */
static struct hv_region mapped[HV_MAX_VMS][HV_MAX_REGIONS];
static unsigned nmapped[HV_MAX_VMS];

static int prepare_vm(struct hv_vm *vm);
static __attribute__((noreturn)) void die(const char *why);

/* The core injects only into the vCPU whose ecall it is handling, the
 * one running here: the exception is taken at once, in its live CSRs, at
 * the ecall itself (sepc is past it while the core runs), so whatever the
 * core answers after it, the vCPU resumes in its trap handler. */
static void op_inject_fault(struct hv_vcpu *v, enum hv_fault fault)
{
	uint64_t pc;

	/* Both kinds are an illegal instruction on riscv; stval = the ecall. */
	(void)fault;
	if (v != rv_this_cpu()->current)
		die("exception injected into a vCPU that is not running here");
	csr_read(CSR_SEPC, pc);
	csr_write(CSR_SEPC, pc - 4);
	rv_vcpu_queue_fault(v, EXC_ILLEGAL_INSN, INSN_ECALL);
	rv_vcpu_deliver_fault(v);
}

static void op_upcall(struct hv_vcpu *v, unsigned vector)
{
	(void)vector; /* one virtual interrupt: VSSIP */
	rv_vcpu_raise_upcall(v);
}

/*
 * A VM (re)starts with vCPU 0 at its entry (a1 = its context ID: the
 * DTB address hvisor's zone_start names) and the others offline, as the
 * core sets them: those start afresh when SBI HSM
 * hart_start puts them online. Each vCPU is reset by its own hart when
 * it next runs there (vcpu.c), since it may still be leaving another.
 */
static void vcpu_boot_state(struct hv_vcpu *v)
{
	rv_vcpu_vm_start(v);
}

static int op_vm_start(struct hv_vm *vm)
{
	unsigned i;

	if (prepare_vm(vm))
		return -HV_EINVAL;
	for (i = 0; i < vm->nvcpus; i++)
		vcpu_boot_state(&vm->vcpus[i]);
	/* Idle harts look again once the core, which holds hv->lock until
	 * the VM runs, lets them. */
	rv_smp_kick_others();
	return 0;
}

static void op_vm_pause(struct hv_vm *vm)
{
	/* Its vCPUs running on other harts leave at once (trap.c). */
	(void)vm;
	rv_smp_kick_others();
}

static void op_vm_stop(struct hv_vm *vm)
{
	/* Its G-stage map stays until a start with other regions; its vCPUs
	 * running on other harts leave at once (trap.c), and a stopped VM
	 * never runs. */
	(void)vm;
	rv_smp_kick_others();
}

static const struct hv_arch_ops rv_ops = {
	.arch = HCALL_ARCH_RISCV64,
	.inject_fault = op_inject_fault,
	.upcall = op_upcall,
	.upcall_withdraw = rv_vcpu_clear_ipi, /* VSSIP: the upcall and IPIs alike */
	.vm_start = op_vm_start,
	.vm_stop = op_vm_stop,
	.vm_pause = op_vm_pause,
};

static const struct {
	const char *name;
	enum hv_role role;
	uint32_t abis;
	uint32_t caps;
	uint64_t ram_hpa;
	int start;
} vm_plan[NVMS] = {
	{ "service", HV_ROLE_SERVICE,
	  HV_ABI_BIT(HV_ABI_HVISOR) | HV_ABI_BIT(HV_ABI_SBI), HV_CAP_PROBE,
	  RV_VM0_RAM_HPA, 1 },
	{ "normal", HV_ROLE_NORMAL,
	  HV_ABI_BIT(HV_ABI_HVISOR) | HV_ABI_BIT(HV_ABI_SBI), HV_CAP_PROBE,
	  RV_VM1_RAM_HPA, 0 },
	{ "norights", HV_ROLE_NORMAL, 0, 0, RV_VM2_RAM_HPA, 0 },
};

static __attribute__((noreturn)) void die(const char *why)
{
	rv_puts("hv: ");
	rv_puts(why);
	rv_putc('\n');
	rv_poweroff(0x42);
}

/*
 * Give a VM its glue state (the vCPU contexts) and its G-stage map: the
 * core's regions (which zone_start may have replaced) plus the UART,
 * passed through. The core may call vm_start from
 * hv_vm_create already, so this runs from both. 0 or -1.
 */
static int prepare_vm(struct hv_vm *vm)
{
	struct rv_gstage *g;
	unsigned n, c;
	int same;

	if (vm->id >= HV_MAX_VMS || vm->nvcpus > HV_MAX_VCPUS)
		return -1;
	g = &gstages[vm->id];
	/* A start with the regions of the last build keeps the map: a vCPU
	 * of the VM may still be leaving another hart. */
	same = nmapped[vm->id] && nmapped[vm->id] == vm->nregions;
	for (n = 0; same && n < vm->nregions; n++)
		same = mapped[vm->id][n].gpa == vm->regions[n].gpa &&
		       mapped[vm->id][n].size == vm->regions[n].size &&
		       mapped[vm->id][n].host == vm->regions[n].host &&
		       mapped[vm->id][n].flags == vm->regions[n].flags;
	if (!same) {
		nmapped[vm->id] = 0;
		if (rv_gstage_init(g, vm->id))
			return -1;
		for (n = 0; n < vm->nregions; n++) {
			if (rv_gstage_map(g, vm->regions[n].gpa,
					  (uint64_t)(uintptr_t)vm->regions[n].host,
					  vm->regions[n].size, vm->regions[n].flags))
				return -1;
			mapped[vm->id][n] = vm->regions[n];
		}
		if (rv_gstage_map(g, RV_UART_BASE, RV_UART_BASE, 0x1000,
				  HV_MEM_READ | HV_MEM_WRITE))
			return -1;
		nmapped[vm->id] = vm->nregions;
	}
	for (c = 0; c < HV_MAX_VCPUS; c++)
		vm->vcpus[c].arch = &vcpu_ctx[vm->id][c];
	for (c = 0; c < vm->nvcpus; c++)
		vcpu_boot_state(&vm->vcpus[c]);
	vm->arch = g;
	return 0;
}

/* Create VM i with its RAM and the shared ivc page. */
static struct hv_vm *make_vm(unsigned i)
{
	struct hv_vm_config cfg = { 0 };
	struct hv_vm *vm;

	cfg.name = vm_plan[i].name;
	cfg.role = vm_plan[i].role;
	cfg.abis = vm_plan[i].abis;
	cfg.caps = vm_plan[i].caps;
	cfg.entry = RV_GUEST_RAM_GPA;
	/* The service VM has more vCPUs for SBI HSM and IPI (vCPU n on hart
	 * n % harts, smp.h; they start STOPPED). */
	cfg.nvcpus = i == 0 ? RV_SERVICE_NVCPUS : i == 1 ? RV_ZONE1_NVCPUS : 1;
	cfg.regions[0] = (struct hv_region){ RV_GUEST_RAM_GPA, RV_GUEST_RAM_SIZE,
		(uint8_t *)(uintptr_t)vm_plan[i].ram_hpa,
		HV_MEM_READ | HV_MEM_WRITE | HV_MEM_EXEC };
	cfg.regions[1] = (struct hv_region){ RV_IVC_GPA, RV_IVC_SIZE,
		(uint8_t *)(uintptr_t)RV_IVC_HPA, HV_MEM_READ | HV_MEM_WRITE };
	cfg.nregions = 2;
	/* The hvisor root zone owns the zones' RAM too, at its host-physical
	 * address, as hvisor's root zone owns the memory it starts zones in. */
	if (vm_plan[i].role == HV_ROLE_SERVICE)
		cfg.regions[cfg.nregions++] = (struct hv_region){ RV_ZONES_GPA,
			RV_ZONES_SIZE, (uint8_t *)(uintptr_t)RV_ZONES_GPA,
			HV_MEM_READ | HV_MEM_WRITE };
	cfg.start = vm_plan[i].start;
	vm = hv_vm_create(&rv_hv, &cfg);
	if (!vm)
		die("the core refused a VM configuration");
	if (prepare_vm(vm))
		die("G-stage setup failed");
	return vm;
}

/* This hart's HS-mode CSRs and per-hart state; the VMs are shared. */
static void hs_setup(unsigned hart)
{
	/* From here on every trap enters at rv_guest_vector, which tells a
	 * guest's (sscratch = its frame, written by rv_resume) from a fault
	 * in HS-mode (sscratch = 0: trap.S). */
	csr_write(CSR_SSCRATCH, 0);
	csr_write(CSR_STVEC, (uint64_t)(uintptr_t)rv_guest_vector);
	rv_smp_cpu_init(hart);
	csr_write(CSR_HEDELEG, HEDELEG_GUEST);
	csr_write(CSR_HIDELEG, HIDELEG_GUEST);
	csr_write(CSR_HCOUNTEREN, 7);
	csr_write(CSR_HVIP, 0);
	/* Sstc for VS: vstimecmp drives the guest's timer interrupt. */
	csr_set(CSR_HENVCFG, ENVCFG_STCE);
}

static volatile int smp_go; /* hart 0 has counted the harts */

static void secondary_main(unsigned hart)
{
	struct hv_vcpu *v;

	hs_setup(hart);
	while (!__atomic_load_n(&smp_go, __ATOMIC_ACQUIRE))
		rv_smp_pause(); /* rv_next_vcpu clears the SSIP it leaves */
	if (hart >= rv_nharts)
		return; /* left out: parks */
	v = rv_next_vcpu(0);
	rv_enter(rv_vcpu_switch(v));
}

void rv_main(const void *fdt);
void rv_main(const void *fdt)
{
	struct hv_vm *service = 0;
	unsigned i;

	hs_setup(0);
	rv_puts("hv: hcall riscv64 hypervisor, HS-mode\n");
	if (hv_init(&rv_hv, &rv_ops))
		die("hv_init failed");
	hv_sbi_set_glue(&rv_sbi_glue);
	for (i = 0; i < NVMS; i++) {
		struct hv_vm *vm = make_vm(i);
		if (vm_plan[i].start && !service)
			service = vm;
	}
	if (!service)
		die("no VM to boot");
	rv_nharts = rv_smp_boot(fdt, secondary_main);
	if (rv_nharts > 1) {
		rv_puts("hv: ");
		rv_putdec(rv_nharts);
		rv_puts(" harts\n");
	}
	__atomic_store_n(&smp_go, 1, __ATOMIC_RELEASE);
	rv_enter(rv_vcpu_switch(&service->vcpus[0]));
}
