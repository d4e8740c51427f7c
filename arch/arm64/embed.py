#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write an assembler file that embeds a guest image: embed.py BIN OUT.S NAME
defines NAME_start and NAME_end around the bytes (8-byte aligned)."""
import os
import sys

binf, out, name = sys.argv[1:4]
with open(out, "w") as f:
    f.write(f"""\t.section .rodata.{name}, "a"
\t.balign 16
\t.global {name}_start
\t.global {name}_end
{name}_start:
\t.incbin "{os.path.abspath(binf)}"
{name}_end:
\t.balign 8
""")
