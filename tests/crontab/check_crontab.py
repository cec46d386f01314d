#!/usr/bin/env python3
"""Real-tool checks of the crontab target.

Builds each repository given as REPO:LINES for the crontab target into a temporary folder, then:
  - Debian's `crontab -n` accepts the crontab, and rejects a copy with a broken line (the check can fail);
  - the crontab has exactly LINES active job lines, and the /etc/cron.d file (when emitted) the same lines with a
    user field;
  - every run script passes `sh -n`, `bash -n` and shellcheck with no finding;
  - for every trigger, the union of its lines, evaluated with croniter (each line has at most one restricted day
    field, where croniter and cron agree), gives the same local times over a year as `trigc preview`; days on
    which the zone changes its UTC offset are left out (cron's DST rule is tested in the cron stage).

Usage: check_crontab.py TRIGC REPO:LINES...
"""
import datetime
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

from croniter import croniter
from zoneinfo import ZoneInfo

BASE = "2026-01-01T00:00:00Z"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message, file=sys.stderr)


def crontab_n(path, expect_ok=True):
    proc = subprocess.run(["crontab", "-n", path], capture_output=True, text=True)
    if expect_ok and proc.returncode != 0:
        fail("crontab -n %s: %s%s" % (path, proc.stdout, proc.stderr))
    if not expect_ok and proc.returncode == 0:
        fail("crontab -n accepted a broken crontab: the check could not fail")


def active_lines(path):
    lines = []
    zone = None
    for line in open(path).read().splitlines():
        if line.startswith("CRON_TZ="):
            zone = line.split("=", 1)[1]
        elif line and not line.startswith("#") and "=" not in line.split()[0]:
            lines.append((zone, line))
    return lines


def scripts(out):
    for f in sorted(glob.glob(os.path.join(out, "bin", "*"))):
        for cmd in (["sh", "-n", f], ["bash", "-n", f], ["shellcheck", f]):
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0 or proc.stdout.strip() or proc.stderr.strip():
                fail("%s %s: %s%s" % (cmd[0], f, proc.stdout, proc.stderr))


def offset_change_days(zone, start, end):
    days = set()
    t = start
    while t < end:
        a, b = t.astimezone(zone).utcoffset(), (t + datetime.timedelta(hours=1)).astimezone(zone).utcoffset()
        if a != b:
            days.add(t.astimezone(zone).date())
            days.add((t + datetime.timedelta(hours=1)).astimezone(zone).date())
        t += datetime.timedelta(hours=1)
    return days


def semantics(trigc, repo, lines):
    by_trigger = {}
    for zone, line in lines:
        fields = line.split()
        pipeline = os.path.basename(fields[5]).replace("run-", "", 1)
        by_trigger.setdefault((pipeline, fields[6], zone), []).append(" ".join(fields[:5]))
    checked = 0
    for (pipeline, trigger, zone_name), crons in sorted(by_trigger.items()):
        if zone_name is None:
            continue  # Debian lines: a guard in the script decides (the golden case pins it)
        zone = ZoneInfo(zone_name)
        start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
        end = start + datetime.timedelta(days=365)
        skip = offset_change_days(zone, start, end)
        local_start = start.astimezone(zone).replace(tzinfo=None)
        local_end = end.astimezone(zone).replace(tzinfo=None)
        got = set()
        for c in crons:
            it = croniter(c, local_start)
            while True:
                t = it.get_next(datetime.datetime)
                if t >= local_end:
                    break
                got.add(t)
        proc = subprocess.run([trigc, "preview", pipeline, "--repo", repo, "--format", "json", "--from", BASE, "-n",
                               "10000"], capture_output=True, text=True)
        runs = [s for s in json.loads(proc.stdout)["schedules"] if s["trigger"] == trigger][0]["runs"]
        expected = {datetime.datetime.fromisoformat(r["local"]).replace(tzinfo=None) for r in runs}
        expected = {t for t in expected if local_start < t < local_end and t.date() not in skip}
        got = {t for t in got if t.date() not in skip}
        if got != expected:
            fail("%s %s %s: cron lines %s give %d times, trigc %d; only cron: %s; only trigc: %s" % (
                pipeline, trigger, zone_name, crons, len(got), len(expected), sorted(got - expected)[:3],
                sorted(expected - got)[:3]))
        checked += 1
    return checked


def main():
    trigc = sys.argv[1]
    checked = 0
    for arg in sys.argv[2:]:
        repo, count = arg.rsplit(":", 1)
        with tempfile.TemporaryDirectory() as work:
            env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
            proc = subprocess.run([trigc, "build", repo, "--target", "crontab", "--out", work], capture_output=True,
                                  text=True, env=env)
            if proc.returncode != 0:
                fail("%s: trigc build failed: %s" % (repo, proc.stderr))
                continue
            out = os.path.join(work, "crontab")
            crontab = os.path.join(out, "crontab")
            crontab_n(crontab)
            broken = os.path.join(work, "broken")
            open(broken, "w").write(open(crontab).read() + "61 * * * * /bin/true\n")
            crontab_n(broken, expect_ok=False)
            lines = active_lines(crontab)
            if len(lines) != int(count):
                fail("%s: %d active crontab lines, expected %s" % (repo, len(lines), count))
            cron_d = os.path.join(out, "cron.d", "trigc")
            if os.path.exists(cron_d):
                user_lines = active_lines(cron_d)
                stripped = [(z, " ".join(l.split()[:5] + l.split()[6:])) for z, l in user_lines]
                if stripped != lines or not re.fullmatch(r"[A-Za-z0-9_-]+", os.path.basename(cron_d)):
                    fail("%s: the cron.d file does not hold the crontab's lines with a user field" % repo)
            scripts(out)
            checked += semantics(trigc, repo, lines)
    print("crontab: %d triggers compared with croniter, %d failures" % (checked, len(failures)))
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
