"""Plays the conformance scenarios (tests/conformance/scenarios/*.yaml) that list this Airflow line.

Each scenario's repository is built with trigc for the line, its DAG files are loaded with tiny target DAGs (one
task that fails or succeeds per attempt), and the timeline is played in this process:
- `put_object`: an object put into moto's S3 server;
- `tick`: one run of every controller DAG that has a schedule (`dag.test()`, Airflow's in-process runner);
- `run`: a run of a pipeline's target DAG started by a person (`dag.test()`), one outcome per attempt.
After each step the runner plays the scheduler: every queued DAG run (the target runs the controllers start, the
controller runs the dependency plugin starts) is taken off the queue in creation order and run with its conf. The
queued target runs are the trigger-started runs compared with the scenario's `expect.runs`.
"""

import glob
import os
import shutil
import subprocess
import tempfile

import yaml

from loads import load_clean

TARGET_DAGS = '''from datetime import timedelta

import pendulum
{imports}


def _work(dag_run, ti):
    # One outcome per attempt, from the conf of a run the test started; trigger-started runs succeed.
    attempts = (dag_run.conf or {{}}).get("trigc_test_attempts") or ["success"]
    if attempts[min(ti.try_number, len(attempts)) - 1] == "failure":
        raise RuntimeError("this attempt fails")


for dag_id in {dag_ids!r}:
    with DAG(dag_id, schedule=None, start_date=pendulum.datetime(2026, 1, 1), catchup=False):
        PythonOperator(
            task_id="work", python_callable=_work, retries=3, retry_delay=timedelta(seconds=0)
        )
'''
IMPORTS = {
    2: "from airflow import DAG\nfrom airflow.operators.python import PythonOperator",
    3: "from airflow.sdk import DAG\nfrom airflow.providers.standard.operators.python import PythonOperator",
}


def scenarios(root, runner):
    """(name, scenario) of every scenario file that lists `runner`, in name order."""
    for path in sorted(glob.glob(os.path.join(root, "tests", "conformance", "scenarios", "*.yaml"))):
        with open(path) as f:
            scenario = yaml.safe_load(f)
        if runner in scenario.get("targets", []):
            yield os.path.basename(path)[: -len(".yaml")], scenario


def build(trigc, scenario, line, workdir):
    """Writes the scenario's repository with an airflow target for `line`; returns (repo, out folder, stderr)."""
    repo = os.path.join(workdir, "repo")
    for path, text in scenario["repo"].items():
        full = os.path.join(repo, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)
    project_path = os.path.join(repo, "trigc.yaml")
    with open(project_path) as f:
        project = yaml.safe_load(f) or {}
    project.setdefault("targets", {})["airflow"] = {"out": "airflow_out", "version": line, "aws_conn_id": "trigc_moto"}
    with open(project_path, "w") as f:
        yaml.safe_dump(project, f)
    r = subprocess.run([trigc, "build", repo, "--target", "airflow"], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"trigc build failed:\n{r.stderr}")
    return repo, os.path.join(repo, "airflow_out"), r.stderr


def target_dags(repo):
    """target DAG id -> pipeline, from each pipeline's config (targets.airflow.target, target, else its name)."""
    out = {}
    for config in sorted(glob.glob(os.path.join(repo, "pipelines", "*", "config.yaml"))):
        name = os.path.basename(os.path.dirname(config))
        with open(config) as f:
            data = yaml.safe_load(f) or {}
        override = ((data.get("targets") or {}).get("airflow") or {}).get("target")
        out[override or data.get("target") or name] = name
    return out


