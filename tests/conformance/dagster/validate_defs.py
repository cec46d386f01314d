"""`dagster definitions validate` loads the generated package of the example and of every scenario, with no
error and no warning from the package (deprecation, supersession, beta, preview).

Usage: validate_defs.py   (with build/venvs/dagster's python; TRIGC picks the trigc binary)

Each package is put in a code location file with one tiny job per job name it launches (as a user's code
location would hold them); all locations are validated by one run of the real CLI. The packages are also
imported in this process with every warning recorded, to name the line that raised one.
"""

import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "common"))

import harness  # noqa: E402
from scenario import REPO, load_scenarios, trigc_build  # noqa: E402

EXAMPLE = os.path.join(REPO, "examples", "ratatouille", "generated", "dagster", "ratatouille_triggers")
# The CLI warns about itself (it is superseded by the `dg` tool): that line is about the command, not the code.
CLI_OWN_WARNING = re.compile(r"definitions_validate_command` is superseded")


def packages(tmp):
    """(name, package folder) of the example's committed package and of every scenario's fresh build."""
    found = [("example_ratatouille", EXAMPLE)]
    for scenario in load_scenarios("dagster"):
        work = os.path.join(tmp, scenario.name)
        scenario.write_repo(os.path.join(work, "repo"))
        out = os.path.join(work, "out")
        trigc_build(os.path.join(work, "repo"), "dagster", out)
        for folder, _, files in os.walk(out):
            if "_trigc.py" in files:
                found.append((scenario.name, folder))
    return found


def main():
    problems = []
    with tempfile.TemporaryDirectory(prefix="trigc-dagster-validate-") as tmp:
        locations = []
        for name, folder in packages(tmp):
            location = harness.Location(folder, tmp, "validate_" + name)
            _, caught = location.load_module()
            for w in caught:
                problems.append(
                    "%s: %s at %s:%d: %s" % (name, w.category.__name__, w.filename, w.lineno, w.message)
                )
            locations.append(location)
        home = os.path.join(tmp, "dagster_home")
        os.makedirs(home)
        open(os.path.join(home, "dagster.yaml"), "w").close()
        argv = [os.path.join(os.path.dirname(sys.executable), "dagster"), "definitions", "validate"]
        for location in locations:
            argv += ["-f", location.path]
        done = subprocess.run(
            argv,
            cwd=tmp,
            env=dict(os.environ, DAGSTER_HOME=home),
            capture_output=True,
            text=True,
            check=False,
        )
        output = done.stdout + done.stderr
        if done.returncode != 0:
            problems.append("dagster definitions validate exited %d:\n%s" % (done.returncode, output))
        for line in output.splitlines():
            if re.search(r"Warning\b|WARNING", line) and not CLI_OWN_WARNING.search(line):
                if "return callback(" in line:
                    continue
                problems.append("dagster definitions validate warned: " + line.strip())
        passed = output.count("Validation successful for code location")
        print("%d code locations validated by `dagster definitions validate`" % passed)
        if passed != len(locations):
            problems.append("%d locations given, %d validated" % (len(locations), passed))
    for problem in problems:
        print("FAIL " + problem)
    print("%d passed, %d failed" % (len(locations) - min(len(problems), len(locations)), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
