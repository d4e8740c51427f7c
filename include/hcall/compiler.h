/* SPDX-License-Identifier: MIT */
/*
 * hcall/compiler.h - the few compiler facilities every hcall header needs.
 *
 * Everything here is freestanding: no libc header is included, so the
 * library works inside a kernel, firmware or a bare-metal image.
 * The headers accept C11 and later, and C++11 and later.
 */
#ifndef HCALL_COMPILER_H
#define HCALL_COMPILER_H

#if !defined(__GNUC__) && !defined(__clang__)
#error "hcall: the headers need GCC or Clang (register variables and extended asm)"
#endif

#ifdef __cplusplus
#define HCALL_BEGIN_DECLS extern "C" {
#define HCALL_END_DECLS }
#else
#define HCALL_BEGIN_DECLS
#define HCALL_END_DECLS
#endif

/* `inline` stays a hint; always_inline keeps -O0 builds from turning a
 * register-variable wrapper into an out-of-line call that loses the binding. */
#define HCALL_INLINE static inline __attribute__((always_inline))
#define HCALL_UNUSED __attribute__((unused))

#define HCALL_STR_(x) #x
#define HCALL_STR(x) HCALL_STR_(x)
#define HCALL_CAT_(a, b) a##b
#define HCALL_CAT(a, b) HCALL_CAT_(a, b)

#ifdef __cplusplus
#define HCALL_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#else
#define HCALL_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

/*
 * Compile-time rejection of a constant non-zero reserved argument.
 * The error attribute fires only if the call survives constant folding,
 * which happens exactly when the argument is a compile-time constant other
 * than zero. Non-constant arguments cost nothing and are checked by the
 * hypervisor instead.
 */
HCALL_BEGIN_DECLS
extern void hcall_reserved_argument_must_be_zero(void) __attribute__((
	error("hcall: a reserved-must-be-zero argument was given a non-zero constant")));
HCALL_END_DECLS

#define HCALL_CHECK_RESERVED(mask, bit, value)                                   \
	do {                                                                   \
		if (__builtin_constant_p((mask) & (1u << (bit))) &&            \
		    ((mask) & (1u << (bit))) && __builtin_constant_p(value) && \
		    (value) != 0)                                              \
			hcall_reserved_argument_must_be_zero();                \
	} while (0)

#endif /* HCALL_COMPILER_H */
