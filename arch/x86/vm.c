/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/vm.c - VM memory, nested page tables, the VMCB and event
 * injection.
 */
#include "vm.h"

#include <stddef.h>

#include "cpu.h"
#include "smp.h"
#include "vcpu.h"
#include "vmcb.h"
#include "world_switch.h"

_Static_assert(offsetof(struct x86_vcpu, vmcb) == X86_VCPU_VMCB, "world_switch.h");
_Static_assert(offsetof(struct x86_vcpu, gprs) == X86_VCPU_GPRS, "world_switch.h");
_Static_assert(offsetof(struct x86_vcpu, vcpu) == X86_VCPU_VCPU, "world_switch.h");
_Static_assert(offsetof(struct x86_vcpu, work) == X86_VCPU_WORK, "world_switch.h");
_Static_assert(offsetof(struct x86_vcpu, guest_seq) == X86_VCPU_SEQ, "world_switch.h");
_Static_assert(offsetof(struct hv_vcpu, pc) - offsetof(struct hv_vcpu, regs.r) == X86_GPRS_PC,
	       "world_switch.h");

/* Guest boot page tables: present, writable, user (ring 3 runs
 * everywhere); large pages at the PD level. */
#define PT_TABLE 0x007ull
#define PT_LARGE 0x087ull

#define CR0_PE (1ull << 0)
#define CR0_ET (1ull << 4)
#define CR0_NE (1ull << 5)
#define CR0_PG (1ull << 31)
#define CR4_PAE (1ull << 5)
#define RFLAGS_FIXED 0x2ull
#define RFLAGS_IF (1ull << 9)
#define PAT_POWER_ON 0x0007040600070406ull

static struct x86_vm vms[HV_MAX_VMS] __attribute__((aligned(4096)));
static struct x86_vcpu vcpus[HV_MAX_VMS][HV_MAX_VCPUS] __attribute__((aligned(4096)));

/* Every I/O port and MSR is intercepted: the bitmaps are all ones. */
static uint8_t iopm[3 * 4096] __attribute__((aligned(4096)));
static uint8_t msrpm[2 * 4096] __attribute__((aligned(4096)));
static int bitmaps_ready;

/* n bytes of v at p: REP STOSQ for the 8-byte words (a VM's memory is
 * 2 MiB, zeroed at every start), then the rest byte by byte. Assembly,
 * so that no compiler turns it into a call to memset, which this
 * freestanding image does not have. */
static void fill(void *p, uint8_t v, uint64_t n)
{
	uint64_t words = n / 8;
	volatile uint8_t *b;

	__asm__ volatile("rep stosq"
			 : "+D"(p), "+c"(words)
			 : "a"(0x0101010101010101ull * v)
			 : "memory");
	for (b = p, n %= 8; n; n--)
		*b++ = v;
}

static struct {
	const uint8_t *data;
	uint64_t len;
} images[HV_MAX_VMS];

void x86_vm_set_image(unsigned id, const uint8_t *data, uint64_t len)
{
	if (id < HV_MAX_VMS) {
		images[id].data = data;
		images[id].len = len;
	}
}

uint64_t x86_vm_host_base(unsigned id)
{
	return VM_HOST_BASE + id * VM_MEM_SIZE;
}

/* The host address of guest-physical [0, VM_MEM_SIZE), where the boot
 * page tables, the image and the stacks go: the region the VM was
 * created with, or the one an hvisor zone_start gave it; 0 if no region
 * holds it. */
static uint64_t boot_host(const struct hv_vm *vm)
{
	for (unsigned i = 0; i < vm->nregions; i++)
		if (vm->regions[i].gpa == 0 && vm->regions[i].size >= VM_MEM_SIZE)
			return (uint64_t)(uintptr_t)vm->regions[i].host;
	return 0;
}

/* The glue's state of VM `vm->id` (the core clears struct hv_vm when it
 * creates a VM, so this is attached on every start). */
