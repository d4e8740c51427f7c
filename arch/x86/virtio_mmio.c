/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/virtio_mmio.c - an hvisor zone's virtio request. No nested page
 * maps a zone's virtio-mmio window (VM_GPA_VIRTIO), so its store there
 * exits with #NPF; as hvisor's virtio trampoline does, the hypervisor
 * raises the root zone's interrupt (hv_notify_service_vm: the upcall
 * whose vector VIRTIO_GET_IRQ names), and the zone's CPU runs its other
 * vCPUs (the root zone's, which serves the request) before the zone goes
 * on past the store. A store mmio_insn.h decodes is one; anything else
 * there stops the zone like any access outside its memory.
 */
#include "guest_va.h"
#include "mmio_insn.h"
#include "vm.h"
#include "vmcb.h"

#define NPF_WRITE (1ull << 1) /* EXITINFO1: the access was a write */
#define PAGE 0x1000ull

int x86_virtio_request(struct hv *hv, struct hv_vcpu *vcpu, void *vmcb)
{
	uint64_t gpa = vmcb_r64(vmcb, VMCB_EXITINFO2);
	uint64_t rip = vmcb_r64(vmcb, VMCB_RIP);
	uint8_t b[MMIO_INSN_MAX];
	unsigned n = MMIO_INSN_MAX;
	struct mmio_insn in;

	if (!(vcpu->vm->abis & HV_ABI_BIT(HV_ABI_HVISOR)) ||
	    vcpu->vm->role == HV_ROLE_SERVICE || gpa - VM_GPA_VIRTIO >= VM_VIRTIO_SIZE ||
	    !(vmcb_r64(vmcb, VMCB_EXITINFO1) & NPF_WRITE))
		return 0;
	/* The instruction may end a page before an unmapped one. */
	if (PAGE - (rip & (PAGE - 1)) < n && x86_guest_read_va(vcpu, rip, b, n))
		n = (unsigned)(PAGE - (rip & (PAGE - 1)));
	if (x86_guest_read_va(vcpu, rip, b, n) || mmio_decode(b, n, &in) || !in.write)
		return 0;
	vmcb_w64(vmcb, VMCB_RIP, rip + in.len);
	hv_notify_service_vm(hv);
	return 1;
}
