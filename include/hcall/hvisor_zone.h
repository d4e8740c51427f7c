/* SPDX-License-Identifier: MIT */
/*
 * hcall/hvisor_zone.h - fill an hvisor zone_config from a zone's JSON
 * description, as hvisor-tool's `hvisor zone start zone.json` does
 * (tools/hvisor.c zone_start_from_json, parse_arch_config,
 * parse_pci_config at the pinned commit, see hcall/abi/hvisor_layout.h).
 *
 * Same members, same requirements, same defaults:
 *   - the config is zeroed first; every count comes from its array;
 *   - required: zone_id, cpus, name, memory_regions, interrupts,
 *     ivc_configs, kernel_filepath, dtb_filepath, kernel_load_paddr,
 *     dtb_load_paddr, entry_point, arch_config, pci_config (which may be
 *     an empty array); alloc_pci_devs is optional (none);
 *   - addresses and sizes are JSON numbers or strings in C notation
 *     ("0x8000000", "010", "42"); zone_id, the CPU numbers, ivc_id,
 *     peer_id, interrupt_num and max_peers are JSON numbers;
 *   - memory region types "ram", "io", "virtio";
 *   - arm64: gic_version "v2" (tag 0, every GICv2 member required) or "v3"
 *     (tag 1; gits_base/gits_size optional, 0 without); is_aarch32
 *     optional, 0 without (a number or true/false);
 *   - riscv64: plic_base/size and aplic_base/size required;
 *   - x86_64: ioapic_base/size, kernel_entry_gpa, rsdp/acpi/uefi
 *     _memory_region_id and screen_base required; setup_load_gpa,
 *     cmdline_load_gpa and initrd_load_gpa only when setup_filepath,
 *     cmdline and initrd_filepath are given; no DTB is loaded (dtb_size 0);
 *   - a name longer than 32 bytes is refused; one of exactly 32 has no
 *     terminating NUL, as in hvisor-tool.
 * Member names match case-insensitively, as cJSON's GetObjectItem does.
 *
 * hvisor-tool also loads the images (kernel, DTB, x86 setup, cmdline,
 * initrd, modules) into memory; the caller does that and passes the sizes
 * it loaded. Where hvisor-tool has no defined answer this refuses the
 * input instead: a string where it reads cJSON's valueint (it would take
 * 0), a JSON number above INT_MAX (it would saturate), a CPU number
 * above 63 (it shifts a 32-bit int), more than 32 alloc_pci_devs (it
 * writes past the array), a missing memory region type (it crashes).
 * String escapes are not decoded; a name or type containing one is refused.
 *
 * Freestanding, no allocation, bounded by the input length.
 */
#ifndef HCALL_HVISOR_ZONE_H
#define HCALL_HVISOR_ZONE_H

#include <hcall/abi/hvisor_layout.h>

HCALL_BEGIN_DECLS

/* Plain inline, unlike the hypercall wrappers: the reader is called from
 * many places, and forcing it inline everywhere would only grow code. */
#define HCALL__ZONE_FN static inline

/* The sizes of the images the caller loaded for the zone. */
struct hcall_hvisor_zone_images {
	uint64_t kernel_size; /* kernel_filepath, at kernel_load_paddr */
	uint64_t dtb_size;    /* dtb_filepath, at dtb_load_paddr (not x86_64) */
	uint64_t initrd_size; /* x86_64: arch_config.initrd_filepath, if given */
};

/* ---- a bounded JSON reader -------------------------------------------- */

/* One JSON value: the bytes [p, end). */
struct hcall_json {
	const char *p;
	const char *end;
};

HCALL__ZONE_FN const char *hcall__json_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* Past the string that starts at p (*p == '"'), or 0. */
HCALL__ZONE_FN const char *hcall__json_str_end(const char *p, const char *end)
{
	for (p++; p < end; p++) {
		if (*p == '\\') {
			if (++p == end)
				return 0;
		} else if (*p == '"') {
			return p + 1;
		}
	}
	return 0;
}

