/* SPDX-License-Identifier: MIT */
/*
 * The fuzzer's deliberate seeds: inputs for fuzz_dispatch.c, in the input
 * layout described at the top of that file, written to a directory.
 *
 *   seeds DIR
 *
 * Two kinds:
 *   - one input per call handler of every service (seed-call-*): for each
 *     architecture, convention and ABI table of that convention, the
 *     first table call the service's own lookup maps to a handler not yet
 *     seeded; a VM with that ABI alone and the call's permission class
 *     makes it, every argument register 0. A handler added to a table gets
 *     its seed here with no change to this file.
 *   - scenarios (seed-flow-*) that take the structures calls read by
 *     pointer through guest memory, in an order that gets past the state
 *     checks: ACRN's Service VM creating, configuring and running a VM,
 *     Trusty, an hvisor zone, a Jailhouse cell, SBI's HSM, console and
 *     legacy hart masks, PSCI's CPU_ON, KVM's memory sharing.
 * The fuzz suite's corpus test replays tests/fuzz/corpus (these seeds
 * and the fuzzer's own minimised finds) and wants every handler reached.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hcall/abi/acrn.h>
#include <hcall/abi/hvisor.h>
#include <hcall/abi/jailhouse.h>
#include <hcall/abi/kvm_arm64.h>
#include <hcall/abi/kvm_arm64_android.h>
#include <hcall/abi/psci.h>
#include <hcall/abi/sbi.h>
#include <hcall/describe.h>

#include "hv.h"
#include "sbi_glue.h"
#include "service.h"
#include "table_conv.h"

/* ---- the input layout (fuzz_dispatch.c) ------------------------------------ */

struct seed {
	uint8_t b[16384];
	size_t n;
};

static void put(struct seed *s, uint64_t v, unsigned bytes)
{
	while (bytes--) {
		if (s->n >= sizeof(s->b)) {
			fprintf(stderr, "seeds: an input outgrew its buffer\n");
			exit(1);
		}
		s->b[s->n++] = (uint8_t)(v >> (8 * bytes));
	}
}

static void bytes(struct seed *s, const void *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put(s, ((const uint8_t *)p)[i], 1);
}

/* Values: a raw 64-bit number (kind 2), or this trap's payload address
 * (kind 5). */
#define PAYLOAD (~0ull - 1) /* stands for the payload's address */

static void value(struct seed *s, uint64_t v)
{
	if (v == PAYLOAD) {
		put(s, 5, 1);
		return;
	}
	put(s, 2, 1);
	put(s, v, 8);
}

static unsigned arch_index(enum hcall_arch a)
{
	return a == HCALL_ARCH_ARM64 ? 0 : a == HCALL_ARCH_RISCV64 ? 1 : 2;
}

/* The glue byte: 0 = every hook present. */
#define GLUE_START_FAILS 0xCu /* no VM but the first starts */

static void header_glue(struct seed *s, enum hcall_arch arch, unsigned nvms, unsigned glue)
{
	s->n = 0;
	put(s, arch_index(arch), 1);
	put(s, glue, 1);
	put(s, nvms - 1, 1);
}

static void header(struct seed *s, enum hcall_arch arch, unsigned nvms)
{
	header_glue(s, arch, nvms, 0);
}

/* Guest-physical base of region r of the n-th VM (fuzz_dispatch.c). */
static uint64_t region_gpa(unsigned n, unsigned r)
{
	return 0x40000000ull * (r + 1) + 0x100000ull * n;
}

#define REGION_SIZE 0x4000u

/* A VM with one ABI, two 16 KiB regions (read, write, execute), the role's
 * default permissions; uuid: ACRN's name byte is set (1 + n). */
static void vm(struct seed *s, enum hv_role role, enum hv_abi abi, unsigned nvcpus,
	       int start, int uuid)
{
	put(s, role, 1);
	put(s, ((unsigned)abi << 2) | 1, 1);
	put(s, 0, 1);           /* caps */
	put(s, 0, 1);           /* perms: the role's */
	put(s, nvcpus - 1, 1);
	put(s, 1, 1);           /* two regions */
	put(s, start ? 1 : 0, 1);
	put(s, uuid ? 1 : 0, 1);
	for (unsigned r = 0; r < 2; r++) {
		put(s, 2, 1);   /* 16 KiB */
		put(s, 0, 1);   /* no bytes */
		put(s, 0, 1);   /* at the base */
		put(s, 7, 1);   /* RWX */
	}
	put(s, 0, 1);           /* nothing registered */
}

