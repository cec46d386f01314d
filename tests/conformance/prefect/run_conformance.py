"""Prefect conformance: trigc's prefect.yaml and wrapper flows deployed to a real Prefect server.

Usage: run_conformance.py TRIGC [example] [scenarios]   (run with build/venvs/prefect/bin/python)

One server for the whole run (tests/conformance/prefect/server.py). `example` builds examples/ratatouille,
deploys it with `prefect deploy --all` and checks what the server holds against the config: schedules, parameters,
concurrency limits, paused state and one automation per event trigger, and the flow runs the server's scheduler
creates against `trigc preview --target prefect`. `scenarios` deploys every scenario of tests/conformance/scenarios
that lists `prefect`, starts a process worker, plays the timelines and compares the trigger-started runs.
"""

import concurrent.futures
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, HERE)

import yaml  # noqa: E402

import flows  # noqa: E402
from server import prefect_server  # noqa: E402

UTC = datetime.timezone.utc


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def trigc_build(trigc, repo, out):
    """`trigc build REPO --target prefect --out OUT`; returns OUT/prefect."""
    proc = subprocess.run([trigc, "build", repo, "--target", "prefect", "--out", out],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    expect(proc.returncode == 0, f"trigc build {repo} failed:\n{proc.stdout}")
    return os.path.join(out, "prefect")


def deploy(server, prefect_dir):
    """Tiny user flows at the entrypoints, then `prefect deploy --all` from the folder of prefect.yaml."""
    doc = flows.write_flows(prefect_dir)
    for pool in sorted({d["work_pool"]["name"] for d in doc["deployments"]}):
        server.create_work_pool(pool)
    server.cli("deploy", "--all", cwd=prefect_dir)
    return doc


# ---------------------------------------------------------------------------------------------------------
# The example: what the server holds is what trigc means.

def configs(repo):
    """Every pipeline config of REPO by pipeline name (name: key, else the folder name)."""
    out = {}
    for root, _, files in os.walk(os.path.join(repo, "pipelines")):
        if "config.yaml" in files:
            with open(os.path.join(root, "config.yaml"), encoding="utf-8") as f:
                config = yaml.safe_load(f) or {}
            out[config.get("name", os.path.basename(root))] = config
    return out


def prefect_target(name, config):
    target = (config.get("targets") or {}).get("prefect", {}).get("target") or config.get("target") or name
    flow, _, deployment = target.rpartition("/")
    return flow or name, deployment


def check_deployments(server, repo, doc):
    """Each deployment on the server has the schedules, parameters, limit and paused state of the config."""
    by_key = {(d["flow_name"], d["name"]): d for d in server.deployments()}
    problems = []
    for name, config in configs(repo).items():
        flow, deployment = prefect_target(name, config)
        d = by_key.get((flow, deployment))
        if d is None:
            problems.append(f"{name}: no deployment {flow}/{deployment} on the server (has {sorted(by_key)})")
            continue
        enabled = config.get("enabled", True)
        if d["paused"] != (not enabled):
            problems.append(f"{name}: paused is {d['paused']}, the config has enabled: {enabled}")
        limit = (config.get("concurrency") or {}).get("max_concurrent")
        got_limit = (d.get("global_concurrency_limit") or {}).get("limit", d.get("concurrency_limit"))
        if got_limit != limit:
            problems.append(f"{name}: concurrency limit {got_limit}, the config has {limit}")
        if d["parameters"] != (config.get("params") or {}):
            problems.append(f"{name}: parameters {d['parameters']}, the config has {config.get('params')}")
        want = next(x for x in doc["deployments"] if x["entrypoint"].startswith(f"trigc_flows/{name}.py:"))
        got = sorted((s["slug"], s["schedule"].get("cron"), s["schedule"].get("timezone"), s["active"],
                      s.get("parameters") or {}) for s in d["schedules"])
        wanted = sorted((s["slug"], s["cron"], s["timezone"], s["active"] and enabled,
                         s.get("parameters") or {}) for s in want["schedules"])
        if got != wanted:
            problems.append(f"{name}: schedules {got}, trigc means {wanted}")
    return problems, by_key


def check_automations(server, doc, deployments):
    """One automation per event trigger, running its deployment with its parameters and delay."""
    automations = {a["name"]: a for a in server.automations()}
    problems = []
    count = 0
    for d in doc["deployments"]:
        for t in d.get("triggers") or []:
            count += 1
            a = automations.get(t["name"])
            if a is None:
                problems.append(f"no automation {t['name']!r}")
                continue
            trigger = a["trigger"]
            for key in ("posture", "expect", "match", "threshold"):
                want = set(t[key]) if key == "expect" else t[key]
                got = set(trigger[key]) if key == "expect" else trigger[key]
                if key == "match":
                    got = {k: v for k, v in got.items()}
                if got != want:
                    problems.append(f"{t['name']}: {key} is {got}, trigc means {want}")
            if trigger["match_related"] != t["match_related"]:
                problems.append(f"{t['name']}: match_related {trigger['match_related']} != {t['match_related']}")
            if float(trigger["within"]) != float(max(t["within"], 10 if t["posture"] == "Proactive" else 0)):
                problems.append(f"{t['name']}: within {trigger['within']}, trigc means {t['within']}")
            if a["enabled"] != t["enabled"]:
                problems.append(f"{t['name']}: enabled {a['enabled']}")
            action = a["actions"][0]
            target = [x for x in deployments.values() if x["id"] == action.get("deployment_id")]
            if action["type"] != "run-deployment" or not target or target[0]["name"] != d["name"]:
                problems.append(f"{t['name']}: action {action} does not run deployment {d['name']}")
            if (action.get("parameters") or None) != (t.get("parameters") or None):
                problems.append(f"{t['name']}: parameters {action.get('parameters')} != {t.get('parameters')}")
            delay = action.get("schedule_after") or 0
            want_delay = 0
            if "schedule_after" in t:
                text = t["schedule_after"][2:]
                for unit, seconds in (("H", 3600), ("M", 60), ("S", 1)):
                    if unit in text:
                        number, text = text.split(unit, 1)
                        want_delay += int(number) * seconds
            if float(delay) != float(want_delay):
                problems.append(f"{t['name']}: schedule_after {delay}, trigc means {want_delay} s")
    if len(automations) != count:
        problems.append(f"{len(automations)} automations for {count} event triggers")
    return problems


def preview(trigc, repo, pipeline, start, count):
    proc = subprocess.run([trigc, "preview", pipeline, "--repo", repo, "--target", "prefect", "--format", "json",
                           "--from", start, "-n", str(count)], stdout=subprocess.PIPE, text=True, check=True)
    return {s["trigger"]: [parse_time(r["utc"]) for r in s["runs"]] for s in json.loads(proc.stdout)["schedules"]}


def check_scheduled_runs(server, trigc, repo, deployments, start):
    """The runs the scheduler created for each schedule are the first runs of `trigc preview` from `start`."""
    pipelines = {prefect_target(n, c): n for n, c in configs(repo).items()}
    names = {v["id"]: k for k, v in deployments.items() if k in pipelines}
    deadline = time.monotonic() + 240
    while True:
        runs = server.flow_runs({"deployments": {"id": {"any_": list(names)}}})
        per = {}
        for r in runs:
            if not r["auto_scheduled"]:
                continue
            schedule_id = r["idempotency_key"].split(" ")[2]
            per.setdefault((names[r["deployment_id"]], schedule_id), []).append(parse_time(r["expected_start_time"]))
        problems = []
        checked = 0
        for key, d in deployments.items():
            pipeline = pipelines.get(key)
            if pipeline is None:
                continue  # not the example's
            for s in d["schedules"]:
                got = sorted(per.get((key, s["id"]), []))
                if not s["active"] or d["paused"]:
                    if got:
                        problems.append(f"{pipeline}/{s['slug']}: inactive, yet {len(got)} scheduled runs")
                    continue
                if not got:
                    problems.append(f"{pipeline}/{s['slug']}: no scheduled runs yet")
                    continue
                want = preview(trigc, repo, pipeline, start, len(got))[s["slug"]]
                checked += len(got)
                if got != want:
                    problems.append(f"{pipeline}/{s['slug']}: the server schedules "
                                    f"{[t.isoformat() for t in got[:6]]}..., trigc preview says "
                                    f"{[t.isoformat() for t in want[:6]]}...")
        if not problems or time.monotonic() > deadline:
            return problems, checked
        time.sleep(3)


def run_example(server, trigc, work):
    repo = os.path.join(REPO, "examples", "ratatouille")
    prefect_dir = trigc_build(trigc, repo, os.path.join(work, "example"))
    start = datetime.datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    t0 = time.monotonic()
    doc = deploy(server, prefect_dir)
    print(f"example: deployed {len(doc['deployments'])} deployments in {time.monotonic() - t0:.0f} s", flush=True)
    problems, deployments = check_deployments(server, repo, doc)
    problems += check_automations(server, doc, deployments)
    scheduled, checked = check_scheduled_runs(server, trigc, repo, deployments, start)
    problems += scheduled
    print(f"example: {checked} scheduled runs compared with trigc preview", flush=True)
    return problems


# ---------------------------------------------------------------------------------------------------------
# Scenarios: triggers fire for real.

def scenarios():
    folder = os.path.join(REPO, "tests", "conformance", "scenarios")
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                s = yaml.safe_load(f)
            if "prefect" in s.get("targets", []):
                out.append((name[:-5], s))
    return out


def prepare(server, trigc, work, name, scenario):
    repo = os.path.join(work, name, "repo")
    for path, text in scenario["repo"].items():
        full = os.path.join(repo, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    prefect_dir = trigc_build(trigc, repo, os.path.join(work, name, "out"))
    return repo, prefect_dir, deploy(server, prefect_dir)


def final(run):
    return run["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")


def play(server, name, scenario, repo, deployments):
    """Plays the timeline; returns the problems found."""
    by_entrypoint = {d["entrypoint"].split(":")[0]: d for d in deployments.values()}
    ids = {n: by_entrypoint[f"trigc_flows/{n}.py"]["id"] for n in configs(repo)}
    started = []
    for step in scenario["timeline"]:
        if "run" in step:
            run = server.api("POST", f"/deployments/{ids[step['run']['pipeline']]}/create_flow_run",
                             {"parameters": {"outcomes": step["run"]["attempts"]}})
            started.append(run["id"])
            if not step["run"].get("overlap"):
                wait_final(server, [run["id"]], 300)
        elif "wait" in step:
            time.sleep(step["wait"]["seconds"])
        elif "pause_schedules" in step:
            pause_schedules(server, list(ids.values()))
    wait_final(server, started, 300)
    want = scenario["expect"]["runs"]
    names = {v: k for k, v in ids.items()}
    deadline = time.monotonic() + 120 + max([0] + [60 * (c.get("delay_minutes") or 0) for c in
                                                   dependency_triggers(repo)] + freshness_windows(repo))
    while True:
        runs = server.flow_runs({"deployments": {"id": {"any_": list(names)}}})
        # A run the cooldown or a maintenance window holds ends Cancelled ("held by trigc") once it has scheduled
        # its continuation: the event's run is the continuation.
        triggered = [r for r in runs if r["id"] not in started and not r["auto_scheduled"] and
                     not (r["state"]["message"] or "").startswith("held by trigc")]
        got = sorted(names[r["deployment_id"]] for r in triggered)
        if len(got) >= len(want) and all(final(r) for r in triggered):
            break
        if time.monotonic() > deadline:
            break
        time.sleep(2)
    problems = []
    if got != sorted(w["pipeline"] for w in want):
        problems.append(f"{name}: trigger-started runs {got}, expected {sorted(w['pipeline'] for w in want)}")
    for r in triggered:
        if not final(r) or r["state"]["type"] != "COMPLETED":
            problems.append(f"{name}: run {r['name']} of {names[r['deployment_id']]} ended {r['state']['name']}")
    unmatched = list(triggered)
    for w in want:
        match = [r for r in unmatched if names[r["deployment_id"]] == w["pipeline"] and
                 all(r["parameters"].get(k) == v for k, v in (w.get("params") or {}).items())]
        if match:
            unmatched.remove(match[0])
        elif w.get("params"):
            problems.append(f"{name}: no run of {w['pipeline']} with the parameters {w['params']}")
    problems += check_delays(server, name, repo, runs, names, started)
    problems += check_retries(server, name, repo, runs, names, started)
    problems += check_cooldowns(server, name, repo, runs, names)
    return problems


def pause_schedules(server, deployment_ids):
    """Sets every schedule of the deployments inactive and deletes their scheduled runs: the runs that did not
    happen, for freshness scenarios."""
    for d in deployment_ids:
        for schedule in server.api("GET", f"/deployments/{d}/schedules"):
            server.api("PATCH", f"/deployments/{d}/schedules/{schedule['id']}", {"active": False})
    for r in server.flow_runs({"deployments": {"id": {"any_": deployment_ids}}}):
        if r["auto_scheduled"] and r["state"]["type"] == "SCHEDULED":
            server.api("DELETE", f"/flow_runs/{r['id']}")


def freshness_windows(repo):
    """warn_after of every pipeline with a freshness trigger, in seconds."""
    out = []
    units = {"m": 60, "h": 3600, "d": 86400}
    for c in configs(repo).values():
        warn = (c.get("freshness") or {}).get("warn_after")
        if isinstance(warn, str) and any(t.get("type") == "freshness" for t in c.get("triggers") or []):
            out.append(int(warn[:-1]) * units[warn[-1]])
    return out


def dependency_triggers(repo):
    out = []
    for n, c in configs(repo).items():
        for t in c.get("triggers") or []:
            if t.get("type") == "dependency":
                out.append(dict(t, pipeline=n))
    return out


def check_delays(server, name, repo, runs, names, started):
    """A downstream run starts no earlier than delay_minutes after its upstream run ended."""
    problems = []
    ends = {}
    for r in runs:
        if r["id"] in started and r.get("end_time"):
            ends.setdefault(names[r["deployment_id"]], []).append(parse_time(r["end_time"]))
    for t in dependency_triggers(repo):
        delay = 60 * (t.get("delay_minutes") or 0)
        for r in runs:
            if names[r["deployment_id"]] != t["pipeline"] or r["id"] in started or r["auto_scheduled"]:
                continue
            if (r["idempotency_key"] or "").startswith("trigc-held"):
                continue  # a held event's run: its policy, not the trigger, says when it starts
            expected = parse_time(r["expected_start_time"])
            gaps = [(expected - e).total_seconds() for e in ends.get(t["upstream"], []) if e <= expected]
            if not any(delay - 1 <= gap <= delay + 60 for gap in gaps):
                problems.append(f"{name}: {t['pipeline']} run {r['name']} is due {sorted(gaps)} s after the "
                                f"{t['upstream']} runs ended; delay_minutes says {delay} s")
    return problems


def check_retries(server, name, repo, runs, names, started):
    """The waits before the retries of a timeline run are backoff_seconds, doubled each time when exponential."""
    problems = []
    for n, c in configs(repo).items():
        retries = c.get("retries")
        if not retries:
            continue
        base = retries.get("backoff_seconds", 60)
        for r in runs:
            if r["id"] not in started or names[r["deployment_id"]] != n:
                continue
            states = server.api("GET", f"/flow_run_states/?flow_run_id={r['id']}")
            waits = [(parse_time(st["state_details"]["scheduled_time"]) - parse_time(st["timestamp"])).total_seconds()
                     for st in sorted(states, key=lambda st: st["timestamp"]) if st["name"] == "AwaitingRetry"]
            want = [base * (2 ** i if retries.get("backoff") == "exponential" else 1) for i in range(len(waits))]
            if any(abs(w - x) > 2 for w, x in zip(waits, want)):
                problems.append(f"{name}: run {r['name']} of {n} waited {waits} s before its retries, "
                                f"the config means {want}")
    return problems


def check_cooldowns(server, name, repo, runs, names):
    """Runs of a pipeline with a cooldown start at least cooldown_seconds apart."""
    problems = []
    for n, c in configs(repo).items():
        cooldown = (c.get("concurrency") or {}).get("cooldown_seconds")
        if not cooldown:
            continue
        starts = sorted(parse_time(r["start_time"]) for r in runs
                        if names[r["deployment_id"]] == n and r["state"]["type"] == "COMPLETED")
        for a, b in zip(starts, starts[1:]):
            if (b - a).total_seconds() < cooldown - 1:
                problems.append(f"{name}: two runs of {n} started {(b - a).total_seconds():.0f} s apart, "
                                f"cooldown_seconds is {cooldown}")
    return problems


def wait_final(server, run_ids, seconds):
    deadline = time.monotonic() + seconds
    while run_ids:
        runs = server.flow_runs({"flow_runs": {"id": {"any_": run_ids}}})
        if len(runs) == len(run_ids) and all(final(r) for r in runs):
            return runs
        if time.monotonic() > deadline:
            raise Failure(f"runs not final after {seconds} s: {[(r['name'], r['state']['name']) for r in runs]}")
        time.sleep(2)
    return []


def run_scenarios(server, trigc, work):
    todo = scenarios()
    prepared = {}
    pools = set()
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        futures = {pool.submit(prepare, server, trigc, work, n, s): n for n, s in todo}
        for future in concurrent.futures.as_completed(futures):
            repo, prefect_dir, doc = future.result()
            prepared[futures[future]] = (repo, prefect_dir)
            pools |= {d["work_pool"]["name"] for d in doc["deployments"]}
    deployments = {(d["flow_name"], d["name"]): d for d in server.deployments()}
    problems = []
    with contextlib_exit_stack() as stack:
        for p in sorted(pools):
            stack.enter_context(server.worker(p, work, os.path.join(work, f"worker-{p}.log")))
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(todo) or 1) as pool:
            futures = {pool.submit(play, server, n, s, prepared[n][0], deployments): n for n, s in todo}
            for future in concurrent.futures.as_completed(futures):
                try:
                    found = future.result()
                except Exception:  # noqa: BLE001 - reported as the scenario's failure
                    found = [f"{futures[future]}: {traceback.format_exc()}"]
                print(f"scenario {futures[future]}: {'ok' if not found else 'FAILED'}", flush=True)
                problems += found
    return problems


def contextlib_exit_stack():
    import contextlib
    return contextlib.ExitStack()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    trigc = os.path.abspath(sys.argv[1])
    parts = sys.argv[2:] or ["example", "scenarios"]
    t0 = time.monotonic()
    problems = []
    with tempfile.TemporaryDirectory(prefix="trigc-prefect-conformance-") as work:
        with prefect_server(log_dir=work) as server:
            print(f"prefect server up in {time.monotonic() - t0:.0f} s", flush=True)
            if "example" in parts:
                problems += run_example(server, trigc, work)
            if "scenarios" in parts:
                problems += run_scenarios(server, trigc, work)
            if problems and os.environ.get("TRIGC_KEEP_LOGS"):
                subprocess.run(["sh", "-c", f"tail -n 60 {work}/*.log"])
    for p in problems:
        print("FAIL " + p)
    print(f"prefect conformance: {len(problems)} problems in {time.monotonic() - t0:.0f} s")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
