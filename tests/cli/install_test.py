#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""hcall as an installed package and as a Meson subproject (TAP output).

1. `meson install --destdir` the build directory into a temporary prefix:
   headers, hcall.pc, the hcall CLI and its man page must be there, and
   every CLI command must work from the installed binary.
2. Build and run examples/consumer against that prefix through
   pkg-config (PKG_CONFIG_PATH + PKG_CONFIG_SYSROOT_DIR).
3. Build and run examples/consumer with hcall as subprojects/hcall.
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

N = 0
FAILED = 0


def check(cond, name, detail=''):
    global N, FAILED
    N += 1
    print(f'{"ok" if cond else "not ok"} {N} - {name}')
    if not cond:
        FAILED += 1
        for line in str(detail).splitlines()[-40:]:
            print(f'# {line}')
    return cond


def run(cmd, env=None, cwd=None, timeout=120):
    return subprocess.run(cmd, capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=timeout)


def find(root, pattern):
    hits = sorted(root.rglob(pattern))
    return hits[0] if hits else None


def build_consumer(name, src, builddir, env, extra):
    r = run(['meson', 'setup', str(builddir), str(src), *extra], env=env)
    if not check(r.returncode == 0, f'{name}: meson setup', r.stdout + r.stderr):
        return
    r = run(['meson', 'compile', '-C', str(builddir), 'consumer'], env=env)
    if not check(r.returncode == 0, f'{name}: build consumer', r.stdout + r.stderr):
        return
    exe = builddir / 'consumer'
    r = run([str(exe)])
    check(r.returncode == 0 and 'zone_shutdown(2): success' in r.stdout,
          f'{name}: consumer runs', r.stdout + r.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', required=True)
    ap.add_argument('--source', required=True)
    ap.add_argument('--cc', required=True)
    a = ap.parse_args()
    source = pathlib.Path(a.source)

    with tempfile.TemporaryDirectory(prefix='hcall-install-') as tmp:
        tmp = pathlib.Path(tmp)
        dest = tmp / 'dest'
        r = run(['meson', 'install', '-C', a.build, '--no-rebuild', '--quiet',
                 '--destdir', str(dest)])
        if not check(r.returncode == 0, 'meson install --destdir', r.stdout + r.stderr):
            print(f'1..{N}')
            return 1

        hcall = find(dest, 'bin/hcall')
        pc = find(dest, 'pkgconfig/hcall.pc')
        man = find(dest, 'man1/hcall.1')
        inc = find(dest, 'include/hcall')
        check(hcall is not None, 'installed: bin/hcall')
        check(pc is not None, 'installed: pkgconfig/hcall.pc')
        check(man is not None, 'installed: man1/hcall.1')
        check(inc is not None and all((inc / h).is_file() for h in
              ('hcall.h', 'describe.h', 'hvisor.h', 'abi/desc.h', 'abi/smccc.h', 'abi/sbi.h')),
              'installed: include/hcall headers and abi tables', inc)

        if hcall:
            for cmd in (['--help'], ['--version'], ['list'], ['list', 'sbi'],
                        ['decode', 'smccc', '0xC6000003'], ['decode', 'sbi', '0x10:3'],
                        ['regs', 'acrn', 'get_api_version'],
                        ['table', 'hvisor', '--format', 'md'],
                        ['table', 'kvm_x86', '--format', 'json'],
                        ['decode', '--help'], ['regs', '--help'],
                        ['table', '--help'], ['list', '--help']):
                r = run([str(hcall), *cmd])
                check(r.returncode == 0 and r.stdout and not r.stderr,
                      f'installed hcall {" ".join(cmd)}', r.stdout + r.stderr)
            r = run([str(hcall), 'decode', 'nope', '1'])
            check(r.returncode == 2 and r.stderr.startswith('hcall: '),
                  'installed hcall: bad input exits 2', r.stderr)

        env = dict(os.environ, CC=a.cc)
        for k in [k for k in env if k.startswith('MESON')]:
            del env[k]  # do not leak the outer `meson test` into the builds

        if pc:
            pc_env = dict(env, PKG_CONFIG_PATH=str(pc.parent),
                          PKG_CONFIG_SYSROOT_DIR=str(dest),
                          PKG_CONFIG_LIBDIR=str(pc.parent))
            build_consumer('pkg-config', source / 'examples/consumer',
                           tmp / 'build-pc', pc_env, ['--wrap-mode=nofallback'])

        # Subproject: a copy of the consumer with subprojects/hcall -> the tree.
        proj = tmp / 'consumer'
        shutil.copytree(source / 'examples/consumer', proj)
        (proj / 'subprojects').mkdir()
        (proj / 'subprojects/hcall').symlink_to(source.resolve(), target_is_directory=True)
        build_consumer('subproject', proj, tmp / 'build-sub', env,
                       ['--force-fallback-for=hcall'])

    print(f'1..{N}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
