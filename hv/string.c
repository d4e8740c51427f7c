/* SPDX-License-Identifier: MIT */
/*
 * hv/string.c - copies and compares for the core. Plain loops: the core
 * handles small structures, and the build keeps the compiler from turning
 * these loops back into memcpy/memset calls (-fno-builtin,
 * -fno-tree-loop-distribute-patterns).
 */
#include "hv_string.h"

#include <hcall/types.h>

/*
 * Word at a time when both ends are 8-byte aligned (frames, VM records and
 * most guest buffers are), bytes otherwise. The may_alias type keeps the
 * word accesses legal on any object type.
 */
typedef uint64_t __attribute__((may_alias)) hv_word;

static int aligned8(const void *p)
{
	return ((uintptr_t)p & 7u) == 0;
}

void hv_memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (aligned8(d) && aligned8(s))
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(hv_word *)d = *(const hv_word *)s;
	while (n--)
		*d++ = *s++;
}

void hv_memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	hv_word w = 0x0101010101010101ull * (unsigned char)c;

	if (aligned8(d))
		for (; n >= 8; n -= 8, d += 8)
			*(hv_word *)d = w;
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

int hv_memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x < *y ? -1 : 1;
	return 0;
}

int hv_strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		if (!*a)
			break;
	}
	return 0;
}