struct reg {
	unsigned r;
	uint64_t v;
};

/* Indexes of <hcall/regs.h>. */
enum { X0 = 0, A0 = 10, A1, A2, A3, A4, A5, A6, A7 };
enum { RAX = 0, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8 };

static const enum hcall_trap trap_order[] = { HCALL_TRAP_HVC,   HCALL_TRAP_SMC,
					      HCALL_TRAP_ECALL, HCALL_TRAP_VMCALL,
					      HCALL_TRAP_VMMCALL };

static unsigned trap_index(enum hcall_trap t)
{
	for (unsigned i = 0; i < 5; i++)
		if (trap_order[i] == t)
			return i;
	return 5;
}

/* An explicit trap by vCPU `cpu` of VM n, after `len` bytes of `pay` at
 * `off` in its region `region` (len 0: no payload). */
static void trap_at(struct seed *s, unsigned n, unsigned cpu, const void *pay,
		    size_t len, unsigned region, uint64_t off, enum hcall_trap t,
		    uint32_t imm, const struct reg *regs, unsigned nregs)
{
	put(s, n, 1);
	put(s, cpu, 1);
	put(s, 1, 1); /* guest kernel */
	if (len) {
		put(s, 1, 1);
		put(s, region, 1);
		put(s, off >> 3, 2);
		put(s, len, 2);
		bytes(s, pay, len);
	} else {
		put(s, 0, 1);
	}
	put(s, 13, 1); /* explicit */
	put(s, trap_index(t), 1);
	put(s, imm, 4);
	put(s, nregs, 1);
	for (unsigned i = 0; i < nregs; i++) {
		put(s, regs[i].r, 1);
		value(s, regs[i].v);
	}
}

static void trap(struct seed *s, unsigned n, unsigned cpu, const void *pay, size_t len,
		 enum hcall_trap t, uint32_t imm, const struct reg *regs, unsigned nregs)
{
	trap_at(s, n, cpu, pay, len, 0, 0, t, imm, regs, nregs);
}

/* A glue event for vCPU cpu of VM n: kind and its bytes (fuzz_dispatch.c). */
static void glue_event(struct seed *s, unsigned n, unsigned cpu, unsigned kind)
{
	put(s, n, 1);
	put(s, cpu, 1);
	put(s, 1, 1);
	put(s, 0, 1);
	put(s, 15, 1);
	put(s, kind, 1);
}

static const char *dir;
static unsigned written;

static void save(const struct seed *s, const char *kind, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/seed-%s-%s", dir, kind, name);
	f = fopen(path, "wb");
	if (!f || fwrite(s->b, 1, s->n, f) != s->n || fclose(f)) {
		perror(path);
		exit(1);
	}
	written++;
}

/* ---- one input per handler ---------------------------------------------------- */

static hv_call_fn seeded[512];
static unsigned nseeded;

static int seen(hv_call_fn fn)
{
	for (unsigned i = 0; i < nseeded; i++)
		if (seeded[i] == fn)
			return 1;
	return 0;
}

