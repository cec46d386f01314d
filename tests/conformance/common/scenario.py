"""Scenario files (scenarios/*.yaml, see the README) and trigc builds of their repositories.

Generic: a runner for any target loads the scenarios that list it, writes each repository into a temp dir and
builds it with trigc. Needs PyYAML in the runner's venv.
"""

import glob
import os
import subprocess

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CONFORMANCE = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(CONFORMANCE))
SCENARIOS = os.path.join(CONFORMANCE, "scenarios")


class Scenario:
    """One scenario file: its name (the file name without .yaml) and its parsed content."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.splitext(os.path.basename(path))[0]
        with open(path) as f:
            self.data = yaml.safe_load(f)

    @property
    def targets(self):
        return self.data.get("targets", [])

    @property
    def repo(self):
        return self.data.get("repo", {})

    @property
    def timeline(self):
        return self.data.get("timeline", [])

    @property
    def expect(self):
        return self.data.get("expect", {})

    def deviation(self, target):
        """What the scenario expects `target` to do instead of `expect:`, or None."""
        return (self.expect.get("deviations") or {}).get(target)

    def write_repo(self, folder):
        """Writes the scenario's trigc repository into `folder`."""
        for rel, text in self.repo.items():
            path = os.path.join(folder, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)


def load_scenarios(target, names=None):
    """The scenarios that list `target`, sorted by name; `names` keeps only those."""
    found = []
    for path in sorted(glob.glob(os.path.join(SCENARIOS, "*.yaml"))):
        scenario = Scenario(path)
        if target in scenario.targets and (not names or scenario.name in names):
            found.append(scenario)
    return found


def trigc_exe():
    """The trigc binary under test: $TRIGC, else build/trigc."""
    return os.environ.get("TRIGC", os.path.join(REPO, "build", "trigc"))


def trigc(*args, cwd=None):
    """Runs trigc with `args`; returns the CompletedProcess (text, stdout and stderr captured)."""
    return subprocess.run(
        [trigc_exe(), *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def trigc_build(repo_dir, target, out_dir):
    """`trigc build repo_dir --target target --out out_dir`; raises with trigc's output when it fails."""
    done = trigc("build", repo_dir, "--target", target, "--out", out_dir, "--color", "never")
    if done.returncode != 0:
        raise RuntimeError(
            f"trigc build --target {target} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    return done
