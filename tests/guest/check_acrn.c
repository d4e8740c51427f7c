/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_acrn.c - ACRN hypercalls and upcall through the real
 * trap (VMCALL, which an SVM hypervisor receives as #UD and emulates).
 *
 * One file, three VMs, chosen at compile time:
 *   GUEST_VM_SERVICE   the Service VM: register roles, its permitted
 *                      subset, ring 3, bad pointers, the other VMs'
 *                      lifecycle and the I/O-request upcall;
 *   GUEST_VM_TRUSTY    the Trusty-enabled VM: the Trusty calls only;
 *   GUEST_VM_NORIGHTS  a VM without hypercall rights: #UD.
 *
 * Expected values from ACRN v3.3 (acrn_hv_defs.h, acrn_common.h,
 * vmcall.c, hypercall.c, trusty_hypercall.c), written here independently
 * of <hcall/abi/acrn.h>: VMCALL; id in r8, param1 in rdi, param2 in rsi,
 * result in rax. Only the Service VM and the Trusty VM may call; any
 * other VM gets #UD. Only ring 0 may call; ring 3 gets #GP(0), error code
 * 0. A call outside the VM's subset, an unknown id and a vmid naming no
 * VM return -ENOTTY; most failures are -1; a guest address that cannot
 * be copied is -EINVAL. The upcall is vector 0xF3 (or the one set with
 * SET_CALLBACK_VECTOR) on the Service VM's vCPU0.
 *
 * The device-model path: the Service VM gives each VM a request buffer
 * (SET_IOREQ_BUFFER with the GPA of a u64 that holds the page's GPA); a
 * port access of that VM becomes an acrn_io_request in the vCPU's slot
 * (type PORTIO 0, processed PENDING 0), the upcall runs, the handler
 * fills the value, sets processed COMPLETE 1 and calls
 * NOTIFY_REQUEST_FINISH; the slot becomes FREE 3 and the access
 * completes with that value.
 *
 * Interrupt lines (SET_IRQLINE, v3.3 hcall_set_irqline and dm/vioapic.c):
 * param2 is struct acrn_irqline_ops {u32 gsi; u32 op} by value (gsi in
 * bits 31:0), op GSI_SET_HIGH 0, GSI_SET_LOW 1, GSI_RAISING_PULSE 2,
 * GSI_FALLING_PULSE 3. A post-launched VM has one vIOAPIC of 48 pins
 * (VIOAPIC_RTE_NUM) at 0xFEC00000; gsi >= 48 or a powered-off VM is -1,
 * an unknown op is 0 with no effect, a VM the Service VM does not manage
 * is -ENOTTY. The normal VM programs its vIOAPIC (82093AA registers:
 * IOREGSEL at +0x00, IOWIN at +0x10; ID 0x00, VERSION 0x01 = 0x11 with the
 * maximum redirection entry in bits 23:16, ARB 0x02, entry n at 0x10 + 2n;
 * entry bits: vector 7:0, delivery status 12 and remote IRR 14 read-only,
 * active low 13, level 15, masked 16, destination 63:56) and asks the
 * Service VM, through a port it emulates, to move its lines; EOIs go to
 * the local APIC's EOI register (0xFEE000B0).
 */
#include <hcall/abi/probe.h>
#include <hcall/acrn.h>

#include "guest.h"
#include "tap.h"
#include "x86/x86_guest.h"

#define R_RAX 0
#define R_RSI 6
#define R_RDI 7
#define R_R8 8
#define EINVAL_ (-22)
#define EFAULT_ (-14)
#define ENOTTY_ (-25)
#define UPCALL_VECTOR 0xF3u
#define ID_GET_API_VERSION 0x80000000ull  /* ACRN: (0x80 << 24) | 0x00 */
#define IOREQ_PORT 0x3F8 /* a device (COM1) the Service VM emulates */
#define IOREQ_READ_VALUE 0x5a /* what the Service VM's device returns */
/* acrn_common.h */
#define IOREQ_PENDING 0u
#define IOREQ_COMPLETE 1u
#define IOREQ_FREE 3u
#define IOREQ_PORTIO 0u
#define IOREQ_DIR_READ 0u
#define IOREQ_DIR_WRITE 1u
#define OUTSIDE_VM 0x40000000ull /* a guest-physical address beyond every VM */
/* Where every VM's image starts and vCPU 0's stack ends (guest.ld; the
 * hypervisor's layout, arch/x86/vm.h). */
#define VM_ENTRY 0x100000ull
#define VM_STACK_TOP 0x200000ull
#define BOOT_RDX 'n' /* the normal VM's boot rdx, set by the Service VM */
/* The normal VM's interrupt lines: a port the Service VM emulates, where
 * each byte written is a command (irq_command() below). */
#define IRQ_PORT 0x2F8
#define GSI_EDGE 4u     /* edge, active high, vector 0x41 */
#define GSI_LEVEL 5u    /* level, active high, vector 0x42 */
#define GSI_MASKED 6u   /* masked, vector 0x43 */
#define GSI_LOW 7u      /* edge, active low, vector 0x44 */
#define OP_HIGH 0u
#define OP_LOW 1u
#define OP_RAISING 2u
#define OP_FALLING 3u
#define IRQ_COMMANDS 7u /* E P M L l D F */

/*
 * Memory regions and write protection (the system suite only: they need
 * the x86 hypervisor's nested page tables). acrn_hv_defs.h: MR_ADD 0,
 * MR_DEL 2, MR_MODIFY 3; MEM_ACCESS_READ 1, WRITE 2; MEM_TYPE_WB 0x40.
 * acrn_common.h: ACRN_IOREQ_TYPE_MMIO 1, ACRN_IOREQ_TYPE_WP 3. The Service
 * VM maps a page of its own at SHARED_GPA of the normal VM (read-write),
 * and one page at DEL_GPA and MOD_GPA (read-only); the normal VM reads
 * them, then tells the Service VM (a port write of STEP_UNMAP) to unmap
 * DEL_GPA with MR_DEL and MOD_GPA with MR_MODIFY (which v3.3's
 * set_vm_memory_region treats as every type but MR_ADD: an unmap) and to
 * write-protect SHARED_GPA. The normal VM's reads of the unmapped pages
 * then reach the Service VM as MMIO requests (v3.3 vmx_io.c: an EPT
 * violation that is not a fetch is emulated through the device model),
 * answered with MMIO_PATTERN | address; its write to the protected page
 * arrives as a WP request carrying the value, which the Service VM stores
 * itself. After STEP_UNPROTECT a write goes straight to the page.
 */
#define MR_ADD_ 0u
#define MR_DEL_ 2u
#define MR_MODIFY_ 3u
#define MEM_R 1u
#define MEM_RW 3u
#define MEM_WB 0x40u
#define IOREQ_MMIO 1u
#define IOREQ_WP 3u
#define SHARED_GPA 0x400000ull
#define DEL_GPA 0x402000ull
#define MOD_GPA 0x403000ull
#define SHARED_MAGIC 0x5348415245443131ull
#define OTHER_MAGIC 0x4f54484552323232ull
#define MMIO_PATTERN 0x6d6d696f00000000ull
#define WP_VALUE 0x7770777077707770ull
#define DIRECT_VALUE 0x6469726563743333ull
#define STEP_UNMAP 'u'
#define STEP_UNPROTECT 'w'
#define STEP_DONE 'd'
/* Requests the normal VM makes: its port read and write, then STEP_UNMAP,
 * two MMIO reads, the WP write, STEP_UNPROTECT, STEP_DONE. */
#define NORMAL_REQUESTS 8u
#define VM_MEM_END 0x200000ull /* each VM has 2 MiB at 0 (arch/x86/vm.h) */
/*
 * Across CPUs (two or more): the normal VM's vCPU 1, alone on its CPU,
 * writes a counting value to COUNTER_GPA (in SHARED_GPA's page) with no
 * exit, while the Service VM write-protects that page. Once the call
 * returns, no write may land any more (the other CPU's TLB had the page
 * writable), and the first write after it, the counter's next value,
 * arrives as a WP request in vCPU 1's slot. Waits are bounded by RDTSC.
 * QEMU's TCG empties its own TLB at every VMRUN and #VMEXIT, so what this
 * catches is a CPU that is not made to leave the guest (it fails without
 * the kick and wait of arch/x86/npt.c); the TLB_CONTROL flush at the next
 * entry matters on hardware and cannot be seen here.
 */
#define COUNTER_GPA (SHARED_GPA + 0x100)
#define WAIT_TSC 8000000000ull
#define SETTLE_TSC 200000000ull

#if defined(GUEST_VM_SERVICE) || defined(GUEST_VM_NORIGHTS)
static inline uint64_t tsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}
#endif

#if defined(GUEST_VM_TRUSTY) || defined(GUEST_VM_NORIGHTS)
static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}
#endif

#if defined(GUEST_VM_NORIGHTS)
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
#endif

#if defined(GUEST_VM_TRUSTY) || defined(GUEST_VM_SERVICE)
static inline uint64_t s64(int64_t v)
{
	return (uint64_t)v;
}
#endif

#if defined(GUEST_VM_SERVICE) || defined(GUEST_VM_TRUSTY)
static struct hcall_regs frame __attribute__((aligned(16)));