static void attach(struct hv_vm *vm)
{
	unsigned id = vm->id;

	if (!bitmaps_ready) {
		fill(iopm, 0xff, sizeof(iopm));
		fill(msrpm, 0xff, sizeof(msrpm));
		bitmaps_ready = 1;
	}
	vms[id].host_base = boot_host(vm) ? boot_host(vm) : x86_vm_host_base(id);
	vm->arch = &vms[id];
	for (unsigned i = 0; i < HV_MAX_VCPUS; i++) {
		vm->vcpus[i].arch = &vcpus[id][i];
		vcpus[id][i].vcpu = &vm->vcpus[i];
		vcpus[id][i].gprs = vm->vcpus[i].regs.r;
	}
}

/* Zero the VM's memory, copy its image and write its boot page tables. */
static int load(struct hv_vm *vm, const uint8_t *image, uint64_t len)
{
	struct x86_vm *xv = x86_vm_of(vm);
	uint8_t *mem = (uint8_t *)(uintptr_t)xv->host_base;
	uint64_t *pml4 = (uint64_t *)(mem + VM_GPA_PML4);
	uint64_t *pdpt = pml4 + 512;
	uint64_t *pd = pml4 + 1024;

	if (len > VM_IMAGE_MAX)
		return -1;
	fill(mem, 0, VM_MEM_SIZE);
	for (uint64_t i = 0; i < len; i++)
		mem[VM_GPA_IMAGE + i] = image[i];
	/* Identity map of the first GiB: more than the VM has, so a stray
	 * access reaches NPT and exits with #NPF instead of a guest #PF. */
	pml4[0] = (VM_GPA_PML4 + 0x1000) | PT_TABLE;
	pdpt[0] = (VM_GPA_PML4 + 0x2000) | PT_TABLE;
	for (uint64_t i = 0; i < 512; i++)
		pd[i] = (i << 21) | PT_LARGE;
	xv->has_image = 1;
	return 0;
}

/* The VM's regions beyond the 2 MiB at 0 that npt_reset maps (an hvisor
 * zone's other memory, the root zone's view of the zones'), in 4 KiB
 * pages through the stage2 op: 0, -HV_EINVAL for what the tables cannot
 * hold (not 4 KiB aligned, past 1 GiB), -HV_ENOMEM when they are full. */
static int map_regions(struct hv_vm *vm, uint64_t boot)
{
	for (unsigned i = 0; i < vm->nregions; i++) {
		const struct hv_region *r = &vm->regions[i];
		uint64_t host = (uint64_t)(uintptr_t)r->host, skip = 0;
		int err;

		if (r->gpa == 0 && host == boot)
			skip = VM_MEM_SIZE; /* npt_reset's */
		if (r->size <= skip)
			continue;
		err = x86_stage2(vm, HV_STAGE2_MAP, r->gpa + skip, r->size - skip, host + skip,
				 r->flags);
		if (err)
			return err == -HV_ENOSPC ? -HV_ENOMEM : err;
	}
	return 0;
}

struct x86_vm *x86_vm_attach(struct hv_vm *vm)
{
	if (vm->id >= HV_MAX_VMS)
		return 0;
	attach(vm);
	if (!vms[vm->id].npt_valid)
		npt_reset(&vms[vm->id]);
	return &vms[vm->id];
}

/* The intercepts the hypervisor relies on. Only the reset writes the
 * control area's intercepts and bitmaps; VMCB_CLEAN stays 0, so a CPU
 * that caches VMCB state reloads all of it on every VMRUN. EFER.SVME,
 * which VMRUN requires in the guest's EFER, stays set: guests get no MSR
 * access. */
static void set_intercepts(void *v)
{
	vmcb_w32(v, VMCB_INTERCEPT_EXC, 1u << X86_EXC_UD);
	vmcb_w32(v, VMCB_INTERCEPT_MISC1, INTERCEPT_INTR | INTERCEPT_CPUID | INTERCEPT_HLT |
						  INTERCEPT_IOIO | INTERCEPT_MSR |
						  INTERCEPT_SHUTDOWN);
	vmcb_w32(v, VMCB_INTERCEPT_MISC2,
		 INTERCEPT_VMRUN | INTERCEPT_VMMCALL | INTERCEPT_VMLOAD |
			 INTERCEPT_VMSAVE | INTERCEPT_STGI | INTERCEPT_CLGI |
			 INTERCEPT_SKINIT);
	vmcb_w64(v, VMCB_IOPM_BASE, (uint64_t)(uintptr_t)iopm);
	vmcb_w64(v, VMCB_MSRPM_BASE, (uint64_t)(uintptr_t)msrpm);
	/* A kick must end the guest's run even while the guest has
	 * interrupts off (a TLB shootdown waits for it: npt.h). */
	vmcb_w32(v, VMCB_INT_CTL, INT_CTL_V_INTR_MASKING);
	vmcb_w32(v, VMCB_CLEAN, 0);
}

