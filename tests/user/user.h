/* SPDX-License-Identifier: MIT */
/*
 * tests/user/user.h - what the user-mode checks share: the VM layout the
 * runtime sets up, the trap counter and the privilege-skip reason.
 */
#ifndef HCALL_TEST_USER_H
#define HCALL_TEST_USER_H

#include <stdint.h>

/* The process runs as the service VM (id 0); one more VM (id 1) exists,
 * created but not started. */
#define USER_SELF_NAME "root"
#define USER_OTHER_NAME "zone1"
#define USER_OTHER_MEM_SIZE 65536u

/* Hypercalls the hv core has handled in this process so far. */
uint64_t user_trap_count(void);

/* Why privilege-dependent checks are skipped in user mode. */
#define USER_PRIV_SKIP                                                        \
	"user mode: the caller runs at user level and the trap emulator "     \
	"reports privilege 0, so privilege checks belong to the system suite"

#endif /* HCALL_TEST_USER_H */
