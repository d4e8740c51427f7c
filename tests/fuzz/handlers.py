# SPDX-License-Identifier: MIT
"""Which of the hypervisor core's call handlers a fuzz run reached.

The handlers are read from the services' tables in hv/svc_*.c (every
HV_ENTRY row, and PSCI's own row macro); what ran is read from libFuzzer's
-print_coverage=1 report (COVERED_FUNC lines). A handler defined in its
table's file must be covered there (static names repeat across files);
one defined elsewhere (a shared handler) may be covered anywhere.
"""
import collections
import pathlib
import re

ROW = re.compile(r'HV_ENTRY\(\s*[A-Z0-9_]+\s*,\s*[A-Z0-9_]+\s*,\s*([a-z_][a-z_0-9]*)')
PSCI_ROW = re.compile(r'\bPSCI\(\s*[A-Z0-9_]+\s*,\s*([a-z_][a-z_0-9]*)\)')
COVERED = re.compile(r'COVERED_FUNC: hits: (\d+) edges: \S+ (\S+) (\S+):\d+')
FUNC = re.compile(r'^(?:UN)?COVERED_FUNC: hits: (\d+) edges: (\d+)/(\d+) (\S+) (\S+)$', re.M)


def handlers(hv_dir):
    """{(name, file or None)}: file is None for a handler shared from
    another file."""
    out = set()
    for p in sorted(pathlib.Path(hv_dir).glob('svc_*.c')):
        text = p.read_text()
        names = set(ROW.findall(text)) | set(PSCI_ROW.findall(text))
        names.discard('fn')  # the parameter of a row macro
        for n in names:
            here = re.search(r'\b%s\(struct hv_call \*' % n, text) is not None
            out.add((n, p.name if here else None))
    return out


def reached(hv_dir, log):
    """(every handler, the handlers the run did not reach)."""
    covered = collections.defaultdict(set)
    for hits, name, path in COVERED.findall(log):
        if int(hits) > 0:
            covered[name].add(pathlib.Path(path).name)
    every = handlers(hv_dir)
    missed = sorted((h for h in every
                     if not covered.get(h[0]) or (h[1] and h[1] not in covered[h[0]])),
                    key=lambda h: (h[1] or '', h[0]))
    return every, missed


def core_coverage(log):
    """((functions reached, functions), (edges reached, edges)) of the
    core (files under hv/) in a -print_coverage report. A function is
    one definition (name and place: a static inline in a header counts
    once, reached if any copy is); edges are summed over every copy."""
    funcs = {}
    edges = [0, 0]
    for hits, got, total, name, where in FUNC.findall(log):
        if '/hv/' not in where.replace('\\', '/'):
            continue
        key = (name, where)
        funcs[key] = funcs.get(key, False) or int(hits) > 0
        edges[0] += int(got)
        edges[1] += int(total)
    return (sum(funcs.values()), len(funcs)), tuple(edges)
