/* SPDX-License-Identifier: MIT */
/*
 * ACRN Service VM: check the hypervisor's API version, then take the I/O
 * request upcall on vector 0xF3.
 */
#include <hcall/acrn.h>

#include "examples.h"
#include "guest_env.h"

static struct hcall_acrn_api_version version;
static volatile uint64_t upcalls;

/*
 * The upcall says "a User VM has pending I/O requests". A real Service VM
 * walks the shared I/O request page of each VM here, emulates the device
 * access and reports with hcall_acrn_notify_request_finish(vmid, vcpu).
 */
static void on_upcall(void)
{
	upcalls++;
}

int example_acrn_upcall(void)
{
	/* GET_API_VERSION: r8 = 0x80000000, rdi = GPA of the result. Only
	 * the Service VM may call it (-EINVAL from another VM that may make
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

/* How many upcalls arrived so far. */
uint64_t example_acrn_upcalls(void)
{
	return upcalls;
}

/* The API version the hypervisor reported: major << 16 | minor. */
uint32_t example_acrn_api_version(void)
{
	return version.major << 16 | (version.minor & 0xffff);
}
