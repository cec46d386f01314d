"""Every schedule's ticks, as Dagster's own schedule machinery computes them over a real instance, equal
`trigc preview --target dagster`, over two years (both DST transitions of every zone included).

Usage: check_schedules.py   (with build/venvs/dagster's python; TRIGC picks the trigc binary)

The packages are the example's and every scenario's. Each is loaded as a code location in an in-process
workspace over a real DagsterInstance (sqlite in a temp dir); the ticks are those of the RemoteSchedule's
`execution_time_iterator`, the iterator the scheduler daemon launches runs from. Then, around every DST
transition of the scenarios' zones, the scheduler daemon itself (`launch_scheduled_runs`) is run at two
instants, and the runs it created (tag dagster/scheduled_execution_time) must be preview's ticks between them.
"""

import datetime
import json
import os
import sys
import tempfile
import zoneinfo

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "common"))

import harness  # noqa: E402
from scenario import REPO, load_scenarios, trigc, trigc_build  # noqa: E402

UTC = datetime.timezone.utc
EXAMPLE_REPO = os.path.join(REPO, "examples", "ratatouille")
EXAMPLE_PACKAGE = os.path.join(EXAMPLE_REPO, "generated", "dagster", "ratatouille_triggers")
DEFAULT_FROM = "2026-01-01T00:00:00Z"
DEFAULT_DAYS = 730


def iso(when):
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def preview(repo, pipeline, trigger, start, end):
    """trigc preview's UTC ticks of one schedule trigger, strictly after start and before end."""
    ticks, cursor = [], start
    while True:
        done = trigc(
            "preview", pipeline, "--repo", repo, "--target", "dagster", "--from", iso(cursor),
            "-n", "10000", "--format", "json",
        )
        if done.returncode != 0:
            raise RuntimeError("trigc preview %s failed: %s%s" % (pipeline, done.stdout, done.stderr))
        data = json.loads(done.stdout)
        runs = next(
            s for s in data["schedules"] if s["trigger"].split(" (")[0] == trigger
        )["runs"]
        page = [parse(r["utc"]) for r in runs]
        ticks += [t for t in page if t < end]
        if not page or page[-1] >= end or len(page) < 10000:
            return ticks
        cursor = page[-1]


def dagster_ticks(remote_schedule, start, end):
    """The instants the scheduler daemon iterates for remote_schedule, strictly after start, before end."""
    ticks = []
    for when in remote_schedule.execution_time_iterator(start.timestamp()):
        when = when.astimezone(UTC)
        if when >= end:
            return ticks
        if when > start:
            ticks.append(when)


def range_of(scenario):
    for step in scenario.timeline if scenario else []:
        if "ticks" in step:
            span = step["ticks"]
            start = parse(span.get("from", DEFAULT_FROM))
            return start, start + datetime.timedelta(days=span.get("days", DEFAULT_DAYS))
    start = parse(DEFAULT_FROM)
    return start, start + datetime.timedelta(days=DEFAULT_DAYS)


def transitions(zone, start, end):
    """The instants within [start, end) where zone's UTC offset changes (to the hour)."""
    tz = zoneinfo.ZoneInfo(zone)
    found, when = [], start
    step = datetime.timedelta(hours=1)
    offset = when.astimezone(tz).utcoffset()
    while when < end:
        nxt = when + step
        if nxt.astimezone(tz).utcoffset() != offset:
            found.append(nxt)
            offset = nxt.astimezone(tz).utcoffset()
        when = nxt
    return found


