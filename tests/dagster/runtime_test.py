#!/usr/bin/env python3
"""Behaviour of the generated runtime helpers (_trigc.py): windows, cooldown, concurrency, the file, S3 and
dependency sensors and their cursors.

Dagster and boto3 are not installed here, so a small stand-in of the few Dagster names _trigc.py uses (and of
boto3's paginator) is put on the path; what is tested is trigc's own logic, run by the real interpreter on the
real file system.

Usage: runtime_test.py PATH/TO/_trigc.py
"""
import datetime
import enum
import importlib.util
import os
import sys
import tempfile
import time
import types

UTC = datetime.timezone.utc


def stand_ins(records, objects):
    dg = types.ModuleType("dagster")

    class DagsterRunStatus(enum.Enum):
        QUEUED = "QUEUED"
        NOT_STARTED = "NOT_STARTED"
        STARTING = "STARTING"
        STARTED = "STARTED"
        CANCELING = "CANCELING"
        SUCCESS = "SUCCESS"
        FAILURE = "FAILURE"

    class Plain:
        def __init__(self, *args, **kwargs):
            self.args, self.__dict__ = args, dict(kwargs, args=args)

    dg.DagsterRunStatus = DagsterRunStatus
    dg.RunsFilter = type("RunsFilter", (Plain,), {})
    dg.RunRequest = type("RunRequest", (Plain,), {})
    dg.SkipReason = type("SkipReason", (Plain,), {})
    dg.SensorResult = type("SensorResult", (Plain,), {})
    boto3 = types.ModuleType("boto3")

    class Client:
        def get_paginator(self, _):
            return self

        def paginate(self, Bucket, Prefix):
            return [{"Contents": [o for o in objects if o["Key"].startswith(Prefix)]}]

    boto3.client = lambda *a, **k: Client()
    sys.modules["dagster"], sys.modules["boto3"] = dg, boto3
    return dg


class Instance:
    def __init__(self, records):
        self.records = records  # newest first

    def get_runs_count(self, filters):
        return sum(1 for r in self.records if r.dagster_run.status in filters.statuses)

    def get_run_records(self, filters, limit=None):
        out = [r for r in self.records if not getattr(filters, "statuses", None) or r.dagster_run.status in filters.statuses]
        return out[:limit] if limit else out


class Context:
    def __init__(self, instance, cursor=None, scheduled=None):
        self.instance, self.cursor, self.scheduled_execution_time = instance, cursor, scheduled


def record(dg, run_id, status, end, created=None, tags=None):
    run = types.SimpleNamespace(run_id=run_id, status=status, tags=tags or {})
    return types.SimpleNamespace(dagster_run=run, end_time=end, create_timestamp=created or datetime.datetime.now(UTC))


FAILURES = []


def check(name, condition):
    if not condition:
        FAILURES.append(name)


