#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The conformance kit's harness: boot a guest, judge its TAP, write a report.

    kit.py run --guest PATH [--impl NAME] [--report-dir DIR] [--timeout S]
               [--grace S] [--known-fail FUNCTION=REASON]... [--show]
               -- COMMAND... (with {guest}, {guest.elf} or {guest.bin})
    kit.py sdk --arch arm64|riscv64 [--compiler gcc|clang] [--conduit hvc|smc]
               [--console pl011|semihost|ns16550|sbi] [...run options] -- COMMAND...
    kit.py table REPORT.json...

`run` substitutes the guest's path into COMMAND ({guest.elf} and {guest.bin}
are the ELF and raw binary of the same guest; {guest} is the path given),
runs it, and judges the console's TAP (judge.py): every check, the plan,
the summary line and the timeout. A guest whose power-off call does not
end the run spins after its summary; the harness ends it --grace seconds
later and judges what it printed. QEMU's exit status is recorded, never
judged. The report (NAME.json, NAME.md) lists each function as pass, fail
or skip. `sdk` is `./sdk conform`: it builds the guest for an architecture
and compiler, then runs. `table` prints one Markdown table of functions
against implementations from several reports.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import judge  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Guest variants as tests/conform/meson.build builds them.
ARCHES = {
    "arm64": {"triple": "aarch64", "prefix": "conform-arm64-", "base": "0x41000000",
              "consoles": {"pl011": "", "semihost": "-semihost"}},
    "riscv64": {"triple": "riscv64", "prefix": "conform-riscv64-", "base": "0x80200000",
                "consoles": {"ns16550": "ns16550", "sbi": "sbi-console"}},
}


def guest_paths(path):
    stem = path[:-4] if path.endswith((".elf", ".bin")) else path
    return {"{guest}": path, "{guest.elf}": stem + ".elf", "{guest.bin}": stem + ".bin"}


def substitute(cmd, path):
    subs = guest_paths(path)
    out, used = [], False
    for arg in cmd:
        for k, v in subs.items():
            if k in arg:
                arg, used = arg.replace(k, v), True
        out.append(arg)
    return out, used


def function_results(checks, known):
    """Function -> (result, note), in the order the guest reported them."""
    res = {}
    for c in checks:
        r = c.result
        if r == "fail" and c.function in known:
            r = "known-fail"
        cur = res.get(c.function)
        note = ""
        if r in ("fail", "known-fail"):
            note = f"{c.what}: expected {c.expected}; got {c.got}" if c.expected or c.got \
                else c.what
        elif r == "skip":
            note = c.reason
        rank = {"fail": 3, "known-fail": 2, "pass": 1, "skip": 0}
        if cur is None or rank[r] > rank[cur[0]]:
            res[c.function] = (r, note)
    return res


def write_report(path_stem, rep):
    os.makedirs(os.path.dirname(path_stem) or ".", exist_ok=True)
    with open(path_stem + ".json", "w") as f:
        json.dump(rep, f, indent=2)
        f.write("\n")
    with open(path_stem + ".md", "w") as f:
        f.write(markdown(rep))


def cell(result):
    return {"pass": "pass", "fail": "**fail**", "known-fail": "**fail** (known)",
            "skip": "skip"}.get(result, result)


