"""Loads trigc's generated Dagster package into a real Dagster instance and drives Dagster's own daemons.

- `Location` writes the code location a user would write around the package: one tiny job per job name the
  package launches (its op succeeds or raises as the scenario's outcomes say) merged with the generated `defs`.
  The package is imported under a name of its own, so many scenarios load in one Python process.
- `Deployment` is a real `DagsterInstance` (sqlite in a temp dir, run retries on) and an in-process
  workspace over the location. Sensors are evaluated by the sensor daemon's iteration
  (`execute_sensor_iteration`), runs are submitted through the instance's run coordinator and executed by
  Dagster's synchronous in-memory launcher, and failed runs are retried by the run-retry daemon's function.
"""

import contextlib
import json
import logging
import os
import sys
import textwrap
import unittest.mock
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "common"))

import dagster as dg  # noqa: E402
from dagster._core.remote_origin import InProcessCodeLocationOrigin  # noqa: E402
from dagster._core.test_utils import create_test_daemon_workspace_context  # noqa: E402
from dagster._core.types.loadable_target_origin import LoadableTargetOrigin  # noqa: E402
from dagster._core.workspace.load_target import InProcessWorkspaceLoadTarget  # noqa: E402

OUTCOMES_ENV = "TRIGC_CONFORMANCE_OUTCOMES"

LOCATION_TEMPLATE = '''\
"""The code location around trigc's package: one tiny job per job name, merged with the generated defs."""
import importlib.util
import json
import os
import sys

import dagster as dg

_spec = importlib.util.spec_from_file_location(
    {name!r}, {init!r}, submodule_search_locations=[{folder!r}]
)
generated = sys.modules.get({name!r})
if generated is None:
    generated = importlib.util.module_from_spec(_spec)
    sys.modules[{name!r}] = generated
    _spec.loader.exec_module(generated)


def _outcome(job_name):
    """The next planned outcome of a run of job_name (success when none is planned)."""
    path = os.environ.get({env!r})
    if not path or not os.path.exists(path):
        return "success"
    with open(path) as f:
        plan = json.load(f)
    queue = plan.get(job_name) or []
    outcome = queue.pop(0) if queue else "success"
    with open(path, "w") as f:
        json.dump(plan, f)
    return outcome


def _job(job_name):
    @dg.op(name=job_name + "_step")
    def step(context):
        if _outcome(job_name) == "failure":
            raise Exception("planned failure of " + job_name)

    @dg.job(
        name=job_name,
        executor_def=dg.in_process_executor,
        config={{"loggers": {{"console": {{"config": {{"log_level": "CRITICAL"}}}}}}}},
    )
    def job():
        step()

    return job


JOB_NAMES = sorted({{m.JOB_NAME for m in generated.PIPELINES.values()}} | set({extra_jobs!r}))
defs = dg.Definitions.merge(
    dg.Definitions(jobs=[_job(name) for name in JOB_NAMES]), generated.defs
)
'''


def package_dir(out_root):
    """The one generated package below out_root (the folder with __init__.py and _trigc.py)."""
    for folder, _, files in os.walk(out_root):
        if "__init__.py" in files and "_trigc.py" in files:
            return folder
    raise RuntimeError("no generated package below %s" % out_root)


class Location:
    """The code location file around a generated package (folder holding __init__.py)."""

    def __init__(self, package_dir, work_dir, import_name, extra_jobs=()):
        self.package_dir = package_dir
        self.import_name = import_name
        self.path = os.path.join(work_dir, "location_%s.py" % import_name)
        with open(self.path, "w") as f:
            f.write(
                LOCATION_TEMPLATE.format(
                    name=import_name,
                    init=os.path.join(package_dir, "__init__.py"),
                    folder=package_dir,
                    env=OUTCOMES_ENV,
                    extra_jobs=sorted(extra_jobs),
                )
            )

    def load_module(self):
        """Imports the generated package (and nothing else); returns it, with the warnings it raised."""
        import importlib.util

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            spec = importlib.util.spec_from_file_location(
                self.import_name,
                os.path.join(self.package_dir, "__init__.py"),
                submodule_search_locations=[self.package_dir],
            )
            module = sys.modules.get(self.import_name)
            if module is None:
                module = importlib.util.module_from_spec(spec)
                sys.modules[self.import_name] = module
                spec.loader.exec_module(module)
        return module, [w for w in caught]


LAUNCHERS = {
    # Executes each run at once, in this process, with the code location's job.
    "sync": ("dagster._core.launcher.sync_in_memory_run_launcher", "SyncInMemoryRunLauncher"),
    # Only records the launch (the run stays STARTING): for checks that count runs, not run them.
    "record": ("dagster._core.test_utils", "MockedRunLauncher"),
}


def _instance_yaml(home, launcher, run_retries=True):
    return textwrap.dedent(
        """\
        run_coordinator:
          module: dagster._core.run_coordinator
          class: DefaultRunCoordinator
        event_log_storage:
          module: dagster._core.storage.event_log
          class: ConsolidatedSqliteEventLogStorage
          config:
            base_dir: %s
        run_launcher:
          module: %s
          class: %s
        run_retries:
          enabled: %s
        telemetry:
          enabled: false
        """
        % (os.path.join(home, "history"), *LAUNCHERS[launcher], "true" if run_retries else "false")
    )


