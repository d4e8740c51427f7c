/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/main.c - the x86_64 SVM hypervisor: checks the CPU, enables
 * SVM, creates the VMs, starts the other CPUs (smp.h), runs the vCPUs
 * pinned to each CPU until none can run anywhere and exits QEMU through
 * isa-debug-exit.
 *
 * The VMs and their multiboot modules (QEMU -initrd "a,b,c,d,e,f", in this
 * order; a missing module leaves its VM out):
 *
 *   id name      role     rights              boots
 *   0  service   service  ACRN + probe        at once
 *   1  normal    normal   none (#UD)          CREATE_VM/START_VM by service
 *   2  trusty    trusty   ACRN + probe        CREATE_VM/START_VM by service
 *   3  kvm       normal   KVM x86 + probe     at once
 *   4  palacios  normal   Palacios + probe    at once
 *   5  jailhouse normal   Jailhouse + probe   at once (a non-root cell)
 *
 * hv-x86-hvisor.elf (HV_X86_HVISOR) has an hvisor root zone instead,
 * "root" (hvisor + probe, at once; it also sees the zone's memory at
 * guest-physical 2 MiB), and "zone" (hvisor), which its zone_start starts.
 *
 * Exit status: the hypervisor writes 0 to isa-debug-exit (port 0xf4) when
 * every check of every VM passed and 1 otherwise; QEMU exits with
 * (v << 1) | 1, so 1 means PASS and 3 means FAIL. A broken CPU set-up
 * writes 2 (QEMU status 5).
 */
#include "console.h"
#include "cpu.h"
#include "multiboot.h"
#include "palacios_services.h"
#include "smp.h"
#include "vm.h"
#include "world_switch.h"

#define DEBUG_EXIT_PORT 0xF4
#define EXIT_PASS 0
#define EXIT_FAIL 1
#define EXIT_BROKEN 2

static struct hv hv;
extern char __image_end[];

static const struct hv_arch_ops x86_ops = {
	.arch = HCALL_ARCH_X86_64,
	.inject_fault = x86_inject_fault,
	.upcall = x86_upcall,
	.upcall_withdraw = x86_upcall_withdraw,
	.vm_start = x86_vm_start,
	.vm_stop = x86_vm_stop,
	.vm_pause = x86_vm_pause,
	.console_putc = relay_putc, /* the cell's console: the same as port 0xE9 */
	.unhalt = x86_unhalt,
	.yield_to = x86_yield_to,
	.stage2 = x86_stage2,
	.stage2_query = x86_stage2_query,
};

struct vm_plan {
	const char *name;
	enum hv_role role;
	uint32_t abis;
	uint32_t caps;
	int start;
	const char *uuid; /* 16 bytes: ACRN CREATE_VM names the VM by it */
	unsigned nvcpus;  /* 0 = 1; the hypervisor starts them all */
};

#define ABI(a) HV_ABI_BIT(HV_ABI_##a)
#ifdef HV_BENCH_PLAN
/* The round-trip bench images (bench/roundtrip): one KVM x86 VM. */
static const struct vm_plan plan[] = {
	{ "bench", HV_ROLE_NORMAL, ABI(KVM_X86), 0, 1, 0, 0 },
};
#elif defined(HV_BENCH_SMP)
/* The SMP bench image (bench/smp/x86, bench/smp.py): one KVM x86 VM with
 * 4 vCPUs; with -smp k, vCPUs 0..k-1 call at once. */
static const struct vm_plan plan[] = {
	{ "bench", HV_ROLE_NORMAL, ABI(KVM_X86), 0, 1, 0, 4 },
};
#elif defined(HV_X86_STORM)
/* The SMP storm image (-smp 4, -initrd storm,storm-target): a service
 * VM with 4 vCPUs, one per CPU (tests/guest/x86/storm.c), and the
 * 2-vCPU VM its ACRN calls create, start, pause, reset and destroy
 * (storm_target.c), whose vCPU 1, on CPU 1, then raises the upcall to
 * the service VM's vCPU 0 on CPU 0. */
static const struct vm_plan plan[] = {
	{ "storm", HV_ROLE_SERVICE, ABI(ACRN), 0, 1, 0, 4 },
	{ "target", HV_ROLE_NORMAL, 0, 0, 0, "hcall-x86-storm1", 2 },
};
#elif defined(HV_X86_PV)
/* The KVM paravirtual image (tests/guest/x86/kvm_pv.c, -smp 2): one KVM
 * VM with 4 vCPUs, vCPU n on CPU n % 2, for KICK_CPU across CPUs and
 * SCHED_YIELD between two vCPUs of one CPU. */
static const struct vm_plan plan[] = {
	{ "kvm-pv", HV_ROLE_NORMAL, ABI(KVM_X86), 0, 1, 0, 4 },
};
#elif defined(HV_X86_HVISOR)
/* The hvisor image (tests/guest/check_hvisor.c, hvisor-tool's flow): the
 * root zone, which sees the zone's memory at guest-physical 2 MiB, and
 * the zone its zone_start starts with that memory at guest-physical 0. */
static const struct vm_plan plan[] = {
	{ "root", HV_ROLE_SERVICE, ABI(HVISOR), HV_CAP_PROBE, 1, 0, 0 },
	{ "zone", HV_ROLE_NORMAL, ABI(HVISOR), 0, 0, 0, 0 },
};
#else
static const struct vm_plan plan[] = {
	{ "service", HV_ROLE_SERVICE, ABI(ACRN), HV_CAP_PROBE, 1, 0, 0 },
	{ "normal", HV_ROLE_NORMAL, 0, 0, 0, "hcall-x86-normal", 2 },
	{ "trusty", HV_ROLE_TRUSTY, ABI(ACRN), HV_CAP_PROBE, 0, "hcall-x86-trusty", 0 },
	{ "kvm", HV_ROLE_NORMAL, ABI(KVM_X86), HV_CAP_PROBE, 1, 0, 0 },
	{ "palacios", HV_ROLE_NORMAL, ABI(PALACIOS), HV_CAP_PROBE, 1, 0, 0 },
	{ "jailhouse", HV_ROLE_NORMAL, ABI(JAILHOUSE), HV_CAP_PROBE, 1, 0, 0 },
};
#endif
#define NPLAN (sizeof(plan) / sizeof(plan[0]))

__attribute__((noreturn)) static void debug_exit(uint8_t v)
{
	outb(DEBUG_EXIT_PORT, v);
	for (;;)
		__asm__ volatile("cli; hlt");
}

__attribute__((noreturn)) static void broken(const char *why)
{
	con_puts("Bail out! hv: ");
	con_puts(why);
	con_putc('\n');
	debug_exit(EXIT_BROKEN);
}

/* The 8259 PICs stay masked: no host interrupt can reach a guest. */
static void pic_mask_all(void)
{
	outb(0x21, 0xff);
	outb(0xa1, 0xff);
}

static unsigned take_modules(uint32_t magic, const struct multiboot_info *mbi)
{
	const struct multiboot_module *mods;
	unsigned n;

	if (magic != MULTIBOOT_BOOT_MAGIC)
		broken("not started by a multiboot loader");
	if (!(mbi->flags & MULTIBOOT_INFO_MODS) || mbi->mods_count == 0)
		broken("no guest images (QEMU -initrd service,normal,trusty,kvm,palacios)");
	mods = (const struct multiboot_module *)(uintptr_t)mbi->mods_addr;
	n = mbi->mods_count < NPLAN ? mbi->mods_count : NPLAN;
	for (unsigned i = 0; i < n; i++) {
		/* Modules sit between the image and the VMs' memory. */
		if (mods[i].mod_start < (uintptr_t)__image_end ||
		    mods[i].mod_end > x86_vm_host_base(0) ||
		    mods[i].mod_end < mods[i].mod_start)
			broken("a guest image overlaps the hypervisor or VM memory");
		x86_vm_set_image(i, (const uint8_t *)(uintptr_t)mods[i].mod_start,
				 mods[i].mod_end - mods[i].mod_start);
	}
	return n;
}

static void create_vms(unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		struct hv_vm_config cfg = { 0 };
		struct hv_vm *vm;

		cfg.name = plan[i].name;
		cfg.role = plan[i].role;
		cfg.abis = plan[i].abis;
		cfg.caps = plan[i].caps;
		cfg.entry = VM_GPA_IMAGE;
		cfg.nvcpus = plan[i].nvcpus ? plan[i].nvcpus : 1;
		cfg.regions[0].gpa = 0;
		cfg.regions[0].size = VM_MEM_SIZE;
		cfg.regions[0].host = (uint8_t *)(uintptr_t)x86_vm_host_base(i);
		cfg.regions[0].flags = HV_MEM_READ | HV_MEM_WRITE | HV_MEM_EXEC;
		cfg.nregions = 1;
#ifdef HV_X86_HVISOR
		/* The root zone owns the zone's memory too, as hvisor's root
		 * zone owns the memory it starts zones in. */
		if (i == 0)
			cfg.regions[cfg.nregions++] = (struct hv_region){
				VM_MEM_SIZE, VM_MEM_SIZE,
				(uint8_t *)(uintptr_t)x86_vm_host_base(1),
				HV_MEM_READ | HV_MEM_WRITE | HV_MEM_EXEC
			};
#endif
		cfg.start = plan[i].start;
		if (plan[i].uuid)
			for (unsigned k = 0; k < 16; k++)
				cfg.uuid[k] = (uint8_t)plan[i].uuid[k];
		vm = hv_vm_create(&hv, &cfg);
		if (!vm || vm->id != i)
			broken("the core refused a VM configuration");
		/* The APs were idle when the VM started: they look again. */
		smp_kick_others();
		if (plan[i].abis & ABI(PALACIOS) && palacios_register(vm))
			broken("registering the Palacios hypercalls failed");
	}
}

