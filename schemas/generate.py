#!/usr/bin/python3
"""Generates schemas/pipeline.schema.json and schemas/project.schema.json.

The two schemas share definitions (duration, freshness, retries, timezone, cron, bucket, ...) but each is
embedded alone in the trigc binary, so the shared parts are duplicated in both files. This script is the
single source of both: edit it, then run

    /usr/bin/python3 schemas/generate.py            # rewrite the two schema files
    /usr/bin/python3 schemas/generate.py --check    # exit 1 if they differ from what it generates

tests/schema/check_schemas.py runs the --check comparison, so a hand edit of a .schema.json file fails
the test. Only draft-07 keywords valijson 1.0 implements are used (see docs/config-decisions.md).
"""
import copy
import json
import os
import sys

ID_PATTERN = "^[a-z][a-z0-9_]*$"
TARGETS = ["dagster", "airflow", "prefect", "crontab", "systemd", "minio"]
TARGET_DESCS = [
    "Dagster: a schedule, sensor or run-status sensor in a generated Python module.",
    "Apache Airflow 2.x/3.x: a generated DAG file that triggers the target DAG.",
    "Prefect: a deployment in a generated `prefect.yaml`.",
    "crontab: a cron line (cronie or Debian cron) that runs the configured runner command.",
    "systemd: a `.timer`/`.path` unit with a `.service` that runs the configured runner command.",
    "MinIO: an `mc` script that registers bucket notifications for webhook triggers.",
]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

def md_enum(intro, values, descs):
    return intro + "\n\n" + "\n".join("- `%s`: %s" % (v, d) for v, d in zip(values, descs))

def enum_schema(values, descs, description, default=None, examples=None, typ="string", maxlen=True):
    s = {"type": typ, "description": description,
         "markdownDescription": md_enum(description, values, descs),
         "enum": values, "enumDescriptions": descs}
    if typ == "string" and maxlen:
        s["maxLength"] = max(len(v) for v in values)
    if default is not None:
        s["default"] = default
    if examples is not None:
        s["examples"] = examples
    return s

