#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Codegen cost of every typed call (section 1 of ./sdk bench).

For each architecture and compiler at -O2, counts the instructions of:
  hcall      a function that only makes the typed call;
  reference  the hand-written inline-asm reference of the same call
             (the tables and generators of tests/codegen/, written from the
             specifications);
  linux      the Linux-style equivalent where Linux goes another way:
             arm64  SMCCC through an out-of-line call with a result-struct
                    pointer (the SMCCC 1.0 arm_smccc_hvc shape: x0..x7
                    always loaded, x0..x3 stored through the pointer);
             riscv  sbi_ecall() with all six arguments always set and the
                    out-of-line call returning struct sbiret.
             Out-of-line helpers are counted caller + callee, which is
             what runs on every call (both are straight-line code).
             Linux's x86 kvm_hypercallN/acrn_hypercallN are inline asm that
             bind exactly the used registers: their code is the reference.

Prints JSON: {"status": "ok", "rows": [...], ...}.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "codegen"))

import codegen  # noqa: E402  (arm64 and riscv64 tables and references)
import disasm  # noqa: E402  (compile and disassemble)

try:
    import codegen_x86  # noqa: E402
except ImportError:  # pragma: no cover - x86 table not present
    codegen_x86 = None

INCLUDE = os.path.join(ROOT, "include")
# No -Werror: the Linux-style functions are counted, not checked.
FLAGS = ["-std=c11", "-O2", "-ffreestanding", "-fno-stack-protector", "-I", INCLUDE]

ARM64_LINUX = r"""
struct lx_smccc_res { unsigned long a0, a1, a2, a3; };
__attribute__((noinline)) void lx_smccc_hvc(unsigned long a0, unsigned long a1,
	unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5,
	unsigned long a6, unsigned long a7, struct lx_smccc_res *res)
{
	register unsigned long x0 __asm__("x0") = a0;
	register unsigned long x1 __asm__("x1") = a1;
	register unsigned long x2 __asm__("x2") = a2;
	register unsigned long x3 __asm__("x3") = a3;
	register unsigned long x4 __asm__("x4") = a4;
	register unsigned long x5 __asm__("x5") = a5;
	register unsigned long x6 __asm__("x6") = a6;
	register unsigned long x7 __asm__("x7") = a7;
	__asm__ __volatile__("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
			     : "r"(x4), "r"(x5), "r"(x6), "r"(x7) : "memory");
	res->a0 = x0; res->a1 = x1; res->a2 = x2; res->a3 = x3;
}
"""

RISCV_LINUX = r"""
struct lx_sbiret { long error; long value; };
__attribute__((noinline)) struct lx_sbiret lx_sbi_ecall(int ext, int fid,
	unsigned long arg0, unsigned long arg1, unsigned long arg2,
	unsigned long arg3, unsigned long arg4, unsigned long arg5)
{
	struct lx_sbiret ret;
	register unsigned long a0 __asm__("a0") = arg0;
	register unsigned long a1 __asm__("a1") = arg1;
	register unsigned long a2 __asm__("a2") = arg2;
	register unsigned long a3 __asm__("a3") = arg3;
	register unsigned long a4 __asm__("a4") = arg4;
	register unsigned long a5 __asm__("a5") = arg5;
	register unsigned long a6 __asm__("a6") = (unsigned long)fid;
	register unsigned long a7 __asm__("a7") = (unsigned long)ext;
	__asm__ __volatile__("ecall" : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6), "r"(a7)
			     : "memory");
	ret.error = (long)a0;
	ret.value = (long)a1;
	return ret;
}
"""


def arm64_linux_fn(name, params, fid, args):
    full = list(args) + ["0"] * (7 - len(args))
    return (f"void l_{name}({codegen.params_decl(params)})\n{{\n"
            "\tstruct lx_smccc_res res;\n"
            f"\tlx_smccc_hvc({fid:#x}u, {', '.join(full)}, &res);\n}}")


