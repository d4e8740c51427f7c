#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The HTML API reference: Doxygen over the public headers, zero warnings.

api_docs.py SOURCE VERSION OUT   generate OUT/html (./sdk docs)
api_docs.py --check SOURCE VERSION   generate into a temporary directory
                                     and fail on any warning (the test)
Exit 77 (meson's skip) when doxygen is not installed.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile


def generate(source, version, out):
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, HCALL_SOURCE=str(source), HCALL_VERSION=version,
               HCALL_DOXYGEN_OUT=str(out))
    r = subprocess.run(['doxygen', str(source / 'docs/doxygen/Doxyfile')], env=env,
                       capture_output=True, text=True, timeout=600)
    log = out / 'warnings.log'
    warnings = [ln for ln in (log.read_text().splitlines() if log.is_file() else [])
                if ln.strip()]
    return r, warnings


def main(argv):
    check = argv[1:2] == ['--check']
    args = argv[2:] if check else argv[1:]
    if not shutil.which('doxygen'):
        print('SKIP: doxygen is not installed (./sdk deps installs it)')
        return 77
    source = pathlib.Path(args[0]).resolve()
    version = args[1]
    if not check:
        out = pathlib.Path(args[2])
        r, warnings = generate(source, version, out)
        for w in warnings:
            print(w)
        if r.returncode or warnings:
            print(f'doxygen failed or warned ({len(warnings)} warnings)', r.stderr[-2000:])
            return 1
        print(f'wrote {out / "html" / "index.html"} (API reference, '
              f'{len(list((out / "html").glob("*.html")))} pages)')
        return 0
    with tempfile.TemporaryDirectory(prefix='hcall-api-') as tmp:
        r, warnings = generate(source, version, pathlib.Path(tmp))
        index = pathlib.Path(tmp) / 'html' / 'index.html'
        print(f'{"ok" if r.returncode == 0 else "not ok"} 1 - doxygen runs' )
        if r.returncode:
            print('# ' + r.stderr[-2000:].replace('\n', '\n# '))
        print(f'{"ok" if not warnings else "not ok"} 2 - zero warnings ({len(warnings)})')
        for w in warnings[:40]:
            print(f'# {w}')
        documented = index.is_file() and any(
            'the ABI called' in p.read_text(errors='replace')
            for p in (pathlib.Path(tmp) / 'html').glob('describe_8h.html'))
        print(f'{"ok" if documented else "not ok"} 3 - the header comments are in the reference'
              ' (hcall_abi_find\'s)')
        print('1..3')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
