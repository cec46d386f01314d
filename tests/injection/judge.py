"""Judges the artifacts of the injection builds against their baselines with the real tools (see
check_injection.py for the rules)."""
import collections
import concurrent.futures
import contextlib
import json
import os
import re
import resource
import subprocess
import time

import fields
import shapes

CRON_LINE = re.compile(r"^(?:[A-Z_]+=[^\s]*|(?:\S+ ){5}(?:[a-z_][a-z0-9_-]* )?/[A-Za-z0-9_./@-]+/run-[a-z0-9_]+ [a-z0-9_]+)$")
PROJECT_NAMED = re.compile(r"^(dagster/)[^/]+(?=/)|^(minio/)[^/]+(?=\.sh$)")
WORKERS = 2
# shellcheck's info notes on characters that a single-quoted word holds literally, as intended: SC1003 (a `\`
# before the closing quote of '...'\''...') and SC1112 (a unicode quote inside '...').
LITERAL_DATA_NOTES = {1003, 1112}


@contextlib.contextmanager
def timed(what):
    """Prints the wall-clock and CPU time (this process and the tools it ran) that `what` took."""
    def cpu():
        return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                      resource.getrusage(resource.RUSAGE_CHILDREN)))
    wall, used = time.time(), cpu()
    yield
    print("injection: %s took %.1fs (%.1fs CPU)" % (what, time.time() - wall, cpu() - used), flush=True)


def kind_of(rel):
    if rel.endswith(".py"):
        return "python"
    if rel.endswith("prefect.yaml"):
        return "yaml"
    if "/units/" in rel:
        return "unit"
    if rel.startswith("crontab/crontab") or "/cron.d/" in rel:
        return "crontab"
    if "/bin/" in rel or rel.endswith(".sh"):
        return "shell"
    return "text"


class Script:
    def __init__(self, path, repo, label, target, base, text):
        self.path, self.repo, self.label, self.target, self.base = path, repo, label, target, base
        self.signature = shapes.shell_signature(text)


