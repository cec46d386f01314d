"""Writes the repositories the injection test builds.

Every value is written as a YAML double-quoted scalar. In the "escaped" form every character outside printable
ASCII is a `\\x`, `\\u` or `\\U` escape, so the loader sees exactly the value whatever it holds; the "raw" form
writes the characters themselves (only line breaks stay escaped, which a double-quoted scalar would fold), so the
loader's checks of the file's bytes (E0111, E0112) are exercised too.
"""
import os

from fields import CARRIERS, TRIGGER_BASES, place

TARGETS = ("dagster", "airflow", "prefect", "crontab", "systemd", "minio")


def quote(text, raw=False):
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in "\n\r\t" or not raw and not 0x20 <= code < 0x7F:
            out.append("\\x%02x" % code if code < 0x100 else "\\u%04x" % code if code < 0x10000 else
                       "\\U%08x" % code)
        else:
            out.append(ch)
    return "".join(out) + '"'


def dump(node, raw=False, indent=""):
    """Block-style YAML of dicts, lists, strings, ints and bools; every string double-quoted."""
    if isinstance(node, dict):
        if not node:
            return " {}\n"
        lines = "\n"
        for key, value in node.items():
            lines += indent + quote(key, raw) + ":" + dump(value, raw, indent + "  ")
        return lines
    if isinstance(node, list):
        if not node:
            return " []\n"
        lines = "\n"
        for value in node:
            lines += indent + "-" + dump(value, raw, indent + "  ")
        return lines
    if isinstance(node, bool):
        return " " + ("true" if node else "false") + "\n"
    if isinstance(node, int):
        return " %d\n" % node
    return " " + quote(node, raw) + "\n"


def project(root):
    bin_dir = lambda target: os.path.join(root, "out", target, "bin")
    return {
        "version": 1,
        "pipelines": ["pipelines"],
        "defaults": {"timezone": "UTC", "bucket": "inj-bucket", "s3_endpoint": "http://minio.example:9000"},
        "targets": {
            "dagster": {"out": "out/dagster", "module": "inj"},
            "airflow": {"out": "out/airflow", "version": 2},
            "prefect": {"out": "out/prefect", "work_pool": "pool", "entrypoint": "flows/{name}.py:{name}"},
            "crontab": {"out": "out/crontab", "runner": "dagster job launch -j {target}", "flavor": "cronie",
                        "script_dir": bin_dir("crontab")},
            "systemd": {"out": "out/systemd", "runner": "dagster job launch -j {target}",
                        "script_dir": bin_dir("systemd")},
            "minio": {"out": "out/minio", "alias": "inj", "webhook_base_url": "http://hooks.example:3000"},
        },
    }


def pipeline(use=None):
    trigger = dict(TRIGGER_BASES["schedule"])
    if use:
        trigger.pop("cron")
        trigger.update(use)
    return {"triggers": [trigger]}


def project_pipeline():
    """Pipeline p000 of a project repository: a schedule, and an S3 sensor without a bucket, so that the project's
    `defaults.bucket` and `targets.airflow.aws_conn_id` reach the artifacts."""
    config = pipeline()
    sensor = {k: v for k, v in TRIGGER_BASES["s3_sensor"].items()}
    sensor["name"] = "landing"
    config["triggers"].append(sensor)
    return config


def write(path, text, raw):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as f:
        f.write("# injection test" + dump(text, raw))


def _bin(value, root, field):
    if value == "@BIN@":
        return os.path.join(root, "out", field.split(".")[1], "bin")
    return value


def pipeline_repo(root, field, cases):
    """A repository with pipeline `up` and one pipeline per case (name, value, raw): the value at `field`."""
    write(os.path.join(root, "trigc.yaml"), project(root), False)
    write(os.path.join(root, "pipelines", "up", "config.yaml"), pipeline(), False)
    carrier = CARRIERS[field]
    for name, value, raw in cases:
        config = place(field, carrier.prefix + value, pipeline())
        write(os.path.join(root, "pipelines", name, "config.yaml"), config, raw)


def project_repo(root, values, raw):
    """A repository whose trigc.yaml holds, for each project field in `values`, its value (trigc.yaml fields are
    many, so one repository carries one value in all of them). Pipeline p000 has a schedule and an S3 sensor
    (project_pipeline), and one pipeline
    p9NN per preset or pattern field uses that preset. Returns ({line of trigc.yaml: field}, {pipeline: field},
    {target: output folder})."""
    config, sentinel = project(root), project(root)
    for n, field in enumerate(sorted(values)):
        carrier = CARRIERS[field]
        config = place(field, _bin(carrier.prefix + values[field], root, field), config)
        sentinel = place(field, "@@%d@@" % n, sentinel)
    uses = config.pop("_use", {})
    sentinel.pop("_use", None)
    lines = {}
    for number, line in enumerate(("# injection test" + dump(sentinel)).splitlines(), 1):
        if "@@" in line:
            lines[number] = sorted(values)[int(line.split("@@")[1])]
    write(os.path.join(root, "trigc.yaml"), config, raw)
    write(os.path.join(root, "pipelines", "p000", "config.yaml"), project_pipeline(), False)
    users = {}
    for n, field in enumerate(sorted(uses)):
        users["p%03d" % (900 + n)] = field
        write(os.path.join(root, "pipelines", "p%03d" % (900 + n), "config.yaml"), pipeline(uses[field]), False)
    outs = {t: config["targets"][t]["out"] for t in TARGETS}
    return lines, users, outs