/* ECHO with every GPR loaded: rax gets pattern 0, every other register
 * comes back; DUMP shows the id in r8, params in rdi and rsi. */
static void roles(void)
{
	uint64_t in[16], out[16];
	unsigned bad = 0, badframe = 0;

	for (unsigned i = 0; i < 16; i++)
		in[i] = 0x3c00000000000000ull | (i * 0x01010101u);
	in[4] = 0;
	in[R_R8] = HCALL_PROBE_ACRN_ECHO;
	x86_trap_all(X86_TRAP_VMCALL, in, out);
	tap_eq("acrn result in rax", out[R_RAX], HCALL_PROBE_PATTERN(0));
	for (unsigned i = 1; i < 16; i++)
		if (i != 4 && out[i] != in[i]) {
			tap_note_hex("changed register", i);
			bad++;
		}
	tap_check(!bad, "acrn preserves every register but rax");
	uint64_t r = hcall_acrn_call1(HCALL_PROBE_ACRN_DUMP, (uint64_t)(uintptr_t)&frame);
	if (!tap_eq("acrn probe DUMP returns 0", r, 0))
		return;
	tap_eq("acrn id in r8", frame.r[R_R8], HCALL_PROBE_ACRN_ECHO);
	tap_eq("acrn param1 in rdi", frame.r[R_RDI], in[R_RDI]);
	tap_eq("acrn param2 in rsi", frame.r[R_RSI], in[R_RSI]);
	for (unsigned i = 0; i < 16; i++)
		if (i != 4 && frame.r[i] != in[i]) {
			tap_note_hex("frame differs at register", i);
			badframe++;
		}
	tap_check(!badframe, "hypervisor saw all 15 GPRs as loaded");

	/* The header's raw call: this is what catches a wrong register role
	 * in <hcall/abi/acrn.h>. */
	tap_eq("acrn call2: result in rax",
	       hcall_acrn_call2(HCALL_PROBE_ACRN_ECHO, 0x3d00000000000001ull,
				0x3d00000000000002ull), HCALL_PROBE_PATTERN(0));
	if (!tap_eq("acrn probe DUMP returns 0",
		    hcall_acrn_call1(HCALL_PROBE_ACRN_DUMP, (uint64_t)(uintptr_t)&frame), 0))
		return;
	tap_eq("acrn call2: id in r8", frame.r[R_R8], HCALL_PROBE_ACRN_ECHO);
	tap_eq("acrn call2: param1 in rdi", frame.r[R_RDI], 0x3d00000000000001ull);
	tap_eq("acrn call2: param2 in rsi", frame.r[R_RSI], 0x3d00000000000002ull);
}

static uint64_t user_get_api_version(uint64_t gpa)
{
	return hcall_acrn_call1(ID_GET_API_VERSION, gpa);
}

/* Rule 2: ring 3 gets #GP(0) with error code 0. */
static void ring3(const char *vm)
{
	static struct hcall_acrn_api_version v;

	if (!guest_need(GUEST_CAP_PRIVILEGE, vm))
		return;
	guest_expect_fault();
	guest_call_user(user_get_api_version, (uint64_t)(uintptr_t)&v);
	tap_check(guest_fault_taken() == GUEST_FAULT_GP, vm);
	tap_eq("acrn ring-3 #GP error code is 0", guest_x86_fault_error_code(), 0);
	tap_eq("acrn ring-3 #GP taken at CPL 3", guest_x86_fault_cpl(), 3);
	guest_demo_value("acrn", "VMCALL from ring 3: exception, -vector (#GP = -13)", -(int64_t)guest_x86_fault_vector());
}
#endif

#if defined(GUEST_VM_SERVICE)
/* Pages of the Service VM that the normal VM gets mapped. */
static volatile uint64_t shared_page[512] __attribute__((aligned(4096)));
static volatile uint64_t other_page[512] __attribute__((aligned(4096)));
/* What the device model saw: every request, in order. */
static struct {
	uint32_t type, dir;
	uint64_t addr, size, value;
} req_log[16];
static volatile unsigned req_logged;
static volatile int64_t unmap_result = 1, wp_result = 1, unprotect_result = 1;

static void region(volatile struct hcall_acrn_memory_region *m, uint32_t type, uint32_t prot,
		   uint64_t gpa, uint64_t sgpa, uint64_t size)
{
	m->type = type;
	m->prot = prot;
	m->gpa = gpa;
	m->service_vm_gpa = sgpa;
	m->size = size;
}

/* VM_SET_MEMORY_REGIONS with n regions at `regions`, through *sr. */
static int64_t set_regions(struct hcall_acrn_set_regions *sr, uint16_t vmid,
			   const volatile void *regions, uint32_t n)
{
	sr->vmid = vmid;
	sr->reserved0 = 0;
	sr->reserved1 = 0;
	sr->mr_num = n;
	sr->reserved2 = 0;
	sr->regions_gpa = (uint64_t)(uintptr_t)regions;
	return hcall_acrn_vm_set_memory_regions((uint64_t)(uintptr_t)sr).code;
}

static int64_t write_protect(struct hcall_acrn_wp_data *wp, uint16_t vmid, uint64_t gpa,
			     uint8_t set)
{
	wp->set = set;
	wp->gpa = gpa;
	return hcall_acrn_vm_write_protect_page(vmid, (uint64_t)(uintptr_t)wp).code;
}

static volatile int64_t cross_result = 1;
static volatile uint64_t cross_before, cross_after;

/* STEP_DONE with two CPUs or more: protect the page vCPU 1 writes. */
static void cross_cpu_protect(uint16_t vmid, struct hcall_acrn_wp_data *wp)
{
	volatile uint64_t *counter = &shared_page[(COUNTER_GPA - SHARED_GPA) / 8];
	uint64_t end = tsc() + WAIT_TSC;

	while (*counter < 1000 && tsc() < end)
		;
	cross_result = write_protect(wp, vmid, SHARED_GPA, 1);
	cross_before = *counter;
	for (end = tsc() + SETTLE_TSC; tsc() < end;)
		;
	cross_after = *counter;
}

/* The device model's side of the normal VM's steps (in the upcall). */
static void dm_step(uint16_t vmid, uint32_t step)
{
	static struct hcall_acrn_memory_region mr[2];
	static struct hcall_acrn_set_regions sr;
	static struct hcall_acrn_wp_data wp;

	if (step == STEP_UNMAP) {
		region(&mr[0], MR_DEL_, 0, DEL_GPA, 0, 0x1000);
		region(&mr[1], MR_MODIFY_, MEM_RW | MEM_WB, MOD_GPA, (uint64_t)(uintptr_t)other_page,
		       0x1000);
		unmap_result = set_regions(&sr, vmid, mr, 2);
		wp_result = write_protect(&wp, vmid, SHARED_GPA, 1);
	} else if (step == STEP_UNPROTECT) {
		unprotect_result = write_protect(&wp, vmid, SHARED_GPA, 0);
	} else if (step == STEP_DONE && guest_x86_boot_ncpus > 1) {
		cross_cpu_protect(vmid, &wp);
	}
}

static volatile uint16_t pending_vmid;
static volatile unsigned pending_buf; /* its buffer in iobuf[] */
static volatile int64_t ack_result = 1;

/* A request buffer per VM, and the u64 SET_IOREQ_BUFFER points at. */
static struct hcall_acrn_io_request_buffer iobuf[2] __attribute__((aligned(4096)));
static volatile uint64_t iobuf_gpa[2];

/* What the handler saw in slot 0 of the VM that raised the upcall. */
static volatile uint32_t seen_state, seen_type, seen_dir, seen_size, seen_value;
static volatile uint64_t seen_port;
static volatile unsigned requests_served;

/* The upcall handler: the Service VM's device model. Slot 0 (vCPU 0) of
 * pending_vmid's buffer holds the request; emulate it (a read returns
 * IOREQ_READ_VALUE), mark it COMPLETE and finish it. */
/* SET_IRQLINE's answers to irq_command(), and how many commands ran. */
static volatile unsigned irq_commands, irq_nonzero;
static volatile int64_t irq_unknown_op = 1;

static void line(uint32_t gsi, uint32_t op)
{
	int64_t r = hcall_acrn_set_irqline(pending_vmid, hcall_acrn_irqline(gsi, op)).code;

	irq_nonzero += r != 0;
}

/* The normal VM's interrupt-line device: each command moves its lines. */
static void irq_command(uint32_t cmd)
{
	switch (cmd) {
	case 'E': /* an edge, then the same level again: no second edge */
		line(GSI_EDGE, OP_HIGH);
		line(GSI_EDGE, OP_HIGH);
		break;
	case 'P': /* low, then a raising pulse: one more edge */
		line(GSI_EDGE, OP_LOW);
		line(GSI_EDGE, OP_RAISING);
		break;
	case 'M': /* a masked pin's pulse, and an op v3.3 does not know */
		line(GSI_MASKED, OP_RAISING);
		irq_unknown_op = hcall_acrn_set_irqline(pending_vmid,
							hcall_acrn_irqline(GSI_EDGE, 4)).code;
		break;
	case 'L': /* level: asserted */
		line(GSI_LEVEL, OP_HIGH);
		break;
	case 'l': /* a new rising edge while remote IRR is set */
		line(GSI_LEVEL, OP_LOW);
		line(GSI_LEVEL, OP_HIGH);
		break;
	case 'D': /* level: deasserted */
		line(GSI_LEVEL, OP_LOW);
		break;
	case 'F': /* active low: high, then a falling pulse */
		line(GSI_LOW, OP_HIGH);
		line(GSI_LOW, OP_FALLING);
		break;
	default:
		irq_nonzero += 100;
		break;
	}
	irq_commands++;
}

