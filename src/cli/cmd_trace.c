/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cmd_trace.c - `hcall trace`: Linux's KVM hypercall trace events,
 * read from stdin (ftrace's trace or trace_pipe, `perf script`), named.
 *
 * The two events and their TP_printk formats:
 *   kvm_hypercall  (arch/x86/kvm/trace.h)
 *       "nr 0x%lx a0 0x%lx a1 0x%lx a2 0x%lx a3 0x%lx"
 *   kvm_hvc_arm64  (arch/arm64/kvm/trace_arm.h, later trace_handle_exit.h)
 *       "HVC at 0x%08lx (r0: 0x%08lx, imm: 0x%lx)"
 * Everything before the event name (task, CPU, flags, timestamp) is kept.
 */
#include "cli.h"

#include <string.h>

static const char help[] =
	"usage: hcall trace [--format text|json] < TRACE\n"
	"\n"
	"Read Linux trace lines on stdin and name the hypercall of each\n"
	"kvm_hypercall event (x86: nr and a0-a3, decoded with the kvm_x86\n"
	"table) and kvm_hvc_arm64 event (r0 and the HVC immediate: #0 is an\n"
	"SMCCC function ID looked up in every SMCCC service, other immediates\n"
	"the ABI whose convention uses them, e.g. hvisor's #0x4856). Other lines\n"
	"are skipped. Exit status 1 when stdin has no such event.\n";

struct event {
	const char *name;  /* "kvm_hypercall" */
	char prefix[160];  /* the line up to the event name */
	const struct hcall_abi_desc *abis[CLI_MAX_ABIS];
	unsigned nabis;
	uint64_t number;
	uint64_t args[4];
	unsigned nargs;
	uint64_t pc, imm;
};

/* The ABIs whose arm64 HVC convention has immediate `imm`, with the SMCCC
 * services (imm 0) as one shared space: the first of them stands for all. */
static unsigned hvc_abis(uint64_t imm, const struct hcall_abi_desc **out)
{
	unsigned n = 0;

	for (unsigned i = 0; i < HCALL_ABI_COUNT && n < CLI_MAX_ABIS; i++) {
		const struct hcall_abi_desc *abi = &hcall_abis[i];

		for (unsigned c = 0; c < abi->nconvs; c++) {
			const struct hcall_conv_desc *conv = &abi->convs[c];

			if (conv->arch == HCALL_ARCH_ARM64 && conv->trap == HCALL_TRAP_HVC &&
			    conv->imm == imm) {
				if (smccc_space(abi)) {
					out[0] = abi;
					return 1;
				}
				out[n++] = abi;
				break;
			}
		}
	}
	return n;
}

static int parse(const char *line, struct event *ev)
{
	const char *p;
	unsigned long long v[5];
	size_t pre;

	memset(ev, 0, sizeof(*ev));
	if ((p = strstr(line, "kvm_hypercall: ")) != NULL) {
		if (sscanf(p, "kvm_hypercall: nr %llx a0 %llx a1 %llx a2 %llx a3 %llx",
			   &v[0], &v[1], &v[2], &v[3], &v[4]) != 5)
			return 0;
		ev->name = "kvm_hypercall";
		ev->abis[0] = hcall_abi_find("kvm_x86");
		ev->nabis = ev->abis[0] != NULL;
		ev->number = v[0];
		for (unsigned i = 0; i < 4; i++)
			ev->args[i] = v[i + 1];
		ev->nargs = 4;
	} else if ((p = strstr(line, "kvm_hvc_arm64: ")) != NULL) {
		if (sscanf(p, "kvm_hvc_arm64: HVC at %llx (r0: %llx, imm: %llx)",
			   &v[0], &v[1], &v[2]) != 3)
			return 0;
		ev->name = "kvm_hvc_arm64";
		ev->pc = v[0];
		ev->number = v[1];
		ev->imm = v[2];
		ev->nabis = hvc_abis(ev->imm, ev->abis);
	} else {
		return 0;
	}
	pre = (size_t)(p - line);
	if (pre >= sizeof(ev->prefix))
		pre = sizeof(ev->prefix) - 1;
	memcpy(ev->prefix, line, pre);
	ev->prefix[pre] = 0;
	return 1;
}

/* "uint64_t ipa" -> "ipa" */
static const char *arg_name(const char *decl)
{
	const char *sp = strrchr(decl, ' ');

	return sp ? sp + 1 : decl;
}

/* A slot's name: the argument's, or the reserved one's ("flags"). */
static const char *slot_name(const struct hcall_call_desc *call, int arg)
{
	if (arg >= 0)
		return arg_name(call->args[arg]);
	return call->rsvd_name ? call->rsvd_name : "reserved";
}

static void show(enum cli_format fmt, struct event *ev, unsigned lineno, int first)
{
	const struct hcall_abi_desc *owner = NULL;
	const struct hcall_call_desc *call = NULL;
	unsigned slot;

	if (ev->nabis)
		call = cli_find_call(ev->abis, ev->nabis, 0, 0, ev->number, &owner);
	if (fmt == CLI_JSON) {
		fputs(first ? "{" : ",\n {", stdout);
		json_key(stdout, 1, "line");
		printf("%u", lineno);
		json_key(stdout, 0, "event");
		json_str(stdout, ev->name);
		json_key(stdout, 0, "number");
		json_hex(stdout, ev->number);
		if (!strcmp(ev->name, "kvm_hvc_arm64")) {
			json_key(stdout, 0, "pc");
			json_hex(stdout, ev->pc);
			json_key(stdout, 0, "imm");
			json_hex(stdout, ev->imm);
		}
		json_key(stdout, 0, "found");
		fputs(call ? "true" : "false", stdout);
		if (call) {
			json_key(stdout, 0, "abi");
			json_str(stdout, owner->name);
			json_key(stdout, 0, "call");
			json_str(stdout, call->name);
			json_key(stdout, 0, "ident");
			json_str(stdout, call->ident);
			json_key(stdout, 0, "args");
			fputc('{', stdout);
			for (slot = 0; slot < hcall_call_nslots(call) && slot < ev->nargs; slot++) {
				int arg = hcall_call_slot_arg(call, slot);

				json_key(stdout, !slot, slot_name(call, arg));
				json_hex(stdout, ev->args[slot]);
			}
			fputc('}', stdout);
		}
		fputc('}', stdout);
		return;
	}
	printf("%s%s: ", ev->prefix, ev->name);
	if (!call) {
		printf("no table has %s 0x%llx", ev->nabis ? "number" : "an HVC immediate for",
		       (unsigned long long)(ev->nabis ? ev->number : ev->imm));
		if (!ev->nabis)
			printf(" (r0 0x%llx)", (unsigned long long)ev->number);
		putchar('\n');
		return;
	}
	printf("%s %s(", owner->name, call->name);
	for (slot = 0; slot < hcall_call_nslots(call) && slot < ev->nargs; slot++) {
		int arg = hcall_call_slot_arg(call, slot);

		printf("%s%s = 0x%llx%s", slot ? ", " : "", slot_name(call, arg),
		       (unsigned long long)ev->args[slot],
		       arg < 0 && ev->args[slot] ? " (reserved, NOT ZERO)" : "");
	}
	if (!ev->nargs && hcall_call_nslots(call))
		fputs("arguments not in the trace", stdout);
	printf(")  %s\n", call->summary);
}

int cmd_trace(int argc, char **argv)
{
	enum cli_format fmt = CLI_TEXT;
	char line[4096];
	unsigned lineno = 0, found = 0;

	for (int i = 0; i < argc; i++)
		if (cli_is_help(argv[i]))
			return fputs(help, stdout), CLI_OK;
	if (cli_take_format("trace", &argc, argv, 1u << CLI_TEXT | 1u << CLI_JSON, &fmt))
		return CLI_USAGE;
	if (argc)
		return cli_error("trace: reads stdin; unexpected argument '%s'", argv[0]);
	if (fmt == CLI_JSON)
		fputc('[', stdout);
	while (fgets(line, sizeof(line), stdin)) {
		struct event ev;

		lineno++;
		line[strcspn(line, "\n")] = 0;
		if (!parse(line, &ev))
			continue;
		show(fmt, &ev, lineno, !found);
		found++;
	}
	if (fmt == CLI_JSON)
		fputs("]\n", stdout);
	if (!found) {
		fprintf(stderr, "hcall: trace: no kvm_hypercall or kvm_hvc_arm64 event on stdin\n");
		return CLI_NOT_FOUND;
	}
	return CLI_OK;
}
