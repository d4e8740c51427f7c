/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/smp.c - AP bring-up, per-CPU set-up and kicks (see smp.h).
 *
 * The local APIC is used in xAPIC mode at its reset base 0xFEE00000
 * (boot.S maps that 2 MiB page uncached). Start-up follows the MP
 * specification's universal algorithm: INIT (level assert), then two
 * STARTUP IPIs whose vector is the trampoline's page number, broadcast to
 * all CPUs but this one. How many CPUs to wait for comes from QEMU's
 * fw_cfg item FW_CFG_NB_CPUS (selector 0x05 at port 0x510, data at
 * 0x511, little endian); without fw_cfg the BSP runs alone.
 */
#include "smp.h"

#include "console.h"
#include "cpu.h"
#include "hv.h"

#define LAPIC_BASE 0xFEE00000ul
#define LAPIC_ID 0x020
#define LAPIC_TPR 0x080
#define LAPIC_SVR 0x0F0
#define LAPIC_ICR_LO 0x300
#define LAPIC_ICR_HI 0x310
#define SVR_ENABLE (1u << 8)
#define ICR_INIT 0x00000500u
#define ICR_STARTUP 0x00000600u
#define ICR_LEVEL_ASSERT 0x00004000u
#define ICR_PENDING 0x00001000u      /* delivery status: send pending */
#define ICR_ALL_BUT_SELF 0x000C0000u

#define FW_CFG_PORT_SEL 0x510
#define FW_CFG_PORT_DATA 0x511
#define FW_CFG_SIGNATURE 0x00
#define FW_CFG_NB_CPUS 0x05

#define CPUID_SVM_BIT (1u << 2) /* CPUID 0x80000001 ECX */
#define BRINGUP_SPINS 200000000ul

struct x86_pcpu x86_pcpus[X86_MAX_CPUS];
/* boot.S starts CPU 0 on x86_cpu_stacks[0]; trampoline.S the others. */
uint8_t x86_cpu_stacks[X86_MAX_CPUS][X86_STACK_SIZE] __attribute__((aligned(16)));
unsigned x86_ncpus = 1;

extern const char x86_trampoline[], x86_trampoline_end[], x86_trampoline_cr3[];
extern void x86_kick_entry(void), x86_spurious_entry(void), x86_fault_entry(void);
void x86_host_fault(void);
void x86_ap_main(unsigned cpu);

static void (*ap_fn)(unsigned cpu);

struct idt_gate {
	uint16_t off_lo, sel;
	uint8_t ist, type;
	uint16_t off_mid;
	uint32_t off_hi, zero;
};
static struct idt_gate idt[256] __attribute__((aligned(16)));
static int idt_ready;

static inline uint32_t lapic_read(unsigned reg)
{
	return *(volatile uint32_t *)(LAPIC_BASE + reg);
}

static inline void lapic_write(unsigned reg, uint32_t v)
{
	*(volatile uint32_t *)(LAPIC_BASE + reg) = v;
}

static void lapic_ipi(uint32_t dest_apic_id, uint32_t lo)
{
	while (lapic_read(LAPIC_ICR_LO) & ICR_PENDING)
		__asm__ volatile("pause");
	lapic_write(LAPIC_ICR_HI, dest_apic_id << 24);
	lapic_write(LAPIC_ICR_LO, lo);
}

static void delay(unsigned long n)
{
	while (n--)
		__asm__ volatile("pause" ::: "memory");
}

static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static unsigned fw_cfg_cpus(void)
{
	static const char sig[4] = { 'Q', 'E', 'M', 'U' };
	unsigned n;

	outw(FW_CFG_PORT_SEL, FW_CFG_SIGNATURE);
	for (unsigned i = 0; i < 4; i++)
		if (inb(FW_CFG_PORT_DATA) != (uint8_t)sig[i])
			return 1;
	outw(FW_CFG_PORT_SEL, FW_CFG_NB_CPUS);
	n = inb(FW_CFG_PORT_DATA);
	n |= (unsigned)inb(FW_CFG_PORT_DATA) << 8;
	return n ? n : 1;
}

static void set_gate(unsigned vec, void (*fn)(void))
{
	uint64_t a = (uint64_t)(uintptr_t)fn;

	idt[vec] = (struct idt_gate){ (uint16_t)a, 0x08, 0, 0x8E, (uint16_t)(a >> 16),
				      (uint32_t)(a >> 32), 0 };
}

static void idt_load(void)
{
	struct __attribute__((packed)) {
		uint16_t limit;
		uint64_t base;
	} p = { sizeof(idt) - 1, (uint64_t)(uintptr_t)idt };

	if (!idt_ready) { /* the BSP, before any AP runs */
		for (unsigned v = 0; v < 256; v++)
			set_gate(v, x86_fault_entry);
		set_gate(X86_KICK_VECTOR, x86_kick_entry);
		set_gate(X86_SPURIOUS_VECTOR, x86_spurious_entry);
		idt_ready = 1;
	}
	__asm__ volatile("lidt %0" : : "m"(p));
}