static void on_upcall(unsigned vector)
{
	volatile struct hcall_acrn_io_request *req =
		&iobuf[pending_buf].req_slot[0];

	(void)vector;
	if (req->processed == IOREQ_PENDING && req->type == IOREQ_PORTIO &&
	    req->reqs.pio_request.address == IRQ_PORT &&
	    req->reqs.pio_request.direction == IOREQ_DIR_WRITE) {
		irq_command(req->reqs.pio_request.value);
		req->processed = IOREQ_COMPLETE;
		irq_nonzero += hcall_acrn_notify_request_finish(pending_vmid, 0).code != 0;
		return;
	}
	seen_state = req->processed;
	if (seen_state != IOREQ_PENDING)
		return;
	if (req_logged < 16) {
		unsigned i = req_logged;

		req_log[i].type = req->type;
		req_log[i].dir = req->reqs.mmio_request.direction;
		req_log[i].addr = req->reqs.mmio_request.address;
		req_log[i].size = req->reqs.mmio_request.size;
		req_log[i].value = req->type == IOREQ_PORTIO ? req->reqs.pio_request.value
							      : req->reqs.mmio_request.value;
		req_logged = i + 1;
	}
	if (req->type == IOREQ_MMIO || req->type == IOREQ_WP) {
		volatile struct hcall_acrn_mmio_request *m = &req->reqs.mmio_request;

		if (m->direction == IOREQ_DIR_READ)
			m->value = MMIO_PATTERN | m->address;
		else if (req->type == IOREQ_WP && m->size == 8 && m->address >= SHARED_GPA &&
			 m->address < SHARED_GPA + 0x1000)
			/* the device model performs the protected write */
			shared_page[(m->address - SHARED_GPA) / 8] = m->value;
		req->processed = IOREQ_COMPLETE;
		ack_result = hcall_acrn_notify_request_finish(pending_vmid, 0).code;
		requests_served++;
		return;
	}
	seen_type = req->type;
	seen_dir = req->reqs.pio_request.direction;
	seen_port = req->reqs.pio_request.address;
	seen_size = (uint32_t)req->reqs.pio_request.size;
	if (seen_dir == IOREQ_DIR_READ)
		req->reqs.pio_request.value = IOREQ_READ_VALUE;
	else
		seen_value = req->reqs.pio_request.value;
	if (seen_dir == IOREQ_DIR_WRITE && pending_buf == 0)
		dm_step(pending_vmid, seen_value);
	req->processed = IOREQ_COMPLETE;
	ack_result = hcall_acrn_notify_request_finish(pending_vmid, 0).code;
	requests_served++;
}

/* SET_IOREQ_BUFFER for VM vmid with buffer i: the u64 holds the page. */
static int64_t set_buffer(uint16_t vmid, unsigned i)
{
	iobuf_gpa[i] = (uint64_t)(uintptr_t)&iobuf[i];
	return hcall_acrn_set_ioreq_buffer(vmid, (uint64_t)(uintptr_t)&iobuf_gpa[i]).code;
}

static unsigned wait_served(unsigned n)
{
	for (unsigned i = 0; i < 32 && requests_served < n; i++)
		guest_x86_wait_for_interrupt();
	return requests_served;
}

static unsigned wait_irq_commands(unsigned n)
{
	for (unsigned i = 0; i < 64 && irq_commands < n; i++)
		guest_x86_wait_for_interrupt();
	return irq_commands;
}

static unsigned wait_upcall(unsigned vector, unsigned before)
{
	for (unsigned i = 0; i < 16 && guest_x86_interrupts(vector) == before; i++)
		guest_x86_wait_for_interrupt();
	return guest_x86_interrupts(vector) - before;
}

/*
 * SET_VCPU_REGS (v3.3 hcall_set_vcpu_regs): a VM that is not running, a
 * copyable struct, a vCPU the VM has, else -1; a VM the caller does not
 * manage -ENOTTY. The normal VM then boots from what is set: its
 * runtime's entry with vCPU 0's registers (rsi = 0 picks vCPU 0's path
 * in start.S, which keeps rdx). rdx carries BOOT_RDX, which the normal
 * VM writes back to the emulated port: the value the service checks
 * arrived only through these registers (the hypervisor's own boot gives
 * rdx = the number of CPUs, at most 4).
 */
static void boot_registers(uint16_t vmid)
{
	static struct hcall_acrn_vcpu_regs boot;
	const uint64_t gpa = (uint64_t)(uintptr_t)&boot;

	boot.vcpu_regs.rip = VM_ENTRY;
	boot.vcpu_regs.gprs.rsp = VM_STACK_TOP;
	boot.vcpu_regs.gprs.rdx = BOOT_RDX;
	boot.vcpu_regs.gprs.rsi = 0;
	boot.vcpu_regs.gprs.rdi = vmid;
	tap_eq("acrn set_vcpu_regs: no VM 99 = -ENOTTY",
	       s64(hcall_acrn_set_vcpu_regs(99, gpa).code), s64(ENOTTY_));
	tap_eq("acrn set_vcpu_regs: the struct outside the VM = -1",
	       s64(hcall_acrn_set_vcpu_regs(vmid, OUTSIDE_VM).code), s64(-1));
	tap_eq("acrn set_vcpu_regs: a null pointer = -1",
	       s64(hcall_acrn_set_vcpu_regs(vmid, 0).code), s64(-1));
	boot.vcpu_id = 2;
	tap_eq("acrn set_vcpu_regs: a vCPU the VM does not have (2) = -1",
	       s64(hcall_acrn_set_vcpu_regs(vmid, gpa).code), s64(-1));
	boot.vcpu_id = 0;
	tap_eq("acrn set_vcpu_regs(normal, vCPU 0) = 0",
	       s64(hcall_acrn_set_vcpu_regs(vmid, gpa).code), 0);
}

static uint64_t gpa2hpa(uint16_t vmid, uint64_t gpa, int64_t *code)
{
	static struct hcall_acrn_vm_gpa2hpa q;

	q.gpa = gpa;
	q.hpa = 0;
	*code = hcall_acrn_vm_gpa2hpa(vmid, (uint64_t)(uintptr_t)&q).code;
	return q.hpa;
}

/*
 * VM_SET_MEMORY_REGIONS and VM_WRITE_PROTECT_PAGE on the created normal
 * VM, before it starts. ACRN v3.3: vmcall.c parse_target_vm copies struct
 * set_regions to find the VM (no copy, or no such VM, or a pre-launched
 * one: no target, -ENOTTY); hcall_set_vm_memory_regions starts from
 * ret = -1 (mr_num 0 stays -1) and stops at the first region that fails
 * or cannot be copied (then the previous answer stands);
 * set_vm_memory_region answers -EINVAL for a size that is not a multiple
 * of 4 KiB, an MR_ADD whose service_vm_gpa range is not the Service VM's
 * memory, or another type whose gpa range is not mapped in the VM;
 * pagetable.c add_pte keeps a page that is present. write_protect_page:
 * -1 for a wp_data it cannot copy, -EINVAL for a gpa that is not page
 * aligned or not mapped. The Service VM itself as the target is refused
 * by hcall (-ENOTTY, its rule for every management call; v3.3 would
 * change the Service VM's own map).
 */
