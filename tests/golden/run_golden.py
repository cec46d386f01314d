#!/usr/bin/env python3
"""Golden tests: run trigc on each case and compare exit code, stdout and stderr with the expected file.

When the arguments contain `{out}`, it is replaced by a fresh temporary folder, and after the run that folder must
equal the tree `<stage>/<case>.tree/` file for file (byte for byte); --update rewrites the tree.

A case is either
  - `<stage>/<case>.yaml`: one pipeline config, placed at pipelines/<case>/config.yaml in a temporary repository,
  - `<stage>/<case>/`: a whole repository tree, used in place, or
  - `<stage>/<case>.args` alone: trigc run from the repository root (e.g. on examples/);
and its expectation is `<stage>/<case>.out`. Optional `<stage>/<case>.args` holds the trigc arguments (default:
`validate`). Cases named fail_* must exit non-zero and no other case may. Hostile inputs too large to commit are
generated here (GENERATED below) and must produce their diagnostic code; they are checked by completion.
Repositories with symlinks and FIFOs, which the source tree cannot hold, are built by layouts.py and compared with
`read/<name>.out`.
Every code in compiler/diag/codes.def must be produced by at least one case.

Usage: run_golden.py TRIGC [--update]   (or UPDATE_GOLDEN=1) rewrites the .out files; review the diff.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ among the cases
import layouts  # noqa: E402  (tests/golden/layouts.py)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TIMEOUT = 60  # a hang guard only; every case completes in milliseconds


def run(trigc, args, cwd):
    # SOURCE_DATE_EPOCH fixes "now" (2026-01-01T00:00:00Z) for preview, explain and the DST check.
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C", SOURCE_DATE_EPOCH="1767225600")
    proc = subprocess.run([trigc] + args, cwd=cwd, capture_output=True, timeout=TIMEOUT, env=env)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def render(code, out, err):
    return f"exit: {code}\n--- stdout\n{out}--- stderr\n{err}"


def cases():
    for stage in sorted(os.listdir(HERE)):
        stage_dir = os.path.join(HERE, stage)
        if not os.path.isdir(stage_dir):
            continue
        entries = sorted(os.listdir(stage_dir))
        for entry in entries:
            path = os.path.join(stage_dir, entry)
            if entry.endswith(".yaml") and os.path.isfile(path):
                yield stage, entry[:-5], path
            elif os.path.isdir(path) and not entry.endswith(".tree"):  # a .tree is an expected output
                yield stage, entry, path
            elif entry.endswith(".args") and entry[:-5] + ".yaml" not in entries and entry[:-5] not in entries:
                yield stage, entry[:-5], path  # runs from the repository root (e.g. on examples/)


def expectation_of(path):
    return os.path.splitext(path)[0] + ".out" if os.path.isfile(path) else path + ".out"


def read_tree(root):
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            full = os.path.join(folder, name)
            files[os.path.relpath(full, root)] = open(full, "rb").read()
    return files


def run_case(trigc, name, path, out_dir):
    args_file = os.path.splitext(path)[0] + ".args" if os.path.isfile(path) else path + ".args"
    args = shlex.split(open(args_file).read()) if os.path.exists(args_file) else ["validate"]
    args = [a.replace("{out}", out_dir) for a in args]
    if path.endswith(".args"):
        return run(trigc, args, ROOT)
    if os.path.isdir(path):  # run on a copy: a build keeps its cache folder in the project's root
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, name)
            shutil.copytree(path, copy, symlinks=True)  # a case may hold links (build/fail_symlink_out)
            return run(trigc, args, copy)
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "pipelines", name)
        os.makedirs(folder)
        shutil.copy(path, os.path.join(folder, "config.yaml"))
        return run(trigc, args, tmp)


def check_tree(stage, name, path, out_dir, update, failures):
    """Compares the files written below out_dir with the expected tree <case>.tree/."""
    expected_dir = os.path.splitext(path)[0] + ".tree" if os.path.isfile(path) else path + ".tree"
    actual = read_tree(out_dir)
    if update:
        shutil.rmtree(expected_dir, ignore_errors=True)
        if actual:  # a case that writes nothing (a fail_* case) has no tree
            shutil.copytree(out_dir, expected_dir)
        return
    expected = read_tree(expected_dir) if os.path.isdir(expected_dir) else {}
    for rel in sorted(set(expected) | set(actual)):
        if rel not in actual:
            failures.append(f"{stage}/{name}: {rel} was not written")
        elif rel not in expected:
            failures.append(f"{stage}/{name}: {rel} was written but is not in {os.path.relpath(expected_dir, ROOT)}")
        elif expected[rel] != actual[rel]:
            failures.append(f"{stage}/{name}: {rel} differs from {os.path.relpath(expected_dir, ROOT)}")


def nested(n):
    return "name: deep\nparams:\n  x: " + "[" * n + "]" * n + "\n"


# (name, file bytes, expected code): inputs too large or too odd to commit.
GENERATED = [
    ("file_too_large", b"name: big\n" + b"# padding\n" * 30000, "E0110"),
    ("nesting_100000", nested(100000).encode(), "E0107"),
    ("nesting_33", nested(33).encode(), "E0107"),
    ("too_many_nodes", ("name: many\nparams:\n  x: [" + "1," * 25000 + "1]\n").encode(), "E0108"),
    ("scalar_too_long", ("name: long\ntarget: " + "a" * 5000 + "\n").encode(), "E0109"),
    ("billion_laughs", ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9))).encode(),
     "E0103"),
    ("self_alias", b"params: &a [*a]\n", "E0103"),
    ("lone_comma", b",", "E0101"),
    ("flow_garbage", b"[[:", "E0101"),
    ("brace_colon", b"{:", "E0101"),
    ("invalid_utf8", b"name: caf\xc3\n", "E0111"),
    ("utf16", "name: a\n".encode("utf-16"), "E0111"),
    ("nul_byte", b"name: a\x00b\n", "E0112"),
    ("escaped_nul", b'target: "a\\0b"\n', "E0112"),
    ("escaped_esc", b'target: "\\e[2J"\n', "E0112"),
    ("escaped_nel", b'target: "a\\Nb"\n', "E0111"),
    ("bidi", "target: \"a\u202eb\"\n".encode(), "E0112"),
    ("line_separator", "target: \"a\u2028b\"\n".encode(), "E0112"),
]


def run_generated(trigc):
    failures, produced = [], set()
    for name, data, code in GENERATED:
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(tmp, "pipelines", "hostile")
            os.makedirs(folder)
            with open(os.path.join(folder, "config.yaml"), "wb") as f:
                f.write(data)
            status, out, err = run(trigc, ["validate"], tmp)
        found = set(re.findall(r"\[([EW]\d{4})\]", err))
        produced |= found
        if status != 1 or code not in found:
            failures.append(f"generated {name}: expected exit 1 with {code}, got exit {status}:\n{err}")
        if "Traceback" in err or status < 0:
            failures.append(f"generated {name}: crashed ({status})")
    # One more pipeline than a project may have (50,000): empty configs, since the count is checked before any
    # file is read.
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(50001):
            folder = os.path.join(tmp, "pipelines", f"p{i}")
            os.makedirs(folder)
            open(os.path.join(folder, "config.yaml"), "wb").close()
        status, out, err = run(trigc, ["validate"], tmp)
    found = set(re.findall(r"\[([EW]\d{4})\]", err))
    produced |= found
    if status != 1 or "E0907" not in found or "50001 pipelines" not in err:
        failures.append(f"generated too_many_pipelines: expected exit 1 with E0907, got exit {status}:\n{err}")
    return failures, produced


# (name, config, args, expected exit, expected text): a pipeline folder whose name is not UTF-8 (Linux allows any
# bytes). JSON output must stay valid JSON, with U+FFFD for the bad byte (SARIF: a percent-encoded URI), instead
# of aborting (found by fuzz_pipeline).
NON_UTF8_FOLDER = [
    ("validate_json", b"name: ok\ntriggers: 5\n", ["validate", "--format", "json"], 1, "caf\\ufffd"),
    ("validate_sarif", b"name: ok\ntriggers: 5\n", ["validate", "--format", "sarif"], 1, "caf%E9"),
    ("explain_json", b"name: ok\ntriggers:\n  - type: schedule\n    cron: daily\n", ["explain", "ok", "--format", "json"],
     0, "caf\\ufffd"),
]


def run_non_utf8_folder(trigc):
    failures = []
    for name, config, args, expected, shown in NON_UTF8_FOLDER:
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(os.fsencode(tmp), b"pipelines", b"caf\xe9")
            os.makedirs(folder)
            with open(os.path.join(folder, b"config.yaml"), "wb") as f:
                f.write(config)
            env = dict(os.environ, NO_COLOR="1", LC_ALL="C", SOURCE_DATE_EPOCH="1767225600")
            proc = subprocess.run([trigc] + args, cwd=tmp, capture_output=True, timeout=TIMEOUT, env=env)
        try:
            text = json.dumps(json.loads(proc.stdout.decode("utf-8")))
        except ValueError as e:
            text = f"not JSON: {e}"
        if proc.returncode != expected or shown not in text:
            failures.append(f"non-UTF-8 folder {name}: exit {proc.returncode}, expected {expected} and JSON with "
                            f"{shown}:\n{text[:2000]}\n{proc.stderr.decode('utf-8', 'replace')}")
    return failures


def run_layouts(trigc, update, failures):
    """The layouts of layouts.py (symlinks, FIFOs: what the source tree cannot hold), each run with `validate` and
    compared with read/<name>.out; no output may show layouts.SECRET. Returns the codes they produced."""
    produced = set()
    for name in sorted(layouts.LAYOUTS):
        with tempfile.TemporaryDirectory() as tmp:
            repo = layouts.build(tmp, name)
            proc = subprocess.run([trigc, "validate"], cwd=repo, capture_output=True, timeout=TIMEOUT,
                                  env=layouts.environment())
        out, err = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
        actual = render(proc.returncode, out, err)
        produced |= set(re.findall(r"\[([EW]\d{4})\]", err))
        expected_path = os.path.join(HERE, "read", name + ".out")
        if layouts.SECRET in actual:
            failures.append(f"read/{name}: the output shows what lies outside the project:\n{actual}")
        if name.startswith("fail_") != (proc.returncode != 0):
            failures.append(f"read/{name}: exit {proc.returncode} (fail_* cases must exit non-zero, others zero)")
        if update:
            os.makedirs(os.path.dirname(expected_path), exist_ok=True)
            with open(expected_path, "w") as f:
                f.write(actual)
        elif not os.path.exists(expected_path) or open(expected_path).read() != actual:
            expected = open(expected_path).read() if os.path.exists(expected_path) else "(none)\n"
            failures.append(f"read/{name}: output differs\n--- expected\n{expected}--- actual\n{actual}")
    return produced


def run_locked(trigc):
    """E0916: `trigc build --no-wait` while another build holds the project's lock (held here with flock)."""
    import fcntl
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "pipelines", "a"))
        with open(os.path.join(tmp, "pipelines", "a", "config.yaml"), "w") as f:
            f.write('triggers:\n  - type: schedule\n    cron: "0 6 * * *"\n')
        os.makedirs(os.path.join(tmp, ".trigc_cache"))
        with open(os.path.join(tmp, ".trigc_cache", "lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            status, out, err = run(trigc, ["build", "--target", "crontab", "--no-wait"], tmp)
        wrote = os.path.exists(os.path.join(tmp, "generated"))
    found = set(re.findall(r"\[([EW]\d{4})\]", err))
    if status != 4 or "E0916" not in found or wrote:
        return [f"locked build: expected exit 4 with E0916 and nothing written, got exit {status}:\n{err}"], found
    return [], found


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    trigc = os.path.abspath(sys.argv[1])
    update = "--update" in sys.argv or os.environ.get("UPDATE_GOLDEN") == "1"
    failures, produced, count = [], set(), 0
    for stage, name, path in cases():
        count += 1
        with tempfile.TemporaryDirectory() as out_dir:
            code, out, err = run_case(trigc, name, path, out_dir)
            out, err = out.replace(out_dir, "{out}"), err.replace(out_dir, "{out}")
            args_file = os.path.splitext(path)[0] + ".args" if os.path.isfile(path) else path + ".args"
            if os.path.exists(args_file) and "{out}" in open(args_file).read():
                check_tree(stage, name, path, out_dir, update, failures)
        actual = render(code, out, err)
        produced |= set(re.findall(r"\[([EW]\d{4})\]", err + out))
        produced |= set(re.findall(r'"code": "([EW]\d{4})"', out))
        expected_path = expectation_of(path)
        if name.startswith("fail_") != (code != 0):
            failures.append(f"{stage}/{name}: exit {code} (fail_* cases must exit non-zero, others zero)")
        if update:
            with open(expected_path, "w") as f:
                f.write(actual)
        elif not os.path.exists(expected_path):
            failures.append(f"{stage}/{name}: no {os.path.relpath(expected_path, ROOT)} (run with --update)")
        elif open(expected_path).read() != actual:
            failures.append(f"{stage}/{name}: output differs\n--- expected\n{open(expected_path).read()}"
                            f"--- actual\n{actual}")
    produced |= run_layouts(trigc, update, failures)
    count += len(layouts.LAYOUTS)
    generated_failures, generated_codes = run_generated(trigc)
    failures += generated_failures
    failures += run_non_utf8_folder(trigc)
    locked_failures, locked_codes = run_locked(trigc)
    failures += locked_failures
    produced |= locked_codes
    produced |= generated_codes
    codes = re.findall(r"^DIAG\(([EW]\d{4}),", open(os.path.join(ROOT, "compiler/diag/codes.def")).read(), re.M)
    missing = [c for c in codes if c not in produced]
    if missing:
        failures.append("codes without a golden case producing them: " + ", ".join(missing))
    for failure in failures:
        print("FAIL " + failure)
    passed = count + len(GENERATED) - len([f for f in failures if not f.startswith("codes")])
    print(f"golden: {passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
