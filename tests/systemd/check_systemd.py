#!/usr/bin/env python3
"""Real-tool checks of the systemd target.

Builds each repository given (the bundled example and the golden all_keys case) for the systemd target into a
temporary folder, with `script_dir` pointed at the generated scripts so that ExecStart= binaries exist, then:
  - `systemd-analyze verify` on every unit must exit 0 with EMPTY stderr (it exits 0 on unknown keys);
  - a copy of one unit with an unknown key must make verify print something (the check can fail);
  - every run script passes `sh -n`, `bash -n` and shellcheck with no finding;
  - for every timer, the union of `systemd-analyze calendar` over its OnCalendar= lines gives exactly the instants
    of `trigc preview --target systemd` for one year from several base times.

Usage: check_systemd.py TRIGC REPO...
"""
import concurrent.futures
import datetime
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BASES = ["2026-01-01T00:00:00Z", "2026-03-07T12:00:00Z", "2026-10-20T08:30:00Z", "2027-06-15T23:59:00Z"]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message, file=sys.stderr)


def build(trigc, repo, work):
    copy = os.path.join(work, "repo")
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns("generated"))
    out = os.path.join(work, "out")
    bin_dir = os.path.join(out, "systemd", "bin")
    project = os.path.join(copy, "trigc.yaml")
    text = open(project).read()
    text = re.sub(r"(\n  systemd:\n(?:    .*\n)*?)    script_dir: .*\n", r"\1", text)
    text = text.replace("\n  systemd:\n", "\n  systemd:\n    script_dir: %s\n" % bin_dir, 1)
    open(project, "w").write(text)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    proc = subprocess.run([trigc, "build", copy, "--target", "systemd", "--out", out], capture_output=True,
                          text=True, env=env)
    if proc.returncode != 0:
        fail("%s: trigc build failed: %s" % (repo, proc.stderr))
    return copy, os.path.join(out, "systemd")


def verify(units_dir):
    units = sorted(glob.glob(os.path.join(units_dir, "*")))
    proc = subprocess.run(["systemd-analyze", "verify"] + units, capture_output=True, text=True)
    if proc.returncode != 0 or proc.stderr.strip():
        fail("systemd-analyze verify (rc %d): %s" % (proc.returncode, proc.stderr))
    return units


def verify_can_fail(units_dir, work):
    service = sorted(glob.glob(os.path.join(units_dir, "*.service")))[0]
    broken_dir = os.path.join(work, "broken")
    os.makedirs(broken_dir, exist_ok=True)
    broken = os.path.join(broken_dir, os.path.basename(service))
    open(broken, "w").write(open(service).read().replace("Type=oneshot", "Type=oneshot\nPersistant=true"))
    proc = subprocess.run(["systemd-analyze", "verify", broken], capture_output=True, text=True)
    if not proc.stderr.strip():
        fail("systemd-analyze verify printed nothing for an unknown key: the check could not fail")


def scripts(out):
    files = sorted(glob.glob(os.path.join(out, "bin", "*"))) + [os.path.join(out, "install.sh")]
    for f in files:
        for cmd in (["sh", "-n", f], ["bash", "-n", f], ["shellcheck", f]):
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0 or proc.stdout.strip() or proc.stderr.strip():
                fail("%s %s: %s%s" % (cmd[0], f, proc.stdout, proc.stderr))


def parse_time(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)


def systemd_instants(expressions, base, count):
    out = set()
    base_text = base.strftime("%Y-%m-%d %H:%M:%S UTC")
    for expression in expressions:
        proc = subprocess.run(["systemd-analyze", "calendar", "--iterations=%d" % count, "--base-time=" + base_text,
                               expression], capture_output=True, text=True, env=dict(os.environ, TZ="UTC"))
        if proc.returncode != 0:
            fail("systemd-analyze calendar %r: %s" % (expression, proc.stderr))
            continue
        for m in re.finditer(r"(?:Next elapse|Iter\. #\d+): \w+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC", proc.stdout):
            out.add(datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S").replace(
                tzinfo=datetime.timezone.utc))
    return out


def compare(trigc, repo, timer, expressions, pipeline, trigger, base_text):
    base = parse_time(base_text)
    end = base + datetime.timedelta(days=366)
    proc = subprocess.run([trigc, "preview", pipeline, "--repo", repo, "--target", "systemd", "--format", "json",
                           "--from", base_text, "-n", "10000"], capture_output=True, text=True)
    found = [s for s in json.loads(proc.stdout)["schedules"] if s["trigger"] == trigger]
    if not found:
        print("note: %s is not previewed (a disabled trigger or pipeline); not compared" % trigger)
        return 0
    expected = {parse_time(r["utc"]) for r in found[0]["runs"]}
    expected = {t for t in expected if t < end}
    got = {t for t in systemd_instants(expressions, base, len(expected) + 1) if t < end}
    if got != expected:
        fail("%s: %s from %s: systemd %d instants, trigc %d; only systemd: %s; only trigc: %s" % (
            os.path.basename(timer), expressions, base_text, len(got), len(expected), sorted(got - expected)[:3],
            sorted(expected - got)[:3]))
    return 1


def calendars(trigc, repo, out):
    jobs = []
    for timer in sorted(glob.glob(os.path.join(out, "units", "*.timer"))):
        text = open(timer).read()
        expressions = re.findall(r"^OnCalendar=(.*)$", text, re.M)
        if not expressions:
            continue
        m = re.search(r"^Description=.* pipeline (\S+) \(trigger (\S+)\)$", text, re.M)
        for base_text in BASES:
            jobs.append((trigc, repo, timer, expressions, m.group(1), m.group(2), base_text))
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return sum(pool.map(lambda job: compare(*job), jobs))


def main():
    trigc, repos = sys.argv[1], sys.argv[2:]
    total = 0
    for repo in repos:
        with tempfile.TemporaryDirectory() as work:
            copy, out = build(trigc, repo, work)
            verify(os.path.join(out, "units"))
            verify_can_fail(os.path.join(out, "units"), work)
            scripts(out)
            total += calendars(trigc, copy, out)
    print("systemd: %d timer/base-time comparisons, %d failures" % (total, len(failures)))
    return 1 if failures or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