class Judge:
    def __init__(self, work, stubs, mc_bin, outs, failures):
        self.work, self.stubs, self.mc_bin, self.failures = work, stubs, mc_bin, failures
        self.outs = outs  # repo -> {target: output folder} where trigc.yaml sets them
        self.scripts = {}  # normal() text -> Script
        self.base_scripts = {}  # path of a baseline script -> (its target, the Script that stands for it)
        self.listed, self.by_pipeline = {}, {}  # repo -> files(), repo -> {pipeline or None: files}
        self.base_texts, self.base_shapes = {}, {}  # baseline file -> normal(), (file, exact) -> shape()
        self.yaml_docs = {}  # YAML file -> its document
        self.compared = collections.Counter()  # kind -> files compared with the baseline's, "<kind> parsed" -> ...
        self.unit_repos = {}  # repo -> label, for systemd-analyze verify
        self.seen_units = set()
        self.runs = []  # (case, target)
        self.minio = {}  # repo -> [cases]

    def fail(self, label, message):
        self.failures.append("%s: %s" % (label, message))

    def read(self, path):
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return f.read()

    def out_dir(self, repo, target):
        return os.path.normpath(os.path.join(self.work, repo, self.outs.get(repo, {}).get(target, "out/" + target)))

    def files(self, repo):
        """The generated files of a repository (hidden files such as a manifest aside) by target/path."""
        if repo in self.listed:
            return self.listed[repo]
        out = self.listed[repo] = {}
        for target in ("dagster", "airflow", "prefect", "crontab", "systemd", "minio"):
            root = self.out_dir(repo, target)
            for folder, _, names in os.walk(root):
                for name in names:
                    if not name.startswith("."):
                        path = os.path.join(folder, name)
                        out[target + "/" + os.path.relpath(path, root)] = path
        return out

    def project_files(self, repo):
        """files() of a repository built with a trigc.yaml under test, named apart from the folder and file that
        trigc.yaml names: the Dagster module's folder and the MinIO alias's script."""
        named = lambda m: (m.group(1) or m.group(2)) + "@NAMED@"  # noqa: E731
        return {PROJECT_NAMED.sub(named, rel): path for rel, path in self.files(repo).items()}

    def split(self, repo, pipeline):
        """(files of `pipeline` keyed by their name with the pipeline taken out, the files of no numbered pipeline:
        those of every pipeline, and of `up`)."""
        if repo not in self.by_pipeline:
            index = self.by_pipeline[repo] = {}
            for rel, path in self.files(repo).items():
                for name in set(shapes.PIPELINE.findall(rel)) or {None}:
                    index.setdefault(name, {})[shapes.PIPELINE.sub("@P@", rel)] = path
        index = self.by_pipeline[repo]
        return index.get(pipeline, {}), index.get(None, {})

    def normal(self, path, repo):
        """The file's text with generated names made alike (shapes.names)."""
        return shapes.names(self.read(path), os.path.join(self.work, repo))

    def load_yaml(self, path):
        """The document of a YAML file, loaded once (with PyYAML's safe loader, as Prefect does)."""
        if path not in self.yaml_docs:
            self.yaml_docs[path] = shapes.load_yaml(self.read(path))
        return self.yaml_docs[path]

    def base_normal(self, path, repo):
        if path not in self.base_texts:
            self.base_texts[path] = self.normal(path, repo)
        return self.base_texts[path]

    def base_shape(self, kind, rel, path, repo, exact):
        if (path, exact) not in self.base_shapes:
            self.base_shapes[path, exact] = self.shape(kind, rel, path, repo, exact)
        return self.base_shapes[path, exact]

    def shape(self, kind, rel, path, repo, exact):
        """The comparable shape of a file: exact text-like shapes for a pipeline's own files, line sets for
        files shared by all pipelines of a repository."""
        root = os.path.join(self.work, repo)
        if kind == "python" and exact:  # python_shape takes the pipeline out of names itself
            return shapes.python_shape(self.read(path).replace(root, "@ROOT@"))
        text = shapes.names(self.read(path), root)
        if kind == "python":
            return set(shapes.python_lines(text))
        if kind == "yaml":
            self.load_yaml(path)
            lines = shapes.yaml_text(text)
        elif kind == "shell":
            lines = shapes.shell_text(text) if exact else shapes.shared_shell_text(text)
        elif kind == "unit":  # a shared unit (the upstream's) has one OnSuccess= line per downstream pipeline
            lines = "\n".join(shapes.unit_keys(text)) + ("\n%d lines" % text.count("\n") if exact else "")
        elif kind == "crontab":
            lines = shapes.crontab_text(text)
        elif rel.endswith(".md"):
            lines = shapes.markdown_text(text)
        else:
            lines = text
        return lines if exact else set(lines.splitlines())

    def compare(self, label, case_files, base_files, case_repo, base_repo, exact):
        if set(case_files) != set(base_files):
            self.fail(label, "files %s differ from the baseline's %s" % (sorted(case_files), sorted(base_files)))
        for rel in sorted(set(case_files) & set(base_files)):
            kind = kind_of(rel)
            text = self.normal(case_files[rel], case_repo)
            self.compared[kind] += 1
            # A file that is the baseline's but for generated names has its shape: only the others are parsed.
            if text != self.base_normal(base_files[rel], base_repo):
                self.compared[kind + " shaped"] += 1
                try:
                    got = self.shape(kind, rel, case_files[rel], case_repo, exact)
                except (SyntaxError, ValueError, Exception) as error:  # noqa: B014 (ast, tokenize, yaml errors)
                    self.fail(label, "%s does not parse: %s" % (rel, error))
                    continue
                if got != self.base_shape(kind, rel, base_files[rel], base_repo, exact):
                    self.fail(label, "%s has another shape than the baseline's (%s)" % (rel, kind))
            self.collect(kind, case_files[rel], case_repo, label, rel, base_files[rel], text)
            if kind == "crontab":
                for line in self.read(case_files[rel]).splitlines():
                    if line and not line.startswith("#") and not CRON_LINE.match(line):
                        self.fail(label, "%s: unexpected crontab line %r" % (rel, line))

    def collect(self, kind, path, repo, label, rel, base=None, text=None):
        """Notes a script for lint() (`base`: the baseline's script in its place, when there is one) or a unit
        for verify(); `text`: the file's normal() text, when known."""
        if kind not in ("shell", "unit"):
            return
        text = self.normal(path, repo) if text is None else text
        if kind == "shell":
            # Scripts that differ only in generated names are judged once (shellcheck's findings name no path).
            if text not in self.scripts:
                self.scripts[text] = Script(path, repo, label, rel.split("/")[0], base, text)
            if base == path:
                self.base_scripts[path] = (rel.split("/")[0], self.scripts[text])
        elif kind == "unit":
            if text not in self.seen_units:
                self.seen_units.add(text)
                self.unit_repos.setdefault(repo, label)

    def run(self, cases, baselines):
        with timed("compare"):
            self.compare_all(cases, baselines)
        print("injection: files compared with the baseline's (of them, not the baseline's but for names, so "
              "shaped: parsed and compared): %s" % ", ".join("%s %d (%d)" % (k, n, self.compared[k + " shaped"])
                                                             for k, n in sorted(self.compared.items())
                                                             if not k.endswith(" shaped")))
        for step in (self.lint, self.verify, self.execute):
            with timed(step.__name__):
                step()

    def compare_all(self, cases, baselines):
        for base in sorted(set(baselines.values())):  # first, so that a case's script equal to one is not judged
            for rel, path in self.files(base).items():
                self.collect(kind_of(rel), path, base, "baseline " + base, rel, path)
        shared_done = set()
        for case in cases:
            if case.codes:
                continue
            carrier = fields.CARRIERS[case.field]
            base = baselines[case.field]
            if carrier.scope == "project":
                case_own = self.project_files(case.repo)
                if case.repo not in shared_done:
                    shared_done.add(case.repo)
                    accepted = [c.field for c in cases if c.repo == case.repo and not c.codes]
                    label = "%s in %s" % (case.label().split(" = ")[1], ", ".join(accepted))
                    self.compare(label, case_own, self.project_files(base), case.repo, base, True)
                self.reaches(case, carrier, case_own)
                continue
            case_own, case_shared = self.split(case.repo, case.pipeline)
            base_own, base_shared = self.split(base, "p000")
            if not carrier.renames:
                self.compare(case.label(), case_own, base_own, case.repo, base, True)
                if case.repo not in shared_done:
                    shared_done.add(case.repo)
                    self.compare(case.field + " (files of all pipelines)", case_shared, base_shared, case.repo, base,
                                 False)
            else:
                for rel, path in list(case_own.items()) + list(case_shared.items()):
                    self.collect(kind_of(rel), path, case.repo, case.label(), rel)
            self.reaches(case, carrier, case_own)

    def reaches(self, case, carrier, own):
        expected = carrier.prefix + case.value
        for where in carrier.reaches:
            if where.startswith("python:"):
                folder = where.split(":")[1] + "/"
                strings = set()
                for rel, path in own.items():
                    if rel.startswith(folder) and rel.endswith(".py"):
                        try:
                            strings |= shapes.python_strings(self.read(path))
                        except SyntaxError as error:
                            self.fail(case.label(), "%s does not parse: %s" % (rel, error))
                if expected not in strings:
                    self.fail(case.label(), "no string constant of the %s files equals the value" % folder[:-1])
            elif where == "prefect":
                doc = self.load_yaml(os.path.join(self.out_dir(case.repo, "prefect"), "prefect.yaml"))
                mine = [d for d in doc["deployments"] if any(
                    re.search(r"(?<![A-Za-z0-9])%s(?!\d)" % case.pipeline, s) for s in shapes.yaml_strings(d))]
                if expected not in shapes.yaml_strings(mine):
                    self.fail(case.label(), "no string of its prefect deployment equals the value")
            elif where.startswith("run"):
                targets = ["crontab", "systemd"] if where == "run" else [where.split(":")[1]]
                self.runs += [(case, target) for target in targets]
            elif where == "minio":
                self.minio.setdefault(case.repo, []).append(case)

    def lint(self):
        """sh -n, bash -n and shellcheck on one script per signature (shapes.shell_signature); a script fails on
        a syntax error, or on a shellcheck finding whose code its baseline script does not have (a script whose
        name comes from the value is held against every baseline script of its target)."""
        groups = {}  # signature -> [Script]
        for script in self.scripts.values():
            groups.setdefault(script.signature, []).append(script)
        firsts = sorted(group[0].path for group in groups.values())
        by_path = {group[0].path: group for group in groups.values()}
        by_base = self.base_scripts
        codes = {}  # signature -> {code: first message}

        def syntax(chunk):
            """sh -n and bash -n on each script of the chunk, from one shell: a record per script that fails."""
            loop = ('for f do for shell in sh bash; do if ! out=$("$shell" -n "$f" 2>&1) || [ -n "$out" ]; then '
                    'printf "%s\\0%s -n %s: %s\\0" "$f" "$shell" "$f" "$out"; fi; done; done')
            proc = subprocess.run(["sh", "-c", loop, "sh"] + chunk, capture_output=True, text=True,
                                  errors="surrogateescape")
            if proc.returncode != 0 or proc.stderr:
                self.fail("sh -n", "the syntax check loop failed: %s" % proc.stderr)
            records = proc.stdout.split("\0")[:-1]
            for path, message in zip(records[::2], records[1::2]):
                self.fail(self.labels(by_path[path]), message.strip())

        chunks = [firsts[i::WORKERS * 2] for i in range(WORKERS * 2)]
        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            list(pool.map(syntax, chunks))
            for proc in pool.map(self.shellcheck, chunks):
                if proc.returncode not in (0, 1):
                    self.fail("shellcheck", proc.stderr)
                for comment in json.loads(proc.stdout or "{}").get("comments", []):
                    found = codes.setdefault(by_path[comment["file"]][0].signature, {})
                    found.setdefault(comment["code"], "at %s:%d: %s" % (comment["file"], comment["line"],
                                                                         comment["message"]))
        baseline_codes = {}  # target -> codes of all its baseline scripts
        for target, base in by_base.values():
            baseline_codes.setdefault(target, set()).update(codes.get(base.signature, {}))
        introduced = {}  # (signature, code) -> [Script]
        for script in self.scripts.values():
            if script.base == script.path:
                continue
            base = by_base.get(script.base, (None, None))[1]
            allowed = set(codes.get(base.signature, {})) if base else baseline_codes.get(script.target, set())
            for code in set(codes.get(script.signature, {})) - allowed - LITERAL_DATA_NOTES:
                introduced.setdefault((script.signature, code), []).append(script)
        for (signature, code), group in sorted(introduced.items(), key=lambda item: item[1][0].label):
            self.fail(self.labels(group), "shellcheck SC%d %s" % (code, codes[signature][code]))
        print("injection: %d distinct scripts, %d signatures passed to sh -n, bash -n and shellcheck; findings of "
              "the baseline scripts (not counted): %s" % (
                  len(self.scripts), len(groups), " ".join("%s:%s" % (t, ",".join("SC%d" % c for c in sorted(v)))
                                                           for t, v in sorted(baseline_codes.items()) if v) or "none"))

    @staticmethod
    def labels(scripts):
        names = sorted({s.label for s in scripts})
        return names[0] + (" (and %d more)" % (len(names) - 1) if len(names) > 1 else "")

    def shellcheck(self, chunk):
        if not chunk:
            return subprocess.CompletedProcess([], 0, "{}", "")
        return subprocess.run(["shellcheck", "--norc", "-f", "json1"] + chunk, capture_output=True, text=True)

    def verify(self):
        def one(repo):
            units_dir = os.path.join(self.out_dir(repo, "systemd"), "units")
            units = sorted(os.path.join(units_dir, u) for u in os.listdir(units_dir))
            proc = subprocess.run(["systemd-analyze", "verify"] + units, capture_output=True, text=True)
            if proc.returncode != 0 or proc.stderr.strip():
                self.fail(self.unit_repos[repo], "systemd-analyze verify: %s" % proc.stderr.strip()[:2000])

        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            list(pool.map(one, sorted(self.unit_repos)))
        print("injection: systemd-analyze verify on the units of %d builds" % len(self.unit_repos))

    def execute(self):
        """Runs each run script, once for the scripts that are the same but for generated names (the crontab and
        systemd scripts of a pipeline most often are) and hold the same value, and each MinIO script."""
        jobs = {}  # (script, value, field, pipeline) -> [(case, target)]
        for case, target in self.runs:
            script = os.path.join(self.out_dir(case.repo, target), "bin", "run-" + case.pipeline)
            jobs.setdefault((self.normal(script, case.repo), case.value, case.field, case.pipeline), []).append(
                (case, target))
        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            list(pool.map(self.run_script, jobs.values()))
            list(pool.map(self.run_minio, sorted(self.minio)))
        print("injection: %d run scripts run for %d (case, target) pairs, %d MinIO scripts" % (
            len(jobs), len(self.runs), len(self.minio)))

    def run_script(self, group):
        case, target = group[0]
        label = ", ".join(sorted({"%s (%s)" % (c.label(), t) for c, t in group}))
        record = os.path.join(self.work, "record-%s-%s-%s" % (case.repo, case.pipeline, target))
        script = os.path.join(self.out_dir(case.repo, target), "bin", "run-" + case.pipeline)
        env = dict(os.environ, PATH=self.stubs + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
                   INJ_RECORD=record, TRIGC_STATE_DIR=record + ".state")
        proc = subprocess.run([script, "schedule"], capture_output=True, env=env, cwd=self.work, timeout=60)
        if proc.returncode != 0 or not os.path.exists(record):
            self.fail(label, "%s run script exited %d: %s" % (target, proc.returncode, proc.stderr[-500:]))
            return
        with open(record, "rb") as f:
            argv = [a.decode("utf-8", "surrogateescape") for a in f.read().split(b"\0")[:-1]]
        with open(record + ".params", encoding="utf-8", errors="surrogateescape") as f:
            params = f.read()
        carrier = fields.CARRIERS[case.field]
        if "runner" in case.field:
            words = (carrier.prefix + case.value).replace("\t", " ").split(" ")
            want = [w.replace("{target}", case.pipeline).replace("{name}", case.pipeline) for w in words if w]
            if argv != want[1:]:
                self.fail(label, "%s runner got %r, expected %r" % (target, argv, want[1:]))
        elif case.value not in argv and case.value not in shapes.decoded([json.loads(params or "{}")]):
            self.fail(label, "%s run script did not hand the value to the runner: argv %r, TRIGC_PARAMS %r" %
                      (target, argv, params))

    def run_minio(self, repo):
        scripts = [p for rel, p in self.files(repo).items() if rel.startswith("minio/")]
        log, state = os.path.join(self.work, repo + ".mc.log"), os.path.join(self.work, repo + ".mc.json")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MC_", "TRIGC_"))}
        env.update({"PATH": self.mc_bin + os.pathsep + env.get("PATH", "/usr/bin:/bin"), "MC_LOG": log,
                    "MC_STATE": state, "MC_HOST_inj": "https://access:secret@minio.example:9000",
                    "INJ_SECRET": "token", "LC_ALL": "C"})
        cases = self.minio[repo]
        for script in scripts:  # the webhook tokens the script asks for (s3_sensor: one per trigger), and the
            # credentials of its alias (trigc.yaml's targets.minio.alias)
            env.update({name: "token" for name in re.findall(r"_TOKEN_VARIABLE='([A-Z0-9_]+)'", self.read(script))})
            env.update({"MC_HOST_" + name: env["MC_HOST_inj"] for name in re.findall(r"^ALIAS='([A-Za-z0-9_]+)'$",
                                                                                      self.read(script), re.M)})
        for script in scripts:
            proc = subprocess.run(["bash", script], capture_output=True, text=True, env=env, cwd=self.work)
            if proc.returncode != 0:
                self.fail(cases[0].field, "minio script exited %d: %s" % (proc.returncode, proc.stderr[-1000:]))
        text = self.read(log) if os.path.exists(log) else ""
        args = [line[1:-1] for line in text.split("\n") if line.startswith("[") and line.endswith("]")]
        for case in cases:
            if not any(case.value in arg for arg in args) and case.value not in text:
                self.fail(case.label(), "the value reached no argument of mc")
