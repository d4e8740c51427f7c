# SPDX-License-Identifier: MIT
"""The shared half of the codegen checks (codegen.py for arm64/riscv64,
codegen_x86.py for x86_64; bench/codegen_cost.py counts with it too).

A check writes a C file of pairs: w_<name>, a function that only makes
a typed call, and r_<name>, its hand-written inline-asm reference. This
module compiles the file, splits its disassembly per function, and
compares every pair the same way on every architecture: the same single
trap instruction, the same set-up instructions before the trap (in any
order) writing the same registers, no stack use beyond the reference's,
and no more instructions than the reference. What differs per
architecture (the trap mnemonics, how an instruction names the register
it writes, what counts as stack use, what objdump noise to drop) comes
in as functions.
"""
import os
import re
import shutil
import subprocess
import tempfile


def params_decl(params):
    """C parameter list of [(type, name)]: 'uint64_t a, uint32_t b' or 'void'."""
    return ', '.join(f'{t} {n}' for t, n in params) or 'void'


def missing_tool(tools):
    """The first of `tools` not on PATH, or None."""
    for t in tools:
        if not shutil.which(t):
            return t
    return None


def objdump_functions(objdump, obj, clean):
    """{function name: [instruction, ...]} from `objdump -d` of `obj`.
    clean(text) normalises one instruction's text; '' drops it (padding)."""
    text = subprocess.run([objdump, '-d', '--no-show-raw-insn', obj],
                          check=True, capture_output=True, text=True).stdout
    funcs, cur = {}, None
    for line in text.splitlines():
        m = re.match(r'^[0-9a-f]+ <([^>]+)>:$', line)
        if m:
            cur = m.group(1)
            funcs[cur] = []
            continue
        m = re.match(r'^\s*[0-9a-f]+:\s+(.*)$', line)
        if m and cur:
            ins = clean(m.group(1))
            if ins:
                funcs[cur].append(ins)
    return funcs


def compile_and_disassemble(comp, flags, src, disassemble):
    """Compile the C text `src` with comp + flags to an object and return
    (disassemble(object path), None), or (None, the compiler's stderr)."""
    with tempfile.TemporaryDirectory() as d:
        c, o = os.path.join(d, 'calls.c'), os.path.join(d, 'calls.o')
        with open(c, 'w', encoding='utf-8') as f:
            f.write(src)
        r = subprocess.run(comp + flags + ['-c', c, '-o', o], capture_output=True, text=True)
        if r.returncode:
            return None, r.stderr
        return disassemble(o), None


def before_trap(body, is_trap):
    """The set-up instructions: everything before the trap."""
    out = []
    for ins in body:
        if is_trap(ins):
            break
        out.append(ins)
    return out


def compare(label, names, funcs, is_trap, setup_regs, stack_problem, verbose=False):
    """Compare every w_<name> with r_<name> in `funcs`, print one TAP-like
    line per call and a summary; return 0 if all match, else 1.
      setup_regs(body)      the registers written before the trap (a set)
      stack_problem(w, ref) why the wrapper's stack use is wrong, or None
    """
    fails = 0
    for n in names:
        w, ref = funcs.get('w_' + n), funcs.get('r_' + n)
        if w is None or ref is None:
            print(f'not ok - {n}: function missing from the disassembly')
            fails += 1
            continue
        wt = [i for i in w if is_trap(i)]
        rt = [i for i in ref if is_trap(i)]
        problems = []
        if len(wt) != 1 or wt != rt:
            problems.append(f'trap {wt} != reference {rt}')
        if sorted(before_trap(w, is_trap)) != sorted(before_trap(ref, is_trap)):
            problems.append('register set-up differs from the reference')
        wr, rr = setup_regs(w), setup_regs(ref)
        if wr != rr:
            problems.append(f'set-up registers {sorted(wr)} != reference {sorted(rr)}')
        stack = stack_problem(w, ref)
        if stack:
            problems.append(stack)
        if len(w) > len(ref):
            problems.append(f'{len(w)} instructions > reference {len(ref)}')
        if problems:
            fails += 1
            print(f'not ok - {n}: ' + '; '.join(problems))
            print('  wrapper:   ' + ' | '.join(w))
            print('  reference: ' + ' | '.join(ref))
        else:
            same = ' (identical)' if w == ref else ''
            print(f'ok - {n}: {wt[0]}, {len(w)} instructions{same}')
            if verbose:
                print('  ' + ' | '.join(w))
    print(f'{label}: {len(names) - fails} of {len(names)} calls match their reference')
    return 1 if fails else 0


def check(arch, cc, comp, objdump, flags, src, names, clean, is_trap, setup_regs,
          stack_problem, verbose=False):
    """A whole check of one architecture and compiler: skip (77) without
    the compiler or objdump, fail (1) if `src` does not compile, else
    compare() the pairs of `names`. clean: as in objdump_functions()."""
    tool = missing_tool([comp[0], objdump])
    if tool:
        print(f'SKIP: {tool} not installed (needed to compile and disassemble {arch})')
        return 77
    label = f'{arch}/{cc}'
    funcs, err = compile_and_disassemble(
        comp, flags, src, lambda obj: objdump_functions(objdump, obj, clean))
    if funcs is None:
        print(err)
        print(f'FAIL: {label}: the call file does not compile')
        return 1
    return compare(label, names, funcs, is_trap, setup_regs, stack_problem, verbose)