HCALL__ZONE_FN int hcall__json_delim(char c)
{
	return c == ',' || c == '}' || c == ']' || c == ':' || c == ' ' ||
	       c == '\t' || c == '\n' || c == '\r';
}

/* Past the value that starts at p, or 0. Brackets are counted, strings
 * skipped whole; scalars are taken up to the next delimiter. */
HCALL__ZONE_FN const char *hcall__json_skip(const char *p, const char *end)
{
	uint64_t depth = 0;

	if (p >= end)
		return 0;
	do {
		if (*p == '"') {
			p = hcall__json_str_end(p, end);
			if (!p)
				return 0;
		} else if (*p == '{' || *p == '[') {
			depth++;
			p++;
		} else if (*p == '}' || *p == ']') {
			if (!depth)
				return 0;
			depth--;
			p++;
		} else if (depth) {
			p++;
		} else {
			const char *s = p;

			while (p < end && !hcall__json_delim(*p))
				p++;
			return p > s ? p : 0;
		}
	} while (depth && p < end);
	return depth ? 0 : p;
}

HCALL__ZONE_FN char hcall__json_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * The next element of the object or array whose inside starts at *pos:
 * 1 with the value in *v (and for an object the raw key in *key), 0 at
 * the closing bracket, -1 when malformed. *pos moves past the element.
 */
HCALL__ZONE_FN int hcall__json_next(const char **pos, const char *end, int object,
				  struct hcall_json *key, struct hcall_json *v)
{
	const char *p = hcall__json_ws(*pos, end);

	if (p < end && *p == ',')
		p = hcall__json_ws(p + 1, end);
	else if (p < end && *p == (object ? '}' : ']'))
		return 0;
	if (object) {
		if (p >= end || *p != '"')
			return -1;
		key->p = p + 1;
		p = hcall__json_str_end(p, end);
		if (!p)
			return -1;
		key->end = p - 1;
		p = hcall__json_ws(p, end);
		if (p >= end || *p != ':')
			return -1;
		p = hcall__json_ws(p + 1, end);
	}
	v->p = p;
	v->end = hcall__json_skip(p, end);
	if (!v->end)
		return -1;
	p = hcall__json_ws(v->end, end);
	if (p >= end || (*p != ',' && *p != (object ? '}' : ']')))
		return -1;
	*pos = p;
	return 1;
}

/* The inside of an object ('{') or array ('['), or 0 if v is not one. */
HCALL__ZONE_FN const char *hcall__json_open(struct hcall_json v, char open)
{
	return v.p < v.end && *v.p == open ? v.p + 1 : 0;
}

/* Member `name` of object obj: 1 found, 0 absent, -1 malformed. */
HCALL__ZONE_FN int hcall__json_get(struct hcall_json obj, const char *name,
				 struct hcall_json *out)
{
	const char *pos = hcall__json_open(obj, '{');
	struct hcall_json k, v;
	int r;

	if (!pos)
		return -1;
	while ((r = hcall__json_next(&pos, obj.end, 1, &k, &v)) == 1) {
		const char *a = k.p, *b = name;

		while (a < k.end && *b && hcall__json_lower(*a) == hcall__json_lower(*b))
			a++, b++;
		if (a == k.end && !*b) {
			*out = v;
			return 1;
		}
	}
	return r;
}

/* Elements of the array (open '[') or object ('{') a, or -1 if it is not
 * a well-formed one. */
HCALL__ZONE_FN int64_t hcall__json_count_of(struct hcall_json a, char open)
{
	const char *pos = hcall__json_open(a, open);
	struct hcall_json k, v;
	int64_t n = 0;
	int r;

	if (!pos)
		return -1;
	while ((r = hcall__json_next(&pos, a.end, open == '{', &k, &v)) == 1)
		n++;
	return r ? -1 : n;
}

