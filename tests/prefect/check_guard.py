#!/usr/bin/python3
"""Checks a generated trigc_guard.py: it compiles, pyflakes and black find nothing, and its window rule is right.

Usage: check_guard.py GUARD_PY [PREFECT_YAML]

The window checks run in_window() on instants around windows that span midnight and DST changes; with
PREFECT_YAML, every TRIGC_MAINTENANCE_WINDOWS value in it is loaded and checked against the same rule.
"""
import datetime
import importlib.util
import json
import os
import py_compile
import subprocess
import sys
import tempfile

import yaml

UTC = datetime.timezone.utc


def load(path):
    sys.dont_write_bytecode = True  # the guard lives in a golden tree, which must stay as trigc wrote it
    with tempfile.TemporaryDirectory() as tmp:
        py_compile.compile(path, cfile=os.path.join(tmp, "guard.pyc"), doraise=True)
    spec = importlib.util.spec_from_file_location("trigc_guard", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def at(text):
    return datetime.datetime.fromisoformat(text).astimezone(UTC)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    failures = []
    flakes = subprocess.run(["pyflakes3", sys.argv[1]], capture_output=True, text=True)
    if flakes.returncode != 0:
        failures.append("pyflakes: " + flakes.stdout + flakes.stderr)
    formatted = subprocess.run(["black", "--check", "--diff", "-q", sys.argv[1]], capture_output=True, text=True)
    if formatted.returncode != 0:
        failures.append("black would reformat it:\n" + formatted.stdout + formatted.stderr)
    guard = load(sys.argv[1])
    # Friday and Saturday 22:00-02:00 Berlin time (spans midnight); Monday 09:00-10:30 UTC.
    windows = [{"days": [4, 5], "start": 1320, "end": 120, "timezone": "Europe/Berlin"},
               {"days": [0], "start": 540, "end": 630, "timezone": "UTC"}]
    cases = [
        ("2026-03-27T22:00:00+01:00", True),   # Friday 22:00 Berlin: opens
        ("2026-03-27T21:59:00+01:00", False),  # one minute before
        ("2026-03-28T01:59:00+01:00", True),   # Saturday 01:59: still Friday's window
        ("2026-03-28T02:00:00+01:00", False),  # closes
        ("2026-03-29T01:30:00+01:00", True),   # Sunday 01:30: Saturday's window (DST starts at 02:00)
        ("2026-03-29T03:00:00+02:00", False),  # after the skipped hour
        ("2026-03-30T00:30:00+02:00", False),  # Monday 00:30: Sunday has no window
        ("2026-03-30T09:00:00+00:00", True),   # Monday 09:00 UTC
        ("2026-03-30T10:30:00+00:00", False),  # end is exclusive
        ("2026-03-31T09:15:00+00:00", False),  # Tuesday
    ]
    for text, inside in cases:
        if guard.in_window(at(text), windows) != inside:
            failures.append(f"in_window({text}) should be {inside}")
    os.environ["TRIGC_MAINTENANCE_WINDOWS"] = json.dumps(windows)
    os.environ.pop("TRIGC_COOLDOWN_SECONDS", None)
    if guard.skip_reason(at("2026-03-30T09:10:00+00:00")) is None:
        failures.append("skip_reason inside a window is None")
    if guard.skip_reason(at("2026-03-30T11:00:00+00:00")) is not None:
        failures.append("skip_reason outside every window is not None")
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for d in doc["deployments"]:
            env = d["work_pool"].get("job_variables", {}).get("env", {})
            if "TRIGC_MAINTENANCE_WINDOWS" in env:
                guard.in_window(datetime.datetime.now(UTC), json.loads(env["TRIGC_MAINTENANCE_WINDOWS"]))
    for failure in failures:
        print("FAIL " + failure)
    print(f"guard: {len(cases) + 2} checks, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
