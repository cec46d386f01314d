"""Every string field of trigc's two schemas, and where the injection test places a value in each.

`schema_fields(schema)` walks a JSON Schema and names every place a config can hold a string: a property
(`targets.crontab.runner`), a list item (`pipelines[]`), a trigger type's own key (`triggers[s3_sensor].pattern`),
a key common to every trigger (`triggers[*].name`), a free mapping's keys (`params.<key>`) and values
(`params.*`). CARRIERS says, for each of those names, how a config holding a value there looks: the value goes
into the field in an otherwise valid config. A field the schemas gain and CARRIERS does not know fails the test,
so new fields are covered as they come.
"""
import json

TRIGGER_TYPES = ("schedule", "s3_sensor", "webhook", "freshness", "dependency", "file_watch")

# A valid trigger of each type, limited to the targets that can express it.
TRIGGER_BASES = {
    "schedule": {"type": "schedule", "cron": "0 6 * * *"},
    "s3_sensor": {"type": "s3_sensor", "path": "landing/", "pattern": "*.csv",
                  "targets": ["dagster", "airflow", "minio"]},
    "webhook": {"type": "webhook", "endpoint": "/webhooks/landing", "secret": "${env:INJ_SECRET}",
                "source": "minio", "prefix": "landing/", "suffix": ".csv", "targets": ["minio"]},
    "freshness": {"type": "freshness"},
    "dependency": {"type": "dependency", "upstream": "up"},
    "file_watch": {"type": "file_watch", "path": "/srv/landing/*.csv", "events": ["created"], "recursive": False,
                   "targets": ["dagster", "systemd"]},
}
# A valid element of each list whose items are objects.
LIST_BASES = {
    "maintenance_windows": {"days": ["sunday"], "start": "01:00", "end": "02:00"},
}
# Mappings that need other keys beside the one under test.
MAPPING_BASES = {
    "presets.patterns.*": {"cron": "0 4 * * *"},
    "presets.cron.*": "0 5 * * *",
}


class Carrier:
    """Where a value goes: `scope` is "pipeline" (config.yaml) or "project" (trigc.yaml); `benign` is a valid
    value for the baseline build; `prefix` is written before the value (the value is then part of the field);
    `reaches` lists where the value must be found again as data: "python:<target>", "prefect", "run" (the runner
    argv or TRIGC_PARAMS of the crontab and systemd run scripts), "minio" (an argument of mc); `renames` marks
    fields that change generated names, whose artifacts are not compared to the baseline's line by line."""

    def __init__(self, scope, benign, prefix="", reaches=(), renames=False, extra=None):
        self.scope, self.benign, self.prefix = scope, benign, prefix
        self.reaches, self.renames, self.extra = tuple(reaches), renames, extra or {}


def P(benign, **kw):
    return Carrier("pipeline", benign, **kw)


def J(benign, **kw):
    return Carrier("project", benign, **kw)


LAUNCHED = ("python:dagster", "python:airflow", "prefect", "run")
PARAMS = ("python:dagster", "python:airflow", "prefect", "run")
RUNNER = "dagster job launch -j {target} "
BIN = "@BIN@"  # stands for the generated bin folder of the build, so that systemd finds the ExecStart= scripts

