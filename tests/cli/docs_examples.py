#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every C example in docs/*.md compiles (TAP).

The ```c blocks of a page, in order, form one translation unit: each
block continues the one before it, unless the comment
`<!-- new example -->` stands right before it. `<!-- not compiled: WHY -->`
right before a block leaves it out, and the test says so (a skip).

A page chooses its targets with `<!-- examples: T... -->` (default: host):
  host       the build machine's gcc and clang
  sim-ARCH   the same with the simulated transport of ARCH (x86_64,
             arm64, riscv64), so a guest example compiles off-target
  aarch64, riscv64, x86_64-none
             the cross compilers, freestanding, the real trap
Everything with -std=c11 -Wall -Wextra -Wpedantic -Werror, against
include/, compiled only (-c): the examples are fragments of a program.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

N = 0
WARN = ['-std=c11', '-Wall', '-Wextra', '-Wpedantic', '-Werror']
SIM = {'x86_64': 1, 'arm64': 2, 'riscv64': 3}
CROSS = {
    'aarch64': ['aarch64-linux-gnu-gcc', '-ffreestanding'],
    'riscv64': ['riscv64-linux-gnu-gcc', '-ffreestanding'],
    'x86_64-none': ['gcc', '-ffreestanding'],
}


def check(cond, name, detail=''):
    global N
    N += 1
    print(f'{"ok" if cond else "not ok"} {N} - {name}')
    if not cond:
        for line in str(detail).splitlines()[:40]:
            print(f'# {line}')


def skip(name, why):
    global N
    N += 1
    print(f'ok {N} - {name} # SKIP {why}')


def examples(text):
    """[(first line, code)] per translation unit, and the skipped blocks."""
    units, skipped = [], []
    prev = ''
    pos = 0
    for m in re.finditer(r'^```c\n(.*?)^```', text, re.M | re.S):
        before = text[pos:m.start()].rstrip().splitlines()
        marker = before[-1].strip() if before else ''
        line = text.count('\n', 0, m.start()) + 1
        pos = m.end()
        nc = re.match(r'<!-- not compiled: (.*) -->', marker)
        if nc:
            skipped.append((line, nc.group(1)))
            continue
        if units and marker != '<!-- new example -->':
            units[-1] = (units[-1][0], units[-1][1] + f'\n#line {line + 1}\n' + m.group(1))
        else:
            units.append((line, f'#line {line + 1}\n' + m.group(1)))
        prev = marker
    del prev
    return units, skipped


def commands(target, include):
    inc = ['-I', str(include)]
    if target == 'host':
        return [(cc, [cc, *WARN, *inc]) for cc in ('gcc', 'clang')]
    if target.startswith('sim-'):
        arch = SIM[target[4:]]
        return [(f'{cc} sim {target[4:]}', [cc, *WARN, *inc, '-DHCALL_TRANSPORT_SIM',
                                            f'-DHCALL_SIM_ARCH={arch}'])
                for cc in ('gcc', 'clang')]
    cc, *flags = CROSS[target]
    return [(cc, [cc, *WARN, *inc, *flags])]


def main():
    root = pathlib.Path(sys.argv[1])
    pages = sorted(p for p in (root / 'docs').glob('*.md'))
    total = 0
    with tempfile.TemporaryDirectory(prefix='hcall-docs-') as tmp:
        for page in pages:
            text = page.read_text()
            m = re.search(r'<!-- examples: (.*?) -->', text)
            targets = m.group(1).split() if m else ['host']
            units, skipped = examples(text)
            rel = page.relative_to(root)
            for line, why in skipped:
                skip(f'{rel}:{line}', f'not compiled: {why}')
            for line, code in units:
                src = pathlib.Path(tmp) / f'{page.stem}_{line}.c'
                src.write_text(code)
                for target in targets:
                    for label, cmd in commands(target, root / 'include'):
                        if not shutil.which(cmd[0]):
                            skip(f'{rel}:{line} ({label})', f'{cmd[0]} is not installed')
                            continue
                        r = subprocess.run([*cmd, '-c', str(src), '-o', str(src) + '.o'],
                                           capture_output=True, text=True, timeout=120)
                        total += 1
                        check(r.returncode == 0, f'{rel}:{line} compiles ({label})',
                              r.stderr.replace(str(src), f'{rel}'))
    check(total > 0, f'{total} compilations of the examples in docs/')

    # README: the reserved-argument check fires from -Og up, not at -O0.
    bad = root / 'tests/compile/fail/reserved_nonzero.c'
    cc = shutil.which('aarch64-linux-gnu-gcc')
    if cc and bad.is_file():
        got = {}
        for opt in ('-O0', '-Og', '-O1', '-O2'):
            r = subprocess.run([cc, '-std=c11', opt, '-I', str(root / 'include'), '-c',
                                str(bad), '-o', '/dev/null'], capture_output=True, text=True)
            got[opt] = 'rejected' if 'reserved-must-be-zero' in r.stderr else \
                       'compiles' if r.returncode == 0 else 'other error'
        check(got == {'-O0': 'compiles', '-Og': 'rejected', '-O1': 'rejected', '-O2': 'rejected'},
              'README: the reserved-argument check fires at -Og and above, not at -O0', got)
    else:
        skip('README: the reserved-argument check and -O0', 'no aarch64-linux-gnu-gcc')
    print(f'1..{N}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
