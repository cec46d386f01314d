#!/usr/bin/python3
"""Checks the generated prefect runtime: it compiles, pyflakes and black find nothing, its window rule is right.

Usage: check_guard.py PREFECT_OUT_DIR

PREFECT_OUT_DIR/trigc_flows/_trigc_runtime.py and every wrapper beside it must compile and pass pyflakes (the
runtime black too). The window checks run in_window() and windows_end() on instants around windows that span midnight and DST
changes; every wrapper's policy is read back (JSON) and its windows checked against the same rule.
"""
import ast
import glob
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
    spec = importlib.util.spec_from_file_location("_trigc_runtime", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def at(text):
    return datetime.datetime.fromisoformat(text).astimezone(UTC)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    failures = []
    files = sorted(glob.glob(os.path.join(sys.argv[1], "trigc_flows", "*.py")))
    runtime = os.path.join(sys.argv[1], "trigc_flows", "_trigc_runtime.py")
    if runtime not in files:
        failures.append(f"no {runtime}")
    flakes = subprocess.run(["pyflakes3", *files], capture_output=True, text=True)
    if flakes.returncode != 0:
        failures.append("pyflakes: " + flakes.stdout + flakes.stderr)
    # The wrappers hold their policy as one JSON string, double-quoted by trigc's Python escaper: black would
    # prefer single quotes there, so only the runtime is held to black.
    formatted = subprocess.run(["black", "--check", "--diff", "-q", runtime], capture_output=True, text=True)
    if formatted.returncode != 0:
        failures.append("black would reformat it:\n" + formatted.stdout + formatted.stderr)
    guard = load(runtime)
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
    ends = [
        ("2026-03-30T09:10:00+00:00", "2026-03-30T10:30:00+00:00"),  # Monday's UTC window
        ("2026-03-27T22:30:00+01:00", "2026-03-28T02:00:00+01:00"),  # Friday's window ends on Saturday
        ("2026-03-29T01:30:00+01:00", "2026-03-29T03:00:00+02:00"),  # 02:00 Berlin is skipped: 01:00 UTC
        ("2026-03-30T11:00:00+00:00", None),                          # outside every window
    ]
    for text, end in ends:
        got = guard.windows_end(at(text), windows)
        if got != (at(end) if end else None):
            failures.append(f"windows_end({text}) is {got}, should be {end}")
    # Cooldown: of two overlapping runs, only the later one counts the other (never both stand down).
    run = type("Run", (), {})
    first, second, tie = run(), run(), run()
    first.start_time, first.id = at("2026-03-30T09:00:00+00:00"), "b"
    second.start_time, second.id = at("2026-03-30T09:00:01+00:00"), "a"
    tie.start_time, tie.id = at("2026-03-30T09:00:00+00:00"), "c"
    runs = [first, second, tie]
    if guard.earlier_starts(first, runs) != []:
        failures.append("earlier_starts: the first run counts a later one")
    if guard.earlier_starts(second, runs) != [first.start_time, tie.start_time]:
        failures.append("earlier_starts: the second run does not count the earlier ones")
    if guard.earlier_starts(tie, runs) != [first.start_time]:
        failures.append("earlier_starts: runs that start together are not ordered by id")
    checked = len(cases) + len(ends) + 3
    for path in files:
        if path == runtime:
            continue
        with open(path, encoding="utf-8") as f:
            call = next(n for n in ast.walk(ast.parse(f.read())) if isinstance(n, ast.Call))
        policy = json.loads(ast.literal_eval(call.args[2]))
        for w in policy.get("windows", []):
            if set(w) != {"days", "start", "end", "timezone"} or not all(0 <= d <= 6 for d in w["days"]):
                failures.append(f"{path}: window {w}")
        guard.windows_end(datetime.datetime.now(UTC), policy.get("windows", []))
        checked += 1
    for failure in failures:
        print("FAIL " + failure)
    print(f"runtime: {checked} checks, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
