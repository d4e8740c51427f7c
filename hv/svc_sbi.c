/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_sbi.c - the RISC-V SBI for guests: the base extension, SRST,
 * HSM and IPI, and, where the glue provides them (hv/sbi_glue.h), TIME,
 * RFENCE, DBCN, SUSP and the legacy calls a guest OS still uses.
 *
 * Choices (documented in docs and here):
 *   spec version      2.0 (0x02000000): what is implemented follows SBI
 *                     2.0 (a guest such as Linux uses DBCN and SUSP only
 *                     from a 2.0 implementation); PMU, CPPC, NACL, STA
 *                     and the v3.0 extensions are absent, which 2.0 allows
 *   implementation ID 0x6863616C ("hcal" in ASCII), far above the
 *                     sequentially assigned IDs (0..11 and a few more),
 *                     so it cannot collide with a future assignment
 *   impl version      0x00000001 (hcall 0.1, major << 16 | minor)
 *   mvendorid, marchid, mimpid: 0 (a virtual hart has none)
 *   PROBE_EXTENSION   1 for BASE, SRST, HSM and IPI, for TIME, RFENCE
 *                     and DBCN when the glue has their hooks (and for the
 *                     probe extension when the VM has HV_CAP_PROBE), else
 *                     0: exactly the extensions this build implements
 *   HSM               a hart is one of the VM's vCPUs, hart ID = vCPU
 *                     index. hart_start of a STOPPED vCPU puts it online
 *                     at start_addr (executable VM memory, else
 *                     INVALID_ADDRESS) with a0 = its hart ID, a1 = opaque;
 *                     a started one gets ALREADY_AVAILABLE, a missing one
 *                     INVALID_PARAM. hart_stop takes the caller offline.
 *                     get_status: STARTED or STOPPED (a start takes
 *                     effect at once, so START_PENDING and STOP_PENDING
 *                     are never seen). hart_suspend: the default
 *                     retentive type yields the hart and returns SUCCESS
 *                     (as an early wake-up may); the non-retentive and
 *                     platform types are NOT_SUPPORTED, reserved types
 *                     INVALID_PARAM.
 *   IPI               VSSIP on each vCPU of the mask (base -1 = every
 *                     vCPU of the VM). Harts are the caller's VM's only:
 *                     a hart ID beyond its vCPUs is INVALID_PARAM, so no
 *                     VM can interrupt another.
 *   TIME              set_timer through the glue (the riscv glue: Sstc's
 *                     vstimecmp, per vCPU).
 *   RFENCE            remote fence.i, sfence.vma and sfence.vma.asid on
 *                     the VM's own vCPUs (hart mask as for IPI), through
 *                     the glue. The HFENCE functions are NOT_SUPPORTED:
 *                     no VM has the H extension.
 *   DBCN              console_write and write_byte to the glue's
 *                     console; the buffer (base_addr_hi must be 0) is
 *                     checked against the VM's readable memory
 *                     (INVALID_PARAM otherwise) and copied out of the
 *                     guest once, at most HV_SBI_CONSOLE_CHUNK bytes per
 *                     call (value = bytes written, as a partial write
 *                     may). console_read has no input: 0 bytes, after
 *                     the same check for writable memory.
 *   SUSP              suspend to RAM (sleep type 0) with every other
 *                     vCPU of the VM STOPPED (else DENIED): a
 *                     non-retentive suspend of the VM that wakes at once,
 *                     the caller starting afresh at resume_addr with
 *                     a1 = opaque. HSM's default non-retentive suspend
 *                     does the same for one vCPU. Platform types:
 *                     NOT_SUPPORTED; reserved ones INVALID_PARAM. Needs
 *                     the glue's restart hook.
 *   legacy            all nine: set_timer, console_putchar,
 *                     console_getchar (no input: -1), clear_ipi, send_ipi,
 *                     the three remote fences and shutdown (as SRST
 *                     shutdown), one convention (a7 below 9 selects it
 *                     and is the number; only a0 is written). A hart mask is the virtual
 *                     address of an unsigned long, read through the
 *                     glue's walk of the vCPU's own translation (0 = every
 *                     hart); one that does not read is INVALID_ADDRESS
 *                     (OpenSBI reflects a load fault instead).
 *   SRST              types shutdown/cold/warm and reasons none/system
 *                     failure, others INVALID_PARAM (as OpenSBI). The
 *                     service VM shuts the machine down (exit code 1 for a
 *                     system-failure reason) or resets it; another VM only
 *                     stops itself.
 * Unknown EID or FID, and a call outside the permission set:
 * NOT_SUPPORTED. a0 (error) and a1 (value) are written on every path.
 */
