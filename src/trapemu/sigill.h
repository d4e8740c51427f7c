/* SPDX-License-Identifier: MIT */
/* src/trapemu/sigill.h - the SIGILL front end, internal to the emulator. */
#ifndef TRAPEMU_SIGILL_H
#define TRAPEMU_SIGILL_H

/* Install the SIGILL handler (sigill.c). Returns 0 or -errno. */
int trapemu_install_sigill(void);

#endif /* TRAPEMU_SIGILL_H */
