# SPDX-License-Identifier: MIT
"""Build a module against a Debian kernel, pack a busybox initramfs, boot it.

Shared by the `linux` and `kvm-peer` suites. A target description comes
from debian.py (kernel, headers, modules, busybox of one architecture).
"""
import glob
import lzma
import os
import shutil
import stat
import subprocess
import time

import debian

# QEMU per architecture: the machine for a plain boot and its console.
QEMU = {
    "x86_64": {"bin": "qemu-system-x86_64", "console": "ttyS0",
               "machine": ["-machine", "q35", "-cpu", "max"]},
    "arm64": {"bin": "qemu-system-aarch64", "console": "ttyAMA0",
              "machine": ["-machine", "virt", "-cpu", "cortex-a57"]},
    "riscv64": {"bin": "qemu-system-riscv64", "console": "ttyS0",
                "machine": ["-machine", "virt"]},
}
KARCH = {"x86_64": "x86", "arm64": "arm64", "riscv64": "riscv"}

START = "HCALL-INIT-START"
END = "HCALL-INIT-END"


class Failure(Exception):
    """A step that must work did not; the test fails with this message."""


def module_make_args(desc, out):
    """The make command line that builds the module in out for desc."""
    args = ["make", "-C", desc["kdir"], "M=" + out, "ARCH=" + KARCH[desc["arch"]],
            "-j2", "modules"]
    if desc["cross"]:
        args.append("CROSS_COMPILE=" + desc["cross"])
    if desc["libc"]:
        # trixie's kernel: built with gcc-14, whose flags gcc-12 accepts
        # for a module; modpost needs trixie's glibc (run through its own
        # loader); no pahole for module BTF.
        args += ["CC=%sgcc-12" % desc["cross"], "CONFIG_DEBUG_INFO_BTF_MODULES=",
                 "MODPOST=" + modpost_wrapper(desc, out)]
    return args


def modpost_wrapper(desc, out):
    libdir = os.path.join(desc["libc"], "usr", "lib", "x86_64-linux-gnu")
    real = glob.glob(os.path.join(desc["kdir"], "scripts", "mod", "modpost.real-lsb-64"))
    if not real:
        raise Failure("no modpost.real-lsb-64 in %s/scripts/mod" % desc["kdir"])
    path = os.path.join(out, "modpost-trixie")
    with open(path, "w") as f:
        f.write('#!/bin/sh\nexec "%s" --library-path "%s" "%s" "$@"\n'
                % (os.path.join(libdir, "ld-linux-x86-64.so.2"), libdir, real[0]))
    os.chmod(path, 0o755)
    return path


def build_module(desc, src, include, out, name):
    """Build module `name` from the sources in src into out; return the .ko.
    A warning is a failure: the module must build clean."""
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for f in os.listdir(src):
        if f.endswith((".c", ".h")) or f in ("Kbuild", "Makefile"):
            shutil.copy(os.path.join(src, f), out)
    cmd = module_make_args(desc, out) + ["HCALL_INCLUDE=" + include]
    p = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    log = p.stdout + p.stderr
    with open(os.path.join(out, "build.log"), "w") as f:
        f.write(" ".join(cmd) + "\n" + log)
    ko = os.path.join(out, name + ".ko")
    if p.returncode != 0 or not os.path.isfile(ko):
        raise Failure("%s did not build for %s:\n%s" % (name, desc["abi"], log[-3000:]))
    warnings = [l for l in log.splitlines() if "warning:" in l.lower()]
    if warnings:
        raise Failure("%s built with warnings:\n%s" % (name, "\n".join(warnings)))
    return ko


def kernel_module(desc, relpath):
    """The bytes of one of the kernel's own modules (xz-compressed ones are
    unpacked: busybox insmod takes a plain .ko)."""
    base = os.path.join(desc["modules"], "kernel", relpath)
    for path in (base, base + ".xz"):
        if os.path.isfile(path):
            data = open(path, "rb").read()
            return lzma.decompress(data) if path.endswith(".xz") else data
    raise Failure("the kernel has no module %s" % relpath)


def module_depends(data):
    """The depends= list of a module's .modinfo."""
    i = data.find(b"\0depends=")
    if i < 0:
        return []
    v = data[i + 9:data.index(b"\0", i + 1)].decode()
    return [d for d in v.split(",") if d]


# ---- initramfs (cpio "newc") ------------------------------------------------

def _cpio_entry(name, mode, data=b"", rdev=(0, 0), ino=[0]):
    ino[0] += 1
    name_b = name.encode() + b"\0"
    hdr = "070701" + "".join("%08X" % v for v in (
        ino[0], mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1],
        len(name_b), 0))
    out = hdr.encode() + name_b
    out += b"\0" * (-len(out) % 4) + data
    return out + b"\0" * (-len(out) % 4)


