/* SPDX-License-Identifier: MIT */
/*
 * hcall/types.h - fixed-width integers without depending on a libc.
 *
 * A Linux kernel module gets them from <linux/types.h> (the compiler's
 * <stdint.h> would clash with the kernel's own typedefs); everything else,
 * freestanding or hosted, gets the compiler-provided <stdint.h>.
 */
#ifndef HCALL_TYPES_H
#define HCALL_TYPES_H

#if defined(__KERNEL__)
#include <linux/types.h>
#else
#include <stdint.h>
#endif

#endif /* HCALL_TYPES_H */