/* Run this CPU's vCPUs until none of them can run. */
static void run_vcpus(void)
{
	struct hv_vcpu *first = x86_pick_next(&hv, 0);

	if (first)
		x86_run(&hv, first);
}

/* An AP: runs its vCPUs, halts when it has none. `busy` is set before it
 * looks, so CPU 0 never sees it idle while it may still run one; going
 * idle, it kicks CPU 0 to look again. A kick sent to it after it began to
 * look (a vCPU of it put online, woken) keeps it busy in CPU 0's eyes
 * until it looks again, which the kick's IPI makes it do. A CPU whose
 * vCPU waits for an I/O request polls instead: the Service VM finishes
 * it without a kick. */
static __attribute__((noreturn)) void ap_main(unsigned cpu)
{
	struct x86_pcpu *c = &x86_pcpus[cpu];

	for (;;) {
		__atomic_store_n(&c->busy, 1, __ATOMIC_SEQ_CST);
		__atomic_store_n(&c->seen, __atomic_load_n(&c->kicks, __ATOMIC_SEQ_CST),
				 __ATOMIC_SEQ_CST);
		c->poll = 0;
		run_vcpus();
		if (c->poll) {
			__asm__ volatile("pause");
			continue;
		}
		__atomic_store_n(&c->busy, 0, __ATOMIC_SEQ_CST);
		/* A kick taken while it ran a guest (an INTR exit) left no
		 * IPI to wake the idle: look again rather than sleep on it. */
		if (__atomic_load_n(&c->kicks, __ATOMIC_SEQ_CST) !=
		    __atomic_load_n(&c->seen, __ATOMIC_SEQ_CST))
			continue;
		smp_kick(0);
		smp_idle();
	}
}

