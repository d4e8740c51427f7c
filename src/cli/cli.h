/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cli.h - the pieces of the `hcall` command shared between its
 * subcommands. Everything it knows about an ABI comes from
 * <hcall/describe.h>.
 *
 * Exit status: 0 success, 1 a well-formed question with no answer (a
 * number no table has), 2 bad usage or input.
 */
#ifndef HCALL_CLI_H
#define HCALL_CLI_H

#include <hcall/describe.h>
#include <stdio.h>

#define CLI_OK 0
#define CLI_NOT_FOUND 1
#define CLI_USAGE 2

/* ---- args.c ------------------------------------------------------------ */

/* Print "hcall: <message>" on stderr; returns CLI_USAGE. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The ABI called `name`; on failure prints the error and returns NULL. */
const struct hcall_abi_desc *cli_abi(const char *name);

/*
 * The ABIs `name` selects: one ABI, or a family, i.e. every ABI whose name
 * is `name` followed by '_' ("sbi" selects sbi_base, sbi_srst...). Fills
 * out[] and returns how many; 0 after printing the error.
 */
#define CLI_MAX_ABIS 32
unsigned cli_abis(const char *name, const struct hcall_abi_desc **out);

/* Parse a whole unsigned number (decimal, 0x hex, 0 octal, 0b binary) of at
 * most 64 bits. A leading '-' is accepted for negative 64-bit values (error
 * codes). Returns 0, or prints the error and returns -1. */
int cli_number(const char *what, const char *text, uint64_t *out);

/* True when `arg` is -h or --help. */
int cli_is_help(const char *arg);

/* ---- convention.c ------------------------------------------------------- */

/* Register name of `idx` in convention `conv`. */
const char *conv_reg(const struct hcall_conv_desc *conv, unsigned idx);

/* "hvc #0x4856", "ecall", "vmcall / vmmcall" into buf. */
const char *conv_trap_text(const struct hcall_conv_desc *conv, char *buf,
			   size_t len);

/* Register that carries argument slot `slot` (0-based), or HCALL_REG_NONE. */
unsigned conv_arg_reg(const struct hcall_conv_desc *conv, unsigned slot);

/*
 * Print, for one call under one convention, which register carries what.
 * `args`, when not NULL, holds `nargs` values given on the command line
 * (supplied arguments, then reserved ones) to show next to the registers.
 */
void conv_print_call(FILE *out, const struct hcall_abi_desc *abi,
		     const struct hcall_conv_desc *conv,
		     const struct hcall_call_desc *call, const uint64_t *args,
		     unsigned nargs);

/* ---- smccc.c ------------------------------------------------------------ */

/* True when the ABI's calls are selected by an SMCCC function ID in w0. */
int smccc_space(const struct hcall_abi_desc *abi);

/* "fast call, SMC64, owner 6 (vendor hypervisor services), function 0x3"
 * into buf; notes bits that must be zero but are not. */
const char *smccc_fid_text(uint64_t fid, char *buf, size_t len);

/* "fast SMC64, owner 6" into buf: the fields a table row shows. */
const char *smccc_fid_brief(uint64_t fid, char *buf, size_t len);

/* ---- subcommands --------------------------------------------------------- */

int cmd_list(int argc, char **argv);
int cmd_decode(int argc, char **argv);
int cmd_regs(int argc, char **argv);
int cmd_table(int argc, char **argv);

/* table_md.c, table_json.c */
void table_md(FILE *out, const struct hcall_abi_desc *abi);
void table_json(FILE *out, const struct hcall_abi_desc *abi);

/*
 * cmd_decode.c: look `number` up among the ABIs `name` selects, and when
 * those are SMCCC services, in every SMCCC service (they share the
 * function-ID space). `sel`, when has_sel, must be the selector value of
 * the ABI's convention (an SBI EID). Returns the call and its ABI, or NULL.
 */
const struct hcall_call_desc *
cli_find_call(const struct hcall_abi_desc **abis, unsigned nabis, int has_sel,
	      uint64_t sel, uint64_t number, const struct hcall_abi_desc **owner);

#endif /* HCALL_CLI_H */
