#!/usr/bin/python3
"""Adversarial values in every string field of a config: a diagnostic, or artifacts that hold them as data only.

Every value of values.json goes into every string field the two schemas define (fields.py; a field without a
carrier fails the test), written once with YAML escapes and once with its raw characters. One `trigc validate`
and then one `trigc build` (all six targets) run over all the repositories. For each (field, value):
- trigc exits 1 with a diagnostic in the file that holds the value (recorded in the summary), or
- the build succeeds and every artifact has the shape of the baseline build with a benign value
  (shapes.py): Python files parse with ast and have the same ast apart from constants; prefect.yaml parses and
  has the same lines apart from its strings; scripts pass sh -n, bash -n and shellcheck and have the same text
  apart from single-quoted words; units have the same keys and lines and pass systemd-analyze verify; crontab
  lines are the baseline's lines; and where the field reaches a target (fields.CARRIERS[...].reaches) the value
  is found there exactly: a Python or YAML string, an argument the run script hands the runner (a recording
  stand-in), TRIGC_PARAMS, or an argument of `mc` when the MinIO script runs against tests/minio/bin/mc.
Files shared by all pipelines of a repository (the crontab, the MinIO script, the upstream's files, READMEs)
hold one entry per pipeline: they are compared as sets of lines, with the values of the config (cron times, an
/etc/cron.d user, Markdown code spans) and the numbering of their entries taken out.

Each file is judged once: a file equal to its baseline's but for generated names is not parsed again, scripts
equal but for names are linted once (and scripts that differ only in the letters and digits of quoted data, see
shapes.shell_signature), run scripts equal but for names with the same value run once, and sh -n, bash -n and
shellcheck get the scripts in batches, on two workers.

Usage: check_injection.py TRIGC (INJ_KEEP=1 keeps the temporary folder)
"""
import collections
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import fields  # noqa: E402
import judge  # noqa: E402
import repos  # noqa: E402

STUB = """#!/bin/sh
printf '%s\\0' "$@" >"$INJ_RECORD"
printf '%s' "${TRIGC_PARAMS-}" >"$INJ_RECORD.params"
"""


class Case:
    def __init__(self, field, value_id, value, raw, repo, pipeline):
        self.field, self.value_id, self.value, self.raw = field, value_id, value, raw
        self.repo, self.pipeline, self.codes = repo, pipeline, None

    def label(self):
        return "%s = %s%s" % (self.field, self.value_id, " (raw)" if self.raw else "")


def coverage(failures):
    known = {name.split("@")[0] for name in fields.CARRIERS}
    for schema in ("pipeline", "project"):
        with open(os.path.join(ROOT, "schemas", schema + ".schema.json")) as f:
            found = fields.schema_fields(json.load(f))
        scoped = {n.split("@")[0] for n, c in fields.CARRIERS.items() if c.scope == schema}
        for name in sorted(found - known - scoped):
            failures.append("field %s of %s.schema.json has no carrier in fields.py" % (name, schema))
        for name in sorted(scoped - found):
            failures.append("fields.py carries %s, which %s.schema.json no longer has" % (name, schema))


class ProjectRepo:
    """A repository carrying one value in every trigc.yaml field that has not been rejected yet."""

    def __init__(self, work, name, values, raw):
        self.work, self.name, self.values, self.raw = work, name, dict(values), raw
        self.write()

    def write(self):
        root = os.path.join(self.work, self.name)
        shutil.rmtree(root, ignore_errors=True)
        self.lines, self.users, self.outs = repos.project_repo(root, self.values, self.raw)

    def fields_at(self, pipeline, line, code):
        """The fields an error points at: by its line in trigc.yaml, by the pipeline that uses a preset, else
        all of them: an error not tied to one field, or a YAML error (E01xx: the loader stops at the first bad
        character of a file), rejects the value in every field."""
        if pipeline is None and line in self.lines and not code.startswith("E01"):
            return [self.lines[line]]
        if pipeline in self.users:
            return [self.users[pipeline]]
        return [f for f, v in self.values.items() if v != fields.CARRIERS[f].benign]