static void memory_regions(uint16_t vmid)
{
	static struct hcall_acrn_memory_region mr[2];
	static struct hcall_acrn_set_regions sr;
	static struct hcall_acrn_wp_data wp;
	volatile struct hcall_acrn_memory_region *last =
		(volatile struct hcall_acrn_memory_region *)(uintptr_t)(VM_MEM_END - sizeof(mr[0]));
	const uint64_t shared = (uint64_t)(uintptr_t)shared_page;
	const uint64_t other = (uint64_t)(uintptr_t)other_page;
	uint64_t hpa_shared, hpa_other, hpa;
	int64_t code;

	shared_page[0] = SHARED_MAGIC;
	other_page[0] = OTHER_MAGIC;
	region(&mr[0], MR_ADD_, MEM_RW | MEM_WB, SHARED_GPA, shared, 0x1000);
	tap_eq("acrn set_memory_regions: the struct outside the VM = -ENOTTY",
	       s64(hcall_acrn_vm_set_memory_regions(OUTSIDE_VM).code), s64(ENOTTY_));
	tap_eq("acrn set_memory_regions: no VM 99 = -ENOTTY",
	       s64(set_regions(&sr, 99, mr, 1)), s64(ENOTTY_));
	tap_eq("acrn set_memory_regions: the Service VM itself = -ENOTTY (hcall)",
	       s64(set_regions(&sr, 0, mr, 1)), s64(ENOTTY_));
	tap_eq("acrn set_memory_regions: a pre-launched VM (kvm, 3) = -ENOTTY",
	       s64(set_regions(&sr, 3, mr, 1)), s64(ENOTTY_));
	tap_eq("acrn set_memory_regions: mr_num 0 = -1",
	       s64(set_regions(&sr, vmid, mr, 0)), s64(-1));
	tap_eq("acrn set_memory_regions: regions outside the VM = -1",
	       s64(set_regions(&sr, vmid, (const void *)(uintptr_t)OUTSIDE_VM, 1)), s64(-1));
	region(&mr[1], MR_ADD_, MEM_RW | MEM_WB, SHARED_GPA + 0x1000, shared, 0x800);
	tap_eq("acrn set_memory_regions: size 0x800 = -EINVAL",
	       s64(set_regions(&sr, vmid, &mr[1], 1)), s64(EINVAL_));
	region(&mr[1], MR_ADD_, MEM_R | MEM_WB, SHARED_GPA + 0x1000, OUTSIDE_VM, 0x1000);
	tap_eq("acrn set_memory_regions: service_vm_gpa outside the Service VM = -EINVAL",
	       s64(set_regions(&sr, vmid, &mr[1], 1)), s64(EINVAL_));
	region(&mr[1], MR_ADD_, MEM_R | MEM_WB, SHARED_GPA + 0x1000, VM_MEM_END - 0x1000, 0x2000);
	tap_eq("acrn set_memory_regions: a range past the Service VM's end = -EINVAL",
	       s64(set_regions(&sr, vmid, &mr[1], 1)), s64(EINVAL_));
	region(&mr[1], MR_DEL_, 0, 0x800000, 0, 0x1000);
	tap_eq("acrn set_memory_regions: MR_DEL of a range the VM has not mapped = -EINVAL",
	       s64(set_regions(&sr, vmid, &mr[1], 1)), s64(EINVAL_));
	tap_eq("acrn vm_gpa2hpa of SHARED_GPA before any map = -1",
	       (gpa2hpa(vmid, SHARED_GPA, &code), s64(code)), s64(-1));

	/* [good MR_ADD, bad size]: the bad one answers, the good one stays. */
	region(&mr[1], MR_ADD_, MEM_RW | MEM_WB, SHARED_GPA + 0x1000, shared, 0x800);
	tap_eq("acrn set_memory_regions: [MR_ADD, bad size] = -EINVAL",
	       s64(set_regions(&sr, vmid, mr, 2)), s64(EINVAL_));
	hpa_shared = gpa2hpa(vmid, SHARED_GPA + 0x10, &code);
	tap_eq("acrn vm_gpa2hpa: the region before the failing one is mapped", s64(code), 0);
	tap_eq("acrn vm_gpa2hpa: with the gpa's page offset", hpa_shared & 0xfff, 0x10);
	/* The last region in the Service VM's memory, mr_num one more: the
	 * copy of the second fails and the first one's 0 stands. */
	region(last, MR_ADD_, MEM_R | MEM_WB, DEL_GPA, other, 0x1000);
	tap_eq("acrn set_memory_regions: mr_num past the end of the Service VM = the last answer, 0",
	       s64(set_regions(&sr, vmid, last, 2)), 0);
	region(&mr[0], MR_ADD_, MEM_R | MEM_WB, MOD_GPA, other, 0x1000);
	tap_eq("acrn set_memory_regions: MR_ADD read-only = 0",
	       s64(set_regions(&sr, vmid, mr, 1)), 0);
	hpa_other = gpa2hpa(vmid, DEL_GPA, &code);
	tap_eq("acrn vm_gpa2hpa(DEL_GPA) = 0", s64(code), 0);
	hpa = gpa2hpa(vmid, MOD_GPA, &code);
	tap_check(code == 0 && hpa == hpa_other && hpa_other != (hpa_shared & ~0xfffull),
		  "acrn vm_gpa2hpa: two gpas of one Service VM page share its hpa");
	region(&mr[0], MR_ADD_, MEM_RW | MEM_WB, SHARED_GPA, other, 0x1000);
	tap_eq("acrn set_memory_regions: MR_ADD over a mapped page = 0",
	       s64(set_regions(&sr, vmid, mr, 1)), 0);
	tap_eq("acrn set_memory_regions: ... which keeps the page it had",
	       gpa2hpa(vmid, SHARED_GPA + 0x10, &code), hpa_shared);

	tap_eq("acrn write_protect_page: no VM 99 = -ENOTTY",
	       s64(write_protect(&wp, 99, SHARED_GPA, 1)), s64(ENOTTY_));
	tap_eq("acrn write_protect_page: the Service VM itself = -ENOTTY (hcall)",
	       s64(write_protect(&wp, 0, 0x1000, 1)), s64(ENOTTY_));
	tap_eq("acrn write_protect_page: wp_data outside the VM = -1",
	       s64(hcall_acrn_vm_write_protect_page(vmid, OUTSIDE_VM).code), s64(-1));
	tap_eq("acrn write_protect_page: unaligned gpa = -EINVAL",
	       s64(write_protect(&wp, vmid, SHARED_GPA + 8, 1)), s64(EINVAL_));
	tap_eq("acrn write_protect_page: unmapped gpa = -EINVAL",
	       s64(write_protect(&wp, vmid, 0x800000, 1)), s64(EINVAL_));
	/* A page of the VM's own 2 MiB: its large page becomes 4 KiB pages,
	 * which must keep the VM's map (it runs on it). */
	hpa = gpa2hpa(vmid, VM_ENTRY + 0x123, &code);
	tap_eq("acrn write_protect_page(a page of the VM's own memory) = 0",
	       s64(write_protect(&wp, vmid, VM_MEM_END - 0x20000, 1)), 0);
	tap_eq("acrn write_protect_page(... cleared) = 0",
	       s64(write_protect(&wp, vmid, VM_MEM_END - 0x20000, 0)), 0);
	tap_eq("acrn vm_gpa2hpa: the split map keeps the VM's memory",
	       gpa2hpa(vmid, VM_ENTRY + 0x123, &code), hpa);
}

/* After the normal VM's steps: what the device model saw. */
static void memory_requests(uint16_t vmid)
{
	int64_t code;

	tap_eq("acrn normal VM's memory steps all served", wait_served(NORMAL_REQUESTS),
	       NORMAL_REQUESTS);
	tap_eq("acrn MR_DEL + MR_MODIFY of a running VM = 0", s64(unmap_result), 0);
	tap_eq("acrn write_protect_page(SHARED_GPA) of a running VM = 0", s64(wp_result), 0);
	tap_eq("acrn write_protect_page(SHARED_GPA, clear) = 0", s64(unprotect_result), 0);
	gpa2hpa(vmid, DEL_GPA, &code);
	tap_eq("acrn vm_gpa2hpa(DEL_GPA) after MR_DEL = -1", s64(code), s64(-1));
	gpa2hpa(vmid, MOD_GPA, &code);
	tap_eq("acrn vm_gpa2hpa(MOD_GPA) after MR_MODIFY = -1 (v3.3 unmaps)", s64(code), s64(-1));
	if (!tap_eq("acrn request log holds the normal VM's requests", req_logged >= NORMAL_REQUESTS,
		    1))
		return;
	tap_check(req_log[3].type == IOREQ_MMIO && req_log[3].dir == IOREQ_DIR_READ &&
			  req_log[3].addr == DEL_GPA && req_log[3].size == 8,
		  "acrn read of the MR_DEL page: MMIO, read, its gpa, 8 bytes");
	tap_check(req_log[4].type == IOREQ_MMIO && req_log[4].dir == IOREQ_DIR_READ &&
			  req_log[4].addr == MOD_GPA + 0x10 && req_log[4].size == 4,
		  "acrn read of the MR_MODIFY page: MMIO, read, its gpa, 4 bytes");
	tap_check(req_log[5].type == IOREQ_WP && req_log[5].dir == IOREQ_DIR_WRITE &&
			  req_log[5].addr == SHARED_GPA + 8 && req_log[5].size == 8 &&
			  req_log[5].value == WP_VALUE,
		  "acrn write to the protected page: WP, write, its gpa, 8 bytes, the value");
	tap_eq("acrn the protected write landed only through the device model",
	       shared_page[1], WP_VALUE);
	tap_check(req_log[6].type == IOREQ_PORTIO && req_log[7].type == IOREQ_PORTIO &&
			  req_log[7].value == STEP_DONE,
		  "acrn no request for the write after the protection was cleared");
	tap_eq("acrn ... which went straight to the page", shared_page[2], DIRECT_VALUE);
	if (guest_x86_boot_ncpus < 2) {
		tap_skip("acrn write_protect_page while vCPU 1 writes on another CPU",
			 "one CPU (-smp 1): no other CPU to shoot down");
		return;
	}
	{
		volatile struct hcall_acrn_io_request *r1 = &iobuf[0].req_slot[1];
		uint64_t end = tsc() + WAIT_TSC;

		/* vCPU 1's next write reaches the device model as a WP request
		 * when its CPU next runs it, which may be after the settle
		 * time: wait for it, bounded. */
		while (!(r1->processed == IOREQ_PENDING && r1->type == IOREQ_WP) && tsc() < end)
			;
		tap_eq("acrn write_protect_page while vCPU 1 writes on another CPU = 0",
		       s64(cross_result), 0);
		tap_check(cross_before >= 1000, "acrn ... vCPU 1 was writing the page from its CPU");
		tap_eq("acrn ... no write of vCPU 1 lands once the call returned", cross_after,
		       cross_before);
		tap_check(r1->processed == IOREQ_PENDING && r1->type == IOREQ_WP &&
				  r1->reqs.mmio_request.address == COUNTER_GPA &&
				  r1->reqs.mmio_request.size == 8 &&
				  r1->reqs.mmio_request.value == cross_before + 1,
			  "acrn ... its next write arrives as vCPU 1's WP request, with the next value");
	}
}

