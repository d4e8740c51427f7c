/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_acrn.c - ACRN's hypercalls as ACRN v3.3 (8cb6fa68) answers them:
 * the Service VM's VM management and device-model path, and the Trusty
 * calls.
 *
 * IDs are looked up by their low byte in a dense table and then compared
 * in full, so an ID with stray upper bits (which ACRN never checks) is
 * unknown. Answers (negated errno values, the ABI's list):
 *   unknown ID, a call hcall does not implement,
 *   outside the caller's permission set, or a
 *   vmid naming no VM the caller manages          -ENOTTY (v3.3)
 *   bad VM state (a powered-off VM, DEFINED, for
 *   every call that names one), most failures      -1 (v3.3's `ret = -1`)
 *   a GPA the call cannot copy from or to         -EINVAL (copy_gpa)
 *   Trusty parameters it cannot use               -EFAULT
 * Service VM calls (class MGMT):
 *   GET_API_VERSION(gpa)     writes {1, 0}
 *   SET_CALLBACK_VECTOR(v)   0x20 <= v <= 0xFF, else -EINVAL; the upcall
 *                            (hv_notify_service_vm) then uses v
 *   CREATE_VM(gpa)           copies struct hcall_acrn_vm_creation once;
 *                            reserved fields must be 0 (-EINVAL, hcall's
 *                            check); instantiates the VM configured under
 *                            that name (DEFINED -> CREATED), -ENOTTY for
 *                            none, -1 if created already; writes vmid and
 *                            vcpu_num back
 *   SET_IOREQ_BUFFER(vmid, ptr_gpa)
 *                            ptr_gpa holds the buffer's GPA; a CREATED VM
 *                            (else -1, powered off too); every slot FREE
 *   START/PAUSE/RESET/DESTROY_VM(vmid)
 *                            only on VMs configured with a name, never
 *                            the caller (else -ENOTTY); as v3.3: start a
 *                            CREATED VM whose buffer is set; pause a
 *                            created, running or ended VM (pausing a
 *                            paused one is 0); reset a paused VM (back to
 *                            CREATED, its secure world gone); destroy a
 *                            paused VM (back to DEFINED, its registered
 *                            handlers gone); else -1, a powered-off
 *                            (DEFINED) VM included
 *   INJECT_MSI(vmid, msi_gpa)
 *                            a fixed/lowest-priority MSI to the vCPU whose
 *                            APIC ID (its index) the address names, as the
 *                            upcall mechanism injects it; -1 otherwise
 *   VM_GPA2HPA(vmid, gpa)    the host address of a mapped gpa; -1 if not
 *   SET_VCPU_REGS(vmid, regs_gpa)
 *                            a vCPU's boot registers (its 16 GPRs and rip;
 *                            the mode fields are not used) for its next
 *                            start; -1 if the VM runs, the struct cannot
 *                            be copied or the vCPU does not exist
 *   VM_SET_MEMORY_REGIONS(gpa)
 *                            maps regions of the caller's memory into a
 *                            managed VM, or unmaps them (MR_MODIFY too,
 *                            as v3.3 does); v3.3's checks and answers
 *   VM_WRITE_PROTECT_PAGE(vmid, wp_gpa)
 *                            a page of the VM becomes read-only (its
 *                            writes become I/O requests) or writable
 *   NOTIFY_REQUEST_FINISH(vmid, vcpu)
 *                            the slot is COMPLETE: the vCPU resumes with
 *                            its value (hv/acrn_ioreq.h); nothing pending
 *                            or not COMPLETE: -EINVAL (ACRN: 0)
 *   SET_IRQLINE(vmid, gsi | op << 32)
 *                            drives pin gsi of the VM's emulated I/O APIC
 *                            (hv/acrn_irq.h): SET_HIGH 0, SET_LOW 1,
 *                            RAISING_PULSE 2, FALLING_PULSE 3; another op
 *                            does nothing and answers 0 (v3.3); gsi >= 48
 *                            or a powered-off VM -1. No 8259 PIC is
 *                            emulated: for gsi < 16,
 *                            where v3.3 drives the vPIC's pin as well
 *                            (GSI 2 -> PIC pin 0), only the I/O APIC pin
 *                            moves
 *   answered -ENOTTY (not implemented here): SERVICE_VM_OFFLINE_CPU,
 *   CREATE_VCPU, VM_INTR_MONITOR, ASYNCIO_ASSIGN/DEASSIGN, SETUP_SBUF,
 *   SET/RESET_PTDEV_INTR_INFO,
 *   ASSIGN/DEASSIGN_PCIDEV, ASSIGN/DEASSIGN_MMIODEV, ADD/REMOVE_VDEV,
 *   ASSIGN/DEASSIGN_PIO_REGION, SETUP_HV_NPK_LOG, PROFILING_OPS,
 *   GET_HW_INFO, PM_GET_CPU_STATE, TEE_VCPU_BOOT_DONE, SWITCH_EE, and the
 *   three v3.3 defines but does not dispatch (ASSIGN/DEASSIGN_PTDEV,
 *   VM_PCI_MSIX_REMAP). GET_PLATFORM_INFO is not a v3.3 call at all.
 * Trusty calls (class TRUSTY), two worlds on the VM's vCPU0 (the secure
 * world shares the VM's memory here; ACRN gives it its own EPT):
 *   INITIALIZE_TRUSTY(gpa)   copies the boot parameters once; the size
 *                            field must match, [base, base + mem_size)
 *                            must be the caller's memory with the entry in
 *                            it (else -EFAULT); once only (-EPERM = -1);
 *                            the vCPU continues in the secure world at the
 *                            entry, rsp = base + mem_size
 *   WORLD_SWITCH             the other world resumes where it called, with
 *                            the caller's rdi, rsi, rdx, rbx and rax = 0
 *                            (trusty.c switch_world); -EPERM (-1) before
 *                            INITIALIZE_TRUSTY
 *   SAVE_RESTORE_SWORLD_CTX  0 once initialised, else -EINVAL
 */
#include <hcall/abi/acrn.h>
#include <hcall/abi/probe.h>

#include "acrn_ioreq.h"
#include "acrn_irq.h"
#include "dispatcher.h"
#include "guest_mem.h"
#include "ioapic.h"
#include "hv_string.h"
#include "lock.h"
#include "registry.h"
#include "service.h"
#include "vm.h"

enum { HCALL_ACRN_CALLS(HV_ENTRY_ARGS) };

/* Per-VM state. uuid is set at creation and never changes; the rest is
 * under vm->lock. The request buffer of a VM lives in the memory of the
 * Service VM that registered it (ioreq_svc). */
struct acrn_vm {
	uint8_t uuid[16];        /* CREATE_VM names a VM by this */
	uint32_t trusty;         /* TRUSTY_* bits */
	unsigned upcall_vector;  /* SET_CALLBACK_VECTOR's */
	uint64_t ioreq_gpa;      /* the request buffer, a GPA of ioreq_svc */
	uint16_t ioreq_svc;      /* the registering Service VM's id */
	uint8_t ioreq_set;       /* SET_IOREQ_BUFFER succeeded */
	uint8_t io_pending;      /* bit i: vCPU i's slot is PENDING */
	uint8_t io_done;         /* bit i: completed, value not yet taken */
	uint8_t io_mmio;         /* bit i: the request is MMIO or WP (64-bit value) */
	uint64_t io_value[HV_MAX_VCPUS];
	/* The world that is not running (Trusty): its registers and the PC
	 * it resumes at. One context: the Trusty VM has one vCPU. */
	struct hcall_regs world_regs;
	uint64_t world_pc;
	/* SET_VCPU_REGS: vCPU i boots from boot_gprs[i] at boot_rip[i] when
	 * bit i of regs_set is set. */
	uint8_t regs_set;
	struct hcall_acrn_gp_regs boot_gprs[HV_MAX_VCPUS];
	uint64_t boot_rip[HV_MAX_VCPUS];
	/* The emulated I/O APIC of a VM with a uuid (acrn_irq.h). */
	struct hv_ioapic ioapic;
};

/* Offsets in struct hcall_acrn_io_request, for single-field writes. */
#define SLOT_SIZE sizeof(struct hcall_acrn_io_request)
#define SLOT_PROCESSED 136u
HCALL_STATIC_ASSERT(HV_MAX_VCPUS <= 8 && HV_MAX_VCPUS <= HCALL_ACRN_IO_REQUEST_MAX,
		    "one pending bit and one slot per vCPU");
#define TRUSTY_READY 1u  /* INITIALIZE_TRUSTY done */
#define TRUSTY_SECURE 2u /* the secure world is current */

static struct acrn_vm *acrn_of(struct hv_vm *vm)
{
	return hv_vm_state(vm, &hv_service_acrn);
}

/* ACRN_<NAME> = raw code, from the ABI's error table. */
#define ACRN_ERR(name, raw, status) ACRN_##name = (raw),
enum { HCALL_ACRN_ERRORS(ACRN_ERR) };

#define API_MAJOR 1u
#define API_MINOR 0u
#define VECTOR_MIN 0x20u
#define VECTOR_MAX 0xFFu

/* Only ACRN's codes reach the guest. */
static int64_t acrn_code(int64_t e)
{
	switch (e) {
	case 0:
	case ACRN_EFAULT:
	case ACRN_FAILED:
	case ACRN_EINVAL:
	case ACRN_ENOTTY:
		return e;
	default:
		return ACRN_EINVAL;
	}
}

static void get_api_version(struct hv_call *c)
{
	struct hcall_acrn_api_version v = { API_MAJOR, API_MINOR };

	/* copy_to_gpa's failure: -EINVAL */
	hv_call_status(c, hv_copy_to_guest(c->vm, c->arg[0], &v, sizeof(v))
				  ? ACRN_EINVAL
				  : 0);
}

static void set_callback_vector(struct hv_call *c)
{
	uint64_t v = c->arg[0];

	if (v < VECTOR_MIN || v > VECTOR_MAX) {
		hv_call_status(c, ACRN_EINVAL);
		return;
	}
	hv_lock(&c->vm->lock);
	((struct acrn_vm *)c->state)->upcall_vector = (unsigned)v;
	hv_unlock(&c->vm->lock);
	hv_call_status(c, 0);
}

static int uuid_set(const uint8_t *u)
{
	unsigned i;

	for (i = 0; i < 16; i++)
		if (u[i])
			return 1;
	return 0;
}

static int uuid_eq(const uint8_t *a, const uint8_t *b)
{
	unsigned i;

	for (i = 0; i < 16; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

static void create_vm(struct hv_call *c)
{
	struct hcall_acrn_vm_creation cv;
	struct hv_vm *t = NULL;
	int64_t st;
	unsigned i;

	/* The struct is written back: check both ways before deciding.
	 * Unusable: ACRN v3.3 finds no target VM, -ENOTTY. */
	if (!hv_guest_range(c->vm, c->arg[0], sizeof(cv), HV_MEM_READ | HV_MEM_WRITE) ||
	    hv_copy_from_guest(c->vm, &cv, c->arg[0], sizeof(cv))) {
		hv_call_status(c, ACRN_ENOTTY);
		return;
	}
	if (cv.reserved0 || cv.reserved1 || !uuid_set(cv.name)) {
		hv_call_status(c, ACRN_EINVAL);
		return;
	}
	/* ACRN v3.3 looks the configuration up by name: none (and no
	 * dynamic slot, which hcall does not have) -ENOTTY; a VM that is
	 * not powered off -1. */
	hv_lock(&c->hv->lock);
	for (i = 0; i < HV_MAX_VMS && !t; i++)
		if (&c->hv->vms[i] != c->vm && uuid_set(acrn_of(&c->hv->vms[i])->uuid) &&
		    uuid_eq(acrn_of(&c->hv->vms[i])->uuid, cv.name))
			t = &c->hv->vms[i];
	st = !t ? ACRN_ENOTTY : t->state != HV_VM_DEFINED ? ACRN_FAILED : 0;
	if (!st) {
		hv_vm_set_state(t, HV_VM_CREATED);
		hv_lock(&t->lock);
		hv_ioapic_reset(&acrn_of(t)->ioapic);
		hv_unlock(&t->lock);
	}
	hv_unlock(&c->hv->lock);
	if (st) {
		hv_call_status(c, st);
		return;
	}
	cv.vmid = (uint16_t)t->id;
	cv.vcpu_num = (uint16_t)t->nvcpus;
	hv_call_status(c, hv_copy_to_guest(c->vm, c->arg[0], &cv, sizeof(cv))
				  ? ACRN_EINVAL
				  : 0);
}

/* A VM the service VM manages through ACRN calls (configured with a
 * name, not itself), in any state, under hv->lock. ACRN v3.3 finds a VM
 * for every vmid of its table and each call refuses a powered-off one
 * (DEFINED here) with -1; anything else is no target (-ENOTTY). */
static struct hv_vm *target(struct hv_call *c, uint64_t vmid)
{
	struct hv_vm *t = hv_vm_by_id(c->hv, vmid);

	if (!t || t == c->vm || !uuid_set(acrn_of(t)->uuid))
		return NULL;
	return t;
}

static int ioreq_set(struct hv_vm *t)
{
	int set;

	hv_lock(&t->lock);
	set = acrn_of(t)->ioreq_set;
	hv_unlock(&t->lock);
	return set;
}

/*
 * What a reset or a destroy drops of a VM's run (under vm->lock): the
 * secure world (ACRN's reset_vm() destroys it, so Trusty starts afresh)
 * the requests in flight and the boot registers; a destroy also forgets the request buffer,
 * which a reset keeps for the device model that goes on serving the VM.
 */
static void forget_run(struct hv_vm *t, int destroy)
{
	struct acrn_vm *a = acrn_of(t);

	hv_lock(&t->lock);
	a->trusty = 0;
	a->world_pc = 0;
	hv_memset(&a->world_regs, 0, sizeof(a->world_regs));
	a->io_pending = a->io_done = 0;
	a->regs_set = 0; /* the next boot is the default one unless set again */
	hv_ioapic_reset(&a->ioapic); /* ACRN's reset_vm resets its vIOAPIC */
	if (destroy)
		a->ioreq_set = 0;
	hv_unlock(&t->lock);
}

enum lifecycle { START, PAUSE, RESET, DESTROY };

/*
 * ACRN v3.3's four VM lifecycle calls (hypercall.c hcall_start_vm,
 * hcall_pause_vm, hcall_reset_vm, hcall_destroy_vm; vm.c pause_vm), with
 * DEFINED as its powered-off state and STOPPED (the guest ended itself)
 * as its ready-to-power-off one; under hv->lock:
 *   START    CREATED with the request buffer set -> RUNNING, else -1
 *   PAUSE    CREATED, RUNNING or STOPPED -> PAUSED; PAUSED stays: 0;
 *            powered off -1
 *   RESET    PAUSED -> CREATED, else -1
 *   DESTROY  PAUSED -> DEFINED, else -1
 */
static int64_t lifecycle_locked(struct hv_call *c, struct hv_vm *t, enum lifecycle op)
{
	int64_t st;

	if (t->state == HV_VM_DEFINED)
		return ACRN_FAILED;
	switch (op) {
	case START:
		if (t->state != HV_VM_CREATED || !ioreq_set(t))
			return ACRN_FAILED;
		return hv_vm_start_locked(c->hv, t);
	case PAUSE:
		return hv_vm_pause_locked(t);
	case RESET:
	case DESTROY:
		if (t->state != HV_VM_PAUSED)
			return ACRN_FAILED;
		st = hv_vm_stop_locked(c->hv, t);
		if (st)
			return st;
		hv_vm_set_state(t, op == RESET ? HV_VM_CREATED : HV_VM_DEFINED);
		forget_run(t, op == DESTROY);
		/* A new CREATE_VM makes a new VM: nothing registered for this
		 * one carries over to it. */
		if (op == DESTROY)
			hv_registry_purge_locked(c->hv, t->id);
		return 0;
	}
	return ACRN_EINVAL;
}

static void lifecycle(struct hv_call *c, enum lifecycle op)
{
	struct hv_vm *t;
	int64_t st;

	hv_lock(&c->hv->lock);
	t = target(c, c->arg[0]);
	st = t ? lifecycle_locked(c, t, op) : ACRN_ENOTTY;
	hv_unlock(&c->hv->lock);
	hv_call_status(c, acrn_code(st));
}

static void start_vm(struct hv_call *c)
{
	lifecycle(c, START);
}

static void pause_vm(struct hv_call *c)
{
	lifecycle(c, PAUSE);
}

static void reset_vm(struct hv_call *c)
{
	lifecycle(c, RESET);
}

static void destroy_vm(struct hv_call *c)
{
	lifecycle(c, DESTROY);
}

/*
 * SET_IOREQ_BUFFER(vmid, ptr_gpa): ptr_gpa is the GPA of a u64 in the
 * caller's memory that holds the buffer's GPA (ACRN copies 8 bytes from
 * it; Linux passes virt_to_phys(&page_gpa)). ACRN v3.3's answers: the
 * pointer cannot be read -EINVAL (copy_from_gpa); the VM is not CREATED,
 * or the buffer is not the caller's memory, -1. Every slot becomes FREE.
 */
static void set_ioreq_buffer(struct hv_call *c)
{
	struct hv_vm *t;
	struct acrn_vm *a;
	uint64_t page;
	const uint32_t free_state = HCALL_ACRN_IOREQ_STATE_FREE;
	int64_t st = 0;
	unsigned i;

	if (hv_copy_from_guest(c->vm, &page, c->arg[1], sizeof(page))) {
		hv_call_status(c, ACRN_EINVAL);
		return;
	}
	hv_lock(&c->hv->lock);
	t = target(c, c->arg[0]);
	if (!t)
		st = ACRN_ENOTTY;
	else if (t->state != HV_VM_CREATED ||
		 !hv_guest_range(c->vm, page, sizeof(struct hcall_acrn_io_request_buffer),
				 HV_MEM_READ | HV_MEM_WRITE))
		st = ACRN_FAILED;
	if (!st) {
		for (i = 0; i < HCALL_ACRN_IO_REQUEST_MAX; i++)
			hv_copy_to_guest(c->vm, page + i * SLOT_SIZE + SLOT_PROCESSED,
					 &free_state, sizeof(free_state));
		a = acrn_of(t);
		hv_lock(&t->lock);
		a->ioreq_gpa = page;
		a->ioreq_svc = (uint16_t)c->vm->id;
		a->ioreq_set = 1;
		a->io_pending = a->io_done = 0;
		hv_unlock(&t->lock);
	}
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

/* Write req into vcpu's slot of its VM's buffer, mark it pending and
 * raise the upcall (hv/acrn_ioreq.h). */
static int post_request(struct hv *hv, struct hv_vcpu *vcpu,
			const struct hcall_acrn_io_request *r, int mmio)
{
	struct hv_vm *vm = vcpu->vm, *svc;
	struct acrn_vm *a = acrn_of(vm);
	const struct hcall_acrn_io_request req = *r;
	uint8_t bit = (uint8_t)(1u << (vcpu->id % HV_MAX_VCPUS));
	int posted = -1;

	hv_lock(&hv->lock);
	hv_lock(&vm->lock);
	svc = a->ioreq_set ? hv_vm_by_id(hv, a->ioreq_svc) : NULL;
	if (svc && vcpu->id < HV_MAX_VCPUS && !(a->io_pending & bit) &&
	    !hv_copy_to_guest(svc, a->ioreq_gpa + vcpu->id * SLOT_SIZE, &req,
			      sizeof(req))) {
		a->io_pending |= bit;
		a->io_done &= (uint8_t)~bit;
		a->io_mmio = (uint8_t)(mmio ? a->io_mmio | bit : a->io_mmio & ~bit);
		posted = 0;
	}
	hv_unlock(&vm->lock);
	hv_unlock(&hv->lock);
	if (!posted)
		hv_notify_service_vm(hv);
	return posted;
}

int hv_acrn_io_request(struct hv *hv, struct hv_vcpu *vcpu, uint64_t port,
		       unsigned size, int is_in, uint64_t value)
{
	struct hcall_acrn_io_request req;

	hv_memset(&req, 0, sizeof(req));
	req.type = HCALL_ACRN_IOREQ_TYPE_PORTIO;
	req.reqs.pio_request.direction =
		is_in ? HCALL_ACRN_IOREQ_DIR_READ : HCALL_ACRN_IOREQ_DIR_WRITE;
	req.reqs.pio_request.address = port;
	req.reqs.pio_request.size = size;
	req.reqs.pio_request.value = is_in ? 0 : (uint32_t)value;
	req.processed = HCALL_ACRN_IOREQ_STATE_PENDING;
	return post_request(hv, vcpu, &req, 0);
}

int hv_acrn_mmio_request(struct hv *hv, struct hv_vcpu *vcpu, uint64_t gpa,
			 unsigned size, int is_read, uint64_t value, int wp)
{
	struct hcall_acrn_io_request req;

	hv_memset(&req, 0, sizeof(req));
	/* ACRN (vmx_io.c): a write to a page mapped read-only is WP */
	req.type = wp && !is_read ? HCALL_ACRN_IOREQ_TYPE_WP : HCALL_ACRN_IOREQ_TYPE_MMIO;
	req.reqs.mmio_request.direction =
		is_read ? HCALL_ACRN_IOREQ_DIR_READ : HCALL_ACRN_IOREQ_DIR_WRITE;
	req.reqs.mmio_request.address = gpa;
	req.reqs.mmio_request.size = size;
	req.reqs.mmio_request.value = is_read ? 0 : value;
	req.processed = HCALL_ACRN_IOREQ_STATE_PENDING;
	return post_request(hv, vcpu, &req, 1);
}

int hv_acrn_io_poll(struct hv_vcpu *vcpu, uint64_t *value)
{
	struct acrn_vm *a = acrn_of(vcpu->vm);
	uint8_t bit = (uint8_t)(1u << (vcpu->id % HV_MAX_VCPUS));
	int done = 0;

	hv_lock(&vcpu->vm->lock);
	if (a->io_done & bit) {
		*value = a->io_value[vcpu->id % HV_MAX_VCPUS];
		a->io_done &= (uint8_t)~bit;
		done = 1;
	}
	hv_unlock(&vcpu->vm->lock);
	return done;
}

/*
 * NOTIFY_REQUEST_FINISH(vmid, vcpu): the Service VM that registered the
 * buffer completed vCPU vcpu's request. ACRN v3.3: no such VM -ENOTTY; no
 * buffer or no such vCPU -1. hcall also answers -EINVAL when that vCPU has
 * no request pending or its slot is not COMPLETE (ACRN answers 0 and the
 * vCPU ignores the spurious event). The slot is copied once; it becomes
 * FREE and the vCPU resumes with the value read.
 */
static void notify_request_finish(struct hv_call *c)
{
	struct hv_vm *t;
	struct acrn_vm *a;
	struct hcall_acrn_io_request req;
	const uint32_t free_state = HCALL_ACRN_IOREQ_STATE_FREE;
	uint64_t id = c->arg[1];
	int64_t st;

	hv_lock(&c->hv->lock);
	t = target(c, c->arg[0]);
	if (!t) {
		hv_unlock(&c->hv->lock);
		hv_call_status(c, ACRN_ENOTTY);
		return;
	}
	a = acrn_of(t);
	hv_lock(&t->lock);
	if (!a->ioreq_set || a->ioreq_svc != c->vm->id || id >= t->nvcpus ||
	    id >= HV_MAX_VCPUS)
		st = ACRN_FAILED;
	else if (!(a->io_pending & (1u << id)) ||
		 hv_copy_from_guest(c->vm, &req, a->ioreq_gpa + id * SLOT_SIZE,
				    sizeof(req)) ||
		 req.processed != HCALL_ACRN_IOREQ_STATE_COMPLETE)
		st = ACRN_EINVAL;
	else {
		/* The value as the request was posted: the slot's type is
		 * the Service VM's to change. */
		a->io_value[hv_index_nospec(id, HV_MAX_VCPUS)] =
			(a->io_mmio & (1u << id)) ? req.reqs.mmio_request.value
						  : req.reqs.pio_request.value;
		a->io_pending &= (uint8_t)~(1u << id);
		a->io_done |= (uint8_t)(1u << id);
		hv_copy_to_guest(c->vm, a->ioreq_gpa + id * SLOT_SIZE + SLOT_PROCESSED,
				 &free_state, sizeof(free_state));
		st = 0;
	}
	hv_unlock(&t->lock);
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

/*
 * SET_VCPU_REGS(vmid, regs_gpa): struct hcall_acrn_vcpu_regs, the
 * registers vCPU vcpu_id of VM vmid boots from at its next start (a
 * START_VM of a CREATED VM). ACRN v3.3 answers -1 for a VM that is
 * running, a null or uncopyable regs_gpa, or a vCPU the VM does not have
 * (vcpu_id >= MAX_VCPUS_PER_VM or offline; here: >= its vCPU count).
 * The SVM hypervisor boots every vCPU in its own 64-bit mode (its page
 * tables, segments and control registers), so what is taken is the 16
 * general-purpose registers and rip; the descriptor tables, segments,
 * control registers, EFER and RFLAGS are not used (ACRN loads them, and
 * checks only CR0/CR4 against VMX's fixed bits).
 */
static void set_vcpu_regs(struct hv_call *c)
{
	struct hcall_acrn_vcpu_regs r;
	struct hv_vm *t;
	struct acrn_vm *a;
	uint64_t i;
	int64_t st = ACRN_FAILED;
	const int copied = c->arg[1] && !hv_copy_from_guest(c->vm, &r, c->arg[1], sizeof(r));

	hv_lock(&c->hv->lock);
	t = target(c, c->arg[0]);
	if (!t)
		st = ACRN_ENOTTY;
	else if (copied && t->state != HV_VM_RUNNING && t->state != HV_VM_DEFINED &&
		 r.vcpu_id < t->nvcpus && r.vcpu_id < HV_MAX_VCPUS) {
		i = hv_index_nospec(r.vcpu_id, HV_MAX_VCPUS);
		a = acrn_of(t);
		hv_lock(&t->lock);
		a->boot_gprs[hv_index_nospec(i, HV_MAX_VCPUS)] = r.vcpu_regs.gprs;
		a->boot_rip[hv_index_nospec(i, HV_MAX_VCPUS)] = r.vcpu_regs.rip;
		a->regs_set |= (uint8_t)(1u << i);
		hv_unlock(&t->lock);
		st = 0;
	}
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

/*
 * INJECT_MSI(vmid, msi_gpa): the MSI in struct hcall_acrn_msi_entry at
 * msi_gpa, delivered to the running VM vmid: address 0xFEE<dest>000
 * (dest = the vCPU's APIC ID, which is its index here), data = fixed or
 * lowest-priority delivery (bits 10:8 = 0 or 1) and the vector in 7:0,
 * 16 or above. ACRN v3.3 answers -1 for a message it cannot copy or
 * deliver, and so does hcall.
 */
static void inject_msi(struct hv_call *c)
{
	struct hcall_acrn_msi_entry msi;
	struct hv_vcpu *dest = NULL;
	struct hv_vm *t;
	uint64_t apic, mode, vector;
	int64_t st = ACRN_FAILED;

	if (hv_copy_from_guest(c->vm, &msi, c->arg[1], sizeof(msi))) {
		hv_call_status(c, ACRN_FAILED);
		return;
	}
	apic = (msi.msi_addr >> 12) & 0xFFu;
	mode = (msi.msi_data >> 8) & 7u;
	vector = msi.msi_data & 0xFFu;
	hv_lock(&c->hv->lock);
	t = target(c, c->arg[0]);
	if (!t)
		st = ACRN_ENOTTY;
	else if (t->state == HV_VM_RUNNING && (msi.msi_addr >> 20) == 0xFEEu &&
		 (msi.msi_addr >> 32) == 0 && mode <= 1 && vector >= 16 &&
		 apic < t->nvcpus && apic < HV_MAX_VCPUS) {
		dest = &t->vcpus[hv_index_nospec(apic, t->nvcpus)];
		st = 0;
	}
	hv_unlock(&c->hv->lock);
	if (dest)
		c->hv->ops->upcall(dest, (unsigned)vector);
	hv_call_status(c, st);
}

/*
 * VM_GPA2HPA(vmid, param_gpa): struct hcall_acrn_vm_gpa2hpa; hpa is
 * written back for a gpa that VM vmid has mapped (its second-stage map
 * where the glue has one, so it follows SET_MEMORY_REGIONS; else its
 * regions). ACRN v3.3: the
 * parameter cannot be copied, or the gpa is not mapped, -1; writing the
 * answer back fails, -EINVAL.
 */
static void vm_gpa2hpa(struct hv_call *c)
{
	struct hcall_acrn_vm_gpa2hpa q;
	const struct hv_region *r;
	struct hv_vm *t;
	int64_t st;
	int found = 0;

	if (hv_copy_from_guest(c->vm, &q, c->arg[1], sizeof(q))) {
		hv_call_status(c, ACRN_FAILED);
		return;
	}
	hv_lock(&c->hv->lock);
	t = target(c, c->arg[0]);
	if (t && t->state != HV_VM_DEFINED && c->hv->ops->stage2_query)
		found = !c->hv->ops->stage2_query(t, q.gpa, &q.hpa);
	else if (t && t->state != HV_VM_DEFINED && /* its memory is gone */
		 (r = hv_guest_range(t, q.gpa, 1, 0)) != NULL) {
		q.hpa = (uint64_t)(uintptr_t)(r->host + (q.gpa - r->gpa));
		found = 1;
	}
	hv_unlock(&c->hv->lock);
	if (!t)
		st = ACRN_ENOTTY;
	else if (!found)
		st = ACRN_FAILED;
	else
		st = hv_copy_to_guest(c->vm, c->arg[1], &q, sizeof(q)) ? ACRN_EINVAL : 0;
	hv_call_status(c, st);
}

#define PAGE 0x1000ull

/* The VMs whose map SET_MEMORY_REGIONS and WRITE_PROTECT_PAGE change:
 * a target that is not powered off (DEFINED). Under hv->lock; *st is the
 * answer when there is none. */
static struct hv_vm *map_target(struct hv_call *c, uint64_t vmid, int64_t *st)
{
	struct hv_vm *t = target(c, vmid);

	*st = !t ? ACRN_ENOTTY : t->state == HV_VM_DEFINED ? ACRN_FAILED : 0;
	return *st ? NULL : t;
}

/* Is every page that [gpa, gpa + size) touches mapped in vm? */
static int mapped(struct hv_call *c, struct hv_vm *vm, uint64_t gpa, uint64_t size)
{
	uint64_t hpa;

	if (gpa + size < gpa)
		return 0;
	for (uint64_t p = gpa & ~(PAGE - 1); p < gpa + size; p += PAGE)
		if (c->hv->ops->stage2_query(vm, p, &hpa))
			return 0;
	return 1;
}

/* ACRN's prot: rights and a memory type (the first of WB, WT, WC, WP that
 * is set; none is UC), as hv.h's stage-2 flags. */
static uint32_t region_flags(uint32_t prot)
{
	uint32_t f = 0;
	unsigned type = (prot & HCALL_ACRN_MEM_TYPE_WB)   ? HV_MEM_WB
			: (prot & HCALL_ACRN_MEM_TYPE_WT) ? HV_MEM_WT
			: (prot & HCALL_ACRN_MEM_TYPE_WC) ? HV_MEM_WC
			: (prot & HCALL_ACRN_MEM_TYPE_WP) ? HV_MEM_WP
							  : HV_MEM_UC;

	if (prot & HCALL_ACRN_MEM_ACCESS_READ)
		f |= HV_MEM_READ;
	if (prot & HCALL_ACRN_MEM_ACCESS_WRITE)
		f |= HV_MEM_WRITE;
	if (prot & HCALL_ACRN_MEM_ACCESS_EXEC)
		f |= HV_MEM_EXEC;
	return f | (type << HV_MEM_TYPE_SHIFT);
}

static int64_t stage2_code(int e)
{
	return !e ? 0 : e == -HV_EINVAL ? ACRN_EINVAL : ACRN_FAILED;
}

/* One region of SET_MEMORY_REGIONS, under hv->lock (v3.3
 * set_vm_memory_region). */
static int64_t set_region(struct hv_call *c, struct hv_vm *t,
			  const struct hcall_acrn_memory_region *mr)
{
	const struct hv_region *svc;
	uint64_t gpa = (mr->gpa + PAGE - 1) & ~(PAGE - 1);
	uint64_t sgpa = (mr->service_vm_gpa + PAGE - 1) & ~(PAGE - 1);
	uint32_t flags = region_flags(mr->prot);

	if (mr->size & (PAGE - 1) || mr->gpa > ~(PAGE - 1) || mr->service_vm_gpa > ~(PAGE - 1))
		return ACRN_EINVAL;
	if (mr->type != HCALL_ACRN_MR_ADD) {
		/* Every type but MR_ADD unmaps, MR_MODIFY included. */
		if (!mapped(c, t, mr->gpa, mr->size))
			return ACRN_EINVAL;
		return mr->size ? stage2_code(c->hv->ops->stage2(t, HV_STAGE2_UNMAP, gpa,
								  mr->size, 0, 0))
				: 0;
	}
	if (!mr->size)
		return 0;
	/* The backing: the Service VM's own memory (its map is its
	 * regions; no call changes it), checked where it is mapped from. */
	svc = hv_guest_range(c->vm, sgpa, mr->size, 0);
	if (!svc || ((flags & (HV_MEM_WRITE | HV_MEM_EXEC)) && !(flags & HV_MEM_READ)))
		return ACRN_EINVAL;
	return stage2_code(c->hv->ops->stage2(t, HV_STAGE2_MAP, gpa, mr->size,
					      (uint64_t)(uintptr_t)(svc->host + (sgpa - svc->gpa)),
					      flags));
}

/*
 * VM_SET_MEMORY_REGIONS(regions_gpa): struct hcall_acrn_set_regions in the
 * caller's memory names the VM (vmid) and mr_num struct
 * hcall_acrn_memory_region at regions_gpa. ACRN v3.3 (vmcall.c
 * parse_target_vm; hypercall.c hcall_set_vm_memory_regions and
 * set_vm_memory_region; ept.c; pagetable.c):
 *   the struct cannot be copied, or vmid is no VM it manages   -ENOTTY
 *   the VM is powered off (not created)                        -1
 *   mr_num == 0                                                 -1
 *   then the regions in order, each copied once; the first answer that
 *   is not 0 ends the call, and an entry that cannot be copied ends it
 *   with the previous entry's answer (-1 for the first). mr_num has no
 *   limit of its own (v3.3's "one page" is a comment).
 *   Per region: size not a multiple of 4 KiB -EINVAL; gpa and
 *   service_vm_gpa are rounded up to a page (pagetable.c);
 *     MR_ADD: the Service VM's [service_vm_gpa, + size) must be its
 *       memory (-EINVAL), which is mapped at gpa with prot's rights and
 *       memory type; a page the VM has mapped already is kept;
 *     any other type (MR_DEL, MR_MODIFY): every page of [gpa, + size)
 *       must be mapped in the VM (-EINVAL), then it is unmapped.
 * hcall answers besides (none of these is an ACRN answer):
 *   vmid = the caller -ENOTTY (v3.3 would change the Service VM's own
 *   map); a gpa range beyond what the VM's tables map (x86: 1 GiB), and
 *   rights with WRITE or EXEC but no READ (ACRN would build a
 *   misconfigured EPT entry; NPT cannot express them) -EINVAL; the
 *   tables full -1; no stage-2 map in this glue -ENOTTY.
 */
static void vm_set_memory_regions(struct hv_call *c)
{
	struct hcall_acrn_set_regions sr;
	struct hcall_acrn_memory_region mr;
	struct hv_vm *t;
	int64_t st;

	if (!c->hv->ops->stage2 || !c->hv->ops->stage2_query ||
	    hv_copy_from_guest(c->vm, &sr, c->arg[0], sizeof(sr))) {
		hv_call_status(c, ACRN_ENOTTY);
		return;
	}
	hv_lock(&c->hv->lock);
	t = map_target(c, sr.vmid, &st);
	if (t) {
		st = ACRN_FAILED;
		for (uint64_t i = 0; i < sr.mr_num; i++) {
			if (hv_copy_from_guest(c->vm, &mr, sr.regions_gpa + i * sizeof(mr),
					       sizeof(mr)))
				break;
			st = set_region(c, t, &mr);
			if (st)
				break;
		}
	}
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

/*
 * VM_WRITE_PROTECT_PAGE(vmid, wp_gpa): struct hcall_acrn_wp_data; set != 0
 * takes write access from the 4 KiB page at gpa of VM vmid, set == 0 gives
 * it back. A guest write to a protected page reaches the Service VM as an
 * I/O request (hv/acrn_ioreq.h). ACRN v3.3 (hcall_write_protect_page,
 * write_protect_page): no VM it manages -ENOTTY; the VM is powered off
 * (not created) or the struct cannot be copied -1; gpa not 4 KiB aligned
 * or not mapped in the VM -EINVAL. hcall besides: vmid = the caller
 * -ENOTTY, the tables full -1, no stage-2 map in this glue -ENOTTY.
 */
static void vm_write_protect_page(struct hv_call *c)
{
	struct hcall_acrn_wp_data wp;
	struct hv_vm *t;
	int64_t st;

	if (!c->hv->ops->stage2 || !c->hv->ops->stage2_query) {
		hv_call_status(c, ACRN_ENOTTY);
		return;
	}
	hv_lock(&c->hv->lock);
	t = map_target(c, c->arg[0], &st);
	if (t && hv_copy_from_guest(c->vm, &wp, c->arg[1], sizeof(wp)))
		st = ACRN_FAILED;
	else if (t && ((wp.gpa & (PAGE - 1)) || !mapped(c, t, wp.gpa, PAGE)))
		st = ACRN_EINVAL;
	else if (t)
		st = stage2_code(c->hv->ops->stage2(t, wp.set ? HV_STAGE2_DENY : HV_STAGE2_ALLOW,
						    wp.gpa, PAGE, 0, HV_MEM_WRITE));
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

/*
 * Deliver what the I/O APIC of t sent (no lock held; t has run, so its
 * vCPUs have their glue state). ACRN's vlapic_receive_intr: fixed and
 * lowest-priority delivery (one vCPU of the destination) only, vectors
 * 16 and above; physical destination = the vCPU's index, 0xFF = all.
 */
static void ioapic_deliver(struct hv *hv, struct hv_vm *t, const struct hv_ioapic_sent *s)
{
	unsigned i, k;

	for (i = 0; i < s->n && i < HV_IOAPIC_PINS; i++) {
		const uint64_t rte = s->rte[i];
		const unsigned dest = HV_IOAPIC_RTE_DEST(rte);
		const unsigned mode = HV_IOAPIC_RTE_DELMODE(rte);
		const unsigned vector = (unsigned)(rte & HV_IOAPIC_RTE_VECTOR);

		if (mode > 1 || vector < 16 || (rte & HV_IOAPIC_RTE_LOGICAL))
			continue;
		for (k = 0; k < t->nvcpus && k < HV_MAX_VCPUS; k++) {
			if (dest != 0xFFu && dest != k)
				continue;
			hv->ops->upcall(&t->vcpus[k], vector);
			if (mode == 1)
				break; /* lowest priority: one vCPU */
		}
	}
}

/* The I/O APIC is a post-launched VM's: one with a uuid (fixed at boot). */
int hv_acrn_ioapic_access(struct hv *hv, struct hv_vcpu *vcpu, uint64_t offset,
			  unsigned size, int write, uint32_t *value)
{
	struct hv_vm *vm = vcpu->vm;
	struct acrn_vm *a = acrn_of(vm);
	struct hv_ioapic_sent sent;

	if (!uuid_set(a->uuid))
		return -1;
	sent.n = 0;
	hv_lock(&vm->lock);
	hv_ioapic_mmio(&a->ioapic, offset, size, write, value, &sent);
	hv_unlock(&vm->lock);
	ioapic_deliver(hv, vm, &sent);
	return 0;
}

void hv_acrn_eoi(struct hv *hv, struct hv_vcpu *vcpu, unsigned vector)
{
	struct hv_vm *vm = vcpu->vm;
	struct acrn_vm *a = acrn_of(vm);
	struct hv_ioapic_sent sent;

	if (!uuid_set(a->uuid))
		return;
	sent.n = 0;
	hv_lock(&vm->lock);
	hv_ioapic_eoi(&a->ioapic, vector, &sent);
	hv_unlock(&vm->lock);
	ioapic_deliver(hv, vm, &sent);
}

/*
 * SET_IRQLINE(vmid, ops): ops is struct acrn_irqline_ops {u32 gsi; u32
 * op} passed by value, gsi in bits 31:0. ACRN v3.3 (hcall_set_irqline):
 * a target it does not dispatch to (no such VM, a pre-launched one)
 * -ENOTTY; powered off, or gsi beyond the vIOAPIC's 48 pins, -1; else 0,
 * whatever op is. hcall answers -ENOTTY for the caller itself too, as
 * for every other VM-management call (v3.3 would drive the Service VM's
 * own vIOAPIC, which hcall does not emulate).
 */
static void set_irqline(struct hv_call *c)
{
	const uint32_t gsi = (uint32_t)c->arg[1];
	const uint32_t op = (uint32_t)(c->arg[1] >> 32);
	struct hv_ioapic_sent sent;
	struct hv_vm *t;
	int64_t st = 0;
	int live = 0;

	sent.n = 0;
	hv_lock(&c->hv->lock);
	t = target(c, c->arg[0]);
	if (!t)
		st = ACRN_ENOTTY;
	else if (t->state == HV_VM_DEFINED || gsi >= HV_IOAPIC_PINS)
		st = ACRN_FAILED;
	else {
		hv_lock(&t->lock);
		hv_ioapic_set_line(&acrn_of(t)->ioapic, gsi, op, &sent);
		hv_unlock(&t->lock);
		live = t->state == HV_VM_RUNNING || t->state == HV_VM_PAUSED;
	}
	hv_unlock(&c->hv->lock);
	if (live)
		ioapic_deliver(c->hv, t, &sent);
	hv_call_status(c, st);
}

/* The registers a Trusty world switch carries (trusty.c copy_smc_param),
 * as x86 register numbers (rdi, rsi, rdx, rbx). */
static const unsigned world_carried[4] = {
	HCALL_REG_IDX(HCALL_X86_RDI), HCALL_REG_IDX(HCALL_X86_RSI),
	HCALL_REG_IDX(HCALL_X86_RDX), HCALL_REG_IDX(HCALL_X86_RBX),
};

/*
 * Switch vcpu to the other world, under vm->lock: the running world's
 * registers and resume PC are kept, the other's loaded, and rdi, rsi,
 * rdx, rbx travel from the caller to the world that resumes. rax is the
 * call's result, written by the dispatcher into the resumed world.
 */
static void switch_world_locked(struct acrn_vm *a, struct hv_vcpu *vcpu)
{
	struct hcall_regs next = a->world_regs;
	uint64_t next_pc = a->world_pc;
	unsigned i;

	for (i = 0; i < 4; i++)
		next.r[world_carried[i] % HCALL_NREGS] =
			vcpu->regs.r[world_carried[i] % HCALL_NREGS];
	a->world_regs = vcpu->regs;
	a->world_pc = vcpu->pc;
	vcpu->regs = next;
	vcpu->pc = next_pc;
	a->trusty ^= TRUSTY_SECURE;
}

/*
 * INITIALIZE_TRUSTY: the normal world is kept, and the vCPU resumes in the
 * secure world at its entry with rsp at the top of its memory and the
 * caller's registers otherwise (rdi = the boot parameters); the normal
 * world resumes when the secure world first calls WORLD_SWITCH.
 */
static void initialize_trusty(struct hv_call *c)
{
	struct acrn_vm *a = c->state;
	struct hcall_acrn_trusty_boot_param bp;
	uint64_t base, entry;
	int64_t st = 0;

	/* ACRN v3.3: parameters it cannot copy or use, -EFAULT */
	if (hv_copy_from_guest(c->vm, &bp, c->arg[0], sizeof(bp))) {
		hv_call_status(c, ACRN_EFAULT);
		return;
	}
	base = ((uint64_t)bp.base_addr_high << 32) | bp.base_addr;
	entry = ((uint64_t)bp.entry_point_high << 32) | bp.entry_point;
	if (bp.size_of_this_struct != sizeof(bp) || !bp.mem_size ||
	    !hv_vm_owns(c->vm, base, bp.mem_size) || entry < base ||
	    entry - base >= bp.mem_size || c->vcpu->id != 0)
		st = ACRN_EFAULT;
	hv_lock(&c->vm->lock);
	if (!st && (a->trusty & TRUSTY_READY))
		st = ACRN_FAILED; /* -EPERM: already active */
	if (!st) {
		a->trusty = TRUSTY_READY;
		a->world_regs = c->vcpu->regs;
		a->world_regs.r[HCALL_REG_IDX(HCALL_X86_RSP)] = base + bp.mem_size;
		a->world_pc = entry;
		switch_world_locked(a, c->vcpu);
	}
	hv_unlock(&c->vm->lock);
	hv_call_status(c, st);
}

/* WORLD_SWITCH: -EPERM (-1) before INITIALIZE_TRUSTY. */
static void world_switch(struct hv_call *c)
{
	struct acrn_vm *a = c->state;
	int64_t st = ACRN_FAILED;

	hv_lock(&c->vm->lock);
	if ((a->trusty & TRUSTY_READY) && c->vcpu->id == 0) {
		switch_world_locked(a, c->vcpu);
		st = 0;
	}
	hv_unlock(&c->vm->lock);
	hv_call_status(c, st);
}

static void save_restore_sworld_ctx(struct hv_call *c)
{
	struct acrn_vm *a = c->state;
	uint32_t trusty;

	hv_lock(&c->vm->lock);
	trusty = a->trusty;
	hv_unlock(&c->vm->lock);
	hv_call_status(c, (trusty & TRUSTY_READY) ? 0 : ACRN_EINVAL);
}

#define IDX(id) ((id) & 0xFFu)
/* Indexed by the ID's low byte, up to the highest one served (the
 * compiler refuses an entry past the end). */
#define ACRN_N (IDX(HCALL_ACRN_SAVE_RESTORE_SWORLD_CTX) + 1u)

static const struct hv_entry table[ACRN_N] = {
	[IDX(HCALL_ACRN_GET_API_VERSION)] =
		HV_ENTRY(ACRN, GET_API_VERSION, get_api_version, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_SET_CALLBACK_VECTOR)] =
		HV_ENTRY(ACRN, SET_CALLBACK_VECTOR, set_callback_vector, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_CREATE_VM)] = HV_ENTRY(ACRN, CREATE_VM, create_vm, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_DESTROY_VM)] = HV_ENTRY(ACRN, DESTROY_VM, destroy_vm, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_START_VM)] = HV_ENTRY(ACRN, START_VM, start_vm, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_PAUSE_VM)] = HV_ENTRY(ACRN, PAUSE_VM, pause_vm, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_RESET_VM)] = HV_ENTRY(ACRN, RESET_VM, reset_vm, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_SET_VCPU_REGS)] =
		HV_ENTRY(ACRN, SET_VCPU_REGS, set_vcpu_regs, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_INJECT_MSI)] = HV_ENTRY(ACRN, INJECT_MSI, inject_msi, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_SET_IRQLINE)] = HV_ENTRY(ACRN, SET_IRQLINE, set_irqline, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_VM_GPA2HPA)] = HV_ENTRY(ACRN, VM_GPA2HPA, vm_gpa2hpa, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_VM_SET_MEMORY_REGIONS)] =
		HV_ENTRY(ACRN, VM_SET_MEMORY_REGIONS, vm_set_memory_regions, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_VM_WRITE_PROTECT_PAGE)] =
		HV_ENTRY(ACRN, VM_WRITE_PROTECT_PAGE, vm_write_protect_page, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_SET_IOREQ_BUFFER)] =
		HV_ENTRY(ACRN, SET_IOREQ_BUFFER, set_ioreq_buffer, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_NOTIFY_REQUEST_FINISH)] =
		HV_ENTRY(ACRN, NOTIFY_REQUEST_FINISH, notify_request_finish, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_INITIALIZE_TRUSTY)] =
		HV_ENTRY(ACRN, INITIALIZE_TRUSTY, initialize_trusty, HV_PERM_TRUSTY),
	[IDX(HCALL_ACRN_WORLD_SWITCH)] =
		HV_ENTRY(ACRN, WORLD_SWITCH, world_switch, HV_PERM_TRUSTY),
	[IDX(HCALL_ACRN_SAVE_RESTORE_SWORLD_CTX)] =
		HV_ENTRY(ACRN, SAVE_RESTORE_SWORLD_CTX, save_restore_sworld_ctx, HV_PERM_TRUSTY),
};

