#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every array subscript in the hypervisor core is safe under speculation.

A guest-chosen number used as an index after a bounds check can still be
used speculatively out of bounds (Spectre v1; Xen XSA-254, KVM's pv-IPI
fix). The core's rule: an index that can come from a guest goes through
hv_index_nospec() (hv/nospec.h). This test reads hv/*.c and hv/*.h (the
dispatcher's body is a header) and accepts a
subscript only when it is one of:
  - hv_index_nospec(...): clamped;
  - reduced by a constant: `(...) & (N - 1)`, `(...) & MASK`, `(...) % N`
    (the table is sized by that constant, and no branch is involved);
  - made only of constants: upper-case names, numbers, sizeof, operators;
  - the counter of an enclosing `for` loop, which the core bounds itself;
  - a designated initialiser of a static table (`[NAME] = ...`);
  - one of the few subscripts listed in NOT_GUEST below, whose index no
    guest chooses (each with the reason).
Anything else is reported with its file and line, so a new
`vm->vcpus[guest_value]` fails here before it ships.
Prints TAP.
"""
import pathlib
import re
import sys

SUBSCRIPT = re.compile(r'([A-Za-z_][\w.>-]*)\s*\[')
CONST = re.compile(r'^[\sA-Z0-9_+\-*/%()|&<>~x]*$')
SIZEOF = re.compile(r'sizeof\s*\([^)]*\)')


# (file, subscript text): why no guest chooses this index.
NOT_GUEST = {
    ('dispatch.c', 'hv_services[abi]'): 'the embedder\'s ABI argument, checked against HV_ABI_COUNT',
    ('vm.c', 'hv->vms[hv->nvms - 1]'): 'the core\'s own high-water mark',
    ('svc_hvisor.c', 'targets[n++]'): 'n counts VMs found by a loop over HV_MAX_VMS',
    ('svc_hvisor.c', 'info[n]'): 'n counts VMs found by a loop over HV_MAX_VMS',
    ('svc_psci.c', 'c->arg[i]'): 'i is the argument position the handler names',
    ('dispatch.c', 'vm->hv->svc_off[svc->abi]'): 'a service\'s own ABI number, from the const service list',
    ('dispatch.c', 'n[t]'): 'the trap of a const convention descriptor, range-checked',
    ('dispatch.c', 'vm->routes[t]'): 'the trap of a const convention descriptor, range-checked; on a trap, a constant or the trap clamped with hv_index_nospec by hv_handle_trap',
    ('dispatch.c', 'vm->route_list[t]'): 'a constant, or the trap clamped with hv_index_nospec by hv_handle_trap',
    ('dispatch.c', 'vm->sel_off[t]'): 'a constant, or the trap clamped with hv_index_nospec by hv_handle_trap',
    ('dispatch.c', 'vm->route_list[trap - HCALL_TRAP_HVC]'): 'the trap of the loop over the trap instructions',
    ('dispatch.c', 'vm->sel_off[trap - HCALL_TRAP_HVC]'): 'the trap of the loop over the trap instructions',
    ('dispatcher.h', 'p[n - 2]'): 'n is a convention\'s register count, from a const descriptor or its route',
    ('dispatcher.h', 'p[n - 1]'): 'n is a convention\'s register count, from a const descriptor or its route',
    ('dispatcher.h', 'cv[last]'): 'the service\'s own convention count, a constant of its description',
    ('service.h', 'vm->hv->svc_off[svc->abi]'): 'a service\'s own ABI number, from the const service list',
    ('service.h', 'c->out[c->status]'): 'the route\'s status index, from a const convention descriptor',
    ('service.h', 'c->out[c->value]'): 'the route\'s value index, from a const convention descriptor',
    ('dispatch.c', 'r[k]'): 'k counts the conventions placed at VM creation, at most HV_MAX_ROUTES (the list has one more)',
    ('dispatch.c', 'r[k++]'): 'k counts the conventions placed at VM creation, below HV_MAX_ROUTES',
    ('registry.h', 'vm->nregistered[abi]'): 'the embedder\'s or a service\'s ABI, checked against HV_ABI_COUNT',
    ('registry.c', 'vm->nregistered[abi]'): 'the embedder\'s or a service\'s ABI, checked against HV_ABI_COUNT',
    ('registry.c', 'hv->vms[vm_id]'): 'the core\'s own VM id, checked against HV_MAX_VMS',
}
# The bare-metal memcpy/memset: no guest index at all.
NO_GUEST_FILES = {'string.c', 'libc_symbols.c'}


def subscripts(text):
    """(line, array expression, subscript) for each `a[...]` in code."""
    for m in SUBSCRIPT.finditer(text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {'[': 1, ']': -1}.get(text[i], 0)
            i += 1
        yield text.count('\n', 0, m.start()) + 1, m.group(1), text[m.end():i - 1].strip()


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


def loop_counters(text, line):
    """Names used as `for` counters in the function around `line`."""
    lines = text.splitlines()
    start = line - 1
    while start > 0 and not re.match(r'^[a-z].*\)\s*$|^\{', lines[start]):
        start -= 1
    body = '\n'.join(lines[start:line])
    return set(re.findall(r'for\s*\(\s*(?:\w+\s+)?(\w+)\s*=', body))


def safe(text, line, expr):
    if expr.startswith('hv_index_nospec('):
        return True
    if re.search(r'&\s*\(\s*[A-Z_][A-Z0-9_]*\s*-\s*1\s*\)\s*$', expr) or \
       re.search(r'[&%]\s*([A-Z_][A-Z0-9_]*|\d+)\s*$', expr):
        return True
    if CONST.match(SIZEOF.sub('0', expr)):
        return True
    if re.fullmatch(r'\w+', expr) and expr in loop_counters(text, line):
        return True
    # A loop counter combined with constants (s / HV_MAX_VCPUS, f / 32...).
    names = set(re.findall(r'\b[a-z_]\w*\b', SIZEOF.sub('0', expr)))
    return bool(names) and names <= loop_counters(text, line)


def main():
    root = pathlib.Path(sys.argv[1])
    bad, n = [], 0
    for path in sorted((root / 'hv').glob('*.[ch]')):
        if path.name in NO_GUEST_FILES:
            continue
        text = strip_comments(path.read_text())
        for line, array, expr in subscripts(text):
            src = text.splitlines()[line - 1]
            # declarations and designated initialisers of tables
            if re.match(r'^\s*(static\s+)?(const\s+)?(struct|uint\w+|char|int|unsigned)\b', src) \
               or re.match(r'^\s*\[', src) or not expr:
                continue
            n += 1
            if (path.name, f'{array}[{expr}]') in NOT_GUEST:
                continue
            if not safe(text, line, expr):
                bad.append(f'{path.name}:{line}: {array}[{expr}]')
    ok = n > 10 and not bad
    print(f'{"ok" if ok else "not ok"} 1 - every one of the {n} subscripts in hv/*.[ch] is clamped, '
          'masked, constant or a loop counter')
    for b in bad:
        print(f'# {b}')
    # The clamp itself is where the lookups go.
    nospec = sum(len(re.findall(r'hv_index_nospec\(', strip_comments(p.read_text())))
                 for p in (root / 'hv').glob('*.[ch]'))
    ok2 = nospec >= 3
    print(f'{"ok" if ok2 else "not ok"} 2 - the VM, vCPU and call-table lookups use '
          f'hv_index_nospec ({nospec} uses)')
    print('1..2')
    return 0 if ok and ok2 else 1


if __name__ == '__main__':
    sys.exit(main())