CARRIERS = {
    # config.yaml
    "name": P("named", renames=True),
    "target": P("benign_job", reaches=LAUNCHED),
    "params.<key>": P("benign_name", reaches=PARAMS),
    "params.*": P("benign value", reaches=PARAMS),
    "freshness.warn_after": P("6h", extra={"triggers": [TRIGGER_BASES["freshness"]]}),
    "freshness.error_after": P("1d", extra={"triggers": [TRIGGER_BASES["freshness"]]}),
    "maintenance_windows[].days[]": P("monday"),
    "maintenance_windows[].start": P("01:00"),
    "maintenance_windows[].end": P("02:00"),
    "maintenance_windows[].timezone": P("UTC"),
    "maintenance_windows[].description": P("benign description"),
    "retries.backoff": P("fixed"),
    "targets.dagster.target": P("benign_job", reaches=("python:dagster",)),
    "targets.airflow.target": P("benign_dag", reaches=("python:airflow",)),
    "targets.prefect.target": P("benign_deployment", reaches=("prefect",)),
    "targets.prefect.entrypoint": P("flows/benign.py:benign", reaches=("prefect",)),
    "targets.prefect.work_pool": P("benign-pool", reaches=("prefect",)),
    "targets.crontab.target": P("benign_job", reaches=("run:crontab",)),
    "targets.crontab.runner": P("benign", prefix=RUNNER, reaches=("run:crontab",)),
    "targets.systemd.target": P("benign_job", reaches=("run:systemd",)),
    "targets.systemd.runner": P("benign", prefix=RUNNER, reaches=("run:systemd",)),
    "targets.minio.target": P("benign_job"),
    "triggers[*].type": P("schedule"),
    "triggers[schedule].cron": P("0 6 * * *"),
    "triggers[schedule].pattern": P("production_daily"),
    "triggers[schedule].timezone": P("UTC", reaches=("python:dagster", "python:airflow", "prefect")),
    "triggers[s3_sensor].path": P("landing/", reaches=("python:dagster", "minio")),
    "triggers[s3_sensor].bucket": P("benign-bucket", reaches=("python:dagster", "python:airflow", "minio")),
    "triggers[s3_sensor].pattern": P("*.csv", reaches=("python:dagster",)),
    "triggers[webhook].endpoint": P("/webhooks/benign"),
    "triggers[webhook].secret": P("${env:INJ_SECRET}"),
    "triggers[webhook].source": P("minio"),
    "triggers[webhook].bucket": P("benign-bucket", reaches=("minio",)),
    "triggers[webhook].prefix": P("landing/", reaches=("minio",)),
    "triggers[webhook].suffix": P(".csv", reaches=("minio",)),
    "triggers[webhook].events[]": P("put"),
    "triggers[dependency].upstream": P("up"),
    "triggers[dependency].condition": P("on_success"),
    "triggers[file_watch].path": P("/srv/landing/*.csv", reaches=("python:dagster",)),
    "triggers[file_watch].events[]": P("created"),
    "triggers[file_watch].ignore[]": P("*.tmp", reaches=("python:dagster",)),
    # trigc.yaml
    "pipelines[]": J("pipelines"),
    "defaults.timezone": J("UTC"),
    "defaults.bucket": J("benign-bucket", reaches=("python:dagster", "python:airflow", "minio")),
    "defaults.s3_endpoint": J("http://minio.example:9000"),
    "presets.cron.<key>": J("benign_preset"),
    "presets.cron.*": J("0 5 * * *"),
    "presets.patterns.<key>": J("benign_pattern"),
    "presets.patterns.*.cron": J("0 4 * * *"),
    "presets.patterns.*.timezone": J("UTC"),
    "presets.patterns.*.description": J("benign description"),
    "presets.patterns.*.retries.backoff": J("fixed"),
    "presets.patterns.*.freshness.warn_after": J("6h"),
    "presets.patterns.*.freshness.error_after": J("1d"),
    "targets.crontab.runner@project": J("benign", prefix=RUNNER, reaches=("run:crontab",)),
    "targets.crontab.flavor": J("cronie"),
    "targets.crontab.script_dir": J(BIN),
    "targets.systemd.script_dir": J(BIN),
    "targets.crontab.system_timezone": J("UTC"),
    "targets.crontab.cron_d_user": J("etl"),
    "targets.systemd.runner@project": J("benign", prefix=RUNNER, reaches=("run:systemd",)),
    "targets.dagster.module": J("inj"),
    "targets.airflow.aws_conn_id": J("minio", reaches=("python:airflow",)),
    "targets.prefect.work_pool@project": J("pool", reaches=("prefect",)),
    "targets.prefect.entrypoint@project": J("flows/{name}.py:{name}", reaches=()),
    "targets.minio.alias": J("inj"),
    "targets.minio.webhook_base_url": J("http://hooks.example:3000"),
}
# Fields for trigger keys every type has (name, targets, params) are placed in a schedule trigger, and also
# in every other type for `params`, whose values reach every target.
for kind in TRIGGER_TYPES:
    CARRIERS["triggers[%s].name" % kind] = P("benign_trigger", renames=True)
    CARRIERS["triggers[%s].targets[]" % kind] = P(TRIGGER_BASES[kind].get("targets", ["crontab"])[0])
    CARRIERS["triggers[%s].params.<key>" % kind] = P("benign_name")
    CARRIERS["triggers[%s].params.*" % kind] = P("benign value")
CARRIERS["triggers[schedule].params.<key>"] = P("benign_name", reaches=PARAMS)
CARRIERS["triggers[schedule].params.*"] = P("benign value", reaches=PARAMS)
CARRIERS["triggers[*].type"] = P("schedule")
for key in ("dagster", "airflow", "prefect", "crontab", "systemd", "minio"):
    CARRIERS["targets.%s.out" % key] = J("out/" + key)