/* IDs carry a service group in bits 15:8; the full ID is compared.
 * Inlined in the dispatcher. */
static inline __attribute__((always_inline)) const struct hv_entry *lookup(uint64_t ext,
									  uint64_t nr)
{
	(void)ext; /* one number space */
	return hv_entry_at(table, ACRN_N, nr & 0xFFu, nr);
}

static void vm_init(struct hv_vm *vm, void *state, const struct hv_vm_config *cfg)
{
	struct acrn_vm *a = state;

	(void)vm;
	hv_memcpy(a->uuid, cfg->uuid, sizeof(a->uuid));
	hv_ioapic_reset(&a->ioapic);
	a->upcall_vector = HV_UPCALL_VECTOR;
}

/* A fresh boot (under vm->lock, after the glue reset the vCPUs): the
 * registers SET_VCPU_REGS gave. The glue starts a vCPU at its entry. */
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_gp_regs) == 16 * sizeof(uint64_t) &&
			    HCALL_NREGS >= 16,
		    "rax to r15 are the first 16 registers, in x86 encoding order");
static void vm_start(struct hv_vm *vm, void *state)
{
	struct acrn_vm *a = state;
	unsigned i;

	for (i = 0; i < vm->nvcpus && i < HV_MAX_VCPUS; i++) {
		if (!(a->regs_set & (1u << i)))
			continue;
		hv_memcpy(vm->vcpus[i].regs.r, &a->boot_gprs[i], sizeof(a->boot_gprs[i]));
		vm->vcpus[i].entry = a->boot_rip[i];
	}
}

static unsigned upcall_vector(const struct hv_vm *vm, const void *state)
{
	(void)vm;
	return ((const struct acrn_vm *)state)->upcall_vector;
}

static const struct hcall_conv_desc conv = HCALL_ACRN_CONV;
static const struct hv_conv convs[] = { { &conv, 0 } };

/* The service's dispatcher, instantiated over its constant description. */
static enum hv_action dispatch(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r)
{
	return hv_dispatch(hv, vcpu, r, &hv_service_acrn, lookup);
}

const struct hv_service hv_service_acrn = {
	.name = "acrn",
	.abi = HV_ABI_ACRN,
	.convs = convs,
	.nconvs = 1,
	.lookup = lookup,
	.dispatch = dispatch,
	.nr_mask = ~0ull,
	.errs = { ACRN_ENOTTY, ACRN_ENOTTY, ACRN_EINVAL, ACRN_EINVAL },
	.probe = { 0, HCALL_PROBE_ACRN_ECHO, HCALL_PROBE_ACRN_DUMP },
	.state_size = sizeof(struct acrn_vm),
	.vm_init = vm_init,
	.vm_start = vm_start,
	.upcall_vector = upcall_vector,
};