void x86_host_fault(void)
{
	con_puts("Bail out! hv: exception in the hypervisor on CPU ");
	con_dec(x86_this_cpu());
	con_putc('\n');
	outb(0xF4, 2);
	for (;;)
		__asm__ volatile("cli; hlt");
}

int smp_cpu_init(unsigned cpu)
{
	struct x86_pcpu *c = &x86_pcpus[cpu];
	uint32_t a, b, ecx, d;

	c->id = cpu;
	c->apic_id = lapic_read(LAPIC_ID) >> 24;
	idt_load();
	lapic_write(LAPIC_TPR, 0);
	lapic_write(LAPIC_SVR, SVR_ENABLE | X86_SPURIOUS_VECTOR);
	cpuid(0x80000001u, &a, &b, &ecx, &d);
	if (!(ecx & CPUID_SVM_BIT))
		return -1;
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SVME);
	wrmsr(MSR_VM_HSAVE_PA, (uint64_t)(uintptr_t)c->hsave);
	if (!(rdmsr(MSR_EFER) & EFER_SVME) ||
	    rdmsr(MSR_VM_HSAVE_PA) != (uint64_t)(uintptr_t)c->hsave)
		return -1;
	return 0;
}

void x86_ap_main(unsigned cpu)
{
	if (smp_cpu_init(cpu)) {
		con_puts("# hv: an AP has no SVM\n");
		for (;;)
			__asm__ volatile("cli; hlt");
	}
	__atomic_store_n(&x86_pcpus[cpu].alive, 1, __ATOMIC_RELEASE);
	/* Until the BSP publishes x86_ncpus, no vCPU is pinned here. */
	while (!__atomic_load_n(&ap_fn, __ATOMIC_ACQUIRE))
		__asm__ volatile("pause");
	ap_fn(cpu);
}

unsigned smp_boot(void (*ap_main)(unsigned cpu), unsigned *wanted)
{
	uint8_t *dst = (uint8_t *)(uintptr_t)X86_TRAMPOLINE_BASE;
	uint64_t cr3;
	unsigned want = fw_cfg_cpus(), up;
	unsigned long spins = 0;

	if (want > X86_MAX_CPUS)
		want = X86_MAX_CPUS;
	*wanted = want;
	if (want <= 1)
		return 1;
	for (const char *s = x86_trampoline; s < x86_trampoline_end; s++)
		*dst++ = (uint8_t)*s;
	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	*(volatile uint32_t *)(uintptr_t)(X86_TRAMPOLINE_BASE +
					 (x86_trampoline_cr3 - x86_trampoline)) = (uint32_t)cr3;
	__asm__ volatile("" ::: "memory");

	lapic_ipi(0, ICR_ALL_BUT_SELF | ICR_LEVEL_ASSERT | ICR_INIT);
	delay(10000);
	for (int i = 0; i < 2; i++) {
		lapic_ipi(0, ICR_ALL_BUT_SELF | ICR_STARTUP | (X86_TRAMPOLINE_BASE >> 12));
		delay(1000);
	}
	for (;;) {
		up = 1;
		for (unsigned c = 1; c < want; c++)
			up += __atomic_load_n(&x86_pcpus[c].alive, __ATOMIC_ACQUIRE) != 0;
		if (up == want)
			break;
		if (++spins == BRINGUP_SPINS) {
			con_puts("# hv: only ");
			con_dec(up);
			con_puts(" CPUs came up\n");
			break;
		}
		__asm__ volatile("pause");
	}
	/* An AP that comes up late never gets a vCPU: ncpus counts the
	 * contiguous indexes up. */
	for (up = 1; up < want && x86_pcpus[up].alive; up++)
		;
	x86_ncpus = up;
	__atomic_store_n(&ap_fn, ap_main, __ATOMIC_RELEASE);
	return up;
}

unsigned smp_cpu_of(const struct hv_vcpu *v)
{
	return x86_ncpus > 1 ? v->id % x86_ncpus : 0;
}

void smp_kick(unsigned cpu)
{
	if (cpu >= x86_ncpus || cpu == x86_this_cpu())
		return;
	/* Counted, so the CPU counts as busy until it has looked again
	 * (main.c); a full barrier: the news before the IPI. */
	__atomic_fetch_add(&x86_pcpus[cpu].kicks, 1u, __ATOMIC_SEQ_CST);
	lapic_ipi(x86_pcpus[cpu].apic_id, X86_KICK_VECTOR);
}

void smp_kick_others(void)
{
	for (unsigned cpu = 0; cpu < x86_ncpus; cpu++)
		smp_kick(cpu);
}