def daemon_runs(deployment, instants):
    """Runs the scheduler daemon (frozen clock) at each of instants, in order, with every schedule started
    just before the first; returns the scheduled times of the runs it launched, per schedule name.

    The daemon launches the latest tick due at each iteration (schedules without partitions do not catch
    up), so iterating at every expected tick sees each one, and a tick Dagster adds shows up too.
    """
    from dagster._core.test_utils import freeze_time
    from dagster._scheduler.scheduler import launch_scheduled_runs

    instance = deployment.instance
    for run in instance.get_runs():
        instance.delete_run(run.run_id)
    schedules = deployment.repository().get_schedules()
    with freeze_time(instants[0] - datetime.timedelta(seconds=60)):
        for schedule in schedules:
            state = instance.get_instigator_state(
                schedule.get_remote_origin_id(), schedule.selector_id
            )
            if state is not None:
                instance.stop_schedule(
                    schedule.get_remote_origin_id(), schedule.selector_id, schedule
                )
            instance.start_schedule(schedule)
    # A first iteration right after the start, where the daemon records where it begins.
    for when in [instants[0] - datetime.timedelta(seconds=30), *instants]:
        with freeze_time(when):
            list(
                launch_scheduled_runs(
                    deployment.context,
                    deployment.logger,
                    end_datetime_utc=when,
                    iteration_times={},
                )
            )
    found = {}
    for run in instance.get_runs():
        name = run.tags.get("dagster/schedule_name")
        scheduled = run.tags.get(".dagster/scheduled_execution_time")
        if name and scheduled:
            when = datetime.datetime.fromisoformat(scheduled).astimezone(UTC)
            found.setdefault(name, []).append(when)
    return {name: sorted(ticks) for name, ticks in found.items()}


def check_package(name, package, repo, scenario, tmp, problems):
    location = harness.Location(package, tmp, "schedules_" + name)
    location.load_module()
    start, end = range_of(scenario)
    checked = 0
    zones = set()
    with harness.Deployment(
        os.path.join(tmp, name + "_home"), location, os.path.join(tmp, name + "_outcomes.json"),
        launcher="record",
    ) as deployment:
        schedules = deployment.repository().get_schedules()
        for schedule in schedules:
            pipeline, trigger = schedule.name.split("__", 1)
            want = preview(repo, pipeline, trigger, start, end)
            got = dagster_ticks(schedule, start, end)
            checked += 1
            zones.add(schedule.execution_timezone)
            if want != got:
                extra = sorted(set(map(iso, got)) - set(map(iso, want)))[:5]
                missing = sorted(set(map(iso, want)) - set(map(iso, got)))[:5]
                problems.append(
                    "%s %s (%s in %s): %d ticks in Dagster, %d in preview; Dagster only: %s; preview only: %s"
                    % (name, schedule.name, schedule.cron_schedule, schedule.execution_timezone,
                       len(got), len(want), extra, missing)
                )
        windows = 0
        if scenario is not None:
            # The first spring-forward and fall-back of every zone in the range, 90 minutes either side,
            # in time order (the daemon's ticks of every schedule must move forward).
            moments = sorted(
                (moment, zone)
                for zone in zones
                if zone
                for moment in transitions(zone, start, end)[:2]
            )
            if moments:
                for moment, zone in moments:
                    lo = moment - datetime.timedelta(minutes=90)
                    hi = moment + datetime.timedelta(minutes=90)
                    mine = [s for s in schedules if s.execution_timezone == zone]
                    want = {}
                    for schedule in mine:
                        pipeline, trigger = schedule.name.split("__", 1)
                        want[schedule.name] = preview(repo, pipeline, trigger, lo, hi)
                    instants = sorted({t + datetime.timedelta(seconds=7) for v in want.values() for t in v})
                    if not instants:
                        continue
                    launched = daemon_runs(deployment, instants)
                    windows += 1
                    for schedule in mine:
                        got = launched.get(schedule.name, [])
                        if want[schedule.name] != got:
                            problems.append(
                                "%s %s: the scheduler daemon launched %s between %s and %s; preview says %s"
                                % (name, schedule.name, list(map(iso, got)), iso(lo), iso(hi),
                                   list(map(iso, want[schedule.name])))
                            )
    print("%-40s %d schedules over %s .. %s, %d DST windows run by the scheduler daemon"
          % (name, checked, iso(start), iso(end), windows))
    return checked


def main():
    problems = []
    checked = 0
    with tempfile.TemporaryDirectory(prefix="trigc-dagster-schedules-") as tmp:
        checked += check_package("example_ratatouille", EXAMPLE_PACKAGE, EXAMPLE_REPO, None, tmp, problems)
        for scenario in load_scenarios("dagster"):
            work = os.path.join(tmp, scenario.name)
            repo = os.path.join(work, "repo")
            scenario.write_repo(repo)
            out = os.path.join(work, "out")
            trigc_build(repo, "dagster", out)
            package = harness.package_dir(out)
            checked += check_package(scenario.name, package, repo, scenario, tmp, problems)
    for problem in problems:
        print("FAIL " + problem)
    print("%d passed, %d failed" % (checked - len(problems), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
