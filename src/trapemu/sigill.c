/* SPDX-License-Identifier: MIT */
/*
 * src/trapemu/sigill.c - the real-trap front end: a SIGILL handler that
 * turns HVC/SMC (arm64) and VMCALL/VMMCALL (x86_64) into calls of the core.
 */
#define _GNU_SOURCE
#include "decode.h"
#include "frame.h"
#include "sigill.h"
#include "trapemu.h"

#include <errno.h>
#include <signal.h>
#include <string.h>

#if defined(__aarch64__)
#define SIGILL_ARCH HCALL_ARCH_ARM64
#elif defined(__x86_64__)
#define SIGILL_ARCH HCALL_ARCH_X86_64
#else
#define SIGILL_ARCH HCALL_ARCH_RISCV64 /* decodes nothing: ecall never traps */
#endif


/*
 * Give SIGILL back its default disposition. Returning from the handler
 * then re-executes the instruction, which kills the process with the
 * original signal and address, as if no emulator were installed.
 */
static void let_it_crash(const siginfo_t *si)
{
	signal(SIGILL, SIG_DFL);
	/* A SIGILL sent with kill() has no instruction to re-execute. */
	if (si->si_code <= 0)
		raise(SIGILL);
}

/*
 * qemu-x86_64 7.2 enters signal handlers with a stack that is not 16-byte
 * aligned as the x86-64 ABI requires; compiled SSE spills (movaps) in the
 * core then fault (SIGSEGV, SI_KERNEL). Realign on entry.
 */
#if defined(__x86_64__)
#define SIGILL_HANDLER_ATTR __attribute__((force_align_arg_pointer))
#else
#define SIGILL_HANDLER_ATTR
#endif

SIGILL_HANDLER_ATTR
static void on_sigill(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	struct trapemu_insn in;
	struct hcall_regs f;
	uint64_t pc;

	(void)sig;
	if (si->si_code <= 0) {
		let_it_crash(si);
		return;
	}
	pc = trapemu_frame_pc(uc);
	in = trapemu_decode(SIGILL_ARCH, (const uint8_t *)(uintptr_t)pc);
	if (in.trap == HCALL_TRAP_NONE) {
		let_it_crash(si);
		return;
	}
	trapemu_frame_load(uc, &f);
	switch (trapemu_dispatch(in.trap, in.imm, pc + in.len, &f)) {
	case TRAPEMU_DONE:
		trapemu_frame_store(uc, &f);
		trapemu_frame_set_pc(uc, pc + in.len);
		break;
	case TRAPEMU_SKIP:
		trapemu_frame_set_pc(uc, pc + in.len);
		break;
	case TRAPEMU_CRASH:
		let_it_crash(si);
		break;
	}
}

int trapemu_install_sigill(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigill;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	return sigaction(SIGILL, &sa, 0) ? -errno : 0;
}