/* SET_IRQLINE's errors (v3.3 hcall_set_irqline, vmcall.c
 * dispatch_hypercall): the answer, and the hypervisor goes on. */
static void irq_errors(uint16_t vmid)
{
	tap_eq("acrn set_irqline: no VM 99 = -ENOTTY",
	       s64(hcall_acrn_set_irqline(99, hcall_acrn_irqline(GSI_EDGE, OP_HIGH)).code),
	       s64(ENOTTY_));
	tap_eq("acrn set_irqline: the Service VM itself = -ENOTTY (hcall; v3.3 drives its own vIOAPIC)",
	       s64(hcall_acrn_set_irqline(0, hcall_acrn_irqline(GSI_EDGE, OP_HIGH)).code),
	       s64(ENOTTY_));
	/* vmid 3: the kvm VM, started at boot (pre-launched): v3.3 does not
	 * dispatch to it (and under qemu-user there is no VM 3 at all) */
	tap_eq("acrn set_irqline: a pre-launched VM (3) = -ENOTTY",
	       s64(hcall_acrn_set_irqline(3, hcall_acrn_irqline(GSI_EDGE, OP_HIGH)).code),
	       s64(ENOTTY_));
	/* vmid: a VM created, not yet started (not powered off) */
	tap_eq("acrn set_irqline: gsi 48 (the vIOAPIC has 48 pins) = -1",
	       s64(hcall_acrn_set_irqline(vmid, hcall_acrn_irqline(48, OP_HIGH)).code),
	       s64(-1));
	tap_eq("acrn set_irqline: gsi 0xFFFFFFFF = -1",
	       s64(hcall_acrn_set_irqline(vmid, hcall_acrn_irqline(0xFFFFFFFFu, OP_RAISING)).code),
	       s64(-1));
	tap_eq("acrn set_irqline: gsi 47 (the last pin) of a created VM = 0",
	       s64(hcall_acrn_set_irqline(vmid, hcall_acrn_irqline(47, OP_RAISING)).code), 0);
	tap_eq("acrn set_irqline: gsi 4 of a created VM = 0",
	       s64(hcall_acrn_set_irqline(vmid, hcall_acrn_irqline(GSI_EDGE, OP_HIGH)).code), 0);
}

static uint16_t create(const char *uuid, const char *what)
{
	static struct hcall_acrn_vm_creation cv;
	struct hcall_result r;

	for (unsigned i = 0; i < sizeof(cv); i++)
		((volatile uint8_t *)&cv)[i] = 0;
	for (unsigned i = 0; i < 16; i++)
		cv.name[i] = (uint8_t)uuid[i];
	cv.vmid = 0xffff;
	r = hcall_acrn_create_vm((uint64_t)(uintptr_t)&cv);
	tap_eq(what, s64(r.code), 0);
	return cv.vmid;
}

static void service(void)
{
	static struct hcall_acrn_api_version ver;
	struct hcall_result r;
	uint16_t normal, trusty;

	roles();
	r = hcall_acrn_get_api_version((uint64_t)(uintptr_t)&ver);
	tap_eq("acrn get_api_version = 0", s64(r.code), 0);
	tap_check(ver.major == 1 && ver.minor == 0, "acrn api version 1.0 written");
	guest_demo_value("acrn", "get_api_version", r.code);
	r = hcall_acrn_get_api_version(OUTSIDE_VM);
	tap_eq("acrn get_api_version to an address outside the VM = -EINVAL",
	       s64(r.code), s64(EINVAL_));
	guest_demo_value("acrn", "get_api_version (bad pointer)", r.code);

	/* Rule 3: the Trusty calls are outside the Service VM's subset. */
	tap_eq("acrn service: initialize_trusty = -ENOTTY",
	       s64(hcall_acrn_initialize_trusty(0x1000, 0).code), s64(ENOTTY_));
	tap_eq("acrn service: world_switch = -ENOTTY",
	       s64(hcall_acrn_world_switch(0).code), s64(ENOTTY_));
	tap_eq("acrn service: save_restore_sworld_ctx = -ENOTTY",
	       s64(hcall_acrn_save_restore_sworld_ctx().code), s64(ENOTTY_));
	guest_demo_value("acrn", "world_switch from the service VM", hcall_acrn_world_switch(0).code);
	ring3("acrn service: VMCALL from ring 3 gets #GP");

	/* The normal VM: created, started; its device access raises the
	 * upcall on vector 0xF3, which the handler acknowledges. */
	guest_x86_on_interrupt(on_upcall);
	normal = create("hcall-x86-normal", "acrn create_vm(normal) = 0");
	tap_eq("acrn create_vm wrote the new vmid", normal, 1);
	pending_vmid = normal;

	/* The request buffer, with SET_IOREQ_BUFFER's real meaning. */
	tap_eq("acrn start_vm without a request buffer = -1",
	       s64(hcall_acrn_start_vm(normal).code), s64(-1));
	tap_eq("acrn set_ioreq_buffer: pointer outside the VM = -EINVAL",
	       s64(hcall_acrn_set_ioreq_buffer(normal, OUTSIDE_VM).code), s64(EINVAL_));
	iobuf_gpa[0] = OUTSIDE_VM;
	tap_eq("acrn set_ioreq_buffer: a buffer outside the VM = -1",
	       s64(hcall_acrn_set_ioreq_buffer(normal, (uint64_t)(uintptr_t)&iobuf_gpa[0]).code),
	       s64(-1));
	tap_eq("acrn set_ioreq_buffer: no VM 99 = -ENOTTY",
	       s64(hcall_acrn_set_ioreq_buffer(99, (uint64_t)(uintptr_t)&iobuf_gpa[0]).code),
	       s64(ENOTTY_));
	tap_eq("acrn set_ioreq_buffer(normal) = 0", s64(set_buffer(normal, 0)), 0);
	tap_check(iobuf[0].req_slot[0].processed == IOREQ_FREE &&
			  iobuf[0].req_slot[15].processed == IOREQ_FREE,
		  "acrn set_ioreq_buffer marks every slot FREE");
	tap_eq("acrn notify_request_finish with nothing pending = -EINVAL",
	       s64(hcall_acrn_notify_request_finish(normal, 0).code), s64(EINVAL_));
	tap_eq("acrn notify_request_finish for a vCPU the VM does not have (5) = -1",
	       s64(hcall_acrn_notify_request_finish(normal, 5).code), s64(-1));

	boot_registers(normal);
	if (guest_need(GUEST_CAP_VMS, "acrn set_memory_regions and write_protect_page (nested paging)"))
		memory_regions(normal);
	r = hcall_acrn_start_vm(normal);
	tap_eq("acrn start_vm(normal) = 0", s64(r.code), 0);
	tap_eq("acrn set_vcpu_regs of a running VM = -1",
	       s64(hcall_acrn_set_vcpu_regs(normal, (uint64_t)(uintptr_t)&iobuf_gpa[0]).code),
	       s64(-1));
	guest_demo_value("acrn", "start_vm(normal)", r.code);
	if (guest_need(GUEST_CAP_VMS, "acrn upcall on vector 0xF3 from the normal VM's I/O request")) {
		/* The normal VM reads the port, then writes its boot rdx. */
		tap_eq("acrn upcall on vector 0xF3 from the normal VM's I/O request",
		       wait_upcall(UPCALL_VECTOR, 0) >= 1, 1);
		tap_eq("acrn the port read completed through the buffer",
		       wait_served(1), 1);
		tap_eq("acrn request: type PORTIO", seen_type, IOREQ_PORTIO);
		tap_eq("acrn request: a read", seen_dir, IOREQ_DIR_READ);
		tap_eq("acrn request: port 0x3F8", seen_port, IOREQ_PORT);
		tap_eq("acrn request: 1 byte", seen_size, 1);
		tap_eq("acrn upcall acknowledged (notify_request_finish = 0)",
		       s64(ack_result), 0);
		tap_eq("acrn slot FREE again after the finish",
		       iobuf[0].req_slot[0].processed, IOREQ_FREE);
		tap_eq("acrn notify_request_finish again (not pending) = -EINVAL",
		       s64(hcall_acrn_notify_request_finish(normal, 0).code), s64(EINVAL_));
		tap_eq("acrn the port write completed through the buffer",
		       wait_served(2), 2);
		tap_eq("acrn request: a write", seen_dir, IOREQ_DIR_WRITE);
		tap_eq("acrn request: the value written (the boot rdx set_vcpu_regs gave)",
		       seen_value, BOOT_RDX);
		memory_requests(normal);
		guest_demo_value("acrn", "upcall 0xF3 received",
			     (int64_t)guest_x86_interrupts(UPCALL_VECTOR));
		/* The normal VM's interrupt lines, moved from the upcall
		 * handler as it asks (the normal VM checks what arrived). */
		tap_eq("acrn set_irqline: the normal VM's 7 line commands served",
		       wait_irq_commands(IRQ_COMMANDS), IRQ_COMMANDS);
		tap_eq("acrn set_irqline: every line operation = 0", irq_nonzero, 0);
		tap_eq("acrn set_irqline: unknown op 4 = 0 (v3.3 ignores it)",
		       s64(irq_unknown_op), 0);
	}

	/* set_callback_vector moves the upcall. */
	tap_eq("acrn set_callback_vector(0x10) = -EINVAL (below 0x20)",
	       s64(hcall_acrn_set_callback_vector(0x10).code), s64(EINVAL_));
	r = hcall_acrn_set_callback_vector(0xF2);
	tap_eq("acrn set_callback_vector(0xF2) = 0", s64(r.code), 0);
	trusty = create("hcall-x86-trusty", "acrn create_vm(trusty) = 0");
	irq_errors(trusty);
	pending_vmid = trusty;
	pending_buf = 1;
	ack_result = 1;
	tap_eq("acrn set_ioreq_buffer(trusty) = 0", s64(set_buffer(trusty, 1)), 0);
	tap_eq("acrn start_vm(trusty) = 0", s64(hcall_acrn_start_vm(trusty).code), 0);
	if (guest_need(GUEST_CAP_VMS, "acrn upcall on the new vector 0xF2 from the trusty VM")) {
		tap_eq("acrn upcall on the new vector 0xF2 from the trusty VM",
		       wait_upcall(0xF2, 0) >= 1, 1);
		tap_eq("acrn trusty VM's request served", wait_served(NORMAL_REQUESTS + 1),
		       NORMAL_REQUESTS + 1);
		tap_eq("acrn third request acknowledged", s64(ack_result), 0);
	}

	/* The end of a VM, as the device model does it: pause, then
	 * destroy. ACRN v3.3 destroys only a paused VM (hcall_destroy_vm:
	 * is_paused_vm, else -1), and pause_vm() takes a running VM, or
	 * one whose guest ended (the normal VM has run to its end where
	 * VMs run, GUEST_CAP_VMS; elsewhere it is still running). */
	tap_eq("acrn destroy_vm(not paused) = -1", s64(hcall_acrn_destroy_vm(normal).code), -1);
	tap_eq("acrn pause_vm(normal) = 0", s64(hcall_acrn_pause_vm(normal).code), 0);
	tap_eq("acrn destroy_vm(normal) = 0", s64(hcall_acrn_destroy_vm(normal).code), 0);
	/* Powered off, the VM is still in ACRN's table: its handlers run
	 * and refuse (-1), unlike a vmid past the table (-ENOTTY, below). */
	tap_eq("acrn start_vm(destroyed) = -1", s64(hcall_acrn_start_vm(normal).code), -1);
	tap_eq("acrn set_irqline(destroyed: powered off) = -1",
	       s64(hcall_acrn_set_irqline(normal, hcall_acrn_irqline(GSI_EDGE, OP_HIGH)).code),
	       s64(-1));
	tap_eq("acrn pause_vm(99) = -ENOTTY", s64(hcall_acrn_pause_vm(99).code), s64(ENOTTY_));
	tap_eq("acrn reset_vm(99) = -ENOTTY", s64(hcall_acrn_reset_vm(99).code), s64(ENOTTY_));
	tap_eq("acrn create_vm at an address outside the VM = -ENOTTY",
	       s64(hcall_acrn_create_vm(OUTSIDE_VM).code), s64(ENOTTY_));

	/* Calls hcall's core does not implement: -ENOTTY, as current ACRN
	 * answers an ID it does not serve. */
	tap_eq("acrn service_vm_offline_cpu = -ENOTTY",
	       s64(hcall_acrn_service_vm_offline_cpu(1).code), s64(ENOTTY_));
	{
		/* acrn_msi_entry {msi_addr, msi_data}: an address outside
		 * 0xFEExxxxx is no MSI (-1); GPA2HPA {gpa, hpa} of a page the
		 * Trusty VM has (its image at 1 MiB) and of one it has not. */
		static struct hcall_acrn_msi_entry bad_msi = { 0x1000, 0x31 };
		static struct hcall_acrn_vm_gpa2hpa q;

		tap_eq("acrn inject_msi with no MSI address = -1",
		       s64(hcall_acrn_inject_msi(trusty, (uint64_t)(uintptr_t)&bad_msi).code),
		       s64(-1));
		/* 1 MiB: where the x86 hypervisor loads every VM's image */
		if (guest_need(GUEST_CAP_VMS, "acrn vm_gpa2hpa(trusty, 0x100123) = 0")) {
			q.gpa = 0x100123;
			tap_eq("acrn vm_gpa2hpa(trusty, 0x100123) = 0",
			       s64(hcall_acrn_vm_gpa2hpa(trusty, (uint64_t)(uintptr_t)&q).code), 0);
			tap_check(q.hpa != 0 && (q.hpa & 0xfff) == 0x123,
				  "acrn vm_gpa2hpa: an hpa with the gpa's page offset");
		}
		q.gpa = OUTSIDE_VM;
		tap_eq("acrn vm_gpa2hpa of an unmapped gpa = -1",
		       s64(hcall_acrn_vm_gpa2hpa(trusty, (uint64_t)(uintptr_t)&q).code),
		       s64(-1));
	}
	tap_eq("acrn unknown id 0x800000ff = -ENOTTY",
	       hcall_acrn_call0(0x800000ffull), s64(ENOTTY_));
}
GUEST_CHECK("acrn service VM", service);
#endif