/* The state of a vCPU at its entry point: long mode, ring 0. */
void x86_vcpu_reset(struct hv_vcpu *vcpu)
{
	struct x86_vcpu *xc = x86_vcpu_of(vcpu);
	struct x86_vm *xv = x86_vm_of(vcpu->vm);
	void *v = xc->vmcb;

	fill(xc->vmcb, 0, sizeof(xc->vmcb));
	for (unsigned i = 0; i < HCALL_NREGS; i++)
		vcpu->regs.r[i] = 0;
	/* rsp, copied into the VMCB: vCPU n's stack is the n-th from the top */
	vcpu->regs.r[4] = VM_GPA_STACK_TOP - vcpu->id * VM_VCPU_STACK_SIZE;
	vcpu->regs.r[2] = x86_ncpus;        /* rdx: physical CPUs */
	vcpu->regs.r[6] = vcpu->id;         /* rsi: which vCPU this is */
	vcpu->regs.r[7] = vcpu->vm->id;     /* rdi: informative */
	set_intercepts(v);
	vmcb_w32(v, VMCB_ASID, vcpu->vm->id + 1);
	vmcb_w64(v, VMCB_NP_ENABLE, 1);
	vmcb_w64(v, VMCB_NCR3, (uint64_t)(uintptr_t)xv->npt_pml4);

	vmcb_seg(v, VMCB_CS, 0x08, SEG_CODE64_DPL0, 0xffffffff, 0);
	vmcb_seg(v, VMCB_DS, 0x10, SEG_DATA_DPL0, 0xffffffff, 0);
	vmcb_seg(v, VMCB_ES, 0x10, SEG_DATA_DPL0, 0xffffffff, 0);
	vmcb_seg(v, VMCB_SS, 0x10, SEG_DATA_DPL0, 0xffffffff, 0);
	vmcb_seg(v, VMCB_FS, 0x10, SEG_DATA_DPL0, 0xffffffff, 0);
	vmcb_seg(v, VMCB_GS, 0x10, SEG_DATA_DPL0, 0xffffffff, 0);
	vmcb_seg(v, VMCB_TR, 0, SEG_TSS64, 0x67, 0);
	vmcb_seg(v, VMCB_GDTR, 0, 0, 0, 0);
	vmcb_seg(v, VMCB_IDTR, 0, 0, 0, 0);
	vmcb_w8(v, VMCB_CPL, 0);
	vmcb_w64(v, VMCB_EFER, EFER_LME | EFER_LMA | EFER_SVME);
	vmcb_w64(v, VMCB_CR0, CR0_PE | CR0_ET | CR0_NE | CR0_PG);
	vmcb_w64(v, VMCB_CR3, VM_GPA_PML4);
	vmcb_w64(v, VMCB_CR4, CR4_PAE);
	vmcb_w64(v, VMCB_DR6, 0xffff0ff0);
	vmcb_w64(v, VMCB_DR7, 0x400);
	vmcb_w64(v, VMCB_RFLAGS, RFLAGS_FIXED);
	vmcb_w64(v, VMCB_RIP, vcpu->vm->entry ? vcpu->vm->entry : VM_GPA_IMAGE);
	vmcb_w64(v, VMCB_G_PAT, PAT_POWER_ON);
	xc->event = 0;
	/* Before the vectors are cleared: an upcall racing with the reset
	 * then leaves its vector with its bit, or a bit with no vector,
	 * which the entry drops. */
	__atomic_store_n(&xc->work, X86_WORK_BOOT, __ATOMIC_SEQ_CST);
	xc->halted = X86_HALT_NONE;
	xc->unhalt = 0;
	vintr_clear(&xc->vintr);
	xc->io_wait = 0;
	xc->io_size = 0;
	xc->io_mmio = 0;
}