HCALL__ZONE_FN int64_t hcall__json_count(struct hcall_json a)
{
	return hcall__json_count_of(a, '[');
}

/* Element i of array a (known well-formed and long enough). */
HCALL__ZONE_FN struct hcall_json hcall__json_at(struct hcall_json a, uint64_t i)
{
	const char *pos = a.p + 1;
	struct hcall_json k, v;

	v.p = v.end = a.p;
	while (hcall__json_next(&pos, a.end, 0, &k, &v) == 1 && i--)
		;
	return v;
}

/* A string's bytes (without quotes) in *s; 0, or -1 if v is not an
 * escape-free string. */
HCALL__ZONE_FN int hcall__json_str(struct hcall_json v, struct hcall_json *s)
{
	const char *c;

	if (v.end - v.p < 2 || *v.p != '"' || v.end[-1] != '"')
		return -1;
	for (c = v.p + 1; c < v.end - 1; c++)
		if (*c == '\\')
			return -1;
	s->p = v.p + 1;
	s->end = v.end - 1;
	return 0;
}

HCALL__ZONE_FN int hcall__json_str_is(struct hcall_json s, const char *lit)
{
	const char *a = s.p;

	while (a < s.end && *lit && *a == *lit)
		a++, lit++;
	return a == s.end && !*lit;
}

