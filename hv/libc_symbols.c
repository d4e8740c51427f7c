/* SPDX-License-Identifier: MIT */
/*
 * hv/libc_symbols.c - memcpy and memset for the bare-metal build only.
 *
 * Compilers emit calls to these for structure copies and initialisers
 * even with -ffreestanding. hv_core_dep compiles this file into every
 * bare-metal image that uses the core; the host build links the C
 * library's instead.
 */
#include <stddef.h>

#include "hv_string.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

void *memcpy(void *dst, const void *src, size_t n)
{
	hv_memcpy(dst, src, n);
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	hv_memset(dst, c, n);
	return dst;
}