for kind in TRIGGER_TYPES:
    CARRIERS["triggers[%s].type" % kind] = P(kind)


def _copy(node):
    """A deep copy of a config made of dicts, lists, strings, numbers and booleans (faster than copy.deepcopy)."""
    return json.loads(json.dumps(node))


def _resolve(schema, root):
    while "$ref" in schema:
        target = root["definitions"][schema["$ref"].split("/")[-1]]
        schema = dict(target, **{k: v for k, v in schema.items() if k != "$ref"})
    return schema


def _is_string(schema):
    kind = schema.get("type")
    return kind == "string" or (isinstance(kind, list) and "string" in kind)


def schema_fields(schema, root=None, path="", out=None):
    """The names of every string field below `schema` (see the module comment)."""
    root, out = root or schema, out if out is not None else set()
    schema = _resolve(schema, root)
    if _is_string(schema) and path:
        out.add(path)
    join = (lambda key: path + "." + key) if path else (lambda key: key)
    for key, sub in schema.get("properties", {}).items():
        schema_fields(sub, root, join(key), out)
    extra = schema.get("additionalProperties")
    if path and (isinstance(extra, dict) or (extra is True and not schema.get("properties"))):
        names = _resolve(schema.get("propertyNames", {}), root)
        if names.get("type", "string") == "string":
            out.add(join("<key>"))
        schema_fields(extra if isinstance(extra, dict) else {"type": "string"}, root, join("*"), out)
    if isinstance(schema.get("items"), dict):
        items = _resolve(schema["items"], root)
        for part in items.get("allOf", []):
            kind = part.get("if", {}).get("properties", {}).get("type", {}).get("const")
            if kind:
                schema_fields(part["then"], root, path + "[%s]" % kind, out)
        if "allOf" in items:
            for key, sub in items.get("properties", {}).items():
                schema_fields(sub, root, path + "[*]." + key, out)
        else:
            schema_fields(items, root, path + "[]", out)
    return out


def _segments(field):
    """`triggers[s3_sensor].path` -> ["triggers", "[s3_sensor]", "path"]."""
    field = field.split("@")[0]
    out = []
    for part in field.split("."):
        while "[" in part:
            head, _, rest = part.partition("[")
            if head:
                out.append(head)
            inner, _, part = rest.partition("]")
            out.append("[" + inner + "]")
        if part:
            out.append(part)
    return out


def place(field, value, base):
    """A copy of the config `base` with `value` at `field` (keys `<key>` get the value as a key)."""
    config = _place(field, value, base)
    triggers = config.get("triggers", [])
    if field == "triggers[schedule].pattern":
        del triggers[0]["cron"]  # a schedule has a cron or a pattern
    if any(t.get("type") == "freshness" for t in triggers) and "freshness" not in config:
        config["freshness"] = {"warn_after": "6h"}  # a freshness trigger needs the freshness block
    return config


def _place(field, value, base):
    config = _copy(base)
    carrier = CARRIERS[field]
    for key, item in carrier.extra.items():
        config[key] = _copy(item)
    node, seen = config, []
    segments = _segments(field)
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        seen.append(segment)
        if segment.startswith("["):
            kind = segment[1:-1]
            if kind in ("", "*"):
                element = _copy(LIST_BASES.get(".".join(seen[:-1]), TRIGGER_BASES["schedule"]))
            else:
                element = _copy(TRIGGER_BASES[kind])
            if last:
                parent[key] = [value]
                return config
            parent[key] = [element]
            node = element
            continue
        if segment == "<key>":
            node[value] = _copy(MAPPING_BASES.get(".".join(seen[:-1]) + ".*", "x"))
            _use_name(config, field, value)
            return config
        if segment == "*":
            key = "benign_name"
            _use_name(config, field, key)
        else:
            key = segment
        parent = node
        if last:
            node[key] = value
            return config
        if segments[i + 1].startswith("["):
            continue
        node = node.setdefault(key, _copy(MAPPING_BASES.get(".".join(seen), {})))
        if not isinstance(node, dict):
            node = parent[key] = {}
    return config


def _use_name(config, field, name):
    """Presets and patterns are used by the project's pipelines through `cron:` / `pattern:` (see repos.py)."""
    if field.startswith("presets.cron."):
        config.setdefault("_use", {})[field] = {"cron": name}
    elif field.startswith("presets.patterns."):
        config.setdefault("_use", {})[field] = {"pattern": name}