int x86_vm_start(struct hv_vm *vm)
{
	struct x86_vm *xv;
	int err;

	if (vm->id >= HV_MAX_VMS || vm->nvcpus < 1 || vm->nvcpus > HV_MAX_VCPUS ||
	    !images[vm->id].data)
		return -HV_EINVAL;
	attach(vm);
	xv = x86_vm_of(vm);
	if (!boot_host(vm))
		return -HV_EINVAL; /* nothing to boot from */
	/* The map a CREATED VM was given before this start is kept; a
	 * stop dropped the previous run's. A fresh one is its regions. */
	if (!xv->npt_valid) {
		npt_reset(xv);
		err = map_regions(vm, xv->host_base);
		if (err) {
			npt_unmap_all(vm);
			return err;
		}
	}
	/* A start is a fresh boot: a clean copy of the image. */
	if (load(vm, images[vm->id].data, images[vm->id].len))
		return -HV_E2BIG;
	xv->stop = X86_STOP_NONE;
	xv->stop_info = 0;
	xv->exit_status = 0;
	xv->len = 0;
	xv->ok = xv->not_ok = xv->plan = 0;
	xv->plan_seen = xv->bailed = xv->reported = 0;
	for (unsigned i = 0; i < vm->nvcpus; i++)
		x86_vcpu_reset(&vm->vcpus[i]);
	/* Idle CPUs look again once the core, which holds hv->lock until
	 * the VM runs, lets them. */
	smp_kick_others();
	return 0;
}

void x86_vm_stop(struct hv_vm *vm)
{
	struct x86_vm *xv = x86_vm_of(vm);

	/* Unmapping everything makes any later entry fault at once. */
	if (xv) {
		npt_unmap_all(vm);
		/* The glue's own stops (x86_stop_vm) give their reason next. */
		xv->stop = X86_STOP_CALL;
	}
	/* Its vCPUs running on other CPUs exit and find it stopped. */
	smp_kick_others();
}

void x86_vm_pause(struct hv_vm *vm)
{
	/* Its vCPUs running on other CPUs exit and find it paused. */
	(void)vm;
	smp_kick_others();
}

void x86_inject_fault(struct hv_vcpu *vcpu, enum hv_fault fault)
{
	struct x86_vcpu *xc = x86_vcpu_of(vcpu);

	if (fault == HV_FAULT_GP0)
		/* #GP with error code 0 (bits 63:32 of EVENTINJ). */
		x86_queue_event(xc, EVENT_VALID | EVENT_TYPE_EXC | EVENT_ERR_VALID |
					    X86_EXC_GP);
	else
		x86_queue_event(xc, EVENT_VALID | EVENT_TYPE_EXC | X86_EXC_UD);
}

void x86_upcall(struct hv_vcpu *vcpu, unsigned vector)
{
	struct x86_vcpu *xc = x86_vcpu_of(vcpu);

	vintr_request(&xc->vintr, vector & 0xff);
	/* Its CPU ends a halt with IF set when it sees this (halt.c). */
	__atomic_fetch_or(&xc->work, X86_WORK_UPCALL, __ATOMIC_SEQ_CST);
	smp_kick(smp_cpu_of(vcpu));
}

void x86_upcall_withdraw(struct hv_vcpu *vcpu)
{
	__atomic_fetch_and(&x86_vcpu_of(vcpu)->work, ~X86_WORK_UPCALL, __ATOMIC_RELEASE);
}

/* x86 guests have no call that starts a vCPU (no emulated local APIC
 * takes an INIT-SIPI): a VM's other vCPUs start with it, at its entry,
 * when its vCPU 0 first runs, however the VM was started (at boot, or by
 * ACRN's START_VM, which puts only vCPU 0 online). */
static __attribute__((noinline)) void start_others(struct hv_vm *vm)
{
	int started = 0;

	for (unsigned k = 1; k < vm->nvcpus; k++)
		started |= !hv_vcpu_power_on(&vm->vcpus[k], vm->entry, 0);
	if (started)
		smp_kick_others();
}

/*
 * The guest state VMRUN and #VMEXIT leave alone, VMLOAD's and VMSAVE's:
 * FS, GS, TR and LDTR with their hidden bases, KernelGSBase, STAR, LSTAR,
 * CSTAR, SFMASK and the SYSENTER MSRs. It stays in the CPU from one VMRUN
 * to the next, so it only moves when a CPU turns to another vCPU: VMSAVE
 * when a vCPU leaves its CPU, VMLOAD when a vCPU whose state the CPU does
 * not hold (or a fresh boot's) enters. The host uses none of it (smp.h).
 */
