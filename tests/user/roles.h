/* SPDX-License-Identifier: MIT */
/*
 * tests/user/roles.h - comparing a probe DUMP frame against a convention's
 * register roles written from its specification.
 */
#ifndef HCALL_TEST_ROLES_H
#define HCALL_TEST_ROLES_H

#include <hcall/regs.h>

/* One expected register: `what` names the role and register for the
 * check's name ("code in x0"), idx is its frame index, want its value. */
struct role {
	const char *what;
	unsigned idx;
	uint64_t want;
};

/* One TAP check per role: "<conv>: <what>". Returns the failures. */
unsigned roles_check(const char *conv, const struct hcall_regs *dump,
		     const struct role *roles, unsigned n);

/* A TAP equality check named "<conv>: <what>". */
int roles_eq(const char *conv, const char *what, uint64_t got, uint64_t want);

/* Distinct argument values: no two registers can be confused. */
#define ROLE_ARG(i) (0xa5a50000c0de0000ull + 0x1111u * (unsigned)((i) + 1))

#endif /* HCALL_TEST_ROLES_H */
