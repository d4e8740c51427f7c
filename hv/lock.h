/* SPDX-License-Identifier: MIT */
/*
 * hv/lock.h - a test-and-test-and-set spinlock on GCC __atomic builtins,
 * so it needs neither libc nor <stdatomic.h> and works freestanding.
 *
 * Lock order (see hv.h): hv->lock before vm->lock.
 */
#ifndef HV_LOCK_H
#define HV_LOCK_H

#include "hv.h"

static inline void hv_lock_init(struct hv_lock *l)
{
	__atomic_store_n(&l->v, 0u, __ATOMIC_RELEASE);
}

static inline void hv_lock(struct hv_lock *l)
{
	for (;;) {
		if (!__atomic_exchange_n(&l->v, 1u, __ATOMIC_ACQUIRE))
			return;
		/* Spin on a plain load so waiters do not bounce the line. */
		while (__atomic_load_n(&l->v, __ATOMIC_RELAXED))
			;
	}
}

static inline void hv_unlock(struct hv_lock *l)
{
	__atomic_store_n(&l->v, 0u, __ATOMIC_RELEASE);
}

#endif /* HV_LOCK_H */
