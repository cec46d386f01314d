#!/usr/bin/env python3
"""Every command reads a project the same way: only inside it, leaving no pipeline out (docs/hardening.md).

For each layout of tests/golden/layouts.py, each command that reads the project (validate, build, build --check,
build --dry-run, graph, preview, explain) must exit non-zero with the layout's code, show nothing of what lies
outside the project, and write nothing; the layout whose symlinks stay inside must work with every command and
see all four pipelines. Then the no-op fast path of `build`: after a clean build, a config swapped for a symlink
that leads outside (or nowhere), a pipeline folder swapped for a dangling symlink, or an `out:` that swallows a
pipeline must fail the next build, and no generated file may be pruned. Last, a folder that cannot be listed:
tests run as root, which reads any folder, so trigc runs with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH dropped
(setpriv) when it is root; as another user a chmod 000 folder is enough.

Usage: check_safe_read.py TRIGC
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden"))
import layouts  # noqa: E402

COMMANDS = [["validate"], ["build"], ["build", "--check"], ["build", "--dry-run"], ["graph"],
            ["preview", "alpha", "-n", "1"], ["explain", "alpha"]]
BUILD_COMMANDS = COMMANDS[:4]  # the `out:` checks concern building (validate runs build's checks)
failures = []


def run(trigc, args, cwd, prefix=()):
    proc = subprocess.run(list(prefix) + [trigc] + args, cwd=cwd, capture_output=True, timeout=60,
                          env=layouts.environment())
    return proc.returncode, proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")


def tree(root):
    """Every file below `root` with its content, symlinks not followed."""
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not os.path.islink(path):
                files[os.path.relpath(path, root)] = open(path, "rb").read()
    return files


def check(condition, what, output=""):
    if not condition:
        failures.append(f"{what}\n{output}")


def check_layouts(trigc):
    for name, (_, code) in sorted(layouts.LAYOUTS.items()):
        commands = BUILD_COMMANDS if "_out_" in name else COMMANDS
        for args in commands:
            with tempfile.TemporaryDirectory() as tmp:
                repo = layouts.build(tmp, name)
                before = tree(tmp)
                status, output = run(trigc, args, repo)
                label = f"{name}: trigc {' '.join(args)}"
                check(layouts.SECRET not in output, f"{label} shows what lies outside the project", output)
                if code is None:
                    stale = args == ["build", "--check"] and status == 3  # nothing is built yet
                    check(status == 0 or stale, f"{label} exited {status}", output)
                    if args == ["validate"]:
                        check("ok: 4 pipelines valid" in output, f"{label} did not see all 4 pipelines", output)
                    continue
                check(status not in (0, 3), f"{label} exited {status}, not with an error", output)
                check(f"[{code}]" in output, f"{label} did not report {code}", output)
                check(tree(tmp) == before, f"{label} wrote or removed a file", output)
    # Each command sees the pipelines behind symlinks inside the project.
    with tempfile.TemporaryDirectory() as tmp:
        repo = layouts.build(tmp, "symlinks_inside")
        status, output = run(trigc, ["explain", "delta"], repo)
        check(status == 0 and "delta" in output, "explain does not find the pipeline of a symlinked folder", output)
        status, output = run(trigc, ["graph"], repo)
        check(status == 0 and "gamma" in output and "delta" in output, "graph misses a symlinked pipeline", output)


# (what, change to a built repository, code): each must stop the next `build`, fast path or not.
FAST_PATH = [
    ("config swapped for a symlink to /proc/self/environ",
     lambda repo: swap_for_link(repo, "pipelines/beta/config.yaml", "/proc/self/environ"), "E0908"),
    ("config swapped for a symlink to a file outside",
     lambda repo: swap_for_link(repo, "pipelines/beta/config.yaml", "../../../outside/credentials"), "E0908"),
    ("config swapped for a dangling symlink",
     lambda repo: swap_for_link(repo, "pipelines/beta/config.yaml", "gone.yaml"), "E0909"),
    ("pipeline folder swapped for a dangling symlink",
     lambda repo: swap_for_link(repo, "pipelines/beta", "../teams/beta"), "E0909"),
    ("out: swallowing a pipeline",
     lambda repo: write(repo, "trigc.yaml", layouts.project_with(out="pipelines/beta")), "E0912"),
]


def swap_for_link(repo, rel, target):
    path = os.path.join(repo, rel)
    shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.remove(path)
    os.symlink(target, path)


def write(repo, rel, text):
    with open(os.path.join(repo, rel), "w") as f:
        f.write(text)


def check_fast_path(trigc):
    for what, change, code in FAST_PATH:
        with tempfile.TemporaryDirectory() as tmp:
            repo = layouts.build(tmp, "symlinks_inside")
            status, output = run(trigc, ["build"], repo)
            check(status == 0, f"fast path, {what}: the first build failed", output)
            status, output = run(trigc, ["build"], repo)
            check("(up to date)" in output, f"fast path, {what}: the second build did not take the no-op path", output)
            generated = tree(os.path.join(repo, "generated"))
            change(repo)
            status, output = run(trigc, ["build"], repo)
            label = f"fast path, {what}: trigc build"
            check(status not in (0, 3) and f"[{code}]" in output, f"{label} exited {status} without {code}", output)
            check(layouts.SECRET not in output, f"{label} shows what lies outside the project", output)
            check(tree(os.path.join(repo, "generated")) == generated, f"{label} changed or pruned generated files")


def check_unreadable_folder(trigc):
    prefix = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            failures.append("unreadable folder: running as root and setpriv (util-linux) is missing")
            return
        prefix = [setpriv, "--inh-caps=-dac_override,-dac_read_search",
                  "--bounding-set=-dac_override,-dac_read_search", "--"]
    with tempfile.TemporaryDirectory() as tmp:
        repo = layouts.build(tmp, "symlinks_inside")
        locked = os.path.join(repo, "pipelines", "locked")
        os.makedirs(os.path.join(locked, "epsilon"))
        write(repo, "pipelines/locked/epsilon/config.yaml", layouts.SCHEDULE)
        os.chmod(locked, 0)
        try:
            for args in COMMANDS:
                status, output = run(trigc, args, repo, prefix)
                label = f"unreadable folder: trigc {' '.join(args)}"
                check(status == 4 and "[E0910]" in output and "pipelines/locked" in output,
                      f"{label} exited {status} without E0910 (exit 4)", output)
        finally:
            os.chmod(locked, 0o755)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    trigc = os.path.abspath(sys.argv[1])
    check_layouts(trigc)
    check_fast_path(trigc)
    check_unreadable_folder(trigc)
    for failure in failures:
        print("FAIL " + failure)
    print(f"safe_read: {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
