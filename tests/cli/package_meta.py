#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The package's metadata agrees with itself (TAP).

- <hcall/version.h> carries the version in meson.build (the CMake
  package reads it from there, the CLI prints it);
- CHANGELOG.md has a section for it or an [Unreleased] one;
- LICENSE is MIT with a copyright holder, and every source file's SPDX
  line says MIT (the example kernel module: MIT OR GPL-2.0-only, matching
  its MODULE_LICENSE("Dual MIT/GPL")).
"""
import pathlib
import re
import sys

N = 0


def check(cond, name, detail=''):
    global N
    N += 1
    print(f'{"ok" if cond else "not ok"} {N} - {name}')
    if not cond:
        for line in str(detail).splitlines()[:40]:
            print(f'# {line}')


SOURCES = ('.c', '.h', '.S', '.ld', '.py', '.sh', '.in', '.cmake', '.gp')
NAMED = ('meson.build', 'meson_options.txt', 'CMakeLists.txt', 'Kbuild', 'sdk', 'run')
SKIP_DIRS = {'build', '.git', 'subprojects', 'corpus', '__pycache__'}
# The kernel module's own sources (not its host-side build test) carry
# the dual licence its MODULE_LICENSE states.
KMOD = 'examples/kernel-module'


def dual(rel):
    return str(rel.parent) == KMOD and rel.name != 'build_test.py'


def sources(root):
    for p in sorted(root.rglob('*')):
        rel = p.relative_to(root)
        if any(part in SKIP_DIRS or part.startswith('build') for part in rel.parts[:-1]):
            continue
        if p.is_file() and (p.suffix in SOURCES or p.name in NAMED):
            yield rel, p


def main():
    root = pathlib.Path(sys.argv[1])
    version = sys.argv[2]
    major, minor, patch = version.split('.')

    vh = (root / 'include/hcall/version.h').read_text()
    got = {k: re.search(rf'#define HCALL_VERSION_{k} (\d+)', vh) for k in ('MAJOR', 'MINOR', 'PATCH')}
    got = {k: m.group(1) if m else None for k, m in got.items()}
    check(got == {'MAJOR': major, 'MINOR': minor, 'PATCH': patch},
          f'version.h numbers are meson.build\'s {version}', got)
    m = re.search(r'#define HCALL_VERSION_STRING "([^"]*)"', vh)
    check(m and m.group(1) == version, 'HCALL_VERSION_STRING is meson.build\'s version',
          m and m.group(1))

    cl = (root / 'CHANGELOG.md').read_text()
    check(f'## [{version}]' in cl or '## [Unreleased]' in cl,
          'CHANGELOG.md has a section for this version or [Unreleased]')

    lic = (root / 'LICENSE').read_text()
    check(lic.startswith('MIT License') and 'Copyright (c)' in lic and 'The hcall authors' in lic,
          'LICENSE: MIT, copyright The hcall authors')

    bad = []
    n = 0
    for rel, p in sources(root):
        head = p.read_text(errors='replace').splitlines()[:3]
        spdx = [re.search(r'SPDX-License-Identifier: (.*?)\s*(\*/)?$', ln) for ln in head]
        spdx = [s.group(1) for s in spdx if s]
        want = 'MIT OR GPL-2.0-only' if dual(rel) else 'MIT'
        n += 1
        if spdx != [want]:
            bad.append(f'{rel}: {spdx or "no SPDX line"} (want {want})')
    check(n > 100 and not bad, f'SPDX line in each of the {n} source files', '\n'.join(bad))

    km = ''.join(p.read_text() for p in sorted((root / KMOD).glob('*.c')))
    check(km.count('MODULE_LICENSE(') == 1 and 'MODULE_LICENSE("Dual MIT/GPL")' in km,
          'the kernel module\'s MODULE_LICENSE matches its SPDX line')
    print(f'1..{N}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
