/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/kit.h - the portable part of the conformance guests: TAP
 * output with the expected and actual value of every failed check, the
 * summary line, and the engine that runs a specification table
 * (spec/call.h). Freestanding; depends on nothing but the runtime below.
 *
 * Output (judged by tests/conform/judge.py):
 *   ok N - FUNCTION: what [section]
 *   not ok N - FUNCTION: what [section] # expected: E; got: G
 *   ok N - FUNCTION: what [section] # SKIP reason
 *   # comment
 *   1..N
 *   # SUMMARY: N tests, F failed, S skipped
 */
#ifndef KIT_H
#define KIT_H

#include <stdint.h>

#include "spec/call.h"

/* ---- provided by the architecture runtime ------------------------------ */

void kit_putc(char c);
/* One call of the table's convention: SMCCC (id in W0, args in x1..x3,
 * results x0, x1) or SBI (a7 = id, a6 = fid, args a0..a2, results a0
 * error, a1 value). */
struct kit_ret {
	int64_t r0, r1;
};
struct kit_ret kit_call(uint32_t id, uint32_t fid, uint64_t a0, uint64_t a1, uint64_t a2);
/* The value of an ARG_SELF / ARG_ENTRY / ARG_NO_CPU argument. */
uint64_t kit_arg(enum spec_arg_kind kind);

/* ---- output ------------------------------------------------------------ */

void kit_puts(const char *s);
void kit_hex(uint64_t v);
void kit_dec(int64_t v);
/* A value as the report shows it: decimal for small negatives (error
 * codes), 0x-hex otherwise, then " (NAME)" if names knows it. */
struct kit_names {
	const struct spec_name *v;
	unsigned n;
};
void kit_value(int64_t v, const struct kit_names *names);
void kit_note(const char *text);

/* ---- checks ------------------------------------------------------------ */

void kit_pass(const char *fn, const char *what, const char *section);
/* A failed check: `expected` is text; got is the value received. */
void kit_fail(const char *fn, const char *what, const char *section, const char *expected,
	      int64_t got, const struct kit_names *names);
void kit_skip(const char *fn, const char *what, const char *section, const char *reason);
/* got == want; prints both on a mismatch. Returns the outcome. */
int kit_eq(const char *fn, const char *what, const char *section, int64_t got, int64_t want,
	   const struct kit_names *names);

/* Run a table's rows. present(probe_id) returns NULL if the function may
 * be called, else the reason it is skipped. */
void kit_run_calls(const struct spec_call *rows, unsigned n,
		   const char *(*present)(const struct spec_call *row),
		   const struct kit_names *names);

/* Prints the plan and the summary line; returns the number of failures. */
unsigned kit_finish(void);

#define KIT_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif /* KIT_H */
