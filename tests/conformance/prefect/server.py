"""A real Prefect server, its CLI and a process worker for the Prefect conformance tests.

`prefect_server()` starts `prefect server start` (build/venvs/prefect) on a free loopback port with a temporary
PREFECT_HOME and sqlite database, waits for /api/health and stops it at the end of the block, also on failure.
The object it yields runs the CLI against that server, starts process workers and reads the API.
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "common"))
import services  # noqa: E402


def venv_bin(name):
    """An executable of build/venvs/prefect."""
    return os.path.join(services.venvs_dir(), "prefect", "bin", name)


class PrefectServer:
    """A running server: its API URL, the environment that points the CLI at it, and a few API calls."""

    def __init__(self, home, url, env):
        self.home = home
        self.url = url
        self.env = env

    def cli(self, *args, cwd=None, check=True, seconds=300):
        """Runs `prefect ARGS` against the server; returns its output (stdout and stderr)."""
        proc = subprocess.run([venv_bin("prefect"), "--no-prompt", *args], cwd=cwd, env=self.env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=seconds)
        if check and proc.returncode != 0:
            raise RuntimeError(f"prefect {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}")
        return proc.stdout

    def api(self, method, path, body=None):
        """One call of the server's REST API; returns the decoded JSON answer (None when empty)."""
        data = None if body is None else json.dumps(body).encode()
        for attempt in range(6):
            request = urllib.request.Request(self.url + path, data=data, method=method,
                                             headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=60) as answer:
                    text = answer.read()
                return json.loads(text) if text else None
            except urllib.error.HTTPError as e:
                # sqlite is busy now and then on a loaded machine: the server answers 503, try again.
                if e.code != 503 or attempt == 5:
                    raise
                time.sleep(1 + attempt)

    def create_work_pool(self, name):
        """A process work pool named `name` (no error when it exists)."""
        self.cli("work-pool", "create", name, "--type", "process", "--overwrite")

    @contextlib.contextmanager
    def worker(self, pool, cwd, log_path):
        """A process worker polling `pool` every second until the block ends."""
        env = dict(self.env, PREFECT_WORKER_QUERY_SECONDS="1", PREFECT_WORKER_PREFETCH_SECONDS="5")
        argv = [venv_bin("prefect"), "worker", "start", "--pool", pool, "--type", "process"]
        with services.process(argv, env=env, log_path=log_path, cwd=cwd, stop_seconds=15) as proc:
            yield proc

    def deployments(self):
        """Every deployment, each with its flow's name under 'flow_name'."""
        flows = {f["id"]: f["name"] for f in self.api("POST", "/flows/filter", {})}
        out = self.api("POST", "/deployments/filter", {})
        for d in out:
            d["flow_name"] = flows.get(d["flow_id"])
        return out

    def automations(self):
        return self.api("POST", "/automations/filter", {})

    def flow_runs(self, body=None):
        """Flow runs that match the /flow_runs/filter `body`, oldest first (all of them, page by page)."""
        runs = []
        while True:
            page = self.api("POST", "/flow_runs/filter",
                            dict(body or {}, sort="EXPECTED_START_TIME_ASC", offset=len(runs), limit=200))
            runs += page
            if len(page) < 200:
                return runs


def server_env(home, url):
    """The environment of the server and of every CLI call and worker: this server only, no telemetry."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update({
        "PREFECT_HOME": home,
        "PREFECT_PROFILES_PATH": os.path.join(home, "profiles.toml"),
        "PREFECT_API_URL": url + "/api",
        "PREFECT_API_DATABASE_CONNECTION_URL": "sqlite+aiosqlite:///" + os.path.join(home, "prefect.db"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_UI_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5",
        # 100 runs per schedule (at most 100 days ahead), so the comparison with trigc preview covers DST days.
        "PREFECT_SERVER_SERVICES_SCHEDULER_MIN_RUNS": "100",
        "PREFECT_SERVER_SERVICES_LATE_RUNS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "INFO",
    })
    return env


@contextlib.contextmanager
def prefect_server(log_dir=None):
    """`prefect server start` on a free loopback port with a fresh sqlite database; yields a PrefectServer."""
    with tempfile.TemporaryDirectory(prefix="trigc-prefect-") as home:
        port = services.free_port()
        url = f"http://127.0.0.1:{port}"
        env = server_env(home, url)
        argv = [venv_bin("prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)]
        log_path = os.path.join(log_dir or home, "server.log")
        server = PrefectServer(home, url + "/api", env)
        try:
            with services.process(argv, ready_url=url + "/api/health", env=env, log_path=log_path, seconds=120):
                yield server
        except BaseException:
            if os.path.exists(log_path):
                with open(log_path, errors="replace") as log:
                    sys.stderr.write("--- prefect server log (last lines) ---\n" + "".join(log.readlines()[-40:]))
            raise