#include <hcall/abi/hvisor.h>
#include <hcall/abi/probe.h>
#include <hcall/abi/sbi.h>

#include "dispatcher.h"
#include "guest_mem.h"
#include "lock.h"
#include "sbi_glue.h"
#include "service.h"
#include "vcpu.h"
#include "vm.h"

enum {
	HCALL_SBI_BASE_CALLS(HV_ENTRY_ARGS) HCALL_SBI_SRST_CALLS(HV_ENTRY_ARGS)
	HCALL_SBI_HSM_CALLS(HV_ENTRY_ARGS) HCALL_SBI_IPI_CALLS(HV_ENTRY_ARGS)
	HCALL_SBI_TIME_CALLS(HV_ENTRY_ARGS) HCALL_SBI_RFENCE_CALLS(HV_ENTRY_ARGS)
	HCALL_SBI_DBCN_CALLS(HV_ENTRY_ARGS) HCALL_SBI_SUSP_CALLS(HV_ENTRY_ARGS)
	HCALL_SBI_LEGACY_CALLS(HV_ENTRY_ARGS)
};

/* The riscv glue's hooks; all NULL until it registers them. */
static struct hv_sbi_glue glue;

void hv_sbi_set_glue(const struct hv_sbi_glue *g)
{
	static const struct hv_sbi_glue none;

	glue = g ? *g : none;
}

#define SBI_SPEC_VERSION 0x02000000u
#define SBI_IMPL_ID_HCALL 0x6863616Cu
#define SBI_IMPL_VERSION 0x00000001u
/* SBI_ERR_<NAME> = raw code, from the ABI's error table. */
#define SBI_ERR(name, raw, status) SBI_##name = (raw),
enum { HCALL_SBI_ERRORS(SBI_ERR) };

static inline __attribute__((always_inline)) int legacy_present(uint64_t eid);

static void spec_version(struct hv_call *c)
{
	hv_call_ok(c, SBI_SPEC_VERSION);
}

static void impl_id(struct hv_call *c)
{
	hv_call_ok(c, SBI_IMPL_ID_HCALL);
}

static void impl_version(struct hv_call *c)
{
	hv_call_ok(c, SBI_IMPL_VERSION);
}

static void probe_extension(struct hv_call *c)
{
	uint64_t eid = c->arg[0];
	int present = eid == HCALL_SBI_BASE_EID || eid == HCALL_SBI_SRST_EID ||
		      eid == HCALL_SBI_HSM_EID || eid == HCALL_SBI_IPI_EID ||
		      (eid == HCALL_SBI_TIME_EID && glue.set_timer) ||
		      (eid == HCALL_SBI_RFENCE_EID && glue.fence) ||
		      (eid == HCALL_SBI_DBCN_EID && glue.console_write) ||
		      (eid == HCALL_SBI_SUSP_EID && glue.restart) ||
		      (eid <= HCALL_SBI_EXT_LEGACY_SHUTDOWN && legacy_present(eid)) ||
		      (eid == HCALL_PROBE_SBI_EID &&
		       (c->vm->caps & HV_CAP_PROBE)) ||
		      (eid == HCALL_HVISOR_RISCV_EID &&
		       (c->vm->abis & HV_ABI_BIT(HV_ABI_HVISOR)));

	hv_call_ok(c, present ? 1 : 0);
}

static void machine_id(struct hv_call *c)
{
	hv_call_ok(c, 0);
}

/* Slots by the FID's low bits (hv_entry_in): the base calls are the
 * most frequent. */
#define BASE_N 8u
_Static_assert(HCALL_SBI_BASE_GET_MIMPID < BASE_N, "one slot per base call");

