#!/usr/bin/python3
"""Checks the generated MinIO script with real tools and a recording `mc` stand-in (bin/mc).

1. trigc builds tests/golden/build_minio/all_triggers for the minio target;
2. `bash -n` and shellcheck (no findings) judge the script, and the example's committed script;
3. the script runs against bin/mc three times: a first run, a second run (nothing re-added, no restart) and
   `--remove`; each run's recorded argv (one argument per line) must equal runs/<run>.golden, and the hostile
   prefixes and suffixes of the config must reach mc byte for byte;
4. failures: MC_HOST_<alias> unset, a token variable unset, a bad argument: exit non-zero with a clear message
   and no change on the server.

Usage: script_test.py TRIGC [--update]   (or UPDATE_GOLDEN=1) rewrites runs/*.golden; review the diff.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROJECT = os.path.join(ROOT, "tests", "golden", "build_minio", "all_triggers")
EXAMPLE = os.path.join(ROOT, "examples", "ratatouille", "generated", "minio", "myminio.sh")
HOSTILE = ["it's 100% $(touch pwned) `id` \"q\" ${HOME}/", " a b;c|d&e*.csv", "$(reboot)/'x'/%41/`id`", ";rm -rf"]
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def build(trigc, out):
    proc = subprocess.run([trigc, "build", PROJECT, "--target", "minio", "--out", out], capture_output=True,
                          text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1767225600"))
    if proc.returncode != 0:
        sys.exit("trigc build failed:\n" + proc.stderr)
    return os.path.join(out, "minio", "my-minio.sh")


def lint(script):
    for cmd in (["bash", "-n", script], ["shellcheck", "--norc", "--severity=style", script]):
        proc = subprocess.run(cmd, capture_output=True, text=True)
        check(proc.returncode == 0 and proc.stdout == "", f"{' '.join(cmd)}:\n{proc.stdout}{proc.stderr}")


def run(script, work, args=(), drop=()):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MC_", "TRIGC_"))}
    env.update({"PATH": os.path.join(HERE, "bin") + os.pathsep + env.get("PATH", "/usr/bin:/bin"),
                "MC_LOG": os.path.join(work, "log"), "MC_STATE": os.path.join(work, "state.json"),
                "MC_HOST_my-minio": "https://access:s%40cret@minio.example:9000", "LC_ALL": "C",
                "SALES_WEBHOOK_SECRET": "sales token", "WEIRD_SECRET": "we'ird $(x) %s",
                "SALES_CSV_DROP_WEBHOOK_SECRET": "t1", "SALES_S3_SENSOR_2_WEBHOOK_SECRET": "t2",
                "SALES_ORDERS_WEBHOOK_SECRET": "t3", "HOSTILE_DOLLAR_WEBHOOK_SECRET": "t4",
                "OFF_ON_DROP_WEBHOOK_SECRET": "t5"})
    for name in drop:
        env.pop(name, None)
    if os.path.exists(env["MC_LOG"]):
        os.remove(env["MC_LOG"])
    proc = subprocess.run(["bash", script, *args], capture_output=True, text=True, env=env, cwd=work)
    log = open(env["MC_LOG"], encoding="utf-8").read() if os.path.exists(env["MC_LOG"]) else ""
    return proc, log


def state(work):
    path = os.path.join(work, "state.json")
    if not os.path.exists(path):
        return {"config": None, "rules": {}, "restarts": 0}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def compare(name, text, update):
    path = os.path.join(HERE, "runs", name + ".golden")
    if update:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    elif not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
        failures.append(f"{name}: recorded mc calls differ from {os.path.relpath(path, ROOT)}:\n{text}")


def runs(script, work, update):
    first, log = run(script, work)
    check(first.returncode == 0, f"first run failed:\n{first.stderr}")
    compare("first_run", log, update)
    for value in HOSTILE:
        check(f"[{value}]" in log, f"first run: {value!r} did not reach mc unchanged")
    check(state(work)["restarts"] == 1, "first run: expected exactly one restart")
    second, log = run(script, work)
    check(second.returncode == 0, f"second run failed:\n{second.stderr}")
    compare("second_run", log, update)
    check("[add]" not in log and "[set]" not in log and "[restart]" not in log,
          "second run: something was re-added, re-set or restarted")
    removed, log = run(script, work, ["--remove"])
    check(removed.returncode == 0, f"--remove failed:\n{removed.stderr}")
    compare("remove", log, update)
    after = state(work)
    check(after["config"] == {} and all(not rules for rules in after["rules"].values()),
          f"--remove left something behind: {after}")
    check(after["restarts"] == 2, "--remove: expected exactly one more restart")


def refusals(script, work):
    proc, log = run(script, work, drop=["MC_HOST_my-minio"])
    check(proc.returncode == 1 and "MC_HOST_my-minio is not set" in proc.stderr and log == "",
          f"unset MC_HOST_: exit {proc.returncode}, {proc.stderr!r}, calls {log!r}")
    proc, log = run(script, work, drop=["WEIRD_SECRET"])
    check(proc.returncode == 1 and "environment variable WEIRD_SECRET is not set" in proc.stderr and log == "",
          f"unset token: exit {proc.returncode}, {proc.stderr!r}, calls {log!r}")
    proc, log = run(script, work, ["--bogus"])
    check(proc.returncode == 2 and "usage:" in proc.stderr and log == "", f"bad argument: exit {proc.returncode}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    update = "--update" in sys.argv or os.environ.get("UPDATE_GOLDEN") == "1"
    with tempfile.TemporaryDirectory() as tmp:
        script = build(os.path.abspath(sys.argv[1]), os.path.join(tmp, "out"))
        lint(script)
        if os.path.exists(EXAMPLE):
            lint(EXAMPLE)
        work = os.path.join(tmp, "work")
        os.makedirs(work)
        refusals(script, work)
        runs(script, work, update)
    for failure in failures:
        print("FAIL " + failure)
    print(f"minio script: {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
