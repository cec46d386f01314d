#!/usr/bin/python3
"""Checks the Airflow DAG files trigc writes with the real tools.

1. Every .py file of examples/ratatouille/generated/airflow and tests/golden/build_airflow/*.tree compiles
   (python3 -m py_compile), has no pyflakes3 finding and is unchanged by `black --check`; both Airflow 2 and
   Airflow 3 files must be among them.
2. Their structure (ast): every DAG has an explicit timetable (CronTriggerTimetable with timezone=, or an S3
   poll's DeltaTriggerTimetable) or none, S3 polls run one at a time (max_active_runs=1), no f-string, no
   Jinja marker in a constant, every cron is valid for croniter (what Airflow evaluates crons with).
   The run-time behaviour is checked by the conformance suite (tests/conformance/airflow).
3. A project with hostile params and keys is built for Airflow 2 and 3: the files pass the same tools, and the
   conf of each launch evaluates back to exactly the params written in the config.

Usage: check_dags.py TRIGC ROOT
"""
import ast
import glob
import json
import os
import subprocess
import sys
import tempfile

from croniter import croniter

# py_compile writes its .pyc files here, not beside the checked files.
ENV = dict(os.environ, PYTHONPYCACHEPREFIX=tempfile.mkdtemp(prefix="trigc-pycache-"))
HOSTILE = {
    "quote": 'a"b\'c',
    "backslash": "trailing\\",
    "triple": '"""; import os; """',
    "newline": "line1\nline2\n",
    "unicode": "caf\u00e9 \U0001f600 \u2603",
    "format": "{0.__class__} %s {x}",
    "keys \"quoted\"": [1, 2.5, True, None, {"deep": "x\ty"}],
}


def fail(failures, message):
    failures.append(message)


def tools(paths, failures):
    for path in paths:
        r = subprocess.run([sys.executable, "-m", "py_compile", path], capture_output=True, text=True, env=ENV)
        if r.returncode != 0:
            fail(failures, f"py_compile {path}: {r.stderr.strip()}")
    if not paths:
        return
    r = subprocess.run(["pyflakes3"] + paths, capture_output=True, text=True)
    if r.returncode != 0 or r.stdout.strip():
        fail(failures, f"pyflakes3: {r.stdout}{r.stderr}")
    r = subprocess.run(["black", "--check", "--diff", "-q"] + paths, capture_output=True, text=True)
    if r.returncode != 0:
        fail(failures, f"black --check: {r.stdout[:3000]}{r.stderr}")


def calls(tree, name):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if called == name:
                yield node


def keywords(call):
    return {k.arg: k.value for k in call.keywords}


def structure(path, failures):
    tree = ast.parse(open(path, encoding="ascii").read(), path)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            fail(failures, f"{path}: f-string at line {node.lineno}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if any(m in node.value for m in ("{{", "{%", "{#")):
                fail(failures, f"{path}: Jinja marker in a constant at line {node.lineno}")
    dags = list(calls(tree, "DAG"))
    if not dags:
        fail(failures, f"{path}: no DAG")
    for dag in dags:
        kw = keywords(dag)
        schedule = kw.get("schedule")
        if isinstance(schedule, ast.Constant) and schedule.value is None:
            continue
        if isinstance(schedule, ast.Call) and getattr(schedule.func, "id", "") == "DeltaTriggerTimetable":
            if "max_active_runs" not in kw or ast.literal_eval(kw["max_active_runs"]) != 1:
                fail(failures, f"{path}:{dag.lineno}: an S3 poll without max_active_runs=1")
            continue
        if not (isinstance(schedule, ast.Call) and getattr(schedule.func, "id", "") == "CronTriggerTimetable"):
            fail(failures, f"{path}:{dag.lineno}: schedule is neither None nor CronTriggerTimetable")
            continue
        if "timezone" not in keywords(schedule):
            fail(failures, f"{path}:{dag.lineno}: CronTriggerTimetable without timezone=")
        cron = ast.literal_eval(schedule.args[0])
        if not croniter.is_valid(cron):
            fail(failures, f"{path}:{dag.lineno}: croniter rejects {cron!r}")
        # Airflow 3 controllers without catch-up have no start_date: it would run the latest past tick at once.
        for key in ("catchup", "is_paused_upon_creation"):
            if key not in kw:
                fail(failures, f"{path}:{dag.lineno}: DAG without {key}=")
    return open(path).read()


def launches(path):
    tree = ast.parse(open(path).read())
    for op in calls(tree, "TriggerDagRunOperator"):
        kw = keywords(op)
        if "conf" in kw:
            yield ast.literal_eval(kw["conf"])


def hostile_build(trigc, version, failures):
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "pipelines", "hostile"))
        with open(os.path.join(tmp, "trigc.yaml"), "w") as f:
            f.write(f"version: 1\ntargets:\n  airflow:\n    out: dags\n    version: {version}\n")
        with open(os.path.join(tmp, "pipelines", "hostile", "config.yaml"), "w") as f:
            # JSON is YAML: the params are written exactly as Python holds them.
            f.write("triggers:\n  - type: schedule\n    cron: '0 6 * * *'\n")
            f.write("params: " + json.dumps(HOSTILE, ensure_ascii=False) + "\n")
        r = subprocess.run([trigc, "build", tmp], capture_output=True, text=True)
        if r.returncode != 0:
            fail(failures, f"hostile build for Airflow {version}: {r.stderr}")
            return
        paths = sorted(glob.glob(os.path.join(tmp, "dags", "*.py")))
        tools(paths, failures)
        confs = [c for p in paths for c in launches(p)]
        expected = dict(HOSTILE, trigger="schedule")  # the trigger's name rides along (rule 7)
        if not confs or any(c != expected for c in confs):
            fail(failures, f"hostile build for Airflow {version}: conf does not round-trip: {confs!r}")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    trigc, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    failures = []
    paths = sorted(glob.glob(os.path.join(root, "examples/ratatouille/generated/airflow/*.py")))
    paths += sorted(glob.glob(os.path.join(root, "tests/golden/build_airflow/*.tree/**/*.py"), recursive=True))
    plugins = sorted(glob.glob(os.path.join(root, "examples/ratatouille/generated/airflow/plugins/*.py")))
    plugins += sorted(glob.glob(os.path.join(root, "tests/golden/build_airflow/*.tree/**/plugins/*.py"), recursive=True))
    paths = [p for p in paths if p not in plugins]
    if not plugins:
        fail(failures, "no dependency plugin among the checked files")
    tools(paths + plugins, failures)
    texts = [structure(p, failures) for p in paths]
    if not any("from airflow import DAG" in t for t in texts):
        fail(failures, "no Airflow 2 DAG file among the checked files")
    if not any("from airflow.sdk import DAG" in t for t in texts):
        fail(failures, "no Airflow 3 DAG file among the checked files")
    for version in (2, 3):
        hostile_build(trigc, version, failures)
    for failure in failures:
        print("FAIL " + failure)
    print(f"airflow: {len(paths)} DAG files and {len(plugins)} plugins checked, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
