#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check (default) or refresh (--write) docs/abi/<abi>.md.

Each file is exactly `hcall table <abi> --format md`; the ABIs are those
`hcall list` prints. A stale, missing or extra file fails the check with a
diff and the command that refreshes the docs.
"""
import argparse
import difflib
import pathlib
import re
import subprocess
import sys


def run(hcall, *args):
    return subprocess.run([hcall, *args], check=True, capture_output=True,
                          text=True).stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--hcall', required=True, help='the hcall executable')
    ap.add_argument('--docs', required=True, help='the docs/abi directory')
    ap.add_argument('--write', action='store_true', help='refresh the files')
    a = ap.parse_args()

    docs = pathlib.Path(a.docs)
    abis = [line.split()[0] for line in run(a.hcall, 'list').splitlines()
            if line.strip()]
    want = {f'{abi}.md': run(a.hcall, 'table', abi, '--format', 'md')
            for abi in abis}
    have = {p.name: p.read_text() for p in docs.glob('*.md')}

    if a.write:
        docs.mkdir(parents=True, exist_ok=True)
        for name, text in want.items():
            if have.get(name) != text:
                (docs / name).write_text(text)
                print(f'wrote docs/abi/{name}')
        for name in sorted(set(have) - set(want)):
            (docs / name).unlink()
            print(f'removed docs/abi/{name} (no such ABI)')
        same = sum(1 for n, text in want.items() if have.get(n) == text)
        print(f'docs/abi: {len(want)} pages from the tables, {len(want) - same} rewritten, '
              f'{same} already current')
        return 0

    bad = 0
    # Every header a generated page cites must exist in the tree.
    root = docs.resolve().parent.parent
    for name, text in want.items():
        for header in sorted(set(re.findall(r'include/hcall/[a-z0-9_/]+\.h', text))):
            if not (root / header).is_file():
                bad += 1
                print(f'docs/abi/{name} cites {header}, which does not exist')
    for name, text in want.items():
        if have.get(name) == text:
            continue
        bad += 1
        if name not in have:
            print(f'docs/abi/{name} is missing')
            continue
        print(f'docs/abi/{name} differs from the tables:')
        sys.stdout.writelines(difflib.unified_diff(
            have[name].splitlines(True), text.splitlines(True),
            f'docs/abi/{name} (committed)', f'hcall table {name[:-3]} --format md'))
    for name in sorted(set(have) - set(want)):
        bad += 1
        print(f'docs/abi/{name} describes no ABI hcall knows')
    if bad:
        print(f'{bad} file(s) stale; refresh them with: ./sdk docs')
        return 1
    print(f'docs/abi: {len(want)} files match the tables')
    return 0


if __name__ == '__main__':
    sys.exit(main())