static const struct hv_entry base_table[BASE_N] = {
	[HCALL_SBI_BASE_GET_SPEC_VERSION] =
		HV_ENTRY(SBI_BASE, GET_SPEC_VERSION, spec_version, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_IMPL_ID] = HV_ENTRY(SBI_BASE, GET_IMPL_ID, impl_id, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_IMPL_VERSION] =
		HV_ENTRY(SBI_BASE, GET_IMPL_VERSION, impl_version, HV_PERM_INFO),
	[HCALL_SBI_BASE_PROBE_EXTENSION] =
		HV_ENTRY(SBI_BASE, PROBE_EXTENSION, probe_extension, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_MVENDORID] =
		HV_ENTRY(SBI_BASE, GET_MVENDORID, machine_id, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_MARCHID] = HV_ENTRY(SBI_BASE, GET_MARCHID, machine_id, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_MIMPID] = HV_ENTRY(SBI_BASE, GET_MIMPID, machine_id, HV_PERM_INFO),
};

/* Shut down or reset: the machine for the service VM, else the VM. */
static void reset(struct hv_call *c, uint64_t type, uint64_t reason)
{
	hv_call_ok(c, 0);
	if (c->vm->role == HV_ROLE_SERVICE) {
		c->hv->exit_code = reason == HCALL_SBI_SRST_REASON_SYSTEM_FAILURE;
		c->action = type == HCALL_SBI_SRST_TYPE_SHUTDOWN ? HV_SYSTEM_OFF
								 : HV_SYSTEM_RESET;
		return;
	}
	hv_vm_stop(c->hv, c->vm);
	c->action = HV_VCPU_OFF;
}

static void system_reset(struct hv_call *c)
{
	uint64_t type = c->arg[0], reason = c->arg[1];

	if (type > HCALL_SBI_SRST_TYPE_WARM_REBOOT ||
	    reason > HCALL_SBI_SRST_REASON_SYSTEM_FAILURE) {
		hv_call_status(c, SBI_ERR_INVALID_PARAM);
		return;
	}
	reset(c, type, reason);
}

#define SRST_N (HCALL_SBI_SRST_SYSTEM_RESET + 1u)

static const struct hv_entry srst_table[SRST_N] = {
	[HCALL_SBI_SRST_SYSTEM_RESET] =
		HV_ENTRY(SBI_SRST, SYSTEM_RESET, system_reset, HV_PERM_INFO),
};

/* ---- HSM ---------------------------------------------------------------- */

/* The caller's VM's vCPU with hart ID `hart`, or NULL. */
static struct hv_vcpu *hart(struct hv_call *c, uint64_t hart)
{
	return hv_vcpu_by_index(c->vm, hart);
}

static const struct hv_vcpu_start_errors start_errors = {
	SBI_ERR_INVALID_PARAM, SBI_ERR_INVALID_ADDRESS, SBI_ERR_ALREADY_AVAILABLE
};

/* The glue starts the hart afresh at entry, a1 = context_id. */
static void hart_start(struct hv_call *c)
{
	hv_call_vcpu_start(c, hart(c, c->arg[0]), c->arg[1], c->arg[2], &start_errors);
}

static void hart_get_status(struct hv_call *c)
{
	struct hv_vcpu *t = hart(c, c->arg[0]);

	if (!t) {
		hv_call_status(c, SBI_ERR_INVALID_PARAM);
		return;
	}
	hv_call_ok(c, hv_vcpu_is_on(t) ? HCALL_SBI_HSM_STATE_STARTED
				       : HCALL_SBI_HSM_STATE_STOPPED);
}

/*
 * A non-retentive suspend that wakes at once: the caller starts afresh
 * at resume_addr with a1 = opaque (INVALID_ADDRESS unless that is
 * executable memory of the VM).
 */
static void resume_at(struct hv_call *c, uint64_t resume_addr, uint64_t opaque)
{
	if (hv_vcpu_set_resume(c->vcpu, resume_addr, opaque)) {
		hv_call_status(c, SBI_ERR_INVALID_ADDRESS);
		return;
	}
	glue.restart(c->vcpu);
	hv_call_status(c, 0);
	c->action = HV_SWITCH;
}

