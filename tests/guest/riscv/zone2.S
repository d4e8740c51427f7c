/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/zone2.S - hvisor zone 1 of the SMP image
 * (hv-riscv64-smp.elf gives it two vCPUs; no stack, no runtime). vCPU 0
 * starts vCPU 1 with SBI HSM hart_start and then waits in WFI for good.
 * vCPU 1, on hart 1, marks the second flag word to say it runs, waits in
 * WFI until the storm guest sets the first, then stores to the virtio-mmio
 * window: that is a zone's virtio request, on which the hypervisor raises
 * the upcall in the service VM's vCPU 0, on hart 0
 * (tests/guest/riscv/storm.c checks that it arrives by IPI). The access
 * fault that follows, and any other trap, parks the vCPU in WFI.
 */
#define FLAGS 0x90000800	/* RV_G_SHARED_BASE + 0x800: storm.c's ZONE_FLAGS */
#define VIRTIO 0x10001000	/* RV_G_VIRTIO_BASE */

	.section .text.boot, "ax"
	.globl _start
_start:
	la	t0, park
	csrw	stvec, t0
	li	a7, 0x48534D		/* HSM */
	li	a6, 0			/* hart_start(1, vcpu1, 0) */
	li	a0, 1
	la	a1, vcpu1
	li	a2, 0
	ecall
	.align 2
park:
	wfi
	j	park

vcpu1:
	la	t0, park
	csrw	stvec, t0
	li	t1, FLAGS
	li	t2, 1
	sd	t2, 8(t1)
1:	wfi
	ld	t2, 0(t1)
	beqz	t2, 1b
	li	t3, VIRTIO
	sw	zero, 0(t3)
	j	park
