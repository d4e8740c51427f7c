#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every C example in docs/*.md compiles (TAP).

Each ```c block of a page is a translation unit of its own, compiled
against include/ and hv/, unless the HTML comment right before it says
otherwise:
  <!-- example file: PATH -->     the block is the header PATH (e.g.
                                  hcall/abi/demo.h), on the include path
                                  of the page's later blocks
  <!-- example continues -->      the block continues the previous one
  <!-- example hv: LINE -->        compiled against a copy of hv/ whose
                                  services.h has LINE added to HV_SERVICES
                                  (a new hypervisor service, as the text
                                  tells the reader to do)
  <!-- not compiled: WHY -->      left out; the test says so (a skip)

A page chooses its targets with `<!-- examples: T... -->` (default: host):
  host       the build machine's gcc and clang
  sim-ARCH   the same with the simulated transport of ARCH (x86_64,
             arm64, riscv64), so a guest example compiles off-target
  aarch64, riscv64
             the cross compilers, freestanding, the real trap
Everything with -std=c11 -Wall -Wextra -Wpedantic -Werror, compiled only
(-c): the examples are fragments of a program.
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


def blocks(text):
    """[(line, marker, code)] for each ```c block."""
    out = []
    pos = 0
    for m in re.finditer(r'^```c\n(.*?)^```', text, re.M | re.S):
        before = text[pos:m.start()].rstrip().splitlines()
        marker = before[-1].strip() if before else ''
        if not marker.startswith('<!--'):
            marker = ''
        out.append((text.count('\n', 0, m.start()) + 1, marker, m.group(1)))
        pos = m.end()
    return out


def hv_overlay(root, tmp, line):
    """A copy of hv/'s headers with `line` added to HV_SERVICES."""
    d = pathlib.Path(tmp) / 'hv-overlay'
    if d.exists():
        shutil.rmtree(d)
    d.mkdir()
    for h in (root / 'hv').glob('*.h'):
        shutil.copy(h, d / h.name)
    s = (d / 'services.h').read_text()
    last = [m for m in re.finditer(r'^\tX\([^)]*\)[ \t]*\\?$', s, re.M)][-1]
    entry = last.group(0)
    new = entry if entry.endswith('\\') else entry + ' \\'
    s = s[:last.start()] + new + '\n\t' + line + s[last.end():]
    (d / 'services.h').write_text(s)
    return d


def commands(target, incs):
    inc = [f for d in incs for f in ('-I', str(d))]
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
    root = pathlib.Path(sys.argv[1]).resolve()
    pages = sorted(p for p in (root / 'docs').glob('*.md'))
    total = 0
    with tempfile.TemporaryDirectory(prefix='hcall-docs-') as tmp:
        for page in pages:
            text = page.read_text()
            m = re.search(r'<!-- examples: (.*?) -->', text)
            targets = m.group(1).split() if m else ['host']
            rel = page.relative_to(root)
            headers = pathlib.Path(tmp) / page.stem / 'include'
            headers.mkdir(parents=True)
            units = []  # [line, code, hv include dir]
            for line, marker, code in blocks(text):
                code = f'#line {line + 1} "{rel}"\n' + code
                nc = re.match(r'<!-- not compiled: (.*) -->', marker)
                fm = re.match(r'<!-- example file: (\S+) -->', marker)
                hm = re.match(r'<!-- example hv: (.*) -->', marker)
                if nc:
                    skip(f'{rel}:{line}', f'not compiled: {nc.group(1)}')
                elif fm:
                    dest = headers / fm.group(1)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_text(code)
                elif marker == '<!-- example continues -->' and units:
                    units[-1][1] += '\n' + code
                else:
                    hv = hv_overlay(root, pathlib.Path(tmp) / page.stem, hm.group(1)) \
                        if hm else root / 'hv'
                    units.append([line, code, hv])
            for line, code, hv in units:
                src = pathlib.Path(tmp) / page.stem / f'example_{line}.c'
                src.write_text(code)
                for target in targets:
                    for label, cmd in commands(target, [headers, root / 'include', hv]):
                        if not shutil.which(cmd[0]):
                            skip(f'{rel}:{line} ({label})', f'{cmd[0]} is not installed')
                            continue
                        r = subprocess.run([*cmd, '-c', str(src), '-o', str(src) + '.o'],
                                           capture_output=True, text=True, timeout=120)
                        total += 1
                        check(r.returncode == 0, f'{rel}:{line} compiles ({label})', r.stderr)
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