#if defined(GUEST_VM_TRUSTY)
static uint8_t sworld[0x10000] __attribute__((aligned(4096)));

/*
 * The secure world, position-independent code copied to the start of
 * sworld[]: it switches to the normal world with rdi..rbx = 0x5e1..0x5e4
 * (what INITIALIZE_TRUSTY returns with), then answers every switch with
 * the four values it was given plus 0x100 (ACRN copies rdi, rsi, rdx,
 * rbx across a switch: trusty.c copy_smc_param). WORLD_SWITCH is
 * 0x80000071.
 */
__asm__(".pushsection .text\n"
	".globl hcall_test_sworld_code, hcall_test_sworld_end\n"
	"hcall_test_sworld_code:\n"
	"	mov $0x5e1, %edi\n"
	"	mov $0x5e2, %esi\n"
	"	mov $0x5e3, %edx\n"
	"	mov $0x5e4, %ebx\n"
	"1:	mov $0x80000071, %r8d\n"
	"	vmcall\n"
	"	add $0x100, %rdi\n"
	"	add $0x100, %rsi\n"
	"	add $0x100, %rdx\n"
	"	add $0x100, %rbx\n"
	"	jmp 1b\n"
	"hcall_test_sworld_end:\n"
	".popsection\n");
extern const uint8_t hcall_test_sworld_code[], hcall_test_sworld_end[];

/*
 * Values live across the switch, in the registers it changes unless the
 * wrapper declares them: five integers and a pointer computed from
 * memory before the call and used after it. 0 if all survived and the
 * secure world's answers arrived, else a bit per failure.
 */
static __attribute__((noinline)) unsigned live_across_switch(const volatile uint64_t *src)
{
	uint64_t a = src[0] * 3, b = src[1] * 5, c = src[2] * 7, d = src[3] * 11,
		 e = src[4] * 13;
	const volatile uint64_t *p = src + 2;
	struct hcall_acrn_world_regs regs = { 0x11, 0x22, 0x33, 0x44 };
	struct hcall_result r = hcall_acrn_world_switch(&regs);
	unsigned bad = 0;

	bad |= (r.code != 0) << 0;
	bad |= (regs.rdi != 0x111 || regs.rsi != 0x122 || regs.rdx != 0x133 ||
		regs.rbx != 0x144) << 1;
	bad |= (a != 3 || b != 10 || c != 21 || d != 44 || e != 65) << 2;
	bad |= (p[0] != 3 || p != src + 2) << 3;
	return bad;
}
static const volatile uint64_t live_src[5] = { 1, 2, 3, 4, 5 };

