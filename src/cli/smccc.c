/* SPDX-License-Identifier: MIT */
/*
 * src/cli/smccc.c - the bit fields of an Arm SMCCC function ID, decoded
 * with the field definitions of <hcall/abi/smccc.h>, for IDs that are in
 * no table too.
 */
#include "cli.h"

int smccc_space(const struct hcall_abi_desc *abi)
{
	for (unsigned i = 0; i < abi->nconvs; i++) {
		const struct hcall_conv_desc *c = &abi->convs[i];

		if (c->arch == HCALL_ARCH_ARM64 &&
		    (c->trap == HCALL_TRAP_HVC || c->trap == HCALL_TRAP_SMC) &&
		    c->imm == HCALL_SMCCC_ARM64_IMM &&
		    c->sel_reg == HCALL_REG_NONE &&
		    c->nr_reg == HCALL_REG_IDX(HCALL_SMCCC_ARM64_REG_FID))
			return 1;
	}
	return 0;
}

static const char *owner_name(unsigned owner)
{
	switch (owner) {
	case HCALL_SMCCC_OWNER_ARCH:
		return "Arm architecture calls";
	case HCALL_SMCCC_OWNER_CPU:
		return "CPU service calls";
	case HCALL_SMCCC_OWNER_SIP:
		return "SiP service calls";
	case HCALL_SMCCC_OWNER_OEM:
		return "OEM service calls";
	case HCALL_SMCCC_OWNER_STANDARD:
		return "standard secure services";
	case HCALL_SMCCC_OWNER_STANDARD_HYP:
		return "standard hypervisor services";
	case HCALL_SMCCC_OWNER_VENDOR_HYP:
		return "vendor-specific hypervisor services";
	default:
		break;
	}
	if (owner >= HCALL_SMCCC_OWNER_TRUSTED_APP &&
	    owner <= HCALL_SMCCC_OWNER_TRUSTED_APP_END)
		return "trusted application calls";
	if (owner >= HCALL_SMCCC_OWNER_TRUSTED_OS &&
	    owner <= HCALL_SMCCC_OWNER_TRUSTED_OS_END)
		return "trusted OS calls";
	return "reserved";
}

const char *smccc_fid_text(uint64_t fid, char *buf, size_t len)
{
	const uint32_t id = (uint32_t)fid; /* the ID is w0: x0's low half */
	const uint32_t fields = HCALL_SMCCC_FAST_CALL_BIT | HCALL_SMCCC_SMC64_BIT |
				(HCALL_SMCCC_OWNER_MASK << HCALL_SMCCC_OWNER_SHIFT) |
				HCALL_SMCCC_FUNC_MASK;
	const unsigned owner =
		(id >> HCALL_SMCCC_OWNER_SHIFT) & HCALL_SMCCC_OWNER_MASK;
	const int fast = (id & HCALL_SMCCC_FAST_CALL_BIT) != 0;
	int n;

	n = snprintf(buf, len, "%s, %s, owner %u (%s), function 0x%x",
		     fast ? "fast call" : "yielding call",
		     (id & HCALL_SMCCC_SMC64_BIT) ? "SMC64" : "SMC32", owner,
		     owner_name(owner), (unsigned)(id & HCALL_SMCCC_FUNC_MASK));
	if (n < 0 || (size_t)n >= len)
		return buf;
	if (fast && (id & ~fields))
		n += snprintf(buf + n, len - (size_t)n,
			      "; bits 0x%x must be zero for a fast call",
			      (unsigned)(id & ~fields));
	if (n >= 0 && (size_t)n < len && (fid >> 32))
		snprintf(buf + n, len - (size_t)n,
			 "; bits 63:32 (0x%llx) are ignored, the ID is w0",
			 (unsigned long long)(fid >> 32));
	return buf;
}

const char *smccc_fid_brief(uint64_t fid, char *buf, size_t len)
{
	const uint32_t id = (uint32_t)fid;

	snprintf(buf, len, "%s %s, owner %u",
		 (id & HCALL_SMCCC_FAST_CALL_BIT) ? "fast" : "yielding",
		 (id & HCALL_SMCCC_SMC64_BIT) ? "SMC64" : "SMC32",
		 (unsigned)((id >> HCALL_SMCCC_OWNER_SHIFT) &
			    HCALL_SMCCC_OWNER_MASK));
	return buf;
}
