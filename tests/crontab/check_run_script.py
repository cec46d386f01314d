#!/usr/bin/env python3
"""Runs generated run scripts (shared by the crontab and systemd targets) with harmless runner commands and checks
what they do: the runner's words and environment, pause and `check`, maintenance windows, cooldown, the flock
slots of max_concurrent, retries, the Debian zone guard and the start of dependent pipelines.

Usage: check_run_script.py TRIGC
"""
import datetime
import os
import subprocess
import sys
import tempfile
import time

failures = []


def expect(what, ok):
    if not ok:
        failures.append(what)
        print("FAIL " + what, file=sys.stderr)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(text)


def main():
    trigc = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        repo, out, state = work + "/repo", work + "/out", work + "/state"
        bin_dir = out + "/crontab/bin"
        later = (datetime.datetime.now(datetime.timezone.utc).month + 5) % 12 + 1  # a month that is not now
        write(repo + "/trigc.yaml", f"""version: 1
targets:
  crontab:
    runner: "printenv TRIGC_PARAMS"
    flavor: debian
    system_timezone: UTC
    script_dir: {bin_dir}
""")
        write(repo + "/pipelines/main/config.yaml", f"""name: main
triggers:
  - type: schedule
    name: now
    cron: "* * * * *"
    timezone: UTC
    params: {{quote: "it's $HOME"}}
  - type: schedule
    name: never_now
    cron: "0 0 1 {later} *"
    timezone: Asia/Tokyo
  - type: schedule
    name: paused
    enabled: false
    cron: "0 0 * * *"
    timezone: UTC
  - type: schedule
    name: cooled
    cron: "0 0 * * *"
    timezone: UTC
    cooldown_seconds: 3600
  - type: schedule
    name: single
    cron: "0 0 * * *"
    timezone: UTC
    max_concurrent: 1
""")
        write(repo + "/pipelines/flaky/config.yaml", """name: flaky
triggers:
  - type: schedule
    cron: "0 0 * * *"
retries:
  attempts: 2
  backoff_seconds: 1
  backoff: exponential
targets:
  crontab:
    runner: "false"
""")
        write(repo + "/pipelines/closed/config.yaml", """name: closed
triggers:
  - type: schedule
    cron: "0 0 * * *"
maintenance_windows:
  - days: [monday, tuesday, wednesday, thursday, friday, saturday, sunday]
    start: "00:00"
    end: "12:00"
  - days: [monday, tuesday, wednesday, thursday, friday, saturday, sunday]
    start: "12:00"
    end: "00:00"
""")
        write(repo + "/pipelines/after/config.yaml", f"""name: after
triggers:
  - type: dependency
    upstream: main
targets:
  crontab:
    runner: "touch {work}/after-ran"
""")
        proc = subprocess.run([trigc, "build", repo, "--target", "crontab", "--out", out], capture_output=True,
                              text=True)
        expect("build: " + proc.stderr, proc.returncode == 0)
        env = dict(os.environ, TRIGC_STATE_DIR=state)

        def run(pipeline, *args):
            return subprocess.run([bin_dir + "/run-" + pipeline] + list(args), capture_output=True, text=True,
                                  env=env, timeout=60)

        r = run("main", "now")
        expect("runner output %r" % r.stdout, r.returncode == 0 and r.stdout == '{"quote":"it\'s $HOME"}\n')
        for _ in range(50):
            if os.path.exists(work + "/after-ran"):
                break
            time.sleep(0.1)
        expect("the dependent pipeline started", os.path.exists(work + "/after-ran"))
        r = run("main", "never_now")
        expect("zone guard outside the schedule runs nothing", r.returncode == 0 and r.stdout == "")
        r = run("main", "paused")
        expect("paused trigger skipped", r.returncode == 0 and "paused" in r.stderr and r.stdout == "")
        expect("check of a paused trigger exits 1", run("main", "check", "paused").returncode == 1)
        expect("check of an active trigger exits 0", run("main", "check", "now").returncode == 0)
        r = run("main", "cooled")
        expect("cooldown after the last start: %r" % r.stderr, "cooldown" in r.stderr and r.stdout == "")
        os.remove(state + "/main.last")
        holder = subprocess.Popen(["flock", state + "/main.lock.1", "sleep", "5"])
        time.sleep(0.5)
        r = run("main", "single")
        holder.kill()
        expect("max_concurrent 1 with the slot held: %r" % r.stderr, "in progress" in r.stderr and r.stdout == "")
        start = time.time()
        r = run("flaky", "schedule")
        expect("retries: status %d, %r" % (r.returncode, r.stderr),
               r.returncode == 1 and r.stderr.count("retry") == 2 and time.time() - start >= 3)
        r = run("closed", "schedule")
        expect("maintenance window: %r" % r.stderr, "maintenance window" in r.stderr and r.returncode == 0)
        expect("check inside a window exits 1", run("closed", "check", "schedule").returncode == 1)
        expect("unknown trigger is a usage error", run("main", "nope").returncode == 2)
    print("run script: %d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