/* An AP looks for or runs a vCPU, or has a kick it has not looked at. */
static int aps_busy(void)
{
	for (unsigned cpu = 1; cpu < x86_ncpus; cpu++) {
		struct x86_pcpu *c = &x86_pcpus[cpu];

		if (__atomic_load_n(&c->busy, __ATOMIC_SEQ_CST) ||
		    __atomic_load_n(&c->kicks, __ATOMIC_SEQ_CST) !=
			    __atomic_load_n(&c->seen, __ATOMIC_SEQ_CST))
			return 1;
	}
	return 0;
}

void hv_x86_main(uint32_t magic, const struct multiboot_info *mbi);

void hv_x86_main(uint32_t magic, const struct multiboot_info *mbi)
{
	unsigned n, nvms, wanted, failed;

	con_puts("# hcall x86_64 SVM hypervisor\n");
	pic_mask_all();
	if (smp_cpu_init(0))
		broken("the CPU has no SVM (run with -cpu qemu64,+svm)");
	/* Before smp_boot() writes the trampoline into low memory. */
	nvms = take_modules(magic, mbi);
	if (hv_init(&hv, &x86_ops))
		broken("hv_init failed");
	/* The APs first: a VM's vCPUs start knowing how many CPUs there are
	 * (vm.h); an AP looks for a vCPU when a VM start kicks it. */
	n = smp_boot(ap_main, &wanted);
	if (wanted > 1)
		/* Each AP counts once it is in long mode with SVM on. */
		relay_check(n == wanted, "hv", "every CPU of -smp is up with SVM on:", n);
	create_vms(nvms);

	/* CPU 0 ends the run once neither it nor any AP can run a vCPU. */
	for (;;) {
		x86_pcpus[0].poll = 0;
		run_vcpus();
		if (!aps_busy() && !x86_pick_next(&hv, 0))
			break;
		if (x86_pcpus[0].poll)
			__asm__ volatile("pause");
		else
			smp_idle();
	}
	failed = relay_finish(&hv);
	con_puts(failed ? "# hv: FAIL\n" : "# hv: PASS\n");
	debug_exit(failed ? EXIT_FAIL : EXIT_PASS);
}
