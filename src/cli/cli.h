/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cli.h - the pieces of the `hcall` command shared between its
 * subcommands. Everything it knows about an ABI comes from
 * <hcall/describe.h>; no call is named here.
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

/* The ABI called `name` (any case); on failure prints the error and
 * returns NULL. */
const struct hcall_abi_desc *cli_abi(const char *name);

/*
 * The ABIs `name` (any case) selects: one ABI, or a family, i.e. every ABI
 * whose name is `name` followed by '_' ("sbi" selects sbi_base,
 * sbi_srst...). Fills out[] and returns how many; 0 after printing the
 * error.
 */
#define CLI_MAX_ABIS 64
unsigned cli_abis(const char *name, const struct hcall_abi_desc **out);

/* Parse a whole unsigned number (decimal, 0x hex, 0 octal, 0b binary) of at
 * most 64 bits. A leading '-' is accepted for negative 64-bit values (error
 * codes). Returns 0, or prints the error and returns -1. */
int cli_number(const char *what, const char *text, uint64_t *out);

/* The same without printing anything: 0 if `text` is such a number. */
int cli_parse_number(const char *text, uint64_t *out);

/* True when `arg` is -h or --help. */
int cli_is_help(const char *arg);

/* Output formats: every command takes --format text|json (table: md|json). */
enum cli_format { CLI_TEXT, CLI_JSON, CLI_MD };

/*
 * Remove `--format F` / `--format=F` from argv (updating *argc) and set
 * *fmt; `allowed` is a mask of (1 << enum cli_format). Returns 0, or
 * prints the error and returns -1.
 */
int cli_take_format(const char *cmd, int *argc, char **argv, unsigned allowed,
		    enum cli_format *fmt);

/* ---- json.c ----------------------------------------------------------- */

void json_str(FILE *out, const char *s);
void json_hex(FILE *out, uint64_t v);
/* `"key": ` with the separator before it when !first. */
void json_key(FILE *out, int first, const char *key);

/* ---- convention.c ------------------------------------------------------- */

/* Register name of `idx` in convention `conv`. */
const char *conv_reg(const struct hcall_conv_desc *conv, unsigned idx);

/* "hvc #0x4856", "ecall", "vmcall" into buf. */
const char *conv_trap_text(const struct hcall_conv_desc *conv, char *buf,
			   size_t len);

/* Register that carries argument slot `slot` (0-based), or HCALL_REG_NONE. */
unsigned conv_arg_reg(const struct hcall_conv_desc *conv, unsigned slot);

/*
 * A selector value spelled as the ASCII it encodes, as SBI extension IDs
 * are ("HSM" for 0x48534D), into buf; NULL when it is not 2 to 8 letters
 * or digits.
 */
const char *selector_ascii(uint64_t sel, char *buf, size_t len);

/* ---- view.c: one call's register use, conventions merged --------------- */

#define VIEW_MAX_LINES 28
#define VIEW_MAX_CONVS 8

struct view_line {
	int out;           /* 0 in, 1 out */
	char reg[16];      /* "x1", "x0-x17" */
	char role[200];    /* "uint64_t ipa", "reserved, must be zero" */
	int has_value;     /* a value from the command line */
	uint64_t value;
	int not_zero;      /* a reserved argument given as non-zero */
};

/* The conventions of one ABI that use the registers the same way for one
 * call (hvc and smc, vmcall and vmmcall) form one block. */
struct view_block {
	const struct hcall_conv_desc *convs[VIEW_MAX_CONVS];
	unsigned nconvs;
	struct view_line lines[VIEW_MAX_LINES];
	unsigned nlines;
	uint32_t clobbers;
};

/* The blocks of `call` of `abi`; `args`/`nargs` as given on the command
 * line (slots), or NULL. Returns how many blocks. */
unsigned view_blocks(const struct hcall_abi_desc *abi,
		     const struct hcall_call_desc *call, const uint64_t *args,
		     unsigned nargs, struct view_block *out, unsigned max);

void view_print_text(FILE *out, const struct hcall_abi_desc *abi,
		     const struct view_block *b, unsigned n);
void view_print_json(FILE *out, const struct view_block *b, unsigned n);

/* The errors `call` can return, where its table says: fills out[] and
 * returns how many, *known = 1; *known = 0 when the table does not say
 * (then any error of the ABI). */
unsigned call_errors(const struct hcall_abi_desc *abi,
		     const struct hcall_call_desc *call,
		     const struct hcall_err_desc **out, unsigned max, int *known);

/* ---- smccc.c ------------------------------------------------------------ */

/* True when the ABI's calls are selected by an SMCCC function ID in w0. */
int smccc_space(const struct hcall_abi_desc *abi);

/* "fast call, SMC64, owner 6 (vendor hypervisor services), function 0x3"
 * into buf; notes bits that must be zero but are not. */
const char *smccc_fid_text(uint64_t fid, char *buf, size_t len);

/* "fast SMC64, owner 6" into buf: the fields a table row shows. */
const char *smccc_fid_brief(uint64_t fid, char *buf, size_t len);

/* ---- lookup.c ------------------------------------------------------------ */

/*
 * Look `number` up among the ABIs `name` selects, and when those are SMCCC
 * services, in every SMCCC service (they share the function-ID space, and
 * only w0, the low 32 bits, is the ID). `sel`, when has_sel, must be the
 * selector value of the ABI's convention (an SBI EID). Returns the call
 * and its ABI, or NULL.
 */
const struct hcall_call_desc *
cli_find_call(const struct hcall_abi_desc **abis, unsigned nabis, int has_sel,
	      uint64_t sel, uint64_t number, const struct hcall_abi_desc **owner);

/* The call named `name` (any case; the call's name or its HCALL_ ident)
 * among the ABIs, or NULL. */
const struct hcall_call_desc *
cli_find_call_name(const struct hcall_abi_desc **abis, unsigned nabis,
		   const char *name, const struct hcall_abi_desc **owner);

/* ---- describe.c: one call in words, as text or JSON ---------------------- */

void describe_call(FILE *out, enum cli_format fmt,
		   const struct hcall_abi_desc *abi,
		   const struct hcall_call_desc *call, const uint64_t *args,
		   unsigned nargs, int brief);

/* One error row as a JSON object (name, raw, status, meaning). */
void describe_error_json(FILE *out, const struct hcall_err_desc *e);

/* ---- subcommands --------------------------------------------------------- */

int cmd_list(int argc, char **argv);
int cmd_decode(int argc, char **argv);
int cmd_regs(int argc, char **argv);
int cmd_table(int argc, char **argv);
int cmd_error(int argc, char **argv);
int cmd_trace(int argc, char **argv);

/* table_md.c, table_json.c */
void table_md(FILE *out, const struct hcall_abi_desc *abi);
void table_json(FILE *out, const struct hcall_abi_desc *abi);

#endif /* HCALL_CLI_H */
