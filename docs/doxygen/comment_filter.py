#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Doxygen input filter: hcall's header comments as documentation.

The headers use plain C comments (the kernel style). Doxygen reads only
its own comment forms, so this filter turns each block comment that
starts a line into a `/** ... */` one, leaving the SPDX line and the
section rulers (`/* ---- ... ---- */`) alone, and escapes the characters
Doxygen would read as commands (backslash and at-sign). Line numbers are
kept, so Doxygen's references point at the real lines.
"""
import re
import sys

text = open(sys.argv[1], encoding='utf-8').read()
out = []
i = 0
for m in re.finditer(r'(?m)^([ \t]*)/\*(?!\*)(.*?)\*/', text, re.S):
    body = m.group(2)
    out.append(text[i:m.start()])
    i = m.end()
    if body.lstrip().startswith('SPDX-License-Identifier') or re.match(r'\s*-{3,}', body):
        out.append(m.group(0))
        continue
    body = body.replace('\\', '\\\\').replace('@', '\\@')
    body = re.sub(r'<([A-Za-z_][A-Za-z0-9_]*)>', r'\\<\1\\>', body)
    out.append(f'{m.group(1)}/**{body}*/')
out.append(text[i:])
sys.stdout.write(''.join(out))