def initramfs(path, desc, files, init):
    """Write a newc initramfs: busybox, /dev/console, the given files
    ({path: (bytes, mode)}) and /init (a busybox shell script)."""
    busybox = open(desc["busybox"], "rb").read()
    out = bytearray()
    for d in ("bin", "dev", "proc", "sys", "tmp"):
        out += _cpio_entry(d, stat.S_IFDIR | 0o755)
    out += _cpio_entry("dev/console", stat.S_IFCHR | 0o600, rdev=(5, 1))
    out += _cpio_entry("bin/busybox", stat.S_IFREG | 0o755, busybox)
    out += _cpio_entry("bin/sh", stat.S_IFLNK | 0o777, b"busybox")
    for name, (data, mode) in sorted(files.items()):
        out += _cpio_entry(name, stat.S_IFREG | mode, data)
    script = "#!/bin/sh\n/bin/busybox --install -s /bin\n" + init
    out += _cpio_entry("init", stat.S_IFREG | 0o755, script.encode())
    out += _cpio_entry("TRAILER!!!", 0)
    with open(path, "wb") as f:
        f.write(out)


def init_script(body):
    """/init: mount the basics, run body, print the kernel log between
    markers, power off."""
    return ("mount -t proc proc /proc\nmount -t sysfs sys /sys\n"
            "mount -t devtmpfs dev /dev 2>/dev/null\n"
            "echo %s\n%s\necho '--- dmesg'\ndmesg\necho %s\npoweroff -f\n"
            % (START, body, END))


def boot(desc, initrd, extra_machine=None, append="", timeout=180, mem="512"):
    """Boot desc's kernel with initrd under QEMU TCG; return (output, secs).
    The boot must reach END (the /init script ran to its end)."""
    q = QEMU[desc["arch"]]
    machine = extra_machine or q["machine"]
    cmd = [q["bin"]] + machine + [
        "-accel", "tcg", "-m", mem, "-smp", "1", "-nographic", "-no-reboot",
        "-monitor", "none", "-serial", "stdio",
        "-kernel", desc["kernel"], "-initrd", initrd,
        "-append", "console=%s panic=-1 loglevel=4 %s" % (q["console"], append)]
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout,
                           stdin=subprocess.DEVNULL)
        out = p.stdout.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        raise Failure("QEMU timed out after %d s:\n%s" % (timeout, out[-4000:]))
    secs = time.monotonic() - t0
    if END not in out:
        raise Failure("the boot did not reach the end of /init (QEMU exited %d):\n%s\n%s"
                      % (p.returncode, out[-4000:], p.stderr.decode(errors="replace")[-1000:]))
    return out, secs, " ".join(cmd)


def module_lines(out, module):
    """{name: {key: value}} from the "<module>: <name>: k=v k=v" log lines."""
    found = {}
    for line in out.splitlines():
        i = line.find(module + ": ")
        if i < 0:
            continue
        rest = line[i + len(module) + 2:].strip()
        name, sep, fields = rest.partition(": ")
        if not sep:
            continue
        kv = {}
        for tok in fields.split():
            k, eq, v = tok.partition("=")
            if eq:
                kv[k] = v
        # A name may come on several lines; the first value of a key wins.
        line_kv = found.setdefault(name, {})
        for k, v in kv.items():
            line_kv.setdefault(k, v)
    return found


def start(argv):
    """The common start of a suite's run: argv is (script, arch, source
    root, download cache, work directory); HCALL_DEBIAN_CACHE overrides
    the cache. (arch, source root, work, kernel description), or None
    after printing the skip when Debian's packages cannot be had."""
    arch, srcroot, cache, work = argv[1], *(os.path.abspath(a) for a in argv[2:5])
    cache = os.environ.get("HCALL_DEBIAN_CACHE") or cache
    try:
        desc = debian.prepare(cache, arch)
    except debian.Unavailable as e:
        print("SKIP: Debian's %s kernel packages cannot be had: %s" % (arch, e))
        return None
    print("# kernel %s (%s)" % (desc["abi"], desc["packages"]["image"]))
    os.makedirs(work, exist_ok=True)
    return arch, srcroot, work, desc


def demo_module(desc, srcroot, work):
    """examples/kernel-module built for this kernel: the .ko's bytes."""
    ko = build_module(desc, os.path.join(srcroot, "examples", "kernel-module"),
                      os.path.join(srcroot, "include"), os.path.join(work, "module"),
                      "hcall_demo")
    with open(ko, "rb") as f:
        return f.read()


def save_console(work, cmd, out, secs):
    """Keep the boot's command and console in work/console.log."""
    path = os.path.join(work, "console.log")
    with open(path, "w") as f:
        f.write(cmd + "\n" + out)
    print("# booted in %.1f s; console: %s" % (secs, path))
