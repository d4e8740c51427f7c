/* SPDX-License-Identifier: MIT */
/*
 * ACRN Service VM: check the hypervisor's API version, give a User VM its
 * I/O request buffer, and serve its port accesses from the upcall on
 * vector 0xF3: ACRN's device-model path.
 */
#include <hcall/acrn.h>

#include "examples.h"
#include "guest_env.h"

/* The emulated device: every read returns this; writes are counted. */
#define DEVICE_READ_VALUE 0x5a

static struct hcall_acrn_api_version version;
static volatile uint64_t upcalls, served;

/* The User VM's request buffer (one 256-byte slot per vCPU), and the u64
 * SET_IOREQ_BUFFER points at: ACRN reads the buffer's GPA from it. */
static struct hcall_acrn_io_request_buffer buffer __attribute__((aligned(4096)));
static uint64_t buffer_gpa;
static uint16_t served_vmid;

/*
 * The upcall says "a User VM has a pending I/O request". A Service VM
 * walks the slots of each VM's buffer, emulates every PENDING request,
 * marks it COMPLETE and tells the hypervisor with NOTIFY_REQUEST_FINISH,
 * which resumes the vCPU with the value read.
 */
static void on_upcall(void)
{
	upcalls++;
	for (uint16_t vcpu = 0; vcpu < HCALL_ACRN_IO_REQUEST_MAX; vcpu++) {
		volatile struct hcall_acrn_io_request *req = &buffer.req_slot[vcpu];

		if (req->processed != HCALL_ACRN_IOREQ_STATE_PENDING ||
		    req->type != HCALL_ACRN_IOREQ_TYPE_PORTIO)
			continue;
		if (req->reqs.pio_request.direction == HCALL_ACRN_IOREQ_DIR_READ)
			req->reqs.pio_request.value = DEVICE_READ_VALUE;
		req->processed = HCALL_ACRN_IOREQ_STATE_COMPLETE;
		if (hcall_ok(hcall_acrn_notify_request_finish(served_vmid, vcpu)))
			served++;
	}
}

int example_acrn_upcall(void)
{
	/* GET_API_VERSION: r8 = 0x80000000, rdi = GPA of the result. Only
	 * the Service VM may call it (-ENOTTY from another VM that may make
	 * hypercalls; #UD for a VM without hypercall rights, #GP(0) outside
	 * ring 0). */
	struct hcall_result r = hcall_acrn_get_api_version(env_gpa(&version));

	if (!hcall_ok(r)) {
		env_puts("get_api_version: ");
		env_puts(hcall_status_str(r.status));
		env_puts("\n");
		return -1;
	}
	env_puts("ACRN API ");
	env_put_hex(version.major);
	env_puts(".");
	env_put_hex(version.minor);
	env_puts("\n");

	/* Install the handler before the hypervisor may raise the vector. */
	env_set_irq_handler(HCALL_ACRN_UPCALL_VECTOR, on_upcall);
	r = hcall_acrn_set_callback_vector(HCALL_ACRN_UPCALL_VECTOR);
	env_puts("set_callback_vector(0xf3): ");
	env_puts(hcall_status_str(r.status));
	env_puts("\n");
	return hcall_ok(r) ? 0 : -1;
}

/*
 * Serve the I/O requests of created VM vmid: SET_IOREQ_BUFFER takes the
 * GPA of a u64 that holds the buffer's GPA (not the buffer's own), and
 * must come before START_VM. 0 or the negated errno.
 */
int64_t example_acrn_serve_vm(uint16_t vmid)
{
	served_vmid = vmid;
	buffer_gpa = env_gpa(&buffer);
	return hcall_acrn_set_ioreq_buffer(vmid, env_gpa(&buffer_gpa)).code;
}

/* How many upcalls arrived so far. */
uint64_t example_acrn_upcalls(void)
{
	return upcalls;
}

/* How many I/O requests the handler completed. */
uint64_t example_acrn_served(void)
{
	return served;
}

/* The API version the hypervisor reported: major << 16 | minor. */
uint32_t example_acrn_api_version(void)
{
	return version.major << 16 | (version.minor & 0xffff);
}
