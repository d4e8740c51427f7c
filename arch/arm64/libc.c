/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/libc.c - memcpy and memset for the hypervisor image: the
 * compilers emit calls to them for structure copies and initialisers.
 * (The core's weak fallbacks in hv/libc_symbols.c sit in an archive the
 * linker may scan too late for calls from the glue.)
 */
#include <hv/hv_string.h>

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
