#!/usr/bin/python3
"""Checks generated prefect.yaml files with a real YAML reader (PyYAML, python3-yaml) and croniter.

Usage: check_prefect_yaml.py PROJECT_DIR OUTPUT_DIR [PROJECT_DIR OUTPUT_DIR ...]

For each pair, OUTPUT_DIR/prefect.yaml must parse, have exactly the shape trigc documents for prefect.yaml
(docs/targets/prefect.md: the keys and types of every deployment, schedule and trigger), and every string taken
from the configs of PROJECT_DIR must come back exactly: deployment names, parameters (merged with a trigger's
params on its schedule or trigger) and the upstream names that dependency triggers match.
"""
import glob
import os
import re
import sys

import yaml
from croniter import croniter

DEPLOYMENT_KEYS = {"name", "entrypoint", "work_pool", "paused", "parameters", "schedules", "triggers"}
OPTIONAL_DEPLOYMENT_KEYS = {"concurrency_limit"}
SCHEDULE_KEYS = {"cron", "timezone", "day_or", "active", "slug"}
TRIGGER_KEYS = {"type", "name", "enabled", "posture", "expect", "match", "match_related", "threshold", "within"}
STATES = {"prefect.flow-run.Completed", "prefect.flow-run.Failed", "prefect.flow-run.Crashed"}
ISO_DURATION = re.compile(r"^PT(?=\d)(\d+H)?(\d+M)?(\d+S)?$")
ENTRYPOINT = re.compile(r"^trigc_flows/[a-z][a-z0-9_]*\.py:[A-Za-z_][A-Za-z0-9_]*$")


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def check_keys(what, mapping, required, optional=frozenset()):
    expect(isinstance(mapping, dict), f"{what}: not a mapping")
    keys = set(mapping)
    expect(required <= keys, f"{what}: missing {sorted(required - keys)}")
    expect(keys <= required | optional, f"{what}: unexpected {sorted(keys - required - optional)}")


def check_params(what, value):
    expect(isinstance(value, dict), f"{what}: parameters are not a mapping")
    expect(all(isinstance(k, str) for k in value), f"{what}: a parameter name is not a string")


def check_work_pool(what, pool):
    check_keys(what + ".work_pool", pool, {"name"})
    expect(isinstance(pool["name"], str) and pool["name"], f"{what}: work pool name")


def check_schedule(what, s):
    check_keys(what, s, SCHEDULE_KEYS, {"parameters"})
    expect(isinstance(s["cron"], str) and len(s["cron"].split()) == 5, f"{what}: cron {s['cron']!r}")
    expect(croniter.is_valid(s["cron"]), f"{what}: croniter rejects {s['cron']!r}")
    expect(isinstance(s["timezone"], str) and s["timezone"], f"{what}: timezone")
    expect(s["day_or"] is True, f"{what}: day_or must be true (cron's OR of the day fields)")
    expect(isinstance(s["active"], bool), f"{what}: active is not a bool")
    expect(isinstance(s["slug"], str) and s["slug"], f"{what}: slug")
    if "parameters" in s:
        check_params(what, s["parameters"])


def check_trigger(what, t):
    check_keys(what, t, TRIGGER_KEYS, {"schedule_after", "parameters"})
    expect(t["type"] == "event", f"{what}: type {t['type']!r}")
    expect(isinstance(t["name"], str) and isinstance(t["enabled"], bool), f"{what}: name or enabled")
    expect(t["posture"] in ("Reactive", "Proactive"), f"{what}: posture {t['posture']!r}")
    expect(isinstance(t["expect"], list) and t["expect"] and set(t["expect"]) <= STATES, f"{what}: expect")
    expect(t["match"] == {"prefect.resource.id": "prefect.flow-run.*"}, f"{what}: match")
    related = t["match_related"]
    expect(isinstance(related, list) and related, f"{what}: match_related is not a list")
    for r in related:
        check_keys(what + ".match_related", r, {"prefect.resource.role", "prefect.resource.name"})
        expect(r["prefect.resource.role"] in ("deployment", "flow"), f"{what}: role")
        expect(isinstance(r["prefect.resource.name"], str), f"{what}: related name")
    expect([r["prefect.resource.role"] for r in related] == ["deployment", "flow"],
           f"{what}: match_related is not the deployment and its flow")
    expect(t["threshold"] == 1 and type(t["within"]) is int, f"{what}: threshold or within")
    if t["posture"] == "Proactive":
        expect(t["within"] >= 10, f"{what}: a Proactive trigger needs within >= 10 seconds")
        expect(t["expect"] == ["prefect.flow-run.Completed"], f"{what}: Proactive triggers wait for completions")
    else:
        expect(t["within"] == 0, f"{what}: within of a Reactive trigger")
    if "schedule_after" in t:
        expect(isinstance(t["schedule_after"], str) and ISO_DURATION.match(t["schedule_after"]),
               f"{what}: schedule_after {t.get('schedule_after')!r}")
    if "parameters" in t:
        check_params(what, t["parameters"])