/* Digits [p, end) in base, no more than max: 0 and *out, or -1. */
HCALL__ZONE_FN int hcall__json_digits(const char *p, const char *end,
				    unsigned base, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;

	if (p >= end)
		return -1;
	for (; p < end; p++) {
		unsigned d;

		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (*p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (*p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			return -1;
		if (d >= base || v > (max - d) / base)
			return -1;
		v = v * base + d;
	}
	*out = v;
	return 0;
}

#define HCALL__JSON_INT_MAX 0x7fffffffu

/* A JSON number as cJSON's valueint (0..INT_MAX), or true/false as 1/0
 * when booleans are allowed. */
HCALL__ZONE_FN int hcall__json_int(struct hcall_json v, int booleans, uint64_t *out)
{
	struct hcall_json s = v;

	if (booleans && (s.end - s.p == 4 || s.end - s.p == 5)) {
		const char *t = "true", *f = "false";
		const char *a;

		for (a = s.p; a < s.end && *t && *a == *t; a++, t++)
			;
		if (a == s.end && !*t) {
			*out = 1;
			return 0;
		}
		for (a = s.p; a < s.end && *f && *a == *f; a++, f++)
			;
		if (a == s.end && !*f) {
			*out = 0;
			return 0;
		}
	}
	return hcall__json_digits(s.p, s.end, 10, HCALL__JSON_INT_MAX, out);
}

/* hvisor-tool's parse_json_number: a JSON number (0..INT_MAX) or a string
 * strtoumax(base 0) reads whole; then at most max. */
HCALL__ZONE_FN int hcall__json_uint(struct hcall_json v, uint64_t max, uint64_t *out)
{
	struct hcall_json s;

	if (v.p < v.end && *v.p != '"') {
		if (hcall__json_int(v, 0, out))
			return -1;
		return *out > max ? -1 : 0;
	}
	if (hcall__json_str(v, &s))
		return -1;
	if (s.end - s.p > 2 && s.p[0] == '0' && (s.p[1] == 'x' || s.p[1] == 'X'))
		return hcall__json_digits(s.p + 2, s.end, 16, max, out);
	if (s.end - s.p > 1 && s.p[0] == '0')
		return hcall__json_digits(s.p + 1, s.end, 8, max, out);
	return hcall__json_digits(s.p, s.end, 10, max, out);
}

/* ---- the zone description --------------------------------------------- */

/* The parse state: the result is -1 once any member failed. */
struct hcall__hvisor_zp {
	const char **what;
	int failed;
};

HCALL__ZONE_FN int hcall__zp_fail(struct hcall__hvisor_zp *zp, const char *name)
{
	if (!zp->failed && zp->what)
		*zp->what = name;
	zp->failed = 1;
	return -1;
}

/* Required member: 0 with *v, or -1 (recorded). */
HCALL__ZONE_FN int hcall__zp_need(struct hcall__hvisor_zp *zp, struct hcall_json obj,
				const char *name, struct hcall_json *v)
{
	return hcall__json_get(obj, name, v) == 1 ? 0 : hcall__zp_fail(zp, name);
}

HCALL__ZONE_FN void hcall__zp_u64(struct hcall__hvisor_zp *zp, struct hcall_json obj,
				const char *name, uint64_t *out)
{
	struct hcall_json v;

	if (!hcall__zp_need(zp, obj, name, &v) && hcall__json_uint(v, ~(uint64_t)0, out))
		hcall__zp_fail(zp, name);
}

HCALL__ZONE_FN void hcall__zp_u32(struct hcall__hvisor_zp *zp, struct hcall_json obj,
				const char *name, uint32_t *out)
{
	struct hcall_json v;
	uint64_t x;

	if (!hcall__zp_need(zp, obj, name, &v)) {
		if (hcall__json_uint(v, 0xffffffffu, &x))
			hcall__zp_fail(zp, name);
		else
			*out = (uint32_t)x;
	}
}

HCALL__ZONE_FN void hcall__zp_u8(struct hcall__hvisor_zp *zp, struct hcall_json obj,
			       const char *name, uint8_t *out)
{
	struct hcall_json v;
	uint64_t x;

	if (!hcall__zp_need(zp, obj, name, &v)) {
		if (hcall__json_uint(v, 0xffu, &x))
			hcall__zp_fail(zp, name);
		else
			*out = (uint8_t)x;
	}
}

/* A member hvisor-tool reads as cJSON valueint. */
HCALL__ZONE_FN void hcall__zp_int(struct hcall__hvisor_zp *zp, struct hcall_json obj,
				const char *name, uint32_t *out)
{
	struct hcall_json v;
	uint64_t x;

	if (!hcall__zp_need(zp, obj, name, &v)) {
		if (hcall__json_int(v, 0, &x))
			hcall__zp_fail(zp, name);
		else
			*out = (uint32_t)x;
	}
}

/* A required array of at most max elements: its count, or -1. */
HCALL__ZONE_FN int64_t hcall__zp_array(struct hcall__hvisor_zp *zp, struct hcall_json obj,
				     const char *name, uint64_t max, struct hcall_json *a)
{
	int64_t n;

	if (hcall__zp_need(zp, obj, name, a))
		return -1;
	n = hcall__json_count(*a);
	if (n < 0 || (uint64_t)n > max)
		return hcall__zp_fail(zp, name);
	return n;
}

HCALL__ZONE_FN void hcall__zp_memory(struct hcall__hvisor_zp *zp, struct hcall_json root,
				   union hcall_hvisor_zone_config_any *cfg)
{
	struct hcall_json a, r, v, s;
	int64_t n = hcall__zp_array(zp, root, "memory_regions",
				    HCALL_HVISOR_MAX_MEMORY_REGIONS, &a);
	int64_t i;

	if (n < 0)
		return;
	cfg->riscv64.num_memory_regions = (uint32_t)n;
	for (i = 0; i < n; i++) {
		struct hcall_hvisor_memory_region *m = &cfg->riscv64.memory_regions[i];

		r = hcall__json_at(a, (uint64_t)i);
		hcall__zp_u64(zp, r, "physical_start", &m->physical_start);
		hcall__zp_u64(zp, r, "virtual_start", &m->virtual_start);
		hcall__zp_u64(zp, r, "size", &m->size);
		if (hcall__zp_need(zp, r, "type", &v))
			continue;
		if (hcall__json_str(v, &s))
			hcall__zp_fail(zp, "type");
		else if (hcall__json_str_is(s, "ram"))
			m->type = HCALL_HVISOR_MEM_TYPE_RAM;
		else if (hcall__json_str_is(s, "io"))
			m->type = HCALL_HVISOR_MEM_TYPE_IO;
		else if (hcall__json_str_is(s, "virtio"))
			m->type = HCALL_HVISOR_MEM_TYPE_VIRTIO;
		else
			hcall__zp_fail(zp, "type");
	}
}

HCALL__ZONE_FN void hcall__zp_irqs(struct hcall__hvisor_zp *zp, struct hcall_json root,
				 union hcall_hvisor_zone_config_any *cfg)
{
	struct hcall_json a;
	int64_t n = hcall__zp_array(zp, root, "interrupts",
				    HCALL_HVISOR_MAX_INTERRUPTS, &a);
	int64_t i;
	uint64_t irq;

	for (i = 0; i < n; i++) {
		if (hcall__json_uint(hcall__json_at(a, (uint64_t)i),
				     HCALL_HVISOR_MAX_INTERRUPTS - 1, &irq)) {
			hcall__zp_fail(zp, "interrupts");
			return;
		}
		cfg->riscv64.interrupts_bitmap[irq / HCALL_HVISOR_IRQ_BITS_PER_WORD] |=
			(uint32_t)1 << (irq % HCALL_HVISOR_IRQ_BITS_PER_WORD);
	}
}

HCALL__ZONE_FN void hcall__zp_ivc(struct hcall__hvisor_zp *zp, struct hcall_json root,
				union hcall_hvisor_zone_config_any *cfg)
{
	struct hcall_json a, c;
	int64_t n = hcall__zp_array(zp, root, "ivc_configs",
				    HCALL_HVISOR_MAX_IVC_CONFIGS, &a);
	int64_t i;

	if (n < 0)
		return;
	cfg->riscv64.num_ivc_configs = (uint32_t)n;
	for (i = 0; i < n; i++) {
		struct hcall_hvisor_ivc_config *ivc = &cfg->riscv64.ivc_configs[i];

		c = hcall__json_at(a, (uint64_t)i);
		hcall__zp_int(zp, c, "ivc_id", &ivc->ivc_id);
		hcall__zp_int(zp, c, "peer_id", &ivc->peer_id);
		hcall__zp_u64(zp, c, "shared_mem_ipa", &ivc->shared_mem_ipa);
		hcall__zp_u64(zp, c, "control_table_ipa", &ivc->control_table_ipa);
		hcall__zp_u32(zp, c, "rw_sec_size", &ivc->rw_sec_size);
		hcall__zp_u32(zp, c, "out_sec_size", &ivc->out_sec_size);
		hcall__zp_int(zp, c, "interrupt_num", &ivc->interrupt_num);
		hcall__zp_int(zp, c, "max_peers", &ivc->max_peers);
	}
}

HCALL__ZONE_FN void hcall__zp_arm64(struct hcall__hvisor_zp *zp, struct hcall_json ac,
				  struct hcall_hvisor_arch_config_arm64 *a)
{
	struct hcall_json v, s;
	uint64_t x = 0;

	if (hcall__zp_need(zp, ac, "gic_version", &v))
		return;
	if (hcall__json_str(v, &s)) {
		hcall__zp_fail(zp, "gic_version");
	} else if (hcall__json_str_is(s, "v2")) {
		a->gic_version_tag = HCALL_HVISOR_GIC_V2;
		hcall__zp_u64(zp, ac, "gicd_base", &a->gic.v2.gicd_base);
		hcall__zp_u64(zp, ac, "gicd_size", &a->gic.v2.gicd_size);
		hcall__zp_u64(zp, ac, "gicc_base", &a->gic.v2.gicc_base);
		hcall__zp_u64(zp, ac, "gicc_size", &a->gic.v2.gicc_size);
		hcall__zp_u64(zp, ac, "gicc_offset", &a->gic.v2.gicc_offset);
		hcall__zp_u64(zp, ac, "gich_base", &a->gic.v2.gich_base);
		hcall__zp_u64(zp, ac, "gich_size", &a->gic.v2.gich_size);
		hcall__zp_u64(zp, ac, "gicv_base", &a->gic.v2.gicv_base);
		hcall__zp_u64(zp, ac, "gicv_size", &a->gic.v2.gicv_size);
	} else if (hcall__json_str_is(s, "v3")) {
		struct hcall_json b, z;

		a->gic_version_tag = HCALL_HVISOR_GIC_V3;
		hcall__zp_u64(zp, ac, "gicd_base", &a->gic.v3.gicd_base);
		hcall__zp_u64(zp, ac, "gicd_size", &a->gic.v3.gicd_size);
		hcall__zp_u64(zp, ac, "gicr_base", &a->gic.v3.gicr_base);
		hcall__zp_u64(zp, ac, "gicr_size", &a->gic.v3.gicr_size);
		if (hcall__json_get(ac, "gits_base", &b) == 1 &&
		    hcall__json_get(ac, "gits_size", &z) == 1) {
			hcall__zp_u64(zp, ac, "gits_base", &a->gic.v3.gits_base);
			hcall__zp_u64(zp, ac, "gits_size", &a->gic.v3.gits_size);
		}
	} else {
		hcall__zp_fail(zp, "gic_version");
	}
	if (hcall__json_get(ac, "is_aarch32", &v) == 1) {
		if (hcall__json_int(v, 1, &x) || x > 0xffu)
			hcall__zp_fail(zp, "is_aarch32");
		else
			a->is_aarch32 = (uint8_t)x;
	}
}

HCALL__ZONE_FN void hcall__zp_x86(struct hcall__hvisor_zp *zp, struct hcall_json ac,
				struct hcall_hvisor_arch_config_x86_64 *a,
				const struct hcall_hvisor_zone_images *img)
{
	struct hcall_json v;
	uint64_t hpa;

	hcall__zp_u64(zp, ac, "ioapic_base", &a->ioapic_base);
	hcall__zp_u64(zp, ac, "ioapic_size", &a->ioapic_size);
	hcall__zp_u64(zp, ac, "kernel_entry_gpa", &a->kernel_entry_gpa);
	/* The host-physical load addresses are where the images go, which
	 * is the caller's business; they are still required. */
	if (hcall__json_get(ac, "boot_filepath", &v) == 1)
		hcall__zp_u64(zp, ac, "boot_load_paddr", &hpa);
	if (hcall__json_get(ac, "setup_filepath", &v) == 1) {
		hcall__zp_u64(zp, ac, "setup_load_gpa", &a->setup_load_gpa);
		hcall__zp_u64(zp, ac, "setup_load_hpa", &hpa);
	}
	if (hcall__json_get(ac, "cmdline", &v) == 1) {
		hcall__zp_u64(zp, ac, "cmdline_load_gpa", &a->cmdline_load_gpa);
		hcall__zp_u64(zp, ac, "cmdline_load_hpa", &hpa);
	}
	if (hcall__json_get(ac, "initrd_filepath", &v) == 1) {
		hcall__zp_u64(zp, ac, "initrd_load_gpa", &a->initrd_load_gpa);
		hcall__zp_u64(zp, ac, "initrd_load_hpa", &hpa);
		a->initrd_size = img->initrd_size;
	}
	hcall__zp_u64(zp, ac, "rsdp_memory_region_id", &a->rsdp_memory_region_id);
	hcall__zp_u64(zp, ac, "acpi_memory_region_id", &a->acpi_memory_region_id);
	hcall__zp_u64(zp, ac, "uefi_memory_region_id", &a->uefi_memory_region_id);
	hcall__zp_u64(zp, ac, "screen_base", &a->screen_base);
}

HCALL__ZONE_FN void hcall__zp_pci(struct hcall__hvisor_zp *zp, struct hcall_json root,
				uint64_t *num_bus, struct hcall_hvisor_pci_config *bus,
				uint64_t *num_devs, struct hcall_hvisor_pci_dev_config *dev)
{
	struct hcall_json a, c;
	int64_t n = hcall__zp_array(zp, root, "pci_config",
				    HCALL_HVISOR_PCI_BUS_MAXNUM, &a);
	int64_t i;

	if (n < 0)
		return;
	*num_bus = (uint64_t)n;
	for (i = 0; i < n; i++) {
		struct hcall_hvisor_pci_config *p = &bus[i];

		c = hcall__json_at(a, (uint64_t)i);
		hcall__zp_u64(zp, c, "ecam_base", &p->ecam_base);
		hcall__zp_u64(zp, c, "ecam_size", &p->ecam_size);
		hcall__zp_u64(zp, c, "io_base", &p->io_base);
		hcall__zp_u64(zp, c, "io_size", &p->io_size);
		hcall__zp_u64(zp, c, "pci_io_base", &p->pci_io_base);
		hcall__zp_u64(zp, c, "mem32_base", &p->mem32_base);
		hcall__zp_u64(zp, c, "mem32_size", &p->mem32_size);
		hcall__zp_u64(zp, c, "pci_mem32_base", &p->pci_mem32_base);
		hcall__zp_u64(zp, c, "mem64_base", &p->mem64_base);
		hcall__zp_u64(zp, c, "mem64_size", &p->mem64_size);
		hcall__zp_u64(zp, c, "pci_mem64_base", &p->pci_mem64_base);
		hcall__zp_u32(zp, c, "bus_range_begin", &p->bus_range_begin);
		hcall__zp_u32(zp, c, "bus_range_end", &p->bus_range_end);
		hcall__zp_u8(zp, c, "domain", &p->domain);
	}
	if (hcall__json_get(root, "alloc_pci_devs", &a) != 1)
		return;
	n = hcall__zp_array(zp, root, "alloc_pci_devs", HCALL_HVISOR_MAX_PCI_DEV, &a);
	if (n < 0)
		return;
	*num_devs = (uint64_t)n;
	for (i = 0; i < n; i++) {
		c = hcall__json_at(a, (uint64_t)i);
		hcall__zp_u8(zp, c, "domain", &dev[i].domain);
		hcall__zp_u8(zp, c, "bus", &dev[i].bus);
		hcall__zp_u8(zp, c, "device", &dev[i].device);
		hcall__zp_u8(zp, c, "function", &dev[i].function);
		hcall__zp_u32(zp, c, "dev_type", &dev[i].dev_type);
	}
}

/*
 * hcall_hvisor_zone_config_from_json - fill cfg's member for arch from the
 * zone description json[0..len). Returns 0, or -1 with *what (if what is
 * not NULL) naming the first member that is missing or wrong ("json" when
 * the text is not a JSON object, "arch" for an architecture hvisor-tool
 * has no zone_config for). cfg is fully written either way.
 */
HCALL__ZONE_FN int hcall_hvisor_zone_config_from_json(
	union hcall_hvisor_zone_config_any *cfg, enum hcall_arch arch,
	const char *json, uint64_t len, const struct hcall_hvisor_zone_images *img,
	const char **what)
{
	struct hcall__hvisor_zp zp = { what, 0 };
	struct hcall_json root, v, a, s;
	unsigned char *b = (unsigned char *)cfg;
	uint64_t i;
	int64_t n;

	for (i = 0; i < sizeof(*cfg); i++)
		b[i] = 0;
	if (!hcall_hvisor_zone_config_size(arch))
		return hcall__zp_fail(&zp, "arch");
	root.p = hcall__json_ws(json, json + len);
	root.end = hcall__json_skip(root.p, json + len);
	if (!root.end || hcall__json_ws(root.end, json + len) != json + len ||
	    hcall__json_count_of(root, '{') < 0)
		return hcall__zp_fail(&zp, "json");

	hcall__zp_int(&zp, root, "zone_id", &cfg->riscv64.zone_id);
	n = hcall__zp_array(&zp, root, "cpus", ~(uint64_t)0, &a);
	for (i = 0; n > 0 && i < (uint64_t)n; i++) {
		uint64_t cpu;

		if (hcall__json_int(hcall__json_at(a, i), 0, &cpu) || cpu > 63) {
			hcall__zp_fail(&zp, "cpus");
			break;
		}
		cfg->riscv64.cpus |= (uint64_t)1 << cpu;
	}
	hcall__zp_memory(&zp, root, cfg);
	hcall__zp_irqs(&zp, root, cfg);
	hcall__zp_ivc(&zp, root, cfg);
	hcall__zp_u64(&zp, root, "entry_point", &cfg->riscv64.entry_point);
	hcall__zp_u64(&zp, root, "kernel_load_paddr", &cfg->riscv64.kernel_load_paddr);
	hcall__zp_u64(&zp, root, "dtb_load_paddr", &cfg->riscv64.dtb_load_paddr);
	if (!hcall__zp_need(&zp, root, "kernel_filepath", &v) && hcall__json_str(v, &s))
		hcall__zp_fail(&zp, "kernel_filepath");
	if (!hcall__zp_need(&zp, root, "dtb_filepath", &v) && hcall__json_str(v, &s))
		hcall__zp_fail(&zp, "dtb_filepath");
	cfg->riscv64.kernel_size = img ? img->kernel_size : 0;
	if (arch != HCALL_ARCH_X86_64)
		cfg->riscv64.dtb_size = img ? img->dtb_size : 0;
	if (!hcall__zp_need(&zp, root, "name", &v)) {
		if (hcall__json_str(v, &s) ||
		    (uint64_t)(s.end - s.p) > HCALL_HVISOR_NAME_MAXLEN)
			hcall__zp_fail(&zp, "name");
		else
			for (i = 0; s.p + i < s.end; i++)
				cfg->riscv64.name[i] = s.p[i];
	}
	if (!hcall__zp_need(&zp, root, "arch_config", &v)) {
		if (!hcall__json_open(v, '{'))
			hcall__zp_fail(&zp, "arch_config");
		else if (arch == HCALL_ARCH_ARM64)
			hcall__zp_arm64(&zp, v, &cfg->arm64.arch_config);
		else if (arch == HCALL_ARCH_RISCV64) {
			hcall__zp_u64(&zp, v, "plic_base", &cfg->riscv64.arch_config.plic_base);
			hcall__zp_u64(&zp, v, "plic_size", &cfg->riscv64.arch_config.plic_size);
			hcall__zp_u64(&zp, v, "aplic_base", &cfg->riscv64.arch_config.aplic_base);
			hcall__zp_u64(&zp, v, "aplic_size", &cfg->riscv64.arch_config.aplic_size);
		} else {
			struct hcall_hvisor_zone_images none = { 0, 0, 0 };

			hcall__zp_x86(&zp, v, &cfg->x86_64.arch_config, img ? img : &none);
		}
	}
	if (arch == HCALL_ARCH_ARM64)
		hcall__zp_pci(&zp, root, &cfg->arm64.num_pci_bus, cfg->arm64.pci_config,
			      &cfg->arm64.num_pci_devs, cfg->arm64.alloc_pci_devs);
	else if (arch == HCALL_ARCH_RISCV64)
		hcall__zp_pci(&zp, root, &cfg->riscv64.num_pci_bus, cfg->riscv64.pci_config,
			      &cfg->riscv64.num_pci_devs, cfg->riscv64.alloc_pci_devs);
	else
		hcall__zp_pci(&zp, root, &cfg->x86_64.num_pci_bus, cfg->x86_64.pci_config,
			      &cfg->x86_64.num_pci_devs, cfg->x86_64.alloc_pci_devs);
	return zp.failed ? -1 : 0;
}

HCALL_END_DECLS

#endif /* HCALL_HVISOR_ZONE_H */