static void hart_suspend(struct hv_call *c)
{
	uint32_t type = (uint32_t)c->arg[0];

	if (c->arg[0] > 0xFFFFFFFFu ||
	    (type > HCALL_SBI_HSM_SUSPEND_RET_DEFAULT &&
	     type < HCALL_SBI_HSM_SUSPEND_RET_PLATFORM) ||
	    (type > HCALL_SBI_HSM_SUSPEND_NON_RET_DEFAULT &&
	     type < HCALL_SBI_HSM_SUSPEND_NON_RET_PLATFORM)) {
		hv_call_status(c, SBI_ERR_INVALID_PARAM);
		return;
	}
	if (type == HCALL_SBI_HSM_SUSPEND_NON_RET_DEFAULT && glue.restart) {
		resume_at(c, c->arg[1], c->arg[2]);
		return;
	}
	if (type != HCALL_SBI_HSM_SUSPEND_RET_DEFAULT) {
		hv_call_status(c, SBI_ERR_NOT_SUPPORTED);
		return;
	}
	hv_call_status(c, 0);
	c->action = HV_SWITCH;
}

#define HSM_N (HCALL_SBI_HSM_HART_SUSPEND + 1u)

static const struct hv_entry hsm_table[HSM_N] = {
	[HCALL_SBI_HSM_HART_START] = HV_ENTRY(SBI_HSM, HART_START, hart_start, HV_PERM_INFO),
	[HCALL_SBI_HSM_HART_STOP] = HV_ENTRY(SBI_HSM, HART_STOP, hv_call_vcpu_stop, HV_PERM_INFO),
	[HCALL_SBI_HSM_HART_GET_STATUS] =
		HV_ENTRY(SBI_HSM, HART_GET_STATUS, hart_get_status, HV_PERM_INFO),
	[HCALL_SBI_HSM_HART_SUSPEND] =
		HV_ENTRY(SBI_HSM, HART_SUSPEND, hart_suspend, HV_PERM_INFO),
};

/* ---- IPI ------------------------------------------------------------------ */

/*
 * The caller's vCPUs a hart mask names, as a bit set of vCPU indexes, or
 * -1 when it names a hart the VM does not have.
 */
static int64_t hart_set(struct hv_call *c, uint64_t mask, uint64_t base)
{
	uint64_t n = c->vm->nvcpus, set = 0;
	unsigned i;

	if (base == HCALL_SBI_HART_MASK_BASE_ALL)
		return (int64_t)((1ull << n) - 1);
	for (i = 0; i < HCALL_SBI_HART_MASK_BITS; i++) {
		if (!((mask >> i) & 1u))
			continue;
		if (base >= n || i >= n - base)
			return -1;
		set |= 1ull << (base + i);
	}
	return (int64_t)set;
}

static void send_ipi(struct hv_call *c)
{
	int64_t set = hart_set(c, c->arg[0], c->arg[1]);
	unsigned i;

	if (set < 0) {
		hv_call_status(c, SBI_ERR_INVALID_PARAM);
		return;
	}
	for (i = 0; i < c->vm->nvcpus; i++)
		if (((uint64_t)set >> i) & 1u)
			c->hv->ops->upcall(&c->vm->vcpus[i], 0);
	hv_call_status(c, 0);
}

#define IPI_N (HCALL_SBI_IPI_SEND_IPI + 1u)

static const struct hv_entry ipi_table[IPI_N] = {
	[HCALL_SBI_IPI_SEND_IPI] = HV_ENTRY(SBI_IPI, SEND_IPI, send_ipi, HV_PERM_INFO),
};

/* ---- TIME ------------------------------------------------------------------ */

static void set_timer(struct hv_call *c)
{
	glue.set_timer(c->vcpu, c->arg[0]);
	hv_call_status(c, 0);
}

#define TIME_N (HCALL_SBI_TIME_SET_TIMER + 1u)

static const struct hv_entry time_table[TIME_N] = {
	[HCALL_SBI_TIME_SET_TIMER] = HV_ENTRY(SBI_TIME, SET_TIMER, set_timer, HV_PERM_INFO),
};

