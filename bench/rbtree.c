/* SPDX-License-Identifier: MIT */
#include "rbtree.h"

#include <stddef.h>

static void rotate(struct rb_tree *t, struct rb_node *x, int left)
{
	struct rb_node *y = left ? x->right : x->left;

	if (left) {
		x->right = y->left;
		if (y->left)
			y->left->parent = x;
		y->left = x;
	} else {
		x->left = y->right;
		if (y->right)
			y->right->parent = x;
		y->right = x;
	}
	y->parent = x->parent;
	if (!x->parent)
		t->root = y;
	else if (x == x->parent->left)
		x->parent->left = y;
	else
		x->parent->right = y;
	x->parent = y;
}

int rb_insert(struct rb_tree *t, struct rb_node *n)
{
	struct rb_node **link = &t->root, *parent = NULL;

	while (*link) {
		parent = *link;
		if (n->key == parent->key)
			return -1;
		link = n->key < parent->key ? &parent->left : &parent->right;
	}
	n->left = n->right = NULL;
	n->parent = parent;
	n->red = 1;
	*link = n;

	/* Restore the invariants: no red node has a red child. */
	while (n->parent && n->parent->red) {
		struct rb_node *p = n->parent, *g = p->parent;
		int p_is_left = p == g->left;
		struct rb_node *uncle = p_is_left ? g->right : g->left;

		if (uncle && uncle->red) {
			p->red = uncle->red = 0;
			g->red = 1;
			n = g;
			continue;
		}
		if (n == (p_is_left ? p->right : p->left)) {
			n = p;
			rotate(t, n, p_is_left);
			p = n->parent;
		}
		p->red = 0;
		g->red = 1;
		rotate(t, g, !p_is_left);
	}
	t->root->red = 0;
	return 0;
}

struct rb_node *rb_find(const struct rb_tree *t, uint64_t key)
{
	struct rb_node *n = t->root;

	while (n && n->key != key)
		n = key < n->key ? n->left : n->right;
	return n;
}

int rb_check(const struct rb_node *n)
{
	if (!n)
		return 1;
	if (n->red && ((n->left && n->left->red) || (n->right && n->right->red)))
		return -1;
	int l = rb_check(n->left), r = rb_check(n->right);
	if (l < 0 || r < 0 || l != r)
		return -1;
	return l + !n->red;
}