static struct x86_vcpu *cpu_holds[X86_MAX_CPUS];

void x86_vcpu_leave(struct x86_vcpu *xc)
{
	__asm__ volatile("vmsave %%rax" : : "a"((uint64_t)(uintptr_t)xc->vmcb) : "memory");
}

static void load_state(struct x86_vcpu *xc)
{
	__asm__ volatile("vmload %%rax" : : "a"((uint64_t)(uintptr_t)xc->vmcb) : "memory");
	cpu_holds[x86_this_cpu()] = xc;
}

/* Write what this entry needs in the VMCB besides the registers
 * (world_switch.S copies those): a fresh boot's entry point and TLB flush,
 * the event or upcall to inject, and clear what the last entry wrote for
 * itself. */
struct x86_vcpu *x86_vcpu_prepare_entry(struct x86_vcpu *xc)
{
	struct hv_vcpu *vcpu = xc->vcpu;
	void *v = xc->vmcb;
	unsigned boot = x86_vcpu_work(xc) & X86_WORK_BOOT, work;
	uint64_t inject = 0;

	/* A fresh boot starts at the entry the core gave the vCPU (ACRN's
	 * SET_VCPU_REGS), if any; the reset put the VM's there otherwise.
	 * Its VMLOAD state is the reset's too, even when this CPU ran the
	 * vCPU's previous life last. */
	if (boot && vcpu->entry)
		vmcb_w64(v, VMCB_RIP, vcpu->entry);
	if (boot)
		load_state(xc);
	if (boot && vcpu->id == 0 && vcpu->vm->nvcpus > 1)
		start_others(vcpu->vm);
	/* In the guest from here (npt.h), unless the caller said so
	 * already; then a change of the VM's map is seen here. */
	if (!(xc->guest_seq & 1))
		npt_guest_enter(&xc->guest_seq);
	/* Everything this entry does is taken at once, but an upcall the
	 * guest cannot take yet, which stays pending. */
	work = __atomic_fetch_and(&xc->work, X86_WORK_UPCALL, __ATOMIC_SEQ_CST);
	vmcb_w8(v, VMCB_TLB_CONTROL, work & (X86_WORK_BOOT | X86_WORK_FLUSH) ? 1 : 0);
	if (work & X86_WORK_EVENT) {
		inject = xc->event;
		xc->event = 0;
	} else if ((work & X86_WORK_UPCALL) &&
		   (vmcb_r64(v, VMCB_RFLAGS) & RFLAGS_IF) &&
		   !(vmcb_r64(v, VMCB_INT_SHADOW) & 1)) {
		/* An interrupt is only delivered while the guest accepts one;
		 * otherwise it stays pending until an entry where it does.
		 * The bit drops before the vector is taken, so a request
		 * racing with this raises it again. */
		__atomic_fetch_and(&xc->work, ~X86_WORK_UPCALL, __ATOMIC_SEQ_CST);
		int vector = vintr_take(&xc->vintr);

		if (vector >= 0)
			inject = EVENT_VALID | EVENT_TYPE_INTR | (unsigned)vector;
		if (vintr_pending(&xc->vintr))
			__atomic_fetch_or(&xc->work, X86_WORK_UPCALL, __ATOMIC_SEQ_CST);
	}
	vmcb_w64(v, VMCB_EVENTINJ, inject);
	if ((work & (X86_WORK_BOOT | X86_WORK_FLUSH)) || inject)
		__atomic_fetch_or(&xc->work, X86_WORK_UNDO, __ATOMIC_RELAXED);
	return xc;
}

struct x86_vcpu *x86_vcpu_switch_to(struct x86_vcpu *xc)
{
	/* A fresh boot's state is loaded by x86_vcpu_prepare_entry(). */
	if (cpu_holds[x86_this_cpu()] != xc && !(x86_vcpu_work(xc) & X86_WORK_BOOT))
		load_state(xc);
	return x86_vcpu_prepare_entry(xc);
}

struct x86_vcpu *x86_vcpu_ready(struct hv_vcpu *vcpu)
{
	return x86_vcpu_switch_to(x86_vcpu_of(vcpu));
}