/* INITIALIZE_TRUSTY and WORLD_SWITCH between two real worlds. */
static void two_worlds(void)
{
	static struct hcall_acrn_trusty_boot_param bp;
	const uint64_t sworld_gpa = (uint64_t)(uintptr_t)sworld;
	struct hcall_acrn_world_regs from_secure = { 0, 0, 0, 0 };
	struct hcall_result r;

	/* The secure world: a block of the VM's own memory, entry at its
	 * start (ACRN: [base, base + mem_size) is the caller's RAM), its
	 * stack at the top. */
	for (unsigned i = 0; i < (unsigned)(hcall_test_sworld_end - hcall_test_sworld_code); i++)
		sworld[i] = hcall_test_sworld_code[i];
	bp.size_of_this_struct = sizeof(bp);
	bp.version = 1;
	bp.base_addr = (uint32_t)sworld_gpa;
	bp.base_addr_high = (uint32_t)(sworld_gpa >> 32);
	bp.mem_size = sizeof(sworld);
	bp.entry_point = (uint32_t)sworld_gpa;
	bp.entry_point_high = (uint32_t)(sworld_gpa >> 32);
	r = hcall_acrn_initialize_trusty((uint64_t)(uintptr_t)&bp, &from_secure);
	tap_eq("acrn trusty: initialize_trusty = 0", s64(r.code), 0);
	tap_check(from_secure.rdi == 0x5e1 && from_secure.rsi == 0x5e2 &&
			  from_secure.rdx == 0x5e3 && from_secure.rbx == 0x5e4,
		  "acrn trusty: initialize_trusty returns with the secure world's rdi, rsi, rdx, rbx");
	guest_demo_value("acrn", "initialize_trusty", r.code);
	{
		unsigned bad = live_across_switch(live_src);

		tap_eq("acrn trusty: world_switch: the secure world's answers arrive",
		       bad & 3u, 0);
		tap_eq("acrn trusty: world_switch: values live across it survive",
		       bad & 12u, 0);
	}
	tap_eq("acrn trusty: initialize_trusty twice = -EPERM (-1)",
	       s64(hcall_acrn_initialize_trusty((uint64_t)(uintptr_t)&bp, 0).code),
	       s64(-1));
	tap_eq("acrn trusty: initialize_trusty at a bad address = -EFAULT",
	       s64(hcall_acrn_initialize_trusty(OUTSIDE_VM, 0).code), s64(EFAULT_));
	r = hcall_acrn_world_switch(0);
	tap_eq("acrn trusty: world_switch = 0", s64(r.code), 0);
	guest_demo_value("acrn", "world_switch from the trusty VM", r.code);
	tap_eq("acrn trusty: save_restore_sworld_ctx = 0",
	       s64(hcall_acrn_save_restore_sworld_ctx().code), 0);
}

static void trusty(void)
{
	static struct hcall_acrn_api_version ver;

	roles();
	tap_eq("acrn trusty: world_switch before initialize_trusty = -EPERM (-1)",
	       s64(hcall_acrn_world_switch(0).code), s64(-1));
	/* Two worlds on one vCPU need a real VM (the system suite): under
	 * qemu-user the process cannot be resumed in another world. */
	if (guest_need(GUEST_CAP_VMS, "acrn trusty: initialize_trusty and world_switch (two worlds)"))
		two_worlds();
	/* Rule 3: the Service VM's calls are outside the Trusty subset. */
	tap_eq("acrn trusty: start_vm = -ENOTTY",
	       s64(hcall_acrn_start_vm(1).code), s64(ENOTTY_));
	tap_eq("acrn trusty: get_api_version = -ENOTTY",
	       s64(hcall_acrn_get_api_version((uint64_t)(uintptr_t)&ver).code),
	       s64(ENOTTY_));
	/* Only the Service VM finishes I/O requests. */
	tap_eq("acrn trusty: notify_request_finish = -ENOTTY",
	       s64(hcall_acrn_notify_request_finish(1, 0).code), s64(ENOTTY_));
	ring3("acrn trusty: VMCALL from ring 3 gets #GP");
	if (guest_need(GUEST_CAP_VMS, "acrn trusty: I/O request served")) {
		outb(IOREQ_PORT, 't');
		tap_check(1, "acrn trusty: I/O request served");
	}
}
GUEST_CHECK("acrn trusty VM", trusty);
#endif

#if defined(GUEST_VM_NORIGHTS)
static uint64_t rd64(uint64_t gpa)
{
	return *(volatile uint64_t *)(uintptr_t)gpa;
}

static uint32_t rd32(uint64_t gpa)
{
	return *(volatile uint32_t *)(uintptr_t)gpa;
}

static void wr64(uint64_t gpa, uint64_t v)
{
	*(volatile uint64_t *)(uintptr_t)gpa = v;
}

/* vCPU 0 lets vCPU 1 write COUNTER_GPA (in the VM's own memory). */
static volatile int ap_go;

/* vCPU 1, on its own CPU only: on a CPU it shares it would never let the
 * others run (the hypervisor does not preempt a guest). Its write after
 * the protection waits for the Service VM until the VM ends. */
void guest_x86_ap_main(uint64_t vm, uint64_t idx, uint64_t ncpus);
void guest_x86_ap_main(uint64_t vm, uint64_t idx, uint64_t ncpus)
{
	uint64_t end = tsc() + WAIT_TSC, n = 0;

	(void)vm;
	if (idx != 1 || ncpus < 2)
		return;
	while (!ap_go && tsc() < end)
		;
	while (ap_go && tsc() < end)
		wr64(COUNTER_GPA, ++n);
}

/* The normal VM's side of the memory-region test (see the top). */
static void memory_steps(void)
{
	tap_eq("acrn normal VM: the Service VM's page at SHARED_GPA", rd64(SHARED_GPA),
	       SHARED_MAGIC);
	tap_eq("acrn normal VM: the Service VM's other page at DEL_GPA", rd64(DEL_GPA),
	       OTHER_MAGIC);
	tap_eq("acrn normal VM: ... and at MOD_GPA", rd64(MOD_GPA), OTHER_MAGIC);
	outb(IOREQ_PORT, STEP_UNMAP);
	tap_eq("acrn normal VM: a read of the MR_DEL page is the device model's MMIO value",
	       rd64(DEL_GPA), MMIO_PATTERN | DEL_GPA);
	tap_eq("acrn normal VM: a 32-bit read of the MR_MODIFY page too",
	       rd32(MOD_GPA + 0x10), (uint32_t)(MMIO_PATTERN | (MOD_GPA + 0x10)));
	wr64(SHARED_GPA + 8, WP_VALUE);
	tap_eq("acrn normal VM: the write to the protected page, done by the device model",
	       rd64(SHARED_GPA + 8), WP_VALUE);
	tap_eq("acrn normal VM: the protected page still reads directly", rd64(SHARED_GPA),
	       SHARED_MAGIC);
	outb(IOREQ_PORT, STEP_UNPROTECT);
	wr64(SHARED_GPA + 16, DIRECT_VALUE);
	tap_eq("acrn normal VM: a write after the protection is cleared",
	       rd64(SHARED_GPA + 16), DIRECT_VALUE);
	ap_go = 1;
	outb(IOREQ_PORT, STEP_DONE);
}

#define IOAPIC_PA 0xFEC00000ull
#define LAPIC_PA 0xFEE00000ull
#define LAPIC_EOI 0xB0u
#define IOREGSEL 0u /* 32-bit word index of the register: byte 0x00 */
#define IOWIN 4u    /* byte 0x10 */
#define RTE_LO(n) (0x10u + 2u * (n))
#define RTE_HI(n) (0x11u + 2u * (n))
#define RTE_MASKED 0x10000u
#define RTE_LEVEL 0x8000u
#define RTE_REMOTE_IRR 0x4000u
#define RTE_ACTIVE_LOW 0x2000u
#define RTE_DELIVS 0x1000u
#define VEC_EDGE 0x41u
#define VEC_LEVEL 0x42u
#define VEC_MASKED 0x43u
#define VEC_LOW 0x44u

static volatile uint32_t *const ioapic = (volatile uint32_t *)(uintptr_t)IOAPIC_PA;

/* The 4th GiB (both APIC pages) through a page directory of our own: the
 * boot tables map the first GiB only. Uncached 2 MiB pages. */
static uint64_t pd_top[512] __attribute__((aligned(4096)));

static void map_apics(void)
{
	uint64_t cr3, *pml4, *pdpt;

	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	pml4 = (uint64_t *)(uintptr_t)(cr3 & ~0xFFFull);
	pdpt = (uint64_t *)(uintptr_t)(pml4[0] & ~0xFFFull);
	pd_top[(IOAPIC_PA >> 21) & 511] = IOAPIC_PA | 0x9B; /* P RW PWT PCD PS */
	pd_top[(LAPIC_PA >> 21) & 511] = LAPIC_PA | 0x9B;
	pdpt[3] = (uint64_t)(uintptr_t)pd_top | 0x3;
	__asm__ volatile("mov %0, %%cr3" : : "r"(cr3) : "memory");
}

static uint32_t ioapic_read(uint32_t reg)
{
	ioapic[IOREGSEL] = reg;
	return ioapic[IOWIN];
}

static void ioapic_write(uint32_t reg, uint32_t v)
{
	ioapic[IOREGSEL] = reg;
	ioapic[IOWIN] = v;
}

static void lapic_eoi(void)
{
	*(volatile uint32_t *)(uintptr_t)(LAPIC_PA + LAPIC_EOI) = 0;
}

/* Every interrupt ends with an EOI but the level-triggered one, which the
 * checks end themselves (its remote IRR stays set until then). */
static void on_irq(unsigned vector)
{
	if (vector != VEC_LEVEL)
		lapic_eoi();
}

/* A command to the Service VM's line device (check_acrn's irq_command);
 * it returns once the lines moved, and what they sent is taken on the
 * way back in (interrupts are enabled). */
static void irq_cmd(char c)
{
	outb(IRQ_PORT, (uint8_t)c);
}

