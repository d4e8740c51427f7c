/* SPDX-License-Identifier: MIT */
/*
 * vmm.h - what the three small VMMs share: one VM with one vCPU and one
 * RAM slot holding a flat guest image, a byte-wide console the guest
 * writes to (an MMIO address or I/O port outside RAM), and the exit that
 * ends the run, printed for the test to check.
 *
 * Output: every guest line is printed as "<label>: <line>", and the end as
 * "<label>: exit: reason=<name> ...".
 */
#ifndef VMM_H
#define VMM_H

#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define RAM_SIZE 0x200000UL

static const char *label = "guest";

static void die(const char *what)
{
	printf("%s: exit: reason=vmm-error what=%s errno=%d\n", label, what, errno);
	exit(1);
}

static int xioctl(int fd, unsigned long req, void *arg, const char *what)
{
	int r = ioctl(fd, req, arg);

	if (r < 0)
		die(what);
	return r;
}

/* The guest's console: a line is printed with the label in front. */
static void console_putc(uint8_t c)
{
	static int at_line_start = 1;

	if (at_line_start)
		printf("%s: ", label);
	putchar(c);
	at_line_start = c == '\n';
	if (at_line_start)
		fflush(stdout);
}

struct vm {
	int kvm, vm, vcpu;
	uint8_t *ram;
	struct kvm_run *run;
};

/* Open KVM, create the VM (type 0) with RAM at ram_base holding the image
 * at image_off, and one vCPU with its kvm_run mapped. */
static struct vm vm_create(const char *image, uint64_t ram_base, uint64_t image_off)
{
	struct vm v;
	struct kvm_userspace_memory_region slot;
	FILE *f;
	size_t n;
	long mmap_size;

	v.kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (v.kvm < 0)
		die("open /dev/kvm");
	v.vm = xioctl(v.kvm, KVM_CREATE_VM, 0, "KVM_CREATE_VM");
	v.ram = mmap(NULL, RAM_SIZE, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (v.ram == MAP_FAILED)
		die("mmap RAM");
	f = fopen(image, "rb");
	if (!f)
		die("open guest image");
	n = fread(v.ram + image_off, 1, RAM_SIZE - image_off - 0x10000, f);
	fclose(f);
	if (n == 0)
		die("read guest image");
	memset(&slot, 0, sizeof(slot));
	slot.guest_phys_addr = ram_base;
	slot.memory_size = RAM_SIZE;
	slot.userspace_addr = (uintptr_t)v.ram;
	xioctl(v.vm, KVM_SET_USER_MEMORY_REGION, &slot, "KVM_SET_USER_MEMORY_REGION");
	v.vcpu = xioctl(v.vm, KVM_CREATE_VCPU, 0, "KVM_CREATE_VCPU");
	mmap_size = xioctl(v.kvm, KVM_GET_VCPU_MMAP_SIZE, 0, "KVM_GET_VCPU_MMAP_SIZE");
	v.run = mmap(NULL, mmap_size, PROT_READ | PROT_WRITE, MAP_SHARED, v.vcpu, 0);
	if (v.run == MAP_FAILED)
		die("mmap kvm_run");
	return v;
}

static inline void set_one_reg(struct vm *v, uint64_t id, uint64_t value)
{
	struct kvm_one_reg reg = { .id = id, .addr = (uintptr_t)&value };

	xioctl(v->vcpu, KVM_SET_ONE_REG, &reg, "KVM_SET_ONE_REG");
}

/* Run until an exit this VMM does not handle itself: console writes to
 * console_addr (MMIO) are printed; a system event ends the run. */
static inline int vm_run_mmio(struct vm *v, uint64_t console_addr)
{
	for (;;) {
		struct kvm_run *r = v->run;

		if (ioctl(v->vcpu, KVM_RUN, 0) < 0)
			die("KVM_RUN");
		if (r->exit_reason == KVM_EXIT_MMIO && r->mmio.is_write &&
		    r->mmio.phys_addr == console_addr) {
			console_putc(r->mmio.data[0]);
			continue;
		}
		if (r->exit_reason == KVM_EXIT_SYSTEM_EVENT) {
			printf("%s: exit: reason=system_event type=%u\n", label,
			       r->system_event.type);
			return 0;
		}
		printf("%s: exit: reason=%u\n", label, r->exit_reason);
		return 1;
	}
}

#endif /* VMM_H */
