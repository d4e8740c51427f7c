#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""hcall as an installed package, a Meson subproject and a CMake package (TAP).

1. `meson install --destdir` the build directory into a temporary prefix:
   headers (without the test-only abi/probe.h), share/pkgconfig/hcall.pc,
   the CMake package, LICENSE and docs, the hcall CLI and its man page;
   every CLI command must work from the installed binary.
2. examples/consumer against that prefix through pkg-config, natively and
   with a cross compiler (the cross pkg-config search path has only the
   sysroot's share/pkgconfig and lib/<triplet>/pkgconfig).
3. examples/consumer with hcall as subprojects/hcall: by default only the
   headers are configured (no Criterion lookup, no hcall target built);
   hcall itself configured with -Dtests=disabled does not look it up.
4. examples/consumer with CMake: find_package(hcall) against the prefix,
   add_subdirectory() and FetchContent from the checkout.
5. examples/embedder, an out-of-tree hypervisor on hcall's core, against
   the installed libhcall-hv (hcall-hv.pc and CMake's hcall::hv) and as a
   subproject asked for the core; it checks the core's answers.
Steps 2-4 run with a pkg-config that cannot see Criterion, so they prove
a consumer's machine does not need it.
"""
import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

N = 0
FAILED = 0
CROSS = 'aarch64-linux-gnu'


def check(cond, name, detail=''):
    global N, FAILED
    N += 1
    print(f'{"ok" if cond else "not ok"} {N} - {name}')
    if not cond:
        FAILED += 1
        for line in str(detail).splitlines()[-40:]:
            print(f'# {line}')
    return cond


def skip(name, why):
    global N
    N += 1
    print(f'ok {N} - {name} # SKIP {why}')


def run(cmd, env=None, cwd=None, timeout=120):
    return subprocess.run(cmd, capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=timeout)


def find(root, pattern):
    hits = sorted(root.rglob(pattern))
    return hits[0] if hits else None


CONSUMER_OK = 'zone_shutdown(2): success'
EMBEDDER_OK = 'embedder: every answer as the specifications say'


def run_consumer(name, exe, wrapper=(), want=CONSUMER_OK):
    r = run([*wrapper, str(exe)])
    check(r.returncode == 0 and want in r.stdout, f'{name}: {exe.name} runs',
          r.stdout + r.stderr)


def meson_consumer(name, src, builddir, env, extra, wrapper=(), exe='consumer',
                   want=CONSUMER_OK):
    r = run(['meson', 'setup', str(builddir), str(src), *extra], env=env)
    if not check(r.returncode == 0, f'{name}: meson setup', r.stdout + r.stderr):
        return None
    r = run(['meson', 'compile', '-C', str(builddir)], env=env, timeout=300)
    if not check(r.returncode == 0, f'{name}: meson compile', r.stdout + r.stderr):
        return None
    run_consumer(name, builddir / exe, wrapper, want)
    return builddir


def cmake_consumer(name, src, builddir, env, extra, exe='consumer', want=CONSUMER_OK):
    r = run(['cmake', '-S', str(src), '-B', str(builddir), *extra], env=env)
    if not check(r.returncode == 0, f'{name}: cmake configure', r.stdout + r.stderr):
        return
    r = run(['cmake', '--build', str(builddir)], env=env, timeout=300)
    if not check(r.returncode == 0, f'{name}: cmake build', r.stdout + r.stderr):
        return
    run_consumer(name, builddir / exe, want=want)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', required=True)
    ap.add_argument('--source', required=True)
    ap.add_argument('--cc', required=True)
    ap.add_argument('--version', required=True)
    a = ap.parse_args()
    source = pathlib.Path(a.source).resolve()

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
        cmake_cfg = find(dest, 'cmake/hcall/hcallConfig.cmake')
        check(hcall is not None, 'installed: bin/hcall')
        check(pc is not None and pc.parent.parent.name == 'share',
              'installed: share/pkgconfig/hcall.pc', pc)
        check(man is not None, 'installed: man1/hcall.1')
        check(inc is not None and all((inc / h).is_file() for h in
              ('hcall.h', 'describe.h', 'hvisor.h', 'version.h', 'abi/desc.h',
               'abi/smccc.h', 'abi/sbi.h')),
              'installed: include/hcall headers and abi tables', inc)
        check(inc is not None and not (inc / 'abi/probe.h').exists(),
              'not installed: the test-only abi/probe.h')
        outside = [str(h.relative_to(inc)) for h in (inc.rglob('*.h') if inc else [])
                   if 'shared/seeds' in h.read_text(errors='replace')]
        check(not outside, 'installed headers cite no file outside the repository', outside)
        doc = find(dest, 'share/doc/hcall')
        check(doc is not None and (doc / 'LICENSE').is_file()
              and (doc / 'docs/abi/psci.md').is_file()
              and (doc / 'docs/stability.md').is_file(),
              'installed: share/doc/hcall (LICENSE, docs/abi, stability)', doc)
        check(cmake_cfg is not None and cmake_cfg.parent.parent.parent.name == 'share'
              and (cmake_cfg.parent / 'hcallConfigVersion.cmake').is_file(),
              'installed: share/cmake/hcall/hcallConfig.cmake and its version file',
              cmake_cfg)
        hv_lib = find(dest, 'libhcall-hv.a')
        hv_pc = find(dest, 'pkgconfig/hcall-hv.pc')
        check(hv_lib is not None and hv_pc is not None
              and (inc / 'hv/hv.h').is_file() and (inc / 'hv/services.h').is_file()
              and cmake_cfg is not None and (cmake_cfg.parent / 'hcall-hvTargets.cmake').is_file(),
              'installed: libhcall-hv.a, hcall-hv.pc, include/hcall/hv/hv.h, hcall::hv',
              f'{hv_lib} {hv_pc}')
        if pc:
            text = pc.read_text()
            check(f'Version: {a.version}' in text and 'Libs' not in text.replace('Libs: \n', ''),
                  'hcall.pc: version, no libraries (header-only)', text)

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
        # No system pkg-config directory: Criterion (and anything else
        # installed on this machine) is invisible to the consumers.
        empty = tmp / 'no-system-pc'
        empty.mkdir()
        env.update(PKG_CONFIG_LIBDIR=str(empty), PKG_CONFIG_PATH='')
        env.pop('PKG_CONFIG_SYSROOT_DIR', None)

        if pc:
            pc_env = dict(env, PKG_CONFIG_LIBDIR=str(pc.parent),
                          PKG_CONFIG_SYSROOT_DIR=str(dest))
            meson_consumer('pkg-config', source / 'examples/consumer',
                           tmp / 'build-pc', pc_env, ['--wrap-mode=nofallback'])

            if hv_pc:
                # hcall-hv.pc is a library's (lib/<triplet>/pkgconfig); it
                # requires hcall.pc (share/pkgconfig).
                hv_env = dict(pc_env, PKG_CONFIG_LIBDIR=f'{hv_pc.parent}:{pc.parent}')
                meson_consumer('embedder, pkg-config', source / 'examples/embedder',
                               tmp / 'build-emb-pc', hv_env, ['--wrap-mode=nofallback'],
                               exe='embedder', want=EMBEDDER_OK)

            cross_cc = shutil.which(f'{CROSS}-gcc')
            if cross_cc:
                prefix_dir = pc.parent.parent.parent  # <dest><prefix>
                cross = tmp / 'cross.ini'
                cross.write_text(f"""[binaries]
c = '{cross_cc}'
pkgconfig = '{shutil.which("pkg-config") or "pkg-config"}'
[properties]
sys_root = '{dest}'
pkg_config_libdir = ['{prefix_dir}/lib/{CROSS}/pkgconfig', '{prefix_dir}/share/pkgconfig']
[host_machine]
system = 'linux'
cpu_family = 'aarch64'
cpu = 'aarch64'
endian = 'little'
""")
                qemu = shutil.which('qemu-aarch64')
                wrapper = (qemu, '-L', f'/usr/{CROSS}') if qemu else None
                out = meson_consumer('pkg-config, cross aarch64', source / 'examples/consumer',
                                     tmp / 'build-pc-cross', pc_env,
                                     ['--wrap-mode=nofallback', '--cross-file', str(cross)],
                                     wrapper or ())
                if out:
                    head = (out / 'consumer').read_bytes()[:20]
                    # ELF e_machine 183 = EM_AARCH64
                    check(head[:4] == b'\x7fELF' and int.from_bytes(head[18:20], 'little') == 183,
                          'pkg-config, cross aarch64: an aarch64 program', head)
            else:
                skip('pkg-config, cross aarch64', f'no {CROSS}-gcc on this machine')

        # Subproject: a copy of the consumer with subprojects/hcall -> the tree.
        proj = tmp / 'consumer'
        shutil.copytree(source / 'examples/consumer', proj)
        (proj / 'subprojects').mkdir()
        (proj / 'subprojects/hcall').symlink_to(source, target_is_directory=True)
        sub = meson_consumer('subproject', proj, tmp / 'build-sub', env,
                             ['--force-fallback-for=hcall'])
        if sub:
            log = (sub / 'meson-logs/meson-log.txt').read_text(errors='replace')
            check('criterion' not in log.lower(),
                  'subproject: Criterion is never looked up')
            r = run(['meson', 'introspect', '--targets', str(sub)])
            names = sorted(t['name'] for t in json.loads(r.stdout or '[]'))
            check(names == ['consumer'], 'subproject: only the consumer is built (headers only)',
                  names)
            r = run(['meson', 'introspect', '--tests', str(sub)])
            check(json.loads(r.stdout or '[1]') == [], 'subproject: none of hcall\'s tests',
                  r.stdout[:400])

        # The embedder with hcall as a subproject asked for its core.
        eproj = tmp / 'embedder'
        shutil.copytree(source / 'examples/embedder', eproj)
        (eproj / 'subprojects').mkdir()
        (eproj / 'subprojects/hcall').symlink_to(source, target_is_directory=True)
        meson_consumer('embedder, subproject', eproj, tmp / 'build-emb-sub', env,
                       ['--force-fallback-for=hcall-hv'], exe='embedder', want=EMBEDDER_OK)

        # hcall itself, configured as a packager would without Criterion.
        r = run(['meson', 'setup', str(tmp / 'build-notests'), str(source),
                 '-Dtests=disabled'], env=env)
        log = tmp / 'build-notests/meson-logs/meson-log.txt'
        check(r.returncode == 0 and log.is_file()
              and 'criterion' not in log.read_text(errors='replace').lower(),
              'hcall -Dtests=disabled configures without looking up Criterion',
              r.stdout + r.stderr)

        # CMake: the installed package, then the checkout two ways.
        if not shutil.which('cmake'):
            skip('cmake consumers', 'cmake is not installed')
        else:
            prefix_dir = cmake_cfg.parent.parent.parent.parent if cmake_cfg else dest
            cmake_consumer('cmake find_package', source / 'examples/consumer',
                           tmp / 'build-cmake-pkg', env,
                           [f'-DCMAKE_PREFIX_PATH={prefix_dir}', '-DHCALL_FROM=package'])
            cmake_consumer('cmake add_subdirectory', source / 'examples/consumer',
                           tmp / 'build-cmake-sub', env,
                           ['-DHCALL_FROM=subdirectory', f'-DHCALL_SOURCE_DIR={source}'])
            cmake_consumer('cmake FetchContent', source / 'examples/consumer',
                           tmp / 'build-cmake-fc', env,
                           ['-DHCALL_FROM=fetchcontent', f'-DHCALL_SOURCE_DIR={source}'])
            cmake_consumer('embedder, cmake find_package(hcall COMPONENTS hv)',
                           source / 'examples/embedder', tmp / 'build-emb-cmake', env,
                           [f'-DCMAKE_PREFIX_PATH={prefix_dir}'], exe='embedder',
                           want=EMBEDDER_OK)
            # A version the package cannot satisfy must be refused.
            probe = tmp / 'cmake-version'
            probe.mkdir()
            (probe / 'CMakeLists.txt').write_text(
                'cmake_minimum_required(VERSION 3.14)\nproject(v LANGUAGES NONE)\n'
                'find_package(hcall 99.0 REQUIRED)\n')
            r = run(['cmake', '-S', str(probe), '-B', str(probe / 'b'),
                     f'-DCMAKE_PREFIX_PATH={prefix_dir}'], env=env)
            check(r.returncode != 0 and 'hcall' in r.stderr,
                  'cmake find_package(hcall 99.0): refused by the version file',
                  r.stdout + r.stderr)

    print(f'1..{N}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