def markdown(rep):
    s = rep["summary"]
    lines = [f"# Conformance report: {rep['implementation']}", "",
             f"- guest: `{rep['guest']}`" + (f" ({rep['arch']})" if rep["arch"] else ""),
             f"- command: `{' '.join(rep['command'])}`",
             f"- verdict: **{rep['verdict']}** ({s['tests']} checks, {s['failed']} failed, "
             f"{s['skipped']} skipped); run ended by {rep['ended']}", ""]
    for p in rep["problems"]:
        lines.append(f"- problem: {p}")
    for k in rep["known_failures"]:
        lines.append(f"- known failure: {k}")
    if rep["problems"] or rep["known_failures"]:
        lines.append("")
    lines += ["| function | result | detail |", "| --- | --- | --- |"]
    for fn, (r, note) in rep["functions"].items():
        lines.append(f"| {fn} | {cell(r)} | {note.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def cmd_run(a, cmd):
    if not cmd:
        sys.exit("kit: no command after --")
    cmd, used = substitute(cmd, a.guest)
    if not used and not a.embedded:
        sys.exit("kit: the command names no guest: put {guest}, {guest.elf} or {guest.bin} "
                 "where the guest image goes (or --embedded if the image given to QEMU "
                 "already contains it)")
    known = dict(k.split("=", 1) if "=" in k else (k, "known failure") for k in a.known_fail)
    echo = (lambda b: (sys.stdout.buffer.write(b), sys.stdout.flush())) if a.show else None
    res = judge.run(cmd, a.timeout, stop_after_summary=a.grace, echo=echo)
    tap = judge.Tap(res.text)
    probs = judge.problems(tap, res, a.timeout, require_summary=True, known=known)
    kf = [f"{judge.failed_line(c)} ({known[c.function]})" for c in tap.checks
          if c.result == "fail" and c.function in known]
    fixed = [fn for fn in known if fn in {c.function for c in tap.checks}
             and not any(c.function == fn and c.result == "fail" for c in tap.checks)]
    ended = {"exit": "QEMU exiting (status %s) after the guest's power-off call" % res.rc
             if tap.summary is not None else "QEMU exiting (status %s)" % res.rc,
             "harness": f"the harness, {a.grace:g} s after the summary or bail-out (power-off did not "
                        "end the run)",
             "timeout": "the timeout"}[res.ended]
    rep = {
        "implementation": a.impl, "arch": a.arch or "", "guest": a.guest, "command": cmd,
        "verdict": "fail" if probs else "fail (known failures only)" if kf else "pass",
        "ended": ended,
        "exit_status": res.rc,
        "summary": {"tests": len(tap.checks), "failed": tap.count("fail"),
                    "skipped": tap.count("skip")},
        "problems": probs, "known_failures": kf,
        "notes": tap.notes,
        "checks": [c.to_dict() for c in tap.checks],
        "functions": function_results(tap.checks, known),
    }
    name = a.name or a.impl
    if a.report_dir:
        stem = os.path.join(a.report_dir, "".join(ch if ch.isalnum() or ch in "-_." else "-"
                                                  for ch in name))
        write_report(stem, rep)
    if not a.show:
        if probs:
            print("---- console (last 60 lines) ----")
            print("\n".join(tap.lines[-60:]))
            print("----")
    print(f"{name}: {tap.count('pass')} ok, {tap.count('fail')} not ok, "
          f"{tap.count('skip')} skipped; ended by {ended}")
    for k in kf:
        print(f"{name}: known failure: {k}")
    for fn in fixed:
        print(f"{name}: note: {fn} was listed as a known failure and now passes; "
              "drop its --known-fail")
    for p in probs:
        print(f"{name}: {p}")
    if a.report_dir:
        print(f"{name}: report {stem}.md and {stem}.json")
    return 1 if probs else 0


def build_uart_variant(bdir, base, uart):
    """The guest `base` (a path under bdir, without .elf) rebuilt with its
    UART at another address: ninja's own commands for the base variant,
    with -DKIT_UART_BASE added and every output renamed."""
    name = os.path.basename(base)
    new = f"{name}-uart{uart.lower()}"
    rel = os.path.relpath(base, bdir)
    cmds = subprocess.run(["ninja", "-C", bdir, "-t", "commands", rel + ".bin"],
                          capture_output=True, text=True, check=True).stdout.splitlines()
    os.makedirs(os.path.join(os.path.dirname(base), new + ".elf.p"), exist_ok=True)
    for c in cmds:
        c = c.replace(name + ".elf", new + ".elf").replace(name + ".bin", new + ".bin")
        if " -c " in c:
            c = c.replace(" -c ", f" -DKIT_UART_BASE={uart} -c ", 1)
        r = subprocess.run(c, shell=True, cwd=bdir)
        if r.returncode:
            sys.exit(f"kit: building the guest with its UART at {uart} failed: {c}")
    return os.path.join(os.path.dirname(base), new + ".elf")


def cmd_sdk(a, cmd):
    info = ARCHES[a.arch]
    bdir = f"{info['triple']}-none-{a.compiler}"
    console = a.console or next(iter(info["consoles"]))
    if console not in info["consoles"]:
        sys.exit(f"kit: --console for {a.arch} is one of {', '.join(info['consoles'])}")
    if a.arch == "arm64":
        variant = (a.conduit or "hvc") + info["consoles"][console]
        if a.conduit == "smc" and console != "pl011":
            sys.exit("kit: the SMC guest is built with the PL011 console only")
    else:
        if a.conduit:
            sys.exit("kit: --conduit is for arm64")
        variant = info["consoles"][console]
    if not a.no_build:
        r = subprocess.run([a.sdk, "build", bdir])
        if r.returncode:
            sys.exit(f"kit: building build/{bdir} failed")
    a.guest = os.path.join(a.build, bdir, "tests", "conform",
                           info["prefix"] + variant + ".elf")
    if not os.path.exists(a.guest):
        sys.exit(f"kit: {a.guest} is missing; run ./sdk build {bdir}")
    if a.uart:
        if console not in ("pl011", "ns16550"):
            sys.exit("kit: --uart is for the pl011 and ns16550 consoles")
        try:
            int(a.uart, 0)
        except ValueError:
            sys.exit(f"kit: --uart: not a number: {a.uart}")
        a.guest = build_uart_variant(os.path.join(a.build, bdir), a.guest[:-4], a.uart)
        variant += f"-uart{a.uart.lower()}"
    a.name = a.name or "-".join(f"{a.impl} {a.arch} {variant} {a.compiler}".lower().split())
    a.report_dir = a.report_dir or os.path.join(a.build, "conform")
    print(f"kit: guest {a.guest} (and .bin), loads at {info['base']}")
    return cmd_run(a, cmd)


def cmd_table(paths):
    """Functions against implementations. Reports of one implementation
    (e.g. the gcc and clang guests) share a column when every function has
    the same result in each; otherwise each gets its own."""
    cols = []  # [implementation label, report, run count]
    for p in paths:
        with open(p) as f:
            rep = json.load(f)
        res = {fn: r[0] for fn, r in rep["functions"].items()}
        for col in cols:
            if col[1]["implementation"] == rep["implementation"] and \
                    {fn: r[0] for fn, r in col[1]["functions"].items()} == res and \
                    col[1]["summary"] == rep["summary"]:
                col[2] += 1
                break
        else:
            cols.append([rep["implementation"], rep, 1])
    names = [c[0] for c in cols]
    for c in cols:
        if names.count(c[0]) > 1:
            c[0] += f" ({os.path.basename(c[1].get('guest', ''))})"
    fns = []
    for c in cols:
        for fn in c[1]["functions"]:
            if fn not in fns:
                fns.append(fn)
    head = ["function"] + [c[0] for c in cols]
    out = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for fn in fns:
        row = [fn] + [cell(c[1]["functions"][fn][0]) if fn in c[1]["functions"] else "-"
                      for c in cols]
        out.append("| " + " | ".join(row) + " |")
    tot = ["checks: pass / fail / skip"]
    for c in cols:
        s = c[1]["summary"]
        tot.append(f"{s['tests'] - s['failed'] - s['skipped']} / {s['failed']} / {s['skipped']}")
    out.append("| " + " | ".join(tot) + " |")
    out.append("| identical runs | " + " | ".join(str(c[2]) for c in cols) + " |")
    print("\n".join(out))
    return 0


def main():
    argv = sys.argv[1:]
    cmd = []
    if "--" in argv:
        i = argv.index("--")
        argv, cmd = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(prog="kit.py", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    for name in ("run", "sdk"):
        p = sub.add_parser(name)
        if name == "run":
            p.add_argument("--guest", required=True, help="the guest image (ELF or .bin)")
            p.add_argument("--arch", choices=sorted(ARCHES))
        else:
            p.add_argument("--arch", choices=sorted(ARCHES), required=True)
            p.add_argument("--compiler", choices=["gcc", "clang"], default="gcc")
            p.add_argument("--conduit", choices=["hvc", "smc"])
            p.add_argument("--console", help="arm64: pl011 (default) or semihost; "
                                             "riscv64: ns16550 (default) or sbi")
            p.add_argument("--uart", help="the PL011/NS16550 address, if not QEMU virt's "
                                           "(rebuilds the guest with it)")
            p.add_argument("--sdk", default=os.path.join(ROOT, "sdk"))
            p.add_argument("--build", default=os.path.join(ROOT, "build"))
            p.add_argument("--no-build", action="store_true")
        p.add_argument("--impl", default="implementation",
                       help="the implementation's name, for the report")
        p.add_argument("--name", help="the report's file name (default: from --impl)")
        p.add_argument("--report-dir", help="write NAME.json and NAME.md here")
        p.add_argument("--timeout", type=float, default=30.0)
        p.add_argument("--grace", type=float, default=2.0,
                       help="seconds a run may go on after the summary line")
        p.add_argument("--known-fail", action="append", default=[], metavar="FUNCTION=REASON",
                       help="a function whose failed checks are reported but do not fail the run")
        p.add_argument("--show", action="store_true", help="echo the console")
        p.add_argument("--embedded", action="store_true",
                       help="the command boots an image that already contains the guest "
                            "(no {guest} placeholder)")
    p = sub.add_parser("table")
    p.add_argument("reports", nargs="+")
    a = ap.parse_args(argv)
    if a.what == "table":
        return cmd_table(a.reports)
    if a.what == "sdk":
        return cmd_sdk(a, cmd)
    return cmd_run(a, cmd)


if __name__ == "__main__":
    sys.exit(main())