def common_defs():
    d = {}
    d["identifier"] = {
        "type": "string", "description": "A trigc identifier: a lowercase letter, then lowercase letters, digits or underscores (at most 63 characters).",
        "minLength": 1, "maxLength": 63, "pattern": ID_PATTERN, "examples": ["bronze_sales", "dbt_run"]}
    d["timezone"] = {
        "type": "string",
        "description": "An IANA time zone name from the tz database, such as `Europe/Paris`, `America/New_York` or `UTC`. trigc checks the name against the system tz database.",
        "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z][A-Za-z0-9_+/-]*$",
        "examples": ["UTC", "Europe/Paris", "America/New_York"]}
    d["cron"] = {
        "type": "string",
        "description": "A schedule: a standard 5-field cron expression (`minute hour day-of-month month day-of-week`, quoted in YAML), an `@hourly`-style macro, or the name of a cron preset (built-in or from trigc.yaml).",
        "markdownDescription": "A schedule, one of:\n\n- a standard 5-field cron expression `minute hour day-of-month month day-of-week`, e.g. `\"0 6 * * *\"` (always quote it: an unquoted `*` starts a YAML alias);\n- a macro: `@hourly`, `@daily`, `@midnight`, `@weekly`, `@monthly`, `@yearly`, `@annually`;\n- a cron preset name: `hourly` (`0 * * * *`), `daily` (`0 0 * * *`), `daily_6am` (`0 6 * * *`), `weekly` (`0 0 * * 0`), `monthly` (`0 0 1 * *`), `every_15min` (`*/15 * * * *`), `every_30min` (`*/30 * * * *`), or a preset defined under `presets.cron` in trigc.yaml.\n\nWhen both day-of-month and day-of-week are restricted, a run happens when either matches (as in cron).",
        "minLength": 1, "maxLength": 256,
        "examples": ["daily", "0 6 * * *", "*/15 * * * *", "@hourly", "0 9-17 * * 1-5"]}
    d["duration"] = {
        "title": "duration",
        "type": ["string", "object"],
        "description": "A duration: a string `<N>m`, `<N>h` or `<N>d` (e.g. `30m`, `6h`, `1d`), or a mapping with exactly one of `minutes`, `hours`, `days`.",
        "markdownDescription": "A duration, written either as a string `<N>m`, `<N>h` or `<N>d` (`30m`, `6h`, `1d`) or as a mapping with exactly one key:\n\n```yaml\nwarn_after:\n  hours: 6\n```",
        "examples": ["30m", "6h", "1d", {"hours": 6}, {"days": 1}],
        "if": {"type": "string"},
        "then": {"minLength": 2, "maxLength": 7, "pattern": "^[1-9][0-9]{0,5}[mhd]$"},
        "else": {
            "type": "object", "additionalProperties": False, "minProperties": 1, "maxProperties": 1,
            "properties": {
                "minutes": {"type": "integer", "minimum": 1, "maximum": 999999, "description": "The duration in minutes.", "examples": [30]},
                "hours": {"type": "integer", "minimum": 1, "maximum": 999999, "description": "The duration in hours.", "examples": [6]},
                "days": {"type": "integer", "minimum": 1, "maximum": 999999, "description": "The duration in days.", "examples": [1]},
            }}}
    d["freshness"] = {
        "type": "object",
        "description": "Data freshness SLA: how old the pipeline's output may get. `warn_after` must be shorter than `error_after`. A `freshness` trigger schedules runs often enough to meet it.",
        "markdownDescription": "Data freshness SLA: how old the pipeline's output may get before a warning (`warn_after`) or an error (`error_after`); `warn_after` must be shorter than `error_after`.\n\nA trigger `type: freshness` derives a schedule from `warn_after` (else `error_after`): under 1h every few minutes (at most half of it), 1h to 6h hourly, 6h to 12h every 3 hours, 12h to 24h twice daily, 24h and more daily.",
        "additionalProperties": False, "minProperties": 1,
        "properties": {
            "warn_after": {"$ref": "#/definitions/duration", "description": "Age of the newest data after which a warning is raised, and the basis of a freshness-derived schedule."},
            "error_after": {"$ref": "#/definitions/duration", "description": "Age of the newest data after which the SLA is breached (an error)."},
        },
        "examples": [{"warn_after": {"hours": 6}, "error_after": {"hours": 24}}, {"warn_after": "2h", "error_after": "1d"}]}
    d["retries"] = {
        "type": "object",
        "description": "Retry policy of a triggered run: how many times a failed run is retried and how long to wait between attempts.",
        "additionalProperties": False,
        "properties": {
            "attempts": {"type": "integer", "minimum": 0, "maximum": 10, "default": 0, "description": "Number of retries after a failed run (0 to 10; 0 = no retry).", "examples": [3]},
            "backoff_seconds": {"type": "integer", "minimum": 0, "maximum": 86400, "default": 60, "description": "Delay before the first retry, in seconds (0 to 86400).", "examples": [60, 300]},
            "backoff": enum_schema(["fixed", "exponential"],
                                   ["Every retry waits `backoff_seconds`.",
                                    "The wait doubles after each attempt: `backoff_seconds`, 2x, 4x, ..."],
                                   "How the wait between retries grows.", default="fixed"),
        },
        "examples": [{"attempts": 3, "backoff_seconds": 60, "backoff": "exponential"}]}
    d["params"] = {
        "type": "object",
        "description": "Default inputs handed to every triggered run (run config, DAG conf, deployment parameters), e.g. a dbt selector. Keys are strings; values may be any YAML value.",
        "maxProperties": 64,
        "additionalProperties": True,
        "examples": [{"select": "tag:daily", "full_refresh": False}]}
    d["relative_path"] = {
        "type": "string",
        "description": "A folder inside the project, relative to the directory of trigc.yaml: no leading `/`, no `.` or `..` part.",
        "minLength": 1, "maxLength": 256, "pattern": "^(?!\\.{1,2}(/|$))(?!.*/\\.{1,2}(/|$))[A-Za-z0-9_.-][A-Za-z0-9_./-]*$",
        "examples": ["pipelines", "generated/dagster"]}
    d["absolute_path"] = {
        "type": "string",
        "description": "An absolute directory path on the machine that runs the jobs.",
        "minLength": 1, "maxLength": 256, "pattern": "^/[A-Za-z0-9_./-]*$",
        "examples": ["/opt/ratatouille/bin"]}
    d["bucket"] = {
        "type": "string",
        "description": "An S3/MinIO bucket name: 3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit.",
        "minLength": 3, "maxLength": 63, "pattern": "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
        "examples": ["ratatouille-demo", "landing"]}
    d["runner"] = {
        "type": "string",
        "description": "Command template that starts one run, used by the crontab and systemd targets. `{target}` is replaced by the launched name and `{name}` by the pipeline name; trigc quotes the substituted values.",
        "minLength": 1, "maxLength": 512,
        "examples": ["dagster job launch -j {target}", "airflow dags trigger {target}", "prefect deployment run {target}"]}
    d["work_pool"] = {
        "type": "string",
        "description": "Name of the Prefect work pool that runs the deployment.",
        "minLength": 1, "maxLength": 128, "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        "examples": ["default", "lakehouse-pool"]}
    return d

# ---------------------------------------------------------------------------------------------
def pipeline_schema():
    d = common_defs()
    d["target_name"] = {
        "type": "string",
        "description": "What a trigger launches: a Dagster job or asset, an Airflow DAG id, or a Prefect deployment (`flow/deployment`).",
        "minLength": 1, "maxLength": 200,
        "examples": ["bronze_sales", "sales/daily"]}
    d["target_kind"] = enum_schema(TARGETS, TARGET_DESCS, "An output target of trigc.")
    d["maintenance_window"] = {
        "type": "object",
        "description": "A recurring period during which no trigger of this pipeline starts a run.",
        "additionalProperties": False,
        "required": ["days", "start", "end"],
        "properties": {
            "days": {"type": "array", "description": "Days of the week on which the window opens.", "minItems": 1, "maxItems": 7, "uniqueItems": True,
                     "items": enum_schema(DAYS, ["Monday.", "Tuesday.", "Wednesday.", "Thursday.", "Friday.", "Saturday.", "Sunday."], "A day of the week, in lowercase English.")},
            "start": {"type": "string", "description": "Local time at which the window opens, `HH:MM` (24-hour clock).", "minLength": 5, "maxLength": 5, "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "examples": ["02:00"]},
            "end": {"type": "string", "description": "Local time at which the window closes, `HH:MM` (24-hour clock). An `end` earlier than `start` closes the window on the next day.", "minLength": 5, "maxLength": 5, "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "examples": ["04:00"]},
            "timezone": {"$ref": "#/definitions/timezone", "description": "Time zone of `start` and `end`; default: the project timezone, else UTC."},
            "description": {"type": "string", "description": "Why the window exists (shown by `trigc explain`).", "maxLength": 256, "examples": ["Weekly warehouse maintenance"]},
        },
        "examples": [{"days": ["sunday"], "start": "02:00", "end": "04:00", "description": "Weekly maintenance"}]}
    d["concurrency"] = {
        "type": "object",
        "description": "Limits on runs of this pipeline started by triggers.",
        "additionalProperties": False,
        "properties": {
            "max_concurrent": {"type": "integer", "minimum": 1, "maximum": 1000, "description": "Most runs of this pipeline at once (1 to 1000).", "examples": [1]},
            "cooldown_seconds": {"type": "integer", "minimum": 0, "maximum": 604800, "default": 0, "description": "Minimum time between two trigger-started runs, in seconds (0 to 604800 = 7 days).", "examples": [300]},
        }}
    tgt = {"$ref": "#/definitions/target_name", "description": "Overrides, for this target only, what the pipeline's triggers launch."}
    def ovr(name, extra=None, desc=""):
        props = {"target": copy.deepcopy(tgt)}
        props.update(extra or {})
        return {"type": "object", "additionalProperties": False, "description": desc, "properties": props}
    d["target_overrides"] = {
        "type": "object",
        "description": "Per-target overrides of this pipeline's settings. Only the keys listed per target are allowed.",
        "markdownDescription": "Per-target overrides of this pipeline's settings, e.g.\n\n```yaml\ntargets:\n  prefect:\n    entrypoint: flows/sales.py:sales\n```",
        "additionalProperties": False,
        "properties": {
            "dagster": ovr("dagster", desc="Overrides for the Dagster target."),
            "airflow": ovr("airflow", desc="Overrides for the Airflow target."),
            "prefect": ovr("prefect", {
                "entrypoint": {"type": "string", "description": "Prefect flow entrypoint, `path/to/file.py:flow_function`, relative to the project root.", "minLength": 4, "maxLength": 256,
                               "pattern": "^[A-Za-z0-9_./-]+\\.py:[A-Za-z_][A-Za-z0-9_]*$", "examples": ["flows/sales.py:sales"]},
                "work_pool": {"$ref": "#/definitions/work_pool", "description": "Prefect work pool for this pipeline's deployment; overrides `targets.prefect.work_pool` of trigc.yaml."},
            }, "Overrides for the Prefect target."),
            "crontab": ovr("crontab", {"runner": {"$ref": "#/definitions/runner", "description": "Command template that starts a run of this pipeline from cron; overrides `targets.crontab.runner` of trigc.yaml."}}, "Overrides for the crontab target."),
            "systemd": ovr("systemd", {"runner": {"$ref": "#/definitions/runner", "description": "Command template that starts a run of this pipeline from a systemd service; overrides `targets.systemd.runner` of trigc.yaml."}}, "Overrides for the systemd target."),
            "minio": ovr("minio", desc="Overrides for the MinIO target."),
        }}

    # ---- triggers
    TT = ["schedule", "s3_sensor", "webhook", "freshness", "dependency", "file_watch"]
    TT_DESCS = [
        "Run on a cron schedule, a cron preset or a schedule pattern.",
        "Run when new objects appear under an S3/MinIO key prefix (polled).",
        "Run when an HTTP endpoint `/webhooks/...` is called, e.g. by a MinIO bucket notification.",
        "Run often enough to meet the pipeline's `freshness:` block.",
        "Run after another pipeline finishes (on success, failure or either).",
        "Run when files matching a local absolute glob are created, modified, deleted or moved.",
    ]
    d["trigger_type"] = enum_schema(TT, TT_DESCS, "The kind of trigger; it selects which other keys are allowed.")
    d["trigger_name"] = {"$ref": "#/definitions/identifier", "description": "Name of this trigger (the schedule/sensor name in generated code); default: derived from the pipeline name and the trigger type, unique within the pipeline."}
    d["trigger_enabled"] = {"type": "boolean", "default": True, "description": "`false` emits this trigger paused/stopped/disabled."}
    d["trigger_targets"] = {"type": "array", "description": "Emit this trigger only to these targets (default: every target configured in trigc.yaml). Use it for a trigger that some target cannot express.",
                            "minItems": 1, "maxItems": 6, "uniqueItems": True, "items": {"$ref": "#/definitions/target_kind"},
                            "examples": [["dagster", "airflow"]]}
    d["trigger_cooldown_seconds"] = {"type": "integer", "minimum": 0, "maximum": 604800, "default": 0, "description": "Minimum time between two runs started by this trigger, in seconds (0 to 604800); overrides `concurrency.cooldown_seconds`."}
    d["trigger_max_concurrent"] = {"type": "integer", "minimum": 1, "maximum": 1000, "description": "Most runs started by this trigger at once (1 to 1000); overrides `concurrency.max_concurrent`."}
    d["trigger_params"] = {"$ref": "#/definitions/params", "description": "Inputs handed to runs started by this trigger, merged over the pipeline's `params` (this trigger wins)."}

    def common():
        return {
            "type": {"$ref": "#/definitions/trigger_type"},
            "name": {"$ref": "#/definitions/trigger_name"},
            "enabled": {"$ref": "#/definitions/trigger_enabled"},
            "targets": {"$ref": "#/definitions/trigger_targets"},
            "cooldown_seconds": {"$ref": "#/definitions/trigger_cooldown_seconds"},
            "max_concurrent": {"$ref": "#/definitions/trigger_max_concurrent"},
            "params": {"$ref": "#/definitions/trigger_params"},
        }
    per = {
        "schedule": ({
            "cron": {"$ref": "#/definitions/cron", "description": "When to run: a quoted 5-field cron expression, an `@hourly`-style macro, or a cron preset name (`hourly`, `daily`, `daily_6am`, `weekly`, `monthly`, `every_15min`, `every_30min`, or one from trigc.yaml). Give either `cron` or `pattern`."},
            "pattern": {"$ref": "#/definitions/identifier", "description": "Name of a schedule pattern (a cron with policy such as retries): built-in (`production_daily`, `production_hourly`, `development_frequent`, `business_hours_only`, `weekend_batch`, `manual_only`, `high_frequency`, `low_frequency`, `ecommerce_peak_hours`, `financial_end_of_day`, `retail_inventory_update`, `marketing_campaign_sync`) or from trigc.yaml. Give either `cron` or `pattern`."},
            "timezone": {"$ref": "#/definitions/timezone", "description": "IANA time zone in which the cron fires (local wall-clock time); default: the project timezone, else UTC."},
            "catchup": {"type": "boolean", "default": False, "description": "`true` backfills runs missed while the schedule was off (Airflow catchup, Dagster/Prefect equivalents where they exist)."},
            "jitter_seconds": {"type": "integer", "minimum": 0, "maximum": 3600, "default": 0, "description": "Random delay added to each run, in seconds (0 to 3600), to spread load."},
        }, []),
        "s3_sensor": ({
            "path": {"type": "string", "description": "Key prefix to watch, with a trailing `/` and no leading `/`, e.g. `bronze/sales/`.", "minLength": 2, "maxLength": 1024, "pattern": "^[^\\s/][^\\s]*/$", "examples": ["bronze/sales/"]},
            "bucket": {"$ref": "#/definitions/bucket", "description": "Bucket to watch; default: `defaults.bucket` of trigc.yaml."},
            "pattern": {"type": "string", "description": "Glob on the key below `path` that a new object must match, e.g. `*.parquet` (quote it in YAML); default: every object.", "minLength": 1, "maxLength": 256, "examples": ["*.parquet", "*.csv"]},
            "interval": {"type": "integer", "minimum": 10, "maximum": 86400, "default": 60, "description": "Polling interval in seconds (10 to 86400).", "examples": [60, 300]},
        }, ["path"]),
        "webhook": ({
            "endpoint": {"type": "string", "description": "HTTP path that triggers a run, starting with `/webhooks/`.", "minLength": 11, "maxLength": 256, "pattern": "^/webhooks/[A-Za-z0-9._~/-]+$", "examples": ["/webhooks/bronze-sales"]},
            "secret": {"type": "string", "description": "Shared secret used to verify the payload signature, as a reference `${env:NAME}` to an environment variable. trigc rejects a literal secret with its own diagnostic and never writes a secret value into an artifact.", "minLength": 1, "maxLength": 256, "examples": ["${env:SALES_WEBHOOK_SECRET}"]},
            "source": enum_schema(["minio", "generic"], ["A MinIO bucket notification (`EventName`, `Key`); trigc also emits the `mc` setup from `bucket`, `prefix`, `suffix` and `events`.", "Any HTTP client posting a JSON payload (CI, another orchestrator, a person with curl)."], "Who calls the webhook, and so which payload format it receives.", default="generic"),
            "bucket": {"$ref": "#/definitions/bucket", "description": "MinIO source only: bucket whose notifications call this webhook; default: `defaults.bucket` of trigc.yaml."},
            "prefix": {"type": "string", "description": "MinIO source only: notify only for object keys starting with this prefix.", "minLength": 1, "maxLength": 1024, "examples": ["bronze/sales/"]},
            "suffix": {"type": "string", "description": "MinIO source only: notify only for object keys ending with this suffix.", "minLength": 1, "maxLength": 256, "examples": [".parquet"]},
            "events": {"type": "array", "description": "MinIO source only: bucket events that call the webhook; default: `[put]`.", "minItems": 1, "maxItems": 3, "uniqueItems": True,
                       "items": enum_schema(["put", "delete", "get"], ["An object was created or overwritten.", "An object was deleted.", "An object was read."], "A MinIO bucket event.")},
        }, ["endpoint"]),
        "freshness": ({}, []),
        "dependency": ({
            "upstream": {"$ref": "#/definitions/identifier", "description": "Name of the pipeline whose runs trigger this one; it must exist in the repository and the dependency graph must have no cycle."},
            "condition": enum_schema(["on_success", "on_failure", "on_completion"], ["Run after the upstream succeeds (normal data flow).", "Run after the upstream fails (alerting, clean-up).", "Run after the upstream finishes, whether it succeeded or failed (audit, logging)."], "Which outcome of the upstream run triggers this pipeline.", default="on_success"),
            "delay_minutes": {"type": "integer", "minimum": 0, "maximum": 1440, "default": 0, "description": "Wait this many minutes after the upstream finishes before starting (0 to 1440)."},
        }, ["upstream"]),
        "file_watch": ({
            "path": {"type": "string", "description": "Absolute glob of the local files to watch, e.g. `/data/incoming/*.csv`.", "minLength": 2, "maxLength": 1024, "pattern": "^/", "examples": ["/data/incoming/*.csv"]},
            "events": {"type": "array", "description": "File events that trigger a run; default: `[created]`.", "minItems": 1, "maxItems": 4, "uniqueItems": True,
                       "items": enum_schema(["created", "modified", "deleted", "moved"], ["A matching file appeared.", "A matching file was written to.", "A matching file was removed.", "A matching file was renamed or moved."], "A file-system event.")},
            "recursive": {"type": "boolean", "default": True, "description": "Also watch subdirectories of the glob's directory."},
            "debounce_seconds": {"type": "integer", "minimum": 0, "maximum": 3600, "default": 0, "description": "Wait until files have been quiet for this many seconds before starting one run (0 to 3600)."},
            "ignore": {"type": "array", "description": "Globs of file names to ignore, e.g. partial downloads.", "maxItems": 32,
                       "items": {"type": "string", "description": "A glob of file names to ignore.", "minLength": 1, "maxLength": 256, "examples": ["*.tmp", "*.part"]}},
        }, ["path"]),
    }
    allof = []
    for t in TT:
        fields, req = per[t]
        props = common()
        props.update(fields)
        then = {"title": "%s trigger" % t, "properties": props, "additionalProperties": False}
        if req:
            then["required"] = req
        allof.append({"if": {"title": "%s trigger" % t, "properties": {"type": {"const": t}}, "required": ["type"]}, "then": then})
    snippets = [
        {"label": "schedule trigger", "description": "Run on a cron schedule.", "body": {"type": "schedule", "cron": "\"${1:0 6 * * *}\"", "timezone": "${2:UTC}"}},
        {"label": "s3_sensor trigger", "description": "Run when new objects land under an S3/MinIO prefix.", "body": {"type": "s3_sensor", "path": "${1:bronze/sales/}", "pattern": "\"${2:*.parquet}\"", "interval": 60}},
        {"label": "webhook trigger", "description": "Run when a /webhooks/ endpoint is called.", "body": {"type": "webhook", "endpoint": "/webhooks/${1:name}", "secret": "\\${env:${2:WEBHOOK_SECRET}}", "source": "${3|generic,minio|}"}},
        {"label": "freshness trigger", "description": "Run often enough to meet the freshness: block.", "body": {"type": "freshness"}},
        {"label": "dependency trigger", "description": "Run after another pipeline finishes.", "body": {"type": "dependency", "upstream": "${1:upstream_pipeline}", "condition": "${2|on_success,on_failure,on_completion|}"}},
        {"label": "file_watch trigger", "description": "Run when local files change.", "body": {"type": "file_watch", "path": "${1:/data/incoming/*.csv}", "events": ["created"]}},
    ]
    d["trigger"] = {
        "type": "object",
        "description": "One trigger: `type` selects the shape, and keys that type does not define are errors.",
        "markdownDescription": md_enum("One trigger. `type` selects which keys are allowed; an unknown key is an error. Every trigger may also carry `name`, `enabled`, `targets`, `cooldown_seconds`, `max_concurrent` and `params`.", TT, TT_DESCS),
        "required": ["type"],
        "properties": {"type": {"$ref": "#/definitions/trigger_type"}},
        "defaultSnippets": snippets,
        "allOf": allof,
    }

    props = {
        "name": {"$ref": "#/definitions/identifier", "description": "Pipeline name, unique in the repository; default: the name of the folder holding this config.yaml."},
        "target": {"$ref": "#/definitions/target_name", "description": "What a trigger launches: a Dagster job or asset, an Airflow DAG id, or a Prefect deployment; default: `name`. Override it per target under `targets:`."},
        "enabled": {"type": "boolean", "default": True, "description": "`false` emits every trigger of this pipeline paused/stopped/disabled."},
        "triggers": {"type": "array", "description": "When this pipeline runs. Several triggers combine: a run starts on any of them.", "maxItems": 64, "items": {"$ref": "#/definitions/trigger"},
                     "examples": [[{"type": "s3_sensor", "path": "bronze/sales/", "interval": 60, "pattern": "*.parquet"}, {"type": "schedule", "cron": "daily_6am"}]]},
        "freshness": {"$ref": "#/definitions/freshness"},
        "maintenance_windows": {"type": "array", "description": "Periods during which no trigger of this pipeline starts a run.", "maxItems": 32, "items": {"$ref": "#/definitions/maintenance_window"}},
        "concurrency": {"$ref": "#/definitions/concurrency"},
        "retries": {"$ref": "#/definitions/retries"},
        "params": {"$ref": "#/definitions/params"},
        "targets": {"$ref": "#/definitions/target_overrides"},
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://trigc.dev/schemas/pipeline.schema.json",
        "title": "trigc pipeline config.yaml",
        "description": "The keys trigc reads from a pipeline's config.yaml: when the pipeline runs (triggers), its freshness SLA, maintenance windows, concurrency, retries, run parameters and per-target overrides. Other top-level keys belong to other tools and are ignored.",
        "type": "object",
        "additionalProperties": True,
        "maxProperties": 256,
        "properties": props,
        "definitions": d,
    }

# ---------------------------------------------------------------------------------------------
def project_schema():
    d = common_defs()
    def out(tname):
        return {"$ref": "#/definitions/relative_path", "description": "Directory, relative to trigc.yaml, into which trigc writes the %s artifacts." % tname}
    pattern_props = {
        "cron": {"$ref": "#/definitions/cron", "description": "The pattern's schedule: a 5-field cron expression, a macro or a cron preset name. Leave it out for a `manual: true` pattern."},
        "timezone": {"$ref": "#/definitions/timezone", "description": "Time zone of the pattern's schedule; a trigger's own `timezone` wins."},
        "description": {"type": "string", "description": "What the pattern is for (shown by `trigc explain`).", "maxLength": 256},
        "catchup": {"type": "boolean", "default": False, "description": "Whether runs missed while the schedule was off are backfilled."},
        "retries": {"$ref": "#/definitions/retries", "description": "Retry policy applied to pipelines scheduled by this pattern, unless the pipeline sets `retries:`."},
        "freshness": {"$ref": "#/definitions/freshness", "description": "Freshness SLA applied to pipelines scheduled by this pattern, unless the pipeline sets `freshness:`."},
        "manual": {"type": "boolean", "default": False, "description": "`true`: the pattern has no schedule; pipelines using it run only when started by hand (like `manual_only`)."},
    }
    props = {
        "version": {"const": 1, "type": "integer", "description": "Version of the trigc.yaml format; must be 1."},
        "pipelines": {"type": "array", "description": "Folders, relative to trigc.yaml, searched for pipelines' config.yaml; default: `[pipelines]`.", "default": ["pipelines"],
                      "minItems": 1, "maxItems": 64, "uniqueItems": True, "items": {"$ref": "#/definitions/relative_path", "description": "A folder relative to trigc.yaml."}},
        "defaults": {"type": "object", "description": "Project-wide defaults used where a pipeline or trigger leaves a value out.", "additionalProperties": False,
                     "properties": {
                         "timezone": {"$ref": "#/definitions/timezone", "description": "Default time zone of schedules and maintenance windows; default: UTC."},
                         "bucket": {"$ref": "#/definitions/bucket", "description": "Default bucket of `s3_sensor` triggers and MinIO webhooks."},
                         "s3_endpoint": {"type": "string", "description": "URL of the S3 or MinIO endpoint that sensors poll, e.g. `http://minio:9000`.", "minLength": 8, "maxLength": 256, "pattern": "^https?://[^\\s]+$", "examples": ["http://minio:9000"]},
                     }},
        "presets": {"type": "object", "description": "Project cron presets and schedule patterns; a name that shadows a built-in one is an error.", "additionalProperties": False,
                    "properties": {
                        "cron": {"type": "object", "description": "Named cron expressions usable as `cron: <name>` in a schedule trigger.", "maxProperties": 128,
                                 "propertyNames": {"$ref": "#/definitions/identifier"},
                                 "additionalProperties": {"$ref": "#/definitions/cron", "description": "The cron expression (or macro) the preset stands for."},
                                 "examples": [{"business_morning": "30 7 * * 1-5"}]},
                        "patterns": {"type": "object", "description": "Named schedule patterns (a cron with policy) usable as `pattern: <name>` in a schedule trigger.", "maxProperties": 64,
                                     "propertyNames": {"$ref": "#/definitions/identifier"},
                                     "additionalProperties": {"$ref": "#/definitions/pattern"}},
                    }},
        "targets": {"type": "object", "description": "The targets to emit: each key present is emitted, with its settings.", "additionalProperties": False,
                    "markdownDescription": "The targets to emit: each key present is emitted, with its settings.\n\n" + "\n".join("- `%s`: %s" % (t, x) for t, x in zip(TARGETS, TARGET_DESCS)),
                    "properties": {
                        "dagster": {"type": "object", "description": "Emit Dagster schedules and sensors.", "additionalProperties": False, "properties": {
                            "out": out("Dagster"),
                            "module": {"type": "string", "description": "Name of the generated Python module (a Python identifier).", "minLength": 1, "maxLength": 100, "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "examples": ["ratatouille_triggers"]}}},
                        "airflow": {"type": "object", "description": "Emit Airflow DAG files.", "additionalProperties": False, "properties": {
                            "out": out("Airflow"),
                            "version": enum_schema([2, 3], ["Airflow 2.x (2.4 or later) imports and semantics.", "Airflow 3.x (`airflow.sdk`) imports and semantics."], "Major Airflow version of the generated DAG files.", default=2, typ="integer"),
                            "aws_conn_id": {"type": "string", "description": "Airflow connection id used by S3 sensors; it starts with a letter, digit or `_`, so that it never reads as an option of the `airflow connections` commands.", "minLength": 1, "maxLength": 250, "pattern": "^[A-Za-z0-9_][A-Za-z0-9_.-]*$", "default": "aws_default", "examples": ["minio"]}}},
                        "prefect": {"type": "object", "description": "Emit Prefect deployments in a prefect.yaml.", "additionalProperties": False, "properties": {
                            "out": out("Prefect"),
                            "work_pool": {"$ref": "#/definitions/work_pool", "description": "Default work pool of the generated deployments."},
                            "entrypoint": {"type": "string", "description": "Template of a deployment's entrypoint, `path/file.py:function`; `{name}` is replaced by the pipeline name.", "minLength": 4, "maxLength": 256,
                                           "pattern": "^[A-Za-z0-9_./{}-]+\\.py:[A-Za-z0-9_{}]+$", "examples": ["flows/{name}.py:{name}"]}}},
                        "crontab": {"type": "object", "description": "Emit a crontab.", "additionalProperties": False, "properties": {
                            "out": out("crontab"),
                            "runner": {"$ref": "#/definitions/runner", "description": "Command template that starts a run from cron, e.g. `dagster job launch -j {target}`."},
                            "flavor": enum_schema(["cronie", "debian"], ["cronie (Fedora, RHEL, Arch): per-line `CRON_TZ=` time zones are supported.", "Debian/Ubuntu cron (vixie cron 3.0): no per-job time zone, so schedules are converted to `system_timezone`."], "Which cron daemon reads the crontab.", default="cronie"),
                            "system_timezone": {"$ref": "#/definitions/timezone", "description": "Time zone of the machine running cron; cron fires in this zone. Default: UTC."},
                            "script_dir": {"$ref": "#/definitions/absolute_path", "description": "Absolute directory where the generated run scripts are installed; cron lines call scripts there."},
                            "cron_d_user": {"type": "string", "description": "If set, emit an `/etc/cron.d` file whose lines run as this user; otherwise a user crontab.", "minLength": 1, "maxLength": 32, "pattern": "^[a-z_][a-z0-9_-]*$", "examples": ["etl"]}}},
                        "systemd": {"type": "object", "description": "Emit systemd timer, path and service units.", "additionalProperties": False, "properties": {
                            "out": out("systemd"),
                            "runner": {"$ref": "#/definitions/runner", "description": "Command template that a generated service runs to start a run."},
                            "script_dir": {"$ref": "#/definitions/absolute_path", "description": "Absolute directory where the generated run scripts are installed; services run scripts there."}}},
                        "minio": {"type": "object", "description": "Emit `mc` scripts that set up MinIO bucket notifications for webhook triggers.", "additionalProperties": False, "properties": {
                            "out": out("MinIO"),
                            "alias": {"type": "string", "description": "`mc` alias of the MinIO deployment (set up with `mc alias set`).", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$", "examples": ["myminio"]},
                            "webhook_base_url": {"type": "string", "description": "Base URL MinIO posts notifications to; a trigger's `endpoint` is appended.", "minLength": 8, "maxLength": 256, "pattern": "^https?://[^\\s]+$", "examples": ["http://dagster:3000"]}}},
                    }},
    }
    d["pattern"] = {"type": "object", "description": "A schedule pattern: a cron with policy (time zone, catch-up, retries, freshness).", "additionalProperties": False, "minProperties": 1,
                    "properties": pattern_props,
                    "examples": [{"cron": "0 5 * * *", "timezone": "Europe/Paris", "description": "Before the kitchen opens", "retries": {"attempts": 2, "backoff_seconds": 120, "backoff": "fixed"}}]}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://trigc.dev/schemas/project.schema.json",
        "title": "trigc project file trigc.yaml",
        "description": "Project settings of a trigc repository: where the pipelines are, project defaults, cron presets and schedule patterns, and which targets to emit with their settings.",
        "type": "object",
        "additionalProperties": False,
        "required": ["version"],
        "properties": props,
        "definitions": d,
    }

def prune(schema):
    """Drops definitions nothing references."""
    defs = schema["definitions"]
    used, todo = set(), [ {k: v for k, v in schema.items() if k != "definitions"} ]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/definitions/"):
                name = ref.split("/")[-1]
                if name not in used:
                    used.add(name)
                    todo.append(defs[name])
            todo.extend(v for k, v in node.items() if k not in ("examples", "default", "defaultSnippets"))
        elif isinstance(node, list):
            todo.extend(node)
    schema["definitions"] = {k: v for k, v in defs.items() if k in used}
    return schema

EXAMPLES = {
    "pipeline": {
        "/properties/enabled": [False],
        "/properties/maintenance_windows": [[{"days": ["sunday"], "start": "02:00", "end": "04:00", "description": "Weekly maintenance"}]],
        "/definitions/concurrency": [{"max_concurrent": 1, "cooldown_seconds": 300}],
        "/definitions/target_overrides": [{"prefect": {"entrypoint": "flows/sales.py:sales"}, "airflow": {"target": "sales_dag"}}],
        "/definitions/target_overrides/properties/dagster": [{"target": "sales_job"}],
        "/definitions/target_overrides/properties/airflow": [{"target": "sales_dag"}],
        "/definitions/target_overrides/properties/prefect": [{"target": "sales/daily", "entrypoint": "flows/sales.py:sales", "work_pool": "default"}],
        "/definitions/target_overrides/properties/crontab": [{"runner": "dagster job launch -j {target}"}],
        "/definitions/target_overrides/properties/systemd": [{"runner": "dagster job launch -j {target}"}],
        "/definitions/target_overrides/properties/minio": [{"target": "sales_job"}],
        "/definitions/maintenance_window/properties/days": [["saturday", "sunday"]],
        "/definitions/trigger_enabled": [False],
        "/definitions/trigger_cooldown_seconds": [300],
        "/definitions/trigger_max_concurrent": [1],
        "/definitions/trigger/allOf/0/then/properties/catchup": [False],
        "/definitions/trigger/allOf/0/then/properties/jitter_seconds": [120],
        "/definitions/trigger/allOf/2/then/properties/events": [["put"]],
        "/definitions/trigger/allOf/4/then/properties/delay_minutes": [5],
        "/definitions/trigger/allOf/5/then/properties/events": [["created", "modified"]],
        "/definitions/trigger/allOf/5/then/properties/recursive": [False],
        "/definitions/trigger/allOf/5/then/properties/debounce_seconds": [5],
        "/definitions/trigger/allOf/5/then/properties/ignore": [["*.tmp", "*.part"]],
    },
    "project": {
        "/properties/pipelines": [["pipelines"], ["pipelines", "legacy/pipelines"]],
        "/properties/defaults": [{"timezone": "Europe/Paris", "bucket": "ratatouille-demo", "s3_endpoint": "http://minio:9000"}],
        "/properties/presets": [{"cron": {"business_morning": "30 7 * * 1-5"}}],
        "/properties/presets/properties/patterns": [{"nightly": {"cron": "0 3 * * *", "retries": {"attempts": 3, "backoff": "exponential"}}}],
        "/properties/targets": [{"dagster": {"out": "generated/dagster", "module": "triggers"}, "crontab": {"out": "generated/crontab", "runner": "dagster job launch -j {target}"}}],
        "/properties/targets/properties/dagster": [{"out": "generated/dagster", "module": "ratatouille_triggers"}],
        "/properties/targets/properties/airflow": [{"out": "generated/airflow", "version": 2, "aws_conn_id": "minio"}],
        "/properties/targets/properties/prefect": [{"out": "generated/prefect", "work_pool": "default", "entrypoint": "flows/{name}.py:{name}"}],
        "/properties/targets/properties/crontab": [{"out": "generated/crontab", "runner": "dagster job launch -j {target}", "flavor": "cronie"}],
        "/properties/targets/properties/systemd": [{"out": "generated/systemd", "runner": "dagster job launch -j {target}", "script_dir": "/opt/trigc/bin"}],
        "/properties/targets/properties/minio": [{"out": "generated/minio", "alias": "myminio", "webhook_base_url": "http://dagster:3000"}],
        "/definitions/pattern/properties/description": ["Nightly refresh before the morning reports"],
        "/definitions/pattern/properties/catchup": [False],
        "/definitions/pattern/properties/manual": [True],
    },
}


def merge_ref_docs(schema):
    """Editors prefer a $ref target's markdownDescription over a sibling description; give every
    documented $ref its own markdownDescription (its text, then the target's explanation)."""
    defs = schema["definitions"]

    def target_md(ref):
        node = defs[ref.split("/")[-1]]
        while "$ref" in node and "markdownDescription" not in node:
            node = defs[node["$ref"].split("/")[-1]]
        return node.get("markdownDescription")

    def visit(node):
        if isinstance(node, dict):
            if "$ref" in node and "description" in node and "markdownDescription" not in node:
                md = target_md(node["$ref"])
                node["markdownDescription"] = node["description"] + ("\n\n" + md if md else "")
            for k, v in node.items():
                if k not in ("examples", "default", "defaultSnippets", "enum", "enumDescriptions"):
                    visit(v)
        elif isinstance(node, list):
            for v in node:
                visit(v)
    visit(schema)
    return schema


def add_examples(kind, schema):
    for pointer, examples in EXAMPLES[kind].items():
        node = schema
        for part in pointer.strip("/").split("/"):
            node = node[int(part)] if isinstance(node, list) else node[part]
        assert "examples" not in node, pointer
        node["examples"] = examples
    return schema

def render():
    """Returns {file name: text} of the two schema files."""
    out = {}
    for name, build in (("pipeline", pipeline_schema), ("project", project_schema)):
        schema = merge_ref_docs(prune(add_examples(name, build())))
        out["%s.schema.json" % name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    check = "--check" in argv[1:]
    stale = []
    for name, text in render().items():
        path = os.path.join(here, name)
        try:
            with open(path, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current == text:
            continue
        if check:
            stale.append(name)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote schemas/" + name)
    for name in stale:
        print("schemas/%s is not what schemas/generate.py produces; edit generate.py and rerun it" % name)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
