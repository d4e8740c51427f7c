/* SPDX-License-Identifier: MIT */
/*
 * hv/hv_string.h - the byte copies and compares the core needs, without a
 * libc.
 */
#ifndef HV_HV_STRING_H
#define HV_HV_STRING_H

#include <stddef.h>

void hv_memcpy(void *dst, const void *src, size_t n);
void hv_memset(void *dst, int c, size_t n);
/* Copy a NUL-terminated name into dst[size], always terminating it. */
void hv_strlcpy(char *dst, const char *src, size_t size);
/* memcmp and strncmp: < 0, 0 or > 0. */
int hv_memcmp(const void *a, const void *b, size_t n);
int hv_strncmp(const char *a, const char *b, size_t n);

#endif /* HV_HV_STRING_H */
