#!/usr/bin/env python3
"""A schedule with both day fields restricted ("0 6 13 * 5") becomes two crontab lines; on a day that matches both
(Friday the 13th) cron starts both in the same minute, and the run script must run once. This test builds such a
project, picks the generated crontab's lines that cron would start at a given minute (croniter's match: each line
has one `*` day field, so croniter and cron agree), and really executes their commands at that minute under
faketime, with a runner that records its runs.

Usage: check_day_or.py TRIGC
"""
import os
import shlex
import subprocess
import sys
import tempfile

from croniter import croniter
import datetime

failures = []


def expect(what, ok):
    if not ok:
        failures.append(what)
        print("FAIL " + what, file=sys.stderr)


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)


def job_lines(crontab):
    """(fields, command) of each active job line."""
    out = []
    for line in open(crontab).read().splitlines():
        if not line or line.startswith("#") or "=" in line.split()[0]:
            continue
        words = line.split(None, 5)
        out.append((" ".join(words[:5]), words[5]))
    return out


def start_minute(lines, when, state, together):
    """Runs the commands of the lines due at `when` (UTC) at that minute; returns how many were due."""
    due = [command for fields, command in lines if croniter.match(fields, when)]
    env = dict(os.environ, TRIGC_STATE_DIR=state, TZ="UTC")
    fake = ["faketime", when.strftime("%Y-%m-%d %H:%M:%S")]
    procs = []
    for command in due:
        proc = subprocess.Popen(fake + shlex.split(command), env=env)
        if not together:
            proc.wait()
        procs.append(proc)
    for proc in procs:
        expect(f"{command} exits 0 at {when}", proc.wait() == 0)
    return len(due)


def runs(log):
    return open(log).read().splitlines() if os.path.exists(log) else []


def main():
    trigc = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        repo, out, state, log = work + "/repo", work + "/out", work + "/state", work + "/runs.log"
        bin_dir = out + "/crontab/bin"
        write(work + "/runner", f"#!/bin/sh\necho \"$1 $(date -u +%FT%TZ)\" >>{shlex.quote(log)}\n", 0o755)
        write(repo + "/trigc.yaml", f"""version: 1
targets:
  crontab:
    runner: "{work}/runner {{name}}"
    script_dir: {bin_dir}
""")
        write(repo + "/pipelines/main/config.yaml", """name: main
triggers:
  - type: schedule
    name: thirteenth_or_friday
    cron: "0 6 13 * 5"
    timezone: UTC
""")
        build = subprocess.run([trigc, "build", repo, "--out", out, "--target", "crontab"], capture_output=True,
                               text=True)
        expect("trigc build exits 0: " + build.stderr, build.returncode == 0)
        lines = job_lines(out + "/crontab/crontab")
        expect(f"two crontab lines for the day OR: {lines}", len(lines) == 2)

        utc = datetime.timezone.utc
        cases = [  # (minute, lines due, runs expected in total afterwards, both started at once)
            (datetime.datetime(2026, 2, 13, 6, 0, 2, tzinfo=utc), 2, 1, True),  # Friday the 13th
            (datetime.datetime(2026, 2, 20, 6, 0, 2, tzinfo=utc), 1, 2, True),  # a Friday only
            (datetime.datetime(2026, 1, 13, 6, 0, 2, tzinfo=utc), 1, 3, True),  # a 13th only (Tuesday)
            (datetime.datetime(2026, 3, 13, 6, 0, 2, tzinfo=utc), 2, 4, False),  # next Friday the 13th, in turn
            (datetime.datetime(2026, 3, 13, 6, 0, 40, tzinfo=utc), 2, 4, False),  # the same minute again
            (datetime.datetime(2026, 3, 14, 6, 0, 2, tzinfo=utc), 0, 4, False),  # neither
        ]
        for when, due, total, together in cases:
            started = start_minute(lines, when, state, together)
            expect(f"{due} line(s) due at {when}, got {started}", started == due)
            got = runs(log)
            expect(f"{total} run(s) in total after {when}, got {got}", len(got) == total)
        expect("each run was at its own minute", len(set(r[:-4] for r in runs(log))) == len(runs(log)))
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("day-OR crontab lines run once per minute")
    return 0


if __name__ == "__main__":
    sys.exit(main())
