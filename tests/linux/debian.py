#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Debian's kernels, headers and busybox for the three target architectures.

Everything goes through apt with a private configuration under the cache
directory (its own sources, lists, package cache and an empty dpkg status),
so the host's dpkg setup, architectures and sources are never changed.
bookworm has amd64 and arm64; riscv64 is first released in trixie.

The kernel ABI (6.1.0-NN, 6.12.NN+debMM) is read from the meta-packages
(linux-image-cloud-amd64, ...), so a security update that bumps it needs
no change here.

A target is prepared once: its .debs are downloaded and unpacked under
CACHE/<arch>/root, and CACHE/<arch>/target.json records what is where.
Locks (one per target, one per release's apt root) let several tests ask
at once.

usage: debian.py CACHE ARCH...   (prepare, print the target description)
"""
import fcntl
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time

# Debian's name, release and image flavour of each architecture, and the
# host-side cross compiler prefix used to build modules for it.
TARGETS = {
    "x86_64": {"deb": "amd64", "suite": "bookworm", "meta": "cloud-amd64",
               "cross": ""},
    "arm64": {"deb": "arm64", "suite": "bookworm", "meta": "cloud-arm64",
              "cross": "aarch64-linux-gnu-"},
    "riscv64": {"deb": "riscv64", "suite": "trixie", "meta": "riscv64",
                "cross": "riscv64-linux-gnu-"},
}
MIRROR = "http://deb.debian.org/debian"
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
# The layout of target.json and of what is unpacked; a cache made by
# another version is prepared again (from the .debs it already has).
FORMAT = 2


class Unavailable(Exception):
    """The packages cannot be had (no network, no apt, no such package)."""


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        tail = (p.stderr or p.stdout).strip().splitlines()[-3:]
        raise Unavailable("%s failed: %s" % (" ".join(cmd[:3]), " | ".join(tail)))
    return p.stdout


class Apt:
    """apt-get / apt-cache on a private root for one Debian release."""

    def __init__(self, cache, suite):
        self.root = os.path.join(cache, "apt-" + suite)
        self.suite = suite
        self.conf = os.path.join(self.root, "apt.conf")
        archs = sorted({t["deb"] for t in TARGETS.values() if t["suite"] == suite}
                       | {"amd64"})
        for d in ("lists/partial", "archives/partial", "etc/preferences.d",
                  "etc/sources.list.d", "etc/apt.conf.d"):
            os.makedirs(os.path.join(self.root, d), exist_ok=True)
        with open(os.path.join(self.root, "etc/sources.list"), "w") as f:
            f.write("deb [arch=%s signed-by=%s] %s %s main\n"
                    % (",".join(archs), KEYRING, MIRROR, suite))
        status = os.path.join(self.root, "status")
        open(status, "a").close()
        r = self.root
        opts = {
            "Dir::State": r, "Dir::State::Lists": r + "/lists",
            "Dir::State::status": status, "Dir::Cache": r,
            "Dir::Cache::archives": r + "/archives",
            "Dir::Cache::pkgcache": "", "Dir::Cache::srcpkgcache": "",
            "Dir::Etc": r + "/etc", "Dir::Etc::SourceList": r + "/etc/sources.list",
            "Dir::Etc::SourceParts": r + "/etc/sources.list.d",
            "Dir::Etc::Preferences": r + "/etc/preferences",
            "Dir::Etc::PreferencesParts": r + "/etc/preferences.d",
            "Dir::Etc::parts": r + "/etc/apt.conf.d",
            "APT::Architecture": "amd64",
            "Acquire::Languages": "none",
            "Acquire::Retries": "2",
            "Acquire::http::Timeout": "30",
            # As root apt would fetch as _apt, which may not be able to
            # write into a checkout owned by someone else.
            "APT::Sandbox::User": "root",
            "Debug::NoLocking": "true",
        }
        with open(self.conf, "w") as f:
            for k, v in opts.items():
                f.write('%s "%s";\n' % (k, v))
            f.write("APT::Architectures { %s };\n"
                    % " ".join('"%s";' % a for a in archs))
        self.updated = bool(glob.glob(os.path.join(r, "lists", "*_Packages*")))

    def cmd(self, tool, *args, cwd=None):
        env = dict(os.environ, APT_CONFIG=self.conf, LC_ALL="C",
                   DEBIAN_FRONTEND="noninteractive")
        return run([tool, "-q"] + list(args), env=env, cwd=cwd,
                   stdin=subprocess.DEVNULL)

    def update(self):
        if self.updated:
            return
        # A mirror found unreachable a moment ago is not tried again by
        # every test of the run (each try can take a minute of timeouts).
        failed = os.path.join(self.root, "update-failed")
        try:
            if time.time() - os.path.getmtime(failed) < 600:
                with open(failed) as f:
                    raise Unavailable(f.read().strip() + " (an earlier test of this run)")
        except FileNotFoundError:
            pass
        env = dict(os.environ, APT_CONFIG=self.conf, LC_ALL="C")
        p = subprocess.run(["apt-get", "-q", "update"], capture_output=True,
                           text=True, env=env, stdin=subprocess.DEVNULL)
        if not glob.glob(os.path.join(self.root, "lists", "*_Packages*")):
            why = [l for l in (p.stdout + p.stderr).splitlines()
                   if l.startswith(("W:", "E:", "Err:"))][:2]
            msg = ("apt-get update got no package lists for %s from %s: %s"
                   % (self.suite, MIRROR, " | ".join(why) or "no output"))
            with open(failed, "w") as f:
                f.write(msg + "\n")
            raise Unavailable(msg)
        if os.path.exists(failed):
            os.unlink(failed)
        self.updated = True

    def depends(self, pkg):
        """Direct Depends of the candidate version of pkg (first
        alternatives, without versions)."""
        out = self.cmd("apt-cache", "show", "--no-all-versions", pkg)
        for line in out.splitlines():
            if line.startswith("Depends:"):
                return [d.split("|")[0].split("(")[0].strip()
                        for d in line.split(":", 1)[1].split(",")]
        return []


def first(deps, prefix, what):
    for d in deps:
        name = d.split(":")[0]
        if name.startswith(prefix):
            return name
    raise Unavailable("no %s among %s" % (what, deps))


def resolve(apt, t):
    """The package names of a target: image, headers, headers-common,
    kbuild (amd64), busybox-static (and trixie's libc for kbuild's tools)."""
    apt.update()
    image = first(apt.depends("linux-image-" + t["meta"]), "linux-image-",
                  "kernel image in linux-image-" + t["meta"])
    abi = image[len("linux-image-"):]
    if abi.endswith("-unsigned"):
        abi = abi[:-len("-unsigned")]
    headers = "linux-headers-" + abi
    hdeps = apt.depends(headers + ":" + t["deb"])
    common = first(hdeps, "linux-headers-", "headers-common")
    kbuild = first(hdeps, "linux-kbuild-", "linux-kbuild")
    pkgs = {
        "image": image + ":" + t["deb"],
        "headers": headers + ":" + t["deb"],
        "common": common + ":all",
        "kbuild": kbuild + ":amd64",
        "busybox": "busybox-static:" + t["deb"],
    }
    if t["suite"] != "bookworm":
        pkgs["libc"] = "libc6:amd64"
    return abi, pkgs


def download(apt, t, debs):
    abi, pkgs = resolve(apt, t)
    for pkg in pkgs.values():
        name, _, parch = pkg.partition(":")
        if not glob.glob(os.path.join(debs, "%s_*_%s.deb" % (name, parch))):
            # apt-get download writes into its working directory.
            apt.cmd("apt-get", "download", pkg, cwd=debs)
    return abi, pkgs


def prepare(cache, arch):
    """Download and unpack one target; return its description (a dict)."""
    t = TARGETS[arch]
    tdir = os.path.join(cache, arch)
    desc_path = os.path.join(tdir, "target.json")
    os.makedirs(tdir, exist_ok=True)
    with open(os.path.join(tdir, ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.isfile(desc_path):
            with open(desc_path) as f:
                desc = json.load(f)
            if desc.get("format") == FORMAT:
                return desc
        for tool in ("apt-get", "apt-cache", "dpkg-deb"):
            if not any(os.access(os.path.join(p, tool), os.X_OK)
                       for p in os.environ.get("PATH", "").split(":")):
                raise Unavailable("%s is not installed" % tool)
        debs = os.path.join(tdir, "debs")
        os.makedirs(debs, exist_ok=True)
        os.makedirs(os.path.join(cache, "apt-" + t["suite"]), exist_ok=True)
        # One apt root per release, shared by its architectures: one user
        # at a time. Targets of different releases download in parallel.
        with open(os.path.join(cache, "apt-" + t["suite"], ".lock"), "a") as apt_lock:
            fcntl.flock(apt_lock, fcntl.LOCK_EX)
            apt = Apt(cache, t["suite"])
            try:
                abi, pkgs = download(apt, t, debs)
            except Unavailable:
                if not apt.updated:
                    raise
                # Lists from an earlier run may name packages the mirror
                # has since replaced (a new kernel ABI): refresh them once.
                apt.updated = False
                abi, pkgs = download(apt, t, debs)
        root = os.path.join(tdir, "root")
        for d in (root, os.path.join(tdir, "libc")):
            shutil.rmtree(d, ignore_errors=True)
        os.makedirs(root)
        for key, pkg in pkgs.items():
            name, _, parch = pkg.partition(":")
            found = glob.glob(os.path.join(debs, "%s_*_%s.deb" % (name, parch)))
            if not found:
                raise Unavailable("%s was not downloaded" % pkg)
            # The newest download, should an older version be left over.
            found.sort(key=os.path.getmtime)
            if key == "image":
                unpack_image(found[-1], root)
            else:
                run(["dpkg-deb", "-x", found[-1],
                     os.path.join(tdir, "libc") if key == "libc" else root])
        desc = describe(tdir, arch, abi, pkgs)
        relocate_headers(root, desc["kdir"])
        with open(desc_path + ".tmp", "w") as f:
            json.dump(desc, f, indent=1)
        os.replace(desc_path + ".tmp", desc_path)
        return desc


def unpack_image(deb, root):
    """Of the kernel image package only the kernel and the modules the
    suites load (KVM and what it needs) are unpacked: the rest is about
    100 MB per architecture that nothing reads."""
    keep = re.compile(r"^\./boot/|/kernel/(arch/[^/]+/kvm|virt/lib)/")
    p = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", deb],
                         stdout=subprocess.PIPE)
    try:
        with tarfile.open(fileobj=p.stdout, mode="r|") as tar:
            for m in tar:
                if keep.search(m.name) and (m.isfile() or m.isdir()):
                    tar.extract(m, root, set_attrs=False)
    except tarfile.TarError as e:
        raise Unavailable("unpacking %s failed: %s" % (deb, e))
    finally:
        p.stdout.close()
    if p.wait() != 0:
        raise Unavailable("dpkg-deb could not read %s" % deb)


def relocate_headers(root, kdir):
    """The headers' Makefile includes the common part by its installed,
    absolute path; point it into the unpacked tree instead."""
    mk = os.path.join(kdir, "Makefile")
    with open(mk) as f:
        text = f.read()
    text = text.replace(" /usr/src/", " %s/usr/src/" % root)
    with open(mk, "w") as f:
        f.write(text)


def describe(tdir, arch, abi, pkgs):
    root = os.path.join(tdir, "root")
    kernels = glob.glob(os.path.join(root, "boot", "vmlinu*-" + abi))
    if not kernels:
        raise Unavailable("no /boot/vmlinu*-%s in %s" % (abi, pkgs["image"]))
    return {
        "format": FORMAT,
        "arch": arch,
        "abi": abi,
        "packages": pkgs,
        "kernel": kernels[0],
        "kdir": os.path.join(root, "usr", "src", "linux-headers-" + abi),
        # trixie's modules are in /usr/lib/modules (merged /usr).
        "modules": next((p for p in (os.path.join(root, d, "modules", abi)
                                     for d in ("lib", "usr/lib"))
                         if os.path.isdir(p)), None),
        # trixie's busybox-static is in /usr/bin (merged /usr).
        "busybox": next(p for p in (os.path.join(root, d, "busybox")
                                    for d in ("bin", "usr/bin"))
                        if os.path.isfile(p)),
        "libc": os.path.join(tdir, "libc") if "libc" in pkgs else None,
        "cross": TARGETS[arch]["cross"],
    }


def main(argv):
    cache = os.path.abspath(argv[1])
    for arch in argv[2:]:
        try:
            print(json.dumps(prepare(cache, arch), indent=1))
        except Unavailable as e:
            print("unavailable: %s: %s" % (arch, e))
            return 77
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
