/* SPDX-License-Identifier: MIT */
/* arch/arm64/sysreg.h - system-register access and the EL2 bits hcall uses. */
#ifndef ARM64_SYSREG_H
#define ARM64_SYSREG_H

#include <stdint.h>

#define read_sysreg(r)                                                  \
	__extension__({                                                 \
		uint64_t v_;                                            \
		__asm__ __volatile__("mrs %0, " #r : "=r"(v_));         \
		v_;                                                     \
	})
#define write_sysreg(r, v) \
	__asm__ __volatile__("msr " #r ", %0" ::"r"((uint64_t)(v)) : "memory")

static inline void isb(void)
{
	__asm__ __volatile__("isb" ::: "memory");
}

static inline void dsb_sy(void)
{
	__asm__ __volatile__("dsb sy" ::: "memory");
}

/* HCR_EL2 */
#define HCR_VM (1ull << 0)   /* stage-2 translation */
#define HCR_SWIO (1ull << 1)
#define HCR_FMO (1ull << 3)
#define HCR_IMO (1ull << 4)  /* physical IRQs to EL2, virtual IRQs to EL1 */
#define HCR_AMO (1ull << 5)
#define HCR_VI (1ull << 7)   /* virtual IRQ pending */
#define HCR_TWI (1ull << 13) /* trap WFI */
#define HCR_TSC (1ull << 19) /* trap SMC */
#define HCR_RW (1ull << 31)  /* EL1 is AArch64 */

/* ESR exception classes */
#define EC_UNKNOWN 0x00
#define EC_WFX 0x01
#define EC_SVC64 0x15
#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_IABT_LOW 0x20
#define EC_IABT_CUR 0x21
#define EC_DABT_LOW 0x24
#define EC_DABT_CUR 0x25
#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_IL (1u << 25)

/* PSTATE / SPSR */
#define SPSR_EL1H_MASKED 0x3c5ull /* EL1h, D A I F masked */
#define SPSR_MODE_MASK 0xfull
#define SPSR_MODE_EL0T 0x0ull

#endif /* ARM64_SYSREG_H */