/* ---- RFENCE ------------------------------------------------------------------ */

static void rfence(struct hv_call *c, enum hv_sbi_fence kind)
{
	int64_t set = hart_set(c, c->arg[0], c->arg[1]);

	if (set < 0) {
		hv_call_status(c, SBI_ERR_INVALID_PARAM);
		return;
	}
	if (set)
		glue.fence(c->vcpu, (uint64_t)set, kind, c->arg[2], c->arg[3], c->arg[4]);
	hv_call_status(c, 0);
}

static void remote_fence_i(struct hv_call *c)
{
	rfence(c, HV_SBI_FENCE_I);
}

static void remote_sfence_vma(struct hv_call *c)
{
	rfence(c, HV_SBI_FENCE_VMA);
}

static void remote_sfence_vma_asid(struct hv_call *c)
{
	rfence(c, HV_SBI_FENCE_VMA_ASID);
}

/* The HFENCEs are for a guest hypervisor; these VMs have no H extension. */
static void remote_hfence(struct hv_call *c)
{
	hv_call_status(c, SBI_ERR_NOT_SUPPORTED);
}

#define RFENCE_N (HCALL_SBI_RFENCE_REMOTE_HFENCE_VVMA + 1u)

static const struct hv_entry rfence_table[RFENCE_N] = {
	[HCALL_SBI_RFENCE_REMOTE_FENCE_I] =
		HV_ENTRY(SBI_RFENCE, REMOTE_FENCE_I, remote_fence_i, HV_PERM_INFO),
	[HCALL_SBI_RFENCE_REMOTE_SFENCE_VMA] =
		HV_ENTRY(SBI_RFENCE, REMOTE_SFENCE_VMA, remote_sfence_vma, HV_PERM_INFO),
	[HCALL_SBI_RFENCE_REMOTE_SFENCE_VMA_ASID] = HV_ENTRY(
		SBI_RFENCE, REMOTE_SFENCE_VMA_ASID, remote_sfence_vma_asid, HV_PERM_INFO),
	[HCALL_SBI_RFENCE_REMOTE_HFENCE_GVMA_VMID] = HV_ENTRY(
		SBI_RFENCE, REMOTE_HFENCE_GVMA_VMID, remote_hfence, HV_PERM_INFO),
	[HCALL_SBI_RFENCE_REMOTE_HFENCE_GVMA] =
		HV_ENTRY(SBI_RFENCE, REMOTE_HFENCE_GVMA, remote_hfence, HV_PERM_INFO),
	[HCALL_SBI_RFENCE_REMOTE_HFENCE_VVMA_ASID] = HV_ENTRY(
		SBI_RFENCE, REMOTE_HFENCE_VVMA_ASID, remote_hfence, HV_PERM_INFO),
	[HCALL_SBI_RFENCE_REMOTE_HFENCE_VVMA] =
		HV_ENTRY(SBI_RFENCE, REMOTE_HFENCE_VVMA, remote_hfence, HV_PERM_INFO),
};

/* ---- DBCN ---------------------------------------------------------------- */

/*
 * The guest buffer of a console call: [lo, lo + n) with hi = 0, inside
 * one region of the VM with `access`; n capped at one chunk. 0 or
 * SBI_ERR_INVALID_PARAM.
 */
static int64_t console_buffer(struct hv_call *c, unsigned access, uint64_t *n)
{
	uint64_t len = c->arg[0], lo = c->arg[1], hi = c->arg[2];

	if (len > HV_SBI_CONSOLE_CHUNK)
		len = HV_SBI_CONSOLE_CHUNK;
	if (hi != 0 || (len && !hv_guest_range(c->vm, lo, len, access)))
		return SBI_ERR_INVALID_PARAM;
	*n = len;
	return 0;
}

static void console_write(struct hv_call *c)
{
	char buf[HV_SBI_CONSOLE_CHUNK];
	uint64_t n = 0;
	int64_t st = console_buffer(c, HV_MEM_READ, &n);

	if (!st && n && hv_copy_from_guest(c->vm, buf, c->arg[1], n))
		st = SBI_ERR_INVALID_PARAM;
	if (st) {
		hv_call_status(c, st);
		return;
	}
	if (n)
		glue.console_write(buf, (unsigned)n);
	hv_call_ok(c, n);
}

