/* SPDX-License-Identifier: MIT */
/*
 * A red-black tree keyed by hypercall number: the baseline the dispatch
 * benchmark compares hcall's O(1) lookup against. It models the design of
 * a per-VM tree of registered handlers; it lives in bench/ only.
 */
#ifndef HCALL_BENCH_RBTREE_H
#define HCALL_BENCH_RBTREE_H

#include <stdint.h>

struct rb_node {
	struct rb_node *left, *right, *parent;
	uint64_t key;
	void *value;
	int red;
};

struct rb_tree {
	struct rb_node *root;
};

/* Insert a node with a key not yet in the tree; returns -1 on duplicate. */
int rb_insert(struct rb_tree *t, struct rb_node *n);
struct rb_node *rb_find(const struct rb_tree *t, uint64_t key);
/* Black height, or -1 if a red-black property is broken (for the self-check). */
int rb_check(const struct rb_node *n);

#endif
