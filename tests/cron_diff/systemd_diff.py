#!/usr/bin/python3
"""Differential test: trigc's Dialect::kSystemd against `systemd-analyze calendar`.

Generates cron expressions deterministically (seeded) whose day fields are not both restricted (a
single OnCalendar= expresses them: systemd ANDs weekday and date), writes each as an OnCalendar=
spec with the zone as suffix, and compares systemd's next elapses with trigc's runs in the systemd
dialect, from start instants just before the DST transitions of America/New_York, Europe/London
and Australia/Lord_Howe. Any difference fails the test.

Usage: /usr/bin/python3 systemd_diff.py --runner PATH [--expressions N]
Exit codes: 0 identical, 1 differences, 77 systemd-analyze missing.
"""

import argparse
import concurrent.futures
import datetime
import os
import random
import re
import shutil
import subprocess
import sys

SEED = 20261125
EXPRESSIONS = 150
RUNS = 20
ZONES = {
    "America/New_York": [1772942400, 1793448000],     # 2026-03-08T04:00Z, 2026-11-01T04:00Z
    "Europe/London": [1774735200, 1792886400],        # 2026-03-28T22:00Z, 2026-10-24T22:00Z
    "Australia/Lord_Howe": [1775307600, 1790985600],  # 2026-04-04T13:00Z, 2026-10-02T22:00Z
}
DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
LIMITS = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 6)]


def field_values(rng, i):
    lo, hi = LIMITS[i]
    if i in (0, 1) and rng.random() < 0.5:
        hi = min(hi, 3) if i == 1 else hi  # hours near the transitions
    form = rng.choice(["star", "value", "list", "range", "step"])
    if form == "star" or (i in (2, 3, 4) and rng.random() < 0.6):
        return "*", None
    if form == "value":
        v = rng.randint(lo, hi)
        return str(v), [v]
    if form == "list":
        values = sorted({rng.randint(lo, hi) for _ in range(rng.randint(2, 4))})
        return ",".join(map(str, values)), values
    if form == "range":
        a = rng.randint(lo, hi)
        b = rng.randint(a, hi)
        return f"{a}-{b}", list(range(a, b + 1))
    step = rng.randint(2, max(2, (LIMITS[i][1] - LIMITS[i][0]) // 3))
    return f"*/{step}", list(range(LIMITS[i][0], LIMITS[i][1] + 1, step))


def generate(count):
    rng = random.Random(SEED)
    out = []
    while len(out) < count:
        fields = [field_values(rng, i) for i in range(5)]
        if fields[2][1] is not None and fields[4][1] is not None:
            continue  # both day fields restricted: cron ORs them, one OnCalendar= cannot
        if fields[2][1] is not None and max(fields[2][1]) > 28:
            continue  # keep every case firing often enough for RUNS elapses
        out.append(fields)
    return out


def on_calendar(fields, zone):
    def part(values, width=2):
        return "*" if values is None else ",".join(f"{v:0{width}d}" for v in values)
    (_, minutes), (_, hours), (_, days), (_, months), (_, weekdays) = fields
    weekday = "" if weekdays is None else ",".join(DAYS[d] for d in weekdays) + " "
    return f"{weekday}*-{part(months)}-{part(days)} {part(hours)}:{part(minutes)}:00 {zone}"


def systemd_runs(spec, base):
    env = dict(os.environ, TZ="UTC", LC_ALL="C")
    done = subprocess.run(["systemd-analyze", "calendar", f"--base-time=@{base}",
                           f"--iterations={RUNS}", spec], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        return f"ERR {done.stderr.strip()}"
    stamps = re.findall(r"(?:Next elapse|Iter\. #\d+): \w+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC",
                        done.stdout)
    return stamps


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runner", required=True, help="path to cron_diff_runner")
    parser.add_argument("--expressions", type=int, default=EXPRESSIONS)
    parser.add_argument("--dialect", default="systemd",
                        help="trigc dialect to compare; 'trigc' shows that the test can fail")
    args = parser.parse_args()
    if shutil.which("systemd-analyze") is None:
        print("systemd_diff: skipped: systemd-analyze is missing")
        return 77

    cases = []
    for fields in generate(args.expressions):
        cron = " ".join(text for text, _ in fields)
        for zone, starts in ZONES.items():
            for base in starts:
                cases.append((cron, zone, base, on_calendar(fields, zone)))
    lines = "".join(f"{zone}\t{base}\t{RUNS}\t{args.dialect}\t{cron}\n" for cron, zone, base, _ in cases)
    ours = subprocess.run([args.runner], input=lines, capture_output=True, text=True,
                          check=True).stdout.splitlines()
    # Coverage: cases where trigc's own (cron(8)) DST rule gives other instants than systemd's.
    own_rule = subprocess.run([args.runner], input=lines.replace("\tsystemd\t", "\ttrigc\t"),
                              capture_output=True, text=True, check=True).stdout.splitlines()
    dst_cases = sum(1 for a, b in zip(ours, own_rule) if a != b)
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        theirs = list(pool.map(lambda c: systemd_runs(c[3], c[2]), cases))

    identical, systemd_errors, failures = 0, 0, []
    for (cron, zone, base, spec), mine, their in zip(cases, ours, theirs):
        if isinstance(their, str):
            systemd_errors += 1  # e.g. systemd#13745 "Resource deadlock avoided"
            print(f"  systemd cannot compute {spec!r} from @{base}: {their}")
            continue
        mine_text = [datetime.datetime.fromtimestamp(int(p.split(":")[0]), datetime.timezone.utc)
                     .strftime("%Y-%m-%d %H:%M:%S") for p in mine.split()]
        if mine_text == their:
            identical += 1
        else:
            padded = zip(mine_text + [""] * RUNS, their + [""] * RUNS)
            first = next(i for i, (a, b) in enumerate(padded) if a != b)
            failures.append(f"{cron!r} {zone} from @{base} ({spec}): run {first + 1}: "
                            f"trigc {mine_text[first:first + 2]}, systemd {their[first:first + 2]}")
    print(f"systemd_diff: {args.expressions} expressions (seed {SEED}), {len(cases)} cases, "
          f"{RUNS} elapses each: {identical} identical, {systemd_errors} systemd errors, "
          f"{len(failures)} different; {dst_cases} cases cross a DST transition where systemd's "
          f"rule and trigc's own rule differ")
    for failure in failures[:20]:
        print(f"    {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