static void console_read(struct hv_call *c)
{
	uint64_t n = 0;
	int64_t st = console_buffer(c, HV_MEM_WRITE, &n);

	if (st)
		hv_call_status(c, st);
	else
		hv_call_ok(c, 0); /* no console input */
}

static void console_write_byte(struct hv_call *c)
{
	char b = (char)(uint8_t)c->arg[0];

	glue.console_write(&b, 1);
	hv_call_status(c, 0);
}

#define DBCN_N (HCALL_SBI_DBCN_CONSOLE_WRITE_BYTE + 1u)

static const struct hv_entry dbcn_table[DBCN_N] = {
	[HCALL_SBI_DBCN_CONSOLE_WRITE] =
		HV_ENTRY(SBI_DBCN, CONSOLE_WRITE, console_write, HV_PERM_INFO),
	[HCALL_SBI_DBCN_CONSOLE_READ] =
		HV_ENTRY(SBI_DBCN, CONSOLE_READ, console_read, HV_PERM_INFO),
	[HCALL_SBI_DBCN_CONSOLE_WRITE_BYTE] =
		HV_ENTRY(SBI_DBCN, CONSOLE_WRITE_BYTE, console_write_byte, HV_PERM_INFO),
};

/* ---- SUSP ------------------------------------------------------------------ */

static void system_suspend(struct hv_call *c)
{
	uint32_t type = (uint32_t)c->arg[0];

	if (c->arg[0] > 0xFFFFFFFFu ||
	    (type > HCALL_SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM &&
	     type < HCALL_SBI_SUSP_SLEEP_TYPE_PLATFORM_START)) {
		hv_call_status(c, SBI_ERR_INVALID_PARAM);
		return;
	}
	if (type != HCALL_SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM) {
		hv_call_status(c, SBI_ERR_NOT_SUPPORTED);
		return;
	}
	if (hv_vcpu_others_on(c->vcpu)) {
		hv_call_status(c, SBI_ERR_DENIED);
		return;
	}
	resume_at(c, c->arg[1], c->arg[2]);
}

#define SUSP_N (HCALL_SBI_SUSP_SYSTEM_SUSPEND + 1u)

static const struct hv_entry susp_table[SUSP_N] = {
	[HCALL_SBI_SUSP_SYSTEM_SUSPEND] =
		HV_ENTRY(SBI_SUSP, SYSTEM_SUSPEND, system_suspend, HV_PERM_INFO),
};

/* ---- legacy (v0.1): a7 = EID, result in a0 only ------------------------- */

static void legacy_set_timer(struct hv_call *c)
{
	glue.set_timer(c->vcpu, c->arg[0]);
	hv_call_status(c, 0);
}

static void legacy_putchar(struct hv_call *c)
{
	char b = (char)(uint8_t)c->arg[0];

	glue.console_write(&b, 1);
	hv_call_status(c, 0);
}

static void legacy_getchar(struct hv_call *c)
{
	hv_call_status(c, -1); /* no console input */
}

static void legacy_clear_ipi(struct hv_call *c)
{
	glue.clear_ipi(c->vcpu);
	hv_call_status(c, 0);
}

/*
 * A legacy hart mask: a0 is the virtual address of one unsigned long
 * (bit i = hart i), 0 meaning every hart. 0 and the vCPU set, or an SBI
 * error: INVALID_ADDRESS when the address does not read, INVALID_PARAM
 * when it names a hart the VM does not have.
 */
static int64_t legacy_mask(struct hv_call *c, uint64_t *set)
{
	uint64_t mask;
	int64_t s;

	if (c->arg[0] == 0) {
		s = hart_set(c, 0, HCALL_SBI_HART_MASK_BASE_ALL);
	} else {
		if (glue.read_guest_ulong(c->vcpu, c->arg[0], &mask))
			return SBI_ERR_INVALID_ADDRESS;
		s = hart_set(c, mask, 0);
	}
	if (s < 0)
		return SBI_ERR_INVALID_PARAM;
	*set = (uint64_t)s;
	return 0;
}

