/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/zone2.S - the storm image's second VM (hvisor zone 1,
 * two vCPUs, no stack, no runtime). vCPU 0 starts vCPU 1 with PSCI CPU_ON
 * and then waits in WFI for good. vCPU 1, on its own physical CPU, waits
 * until the storm guest sets the first word of the shared page and
 * switches itself off with CPU_OFF (it marks the second word first, to
 * say it runs): the hypervisor then raises the
 * upcall in the service VM's vCPU 0, on another physical CPU
 * (tests/guest/arm64/storm.c checks it arrives by IPI).
 */
#define SHARED 0x41600000	/* GUEST_SHARED_BASE */

	.section .text.boot, "ax"
	.global _start
_start:
	movz	x0, #0x0003
	movk	x0, #0xc400, lsl #16	/* PSCI CPU_ON (SMC64) */
	mov	x1, #1
	adr	x2, vcpu1
	mov	x3, #0
	hvc	#0
1:	wfi
	b	1b

vcpu1:
	ldr	x1, =SHARED
	mov	x2, #1
	str	x2, [x1, #8]		/* "vCPU 1 runs" */
2:	ldr	x2, [x1]
	cbz	x2, 2b
	movz	x0, #0x0002
	movk	x0, #0x8400, lsl #16	/* PSCI CPU_OFF */
	hvc	#0
3:	wfi
	b	3b
