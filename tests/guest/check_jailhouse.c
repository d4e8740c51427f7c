/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_jailhouse.c - Jailhouse's hypercall ABI through the real
 * trap, as a cell sees it.
 *
 * Expected values written here from Jailhouse (siemens/jailhouse commit
 * e57d1eff6d55), independently of <hcall/abi/jailhouse.h>:
 *   arm64 hvc #0x4a48, x0 = code, x1 and x2 = arguments, x0 = result
 *   (include/arch/arm64/asm/jailhouse_hypercall.h); x86 VMCALL/VMMCALL,
 *   rax = code, rdi and rsi = arguments, rax = result
 *   (include/arch/x86/asm/jailhouse_hypercall.h); codes 0..8 and the
 *   information types (include/jailhouse/hypercall.h); -ENOSYS for an
 *   unknown code, -EINVAL for an unknown information type or CPU, -EPERM
 *   for management from a non-root cell or another cell's CPU, -ENOENT for
 *   a missing cell, -EINVAL for the root cell's own id
 *   (hypervisor/control.c); errno values from Linux.
 * Where hcall's hypervisors differ from Jailhouse by design (no memory
 * pools, no CPU statistics, no hand-back on DISABLE), the expected value
 * is hcall's documented answer (hv/svc_jailhouse.c) and the check says so.
 *
 * The image says which cell it is: GUEST_JAILHOUSE_CELL (its cell id, the
 * VM's slot) and GUEST_JAILHOUSE_ROOT (1 for the root cell). The root
 * cell of a system with other VMs (GUEST_CAP_VMS) also creates, starts,
 * shuts down and destroys GUEST_JAILHOUSE_GUEST_CELL, named
 * GUEST_JAILHOUSE_GUEST_NAME, which reports through guest_jailhouse_guest().
 */
#include <hcall/abi/probe.h>
#include <hcall/jailhouse.h>

#include "guest.h"
#include "tap.h"

#ifndef GUEST_JAILHOUSE_CELL
#error "check_jailhouse.c: build with -DGUEST_JAILHOUSE_CELL=<cell id> -DGUEST_JAILHOUSE_ROOT=<0|1>"
#endif

#define HC_DISABLE 0
#define HC_CELL_CREATE 1
#define HC_CELL_START 2
#define HC_CELL_SET_LOADABLE 3
#define HC_CELL_DESTROY 4
#define HC_GET_INFO 5
#define HC_CELL_GET_STATE 6
#define HC_CPU_GET_INFO 7
#define HC_PUTC 8
#define INFO_MEM_POOL_SIZE 0
#define INFO_REMAP_POOL_USED 3
#define INFO_NUM_CELLS 4
#define CPU_INFO_STATE 0
#define CPU_STAT_VMEXITS_HYPERCALL 1003
#define CELL_RUNNING 0
#define CELL_SHUT_DOWN 2
#define E_PERM ((uint64_t)-1)
#define E_NOENT ((uint64_t)-2)
#define E_INVAL ((uint64_t)-22)
#define E_NOSYS ((uint64_t)-38)
/* hcall numbers a cell's logical CPU n as vCPU n % 4 of VM n / 4. */
#define MY_CPU (GUEST_JAILHOUSE_CELL * 4u)

#if defined(__aarch64__)
#define CODE_REG 0
#define ARG0_REG 1
#define ARG1_REG 2
#else
#define CODE_REG 0 /* rax */
#define ARG0_REG 7 /* rdi */
#define ARG1_REG 6 /* rsi */
#endif

static struct hcall_regs frame __attribute__((aligned(16)));

static uint64_t jh(uint64_t code, uint64_t a0, uint64_t a1)
{
	return hcall_jailhouse_call(code, a0, a1);
}

static void roles(void)
{
	uint64_t r = jh(HCALL_PROBE_JAILHOUSE_ECHO, 0x1111, 0x2222);

	tap_eq("jailhouse: result register (x0 / rax)", r, HCALL_PROBE_PATTERN(0));
	r = jh(HCALL_PROBE_JAILHOUSE_DUMP, (uint64_t)(uintptr_t)&frame, 0);
	if (!tap_eq("jailhouse: probe DUMP returns 0", r, 0))
		return;
	tap_eq("jailhouse: code register (x0 / rax)", frame.r[CODE_REG],
	       HCALL_PROBE_JAILHOUSE_ECHO);
	tap_eq("jailhouse: first argument (x1 / rdi)", frame.r[ARG0_REG], 0x1111);
	tap_eq("jailhouse: second argument (x2 / rsi)", frame.r[ARG1_REG], 0x2222);
}

static void any_cell(void)
{
	const char *line = "# jailhouse: written through DEBUG_CONSOLE_PUTC\n";
	unsigned bad = 0;

	tap_eq("jailhouse: unknown code 9: -ENOSYS", jh(9, 0, 0), E_NOSYS);
	tap_eq("jailhouse: HYPERVISOR_GET_INFO(mem pool size): 0 pages (hcall allocates "
	       "nothing at run time)",
	       jh(HC_GET_INFO, INFO_MEM_POOL_SIZE, 0), 0);
	tap_eq("jailhouse: HYPERVISOR_GET_INFO(remap pool used): 0",
	       jh(HC_GET_INFO, INFO_REMAP_POOL_USED, 0), 0);
	tap_eq("jailhouse: HYPERVISOR_GET_INFO(5): -EINVAL", jh(HC_GET_INFO, 5, 0), E_INVAL);
	tap_eq("jailhouse: CPU_GET_INFO(own CPU, state): RUNNING (0)",
	       jh(HC_CPU_GET_INFO, MY_CPU, CPU_INFO_STATE), 0);
	tap_eq("jailhouse: CPU_GET_INFO(own CPU, hypercall exits): -EINVAL (hcall keeps no "
	       "statistics)",
	       jh(HC_CPU_GET_INFO, MY_CPU, CPU_STAT_VMEXITS_HYPERCALL), E_INVAL);
	tap_eq("jailhouse: CPU_GET_INFO(no such CPU): -EINVAL",
	       jh(HC_CPU_GET_INFO, 4096, CPU_INFO_STATE), E_INVAL);
	for (const char *p = line; *p; p++)
		bad += jh(HC_PUTC, (uint64_t)(unsigned char)*p, 0) != 0;
	tap_check(!bad, "jailhouse: DEBUG_CONSOLE_PUTC returns 0 for every character");
	guest_demo_value("jailhouse", "hypervisor_get_info(num_cells)",
			 (int64_t)jh(HC_GET_INFO, INFO_NUM_CELLS, 0));
}

#if GUEST_JAILHOUSE_ROOT
static struct hcall_jailhouse_cell_desc desc __attribute__((aligned(16)));

static void put_desc(const char *sig, uint16_t revision, const char *name, uint32_t id)
{
	unsigned i;

	for (i = 0; i < 5; i++)
		desc.signature[i] = sig[i];
	desc.revision = revision;
	for (i = 0; name[i] && i < sizeof(desc.name) - 1; i++)
		desc.name[i] = name[i];
	for (; i < sizeof(desc.name); i++)
		desc.name[i] = 0;
	desc.id = id;
}

static void root_cell(void)
{
	tap_eq("jailhouse root: HYPERVISOR_GET_INFO(num cells): 1",
	       jh(HC_GET_INFO, INFO_NUM_CELLS, 0), 1);
	tap_eq("jailhouse root: CELL_GET_STATE(own id): RUNNING",
	       jh(HC_CELL_GET_STATE, GUEST_JAILHOUSE_CELL, 0), CELL_RUNNING);
	tap_eq("jailhouse root: CELL_GET_STATE(7): -ENOENT", jh(HC_CELL_GET_STATE, 7, 0), E_NOENT);
	tap_eq("jailhouse root: CELL_START(own id): -EINVAL",
	       jh(HC_CELL_START, GUEST_JAILHOUSE_CELL, 0), E_INVAL);
	tap_eq("jailhouse root: CELL_DESTROY(7): -ENOENT", jh(HC_CELL_DESTROY, 7, 0), E_NOENT);
	tap_eq("jailhouse root: DISABLE without cells: -EPERM (hcall cannot hand the "
	       "machine back)",
	       jh(HC_DISABLE, 0, 0), E_PERM);
	put_desc("JHCLX", 14, "nobody", 7);
	tap_eq("jailhouse root: CELL_CREATE with a bad signature: -EINVAL",
	       jh(HC_CELL_CREATE, (uint64_t)(uintptr_t)&desc, 0), E_INVAL);
}

#ifdef GUEST_JAILHOUSE_GUEST_CELL
/* The guest cell's own answers, as it reports them (runtime). */
struct guest_jailhouse_report {
	uint64_t runs, get_state, cpu_own, cpu_root, num_cells;
};
const volatile struct guest_jailhouse_report *guest_jailhouse_guest(void);
void guest_jailhouse_yield(void);

static void guest_cell(void)
{
	const volatile struct guest_jailhouse_report *g = guest_jailhouse_guest();
	uint64_t runs = g->runs;

	put_desc("JHCLL", 13, GUEST_JAILHOUSE_GUEST_NAME, GUEST_JAILHOUSE_GUEST_CELL);
	tap_eq("jailhouse root: CELL_CREATE with revision 13: -EINVAL",
	       jh(HC_CELL_CREATE, (uint64_t)(uintptr_t)&desc, 0), E_INVAL);
	put_desc("JHCLL", 14, GUEST_JAILHOUSE_GUEST_NAME, GUEST_JAILHOUSE_GUEST_CELL);
	tap_eq("jailhouse root: CELL_CREATE", jh(HC_CELL_CREATE, (uint64_t)(uintptr_t)&desc, 0),
	       0);
	tap_eq("jailhouse root: CELL_CREATE again: -EEXIST",
	       jh(HC_CELL_CREATE, (uint64_t)(uintptr_t)&desc, 0), (uint64_t)-17);
	tap_eq("jailhouse root: num cells: 2", jh(HC_GET_INFO, INFO_NUM_CELLS, 0), 2);
	tap_eq("jailhouse root: a created cell is shut down",
	       jh(HC_CELL_GET_STATE, GUEST_JAILHOUSE_GUEST_CELL, 0), CELL_SHUT_DOWN);
	tap_eq("jailhouse root: DISABLE with a cell: -EBUSY", jh(HC_DISABLE, 0, 0),
	       (uint64_t)-16);
	tap_eq("jailhouse root: CELL_START", jh(HC_CELL_START, GUEST_JAILHOUSE_GUEST_CELL, 0), 0);
	tap_eq("jailhouse root: a started cell is running",
	       jh(HC_CELL_GET_STATE, GUEST_JAILHOUSE_GUEST_CELL, 0), CELL_RUNNING);
	guest_jailhouse_yield();
	tap_eq("jailhouse cell: it ran", g->runs, runs + 1);
	tap_eq("jailhouse cell: CELL_GET_STATE from a non-root cell: -EPERM", g->get_state,
	       E_PERM);
	tap_eq("jailhouse cell: CPU_GET_INFO(own CPU): RUNNING", g->cpu_own, 0);
	tap_eq("jailhouse cell: CPU_GET_INFO(root cell's CPU): -EPERM", g->cpu_root, E_PERM);
	tap_eq("jailhouse cell: num cells: 2", g->num_cells, 2);
	tap_eq("jailhouse root: CELL_SET_LOADABLE",
	       jh(HC_CELL_SET_LOADABLE, GUEST_JAILHOUSE_GUEST_CELL, 0), 0);
	tap_eq("jailhouse root: a loadable cell is shut down",
	       jh(HC_CELL_GET_STATE, GUEST_JAILHOUSE_GUEST_CELL, 0), CELL_SHUT_DOWN);
	tap_eq("jailhouse root: CELL_DESTROY",
	       jh(HC_CELL_DESTROY, GUEST_JAILHOUSE_GUEST_CELL, 0), 0);
	tap_eq("jailhouse root: a destroyed cell is gone: -ENOENT",
	       jh(HC_CELL_GET_STATE, GUEST_JAILHOUSE_GUEST_CELL, 0), E_NOENT);
	tap_eq("jailhouse root: num cells: 1 again", jh(HC_GET_INFO, INFO_NUM_CELLS, 0), 1);
}
#endif
#else
static void non_root_cell(void)
{
	tap_eq("jailhouse cell: DISABLE: -EPERM", jh(HC_DISABLE, 0, 0), E_PERM);
	tap_eq("jailhouse cell: CELL_CREATE: -EPERM", jh(HC_CELL_CREATE, 0, 0), E_PERM);
	tap_eq("jailhouse cell: CELL_START: -EPERM", jh(HC_CELL_START, 0, 0), E_PERM);
	tap_eq("jailhouse cell: CELL_DESTROY: -EPERM", jh(HC_CELL_DESTROY, 0, 0), E_PERM);
	tap_eq("jailhouse cell: CELL_GET_STATE: -EPERM", jh(HC_CELL_GET_STATE, 0, 0), E_PERM);
	tap_eq("jailhouse cell: CPU_GET_INFO(another cell's CPU): -EPERM",
	       jh(HC_CPU_GET_INFO, 0, CPU_INFO_STATE), E_PERM);
	tap_eq("jailhouse cell: num cells: 1 (the root cell)",
	       jh(HC_GET_INFO, INFO_NUM_CELLS, 0), 1);
}
#endif

#if defined(__x86_64__)
/* HYPERVISOR_GET_INFO(num cells) by VMMCALL from ring 3. */
static uint64_t user_get_info(uint64_t type)
{
	register uint64_t rax __asm__("rax") = HC_GET_INFO;
	register uint64_t rdi __asm__("rdi") = type;

	__asm__ __volatile__("vmmcall" : "+r"(rax) : "r"(rdi) : "memory");
	return rax;
}

/* Both instructions reach Jailhouse (its JAILHOUSE_CALL_CODE picks one
 * per CPU); ring 3 gets -EPERM, not a fault (vcpu_handle_hypercall). */
static void x86_conduits(void)
{
	struct hcall_result r;
	enum guest_fault f;
	uint64_t v;

	r = hcall_jailhouse_hypervisor_get_info_on(HCALL_X86_CONDUIT_VMCALL, INFO_NUM_CELLS);
	tap_check(hcall_ok(r) && r.value >= 1, "jailhouse: VMCALL reaches Jailhouse");
	r = hcall_jailhouse_hypervisor_get_info_on(HCALL_X86_CONDUIT_VMMCALL, INFO_NUM_CELLS);
	tap_check(hcall_ok(r) && r.value >= 1, "jailhouse: VMMCALL reaches Jailhouse");
	if (!guest_need(GUEST_CAP_PRIVILEGE, "jailhouse: a ring-3 caller gets -EPERM"))
		return;
	guest_expect_fault();
	v = guest_call_user(user_get_info, INFO_NUM_CELLS);
	f = guest_fault_taken();
	tap_eq("jailhouse: ring 3 takes no fault", f, GUEST_FAULT_NONE);
	tap_eq("jailhouse: ring 3 gets -EPERM", v, E_PERM);
}
#endif

static void check_jailhouse(void)
{
	roles();
	any_cell();
#if defined(__x86_64__)
	x86_conduits();
#endif
#if GUEST_JAILHOUSE_ROOT
	root_cell();
#ifdef GUEST_JAILHOUSE_GUEST_CELL
	if (guest_need(GUEST_CAP_VMS, "jailhouse: the root cell manages a cell that runs"))
		guest_cell();
#endif
#else
	non_root_cell();
#endif
}
GUEST_CHECK("jailhouse", check_jailhouse);
