/* SPDX-License-Identifier: MIT */
/*
 * tests/oracle/oracle.h - TAP checks that compare hcall's ABI headers with
 * another implementation's own header, compiled side by side: structure
 * sizes, field offsets and sizes, and numbers.
 */
#ifndef HCALL_TEST_ORACLE_H
#define HCALL_TEST_ORACLE_H

#include <stddef.h>
#include <stdio.h>

static int oracle_n, oracle_failed;

static inline void oracle_check(int ok, const char *what, long long mine,
				long long theirs)
{
	oracle_n++;
	if (ok) {
		printf("ok %d - %s\n", oracle_n, what);
	} else {
		oracle_failed++;
		printf("not ok %d - %s\n# hcall %lld, Linux %lld\n", oracle_n, what,
		       mine, theirs);
	}
}

/* Two numbers are equal. */
#define ORACLE_EQ(mine, theirs)                                             \
	oracle_check((long long)(mine) == (long long)(theirs),              \
		     #mine " == " #theirs, (long long)(mine), (long long)(theirs))

/* Two structures have the same size. */
#define ORACLE_SIZE(mine, theirs)                                           \
	oracle_check(sizeof(struct mine) == sizeof(struct theirs),          \
		     "sizeof(struct " #mine ") == sizeof(struct " #theirs ")",  \
		     (long long)sizeof(struct mine),                        \
		     (long long)sizeof(struct theirs))

/* A field is at the same offset with the same size in both. */
#define ORACLE_FIELD2(mine, mf, theirs, tf)                                 \
	do {                                                                \
		oracle_check(offsetof(struct mine, mf) ==                   \
				     offsetof(struct theirs, tf),           \
			     "offset of " #mine "." #mf " == " #theirs "." #tf, \
			     (long long)offsetof(struct mine, mf),          \
			     (long long)offsetof(struct theirs, tf));       \
		oracle_check(sizeof(((struct mine *)0)->mf) ==              \
				     sizeof(((struct theirs *)0)->tf),      \
			     "size of " #mine "." #mf " == " #theirs "." #tf,   \
			     (long long)sizeof(((struct mine *)0)->mf),     \
			     (long long)sizeof(((struct theirs *)0)->tf));  \
	} while (0)
#define ORACLE_FIELD(mine, theirs, f) ORACLE_FIELD2(mine, f, theirs, f)

/* The TAP plan and exit status. */
static inline int oracle_done(void)
{
	printf("1..%d\n", oracle_n);
	return oracle_failed ? 1 : 0;
}

/* No header to compare with: a skip that says why (exit 77). */
static inline int oracle_skip(const char *why)
{
	printf("1..0 # SKIP %s\n", why);
	return 77;
}

#endif
