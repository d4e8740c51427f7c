/* SPDX-License-Identifier: MIT */
/*
 * guest.h - output for the bare KVM guests: one line per finding,
 * "<name>: <key>=<value> ...", written a byte at a time to the console of
 * vmm.h through the architecture's guest_putc().
 */
#ifndef KVM_PEER_GUEST_H
#define KVM_PEER_GUEST_H

#include <hcall/result.h>

static void guest_putc(char c);

static void put_str(const char *s)
{
	while (*s)
		guest_putc(*s++);
}

static void put_hex(uint64_t v)
{
	char buf[19];
	int i = 18;

	buf[i] = 0;
	do {
		buf[--i] = "0123456789abcdef"[v & 0xf];
		v >>= 4;
	} while (v);
	buf[--i] = 'x';
	buf[--i] = '0';
	put_str(buf + i);
}

static void put_dec(int64_t v)
{
	char buf[24];
	int i = 23;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	buf[i] = 0;
	do {
		buf[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[--i] = '-';
	put_str(buf + i);
}

/* "name: status=OK code=0 value=0x10001" */
static void report(const char *name, struct hcall_result r)
{
	put_str(name);
	put_str(": status=");
	put_str(hcall_status_name(r.status));
	put_str(" code=");
	put_dec(r.code);
	put_str(" value=");
	put_hex(r.value);
	guest_putc('\n');
}

/* "name: key=0x..." */
static inline void report_hex(const char *name, const char *key, uint64_t v)
{
	put_str(name);
	put_str(": ");
	put_str(key);
	guest_putc('=');
	put_hex(v);
	guest_putc('\n');
}

#endif /* KVM_PEER_GUEST_H */