static void legacy_send_ipi(struct hv_call *c)
{
	uint64_t set = 0;
	int64_t st = legacy_mask(c, &set);
	unsigned i;

	if (!st)
		for (i = 0; i < c->vm->nvcpus; i++)
			if ((set >> i) & 1u)
				c->hv->ops->upcall(&c->vm->vcpus[i], 0);
	hv_call_status(c, st);
}

static void legacy_fence(struct hv_call *c, enum hv_sbi_fence kind, uint64_t start,
			 uint64_t size, uint64_t asid)
{
	uint64_t set = 0;
	int64_t st = legacy_mask(c, &set);

	if (!st && set)
		glue.fence(c->vcpu, set, kind, start, size, asid);
	hv_call_status(c, st);
}

static void legacy_fence_i(struct hv_call *c)
{
	legacy_fence(c, HV_SBI_FENCE_I, 0, 0, 0);
}

static void legacy_sfence_vma(struct hv_call *c)
{
	legacy_fence(c, HV_SBI_FENCE_VMA, c->arg[1], c->arg[2], 0);
}

static void legacy_sfence_vma_asid(struct hv_call *c)
{
	legacy_fence(c, HV_SBI_FENCE_VMA_ASID, c->arg[1], c->arg[2], c->arg[3]);
}

static void legacy_shutdown(struct hv_call *c)
{
	reset(c, HCALL_SBI_SRST_TYPE_SHUTDOWN, HCALL_SBI_SRST_REASON_NONE);
}

#define LEGACY_N (HCALL_SBI_LEGACY_SHUTDOWN + 1u)

static const struct hv_entry legacy_table[LEGACY_N] = {
	[HCALL_SBI_LEGACY_SET_TIMER] =
		HV_ENTRY(SBI_LEGACY, SET_TIMER, legacy_set_timer, HV_PERM_INFO),
	[HCALL_SBI_LEGACY_CONSOLE_PUTCHAR] =
		HV_ENTRY(SBI_LEGACY, CONSOLE_PUTCHAR, legacy_putchar, HV_PERM_INFO),
	[HCALL_SBI_LEGACY_CONSOLE_GETCHAR] =
		HV_ENTRY(SBI_LEGACY, CONSOLE_GETCHAR, legacy_getchar, HV_PERM_INFO),
	[HCALL_SBI_LEGACY_CLEAR_IPI] =
		HV_ENTRY(SBI_LEGACY, CLEAR_IPI, legacy_clear_ipi, HV_PERM_INFO),
	[HCALL_SBI_LEGACY_SEND_IPI] =
		HV_ENTRY(SBI_LEGACY, SEND_IPI, legacy_send_ipi, HV_PERM_INFO),
	[HCALL_SBI_LEGACY_REMOTE_FENCE_I] =
		HV_ENTRY(SBI_LEGACY, REMOTE_FENCE_I, legacy_fence_i, HV_PERM_INFO),
	[HCALL_SBI_LEGACY_REMOTE_SFENCE_VMA] =
		HV_ENTRY(SBI_LEGACY, REMOTE_SFENCE_VMA, legacy_sfence_vma, HV_PERM_INFO),
	[HCALL_SBI_LEGACY_REMOTE_SFENCE_VMA_ASID] = HV_ENTRY(
		SBI_LEGACY, REMOTE_SFENCE_VMA_ASID, legacy_sfence_vma_asid, HV_PERM_INFO),
	[HCALL_SBI_LEGACY_SHUTDOWN] =
		HV_ENTRY(SBI_LEGACY, SHUTDOWN, legacy_shutdown, HV_PERM_INFO),
};

