#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The `hcall` command, as a user sees it (TAP output).

Expected values are written here from the specifications, never read
back from the tables:
  SMCCC DEN0028  function ID bit 31 fast, bit 30 SMC64, bits 29:24 owner;
                 KVM MEM_SHARE 0xC6000003 (Linux hypercalls.rst): x1 = IPA,
                 x2 and x3 reserved, result in x0; PSCI_VERSION 0x84000000.
  RISC-V SBI     base extension EID 0x10 in a7, probe_extension FID 3 in
                 a6, argument a0, error a0, value a1.
  ACRN           hypercall ID in r8 (0x80000000 = HC_GET_API_VERSION),
                 param1 rdi, result rax; SET_CALLBACK_VECTOR 0x80000002.
  hvisor         arm64 hvc #0x4856, code x0, args x1 x2; riscv a7 =
                 0x114514, code a0, args a1 a2; ZONE_START = 2.
  KVM x86        KVM_HC_SEND_IPI = 10: rax number, rbx rcx rdx rsi args.
                 KVM_HC_KICK_CPU = 5: rbx = flags (reserved, 0), rcx = APIC
                 ID; Linux's kvm_kick_cpu() sends (5, 0, apicid).
"""
import argparse
import json
import random
import subprocess
import sys

N = 0
FAILED = 0


def check(cond, name, detail=''):
    global N, FAILED
    N += 1
    if cond:
        print(f'ok {N} - {name}')
    else:
        FAILED += 1
        print(f'not ok {N} - {name}')
        for line in str(detail).splitlines()[:40]:
            print(f'# {line}')


def hcall(*args):
    return subprocess.run([HCALL, *args], capture_output=True, text=True,
                          timeout=10)


def expect_output(args, needles, name=None):
    r = hcall(*args)
    name = name or 'hcall ' + ' '.join(args)
    missing = [n for n in needles if n not in r.stdout]
    check(r.returncode == 0 and not missing and not r.stderr, name,
          f'rc={r.returncode} missing={missing}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}')
    return r.stdout


def expect_error(args, message, rc=2):
    r = hcall(*args)
    lines = r.stderr.splitlines()
    check(r.returncode == rc and len(lines) == 1 and lines[0].startswith('hcall: ')
          and message in lines[0] and not r.stdout,
          f'bad input rejected: hcall {" ".join(args)}',
          f'rc={r.returncode} (want {rc})\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}')


def register_line(out, direction, reg, text):
    """A `conv_print_call` line: '    in   x1   uint64_t ipa'."""
    for line in out.splitlines():
        f = line.split(None, 2)
        if len(f) == 3 and f[0] == direction and f[1] == reg and text in f[2]:
            return True
    return False


def main():
    global HCALL
    ap = argparse.ArgumentParser()
    ap.add_argument('hcall')
    HCALL = ap.parse_args().hcall

    # ---- decode, against the specifications ----
    out = expect_output(['decode', 'smccc', '0xC6000003'],
                        ['MEM_SHARE', 'fast call', 'SMC64', 'owner 6'])
    check(register_line(out, 'in', 'x0', '0xc6000003') and
          register_line(out, 'in', 'x1', 'ipa') and
          register_line(out, 'in', 'x2', 'reserved, must be zero') and
          register_line(out, 'in', 'x3', 'reserved, must be zero') and
          register_line(out, 'out', 'x0', 'status') and 'hvc #0' in out,
          'MEM_SHARE: IPA in x1, x2/x3 reserved, status in x0, via hvc #0', out)
    check('INVALID_PARAMETER' in out and '-3' in out,
          'MEM_SHARE lists SMCCC INVALID_PARAMETER (-3)', out)
    # The same function ID found from the other SMCCC services.
    expect_output(['decode', 'psci', '0xc6000003'], ['MEM_SHARE'])
    expect_output(['decode', 'smccc', '0x84000000'], ['PSCI', 'VERSION'])
    # Bit fields of an ID no table has: yielding, SMC32, owner 2 (SiP).
    r = hcall('decode', 'smccc', '0x0200ABCD')
    check(r.returncode == 1 and 'yielding call' in r.stdout and 'SMC32' in r.stdout
          and 'owner 2' in r.stdout and 'function 0xabcd' in r.stdout,
          'unknown SMCCC ID: fields decoded, exit 1', r.stdout + r.stderr)
    r = hcall('decode', 'kvm_arm64', '0xC6FF0003')
    check(r.returncode == 1 and 'must be zero' in r.stdout,
          'fast-call ID with bits 23:16 set is flagged', r.stdout + r.stderr)
    out = expect_output(['decode', 'kvm_arm64', '0xC6000003', '0x8000', '0', '7'],
                        ['0x8000', 'NOT ZERO'])

    out = expect_output(['decode', 'sbi', '0x10:3'], ['PROBE_EXTENSION'])
    check(register_line(out, 'in', 'a7', '0x10') and
          register_line(out, 'in', 'a6', '0x3') and
          register_line(out, 'in', 'a0', 'eid') and
          register_line(out, 'out', 'a0', 'error') and
          register_line(out, 'out', 'a1', 'value') and 'ecall' in out,
          'SBI probe_extension: EID 0x10 in a7, FID 3 in a6, a0 in, a0/a1 out', out)
    expect_output(['decode', 'sbi_base', '3'], ['PROBE_EXTENSION'],
                  'sbi_base alone takes the FID')

    out = expect_output(['decode', 'acrn', '0x80000000'], ['GET_API_VERSION'])
    check(register_line(out, 'in', 'r8', '0x80000000') and
          register_line(out, 'in', 'rdi', '') and
          register_line(out, 'out', 'rax', '') and 'vmcall' in out,
          'ACRN: id in r8, param1 in rdi, result in rax, vmcall', out)
    out = expect_output(['decode', 'acrn', '0x80000002', '0xf3'],
                        ['SET_CALLBACK_VECTOR', '= 0xf3'])

    out = expect_output(['regs', 'hvisor', 'zone_start'], ['hvc #0x4856'])
    check(register_line(out, 'in', 'x0', '0x2') and
          register_line(out, 'in', 'x1', 'config_addr') and
          register_line(out, 'in', 'x2', 'config_size') and
          register_line(out, 'in', 'a7', '0x114514') and
          register_line(out, 'in', 'a0', '0x2') and
          register_line(out, 'in', 'a1', 'config_addr') and
          register_line(out, 'out', 'a1', 'value'),
          'hvisor zone_start: arm64 x0/x1/x2, riscv a7=0x114514 a0/a1/a2', out)
    out = expect_output(['regs', 'kvm_x86', 'SEND_IPI'], ['0xa'])
    check(all(register_line(out, 'in', r, '') for r in ('rax', 'rbx', 'rcx', 'rdx', 'rsi'))
          and register_line(out, 'out', 'rax', ''),
          'KVM x86 send_ipi: rax number, rbx rcx rdx rsi, result rax', out)
    out = expect_output(['regs', 'kvm_x86', 'kick_cpu'], ['0x5'])
    check(register_line(out, 'in', 'rbx', 'flags: reserved, must be zero') and
          register_line(out, 'in', 'rcx', 'apic_id') and
          not register_line(out, 'in', 'rdx', ''),
          'KVM x86 kick_cpu: rbx = flags (reserved), rcx = APIC ID', out)
    out = expect_output(['decode', 'kvm_x86', '5', '0', '3'], ['KICK_CPU'])
    check(register_line(out, 'in', 'rbx', '= 0x0') and
          register_line(out, 'in', 'rcx', 'apic_id = 0x3') and
          'NOT ZERO' not in out,
          'decode kvm_x86 5 0 3 (what Linux sends) is accepted', out)
    out = expect_output(['decode', 'kvm_x86', '5', '3'], ['KICK_CPU'])
    check(register_line(out, 'in', 'rcx', 'apic_id = 0x3') and
          register_line(out, 'in', 'rbx', '= 0x0') and 'NOT ZERO' not in out,
          'decode kvm_x86 5 3: the one supplied argument is the APIC ID', out)
    out = expect_output(['decode', 'kvm_x86', '5', '1', '3'], ['KICK_CPU'])
    check(register_line(out, 'in', 'rbx', 'NOT ZERO'),
          'decode kvm_x86 5 1 3: non-zero flags flagged', out)
    expect_output(['regs', 'sbi', 'probe_extension'], ['selector 0x10'])
    expect_output(['regs', 'smccc', '0xc6000003'], ['mem_share'])

    # ---- list and table ----
    out = expect_output(['list'], ['hvisor', 'smccc', 'psci', 'kvm_arm64',
                                   'sbi_base', 'kvm_x86', 'acrn', 'palacios'])
    out = expect_output(['list', 'hvisor'], ['zone_start', 'zone_list'])
    check(any(l.split()[:2] == ['0x2', 'zone_start'] for l in out.splitlines()),
          'list hvisor: zone_start is 0x2', out)
    expect_output(['list', 'sbi'], ['sbi_base', 'probe_extension', 'sbi_srst'])
    out = expect_output(['table', 'kvm_arm64', '--format', 'json'], [])
    try:
        t = json.loads(out)
        share = [c for c in t['calls'] if c['name'] == 'mem_share'][0]
        ok = (share['number'] == '0xc6000003' and share['reserved'] == 2
              and t['conventions'][0]['number_reg'] == 'x0'
              and {'name': 'INVALID_PARAMETER', 'raw': -3,
                   'status': 'E_INVALID_PARAM'} in t['errors'])
        check(ok, 'table --format json parses and has MEM_SHARE', share)
    except (ValueError, KeyError, IndexError) as e:
        check(False, 'table --format json parses and has MEM_SHARE', e)
    out = expect_output(['table', 'kvm_x86', '--format', 'json'], [])
    try:
        kick = [c for c in json.loads(out)['calls'] if c['name'] == 'kick_cpu'][0]
        check(kick['number'] == '0x5' and kick['reserved'] == 1 and
              kick['reserved_slots'] == [0] and kick['reserved_name'] == 'flags'
              and kick['args'] == ['uint64_t apic_id'],
              'table json: KICK_CPU reserves slot 0 (flags)', kick)
    except (ValueError, KeyError, IndexError) as e:
        check(False, 'table json: KICK_CPU reserves slot 0 (flags)', e)
    for abi in [l.split()[0] for l in hcall('list').stdout.splitlines()]:
        r = hcall('table', abi, '--format', 'json')
        try:
            json.loads(r.stdout)
            good = r.returncode == 0
        except ValueError:
            good = False
        check(good, f'table {abi} --format json is valid JSON', r.stdout[-400:])
    expect_output(['table', 'acrn', '--format=md'], ['| `0x80000000` | `get_api_version`'])
    expect_output(['table', 'acrn'], ['## Calls'], 'table defaults to md')

    # ---- help ----
    for args in (['--help'], ['help'], ['list', '--help'], ['decode', '-h'],
                 ['regs', '--help'], ['table', '--help']):
        expect_output(args, ['usage: hcall'])
    expect_output(['--version'], ['hcall '])

    # ---- bad input: one line on stderr, exit 2 ----
    r = hcall()
    check(r.returncode == 2 and 'usage: hcall' in r.stderr and not r.stdout,
          'no command: usage on stderr, exit 2', r.stderr)
    expect_error(['frobnicate'], "unknown command 'frobnicate'")
    expect_error(['decode', 'xen', '1'], "unknown ABI 'xen'")
    expect_error(['list', 'nope'], "unknown ABI 'nope'")
    expect_error(['decode', 'hvisor', '0xZZ'], "is not a number")
    expect_error(['decode', 'hvisor', ''], "is not a number")
    expect_error(['decode', 'hvisor', '12abc'], "is not a number")
    expect_error(['decode', 'hvisor', ' 1'], "is not a number")
    expect_error(['decode', 'hvisor', '0x1ffffffffffffffff'], 'does not fit in 64 bits')
    expect_error(['decode', 'hvisor', '99999999999999999999999'], 'does not fit in 64 bits')
    expect_error(['decode', 'hvisor', '2', '1'], 'takes 2 arguments')
    expect_error(['decode', 'hvisor', '2', '1', '2', '3'], 'takes 2 arguments')
    expect_error(['decode', 'kvm_arm64', '0xc6000003', '1', '2'], 'takes 1 argument')
    expect_error(['decode', 'hvisor', '2', 'x'], 'is not a number')
    expect_error(['decode', 'hvisor'], 'expected ABI NUMBER')
    expect_error(['decode', 'sbi', 'zz:3'], 'is not a number')
    expect_error(['decode', 'hvisor', '2'] + ['0'] * 19, 'at most')
    expect_error(['table', 'hvisor', '--format', 'html'], "unknown format 'html'")
    expect_error(['table', 'hvisor', '--format'], '--format needs')
    expect_error(['table'], 'expected ABI')
    expect_error(['table', 'hvisor', 'acrn'], 'expected one ABI')
    expect_error(['table', 'hvisor', '--color'], "unknown option '--color'")
    expect_error(['regs', 'hvisor'], 'expected ABI NAME')
    expect_error(['regs', 'hvisor', 'zone_explode'], "no call 'zone_explode'")
    expect_error(['list', 'hvisor', 'acrn'], 'at most one ABI')
    r = hcall('decode', 'hvisor', '77')
    check(r.returncode == 1 and 'no call numbered 0x4d' in r.stdout,
          'unknown number in a known ABI: exit 1', r.stdout + r.stderr)

    # ---- garbage never crashes ----
    rng = random.Random(1234)
    words = ['decode', 'regs', 'table', 'list', 'sbi', 'smccc', 'hvisor', 'acrn',
             '--format', 'md', 'json', '0x', '-', ':', '1:', ':1', '0b2', '-0x8000000000000000',
             '0xffffffffffffffff', '\x01', 'é', '%s%n', '9' * 40]
    crashed = []
    for _ in range(300):
        args = [rng.choice(words) for _ in range(rng.randint(0, 6))]
        r = hcall(*args)
        if r.returncode not in (0, 1, 2) or (r.returncode == 2 and len(r.stderr.splitlines()) > 12):
            crashed.append((args, r.returncode))
    check(not crashed, '300 random command lines: exit 0, 1 or 2, no crash', crashed[:5])

    print(f'1..{N}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
