/* SPDX-License-Identifier: MIT */
/* arch/x86/guest_va.c - guest-virtual reads through the guest page tables. */
#include "guest_va.h"

#include "vm.h"
#include "vmcb.h"

#define PTE_P 1ull
#define PTE_PS 0x80ull
#define PTE_ADDR 0x000ffffffffff000ull

/* Walk the 4-level tables at cr3 (4 KiB, 2 MiB and 1 GiB pages). Every
 * table read goes through the core's checked guest-memory copy. */
static int va_to_pa(struct hv_vm *vm, uint64_t cr3, uint64_t va, uint64_t *pa)
{
	uint64_t table = cr3 & PTE_ADDR, e = 0;

	for (int level = 3; level >= 0; level--) {
		unsigned idx = (unsigned)(va >> (12 + 9 * level)) & 511;

		if (hv_copy_from_guest(vm, &e, table + 8ull * idx, 8) ||
		    !(e & PTE_P))
			return -HV_EFAULT;
		if ((level == 1 || level == 2) && (e & PTE_PS)) {
			uint64_t size = 1ull << (12 + 9 * level);

			*pa = (e & PTE_ADDR & ~(size - 1)) | (va & (size - 1));
			return 0;
		}
		table = e & PTE_ADDR;
	}
	*pa = table | (va & 0xfff);
	return 0;
}

int x86_guest_read_va(struct hv_vcpu *vcpu, uint64_t va, void *dst,
		      uint64_t len)
{
	void *v = x86_vcpu_of(vcpu)->vmcb;
	uint64_t cr3 = vmcb_r64(v, VMCB_CR3), pa;
	uint8_t *d = dst;

	while (len) {
		uint64_t chunk = 0x1000 - (va & 0xfff);

		if (chunk > len)
			chunk = len;
		if (va_to_pa(vcpu->vm, cr3, va, &pa) ||
		    hv_copy_from_guest(vcpu->vm, d, pa, chunk))
			return -HV_EFAULT;
		va += chunk;
		d += chunk;
		len -= chunk;
	}
	return 0;
}