static void call_seed(enum hv_abi abi, const struct hv_conv *conv,
		      const struct hcall_abi_desc *table, const struct hcall_call_desc *call,
		      uint64_t ext, const struct hv_entry *e)
{
	const struct hcall_conv_desc *d = conv->desc;
	struct reg regs[HCALL_MAX_CONV_REGS + 2];
	unsigned nregs = 0;
	struct seed s;
	char name[256];

	header(&s, (enum hcall_arch)d->arch, 1);
	vm(&s, e->perm == HV_PERM_TRUSTY ? HV_ROLE_TRUSTY : HV_ROLE_SERVICE, abi, 2, 1, 0);
	for (unsigned i = 0; i < d->nargs && i < HCALL_MAX_CONV_REGS; i++)
		regs[nregs++] = (struct reg){ d->arg_regs[i], 0 };
	regs[nregs++] = (struct reg){ d->nr_reg, call->number };
	/* A selector in the number register is the number, unless it must
	 * equal one value. */
	if (d->sel_reg != HCALL_REG_NONE &&
	    (d->sel_reg != d->nr_reg || (conv->flags & HV_CONV_SELECTOR)))
		regs[nregs++] = (struct reg){ d->sel_reg,
					      (conv->flags & HV_CONV_SELECTOR) ? d->sel_value : ext };
	trap(&s, 0, 0, NULL, 0, (enum hcall_trap)d->trap, d->imm, regs, nregs);
	snprintf(name, sizeof(name), "%s-%s-%s", hv_services[abi]->name, table->name,
		 call->name);
	save(&s, "call", name);
}

static void handler_seeds(void)
{
	for (unsigned abi = 0; abi < HV_ABI_COUNT; abi++) {
		const struct hv_service *svc = hv_services[abi];

		for (unsigned k = 0; k < svc->nconvs; k++) {
			const struct hv_conv *conv = &svc->convs[k];
			const struct hcall_conv_desc *d = conv->desc;

			if (conv->flags & HV_CONV_REFUSE)
				continue;
			/* The service's own table first, then the others of
			 * the same trap (numbers they share with it). */
			for (unsigned o = 0; o < 2 * HCALL_ABI_COUNT; o++) {
				const struct hcall_abi_desc *t = &hcall_abis[o % HCALL_ABI_COUNT];
				int own = !strcmp(t->name, svc->name);
				const struct hcall_conv_desc *tc = table_conv(t, d);
				uint64_t ext = 0;

				if (!tc || own != (o < HCALL_ABI_COUNT))
					continue;
				if ((conv->flags & HV_CONV_EXTENSION) && tc->sel_reg != HCALL_REG_NONE)
					ext = tc->sel_value;
				for (unsigned i = 0; i < t->ncalls; i++) {
					uint64_t nr = t->calls[i].number;
					const struct hv_entry *e;

					/* A selector that is the number register
					 * (SBI's legacy calls) answers one number. */
					if ((conv->flags & HV_CONV_SELECTOR) && d->sel_reg == d->nr_reg &&
					    nr != d->sel_value)
						continue;
					if ((nr & svc->nr_mask) != nr)
						continue;
					e = svc->lookup((conv->flags & HV_CONV_EXTENSION) ? ext : 0, nr);
					if (!e || seen(e->fn) || nseeded >= 512)
						continue;
					seeded[nseeded++] = e->fn;
					call_seed((enum hv_abi)abi, conv, t, &t->calls[i], ext, e);
				}
			}
		}
	}
}

/* ---- scenarios ------------------------------------------------------------------- */

/* ACRN: the Service VM (VM 0) creates VM 1 (defined by its name), gives
 * it registers and a request buffer, starts it, serves one of its port
 * reads, injects an MSI, translates an address, pauses, resets and
 * destroys it. */