def main():
    records, objects = [], []
    dg = stand_ins(records, objects)
    spec = importlib.util.spec_from_file_location("_trigc", sys.argv[1])
    t = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(t)
    kinds = lambda result: type(result).__name__

    # Windows: Friday 18:00-23:30 Paris; every day 23:45-00:30 UTC (spans midnight).
    dinner = t.Window(days=[4], start=1080, end=1410, timezone="Europe/Paris", description="dinner")
    night = t.Window(days=[0, 1, 2, 3, 4, 5, 6], start=1425, end=30, timezone="UTC", description="backup")
    friday_1900_paris = datetime.datetime(2026, 1, 2, 18, 0, tzinfo=UTC)  # 19:00 in Paris (CET)
    check("window open on friday evening", dinner.contains(friday_1900_paris))
    check("window closed on saturday", not dinner.contains(friday_1900_paris + datetime.timedelta(days=1)))
    check("window spans midnight", night.contains(datetime.datetime(2026, 1, 3, 0, 15, tzinfo=UTC)))
    check("window closed after its end", not night.contains(datetime.datetime(2026, 1, 3, 0, 30, tzinfo=UTC)))

    policy = t.Policy(pipeline="p", trigger="t", job_name="job", tags={"trigc/pipeline": "p"}, windows=[dinner])
    skip = t.schedule_fn(policy)(Context(Instance([]), scheduled=friday_1900_paris))
    check("schedule skips inside a window", kinds(skip) == "SkipReason" and "dinner" in skip.args[0])
    run = t.schedule_fn(policy)(Context(Instance([]), scheduled=friday_1900_paris + datetime.timedelta(days=1)))
    check("schedule runs outside windows", kinds(run) == "RunRequest" and run.tags == {"trigc/pipeline": "p"})

    busy = Instance([record(dg, "r1", dg.DagsterRunStatus.STARTED, None)])
    limited = t.Policy(pipeline="p", trigger="t", job_name="job", tags={}, max_concurrent=1)
    skip = t.schedule_fn(limited)(Context(busy))
    check("max_concurrent skips", kinds(skip) == "SkipReason" and "max_concurrent 1" in skip.args[0])
    cooling = t.Policy(pipeline="p", trigger="t", job_name="job", tags={}, cooldown_seconds=600)
    recent = Instance([record(dg, "r1", dg.DagsterRunStatus.SUCCESS, 1.0)])
    skip = t.schedule_fn(cooling)(Context(recent))
    check("cooldown skips", kinds(skip) == "SkipReason" and "cooldown" in skip.args[0])

    # File sensor: baseline, then created / modified / deleted, ignore and debounce.
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "sub"))
        old = time.time() - 100
        def write(name, text, when=old):
            path = os.path.join(tmp, name)
            with open(path, "w") as f:
                f.write(text)
            os.utime(path, (when, when))
            return path
        a = write("a.csv", "1")
        sensor = t.file_sensor_fn(t.Policy("p", "t", "job", {}),
                                  os.path.join(tmp, "*.csv"), ["created", "modified", "deleted"], True, 10, ["*.tmp*"])
        first = sensor(Context(Instance([])))
        check("file sensor starts with a baseline", kinds(first) == "SensorResult" and not getattr(first, "run_requests", None))
        cursor = first.cursor
        b = write("sub/b.csv", "2")
        write("c.csv.tmp", "x")
        write("d.csv", "fresh", when=time.time())  # younger than the debounce
        os.utime(a, (old + 5, old + 5))
        result = sensor(Context(Instance([]), cursor))
        keys = sorted(r.run_key.split(":")[0] + ":" + os.path.basename(r.run_key.split(":")[1]) for r in result.run_requests)
        check("file sensor sees created (recursive) and modified, not ignored or settling", keys == ["created:b.csv", "modified:a.csv"])
        os.remove(b)
        result = sensor(Context(Instance([]), result.cursor))
        check("file sensor sees deleted", [r.tags["trigc/file_event"] for r in result.run_requests] == ["deleted"])

    # S3 sensor: a baseline first, pattern below the prefix, one run per tick under a cooldown, late objects.
    base = datetime.datetime(2026, 1, 1, tzinfo=UTC)
    objects += [{"Key": "in/old.csv", "LastModified": base, "ETag": '"e0"'}]
    s3 = t.s3_sensor_fn(t.Policy("p", "t", "job", {}, cooldown_seconds=1), "b", "in/", "*.csv", None)
    first = s3(Context(Instance([])))
    check("s3 sensor starts with a baseline", kinds(first) == "SensorResult" and not getattr(first, "run_requests", None))
    later = base + datetime.timedelta(minutes=5)
    objects += [
        {"Key": "in/x.csv", "LastModified": later, "ETag": '"e1"'},
        {"Key": "in/y.csv", "LastModified": later, "ETag": '"e2"'},
        {"Key": "in/z.txt", "LastModified": later, "ETag": '"e3"'},
        {"Key": "other/w.csv", "LastModified": later, "ETag": '"e4"'},
    ]
    second = s3(Context(Instance([]), first.cursor))
    third = s3(Context(Instance([]), second.cursor))
    fourth = s3(Context(Instance([]), third.cursor))
    taken = [r.run_key for r in second.run_requests + third.run_requests]
    check("s3 sensor takes each matching object once, one per tick", taken == ["in/x.csv@e1", "in/y.csv@e2"])
    check("s3 sensor hands bucket and key to the run", '"key":"in/x.csv"' in second.run_requests[0].tags["trigc/params"])
    check("s3 sensor skips when nothing is new", kinds(fourth) == "SkipReason")
    objects += [{"Key": "in/late.csv", "LastModified": base + datetime.timedelta(minutes=1), "ETag": '"e5"'}]
    fifth = s3(Context(Instance([]), third.cursor))
    check("s3 sensor takes a late object with an older LastModified", [r.run_key for r in fifth.run_requests] == ["in/late.csv@e5"])

    # Dependency sensor: only runs that ended at least delay minutes ago.
    now = time.time()
    dep = t.dependency_sensor_fn(t.Policy("p", "t", "job", {}), "up", "up_job", [dg.DagsterRunStatus.SUCCESS], 10)
    records[:] = []
    start = dep(Context(Instance(records)))
    cursor = t._cursor(now - 3600, set(), [])
    records[:] = [record(dg, "late", dg.DagsterRunStatus.SUCCESS, now - 60), record(dg, "ripe", dg.DagsterRunStatus.SUCCESS, now - 1200)]
    result = dep(Context(Instance(records), cursor))
    check("dependency sensor starts with a cursor", kinds(start) == "SensorResult" and start.cursor)
    check("dependency sensor honours the delay", [r.run_key for r in result.run_requests] == ["ripe"])
    again = dep(Context(Instance(records), result.cursor))
    check("dependency sensor takes a run once", kinds(again) == "SkipReason")
    failed = t.dependency_sensor_fn(t.Policy("p", "t", "job", {}), "up", "up_job", [dg.DagsterRunStatus.FAILURE], 0)
    records[:] = [
        record(dg, "retried", dg.DagsterRunStatus.FAILURE, now - 30, tags={"dagster/will_retry": "true"}),
        record(dg, "final", dg.DagsterRunStatus.FAILURE, now - 20, tags={"dagster/will_retry": "false"}),
    ]
    result = failed(Context(Instance(records), cursor))
    check("dependency sensor ignores attempts that will be retried", [r.run_key for r in result.run_requests] == ["final"])

    for failure in FAILURES:
        print("FAIL " + failure)
    print("dagster runtime: %d failures" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