static inline __attribute__((always_inline)) int legacy_present(uint64_t eid)
{
	switch (eid) {
	case HCALL_SBI_LEGACY_SET_TIMER:
		return glue.set_timer != NULL;
	case HCALL_SBI_LEGACY_CONSOLE_PUTCHAR:
		return glue.console_write != NULL;
	case HCALL_SBI_LEGACY_CONSOLE_GETCHAR:
	case HCALL_SBI_LEGACY_SHUTDOWN:
		return 1;
	case HCALL_SBI_LEGACY_CLEAR_IPI:
		return glue.clear_ipi != NULL;
	case HCALL_SBI_LEGACY_SEND_IPI:
		return glue.read_guest_ulong != NULL;
	case HCALL_SBI_LEGACY_REMOTE_FENCE_I:
	case HCALL_SBI_LEGACY_REMOTE_SFENCE_VMA:
	case HCALL_SBI_LEGACY_REMOTE_SFENCE_VMA_ASID:
		return glue.read_guest_ulong && glue.fence;
	default:
		return 0;
	}
}

/* The legacy convention's calls arrive as (0, EID): its a7 is the
 * number. */
static inline __attribute__((always_inline)) const struct hv_entry *legacy_lookup(uint64_t eid)
{
	return legacy_present(eid) ? hv_entry_at(legacy_table, LEGACY_N, eid, eid) : NULL;
}

/* Inlined in the dispatcher. */
static inline __attribute__((always_inline)) const struct hv_entry *lookup(uint64_t eid,
									  uint64_t fid)
{
	/* The base extension first: the calls every kernel makes (the hint
	 * keeps a compiler from folding the test into the switch). */
	if (__builtin_expect(eid == HCALL_SBI_BASE_EID, 1))
		return hv_entry_in(base_table, BASE_N, fid);
	switch (eid) {
	case HCALL_SBI_SRST_EID:
		return hv_entry_at(srst_table, SRST_N, fid, fid);
	case HCALL_SBI_HSM_EID:
		return hv_entry_at(hsm_table, HSM_N, fid, fid);
	case HCALL_SBI_IPI_EID:
		return hv_entry_at(ipi_table, IPI_N, fid, fid);
	case HCALL_SBI_TIME_EID:
		return glue.set_timer ? hv_entry_at(time_table, TIME_N, fid, fid) : NULL;
	case HCALL_SBI_RFENCE_EID:
		return glue.fence ? hv_entry_at(rfence_table, RFENCE_N, fid, fid) : NULL;
	case HCALL_SBI_DBCN_EID:
		return glue.console_write ? hv_entry_at(dbcn_table, DBCN_N, fid, fid)
					  : NULL;
	case HCALL_SBI_SUSP_EID:
		return glue.restart ? hv_entry_at(susp_table, SUSP_N, fid, fid) : NULL;
	case 0:
		return legacy_lookup(fid);
	default:
		return NULL;
	}
}

static const struct hcall_conv_desc conv = HCALL_SBI_BASE_CONV_RISCV;
/* The legacy calls, selected by a7 below the first EID past them (a
 * more specific match than the extensions': one comparison for all nine,
 * which the table then tells apart), so only a0 is written back. */
static const struct hcall_conv_desc legacy_conv = HCALL_SBI_LEGACY_CONV_EID_RISCV(LEGACY_N);

/* SBI is the riscv answer to every ecall no other ABI of the VM claims:
 * a VM without SBI still gets SBI's NOT_SUPPORTED. */
static const struct hv_conv convs[] = {
	{ &legacy_conv, HV_CONV_SELECTOR_BELOW | HV_CONV_EVERY_VM },
	{ &conv, HV_CONV_EXTENSION | HV_CONV_EVERY_VM },
};

/* The service's dispatcher, instantiated over its constant description. */
static enum hv_action dispatch(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r)
{
	return hv_dispatch(hv, vcpu, r, &hv_service_sbi, lookup);
}

const struct hv_service hv_service_sbi = {
	.name = "sbi",
	.abi = HV_ABI_SBI,
	.convs = convs,
	.nconvs = sizeof(convs) / sizeof(convs[0]),
	.lookup = lookup,
	.dispatch = dispatch,
	.nr_mask = ~0ull,
	.errs = { SBI_ERR_NOT_SUPPORTED, SBI_ERR_NOT_SUPPORTED, SBI_ERR_INVALID_PARAM,
		  SBI_ERR_INVALID_ADDRESS },
	.probe = { HCALL_PROBE_SBI_EID, HCALL_PROBE_SBI_FID_ECHO, HCALL_PROBE_SBI_FID_DUMP },
};