static void flow_acrn(void)
{
	struct seed s;
	struct hcall_acrn_vm_creation cv = { 0 };
	struct hcall_acrn_vcpu_regs vr = { 0 };
	struct hcall_acrn_msi_entry msi = { 0xFEE00000u, 0x41 };
	struct hcall_acrn_vm_gpa2hpa q = { region_gpa(1, 0) + 0x10, 0 };
	uint64_t page = region_gpa(0, 1);
	const enum hcall_trap T = HCALL_TRAP_VMCALL;

	header(&s, HCALL_ARCH_X86_64, 2);
	vm(&s, HV_ROLE_SERVICE, HV_ABI_ACRN, 1, 1, 0);
	vm(&s, HV_ROLE_NORMAL, HV_ABI_ACRN, 2, 0, 1);
	cv.name[0] = 2; /* VM 1's name byte */
	trap(&s, 0, 0, NULL, 0, T, 0,
	     (struct reg[]){ { R8, HCALL_ACRN_GET_API_VERSION }, { RDI, region_gpa(0, 0) } }, 2);
	trap(&s, 0, 0, NULL, 0, T, 0,
	     (struct reg[]){ { R8, HCALL_ACRN_SET_CALLBACK_VECTOR }, { RDI, 0xF3 } }, 2);
	trap(&s, 0, 0, &cv, sizeof(cv), T, 0,
	     (struct reg[]){ { R8, HCALL_ACRN_CREATE_VM }, { RDI, PAYLOAD } }, 2);
	vr.vcpu_regs.gprs.rdx = 0x1234;
	trap(&s, 0, 0, &vr, sizeof(vr), T, 0,
	     (struct reg[]){ { R8, HCALL_ACRN_SET_VCPU_REGS }, { RDI, 1 }, { RSI, PAYLOAD } }, 3);
	trap(&s, 0, 0, &page, sizeof(page), T, 0,
	     (struct reg[]){ { R8, HCALL_ACRN_SET_IOREQ_BUFFER }, { RDI, 1 }, { RSI, PAYLOAD } },
	     3);
	trap(&s, 0, 0, NULL, 0, T, 0, (struct reg[]){ { R8, HCALL_ACRN_START_VM }, { RDI, 1 } },
	     2);
	/* VM 1's vCPU 0 reads port 0x3F8; the Service VM completes it. */
	glue_event(&s, 1, 0, 0);
	put(&s, 0x3F8, 2);
	put(&s, 0, 1); /* 1 byte */
	put(&s, 1, 1); /* in */
	value(&s, 0);
	{
		uint32_t done = HCALL_ACRN_IOREQ_STATE_COMPLETE;

		trap_at(&s, 0, 0, &done, sizeof(done), 1,
			offsetof(struct hcall_acrn_io_request, processed), T, 0,
			(struct reg[]){ { R8, HCALL_ACRN_NOTIFY_REQUEST_FINISH },
					{ RDI, 1 },
					{ RSI, 0 } },
			3);
	}
	glue_event(&s, 1, 0, 1);
	trap(&s, 0, 0, &msi, sizeof(msi), T, 0,
	     (struct reg[]){ { R8, HCALL_ACRN_INJECT_MSI }, { RDI, 1 }, { RSI, PAYLOAD } }, 3);
	trap(&s, 0, 0, &q, sizeof(q), T, 0,
	     (struct reg[]){ { R8, HCALL_ACRN_VM_GPA2HPA }, { RDI, 1 }, { RSI, PAYLOAD } }, 3);
	trap(&s, 0, 0, NULL, 0, T, 0, (struct reg[]){ { R8, HCALL_ACRN_PAUSE_VM }, { RDI, 1 } },
	     2);
	trap(&s, 0, 0, NULL, 0, T, 0, (struct reg[]){ { R8, HCALL_ACRN_RESET_VM }, { RDI, 1 } },
	     2);
	trap(&s, 0, 0, NULL, 0, T, 0,
	     (struct reg[]){ { R8, HCALL_ACRN_DESTROY_VM }, { RDI, 1 } }, 2);
	save(&s, "flow", "acrn-service-vm");
}

/* ACRN Trusty: a Trusty VM sets up its secure world, switches into it
 * and back, and asks for the context save. */
static void flow_trusty(void)
{
	struct seed s;
	struct hcall_acrn_trusty_boot_param bp = { 0 };
	const enum hcall_trap T = HCALL_TRAP_VMCALL;

	bp.size_of_this_struct = sizeof(bp);
	bp.version = HCALL_ACRN_TRUSTY_VERSION;
	bp.base_addr = (uint32_t)region_gpa(0, 1);
	bp.entry_point = (uint32_t)region_gpa(0, 1) + 0x100;
	bp.mem_size = 0x2000;
	header(&s, HCALL_ARCH_X86_64, 1);
	vm(&s, HV_ROLE_TRUSTY, HV_ABI_ACRN, 1, 1, 0);
	trap(&s, 0, 0, &bp, sizeof(bp), T, 0,
	     (struct reg[]){ { R8, HCALL_ACRN_INITIALIZE_TRUSTY }, { RDI, PAYLOAD }, { RSI, 0 } },
	     3);
	trap(&s, 0, 0, NULL, 0, T, 0, (struct reg[]){ { R8, HCALL_ACRN_WORLD_SWITCH } }, 1);
	trap(&s, 0, 0, NULL, 0, T, 0,
	     (struct reg[]){ { R8, HCALL_ACRN_SAVE_RESTORE_SWORLD_CTX } }, 1);
	trap(&s, 0, 0, NULL, 0, T, 0, (struct reg[]){ { R8, HCALL_ACRN_WORLD_SWITCH } }, 1);
	save(&s, "flow", "acrn-trusty");
}

