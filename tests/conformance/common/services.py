"""Real services for the conformance suites, on loopback ports the tests choose.

Each service is a context manager: it starts the real server, waits until it answers, yields where it listens
and stops it on the way out, also when the test fails. Nothing here runs inside an orchestrator's process.
"""

import contextlib
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))


def venvs_dir():
    """Where tests/conformance/venv.sh builds the venvs."""
    return os.environ.get("TRIGC_VENVS", os.path.join(REPO, "build", "venvs"))


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, seconds=30.0):
    """Waits until `url` answers with any HTTP status; raises TimeoutError after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not answer within {seconds:.0f} s")
            time.sleep(0.1)


@contextlib.contextmanager
def process(argv, ready_url=None, env=None, log_path=None, seconds=60.0, cwd=None, stop_seconds=10.0):
    """Runs `argv` until the block ends; with `ready_url`, first waits until it answers. On the way out it is
    asked to stop and killed after `stop_seconds`."""
    log = open(log_path, "wb") if log_path else subprocess.DEVNULL
    proc = subprocess.Popen(argv, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        if ready_url:
            wait_http(ready_url, seconds)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(stop_seconds)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log_path:
            log.close()


@contextlib.contextmanager
def moto_server():
    """moto's S3 and SQS server (build/venvs/moto) on a free loopback port; yields its endpoint URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    exe = os.path.join(venvs_dir(), "moto", "bin", "moto_server")
    with process([exe, "-H", "127.0.0.1", "-p", str(port)], ready_url=url + "/moto-api/"):
        yield url
