"""The Airflow conformance suite for one Airflow line (run with that line's venv, build/venvs/airflowN).

1. Loads clean: the generated folder of examples/ratatouille and of every scenario, built for the line, loads into
   a DagBag with no import error and no warning.
2. Schedules: each scheduled controller's timetable, iterated with next_dagrun_info, gives the instants of
   `trigc preview --target airflow` (two years, DST changes); a new controller starts no run for a past tick.
3-7. The scenarios of tests/conformance/scenarios that list airflowN, played against this Airflow in process.

Usage: run_airflow.py TRIGC LINE   (from a venv of that Airflow line)
"""

import contextlib
import os
import shutil
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "common"))

import airflow_home  # noqa: E402
import services  # noqa: E402


@contextlib.contextmanager
def quiet(path):
    """Sends this process's stdout and stderr (Airflow's task logs, tracebacks of failing attempts) to `path`."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with open(path, "wb") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def build_example(trigc, line, workdir):
    """A copy of examples/ratatouille built for Airflow `line`; returns (repo, its airflow folder)."""
    import subprocess

    repo = os.path.join(workdir, f"ratatouille{line}")
    shutil.copytree(os.path.join(ROOT, "examples", "ratatouille"), repo,
                    ignore=shutil.ignore_patterns("generated", ".trigc_cache"))
    project = os.path.join(repo, "trigc.yaml")
    text = open(project).read()
    assert "    version: 2\n" in text
    with open(project, "w") as f:
        f.write(text.replace("    version: 2\n", f"    version: {line}\n"))
    subprocess.run([trigc, "build", repo, "--target", "airflow"], check=True, capture_output=True)
    return repo, os.path.join(repo, "generated", "airflow")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    trigc, line = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    started = time.monotonic()
    failures = []
    with services.moto_server() as endpoint, tempfile.TemporaryDirectory(prefix="trigc-af-") as workdir:
        home = airflow_home.prepare(endpoint)
        print(f"airflow{line}: db migrated in {time.monotonic() - started:.0f} s", flush=True)
        import boto3

        from loads import load_clean
        from scenarios import play, scenarios
        from timetables import check_first_tick, check_instants

        repo, folder = build_example(trigc, line, workdir)
        bag = load_clean(folder, failures, f"example (airflow {line})")
        print(f"airflow{line}: example: {len(bag.dags)} DAGs loaded", flush=True)
        compared = check_instants(bag, trigc, repo, failures, f"example (airflow {line})")
        first = check_first_tick(bag, failures, f"example (airflow {line})", line)
        print(f"airflow{line}: {compared} instants compared, {first} first ticks checked", flush=True)

        s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")

        def s3_reset():
            urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset", method="POST")).close()

        for name, scenario in scenarios(ROOT, f"airflow{line}"):
            t = time.monotonic()
            log = os.path.join(workdir, name + ".log")
            with quiet(log):
                found = play(trigc, name, scenario, line, home, s3, s3_reset)
            if found:
                print(f"--- Airflow's output for {name} (last 60 lines)\n" + "".join(open(log).readlines()[-60:]))
            failures += found
            print(f"airflow{line}: scenario {name}: {'FAIL' if found else 'ok'} "
                  f"({time.monotonic() - t:.0f} s)", flush=True)
        shutil.rmtree(home, ignore_errors=True)
    for failure in failures:
        print("FAIL " + failure)
    print(f"airflow{line}: {len(failures)} failures in {time.monotonic() - started:.0f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
