/* SPDX-License-Identifier: MIT */
/* tests/user/roles.c - see roles.h. */
#include "roles.h"
#include "tap.h"

static char name_buf[160];

static const char *check_name(const char *conv, const char *what)
{
	unsigned n = 0;

	while (*conv && n < sizeof(name_buf) - 3)
		name_buf[n++] = *conv++;
	name_buf[n++] = ':';
	name_buf[n++] = ' ';
	while (*what && n < sizeof(name_buf) - 1)
		name_buf[n++] = *what++;
	name_buf[n] = 0;
	return name_buf;
}

int roles_eq(const char *conv, const char *what, uint64_t got, uint64_t want)
{
	return tap_eq(check_name(conv, what), got, want);
}

unsigned roles_check(const char *conv, const struct hcall_regs *dump,
		     const struct role *roles, unsigned n)
{
	unsigned failed = 0;

	for (unsigned i = 0; i < n; i++)
		if (!roles_eq(conv, roles[i].what, dump->r[roles[i].idx],
			      roles[i].want))
			failed++;
	return failed;
}
