#!/usr/bin/env python3
"""Secrets stay secret: literal secrets, each a unique marker, are written under secret keys in every YAML shape
and place (params, the webhook secret, unknown top-level keys, files that fail YAML parsing halfway). trigc is
run with every command and output format; no marker may appear in its stdout or stderr, nor in any file it
writes, and each printed source line that held a marker must show the fixed mask instead.

Usage: check_secrets.py TRIGC
"""
import json
import os
import re
import subprocess
import sys
import tempfile

failures = []
MASK = "********"
MARK = re.compile(r"SeCrEt\d+")


def expect(what, ok):
    if not ok:
        failures.append(what)
        print("FAIL " + what, file=sys.stderr)


class Markers:
    """Hands out unique marker values and remembers them."""

    def __init__(self):
        self.all = []

    def __call__(self):
        value = f"SeCrEt{len(self.all):03d}"
        self.all.append(value)
        return value


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


PROJECT = """version: 1
targets:
  dagster: {out: generated/dagster, module: triggers}
  airflow: {out: generated/airflow, version: 2}
  prefect: {out: generated/prefect, work_pool: pool, entrypoint: "flows/{name}.py:{name}"}
  crontab: {out: generated/crontab, runner: "run {name}"}
  systemd: {out: generated/systemd, runner: "run {name}"}
"""


def literal_params(m):
    """A config whose params hold literal secrets in every shape: E0316 (and E0305 for the webhook)."""
    return f"""name: leaky
params:
  api_key: {m()}
  db_password: "{m()}"
  Auth: '{m()}'
  token_list:
    - {m()}
    - {m()}
  inline_list_token: [{m()}, {m()}]
  client_secret: |
    {m()}
    {m()}
  folded_secret: >-
    {m()}
  oauth:
    refreshToken:
      value: {m()}
  flow: {{secert: {m()}, sceret: "{m()}", partition: fine}}
  secrte: {m()}
  SECRET: {m()}
  pin_password: 12345{len(m.all)}
  multi_line_token: {m()}
    {m()}
triggers:
  - type: webhook
    endpoint: /webhooks/leaky
    secret: {m()}
    params: {{webhook_token: {m()}}}
  - type: schedule
    cron: "0 6 * * *"
    params:
      private_key: {m()}
"""


def broken_yaml(m):
    """Fails YAML parsing halfway, with secrets before, on and after the failing line."""
    return f"""name: broken
params:
  password: |
    {m()}
  api_key: "{m()}
  auth: *{m()}
  secret:
  - {m()}
triggers: [
"""


def bad_first_char(m):
    """The YAML error is on the secret's own line (a plain value cannot start with '@')."""
    return f"name: badchar\nparams:\n  token: @{m()}\n"


def not_utf8(m):
    """Fails the raw-byte checks before any parsing, on the secret's own line."""
    return f"name: raw\nparams:\n  api_key: {m()}\xff{m()}\n".encode("latin-1")


def accepted(m):
    """Valid, with secrets only where trigc accepts them (unknown top-level keys) and a warning on their line."""
    return f"""name: quiet
paramz: {{api_key: {m()}, db_password: {m()}}}
db_password: {m()}
vault:
  token: |
    {m()}
params:
  api_key: "${{env:API_KEY}}"
  debug: true
triggers:
  - type: schedule
    cron: "0 6 * * *"
"""


def run(trigc, args, cwd):
    proc = subprocess.run([trigc] + args, cwd=cwd, capture_output=True, env=dict(os.environ, NO_COLOR="1"))
    return proc.returncode, proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")


def leaks(text):
    return sorted(set(MARK.findall(text)))


def files_under(folder):
    for base, _, names in os.walk(folder):
        for name in names:
            yield os.path.join(base, name)


def check_repo(trigc, repo, pipelines, expect_ok):
    """Runs every command in every format; returns the text outputs (for the mask check)."""
    texts = []
    for fmt in ["text", "json", "sarif", "github"]:
        for cmd in [["validate"], ["build"], ["build", "--dry-run"], ["build", "--check"]]:
            rc, out = run(trigc, cmd + ["--format", fmt], repo)
            expect(f"{repo}: {cmd} --format {fmt} leaks {leaks(out)}", not leaks(out))
            expect(f"{repo}: {cmd} --format {fmt} exit {rc}", (rc in (0, 3)) if expect_ok else rc != 0)
            if fmt == "text":
                texts.append(out)
    for name in pipelines:
        for cmd in [["explain", name], ["explain", name, "--format", "json"], ["preview", name]]:
            rc, out = run(trigc, cmd, repo)
            expect(f"{repo}: {cmd} leaks {leaks(out)}", not leaks(out))
            expect(f"{repo}: {cmd} exit {rc}", (rc == 0) if expect_ok else rc != 0)
    for path in files_under(repo):
        if "/pipelines/" in path or path.endswith("trigc.yaml"):
            continue
        data = open(path, "rb").read().decode("utf-8", "replace")
        expect(f"{path} leaks {leaks(data)}", not leaks(data))
    return texts


def check_masked(texts, configs):
    """Each source line of a config that held a marker, when printed, shows the mask and nothing of it."""
    shown = 0
    for text in texts:
        for line in text.splitlines():
            match = re.match(r"\s*\d+ \| (.*)$", line)
            if match and MASK in match.group(1):
                shown += 1
    expect(f"masked source lines are printed ({shown})", shown > 0)


def main():
    trigc = os.path.abspath(sys.argv[1])
    m = Markers()
    with tempfile.TemporaryDirectory() as work:
        bad = work + "/bad"
        write(bad + "/trigc.yaml", PROJECT)
        write(bad + "/pipelines/leaky/config.yaml", literal_params(m))
        write(bad + "/pipelines/broken/config.yaml", broken_yaml(m))
        write(bad + "/pipelines/badchar/config.yaml", bad_first_char(m))
        os.makedirs(bad + "/pipelines/raw")
        open(bad + "/pipelines/raw/config.yaml", "wb").write(not_utf8(m))
        texts = check_repo(trigc, bad, ["leaky", "broken"], expect_ok=False)
        check_masked(texts, bad)
        # Every literal params secret is its own E0316 (one per key), the webhook's E0305.
        rc, out = run(trigc, ["validate", "--format", "json"], bad)
        codes = [d["code"] for d in json.loads(out) if "/leaky/" in (d["file"] or "")]
        expect(f"E0316 once per secret key of leaky (got {codes})", codes.count("E0316") == 16)
        expect(f"E0305 for the webhook secret (got {codes})", codes.count("E0305") == 1)

        good = work + "/good"
        write(good + "/trigc.yaml", PROJECT)
        write(good + "/pipelines/quiet/config.yaml", accepted(m))
        texts = check_repo(trigc, good, ["quiet"], expect_ok=True)
        rc, out = run(trigc, ["build"], good)  # a no-op build replays the recorded warnings
        expect(f"no-op build leaks {leaks(out)}", not leaks(out))
        expect("no-op build shows the warning's masked line", MASK in out)
        check_masked(texts, good)
        expect("the build wrote files", any(True for _ in files_under(good + "/generated")))
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print(f"{len(m.all)} secrets, none repeated by trigc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
