/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/tap_relay.c - the guests' consoles, merged into one TAP report.
 *
 * Every VM prints its own TAP stream (numbered from 1, plan last) on port
 * 0xE9, which the hypervisor intercepts. The relay prefixes each line with
 * the VM's name and renumbers the checks into one stream; each guest's plan
 * becomes a comment, and when a VM stops the relay adds one check of its
 * own: the VM ran to its end, reported as many checks as it planned and
 * exited with status 0 (or, after its plan, was stopped by another VM's
 * hypercall). The hypervisor prints the overall plan last.
 */
#include "console.h"
#include "lock.h"
#include "vm.h"

/* VMs on different CPUs print at once: one line at a time reaches the
 * console, and the counts, under this lock. */
static struct hv_lock relay_lock;
static unsigned total, failed;

static int starts_with(const char *s, const char *p)
{
	while (*p)
		if (*s++ != *p++)
			return 0;
	return 1;
}

/* Parse a decimal number at *s, advancing it; -1 if there is none. */
static long parse_dec(const char **s)
{
	long v = -1;

	while (**s >= '0' && **s <= '9') {
		v = (v < 0 ? 0 : v * 10) + (**s - '0');
		(*s)++;
	}
	return v;
}

static void emit_head(int ok, const char *vm)
{
	total++;
	if (!ok) {
		failed++;
		con_puts("not ");
	}
	con_puts("ok ");
	con_dec(total);
	con_puts(" - ");
	con_puts(vm);
	con_puts(": ");
}

void relay_check(int ok, const char *vm, const char *what, uint64_t v)
{
	hv_lock(&relay_lock);
	emit_head(ok, vm);
	con_puts(what);
	con_putc(' ');
	con_hex(v);
	con_putc('\n');
	hv_unlock(&relay_lock);
}

static void relay_line_locked(struct hv_vm *vm, struct x86_vm *xv)
{
	const char *s = xv->line;
	int not_ok = starts_with(s, "not ok ");

	if (not_ok || starts_with(s, "ok ")) {
		s += not_ok ? 7 : 3;
		if (parse_dec(&s) >= 0) {
			if (starts_with(s, " - "))
				s += 3;
			if (not_ok)
				xv->not_ok++;
			else
				xv->ok++;
			emit_head(!not_ok, vm->name);
			con_puts(s);
			con_putc('\n');
			return;
		}
		s = xv->line;
	}
	if (starts_with(s, "1..")) {
		const char *p = s + 3;
		long n = parse_dec(&p);

		if (n >= 0 && !xv->plan_seen) {
			xv->plan = (unsigned)n;
			xv->plan_seen = 1;
		}
	}
	if (starts_with(s, "Bail out!"))
		xv->bailed = 1;
	/* Anything else is a comment of this VM. */
	con_puts("# ");
	con_puts(vm->name);
	con_puts(": ");
	if (s[0] == '#')
		s += s[1] == ' ' ? 2 : 1;
	con_puts(s);
	con_putc('\n');
}

static void relay_line(struct hv_vm *vm, struct x86_vm *xv)
{
	hv_lock(&relay_lock);
	relay_line_locked(vm, xv);
	hv_unlock(&relay_lock);
}

void relay_putc(struct hv_vm *vm, char c)
{
	struct x86_vm *xv = x86_vm_of(vm);

	if (c == '\r')
		return;
	if (c == '\n' || xv->len + 1 >= sizeof(xv->line)) {
		xv->line[xv->len] = 0;
		relay_line(vm, xv);
		xv->len = 0;
		if (c == '\n')
			return;
	}
	xv->line[xv->len++] = c;
}

static const char *stop_name(enum x86_stop s)
{
	switch (s) {
	case X86_STOP_EXIT:
		return "exited, status";
	case X86_STOP_NPF:
		return "stopped by #NPF at gpa";
	case X86_STOP_SHUTDOWN:
		return "stopped by a triple fault at rip";
	case X86_STOP_HALT:
		return "halted for good";
	case X86_STOP_BAD_EXIT:
		return "stopped by an unhandled exit";
	case X86_STOP_CALL:
		return "stopped by another VM's hypercall";
	case X86_STOP_NONE:
		break;
	}
	return "did not finish";
}

static void report_vm(struct hv_vm *vm)
{
	struct x86_vm *xv = x86_vm_of(vm);
	int ok;

	if (xv->len) /* a last line without its newline */
		relay_putc(vm, '\n');
	/* A VM another stops (an hvisor zone its root zone shuts down) has
	 * no exit status: it ends well once it reported all it planned. */
	ok = (xv->stop == X86_STOP_CALL ||
	      (xv->stop == X86_STOP_EXIT && xv->exit_status == 0)) &&
	     xv->plan_seen && !xv->bailed && xv->ok + xv->not_ok == xv->plan;
	xv->reported = 1;
	hv_lock(&relay_lock);
	emit_head(ok, vm->name);
	con_puts("ran to its end with every planned check reported (");
	con_dec(xv->ok + xv->not_ok);
	con_puts(" of ");
	con_dec(xv->plan);
	con_puts("); ");
	con_puts(stop_name(xv->stop));
	con_putc(' ');
	con_hex(xv->stop_info);
	con_putc('\n');
	hv_unlock(&relay_lock);
}

void relay_vm_stopped(struct hv_vm *vm)
{
	struct x86_vm *xv = x86_vm_of(vm);

	if (xv->has_image && !xv->reported)
		report_vm(vm);
}

unsigned relay_finish(struct hv *hv)
{
	for (unsigned i = 0; i < hv->nvms; i++) {
		struct hv_vm *vm = &hv->vms[i];

		if (vm->arch)
			relay_vm_stopped(vm);
	}
	con_puts("1..");
	con_dec(total);
	con_putc('\n');
	return failed;
}
