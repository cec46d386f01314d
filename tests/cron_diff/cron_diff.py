#!/usr/bin/python3
"""Differential test: trigc's cron engine against croniter 1.3.5.

Airflow, Dagster and Prefect evaluate cron with croniter, so trigc's runs must agree with it
wherever local time is unambiguous. The script generates expressions deterministically (seeded;
numbers, lists, ranges, steps, names, Sunday as 7, macros, both day fields restricted, fields that
list every value), and for every expression x zone x start instant compares the next RUNS runs of
croniter (started from the naive local wall time, so its field logic is compared without its DST
arithmetic) with trigc's (cron_diff_runner, dialect kTrigc) as local wall-clock times, over the
window both cover. It also checks that every trigc run's local time is what zoneinfo says for its
UTC instant, and that trigc's instants increase. Every difference must fall in one of the
documented EXCEPTIONS categories; anything else is a failure.

Usage: /usr/bin/python3 cron_diff.py --runner PATH [--expressions N] [--inject-fault]
Exit codes: 0 all runs identical or explained, 1 unexplained differences, 77 croniter missing.
"""

import argparse
import datetime
import multiprocessing
import random
import subprocess
import sys
from collections import Counter

try:
    from zoneinfo import ZoneInfo
    from croniter import croniter
    from croniter.croniter import CroniterError
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"cron_diff: skipped: {error} (apt-get install python3-croniter)")
    sys.exit(77)

SEED = 20261124
EXPRESSIONS = 2200
RUNS = 50
HOUR = 3600

# Start instants per zone: an ordinary day, a moment just before a transition, and a day before one.
ZONES = {
    "UTC": ["2026-01-15T10:17:00Z", "2026-02-28T23:59:30Z"],
    "America/New_York": ["2026-06-10T14:05:00Z", "2026-03-08T06:00:00Z", "2026-10-31T12:00:00Z"],
    "Europe/London": ["2026-01-20T08:00:00Z", "2026-03-29T00:10:00Z", "2026-10-24T12:00:00Z"],
    "Asia/Kolkata": ["2026-03-08T06:00:00Z"],
    "Australia/Lord_Howe": ["2026-07-01T00:00:00Z", "2026-04-04T14:20:00Z", "2026-10-03T06:00:00Z"],
}

# Every allowed difference, by category. Each one lies exactly at a UTC-offset change of the zone
# and follows from trigc's DST rule (cron(8)'s): the comparison is made on local wall-clock times.
EXCEPTIONS = {
    "croniter-nonexistent": (
        "croniter runs a non-existent local time (a wall time inside a spring-forward gap, e.g. "
        "02:30 on 2026-03-08 in New York); trigc runs a fixed-time schedule once at the first "
        "instant after the gap (see trigc-after-gap) and a wildcard schedule not at all"),
    "trigc-after-gap": (
        "trigc runs a fixed-time schedule whose local time a spring-forward skipped once, at the "
        "first instant after the gap (e.g. 03:00 EDT for 02:30); that wall time is not a match, so "
        "croniter has no run there"),
    "trigc-second-copy": (
        "trigc runs a wildcard schedule (minute or hour field starting with '*') in both copies of a "
        "repeated (fall-back) hour; croniter, counting wall-clock times, lists that time once"),
    # Not a DST difference: a croniter 1.3.5 bug, found by this test.
    "croniter-skips-early-days": (
        "croniter bug: leaving a month shorter than a listed day v (e.g. '1,31' in February), it "
        "lands on day v - length of the next month and skips the listed days before it (from "
        "2026-02-20, '0 0 1,31 * *' gives 03-31, not 03-01); trigc runs on those days"),
    "croniter-or-dead-dom": (
        "croniter bug: with both day fields restricted (OR rule) and a day of month that never "
        "occurs in the selected months ('0 0 31 2 0'), croniter raises CroniterBadDateError instead "
        "of running on the listed weekdays; trigc (like cron) runs on the weekdays"),
}

CASES = [(zone, start) for zone, starts in ZONES.items() for start in starts]
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
LIMITS = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
MACROS = {"@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
          "@weekly": "0 0 * * 0", "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *",
          "@annually": "0 0 1 1 *"}


