"""Plays every scenario that lists `dagster` against a real Dagster instance and compares the runs.

Usage: run_scenarios.py [SCENARIO...]   (with build/venvs/dagster's python; TRIGC picks the trigc binary)

Each scenario is built with trigc into a temp dir, its package loaded as a code location, and its timeline
played: `put_object` through moto's S3 server (over HTTP, with boto3), `tick` as one iteration of Dagster's
sensor daemon, `run` as a real run of the upstream job (retried by Dagster's run-retry logic), `restart` as a
new workspace over the same instance. The trigger-started runs are then compared with `expect:`.
"""

import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "common"))

import boto3  # noqa: E402
import harness  # noqa: E402
from moto_clock import moto_server_with_clock  # noqa: E402
from scenario import load_scenarios, trigc_build  # noqa: E402

TARGET = "dagster"


def buckets_of(timeline):
    return sorted({step["put_object"]["bucket"] for step in timeline if "put_object" in step})


class Player:
    """Plays one scenario's timeline on a Deployment."""

    def __init__(self, deployment, module, s3, clock):
        self.deployment = deployment
        self.module = module
        self.s3 = s3
        self.clock = clock

    def job_of(self, pipeline):
        return self.module.PIPELINES[pipeline].JOB_NAME

    def play(self, step):
        (kind, args), = step.items()
        args = args or {}
        getattr(self, "do_" + kind)(**args)

    def do_put_object(self, bucket, key, body=None, age_seconds=0):
        self.clock.age(age_seconds)
        try:
            self.s3.put_object(Bucket=bucket, Key=key, Body=(body or key).encode())
        finally:
            self.clock.age(0)

    def do_tick(self):
        self.deployment.sensor_tick()

    def do_restart(self):
        self.deployment.restart()

    def do_run(self, pipeline, attempts, max_retries=None):
        retries = len(attempts) - 1 if max_retries is None else max_retries
        job = self.job_of(pipeline)
        self.deployment.plan_outcomes(job, attempts)
        self.deployment.launch(job, {"dagster/max_retries": str(retries)})

    def do_sleep(self, seconds):
        time.sleep(seconds)


def observed_runs(deployment, module):
    """The trigger-started runs as {pipeline, params} (params: the run's trigc/params tag)."""
    runs = []
    for run in deployment.trigger_started_runs():
        params = json.loads(run.tags.get("trigc/params", "{}"))
        runs.append(
            {
                "pipeline": run.tags["trigc/pipeline"],
                "params": params,
                "run_key": run.tags.get("dagster/run_key"),
            }
        )
    return runs


def by_pipeline(runs):
    grouped = {}
    for run in runs:
        grouped.setdefault(run["pipeline"], []).append(run.get("params") or {})
    return grouped


def compare(expected, observed):
    """Differences between the expected runs and the observed ones: per pipeline, in order; an expected
    run's params must all be in the observed run's params with the same values."""
    problems = []
    want, got = by_pipeline(expected), by_pipeline(observed)
    for pipeline in sorted(set(want) | set(got)):
        w, g = want.get(pipeline, []), got.get(pipeline, [])
        if len(w) != len(g):
            problems.append(
                "pipeline %s: %d runs expected, %d started: %s"
                % (pipeline, len(w), len(g), json.dumps(g, sort_keys=True))
            )
            continue
        for i, (wp, gp) in enumerate(zip(w, g)):
            wrong = {k: v for k, v in wp.items() if gp.get(k) != v}
            if wrong:
                problems.append(
                    "pipeline %s run %d: params %s expected, got %s"
                    % (pipeline, i + 1, json.dumps(wrong, sort_keys=True), json.dumps(gp, sort_keys=True))
                )
    return problems


def run_scenario(scenario, work, s3_url, clock):
    repo = os.path.join(work, "repo")
    scenario.write_repo(repo)
    build = trigc_build(repo, TARGET, os.path.join(work, "out"))
    deviation = scenario.deviation(TARGET) or {}
    problems = []
    if deviation.get("warning") and deviation["warning"] not in build.stdout + build.stderr:
        problems.append("trigc gave no %s at compile time" % deviation["warning"])
    import_name = "conformance_" + scenario.name
    location = harness.Location(harness.package_dir(os.path.join(work, "out")), work, import_name)
    module, _ = location.load_module()
    s3 = boto3.client("s3", endpoint_url=s3_url)
    for bucket in buckets_of(scenario.timeline):
        s3.create_bucket(Bucket=bucket)
    with harness.Deployment(
        os.path.join(work, "dagster_home"), location, os.path.join(work, "outcomes.json")
    ) as deployment:
        player = Player(deployment, module, s3, clock)
        for step in scenario.timeline:
            player.play(step)
        observed = observed_runs(deployment, module)
    expected = deviation.get("runs", scenario.expect.get("runs", []))
    return problems + compare(expected, observed), observed


def main(argv):
    # A `ticks:` step (a span of schedule ticks) is check_schedules.py's; those scenarios are played there.
    scenarios = [
        s
        for s in load_scenarios(TARGET, argv[1:])
        if not any("ticks" in step for step in s.timeline)
    ]
    if not scenarios:
        print("no scenario lists %s" % TARGET)
        return 1
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "conformance")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "conformance")
    os.environ["AWS_DEFAULT_REGION"] = "us-east-1"
    failed = 0
    with tempfile.TemporaryDirectory(prefix="trigc-dagster-") as tmp:
        with moto_server_with_clock(os.path.join(tmp, "moto_clock")) as (s3_url, clock):
            os.environ["AWS_ENDPOINT_URL_S3"] = s3_url
            for scenario in scenarios:
                started = time.monotonic()
                work = os.path.join(tmp, scenario.name)
                os.makedirs(work)
                try:
                    problems, observed = run_scenario(scenario, work, s3_url, clock)
                except Exception as e:  # a scenario that cannot be played is a failure, not a crash
                    import traceback

                    problems, observed = ["%s\n%s" % (e, traceback.format_exc())], []
                took = time.monotonic() - started
                status = "ok" if not problems else "FAILED"
                print("%-50s %s (%.1f s)" % (scenario.name, status, took))
                for problem in problems:
                    print("    " + problem.replace("\n", "\n    "))
                if problems:
                    failed += 1
                    print("    runs started: %s" % json.dumps(
                        observed, sort_keys=True))
    print("%d passed, %d failed" % (len(scenarios) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
