"""Point 2 of the Airflow suite: Airflow's own timetable of each scheduled controller DAG, iterated with
`next_dagrun_info` the way the scheduler does, gives the instants of `trigc preview --target airflow`, over two
years and around every DST change of 2026 and 2027 (Europe and North America); and a controller deployed now
does not start a run for a tick that has already passed."""

import datetime
import json
import subprocess

# Windows (start, runs) that together span two years and contain every DST change of 2026-2027 in Europe
# (last Sunday of March and October) and North America (second Sunday of March, first of November).
WINDOWS = [
    ("2026-01-01T00:00:30Z", 800),
    ("2026-03-06T00:00:30Z", 400),
    ("2026-03-27T00:00:30Z", 400),
    ("2026-10-23T00:00:30Z", 400),
    ("2026-10-30T00:00:30Z", 400),
    ("2027-03-12T00:00:30Z", 400),
    ("2027-03-26T00:00:30Z", 400),
    ("2027-10-29T00:00:30Z", 400),
    ("2027-11-05T00:00:30Z", 400),
]
TWO_YEARS_END = datetime.datetime(2028, 1, 1, tzinfo=datetime.timezone.utc)


def core_timetable(dag):
    """The timetable the scheduler evaluates: on Airflow 3 the core class behind the SDK's definition."""
    try:
        from airflow.serialization.encoders import coerce_to_core_timetable
    except ImportError:  # Airflow 2: the DAG holds the core timetable
        return dag.timetable
    return coerce_to_core_timetable(dag.timetable)


def airflow_instants(timetable, start, count):
    """The first `count` run instants strictly after `start` (before 2028), as the scheduler would create them."""
    from airflow.timetables.base import TimeRestriction

    restriction = TimeRestriction(earliest=start + datetime.timedelta(seconds=1), latest=None, catchup=True)
    out, last = [], None
    while len(out) < count:
        info = timetable.next_dagrun_info(last_automated_data_interval=last, restriction=restriction)
        if info is None or info.run_after >= TWO_YEARS_END:
            break
        out.append(info.run_after.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        last = info.data_interval
    return out


def preview(trigc, repo, pipeline, start, count):
    """trigger name -> the instants `trigc preview --target airflow` lists (UTC, before 2028)."""
    r = subprocess.run(
        [trigc, "preview", pipeline, "--target", "airflow", "--format", "json", "--repo", repo,
         "--from", start, "-n", str(count)],
        capture_output=True, text=True, check=True,
    )
    out = {}
    for s in json.loads(r.stdout)["schedules"]:
        name = s["trigger"].removesuffix(" (disabled)")
        out[name] = [run["utc"] for run in s["runs"] if run["utc"] < "2028-01-01T00:00:00Z"]
    return out


def scheduled_controllers(bag):
    """(pipeline, trigger, dag) of every controller on a CronTriggerTimetable."""
    for dag_id, dag in sorted(bag.dags.items()):
        parts = dag_id.split("__")
        if len(parts) == 3 and parts[0] == "trigc" and type(dag.timetable).__name__ == "CronTriggerTimetable":
            yield parts[1], parts[2], dag


def check_instants(bag, trigc, repo, failures, what):
    """Compares every window of every scheduled controller; returns the number of instants compared."""
    compared = 0
    previews = {}
    for pipeline, trigger, dag in scheduled_controllers(bag):
        timetable = core_timetable(dag)
        for start, count in WINDOWS:
            key = (pipeline, start, count)
            if key not in previews:
                previews[key] = preview(trigc, repo, pipeline, start, count)
            expected = previews[key].get(trigger)
            if expected is None:
                failures.append(f"{what}: trigc preview has no schedule '{trigger}' for {pipeline}")
                break
            begin = datetime.datetime.fromisoformat(start.replace("Z", "+00:00"))
            got = airflow_instants(timetable, begin, len(expected))
            if got != expected:
                diff = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
                failures.append(
                    f"{what}: {dag.dag_id} from {start}: run {diff} is {got[diff:diff + 1]} in Airflow, "
                    f"{expected[diff:diff + 1]} in trigc preview"
                )
            compared += len(expected)
    return compared


def check_first_tick(bag, failures, what, line):
    """A controller deployed a minute after one of its ticks starts no run for that tick, as the scheduler computes
    its first run (next_dagrun_info without a previous run, Airflow's clock set to that minute). Airflow 3: the
    first run is the next tick (run_immediately=timedelta(0), no start_date). Airflow 2 cannot avoid the run; it
    must carry the not_a_past_tick task that skips it."""
    import sys
    from unittest import mock

    from airflow.timetables.base import TimeRestriction

    checked = 0
    for _, _, dag in scheduled_controllers(bag):
        if dag.catchup:
            continue
        timetable = core_timetable(dag)
        tick = airflow_instants(timetable, datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc), 1)[0]
        tick = datetime.datetime.fromisoformat(tick.replace("Z", "+00:00"))
        deployed = tick + datetime.timedelta(minutes=1)
        restriction = TimeRestriction(earliest=dag.start_date, latest=None, catchup=False)
        with mock.patch.object(sys.modules[type(timetable).__module__], "utcnow", lambda: deployed):
            info = timetable.next_dagrun_info(last_automated_data_interval=None, restriction=restriction)
        checked += 1
        if line == 3 and info.run_after < deployed:
            failures.append(f"{what}: {dag.dag_id} deployed at {deployed} would first run for the past tick {tick}")
        if line == 2 and "not_a_past_tick" not in dag.task_dict:
            failures.append(f"{what}: {dag.dag_id} has no not_a_past_tick gate")
    return checked
