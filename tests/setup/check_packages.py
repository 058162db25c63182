#!/usr/bin/env python3
"""Every system file the build, the tests and the app use comes from a package we install.

A fresh Debian machine has only its base system (the packages of priority "required" and
the essential ones, with what they depend on) and what scripts/deps.sh installs. apt runs
with --no-install-recommends, so what a listed package only *recommends* is not there.
This check collects the files found under /usr (CMake's *_DIR and FILEPATH cache entries,
every absolute path in build.ninja: libraries, moc, rcc, lrelease...; the tools the tests
and packaging run; the shared libraries and Qt plugins the app really loads), asks dpkg
which package owns each, and fails naming every package reached only by luck: installed
by hand or as a recommendation, not in the hard-dependency closure (Depends and
Pre-Depends) of the list.

Usage: check_packages.py --source DIR --build DIR [--app PATH] [--tool NAME]...
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

SYSTEM_ROOTS = ("/usr/", "/bin/", "/sbin/", "/lib/", "/lib64/", "/etc/")


def project_packages(source):
    out = subprocess.run(
        ["bash", "-c", 'source scripts/deps.sh && printf "%s\\n" "${TASKSCOPE_PACKAGES[@]}"'],
        cwd=source, check=True, capture_output=True, text=True).stdout
    return [p for p in out.split() if p]


class Installed:
    """What dpkg knows of the installed packages: dependencies, providers, priority."""

    def __init__(self):
        fmt = "${Package}\\t${Depends}\\t${Pre-Depends}\\t${Provides}\\t${Priority}\\t${Essential}\\t${Status}\\n"
        out = subprocess.run(["dpkg-query", "-W", "-f=" + fmt], check=True,
                             capture_output=True, text=True).stdout
        self.depends = {}
        self.providers = {}
        self.base_roots = []
        for line in out.splitlines():
            name, dep, pre, provides, priority, essential, status = (line.split("\t") + [""] * 7)[:7]
            if "installed" not in status.split()[-1:]:
                continue
            groups = [g for g in (dep + "," + pre).split(",") if g.strip()]
            self.depends[name] = [[self._name(a) for a in g.split("|")] for g in groups]
            for v in provides.split(","):
                if v.strip():
                    self.providers.setdefault(self._name(v), []).append(name)
            if priority == "required" or essential == "yes":
                self.base_roots.append(name)

    @staticmethod
    def _name(atom):
        # "libc6 (>= 2.34)" / "python3:any" -> "libc6" / "python3"
        return re.sub(r"\s*\(.*\)", "", atom).strip().split(":")[0]

    def closure(self, roots, satisfied=frozenset()):
        """Packages apt would install for roots (plus their hard dependencies)."""
        seen = set()
        todo = [r for r in roots]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            if name not in self.depends:
                # A virtual package, or one not installed: its installed providers stand in.
                provs = self.providers.get(name, [])
                if any(p in seen or p in satisfied for p in provs):
                    continue
                seen.add(name)
                todo.extend(provs)
                continue
            seen.add(name)
            for group in self.depends[name]:
                if any(a in seen or a in satisfied for a in group):
                    continue
                # apt takes the first alternative that can be had.
                todo.append(group[0])
        return seen


def _dpkg_search(paths):
    """dpkg -S for many paths at once: {path: {packages}} for the paths dpkg knows."""
    found = {}
    paths = sorted(set(paths))
    for i in range(0, len(paths), 200):
        r = subprocess.run(["dpkg", "-S"] + paths[i:i + 200], capture_output=True, text=True)
        for line in r.stdout.splitlines():
            if ": " not in line or line.startswith("diversion"):
                continue
            pkgs, path = line.split(": ", 1)
            found.setdefault(path.strip(), set()).update(
                p.strip().split(":")[0] for p in pkgs.split(","))
    return found


def owners(paths):
    """{path: {packages owning it}}, trying each path as given, resolved and /usr-merged."""
    def variants(path):
        out = [path, os.path.realpath(path)]
        for c in list(out):
            out.append(c[4:] if c.startswith("/usr/") else "/usr" + c)
        return out

    result = {p: set() for p in paths}
    pending = list(paths)
    for attempt in range(4):
        if not pending:
            break
        tries = {p: variants(p)[attempt] for p in pending}
        found = _dpkg_search(tries.values())
        for p, v in tries.items():
            result[p] |= found.get(v, set())
        pending = [p for p in pending if not result[p]]
    return result


def cache_files(build):
    """The config files of the packages CMake found (*_DIR entries). Libraries and
    programs CMake found are checked where the build uses them (build.ninja, CTest files),
    so an optional find that nothing uses (FindOpenGL's GLU, say) does not count."""
    files = {}
    with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([A-Za-z0-9_.+-]+):(FILEPATH|PATH|STRING|UNINITIALIZED)=(.*)$", line.strip())
            if not m:
                continue
            key, kind, value = m.groups()
            if not value.startswith(SYSTEM_ROOTS) or value.endswith("-NOTFOUND"):
                continue
            if key.startswith("CMAKE_INSTALL_") or key == "CMAKE_INSTALL_PREFIX":
                continue
            if key.endswith("_DIR") and os.path.isdir(value):
                # What find_package(NAME) read: NAMEConfig.cmake or name-config.cmake.
                pkg = key[:-4]
                for entry in (pkg + "Config.cmake", pkg.lower() + "-config.cmake"):
                    if os.path.isfile(os.path.join(value, entry)):
                        files.setdefault(os.path.join(value, entry), "CMakeCache " + key)
    return files


def ninja_files(build):
    """Every absolute system file named in build.ninja: libraries, moc, rcc, lrelease..."""
    files = {}
    path_re = re.compile(r"(?<![\w./-])(/(?:usr|lib|bin)/[\w.+/-]+)")
    for name in ("build.ninja", os.path.join("CMakeFiles", "rules.ninja"), "CTestTestfile.cmake"):
        p = os.path.join(build, name)
        if not os.path.exists(p):
            continue
        with open(p, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for m in path_re.finditer(text):
            value = m.group(1)
            if os.path.isfile(value):
                files.setdefault(value, name)
    for root, _dirs, names in os.walk(build):
        for n in names:
            if n == "CTestTestfile.cmake" and root != build:
                with open(os.path.join(root, n), encoding="utf-8", errors="replace") as f:
                    for m in path_re.finditer(f.read()):
                        if os.path.isfile(m.group(1)):
                            files.setdefault(m.group(1), os.path.relpath(os.path.join(root, n), build))
    return files


def loaded_by_app(app):
    """Shared objects (Qt plugins included) the app loads while it takes a screenshot:
    offscreen, and in a real X window under xvfb-run (the xcb plugin scripts/run needs)."""
    files = {}
    if not app or not os.path.exists(app):
        return files
    xvfb = subprocess.run(["bash", "-c", "command -v xvfb-run"], capture_output=True, text=True).stdout.strip()
    runs = [("offscreen", [])]
    if xvfb:
        runs.append(("xcb", [xvfb, "-a", "-s", "-screen 0 1024x768x24"]))
    for platform, prefix in runs:
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, LD_DEBUG="libs", QT_QPA_PLATFORM=platform,
                       XDG_RUNTIME_DIR=tmp, HOME=tmp)
            env.pop("DISPLAY", None)
            cmd = prefix + [app, "--screenshot", os.path.join(tmp, "shot.png"), "--size", "800x600"]
            r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=180)
            for line in r.stderr.splitlines():
                m = re.search(r"calling init: (\S+)", line)
                if m and m.group(1).startswith(SYSTEM_ROOTS):
                    files.setdefault(m.group(1), f"loaded by taskscope --screenshot ({platform})")
    return files