# ---------------------------------------------------------------------------------------------
# Expression generator (deterministic)

def value(rng, i, lo=None, hi=None):
    lo = LIMITS[i][0] if lo is None else lo
    hi = LIMITS[i][1] if hi is None else hi
    if i == 1 and lo <= 4 and rng.random() < 0.4:
        hi = min(hi, 4)  # bias hours towards the DST transition hours
    if i == 2 and lo <= 28 and rng.random() < 0.8:
        hi = min(hi, 28)
    v = rng.randint(lo, hi)
    if i == 3 and rng.random() < 0.3:
        return v, rng.choice([MONTHS[v - 1], MONTHS[v - 1].lower(), MONTHS[v - 1].title()])
    if i == 4 and v < 7 and rng.random() < 0.3:
        return v, rng.choice([DAYS[v], DAYS[v].lower()])
    return v, str(v)


def range_part(rng, i):
    a, a_text = value(rng, i)
    b, b_text = value(rng, i, lo=a)
    if i == 4 and rng.random() < 0.15 and 0 < a < 7:
        b_text = rng.choice(["7", "0", "SUN"])  # Sunday written as 7 or 0 at the end of a range
    return f"{a_text}-{b_text}"


def full_range(rng, i):
    lo, hi = LIMITS[i]
    options = [f"{lo}-{hi}", "*/1", f"{lo}-{hi}/1"]
    if i == 4:
        options += ["0-6", "1-7", "SUN-SAT", "0,1,2,3,4,5,6"]
    if i == 3:
        options += ["JAN-DEC"]
    return rng.choice(options)


def field(rng, i):
    lo, hi = LIMITS[i]
    span = hi - lo + 1
    form = rng.choices(["star", "value", "list", "range", "range_step", "star_step", "start_step",
                        "full", "mixed"], weights=[30, 18, 12, 10, 7, 10, 5, 3, 5])[0]
    if form == "star":
        return "*"
    if form == "value":
        return value(rng, i)[1]
    if form == "list":
        return ",".join(value(rng, i)[1] for _ in range(rng.randint(2, 4)))
    if form == "range":
        return range_part(rng, i)
    if form == "range_step":
        return f"{range_part(rng, i)}/{rng.randint(1, max(1, span // 3))}"
    if form == "star_step":
        return f"*/{rng.randint(1, max(1, span // 2))}"
    if form == "start_step":
        return f"{value(rng, i)[1]}/{rng.randint(1, max(1, span // 3))}"
    if form == "full":
        return full_range(rng, i)
    return f"{range_part(rng, i)},{value(rng, i)[1]}"


def generate(count):
    rng = random.Random(SEED)
    exprs = []
    while len(exprs) < count:
        if rng.random() < 0.03:
            exprs.append(rng.choice(list(MACROS)).upper() if rng.random() < 0.2
                         else rng.choice(list(MACROS)))
            continue
        fields = [field(rng, i) for i in range(5)]
        if rng.random() < 0.2:  # both day fields restricted: croniter's OR rule
            fields[2] = rng.choice([value(rng, 2)[1], range_part(rng, 2), "*/2", "1,15"])
            fields[4] = rng.choice([value(rng, 4)[1], range_part(rng, 4), "1-5", "*/3"])
        exprs.append(" ".join(fields))
    return exprs


# ---------------------------------------------------------------------------------------------
# croniter side: wall-clock times, computed from a naive local start (croniter's field logic without
# its DST arithmetic, whose results depend on the start; see docs/cron.md)