def check_shape(doc):
    check_keys("prefect.yaml", doc, {"deployments"})
    expect(isinstance(doc["deployments"], list) and doc["deployments"], "deployments: not a non-empty list")
    for i, d in enumerate(doc["deployments"]):
        what = f"deployments[{i}]"
        check_keys(what, d, DEPLOYMENT_KEYS, OPTIONAL_DEPLOYMENT_KEYS)
        expect(isinstance(d["name"], str) and d["name"], f"{what}: name")
        expect(isinstance(d["entrypoint"], str) and ENTRYPOINT.match(d["entrypoint"]), f"{what}: entrypoint")
        check_work_pool(what, d["work_pool"])
        expect(isinstance(d["paused"], bool), f"{what}: paused is not a bool")
        if "concurrency_limit" in d:
            expect(type(d["concurrency_limit"]) is int and d["concurrency_limit"] >= 1, f"{what}: concurrency")
        check_params(what, d["parameters"])
        expect(isinstance(d["schedules"], list) and isinstance(d["triggers"], list), f"{what}: lists")
        for j, s in enumerate(d["schedules"]):
            check_schedule(f"{what}.schedules[{j}]", s)
        for j, t in enumerate(d["triggers"]):
            check_trigger(f"{what}.triggers[{j}]", t)


def deployment_name(config):
    target = ((config.get("targets") or {}).get("prefect") or {}).get("target") or config.get("target") \
        or config["name"]
    return target.split("/", 1)[-1]


def goes_to_prefect(trigger):
    return "targets" not in trigger or "prefect" in trigger["targets"]


def check_round_trip(project, doc):
    """Every string from the configs comes back exactly."""
    configs = {}
    for path in sorted(glob.glob(os.path.join(project, "pipelines", "*", "config.yaml"))):
        with open(path, encoding="utf-8") as f:
            config = yaml.safe_load(f)
        configs[config.get("name") or os.path.basename(os.path.dirname(path))] = config
    by_name = {d["name"]: d for d in doc["deployments"]}
    expect(len(by_name) == len(configs), f"{len(configs)} pipelines but {len(by_name)} deployments")
    for name, config in configs.items():
        config.setdefault("name", name)
        d = by_name.get(deployment_name(config))
        expect(d is not None, f"pipeline {name}: no deployment named {deployment_name(config)!r}")
        params = config.get("params") or {}
        expect(d["parameters"] == params, f"pipeline {name}: parameters {d['parameters']!r} != {params!r}")
        expect(d["paused"] is (config.get("enabled", True) is False), f"pipeline {name}: paused")
        limit = (config.get("concurrency") or {}).get("max_concurrent")
        expect(d.get("concurrency_limit") == limit, f"pipeline {name}: concurrency_limit")
        triggers = [t for t in config.get("triggers") or [] if goes_to_prefect(t)]
        slugs = {s["slug"]: s for s in d["schedules"]}
        for t in triggers:
            merged = dict(params, **(t.get("params") or {}))
            if t["type"] == "dependency":
                ups = [x for x in d["triggers"] if x["posture"] == "Reactive"
                       and x["match_related"][0]["prefect.resource.name"] == deployment_name(configs[t["upstream"]])]
                expect(ups, f"pipeline {name}: no trigger on upstream {t['upstream']}")
                expect(all(x.get("parameters", params) == merged for x in ups) or not t.get("params"),
                       f"pipeline {name}: dependency parameters")
                delay = t.get("delay_minutes", 0)
                expect(any(("schedule_after" in x) == (delay > 0) for x in ups), f"pipeline {name}: schedule_after")
            if t["type"] == "schedule" and "name" in t and t["name"] in slugs:
                s = slugs[t["name"]]
                expect(s.get("parameters", params) == merged, f"pipeline {name}: schedule {t['name']} parameters")
                expect(s["active"] is (t.get("enabled", True) and config.get("enabled", True)),
                       f"pipeline {name}: schedule {t['name']} active")
        fresh = [t for t in triggers if t["type"] == "freshness"]
        proactive = [x for x in d["triggers"] if x["posture"] == "Proactive"]
        expect(len(fresh) == len(proactive), f"pipeline {name}: {len(fresh)} freshness triggers, "
                                             f"{len(proactive)} Proactive triggers")
        for x in proactive:
            expect(x["match_related"][0]["prefect.resource.name"] == d["name"], f"pipeline {name}: proactive self")


def main():
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit(__doc__)
    failures = 0
    for project, out in zip(args[0::2], args[1::2]):
        path = os.path.join(out, "prefect.yaml")
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            doc = yaml.safe_load(text)
            check_shape(doc)
            check_round_trip(project, doc)
            print(f"ok {path}: {len(doc['deployments'])} deployments")
        except (Failure, yaml.YAMLError, OSError, KeyError) as e:
            failures += 1
            print(f"FAIL {path}: {e}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