def font_files():
    """The font files fontconfig picks for Chinese and Latin UI text."""
    files = {}
    fc = subprocess.run(["bash", "-c", "command -v fc-match"], capture_output=True, text=True).stdout.strip()
    if not fc:
        return files
    for pattern in ("sans-serif:lang=zh-cn", "sans-serif"):
        r = subprocess.run([fc, "-f", "%{file}", pattern], capture_output=True, text=True)
        if r.returncode == 0 and r.stdout.startswith(SYSTEM_ROOTS):
            files.setdefault(r.stdout, "font for " + pattern)
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--app")
    ap.add_argument("--tool", action="append", default=[])
    args = ap.parse_args()

    installed = Installed()
    listed = project_packages(args.source)
    base = installed.closure(installed.base_roots)
    allowed = base | installed.closure(listed, satisfied=frozenset(base))

    files = {}
    files.update(cache_files(args.build))
    files.update({k: v for k, v in ninja_files(args.build).items() if k not in files})
    missing_tools = []
    for tool in args.tool:
        path = tool if os.path.isabs(tool) and os.path.isfile(tool) else subprocess.run(
            ["bash", "-c", f"command -v {tool}"], capture_output=True, text=True).stdout.strip()
        if path:
            files.setdefault(path, "tool " + tool)
        else:
            missing_tools.append(tool)
    files.update({k: v for k, v in loaded_by_app(args.app).items() if k not in files})
    files.update({k: v for k, v in font_files().items() if k not in files})

    lucky = {}
    unowned = []
    owned = owners(list(files))
    for path, why in sorted(files.items()):
        pkgs = owned[path]
        if not pkgs:
            if path.startswith("/usr/local/") or path.startswith("/etc/"):
                continue
            unowned.append((path, why))
            continue
        if not pkgs & allowed:
            for p in sorted(pkgs):
                lucky.setdefault(p, []).append(f"{path} ({why})")

    print(f"checked {len(files)} files against {len(listed)} listed packages "
          f"({len(allowed)} with their hard dependencies and the base system)")
    ok = True
    for tool in missing_tools:
        ok = False
        print(f"MISSING TOOL: {tool} is not on PATH; scripts/deps.sh must install the package that has it")
    for pkg, uses in sorted(lucky.items()):
        ok = False
        print(f"REACHED BY LUCK: package {pkg} is used but neither listed in scripts/deps.sh "
              f"nor a hard dependency of a listed package:")
        for u in uses[:5]:
            print(f"    {u}")
        if len(uses) > 5:
            print(f"    ... and {len(uses) - 5} more files")
    for path, why in unowned:
        print(f"note: {path} ({why}) belongs to no Debian package (installed by hand?)")
    if ok:
        print("every package used is listed or a hard dependency of the list")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