class Deployment:
    """A real DagsterInstance in `home` with the location loaded in process, driven tick by tick."""

    def __init__(self, home, location, outcomes_path, launcher="sync"):
        self.home = home
        self.location = location
        self.outcomes_path = outcomes_path
        os.makedirs(home, exist_ok=True)
        with open(os.path.join(home, "dagster.yaml"), "w") as f:
            f.write(_instance_yaml(home, launcher))
        with open(outcomes_path, "w") as f:
            json.dump({}, f)
        self.logger = logging.getLogger("trigc.conformance")
        self.logger.setLevel(logging.ERROR)
        self._stack = contextlib.ExitStack()
        self.instance = None
        self.context = None

    def __enter__(self):
        os.environ[OUTCOMES_ENV] = self.outcomes_path
        self.instance = self._stack.enter_context(
            dg.DagsterInstance.from_config(self.home)
        )
        self._open_workspace()
        return self

    def __exit__(self, *exc):
        self._stack.close()
        os.environ.pop(OUTCOMES_ENV, None)

    def _open_workspace(self):
        origin = InProcessCodeLocationOrigin(
            LoadableTargetOrigin(
                python_file=self.location.path,
                attribute="defs",
                working_directory=os.path.dirname(self.location.path),
            ),
            location_name="trigc_" + self.location.import_name,
        )
        self._workspace_stack = contextlib.ExitStack()
        self.context = self._workspace_stack.enter_context(
            create_test_daemon_workspace_context(
                InProcessWorkspaceLoadTarget(origin), instance=self.instance
            )
        )
        self._stack.callback(self._workspace_stack.close)
        entry = next(
            iter(self.context.create_request_context().get_code_location_entries().values())
        )
        if entry.code_location is None:
            raise RuntimeError("the code location did not load: %s" % (entry.load_error,))

    def restart(self):
        """A new daemon process: a fresh workspace over the same instance (cursors are in the instance)."""
        self._workspace_stack.close()
        self._open_workspace()

    # --- the code location as the daemons see it -------------------------------------------------------
    def code_location(self):
        entry = next(
            iter(self.context.create_request_context().get_code_location_entries().values())
        )
        return entry.code_location

    def repository(self):
        return next(iter(self.code_location().get_repositories().values()))

    # --- ticks -------------------------------------------------------------------------------------------
    def sensor_tick(self):
        """One iteration of the sensor daemon over every sensor, as if each sensor's interval had passed.

        Scenario ticks are not spaced in real time, so the daemon's minimum-interval check is answered
        'elapsed' (the only thing patched); everything else is the daemon's own code.
        """
        from dagster._daemon import sensor as sensor_daemon

        with unittest.mock.patch.object(
            sensor_daemon, "is_under_min_interval", return_value=False
        ):
            list(
                sensor_daemon.execute_sensor_iteration(
                    self.context,
                    self.logger,
                    threadpool_executor=None,
                    submit_threadpool_executor=None,
                )
            )
        self.retry_failed_runs()

    def sensor_ticks(self, name):
        """The ticks the daemon recorded for sensor `name`, newest first."""
        sensor = self.repository().get_sensor(name)
        return self.instance.get_ticks(sensor.get_remote_origin_id(), sensor.selector_id)

    # --- upstream runs -----------------------------------------------------------------------------------
    def plan_outcomes(self, job_name, outcomes):
        with open(self.outcomes_path) as f:
            plan = json.load(f)
        plan.setdefault(job_name, []).extend(outcomes)
        with open(self.outcomes_path, "w") as f:
            json.dump(plan, f)

    def launch(self, job_name, tags):
        """Launches a run of job_name as a person would from the UI: created from the code location's
        job snapshot and submitted to the instance (which executes it at once)."""
        location = self.code_location()
        repo = self.repository()
        remote_job = repo.get_full_job(job_name)
        plan = location.get_execution_plan(
            remote_job, {}, step_keys_to_execute=None, known_state=None, instance=self.instance
        )
        run = self.instance.create_run(
            job_name=job_name,
            run_id=None,
            run_config={},
            resolved_op_selection=None,
            step_keys_to_execute=None,
            status=dg.DagsterRunStatus.NOT_STARTED,
            op_selection=None,
            root_run_id=None,
            parent_run_id=None,
            tags=dict(tags),
            job_snapshot=remote_job.job_snapshot,
            execution_plan_snapshot=plan.execution_plan_snapshot,
            parent_job_snapshot=remote_job.parent_job_snapshot,
            remote_job_origin=remote_job.get_remote_origin(),
            job_code_origin=remote_job.get_python_origin(),
            asset_selection=None,
            asset_check_selection=None,
            asset_graph=repo.asset_graph,
        )
        self.instance.submit_run(run.run_id, self.context.create_request_context())
        self.retry_failed_runs()
        return run.run_id

    def retry_failed_runs(self):
        """What the run-retry daemon does, until no failed run is left to retry."""
        from dagster._daemon.auto_run_reexecution.auto_run_reexecution import (
            consume_new_runs_for_automatic_reexecution,
        )

        done = set()
        while True:
            records = [
                r
                for r in self.instance.get_run_records(
                    dg.RunsFilter(statuses=[dg.DagsterRunStatus.FAILURE])
                )
                if r.dagster_run.run_id not in done
            ]
            if not records:
                return
            done.update(r.dagster_run.run_id for r in records)
            list(consume_new_runs_for_automatic_reexecution(self.context, records, self.logger))

    # --- what happened -----------------------------------------------------------------------------------
    def trigger_started_runs(self):
        """Runs a trigc trigger requested (tag trigc/pipeline), oldest first; automatic retries excluded."""
        records = self.instance.get_run_records(dg.RunsFilter(tags={}), ascending=True)
        runs = []
        for record in records:
            tags = record.dagster_run.tags
            if "trigc/pipeline" not in tags or "dagster/retry_number" in tags:
                continue
            runs.append(record.dagster_run)
        return runs
