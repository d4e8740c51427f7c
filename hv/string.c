/* SPDX-License-Identifier: MIT */
/*
 * hv/string.c - byte copies for the core. Plain loops: the core copies
 * small structures, and the build keeps the compiler from turning these
 * loops back into memcpy/memset calls (-fno-builtin,
 * -fno-tree-loop-distribute-patterns).
 */
#include "hv_string.h"

void hv_memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
}

void hv_memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
}

void hv_strlcpy(char *dst, const char *src, size_t size)
{
	size_t i = 0;

	if (!size)
		return;
	if (src)
		for (; i + 1 < size && src[i]; i++)
			dst[i] = src[i];
	for (; i < size; i++)
		dst[i] = 0;
}
