/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/csr.h - the CSRs and bits the hypervisor uses, by number
 * (not every assembler in use knows the hypervisor-extension names).
 * Numbers and bits: RISC-V privileged specification 1.12, H extension.
 */
#ifndef HCALL_ARCH_RISCV_CSR_H
#define HCALL_ARCH_RISCV_CSR_H

#define CSR_SSTATUS 0x100
#define CSR_SIE 0x104
#define CSR_STVEC 0x105
#define CSR_SSCRATCH 0x140
#define CSR_SEPC 0x141
#define CSR_SCAUSE 0x142
#define CSR_STVAL 0x143
#define CSR_SIP 0x144
#define CSR_SATP 0x180

#define CSR_VSSTATUS 0x200
#define CSR_VSIE 0x204
#define CSR_VSTVEC 0x205
#define CSR_VSSCRATCH 0x240
#define CSR_VSEPC 0x241
#define CSR_VSCAUSE 0x242
#define CSR_VSTVAL 0x243
#define CSR_VSATP 0x280
#define CSR_VSTIMECMP 0x24d /* Sstc */

#define CSR_HSTATUS 0x600
#define CSR_HEDELEG 0x602
#define CSR_HIDELEG 0x603
#define CSR_HIE 0x604
#define CSR_HCOUNTEREN 0x606
#define CSR_HTVAL 0x643
#define CSR_HVIP 0x645
#define CSR_HTINST 0x64a
#define CSR_HGATP 0x680
#define CSR_HENVCFG 0x60a
#define ENVCFG_STCE (1ul << 63) /* Sstc: stimecmp/vstimecmp enabled */

#define SSTATUS_SIE (1ul << 1)
#define SSTATUS_SPIE (1ul << 5)
#define SSTATUS_SPP (1ul << 8)

#define HSTATUS_SPV (1ul << 7)
#define HSTATUS_SPVP (1ul << 8)
#define HSTATUS_VTW (1ul << 21)

/* Interrupt bits of hvip/hideleg: the VS-level ones. */
#define IRQ_VSSI 2
#define IRQ_VSTI 6
#define IRQ_VSEI 10

/* scause exception codes. */
#define EXC_INSN_MISALIGNED 0
#define EXC_INSN_ACCESS 1
#define EXC_ILLEGAL_INSN 2
#define EXC_BREAKPOINT 3
#define EXC_LOAD_MISALIGNED 4
#define EXC_LOAD_ACCESS 5
#define EXC_STORE_MISALIGNED 6
#define EXC_STORE_ACCESS 7
#define EXC_ECALL_U 8
#define EXC_ECALL_VS 10
#define EXC_INSN_PAGE 12
#define EXC_LOAD_PAGE 13
#define EXC_STORE_PAGE 15
#define EXC_INSN_GUEST_PAGE 20
#define EXC_LOAD_GUEST_PAGE 21
#define EXC_VIRTUAL_INSN 22
#define EXC_STORE_GUEST_PAGE 23
#define SCAUSE_IRQ (1ul << 63)

/* hgatp: MODE 8 = Sv39x4, VMID in bits 44..57. */
#define HGATP_SV39X4 (8ul << 60)
#define HGATP_VMID_SHIFT 44

#ifndef __ASSEMBLER__
#include <stdint.h>

#define RV_STR_(x) #x
#define RV_STR(x) RV_STR_(x)

/* csr_read(CSR_X) etc.: the CSR must be one of the numeric macros above. */
#define csr_read(csr, var) \
	__asm__ __volatile__("csrr %0, " RV_STR(csr) : "=r"(var))
#define csr_write(csr, val) \
	__asm__ __volatile__("csrw " RV_STR(csr) ", %0" : : "r"((uint64_t)(val)) : "memory")
#define csr_set(csr, val) \
	__asm__ __volatile__("csrs " RV_STR(csr) ", %0" : : "r"((uint64_t)(val)) : "memory")
#define csr_clear(csr, val) \
	__asm__ __volatile__("csrc " RV_STR(csr) ", %0" : : "r"((uint64_t)(val)) : "memory")

/* hfence.vvma zero, zero: flush the running VM's (VMID's) VS-stage
 * translations. */
static inline void hfence_vvma_all(void)
{
	__asm__ __volatile__(".word 0x22000073" : : : "memory");
}

/* hfence.gvma zero, zero: flush every G-stage translation. */
static inline void hfence_gvma_all(void)
{
	__asm__ __volatile__(".word 0x62000073" : : : "memory");
}
#endif

#endif /* HCALL_ARCH_RISCV_CSR_H */