/* hvisor on arm64: the root zone starts zone 1 from a config in its
 * memory, lists the zones, and shuts zone 1 down; or the glue cannot
 * start the zone, which must come back as it was. */
static void flow_hvisor(unsigned glue)
{
	struct seed s;
	struct hcall_hvisor_zone_config_arm64 z;
	const uint32_t imm = HCALL_HVISOR_ARM64_IMM;

	memset(&z, 0, sizeof(z));
	z.zone_id = 1;
	z.cpus = 0x2;
	z.num_memory_regions = 1;
	z.memory_regions[0].type = HCALL_HVISOR_MEM_TYPE_RAM;
	z.memory_regions[0].physical_start = region_gpa(0, 1);
	z.memory_regions[0].virtual_start = 0x80000000ull;
	z.memory_regions[0].size = 0x2000;
	z.entry_point = 0x80000000ull;
	z.kernel_load_paddr = region_gpa(0, 1);
	z.kernel_size = 0x100;
	memcpy(z.name, "zone1", 6);
	z.arch_config.gic_version_tag = HCALL_HVISOR_GIC_V3;
	header_glue(&s, HCALL_ARCH_ARM64, 2, glue);
	vm(&s, HV_ROLE_SERVICE, HV_ABI_HVISOR, 1, 1, 0);
	vm(&s, HV_ROLE_NORMAL, HV_ABI_HVISOR, 1, 0, 0);
	trap(&s, 0, 0, &z, sizeof(z), HCALL_TRAP_HVC, imm,
	     (struct reg[]){ { X0, HCALL_HVISOR_ZONE_START }, { 1, PAYLOAD }, { 2, sizeof(z) } },
	     3);
	trap(&s, 0, 0, NULL, 0, HCALL_TRAP_HVC, imm,
	     (struct reg[]){ { X0, HCALL_HVISOR_ZONE_LIST }, { 1, region_gpa(0, 0) }, { 2, 4 } },
	     3);
	trap(&s, 1, 0, NULL, 0, HCALL_TRAP_HVC, imm,
	     (struct reg[]){ { X0, HCALL_HVISOR_IVC_INFO }, { 1, 0x80000000ull } }, 2);
	trap(&s, 0, 0, NULL, 0, HCALL_TRAP_HVC, imm,
	     (struct reg[]){ { X0, HCALL_HVISOR_ZONE_SHUTDOWN }, { 1, 1 } }, 2);
	save(&s, "flow", glue ? "hvisor-zone-start-fails" : "hvisor-zone");
}

/* Jailhouse on arm64: the root cell creates, starts, makes loadable and
 * destroys cell 1 from a descriptor in its memory. */