class Player:
    """Plays one scenario's timeline against the Airflow of this process."""

    def __init__(self, home, out, targets, line, s3):
        self.line, self.s3, self.targets = line, s3, targets
        dags = os.path.join(home, "dags")
        shutil.rmtree(dags)
        shutil.copytree(out, dags, ignore=shutil.ignore_patterns("plugins", "README.md"))
        with open(os.path.join(dags, "trigc_test_targets.py"), "w") as f:
            f.write(TARGET_DAGS.format(imports=IMPORTS[line], dag_ids=sorted(targets)))
        self.failures = []
        _forget_state()
        self.bag = load_clean(dags, self.failures, "scenario DAG folder")
        self._sync(dags)
        self._listen(os.path.join(out, "plugins", "trigc_dependencies.py"))
        self.observed = []

    def _sync(self, dags):
        """Writes the DAGs to the metadata database, as the DAG processor would."""
        if self.line == 2:
            self.bag.sync_to_db()
            return
        from airflow.dag_processing.bundles.manager import DagBundlesManager
        from airflow.dag_processing.dagbag import BundleDagBag, sync_bag_to_db

        DagBundlesManager().sync_bundles_to_db()
        bag = BundleDagBag(dag_folder=dags, bundle_path=dags, bundle_name="dags-folder")
        sync_bag_to_db(bag, "dags-folder", None)

    def _listen(self, plugin):
        """Registers the scenario's dependency plugin listener (the plugin folder is read once per process)."""
        import importlib.util

        from airflow.listeners.listener import get_listener_manager

        manager = get_listener_manager()
        manager.clear()
        if not os.path.exists(plugin):
            return
        spec = importlib.util.spec_from_file_location(f"trigc_dependencies_{id(self)}", plugin)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for listener in module.TrigcDependencies.listeners:
            manager.add_listener(listener)

    def step(self, step):
        (kind, args), = step.items()
        getattr(self, "do_" + kind)(args or {})
        self.settle()

    def do_put_object(self, args):
        self.s3.put_object(Bucket=args["bucket"], Key=args["key"], Body=args.get("body", "x").encode())

    def do_tick(self, args):
        for dag_id, dag in sorted(self.bag.dags.items()):
            if dag_id.startswith("trigc__") and type(dag.timetable).__name__ != "NullTimetable":
                dag.test()

    def do_run(self, args):
        dag_id = next(d for d, p in self.targets.items() if p == args["pipeline"])
        self.bag.dags[dag_id].test(run_conf={"trigc_test_attempts": args.get("attempts", ["success"])})

    def settle(self):
        """Runs every queued DAG run, oldest first, until none is left (the scheduler's part)."""
        from airflow import settings
        from airflow.models import DagRun

        for _ in range(100):
            session = settings.Session()
            run = session.query(DagRun).filter(DagRun.state == "queued").order_by(DagRun.id).first()
            if run is None:
                session.close()
                return
            dag_id, conf = run.dag_id, dict(run.conf or {})
            session.delete(run)
            session.commit()
            session.close()
            if dag_id in self.targets:
                self.observed.append({"pipeline": self.targets[dag_id], "conf": conf})
            self.bag.dags[dag_id].test(run_conf=conf)
        self.failures.append("more than 100 queued runs: a loop of dependencies?")


def _forget_state():
    """Removes the runs and Variables of the scenarios played before (seen objects, cooldowns)."""
    from airflow import settings
    from airflow.models import DagRun, Variable

    session = settings.Session()
    for run in session.query(DagRun).all():
        session.delete(run)
    session.query(Variable).delete()
    session.commit()
    session.close()


def compare(expected, observed):
    """Failures of the observed runs against the expected ones: same pipelines in order, params within conf."""
    failures = []
    for i in range(max(len(expected), len(observed))):
        want = expected[i] if i < len(expected) else None
        got = observed[i] if i < len(observed) else None
        ok = want and got and want["pipeline"] == got["pipeline"]
        ok = ok and all(got["conf"].get(k) == v for k, v in (want.get("params") or {}).items())
        if not ok:
            failures.append(f"run {i}: expected {want}, got {got}")
    return failures


def play(trigc, name, scenario, line, home, s3, s3_reset):
    """Builds and plays one scenario; returns its failures."""
    runner = f"airflow{line}"
    with tempfile.TemporaryDirectory(prefix=f"trigc-{name}-") as workdir:
        repo, out, stderr = build(trigc, scenario, line, workdir)
        expect = scenario.get("expect", {})
        deviation = (expect.get("deviations") or {}).get(runner)
        expected = deviation["runs"] if deviation else expect.get("runs", [])
        failures = []
        if deviation and deviation.get("warning") and deviation["warning"] not in stderr:
            failures.append(f"trigc build gave no {deviation['warning']}: {stderr}")
        s3_reset()
        player = Player(home, out, target_dags(repo), line, s3)
        for bucket in sorted({s["put_object"]["bucket"] for s in scenario["timeline"] if "put_object" in s}):
            try:
                s3.create_bucket(Bucket=bucket)
            except s3.exceptions.BucketAlreadyOwnedByYou:
                pass
        for step in scenario["timeline"]:
            player.step(step)
        failures += player.failures + compare(expected, player.observed)
        return [f"{name}: {f}" for f in failures]