def make_cases(work, values):
    cases, baselines, projects = [], {}, {}
    variants = [(v["id"], v["value"], False) for v in values]
    variants += [(v["id"], v["value"], True) for v in values if repos.quote(v["value"], True) !=
                 repos.quote(v["value"])]
    project_fields = sorted(f for f, c in fields.CARRIERS.items() if c.scope == "project")
    projects["pj_base"] = ProjectRepo(work, "pj_base", {f: fields.CARRIERS[f].benign for f in project_fields}, False)
    for k, (vid, value, raw) in enumerate(variants):
        repo = "pj_v%03d" % k
        projects[repo] = ProjectRepo(work, repo, {f: value for f in project_fields}, raw)
        cases += [Case(f, vid, value, raw, repo, "p000") for f in project_fields]
    for i, field in enumerate(sorted(f for f, c in fields.CARRIERS.items() if c.scope == "pipeline")):
        carrier = fields.CARRIERS[field]
        base, batch = "f%03d_base" % i, "f%03d_batch" % i
        repos.pipeline_repo(os.path.join(work, base), field, [("p000", carrier.benign, False)])
        baselines[field] = base
        named = [("p%03d" % (k + 1), value, raw) for k, (_, value, raw) in enumerate(variants)]
        repos.pipeline_repo(os.path.join(work, batch), field, named)
        cases += [Case(field, vid, value, raw, batch, name) for (vid, value, raw), (name, _, _) in zip(variants, named)]
    for field in project_fields:
        baselines[field] = "pj_base"
    return cases, baselines, projects