def parse_iso(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def croniter_case(expr, zone, start):
    """croniter's next RUNS local wall times (naive datetimes), or an error string."""
    local_start = parse_iso(start).astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    try:
        it = croniter(expr, local_start)
        return [it.get_next(datetime.datetime) for _ in range(RUNS)]
    except (CroniterError, ValueError) as error:
        return f"ERR {type(error).__name__}"


# ---------------------------------------------------------------------------------------------
# Comparison and classification

def fields_of(expr):
    return MACROS.get(expr.lower(), expr).split()


class Matcher:
    """Matches naive wall times the way croniter does (sets from croniter's own expansion)."""

    def __init__(self, expr):
        expanded, _ = croniter.expand(expr)
        self.sets = [None if e[0] == "*" else {int(v) % 7 if i == 4 else int(v) for v in e}
                     for i, e in enumerate(expanded[:5])]
        self.day_or = self.sets[2] is not None and self.sets[4] is not None
        texts = fields_of(expr)
        self.fixed = not texts[0].startswith("*") and not texts[1].startswith("*")

    def _in(self, i, v):
        return self.sets[i] is None or v in self.sets[i]

    def matches(self, wall):
        if not (self._in(0, wall.minute) and self._in(1, wall.hour) and self._in(3, wall.month)):
            return False
        dom, dow = self._in(2, wall.day), self._in(4, wall.isoweekday() % 7)
        return (dom or dow) if self.day_or else (dom and dow)


def wall_of(tz, seconds):
    return datetime.datetime.fromtimestamp(seconds, tz).replace(tzinfo=None)


def nonexistent(tz, wall):
    return wall_of(tz, int(wall.replace(tzinfo=tz).timestamp())) != wall


def offset_change(tz, x):
    """(offset before, offset after) when the UTC offset changes at instant x, else None."""
    before = datetime.datetime.fromtimestamp(x - 1, tz).utcoffset()
    after = datetime.datetime.fromtimestamp(x, tz).utcoffset()
    return (before, after) if before != after else None


def gap_has_match(matcher, wall_end, gap):
    wall = wall_end - gap
    while wall < wall_end:
        if matcher.matches(wall):
            return True
        wall += datetime.timedelta(minutes=1)
    return False


def dead_dom_with_or(expr):
    """Both day fields restricted and no listed day of month exists in a selected month."""
    matcher = Matcher(expr)
    if not matcher.day_or:
        return False
    months = matcher.sets[3] or set(range(1, 13))
    lengths = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
    return not any(day <= lengths[m] for m in months for day in matcher.sets[2])


def croniter_skips_day(matcher, wall):
    """True when croniter's month rollover skips this day (see croniter-skips-early-days)."""
    days = matcher.sets[2]
    if days is None:
        return False
    first = wall.replace(day=1, hour=0, minute=0)
    previous_length = (first - datetime.timedelta(days=1)).day
    beyond = [v for v in days if v > previous_length]
    return bool(beyond) and wall.day < min(beyond) - previous_length


def classify_trigc_only(matcher, tz, x, wall):
    if croniter_skips_day(matcher, wall):
        return "croniter-skips-early-days"
    change = offset_change(tz, x)
    if change and change[1] > change[0] and matcher.fixed and \
            gap_has_match(matcher, wall, change[1] - change[0]):
        return "trigc-after-gap"
    second = wall.replace(tzinfo=tz, fold=1)
    first = wall.replace(tzinfo=tz, fold=0)
    if (not matcher.fixed and first.utcoffset() != second.utcoffset()
            and int(second.timestamp()) == x and not nonexistent(tz, wall)):
        return "trigc-second-copy"
    return None


def compare_case(expr, zone, theirs, ours, counts, failures):
    """Compares one case's wall times over the window both sides cover."""
    tz = ZoneInfo(zone)
    for (x, wall), (y, _) in zip(ours, ours[1:]):
        if y <= x:
            failures.append(f"{expr!r} {zone}: trigc runs are not increasing at {wall}")
    for x, wall in ours:
        if wall_of(tz, x) != wall:
            failures.append(f"{expr!r} {zone}: trigc says {x} is {wall}, zoneinfo {wall_of(tz, x)}")
    window = min(theirs[-1], ours[-1][1]) if ours else theirs[0]
    mine = Counter(wall for _, wall in ours if wall <= window)
    their = Counter(wall for wall in theirs if wall <= window)
    counts["runs compared"] += sum((mine | their).values())
    counts["runs identical"] += sum((mine & their).values())
    croniter_only = their - mine
    trigc_only = mine - their
    if not croniter_only and not trigc_only:
        counts["cases identical"] += 1
        return
    matcher = Matcher(expr)
    for wall in sorted(croniter_only.elements()):
        if nonexistent(tz, wall):
            counts["explained: croniter-nonexistent"] += 1
        else:
            failures.append(f"{expr!r} {zone}: only croniter runs at {wall}")
    extra = dict(trigc_only)
    for x, wall in reversed(ours):  # the later instants of a wall time are the extra ones
        if extra.get(wall, 0) == 0:
            continue
        extra[wall] -= 1
        category = classify_trigc_only(matcher, tz, x, wall)
        if category:
            counts[f"explained: {category}"] += 1
        else:
            failures.append(f"{expr!r} {zone}: only trigc runs at {wall} ({x})")


# ---------------------------------------------------------------------------------------------

def run_trigc(runner, exprs, inject_fault):
    """[(utc seconds, naive local wall time)] per case, in the order of CASES per expression."""
    lines = []
    for expr in exprs:
        for zone, start in CASES:
            lines.append(f"{zone}\t{int(parse_iso(start).timestamp())}\t{RUNS}\ttrigc\t{expr}")
    done = subprocess.run([runner], input="\n".join(lines) + "\n", capture_output=True, text=True,
                          check=True)
    results = []
    epoch = datetime.datetime(1970, 1, 1)
    for line in done.stdout.splitlines():
        if line.startswith("ERR"):
            results.append(line)
            continue
        runs = []
        for pair in line.split():
            utc, local = pair.split(":")
            runs.append((int(utc), epoch + datetime.timedelta(seconds=int(local))))
        results.append(runs)
    if inject_fault:  # drop one ordinary run: the comparison must catch it
        victim = next(r for r in results if isinstance(r, list) and len(r) == RUNS)
        del victim[len(victim) // 2]
    return results




def check_expression(job):
    """Runs croniter for one expression's cases and compares; returns (counts, failures)."""
    expr, ours_cases = job
    counts, failures = Counter(), []
    accepted = True
    for (zone, start), ours in zip(CASES, ours_cases):
        theirs = croniter_case(expr, zone, start)
        their_err, our_err = isinstance(theirs, str), isinstance(ours, str)
        if their_err and not our_err and dead_dom_with_or(expr):
            counts["cases"] += 1
            counts["explained: croniter-or-dead-dom"] += len(ours)
            continue
        if their_err or our_err:
            accepted = False
            if not (their_err and our_err):
                failures.append(f"{expr!r} {zone} {start}: croniter {theirs if their_err else 'ok'},"
                                f" trigc {ours if our_err else 'ok'}")
            continue
        counts["cases"] += 1
        compare_case(expr, zone, theirs, ours, counts, failures)
    counts["expressions compared" if accepted else "expressions rejected by both"] += 1
    return counts, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runner", required=True, help="path to cron_diff_runner")
    parser.add_argument("--expressions", type=int, default=EXPRESSIONS)
    parser.add_argument("--inject-fault", action="store_true",
                        help="drop one of trigc's runs to show that the test fails")
    args = parser.parse_args()

    exprs = generate(args.expressions)
    ours_all = run_trigc(args.runner, exprs, args.inject_fault)
    jobs = [(expr, ours_all[i * len(CASES):(i + 1) * len(CASES)]) for i, expr in enumerate(exprs)]
    counts, failures = Counter(), []
    with multiprocessing.Pool(2) as pool:
        for job_counts, job_failures in pool.imap(check_expression, jobs, chunksize=20):
            counts.update(job_counts)
            failures.extend(job_failures)

    print(f"cron_diff: {len(exprs)} expressions generated (seed {SEED}), {len(ZONES)} zones, "
          f"{len(CASES)} start instants, next {RUNS} runs per case, croniter vs trigc")
    for key in sorted(counts):
        print(f"  {key}: {counts[key]}")
    print(f"  unexplained differences: {len(failures)}")
    for failure in failures[:25]:
        print(f"    {failure}")
    if counts["expressions compared"] < 2000:
        print("cron_diff: fewer than 2000 expressions compared")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
