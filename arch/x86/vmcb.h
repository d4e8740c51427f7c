/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/vmcb.h - the AMD SVM Virtual Machine Control Block: the offsets
 * and bits this hypervisor uses (AMD64 APM vol. 2, appendix B), checked
 * against QEMU 7.2's TCG.
 *
 * The VMCB is accessed by offset rather than through a C struct, so the
 * numbers here can be compared one by one with the manual's table. The
 * offsets and exit codes are plain numbers, usable from assembly
 * (world_switch.S).
 */
#ifndef ARCH_X86_VMCB_H
#define ARCH_X86_VMCB_H

/* ---- control area ---- */
#define VMCB_INTERCEPT_EXC 0x008   /* bit n = exception vector n */
#define VMCB_INTERCEPT_MISC1 0x00C
#define VMCB_INTERCEPT_MISC2 0x010
#define VMCB_IOPM_BASE 0x040
#define VMCB_MSRPM_BASE 0x048
#define VMCB_ASID 0x058
#define VMCB_TLB_CONTROL 0x05C
#define VMCB_INT_CTL 0x060
#define VMCB_INT_SHADOW 0x068
#define VMCB_EXITCODE 0x070
#define VMCB_EXITINFO1 0x078
#define VMCB_EXITINFO2 0x080
#define VMCB_EXITINTINFO 0x088
#define VMCB_NP_ENABLE 0x090
#define VMCB_EVENTINJ 0x0A8
#define VMCB_NCR3 0x0B0
#define VMCB_CLEAN 0x0C0

/* MISC1 intercepts */
#define INT_CTL_V_INTR_MASKING (1u << 24) /* the host's IF masks physical interrupts */
#define INTERCEPT_INTR (1u << 0)   /* a physical interrupt (a kick, smp.h) */
#define INTERCEPT_CPUID (1u << 18)
#define INTERCEPT_HLT (1u << 24)
#define INTERCEPT_IOIO (1u << 27)
#define INTERCEPT_MSR (1u << 28)
#define INTERCEPT_SHUTDOWN (1u << 31)
/* MISC2 intercepts */
#define INTERCEPT_VMRUN (1u << 0)
#define INTERCEPT_VMMCALL (1u << 1)
#define INTERCEPT_VMLOAD (1u << 2)
#define INTERCEPT_VMSAVE (1u << 3)
#define INTERCEPT_STGI (1u << 4)
#define INTERCEPT_CLGI (1u << 5)
#define INTERCEPT_SKINIT (1u << 6)

#define X86_EXC_UD 6
#define X86_EXC_GP 13

/* ---- save area (guest state) ---- */
#define VMCB_ES 0x400  /* each segment: selector u16, attrib u16, limit u32, base u64 */
#define VMCB_CS 0x410
#define VMCB_SS 0x420
#define VMCB_DS 0x430
#define VMCB_FS 0x440
#define VMCB_GS 0x450
#define VMCB_GDTR 0x460
#define VMCB_LDTR 0x470
#define VMCB_IDTR 0x480
#define VMCB_TR 0x490
#define VMCB_CPL 0x4CB
#define VMCB_EFER 0x4D0
#define VMCB_CR4 0x548
#define VMCB_CR3 0x550
#define VMCB_CR0 0x558
#define VMCB_DR7 0x560
#define VMCB_DR6 0x568
#define VMCB_RFLAGS 0x570
#define VMCB_RIP 0x578
#define VMCB_RSP 0x5D8
#define VMCB_RAX 0x5F8
#define VMCB_G_PAT 0x668

/* ---- exit codes ---- */
#define SVM_EXIT_EXC_BASE 0x040   /* + vector */
#define SVM_EXIT_UD (SVM_EXIT_EXC_BASE + X86_EXC_UD)
#define SVM_EXIT_INTR 0x060
#define SVM_EXIT_CPUID 0x072
#define SVM_EXIT_HLT 0x078
#define SVM_EXIT_IOIO 0x07B
#define SVM_EXIT_MSR 0x07C
#define SVM_EXIT_SHUTDOWN 0x07F
#define SVM_EXIT_VMRUN 0x080
#define SVM_EXIT_VMMCALL 0x081
#define SVM_EXIT_VMLOAD 0x082
#define SVM_EXIT_VMSAVE 0x083
#define SVM_EXIT_STGI 0x084
#define SVM_EXIT_CLGI 0x085
#define SVM_EXIT_SKINIT 0x086
#define SVM_EXIT_NPF 0x400
#define SVM_EXIT_INVALID (-1ll)

/* IOIO EXITINFO1 */
#define IOIO_IN (1u << 0)
#define IOIO_STR (1u << 2)
#define IOIO_REP (1u << 3)
#define IOIO_SZ8 (1u << 4)
#define IOIO_SZ16 (1u << 5)
#define IOIO_SZ32 (1u << 6)
#define IOIO_PORT(info) ((uint16_t)((info) >> 16))

/* EVENTINJ / EXITINTINFO */
#define EVENT_TYPE_INTR (0u << 8)
#define EVENT_TYPE_EXC (3u << 8)
#define EVENT_ERR_VALID (1u << 11)
#define EVENT_VALID (1u << 31)

/* segment attributes (packed form: type, S, DPL, P, AVL, L, D/B, G) */
#define SEG_CODE64_DPL0 0x0A9B
#define SEG_DATA_DPL0 0x0C93
#define SEG_TSS64 0x008B

#ifndef __ASSEMBLER__
#include <stdint.h>

static inline uint8_t *vmcb_at(void *vmcb, unsigned off)
{
	return (uint8_t *)vmcb + off;
}
static inline uint64_t vmcb_r64(void *vmcb, unsigned off)
{
	return *(volatile uint64_t *)vmcb_at(vmcb, off);
}
static inline void vmcb_w64(void *vmcb, unsigned off, uint64_t v)
{
	*(volatile uint64_t *)vmcb_at(vmcb, off) = v;
}
static inline uint32_t vmcb_r32(void *vmcb, unsigned off)
{
	return *(volatile uint32_t *)vmcb_at(vmcb, off);
}
static inline void vmcb_w32(void *vmcb, unsigned off, uint32_t v)
{
	*(volatile uint32_t *)vmcb_at(vmcb, off) = v;
}
static inline uint8_t vmcb_r8(void *vmcb, unsigned off)
{
	return *(volatile uint8_t *)vmcb_at(vmcb, off);
}
static inline void vmcb_w8(void *vmcb, unsigned off, uint8_t v)
{
	*(volatile uint8_t *)vmcb_at(vmcb, off) = v;
}

/* One segment register of the save area. */
static inline void vmcb_seg(void *vmcb, unsigned off, uint16_t sel,
			    uint16_t attrib, uint32_t limit, uint64_t base)
{
	*(volatile uint16_t *)vmcb_at(vmcb, off) = sel;
	*(volatile uint16_t *)vmcb_at(vmcb, off + 2) = attrib;
	vmcb_w32(vmcb, off + 4, limit);
	vmcb_w64(vmcb, off + 8, base);
}

#endif /* __ASSEMBLER__ */

#endif /* ARCH_X86_VMCB_H */