def run_trigc(trigc, work, command, repo_names, failures):
    """Runs trigc over the repositories; returns its errors as (repo, pipeline or None, line, code)."""
    proc = subprocess.run([trigc, command, "--format", "json", "--max-errors", "0"] + repo_names, cwd=work,
                          capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1767225600"))
    # 1: configuration errors; 4: an I/O error such as a `pipelines:` folder that does not exist.
    if proc.returncode not in (0, 1, 4):
        failures.append("trigc %s exited %d: %s" % (command, proc.returncode, proc.stderr[-2000:]))
        return None
    errors = []
    for diag in json.loads(proc.stdout or "[]") if proc.returncode else []:
        if diag["severity"] != "error":
            continue
        parts = (diag.get("file") or "").split("/")
        if len(parts) == 4 and parts[1] == "pipelines" and parts[0] in repo_names:
            errors.append((parts[0], parts[2], diag["line"], diag["code"]))
        elif len(parts) == 2 and parts[0] in repo_names:
            errors.append((parts[0], None, diag["line"], diag["code"]))
        else:
            failures.append("trigc %s: an error that names no file of a repository: %s" % (command, diag))
    if proc.returncode and not errors:
        failures.append("trigc %s exited %d without an error in a repository" % (command, proc.returncode))
    return errors


def reject(cases, projects, errors, live, failures):
    """Records each error on the case it belongs to and takes that value out of the next build."""
    by_place = {(c.repo, c.pipeline): c for c in cases if c.repo not in projects}
    by_field = {(c.repo, c.field): c for c in cases if c.repo in projects}
    rewrite = set()
    for repo, pipeline, line, code in errors:
        if repo in projects:
            rejected = [by_field.get((repo, f)) for f in projects[repo].fields_at(pipeline, line, code)]
            if not rejected and repo in rewrite:
                continue  # a further error of a value already rejected in every field
        else:
            rejected = [by_place.get((repo, pipeline))]
        if None in rejected or not rejected:
            failures.append("%s: error %s in a baseline part of the repository (%s:%s)" % (repo, code, pipeline, line))
            live.discard(repo)
            continue
        for case in rejected:
            case.codes = sorted(set(case.codes or ()) | {code})
            if repo in projects:
                projects[repo].values[case.field] = fields.CARRIERS[case.field].benign
                rewrite.add(repo)
            elif os.path.isdir(os.path.join(live.work, repo, "pipelines", pipeline)):
                shutil.rmtree(os.path.join(live.work, repo, "pipelines", pipeline))
    for repo in rewrite:
        projects[repo].write()


class Live(set):
    def __init__(self, work, names):
        super().__init__(names)
        self.work = work


def compile_all(trigc, work, cases, baselines, projects, failures):
    """Validates all repositories in one run, then builds each repository until it builds without errors (a
    build reports the errors of one stage at a time, so rejecting values can reveal errors of a later stage)."""
    live = Live(work, {c.repo for c in cases} | set(baselines.values()))
    for _ in range(3):
        errors = run_trigc(trigc, work, "validate", sorted(live), failures)
        if not errors:
            break
        reject(cases, projects, errors, live, failures)

    def build(repo):
        for _ in range(12):
            shutil.rmtree(os.path.join(work, repo, "out"), ignore_errors=True)
            errors = run_trigc(trigc, work, "build", [repo], failures)
            if not errors:
                return
            with lock:
                reject(cases, projects, errors, live, failures)
            if repo not in live:
                return
        failures.append("%s: trigc build kept failing" % repo)

    lock = threading.Lock()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        list(pool.map(build, sorted(live)))
    return not any("build" in f for f in failures)


def escaped_outputs(work, projects, failures):
    """trigc.yaml's output folders must stay inside their repository: the schema rejects `out:` with a `.` or `..`
    part (E0207). An accepted value that still lands a folder outside is a failure."""
    for name, project in sorted(projects.items()):
        root = os.path.realpath(os.path.join(work, name))
        for target, out in sorted(project.outs.items()):
            resolved = os.path.realpath(os.path.join(root, out))
            if os.path.exists(resolved) and not resolved.startswith(root + os.sep):
                failures.append("%s: targets.%s.out %r was written outside the repository" % (name, target, out))


def summary(cases):
    table = collections.defaultdict(collections.Counter)
    for case in cases:
        table[case.field][",".join(case.codes) if case.codes else "data"] += 1
    for field in sorted(table):
        print("%-45s %s" % (field, " ".join("%s:%d" % kv for kv in sorted(table[field].items()))))


def main():
    trigc = os.path.abspath(sys.argv[1])
    with open(os.path.join(HERE, "values.json"), encoding="utf-8") as f:
        values = json.load(f)
    failures = []
    coverage(failures)
    top = tempfile.mkdtemp(prefix="trigc-injection-")
    # The repositories sit six folders deep, so that an output folder such as `out: ../../x` that climbs out of its
    # repository still lands inside this temporary folder (see escaped_outputs).
    work = os.path.join(top, "a", "b", "c", "d", "e", "f")
    os.makedirs(work)
    try:
        stubs = os.path.join(work, "stubs")
        os.makedirs(stubs)
        with open(os.path.join(stubs, "dagster"), "w") as f:
            f.write(STUB)
        os.chmod(os.path.join(stubs, "dagster"), 0o755)
        with judge.timed("writing the repositories"):
            cases, baselines, projects = make_cases(work, values)
        with judge.timed("validate and build"):
            compiled = compile_all(trigc, work, cases, baselines, projects, failures)
        if compiled:
            outs = {name: project.outs for name, project in projects.items()}
            judge.Judge(work, stubs, os.path.join(ROOT, "tests", "minio", "bin"), outs, failures).run(
                cases, baselines)
        escaped_outputs(work, projects, failures)
        summary(cases)
        accepted = sum(1 for c in cases if not c.codes)
        print("injection: %d fields, %d values, %d cases: %d diagnostics, %d built and judged; %d failures" % (
            len(fields.CARRIERS), len(values), len(cases), len(cases) - accepted, accepted, len(failures)))
    finally:
        if os.environ.get("INJ_KEEP"):
            print("kept " + top)
        else:
            with judge.timed("removing the repositories"):
                shutil.rmtree(top, ignore_errors=True)
    for failure in failures:
        print("FAIL " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