static void flow_jailhouse(void)
{
	struct seed s;
	struct hcall_jailhouse_cell_desc d;
	const uint32_t imm = 0x4a48;

	memset(&d, 0, sizeof(d));
	memcpy(d.signature, HCALL_JAILHOUSE_CELL_DESC_SIGNATURE, sizeof(d.signature));
	d.revision = HCALL_JAILHOUSE_CONFIG_REVISION;
	memcpy(d.name, "fuzz", 5); /* the harness names every VM so */
	d.id = 1;
	header(&s, HCALL_ARCH_ARM64, 2);
	vm(&s, HV_ROLE_SERVICE, HV_ABI_JAILHOUSE, 1, 1, 0);
	vm(&s, HV_ROLE_NORMAL, HV_ABI_JAILHOUSE, 1, 0, 0);
	trap(&s, 0, 0, &d, sizeof(d), HCALL_TRAP_HVC, imm,
	     (struct reg[]){ { X0, HCALL_JAILHOUSE_CELL_CREATE }, { 1, PAYLOAD } }, 2);
	trap(&s, 0, 0, NULL, 0, HCALL_TRAP_HVC, imm,
	     (struct reg[]){ { X0, HCALL_JAILHOUSE_CELL_START }, { 1, 1 } }, 2);
	trap(&s, 0, 0, NULL, 0, HCALL_TRAP_HVC, imm,
	     (struct reg[]){ { X0, HCALL_JAILHOUSE_CELL_GET_STATE }, { 1, 1 } }, 2);
	trap(&s, 0, 0, NULL, 0, HCALL_TRAP_HVC, imm,
	     (struct reg[]){ { X0, HCALL_JAILHOUSE_CELL_SET_LOADABLE }, { 1, 1 } }, 2);
	trap(&s, 0, 0, NULL, 0, HCALL_TRAP_HVC, imm,
	     (struct reg[]){ { X0, HCALL_JAILHOUSE_CELL_DESTROY }, { 1, 1 } }, 2);
	save(&s, "flow", "jailhouse-cell");
}

/* SBI: hart 0 starts hart 1, which stops; a console write from a buffer,
 * legacy IPIs and fences through a hart mask in memory, a suspend. */
static void flow_sbi(void)
{
	struct seed s;
	static const char text[] = "hcall fuzz seed\n";
	const uint64_t mask = 0x3, entry = region_gpa(0, 0) + 0x100;
	const enum hcall_trap T = HCALL_TRAP_ECALL;

	header(&s, HCALL_ARCH_RISCV64, 1);
	vm(&s, HV_ROLE_SERVICE, HV_ABI_SBI, 2, 1, 0);
	trap(&s, 0, 0, NULL, 0, T, 0,
	     (struct reg[]){ { A7, HCALL_SBI_HSM_EID },
			     { A6, HCALL_SBI_HSM_HART_START },
			     { A0, 1 },
			     { A1, entry },
			     { A2, 7 } },
	     5);
	trap(&s, 0, 0, NULL, 0, T, 0,
	     (struct reg[]){ { A7, HCALL_SBI_HSM_EID },
			     { A6, HCALL_SBI_HSM_HART_GET_STATUS },
			     { A0, 1 } },
	     3);
	trap(&s, 0, 0, text, sizeof(text) - 1, T, 0,
	     (struct reg[]){ { A7, HCALL_SBI_DBCN_EID },
			     { A6, HCALL_SBI_DBCN_CONSOLE_WRITE },
			     { A0, sizeof(text) - 1 },
			     { A1, PAYLOAD },
			     { A2, 0 } },
	     5);
	trap(&s, 0, 0, &mask, sizeof(mask), T, 0,
	     (struct reg[]){ { A7, HCALL_SBI_LEGACY_SEND_IPI }, { A0, PAYLOAD } }, 2);
	trap(&s, 0, 0, &mask, sizeof(mask), T, 0,
	     (struct reg[]){ { A7, HCALL_SBI_LEGACY_REMOTE_SFENCE_VMA },
			     { A0, PAYLOAD },
			     { A1, 0 },
			     { A2, 0x1000 } },
	     4);
	trap(&s, 0, 0, NULL, 0, T, 0,
	     (struct reg[]){ { A7, HCALL_SBI_RFENCE_EID },
			     { A6, HCALL_SBI_RFENCE_REMOTE_SFENCE_VMA_ASID },
			     { A0, 3 },
			     { A1, 0 },
			     { A2, 0 },
			     { A3, 0x1000 },
			     { A4, 1 } },
	     7);
	trap(&s, 0, 1, NULL, 0, T, 0,
	     (struct reg[]){ { A7, HCALL_SBI_HSM_EID }, { A6, HCALL_SBI_HSM_HART_STOP } }, 2);
	trap(&s, 0, 0, NULL, 0, T, 0,
	     (struct reg[]){ { A7, HCALL_SBI_SUSP_EID },
			     { A6, HCALL_SBI_SUSP_SYSTEM_SUSPEND },
			     { A0, 0 },
			     { A1, entry },
			     { A2, 9 } },
	     5);
	trap(&s, 0, 0, NULL, 0, T, 0,
	     (struct reg[]){ { A7, HCALL_SBI_HSM_EID },
			     { A6, HCALL_SBI_HSM_HART_SUSPEND },
			     { A0, HCALL_SBI_HSM_SUSPEND_NON_RET_DEFAULT },
			     { A1, entry },
			     { A2, 9 } },
	     5);
	save(&s, "flow", "sbi-harts-console");
}

