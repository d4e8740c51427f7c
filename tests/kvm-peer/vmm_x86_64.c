// SPDX-License-Identifier: MIT
/*
 * vmm_x86_64 - run a flat x86_64 guest under KVM, already in 64-bit long
 * mode: RAM at 0 (2 MiB, identity-mapped by one 2 MiB page), the image at
 * 0x100000, entered at its first byte with RSP at the top of RAM. The
 * pages and a GDT with ring-3 segments (selectors 0x18 data, 0x20 code)
 * are user-accessible, so the guest can drop to CPL 3 by IRET. The console
 * is port 0xE9 (OUT exits as KVM_EXIT_IO), a write to port 0xF4 ends the
 * run; so does HLT (no in-kernel irqchip: KVM hands HLT to the VMM).
 *
 * CPUID: what KVM supports (KVM_GET_SUPPORTED_CPUID, which includes KVM's
 * own leaves 0x40000000/0x40000001) plus the hypervisor bit CPUID.1:ECX[31],
 * which KVM leaves to the VMM and QEMU sets; without it a guest, hcall or
 * Linux, does not look at the hypervisor leaves.
 *
 * usage: vmm_x86_64 GUEST.bin LABEL [no-hypervisor-bit]
 * (the third argument leaves CPUID.1:ECX[31] as KVM reports it: clear)
 */
#include "vmm.h"

#define IMAGE 0x100000UL
#define PML4 0x1000UL
#define PDPT 0x2000UL
#define PD 0x3000UL
#define GDT 0x4000UL
#define CONSOLE_PORT 0xE9
#define EXIT_PORT 0xF4

static void set_cpuid(struct vm *v, int hypervisor_bit)
{
	struct {
		struct kvm_cpuid2 h;
		struct kvm_cpuid_entry2 e[256];
	} c;
	unsigned i;

	memset(&c, 0, sizeof(c));
	c.h.nent = 256;
	xioctl(v->kvm, KVM_GET_SUPPORTED_CPUID, &c, "KVM_GET_SUPPORTED_CPUID");
	for (i = 0; i < c.h.nent; i++)
		if (c.e[i].function == 1 && hypervisor_bit)
			c.e[i].ecx |= 1u << 31;
	xioctl(v->vcpu, KVM_SET_CPUID2, &c, "KVM_SET_CPUID2");
}

static void set_long_mode(struct vm *v)
{
	struct kvm_segment code = {
		.base = 0, .limit = 0xffffffff, .selector = 8, .type = 11,
		.present = 1, .dpl = 0, .db = 0, .s = 1, .l = 1, .g = 1,
	};
	struct kvm_segment data = code;
	struct kvm_sregs s;
	struct kvm_regs r;
	uint64_t *pml4 = (uint64_t *)(v->ram + PML4);
	uint64_t *pdpt = (uint64_t *)(v->ram + PDPT);
	uint64_t *pd = (uint64_t *)(v->ram + PD);

	uint64_t *gdt = (uint64_t *)(v->ram + GDT);

	pml4[0] = PDPT | 7;      /* present, writable, user */
	pdpt[0] = PD | 7;
	pd[0] = 0 | 7 | 1 << 7;  /* a 2 MiB page at 0 */
	gdt[1] = 0x00af9a000000ffffULL; /* 0x08: 64-bit code, DPL 0 */
	gdt[2] = 0x00cf92000000ffffULL; /* 0x10: data, DPL 0 */
	gdt[3] = 0x00cff2000000ffffULL; /* 0x18: data, DPL 3 */
	gdt[4] = 0x00affa000000ffffULL; /* 0x20: 64-bit code, DPL 3 */

	xioctl(v->vcpu, KVM_GET_SREGS, &s, "KVM_GET_SREGS");
	data.type = 3;
	data.selector = 16;
	data.l = 0;
	data.db = 1;
	s.cs = code;
	s.ds = s.es = s.fs = s.gs = s.ss = data;
	s.gdt.base = GDT;
	s.gdt.limit = 5 * 8 - 1;
	s.cr3 = PML4;
	s.cr4 = 1 << 5;                      /* PAE */
	s.cr0 = 1u << 31 | 1 << 4 | 1;       /* PG, ET, PE */
	s.efer = 1 << 8 | 1 << 10;           /* LME, LMA */
	xioctl(v->vcpu, KVM_SET_SREGS, &s, "KVM_SET_SREGS");

	memset(&r, 0, sizeof(r));
	r.rip = IMAGE;
	r.rsp = RAM_SIZE;
	r.rflags = 2;
	xioctl(v->vcpu, KVM_SET_REGS, &r, "KVM_SET_REGS");
}

int main(int argc, char **argv)
{
	struct vm v;

	if (argc < 3)
		return 2;
	label = argv[2];
	v = vm_create(argv[1], 0, IMAGE);
	set_cpuid(&v, argc < 4);
	set_long_mode(&v);
	for (;;) {
		struct kvm_run *r = v.run;

		if (ioctl(v.vcpu, KVM_RUN, 0) < 0)
			die("KVM_RUN");
		if (r->exit_reason == KVM_EXIT_IO &&
		    r->io.direction == KVM_EXIT_IO_OUT && r->io.port == CONSOLE_PORT) {
			const uint8_t *p = (const uint8_t *)r + r->io.data_offset;

			for (unsigned i = 0; i < r->io.count; i++)
				console_putc(p[i * r->io.size]);
			continue;
		}
		if (r->exit_reason == KVM_EXIT_IO &&
		    r->io.direction == KVM_EXIT_IO_OUT && r->io.port == EXIT_PORT) {
			printf("%s: exit: reason=guest\n", label);
			return 0;
		}
		if (r->exit_reason == KVM_EXIT_HLT) {
			printf("%s: exit: reason=hlt\n", label);
			return 0;
		}
		printf("%s: exit: reason=%u\n", label, r->exit_reason);
		return 1;
	}
}
