/* SPDX-License-Identifier: MIT OR GPL-2.0-only */
/*
 * hcall_demo: what the portable part and the architecture part share.
 *
 * Every finding is one kernel log line "hcall_demo: <name>: <key>=<value>...",
 * so a test (tests/linux/) can compare it with documented values.
 */
#ifndef HCALL_DEMO_H
#define HCALL_DEMO_H

#include <linux/types.h>

#include <hcall/result.h>

/* Module parameter: also try the compile-time default conduit (arm64). */
extern bool hcall_demo_default_conduit;

/* The architecture's findings; returns 0 or a negative errno. */
int hcall_demo_arch_probe(void);

/* "name: status=OK code=0 value=0x10001" for one typed result. */
void hcall_demo_report(const char *name, struct hcall_result r);

#endif /* HCALL_DEMO_H */