/* PSCI and KVM's memory sharing on arm64: CPU 0 starts CPU 1, which asks
 * its state and goes off; a page is shared, unshared and relinquished. */
static void flow_psci(void)
{
	struct seed s;
	const uint64_t entry = region_gpa(0, 0) + 0x100, page = region_gpa(0, 1);

	header(&s, HCALL_ARCH_ARM64, 1);
	vm(&s, HV_ROLE_NORMAL, HV_ABI_SMCCC, 2, 1, 0);
	trap(&s, 0, 0, NULL, 0, HCALL_TRAP_HVC, 0,
	     (struct reg[]){ { X0, HCALL_PSCI_CPU_ON }, { 1, 1 }, { 2, entry }, { 3, 5 } }, 4);
	trap(&s, 0, 1, NULL, 0, HCALL_TRAP_HVC, 0,
	     (struct reg[]){ { X0, HCALL_PSCI_AFFINITY_INFO }, { 1, 0 }, { 2, 0 } }, 3);
	trap(&s, 0, 1, NULL, 0, HCALL_TRAP_SMC, 0, (struct reg[]){ { X0, HCALL_PSCI_CPU_OFF } },
	     1);
	trap(&s, 0, 0, NULL, 0, HCALL_TRAP_HVC, 0,
	     (struct reg[]){ { X0, HCALL_KVM_ARM64_MEM_SHARE }, { 1, page }, { 2, 0 }, { 3, 0 } },
	     4);
	trap(&s, 0, 0, NULL, 0, HCALL_TRAP_HVC, 0,
	     (struct reg[]){ { X0, HCALL_KVM_ARM64_MEM_UNSHARE }, { 1, page }, { 2, 0 }, { 3, 0 } },
	     4);
	trap(&s, 0, 0, NULL, 0, HCALL_TRAP_HVC, 0,
	     (struct reg[]){
		     { X0, HCALL_KVM_ARM64_ANDROID_MEM_RELINQUISH }, { 1, page }, { 2, 0 }, { 3, 0 } },
	     4);
	save(&s, "flow", "psci-memshare");
}

/* What the lookups answer needs the glue's hooks registered (SBI's TIME,
 * RFENCE, DBCN, SUSP and legacy calls); they are never called here. */
static void no_timer(struct hv_vcpu *v, uint64_t d)
{
	(void)v, (void)d;
}
static void no_fence(struct hv_vcpu *v, uint64_t t, enum hv_sbi_fence k, uint64_t a,
		     uint64_t b, uint64_t c)
{
	(void)v, (void)t, (void)k, (void)a, (void)b, (void)c;
}
static void no_write(const char *b, unsigned n)
{
	(void)b, (void)n;
}
static void no_vcpu(struct hv_vcpu *v)
{
	(void)v;
}
static int no_read(struct hv_vcpu *v, uint64_t va, uint64_t *x)
{
	(void)v, (void)va, (void)x;
	return -1;
}

int main(int argc, char **argv)
{
	static const struct hv_sbi_glue glue = { no_timer, no_fence, no_write,
						 no_vcpu,  no_vcpu,  no_read };

	if (argc != 2) {
		fprintf(stderr, "usage: seeds DIR\n");
		return 2;
	}
	dir = argv[1];
	hv_sbi_set_glue(&glue);
	handler_seeds();
	flow_acrn();
	flow_trusty();
	flow_hvisor(0);
	flow_hvisor(GLUE_START_FAILS);
	flow_jailhouse();
	flow_sbi();
	flow_psci();
	printf("seeds: %u inputs in %s (%u handlers, one input each, and scenarios)\n",
	       written, dir, nseeded);
	return 0;
}
