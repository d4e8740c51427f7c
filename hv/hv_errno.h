/* SPDX-License-Identifier: MIT */
/*
 * hv/hv_errno.h - the errno values the core returns to its callers (the
 * glue, embedders) and, negated, to guests of the errno-style ABIs
 * (hvisor, ACRN). They are the Linux values, which those ABIs document;
 * the core has no libc, so they are spelled out here once.
 */
#ifndef HV_HV_ERRNO_H
#define HV_HV_ERRNO_H

#define HV_EPERM 1
#define HV_ENOENT 2
#define HV_EIO 5
#define HV_E2BIG 7
#define HV_ENOMEM 12
#define HV_EFAULT 14
#define HV_EBUSY 16
#define HV_EEXIST 17
#define HV_ENODEV 19
#define HV_EINVAL 22
#define HV_ENOSPC 28
#define HV_ENOSYS 38

#endif /* HV_HV_ERRNO_H */