def riscv_linux_fn(name, params, eid, fid, args):
    full = list(args) + ["0"] * (6 - len(args))
    return (f"void l_{name}({codegen.params_decl(params)})\n{{\n"
            f"\t(void)lx_sbi_ecall({eid:#x}, {fid if fid is not None else 0}, "
            f"{', '.join(full)});\n}}")


def compile_and_count(arch, cc, src):
    comp, objdump = codegen.tools(arch, cc)
    tool = disasm.missing_tool([comp[0], objdump])
    if tool:
        return None, f"{tool} is not installed"
    funcs, err = disasm.compile_and_disassemble(
        comp, FLAGS, src, lambda o: codegen.disassemble(objdump, o))
    if funcs is None:
        return None, f"the call file does not compile: {err[-400:]}"
    return funcs, None


def count(funcs, name):
    body = funcs.get(name)
    return len(body) if body is not None else None


def arch_rows(arch, cc):
    src, names = codegen.build_source(arch)
    extra = []
    if arch == "aarch64":
        extra.append(ARM64_LINUX)
        for name, _hdr, _call, params, fid, args in codegen.ARM64:
            extra.append(arm64_linux_fn(name, params, fid, args))
        helper = "lx_smccc_hvc"
    else:
        extra.append(RISCV_LINUX)
        for name, _call, params, eid, fid, args in codegen.RISCV:
            extra.append(riscv_linux_fn(name, params, eid, fid, args))
        helper = "lx_sbi_ecall"
    funcs, err = compile_and_count(arch, cc, src + "\n\n".join(extra) + "\n")
    if funcs is None:
        return [], err
    helper_n = count(funcs, helper) or 0
    rows = []
    for n in names:
        w, r, lx = count(funcs, "w_" + n), count(funcs, "r_" + n), count(funcs, "l_" + n)
        rows.append(row(arch, cc, n, w, r, None if lx is None else lx + helper_n))
    return rows, None


def x86_rows(cc):
    if codegen_x86 is None or not hasattr(codegen_x86, "build_source"):
        return [], "tests/codegen/codegen_x86.py has no build_source()"
    src = codegen_x86.build_source()
    names = [c[0] for c in codegen_x86.CALLS]
    comp = ["gcc"] if cc == "gcc" else ["clang"]
    if disasm.missing_tool([comp[0], "objdump"]):
        return [], "x86 compiler or objdump missing"
    funcs, err = disasm.compile_and_disassemble(comp, FLAGS, src, codegen_x86.disassemble)
    if funcs is None:
        return [], f"x86 call file does not compile: {err[-400:]}"
    return [row("x86_64", cc, n, count(funcs, "w_" + n), count(funcs, "r_" + n), None)
            for n in names], None


def row(arch, cc, name, w, r, lx):
    ratio = round(w / r, 2) if w and r else None
    return {"arch": arch, "compiler": cc, "call": name, "hcall": w, "reference": r,
            "linux": lx, "ratio_ref": ratio,
            "ratio_linux": round(w / lx, 2) if w and lx else None}


def main():
    rows, missing = [], []
    for arch in ("aarch64", "riscv64"):
        for cc in ("gcc", "clang"):
            r, err = arch_rows(arch, cc)
            rows += r
            if err:
                missing.append(f"{arch}/{cc}: {err}")
    for cc in ("gcc", "clang"):
        r, err = x86_rows(cc)
        rows += r
        if err:
            missing.append(f"x86_64/{cc}: {err}")
    if not rows:
        print(json.dumps({"status": "missing", "why": "; ".join(missing)}))
        return 0
    over = [r for r in rows if r["ratio_ref"] is None or r["ratio_ref"] > 1.0]
    worse_than_linux = [r for r in rows if r["linux"] and r["hcall"] >= r["linux"]]
    print(json.dumps({"status": "ok", "rows": rows, "missing": missing,
                      "calls_over_reference": [f"{r['arch']}/{r['compiler']}/{r['call']}" for r in over],
                      "calls_not_below_linux": [f"{r['arch']}/{r['compiler']}/{r['call']}"
                                                for r in worse_than_linux]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
