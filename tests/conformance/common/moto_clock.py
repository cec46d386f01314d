"""moto's S3 server with a settable clock for the objects it stores.

Real S3 gives an object the `LastModified` of the moment its upload began, so an object can become visible
after one with a newer `LastModified` (a slow or multipart upload, listing lag). moto stamps objects with its
own clock; this module starts moto's server with that clock shifted by the number of seconds written in a file,
so a scenario can put an object that looks as if its upload began earlier (`put_object: {age_seconds: N}`).

Run as a script (with the moto venv's python) it is the server; imported, `moto_server_with_clock()` starts it.
"""

import contextlib
import datetime
import os
import sys

try:
    from services import free_port, process, venvs_dir
except ImportError:  # run as the server script, where only moto is needed
    pass

CLOCK_ENV = "TRIGC_MOTO_CLOCK_FILE"


class Clock:
    """The file the server reads its shift from; `age(seconds)` makes the next objects that much older."""

    def __init__(self, path):
        self.path = path
        self.age(0)

    def age(self, seconds):
        with open(self.path, "w") as f:
            f.write(str(-float(seconds)))


@contextlib.contextmanager
def moto_server_with_clock(clock_path):
    """moto's S3 server on a free loopback port whose object clock `Clock(clock_path)` shifts."""
    clock = Clock(clock_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    python = os.path.join(venvs_dir(), "moto", "bin", "python")
    env = dict(os.environ, **{CLOCK_ENV: clock_path})
    argv = [python, os.path.abspath(__file__), "-H", "127.0.0.1", "-p", str(port)]
    with process(argv, ready_url=url + "/moto-api/", env=env):
        yield url, clock


def _serve():
    import moto.core.utils
    import moto.s3.models
    from moto.server import main

    real = moto.core.utils.utcnow

    def shifted():
        try:
            with open(os.environ[CLOCK_ENV]) as f:
                shift = float(f.read() or 0)
        except (KeyError, OSError, ValueError):
            shift = 0.0
        return real() + datetime.timedelta(seconds=shift)

    moto.s3.models.utcnow = shifted
    main(sys.argv[1:])


if __name__ == "__main__":
    _serve()
