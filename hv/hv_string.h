/* SPDX-License-Identifier: MIT */
/*
 * hv/hv_string.h - the byte copies the core needs, without a libc.
 */
#ifndef HV_HV_STRING_H
#define HV_HV_STRING_H

#include <stddef.h>

void hv_memcpy(void *dst, const void *src, size_t n);
void hv_memset(void *dst, int c, size_t n);
/* Copy a NUL-terminated name into dst[size], always terminating it. */
void hv_strlcpy(char *dst, const char *src, size_t size);

#endif /* HV_HV_STRING_H */
