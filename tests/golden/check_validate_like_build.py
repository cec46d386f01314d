#!/usr/bin/env python3
"""`trigc validate` must report every diagnostic `trigc build` does (docs/scale.md: validate runs each emitter's
checks without building template data or rendering). For every case of the build goldens, in a temporary repository
(with a trigc.yaml naming the case's --target when it has none), the codes of `validate` and of
`build --dry-run` must be the same set.

Usage: check_validate_like_build.py TRIGC
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import run_golden

HERE = os.path.dirname(os.path.abspath(__file__))
# Build-only findings: validate does not build, so it has no "nothing to build" and no template to read; a case
# with one of them emitted nothing and is skipped.
BUILD_ONLY = {"E0503", "E0504"}


def codes(trigc, args, cwd):
    p = subprocess.run([trigc] + args, cwd=cwd, capture_output=True, text=True, timeout=60)
    return set(re.findall(r"\b[EW]\d{4}\b", p.stdout + p.stderr))


def main():
    trigc = os.path.abspath(sys.argv[1])
    compared = failed = 0
    for stage, name, path in run_golden.cases():  # the golden runner's own list of cases
        if not stage.startswith("build") or path.endswith(".args"):
            continue  # only build cases with a repository of their own
        base = os.path.splitext(path)[0] if os.path.isfile(path) else path
        args_file = base + ".args"
        args = open(args_file).read().split() if os.path.exists(args_file) else ["build"]
        if "--templates" in args:
            continue
        target = args[args.index("--target") + 1] if "--target" in args else None
        with tempfile.TemporaryDirectory() as tmp:
            repo = os.path.join(tmp, "repo")
            if os.path.isdir(path):
                shutil.copytree(path, repo)
            else:
                folder = os.path.join(repo, "pipelines", name)
                os.makedirs(folder)
                shutil.copy(path, os.path.join(folder, "config.yaml"))
            if target and not os.path.exists(os.path.join(repo, "trigc.yaml")):
                with open(os.path.join(repo, "trigc.yaml"), "w") as f:
                    f.write("version: 1\ntargets:\n" + "".join(f"  {t}: {{}}\n" for t in target.split(",")))
            build = codes(trigc, ["build", "--dry-run", "--out", os.path.join(tmp, "out"), "."], repo)
            if build & BUILD_ONLY:
                continue  # nothing was emitted: no emitter check to compare
            validate = codes(trigc, ["validate", "."], repo)
            compared += 1
            if validate != build:
                failed += 1
                print(f"FAIL {os.path.relpath(base, HERE)}: validate {sorted(validate)}, build {sorted(build)}")
    print(f"validate-like-build: {compared} cases, {failed} differ")
    if compared < 40:
        print("FAIL: expected at least 40 build cases")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
