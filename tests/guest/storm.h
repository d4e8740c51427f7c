/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/storm.h - the SMP storm machinery shared by the arm64 and
 * riscv storm guests (arm64/storm.c, riscv/storm.c; storm_common.c
 * implements it).
 *
 * vCPU 0 coordinates and prints TAP; vCPUs 1-3 enter storm_vcpu() from the
 * architecture's storm_entry.S and take commands from shared memory. What
 * the storms share beyond storm_core.h: the command loop and the
 * rendezvous, the race to start a stopped vCPU (PSCI CPU_ON or SBI HSM
 * hart_start) and the hvisor zone_start/zone_shutdown storm with their
 * invariants. What differs is behind struct storm_arch, which each
 * architecture's storm.c defines once as `storm_arch`: the
 * calls that start and stop vCPUs, its own commands, and the words of its
 * checks (written there from its specification).
 */
#ifndef HCALL_TEST_STORM_H
#define HCALL_TEST_STORM_H

#include <stdint.h>
#include <hcall/hvisor.h>
#include "storm_core.h"

#define STORM_STACK 0x2000
#define ON_ROUNDS 16
#define JITTER 512u
/* hvisor answers with negative Linux errno values. */
#define EINVAL_ 22
#define ZONE 1

/* The commands every storm knows; an architecture's own start at
 * CMD_ARCH and reach storm_arch.command(). */
enum storm_cmd { CMD_NONE, CMD_RENDEZVOUS, CMD_OFF_ONE, CMD_START, CMD_ZONE, CMD_OFF,
		 CMD_ARCH };

struct storm_arch {
	/* n steps of a pause that never traps */
	void (*spin)(uint64_t n);
	/* a wait for an interrupt, which lets the hypervisor run another vCPU */
	void (*idle)(void);
	/* on a worker's entry, before it counts as started; may be NULL */
	void (*vcpu_entry)(unsigned me);
	/* switch the calling vCPU off (PSCI CPU_OFF, SBI hart_stop) */
	void (*off_self)(void);
	/* start vCPU target at storm_secondary with ctx; the raw answer */
	int64_t (*start)(unsigned target, uint64_t ctx);
	/* vCPU target is on / off, as the hypervisor reports it */
	int (*is_on)(unsigned target);
	int (*is_off)(unsigned target);
	/* a start's answer when another caller won the race */
	int (*start_lost)(int64_t answer);
	/* a command >= CMD_ARCH, run by a worker */
	void (*command)(unsigned me, uint32_t cmd, uint32_t arg);
	/* Zone 1's RAM (where the root zone sees it, and where the zone
	 * does: its entry point), the page it shares with us, its name. */
	uint64_t zone_ram_pa, zone_ram_va, zone_ram_size;
	uint64_t zone_shared_base, zone_shared_size;
	const char *zone_name; /* 5 characters */
	/* hvisor's answer registers as one number: the error if any */
	int64_t (*zone_answer)(struct hcall_hvisor_ret r);
	unsigned zone_ops;
	/* The names of the checks, in the architecture's words. */
	const char *start_all, *started_once, *all_on, *together;
	const char *not_off, *stuck, *unexpected, *not_one;
	const char *rounds_ok, *one_success, *others_lost, *no_other, *ctx_ok, *starts_add;
	const char *all_on_after; /* NULL: no such check */
	const char *all_off;
};

extern const struct storm_arch storm_arch;

/* A race of two calls made at random by every vCPU (zone_start and
 * zone_shutdown, MEM_SHARE and MEM_UNSHARE): each vCPU's successes of
 * each, and its answers other than success or the one refusal expected. */
struct storm_pair {
	uint32_t ok_a[NVCPUS], ok_b[NVCPUS], bad[NVCPUS];
	int64_t last_bad;           /* the last answer counted in bad */
};

/* Everything the vCPUs share; written with atomics or before a release. */
struct storm_shared {
	uint32_t starts[NVCPUS];    /* entries at storm_secondary */
	uint64_t ctx[NVCPUS];       /* the context id / opaque value of the last entry */
	uint32_t cmd_seq;           /* command generation */
	uint32_t cmd;               /* enum storm_cmd or the architecture's */
	uint32_t arg;
	uint32_t done;              /* workers finished the command */
	int64_t on_res[NVCPUS];     /* each caller's start answer, this round */
	struct storm_pair zone;     /* zone_start (a) and zone_shutdown (b) */
	hcall_hvisor_zone_config_t cfg[NVCPUS] __attribute__((aligned(16)));
	struct hcall_hvisor_zone_info zones[8] __attribute__((aligned(16)));
};

extern struct storm_shared storm_sh;
extern uint8_t storm_stacks[NVCPUS][STORM_STACK];
void storm_secondary(void);
void storm_vcpu(uint64_t ctx, uint64_t idx);

/* Post a command to the workers; done counts up from zero. */
void storm_post(uint32_t cmd, uint32_t arg);

/* vCPU idx's part of a pair race: `ops` times, after a random pause,
 * a(idx) or b(idx) at random (choices storm_rnd(salt + i, idx)); an
 * answer of 0 is a success, `refused` expected, any other bad. */
void storm_pair_run(struct storm_pair *t, unsigned idx, uint64_t salt, unsigned ops,
		    int64_t (*a)(unsigned idx), int64_t (*b)(unsigned idx), int64_t refused);
/* The sums over the vCPUs. */
void storm_pair_sum(const struct storm_pair *t, unsigned *ok_a, unsigned *ok_b,
		    unsigned *bad);

/* Zone 1's hvisor zone_config: the RAM and shared page of storm_arch,
 * hvisor CPUs 4 and 5 (the storm VM, the root zone, holds 0-3): two
 * vCPUs. */
void storm_zone_cfg(hcall_hvisor_zone_config_t *c);
int64_t storm_zone_start(unsigned idx);
int64_t storm_zone_shutdown(void);

/* The coordinator's steps, each with its checks. */
void storm_bring_up(void);
void storm_rendezvous(void);
void storm_start_storm(void);
void storm_zone_storm_all(void);
void storm_all_off(void);

#endif