/* Register values from the 82093AA datasheet and ACRN v3.3 vioapic.c. */
static void ioapic_registers(void)
{
	uint32_t lo;
	uint8_t b;

	tap_eq("ioapic ID after reset = 0 (ACRN resets it)", ioapic_read(0x00), 0);
	tap_eq("ioapic VERSION = 0x002F0011 (version 0x11, maximum redirection entry 47: 48 pins)",
	       ioapic_read(0x01), 0x002F0011u);
	tap_eq("ioapic ARB = the ID (0)", ioapic_read(0x02), 0);
	tap_eq("ioapic entry 0 low after reset: masked", ioapic_read(RTE_LO(0)), RTE_MASKED);
	tap_eq("ioapic entry 47 high after reset: 0x00010000 (ACRN's 0x0001000000010000)",
	       ioapic_read(RTE_HI(47)), 0x00010000u);
	tap_eq("ioapic register 0x70 (past entry 47) reads 0", ioapic_read(0x70), 0);
	ioapic[IOREGSEL] = 0x1234;
	tap_eq("ioapic IOREGSEL keeps bits 7:0", ioapic[IOREGSEL], 0x34);
	ioapic_write(0x00, 0xFFFFFFFFu);
	tap_eq("ioapic ID keeps bits 27:24", ioapic_read(0x00), 0x0F000000u);
	tap_eq("ioapic ARB follows the ID", ioapic_read(0x02), 0x0F000000u);
	ioapic_write(0x00, 0);
	ioapic_write(0x01, 0);
	tap_eq("ioapic VERSION is read-only", ioapic_read(0x01), 0x002F0011u);
	tap_eq("ioapic offset 0x20 reads all ones", ioapic[8], 0xFFFFFFFFu);
	/* A 1-byte access is not a register access (32-bit only) */
	__asm__ volatile("movb (%1), %0" : "=q"(b) : "r"(ioapic) : "memory");
	tap_eq("ioapic 1-byte read of IOREGSEL = all ones", b, 0xFF);
	ioapic_write(RTE_LO(GSI_MASKED), RTE_MASKED | RTE_REMOTE_IRR | RTE_DELIVS | VEC_MASKED);
	tap_eq("ioapic remote IRR and delivery status are read-only",
	       ioapic_read(RTE_LO(GSI_MASKED)), RTE_MASKED | VEC_MASKED);
	/* The decoder's other forms: an r8..r15 source with disp8, an
	 * r8..r15 destination with SIB, an immediate. */
	ioapic[IOREGSEL] = RTE_HI(GSI_MASKED);
	{
		register uint32_t r9 __asm__("r9") = 0xA5000000u;
		register uint32_t r10 __asm__("r10");
		uint64_t idx = IOWIN;

		__asm__ volatile("movl %1, 0x10(%0)" : : "r"(ioapic), "r"(r9) : "memory");
		__asm__ volatile("movl (%1,%2,4), %0" : "=r"(r10) : "r"(ioapic), "r"(idx) : "memory");
		lo = r10;
	}
	tap_eq("ioapic entry 6 high: written and read with other MOV forms", lo, 0xA5000000u);
	__asm__ volatile("movl $0, 0x10(%0)" : : "r"(ioapic) : "memory");
	tap_eq("ioapic entry 6 high: an immediate store", ioapic_read(RTE_HI(GSI_MASKED)), 0);
}

/* The lines the Service VM moves with SET_IRQLINE, and what arrives. */
static void ioapic_lines(void)
{
	ioapic_write(RTE_HI(GSI_EDGE), 0);   /* physical destination: vCPU 0 */
	ioapic_write(RTE_LO(GSI_EDGE), VEC_EDGE);
	ioapic_write(RTE_HI(GSI_LEVEL), 0);
	ioapic_write(RTE_LO(GSI_LEVEL), RTE_LEVEL | VEC_LEVEL);
	tap_eq("ioapic entry 4 reads back: edge, unmasked, vector 0x41",
	       ioapic_read(RTE_LO(GSI_EDGE)), VEC_EDGE);
	tap_eq("ioapic nothing sent while every line is low",
	       guest_x86_interrupts(VEC_EDGE) + guest_x86_interrupts(VEC_LEVEL), 0);
	/* An active-low pin whose wire is low is asserted: unmasking it
	 * sends at once (ACRN: an entry write with the pin asserted). */
	ioapic_write(RTE_HI(GSI_LOW), 0);
	ioapic_write(RTE_LO(GSI_LOW), RTE_ACTIVE_LOW | VEC_LOW);
	tap_eq("ioapic active-low pin unmasked with its wire low: one interrupt",
	       guest_x86_interrupts(VEC_LOW), 1);

	irq_cmd('E');
	tap_eq("set_irqline SET_HIGH: the edge pin's vector 0x41 runs its handler",
	       guest_x86_interrupts(VEC_EDGE), 1);
	irq_cmd('P');
	tap_eq("set_irqline SET_LOW + RAISING_PULSE: a second edge, a second interrupt",
	       guest_x86_interrupts(VEC_EDGE), 2);
	irq_cmd('M');
	tap_eq("set_irqline: a masked pin's pulse delivers nothing",
	       guest_x86_interrupts(VEC_MASKED), 0);
	tap_eq("set_irqline: an unknown op delivers nothing", guest_x86_interrupts(VEC_EDGE), 2);

	irq_cmd('L');
	tap_eq("set_irqline SET_HIGH on a level pin: vector 0x42 once",
	       guest_x86_interrupts(VEC_LEVEL), 1);
	tap_eq("ioapic level entry: remote IRR set until the EOI",
	       ioapic_read(RTE_LO(GSI_LEVEL)), RTE_REMOTE_IRR | RTE_LEVEL | VEC_LEVEL);
	irq_cmd('l');
	tap_eq("set_irqline: a new edge while remote IRR is set sends nothing",
	       guest_x86_interrupts(VEC_LEVEL), 1);
	lapic_eoi();
	tap_eq("EOI with the line still asserted: vector 0x42 again",
	       guest_x86_interrupts(VEC_LEVEL), 2);
	irq_cmd('D');
	lapic_eoi();
	tap_eq("EOI after SET_LOW: nothing more", guest_x86_interrupts(VEC_LEVEL), 2);
	tap_eq("ioapic level entry: remote IRR clear after the EOI",
	       ioapic_read(RTE_LO(GSI_LEVEL)), RTE_LEVEL | VEC_LEVEL);

	irq_cmd('F');
	tap_eq("set_irqline FALLING_PULSE on an active-low pin: one more interrupt",
	       guest_x86_interrupts(VEC_LOW), 2);
	tap_eq("no interrupt on any other vector", guest_x86_interrupts(VEC_MASKED), 0);
}

static void ioapic_checks(void)
{
	map_apics();
	guest_x86_on_interrupt(on_irq);
	ioapic_registers();
	/* The lines need check_acrn's Service VM, which serves IRQ_PORT; it
	 * is the one that set the boot rdx (another, such as the examples',
	 * leaves rdx = the CPU count and never answers the commands). */
	if (guest_x86_boot_ncpus != BOOT_RDX) {
		tap_skip("set_irqline: the normal VM's interrupt lines",
			 "this Service VM set no boot registers: it serves no line commands");
		return;
	}
	__asm__ volatile("sti; nop" ::: "memory");
	ioapic_lines();
	__asm__ volatile("cli" ::: "memory");
}

static void norights(void)
{
	/* Rule 1: no hypercall rights, #UD, for VMCALL and VMMCALL alike. */
	guest_expect_fault();
	hcall_acrn_call0(ID_GET_API_VERSION);
	tap_check(guest_fault_taken() == GUEST_FAULT_UNDEF,
		  "acrn normal VM: VMCALL gets #UD");
	tap_eq("acrn normal VM: #UD vector 6", guest_x86_fault_vector(), 6);
	guest_demo_value("acrn", "VMCALL from a VM without rights: -vector (#UD = -6)", -(int64_t)guest_x86_fault_vector());
	guest_expect_fault();
	__asm__ volatile("vmmcall" ::: "memory");
	tap_check(guest_fault_taken() == GUEST_FAULT_UNDEF,
		  "acrn normal VM: VMMCALL gets #UD");
	/* A device access the Service VM emulates: the upcall. */
	if (guest_need(GUEST_CAP_VMS, "acrn normal VM: I/O request served")) {
		tap_eq("acrn normal VM: emulated port read returns the Service VM's value",
		       inb(IOREQ_PORT), IOREQ_READ_VALUE);
		/* rdx as the Service VM's SET_VCPU_REGS set it */
		outb(IOREQ_PORT, (uint8_t)guest_x86_boot_ncpus);
		tap_check(1, "acrn normal VM: I/O request served");
		/* Only this file's Service VM (the one that sets BOOT_RDX)
		 * maps the pages; the examples' Service VM boots this VM too. */
		if (guest_x86_boot_ncpus == BOOT_RDX)
			memory_steps();
		else
			tap_skip("acrn normal VM: memory regions and write protection",
				 "this Service VM maps no memory for the normal VM");
	}
	if (guest_need(GUEST_CAP_VMS, "acrn normal VM: its emulated I/O APIC and SET_IRQLINE"))
		ioapic_checks();
}
GUEST_CHECK("acrn normal VM", norights);
#endif
