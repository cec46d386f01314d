#!/usr/bin/python3
"""Concurrent builds are safe (issue "Safe on a hostile checkout"): two `trigc build` of one project at once
serialise on the lock in .trigc_cache/. 50 pairs of concurrent builds, the inputs switching between two versions
from one pair to the next (each pair has changes to write): every build exits 0 without a diagnostic, and after
each pair the generated tree is byte for byte that of a single build of its version, with no temp file left.
Then: `--no-wait` exits 4 at once (E0916) while the lock is held, a build without it says it waits after a second
and finishes once the lock is free, and a temp file of a process still running is left alone.

Usage: check_concurrent.py TRIGC EXAMPLE_DIR
"""
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import time

PAIRS = 50
EDIT = ("# trigc project file of the ratatouille lakehouse.", "# trigc project file of the ratatouille lakehouse, revised.")


def fail(message):
    sys.exit(f"build_concurrent: {message}")


def tree(root):
    files = {}
    for folder, _, names in os.walk(os.path.join(root, "generated")):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = (f.read(), os.stat(path).st_mode & 0o777)
    return files


def set_version(root, version, original):
    text = original.replace(*EDIT) if version else original
    with open(os.path.join(root, "trigc.yaml"), "w") as f:
        f.write(text)


def main():
    trigc, example = os.path.abspath(sys.argv[1]), sys.argv[2]
    env = dict(os.environ, NO_COLOR="1")
    with tempfile.TemporaryDirectory() as work:
        repo = os.path.join(work, "repo")
        shutil.copytree(example, repo)
        original = open(os.path.join(repo, "trigc.yaml")).read()
        if EDIT[0] not in original:
            fail("the edit of trigc.yaml does not apply")
        references = []
        for version in (0, 1):  # a single build of each version, in a copy of its own
            ref = os.path.join(work, f"ref{version}")
            shutil.copytree(example, ref)
            set_version(ref, version, original)
            subprocess.run([trigc, "build", "-q", "--full"], cwd=ref, check=True, env=env)
            references.append(tree(ref))
        if references[0] == references[1]:
            fail("the two versions give the same tree")
        errors = 0
        for pair in range(PAIRS):
            version = (pair + 1) % 2
            set_version(repo, version, original)
            procs = [subprocess.Popen([trigc, "build"], cwd=repo, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE) for _ in range(2)]
            for proc in procs:
                out, err = proc.communicate(timeout=120)
                if proc.returncode != 0 or b"error" in err:
                    errors += 1
                    print(f"pair {pair}: exit {proc.returncode}:\n{err.decode(errors='replace')}", file=sys.stderr)
            if tree(repo) != references[version]:
                fail(f"pair {pair}: the tree differs from a single build of version {version}")
        if errors:
            fail(f"{errors} of {2 * PAIRS} concurrent builds failed")

        # The lock held by another process (here, this script): --no-wait exits 4 at once; a build without it
        # waits, says so after a second, and builds once the lock is free.
        set_version(repo, 0, original)
        with open(os.path.join(repo, ".trigc_cache", "lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            start = time.monotonic()
            proc = subprocess.run([trigc, "build", "--no-wait"], cwd=repo, env=env, capture_output=True)
            if proc.returncode != 4 or b"E0916" not in proc.stderr or time.monotonic() - start > 5:
                fail(f"--no-wait with the lock held: exit {proc.returncode}: {proc.stderr.decode()}")
            waiting = subprocess.Popen([trigc, "build"], cwd=repo, env=env, stderr=subprocess.PIPE)
            time.sleep(2.5)
            if waiting.poll() is not None:
                fail("a build did not wait for the lock")
            fcntl.flock(lock, fcntl.LOCK_UN)
            _, err = waiting.communicate(timeout=60)
        if waiting.returncode != 0 or b"trigc: waiting for another `trigc build` of" not in err:
            fail(f"the waiting build: exit {waiting.returncode}, said: {err.decode()}")
        if tree(repo) != references[0]:
            fail("the build that waited did not leave version 0's tree")

        # A temp file of a process that still runs (this script) is not removed; one of an ended process is.
        live = os.path.join(repo, "generated", "airflow", f".bronze_sales.py.trigc-{os.getpid()}-Ab12Cd")
        ended = subprocess.Popen(["true"])
        ended.wait()
        dead = os.path.join(repo, "generated", "airflow", f".bronze_sales.py.trigc-{ended.pid}-Ab12Cd")
        for path in (live, dead):
            with open(path, "w") as f:
                f.write("half a file")
        subprocess.run([trigc, "build", "-q"], cwd=repo, env=env, check=True)
        if not os.path.exists(live) or os.path.exists(dead):
            fail("temp files: the live process's must stay, the ended process's must go")
    print(f"build_concurrent: {PAIRS} pairs of concurrent builds, 0 errors, each tree equal to a single build; "
          "--no-wait, waiting and temp files of live processes")


if __name__ == "__main__":
    main()
