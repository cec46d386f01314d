#!/usr/bin/python3
"""Self-check of trigc's JSON Schemas and of the bundled example repository.

Usage: /usr/bin/python3 tests/schema/check_schemas.py [SOURCE_DIR]

Needs Debian's python3-jsonschema and python3-yaml (run with /usr/bin/python3).
Checks, for schemas/pipeline.schema.json and schemas/project.schema.json:
  0) the schema files are exactly what schemas/generate.py produces (one source for both files);
  a) the schema is valid draft-07 (metaschema);
  b) it uses only keywords valijson 1.0 implements, plus editor annotations; every $ref is local and
     resolves, and nothing but annotations sits beside a $ref (draft-07 ignores siblings of $ref);
  c) documentation and bounds: every property has a description and examples (or an enum/const),
     every example is valid, every enum has per-value descriptions,
     every trigger type has a snippet, every string has maxLength, every array maxItems, every open
     object maxProperties, every pattern is anchored, compiles and has no nested quantifier;
  d) every examples/ratatouille config validates, hand-written invalid snippets are rejected, the
     examples use every key of the pipeline schema and every trigger type, upstreams exist and form no
     cycle, and the YAML stays in the safe subset (no anchors/aliases/tags/merge keys, booleans only
     true/false, cron expressions quoted, webhook secrets only as ${env:NAME}).
Exits 1 and lists every failure when anything is wrong.
"""
import glob
import json
import os
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as exc:  # pragma: no cover
    print("check_schemas: missing module (%s); run with /usr/bin/python3 and install "
          "python3-jsonschema python3-yaml" % exc)
    sys.exit(2)

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(__file__), "..", ".."))
FAILURES = []


def fail(msg):
    FAILURES.append(msg)


# Keywords valijson 1.0 implements (draft-07), plus annotations it ignores and editors read.
VALIDATION_KEYWORDS = {
    "$schema", "$id", "$ref", "definitions", "title", "description", "default", "examples",
    "type", "enum", "const", "properties", "required", "additionalProperties", "patternProperties",
    "propertyNames", "minProperties", "maxProperties", "items", "additionalItems", "minItems",
    "maxItems", "uniqueItems", "contains", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "allOf", "anyOf",
    "oneOf", "not", "if", "then", "else",
}
EDITOR_KEYWORDS = {"markdownDescription", "enumDescriptions", "defaultSnippets", "deprecationMessage"}
ALLOWED = VALIDATION_KEYWORDS | EDITOR_KEYWORDS
ANNOTATIONS = {"title", "description", "markdownDescription", "examples", "default",
               "deprecationMessage", "enumDescriptions", "defaultSnippets"}
SCHEMA_MAPS = ("properties", "patternProperties", "definitions")
SCHEMA_VALUES = ("additionalProperties", "additionalItems", "contains", "propertyNames", "not",
                 "if", "then", "else", "items")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "items")


def walk(schema, path, visit, in_if=False):
    """Calls visit(schema, path, in_if) for every subschema."""
    if isinstance(schema, bool):
        return
    if not isinstance(schema, dict):
        fail("%s: a schema must be an object or a boolean" % path)
        return
    visit(schema, path, in_if)
    for key in SCHEMA_MAPS:
        for name, sub in (schema.get(key) or {}).items():
            walk(sub, "%s/%s/%s" % (path, key, name), visit, in_if)
    for key in SCHEMA_VALUES:
        sub = schema.get(key)
        if isinstance(sub, (dict, bool)):
            walk(sub, "%s/%s" % (path, key), visit, in_if or key == "if")
    for key in SCHEMA_LISTS:
        sub = schema.get(key)
        if isinstance(sub, list):
            for i, item in enumerate(sub):
                walk(item, "%s/%s/%d" % (path, key, i), visit, in_if)


def resolve(root, schema):
    """Follows local $refs; returns the list of schemas seen (the referrer first)."""
    chain = [schema]
    seen = set()
    while isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"]
        if ref in seen or not ref.startswith("#/"):
            break
        seen.add(ref)
        node = root
        for part in ref[2:].split("/"):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            break
        schema = node
        chain.append(schema)
    return chain


def first(chain, key):
    for s in chain:
        if isinstance(s, dict) and key in s:
            return s[key]
    return None


NESTED_QUANTIFIER = re.compile(r"\([^()]*[*+?}][^()]*\)[*+?{]")


def check_schema(name, schema):
    where = "schemas/%s" % name
    # a) metaschema
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as exc:
        fail("%s: not a valid draft-07 schema: %s" % (where, exc.message))
    for key in ("$schema", "$id", "title", "description"):
        if key not in schema:
            fail("%s: missing top-level %s" % (where, key))
    if schema.get("$schema") != "http://json-schema.org/draft-07/schema#":
        fail("%s: $schema must be draft-07" % where)

    def visit(s, path, in_if):
        p = where + "#" + (path or "/")
        # b) keyword allow-list, $ref hygiene
        for key in s:
            if key not in ALLOWED:
                fail("%s: keyword '%s' is not implemented by valijson 1.0 (or is a typo)" % (p, key))
        if "$ref" in s:
            ref = s["$ref"]
            if not ref.startswith("#/definitions/"):
                fail("%s: $ref '%s' is not a local #/definitions/ reference" % (p, ref))
            elif len(resolve(schema, s)) < 2:
                fail("%s: $ref '%s' does not resolve" % (p, ref))
            extra = set(s) - ANNOTATIONS - {"$ref"}
            if extra:
                fail("%s: %s beside $ref would be ignored" % (p, sorted(extra)))
        if path.startswith("/definitions/") and "propertyNames" in s:
            fail("%s: propertyNames inside a definition: valijson 1.0 then checks the names against the "
                 "enclosing schema (an object type rejects every name); put it inline" % p)
        chain = resolve(schema, s)
        types = first(chain, "type")
        types = types if isinstance(types, list) else [types]
        # c) documentation
        if not in_if:
            for prop, sub in (s.get("properties") or {}).items():
                sub_chain = resolve(schema, sub)
                if first(sub_chain, "description") is None:
                    fail("%s: property '%s' has no description" % (p, prop))
                if all(first(sub_chain, k) is None for k in ("examples", "enum", "const")):
                    fail("%s: property '%s' has no examples (or enum/const)" % (p, prop))
        if "enum" in s:
            descs = s.get("enumDescriptions")
            if not isinstance(descs, list) or len(descs) != len(s["enum"]):
                fail("%s: enum needs enumDescriptions of the same length" % p)
            md = s.get("markdownDescription", "")
            for v in s["enum"]:
                if "`%s`" % v not in md:
                    fail("%s: markdownDescription does not explain enum value %r" % (p, v))
        # c) bounds
        if in_if:
            return
        if "string" in types and "$ref" not in s and "enum" not in s and "const" not in s:
            if "maxLength" not in s and "maxLength" not in (s.get("then") or {}):
                fail("%s: string without maxLength" % p)
        if "array" in types and "$ref" not in s and "maxItems" not in s:
            fail("%s: array without maxItems" % p)
        if "object" in types and "$ref" not in s and "maxProperties" not in s \
                and s.get("additionalProperties", True) is not False \
                and (s.get("else") or {}).get("additionalProperties", True) is not False:
            branches = [b.get("then", {}) for b in s.get("allOf", []) if "if" in b]
            if not branches or any(b.get("additionalProperties", True) is not False for b in branches):
                fail("%s: open object without maxProperties" % p)
        if "pattern" in s:
            pat = s["pattern"]
            if not pat.startswith("^"):
                fail("%s: pattern %r is not anchored with ^" % (p, pat))
            if NESTED_QUANTIFIER.search(pat):
                fail("%s: pattern %r has a nested quantifier" % (p, pat))
            try:
                re.compile(pat)
            except re.error as exc:
                fail("%s: pattern %r does not compile: %s" % (p, pat, exc))
        if "format" in s:
            fail("%s: format is ignored by valijson; do not use it" % p)
        for ex in s.get("examples", []) if not in_if else []:
            try:
                jsonschema.Draft7Validator(s, resolver=jsonschema.RefResolver.from_schema(schema)).validate(ex)
            except jsonschema.exceptions.ValidationError as exc:
                fail("%s: example %r is invalid: %s" % (p, ex, exc.message))

    walk(schema, "", visit)
    refs = set(re.findall(r'"\$ref": "#/definitions/([^"]+)"', json.dumps(schema)))
    for name in schema.get("definitions", {}):
        if name not in refs:
            fail("%s: definition '%s' is never referenced" % (where, name))


def check_trigger_snippets(schema):
    trig = schema["definitions"]["trigger"]
    types = resolve(schema, trig["properties"]["type"])[-1]["enum"]
    snippets = trig.get("defaultSnippets", [])
    seen = []
    for sn in snippets:
        for key in ("label", "description", "body"):
            if key not in sn:
                fail("pipeline trigger snippet %r lacks %s" % (sn.get("label"), key))
        seen.append(sn.get("body", {}).get("type"))
    for t in types:
        if t not in seen:
            fail("pipeline trigger type '%s' has no defaultSnippets entry" % t)
    branches = [b["if"]["properties"]["type"]["const"] for b in trig.get("allOf", [])]
    if sorted(branches) != sorted(types):
        fail("pipeline trigger branches %s do not match the type enum %s" % (branches, types))
    return types


# ---------------------------------------------------------------------------------------------
# d) the example repository

YAML11_BOOLS = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|True|TRUE|False|FALSE)$")
SECRET = re.compile(r"^\$\{env:[A-Z_][A-Z0-9_]*\}$")


def check_yaml_subset(path, text):
    rel = os.path.relpath(path, ROOT)
    for ev in yaml.parse(text):
        if getattr(ev, "anchor", None):
            fail("%s:%d: anchors/aliases are not allowed" % (rel, ev.start_mark.line + 1))
        if isinstance(ev, yaml.AliasEvent):
            fail("%s:%d: alias not allowed" % (rel, ev.start_mark.line + 1))
        tag = getattr(ev, "tag", None)
        if tag and not getattr(ev, "implicit", (True,))[0] and tag not in ("!",):
            fail("%s:%d: tag %s not allowed" % (rel, ev.start_mark.line + 1, tag))
        if isinstance(ev, yaml.ScalarEvent) and ev.style is None:
            if YAML11_BOOLS.match(ev.value):
                fail("%s:%d: '%s' is a boolean in YAML 1.1 only; write true/false or quote it"
                     % (rel, ev.start_mark.line + 1, ev.value))
            if ev.value == "<<":
                fail("%s:%d: merge keys are not allowed" % (rel, ev.start_mark.line + 1))

    def scan(node):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == "cron" and isinstance(v, yaml.ScalarNode):
                    if v.style is None and re.search(r"[ *@]", v.value):
                        fail("%s:%d: cron expression %r must be quoted" % (rel, v.start_mark.line + 1, v.value))
                if isinstance(k, yaml.ScalarNode) and k.value == "secret" and isinstance(v, yaml.ScalarNode):
                    if not SECRET.match(v.value):
                        fail("%s:%d: webhook secret must be a ${env:NAME} reference" % (rel, v.start_mark.line + 1))
                scan(v)
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                scan(v)
    scan(yaml.compose(text))


def errors(validator, doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))


def used_paths(doc, schema, prefix, out):
    """Records the schema property paths an instance uses (triggers are keyed by type)."""
    if not isinstance(doc, dict):
        return
    for key, val in doc.items():
        out.add(prefix + key)
        if key == "triggers" and prefix == "" and isinstance(val, list):
            for trig in val:
                if isinstance(trig, dict):
                    for tk in trig:
                        out.add("triggers[%s].%s" % (trig.get("type"), tk))
                        out.add("triggers[*].%s" % tk)
                    if trig.get("type") == "dependency":
                        out.add("condition=%s" % trig.get("condition", "on_success"))
        elif key in ("freshness", "concurrency", "retries", "targets") and prefix == "":
            for sub, sv in (val or {}).items():
                out.add("%s.%s" % (key, sub))
                if isinstance(sv, dict):
                    for k2 in sv:
                        out.add("%s.%s.%s" % (key, sub, k2))
                if key == "freshness":
                    out.add("duration:%s" % ("string" if isinstance(sv, str) else "mapping"))
                    if isinstance(sv, dict):
                        out.add("duration.%s" % next(iter(sv), ""))
        elif key == "maintenance_windows":
            for w in val or []:
                for k2 in w:
                    out.add("maintenance_windows." + k2)


def expected_paths(schema, types):
    d = schema["definitions"]
    exp = set(schema["properties"])
    # Keys common to every trigger must be used on some trigger; the others on their own type.
    branches = [b["then"]["properties"] for b in d["trigger"]["allOf"]]
    common = set.intersection(*(set(b) for b in branches))
    exp |= {"triggers[*].%s" % k for k in common}
    for b in d["trigger"]["allOf"]:
        t = b["if"]["properties"]["type"]["const"]
        exp |= {"triggers[%s].%s" % (t, k) for k in b["then"]["properties"] if k not in common}
    for b in d["trigger"]["allOf"]:
        if b["if"]["properties"]["type"]["const"] == "dependency":
            exp |= {"condition=%s" % c for c in b["then"]["properties"]["condition"]["enum"]}
    exp |= {"freshness." + k for k in d["freshness"]["properties"]}
    exp |= {"concurrency." + k for k in d["concurrency"]["properties"]}
    exp |= {"retries." + k for k in d["retries"]["properties"]}
    exp |= {"maintenance_windows." + k for k in d["maintenance_window"]["properties"]}
    for tgt, ts in d["target_overrides"]["properties"].items():
        exp.add("targets." + tgt)
        exp |= {"targets.%s.%s" % (tgt, k) for k in ts["properties"]}
    exp |= {"duration:string", "duration:mapping"}
    exp |= {"duration." + k for k in d["duration"]["else"]["properties"]}
    return exp


INVALID_PIPELINES = [
    ("unknown key in a trigger", {"triggers": [{"type": "schedule", "cron": "daily", "interval": 60}]}),
    ("unknown key in a dependency trigger", {"triggers": [{"type": "dependency", "upstream": "a", "cron": "daily"}]}),
    ("wrong trigger type", {"triggers": [{"type": "cronjob", "cron": "daily"}]}),
    ("trigger without type", {"triggers": [{"cron": "daily"}]}),
    ("wrong dependency condition", {"triggers": [{"type": "dependency", "upstream": "a", "condition": "on_succes"}]}),
    ("missing upstream", {"triggers": [{"type": "dependency", "condition": "on_success"}]}),
    ("s3 path without trailing slash", {"triggers": [{"type": "s3_sensor", "path": "bronze/sales"}]}),
    ("s3 interval below 10", {"triggers": [{"type": "s3_sensor", "path": "bronze/", "interval": 5}]}),
    ("webhook endpoint outside /webhooks/", {"triggers": [{"type": "webhook", "endpoint": "/hooks/x"}]}),
    ("webhook event not in enum", {"triggers": [{"type": "webhook", "endpoint": "/webhooks/x", "source": "minio", "events": ["created"]}]}),
    ("relative file_watch path", {"triggers": [{"type": "file_watch", "path": "data/*.csv"}]}),
    ("freshness trigger with a field", {"triggers": [{"type": "freshness", "warn_after": "6h"}]}),
    ("delay above 1440", {"triggers": [{"type": "dependency", "upstream": "a", "delay_minutes": 1441}]}),
    ("empty targets list", {"triggers": [{"type": "schedule", "cron": "daily", "targets": []}]}),
    ("unknown target in a trigger", {"triggers": [{"type": "schedule", "cron": "daily", "targets": ["kubernetes"]}]}),
    ("bad pipeline name", {"name": "Bronze-Sales"}),
    ("duration with two units", {"freshness": {"warn_after": {"hours": 6, "minutes": 5}}}),
    ("duration string without unit", {"freshness": {"warn_after": "6"}}),
    ("duration zero", {"freshness": {"warn_after": {"hours": 0}}}),
    ("empty freshness", {"freshness": {}}),
    ("unknown freshness key", {"freshness": {"warn_afer": "6h"}}),
    ("retries above 10", {"retries": {"attempts": 11}}),
    ("wrong backoff", {"retries": {"backoff": "linear"}}),
    ("max_concurrent 0", {"concurrency": {"max_concurrent": 0}}),
    ("bad window time", {"maintenance_windows": [{"days": ["sunday"], "start": "24:00", "end": "02:00"}]}),
    ("bad window day", {"maintenance_windows": [{"days": ["sun"], "start": "01:00", "end": "02:00"}]}),
    ("window without days", {"maintenance_windows": [{"start": "01:00", "end": "02:00"}]}),
    ("unknown override target", {"targets": {"kubernetes": {"target": "x"}}}),
    ("runner on the airflow override", {"targets": {"airflow": {"runner": "x"}}}),
    ("bad prefect entrypoint", {"targets": {"prefect": {"entrypoint": "flows/sales"}}}),
    ("string too long", {"target": "x" * 201}),
    ("enabled as a string", {"enabled": "yes"}),
]
INVALID_PROJECTS = [
    ("missing version", {"pipelines": ["pipelines"]}),
    ("version 2", {"version": 2}),
    ("unknown top-level key", {"version": 1, "pipeline": ["pipelines"]}),
    ("airflow version 4", {"version": 1, "targets": {"airflow": {"version": 4}}}),
    ("airflow version as a string", {"version": 1, "targets": {"airflow": {"version": "2"}}}),
    ("wrong crontab flavor", {"version": 1, "targets": {"crontab": {"flavor": "busybox"}}}),
    ("relative script_dir", {"version": 1, "targets": {"systemd": {"script_dir": "bin"}}}),
    ("absolute out", {"version": 1, "targets": {"dagster": {"out": "/srv/out"}}}),
    ("bad preset name", {"version": 1, "presets": {"cron": {"Daily-Run": "0 0 * * *"}}}),
    ("unknown pattern key", {"version": 1, "presets": {"patterns": {"p": {"cron": "0 0 * * *", "retry": 3}}}}),
    ("bad bucket", {"version": 1, "defaults": {"bucket": "Ratatouille_Demo"}}),
    ("unknown defaults key", {"version": 1, "defaults": {"region": "eu-west-3"}}),
]


def check_examples(pipeline_schema, project_schema, types):
    base = os.path.join(ROOT, "examples", "ratatouille")
    pv = jsonschema.Draft7Validator(pipeline_schema)
    jv = jsonschema.Draft7Validator(project_schema)
    project_file = os.path.join(base, "trigc.yaml")
    if not os.path.isfile(project_file):
        fail("examples/ratatouille/trigc.yaml is missing")
    else:
        text = open(project_file, encoding="utf-8").read()
        check_yaml_subset(project_file, text)
        for e in errors(jv, yaml.safe_load(text)):
            fail("examples/ratatouille/trigc.yaml: %s: %s" % ("/".join(map(str, e.absolute_path)), e.message))
    configs = sorted(glob.glob(os.path.join(base, "**", "config.yaml"), recursive=True))
    if len(configs) < 6:
        fail("examples/ratatouille has %d pipelines; expected at least 6" % len(configs))
    used, names, edges = set(), set(), []
    for path in configs:
        rel = os.path.relpath(path, ROOT)
        text = open(path, encoding="utf-8").read()
        check_yaml_subset(path, text)
        doc = yaml.safe_load(text)
        for e in errors(pv, doc):
            fail("%s: %s: %s" % (rel, "/".join(map(str, e.absolute_path)), e.message))
        folder = os.path.basename(os.path.dirname(path))
        name = doc.get("name", folder)
        if name != folder:
            fail("%s: name '%s' differs from its folder" % (rel, name))
        names.add(name)
        used_paths(doc, pipeline_schema, "", used)
        for t in doc.get("triggers", []):
            used.add("type=%s" % t.get("type"))
            if t.get("type") == "dependency":
                edges.append((t["upstream"], name, rel))
    # every key, every trigger type, every dependency condition
    missing = sorted(expected_paths(pipeline_schema, types) - used)
    missing += sorted("type=%s" % t for t in types if "type=%s" % t not in used)
    for m in missing:
        fail("examples/ratatouille: no pipeline uses %s" % m)
    # the dependency graph: known upstreams, no cycle
    graph = {n: [] for n in names}
    for up, down, rel in edges:
        if up not in names:
            fail("%s: upstream '%s' is not a pipeline of the example" % (rel, up))
        else:
            graph[up].append(down)
    state = {}

    def dfs(n, stack):
        state[n] = 1
        for m in graph[n]:
            if state.get(m) == 1:
                fail("examples/ratatouille: dependency cycle %s" % " -> ".join(stack + [n, m]))
            elif m not in state:
                dfs(m, stack + [n])
        state[n] = 2
    for n in sorted(graph):
        if n not in state:
            dfs(n, [])
    # project file: every key used
    proj = yaml.safe_load(open(project_file, encoding="utf-8").read()) if os.path.isfile(project_file) else {}
    for key in project_schema["properties"]:
        if key not in proj:
            fail("examples/ratatouille/trigc.yaml does not use '%s'" % key)
    for k in project_schema["properties"]["defaults"]["properties"]:
        if k not in (proj.get("defaults") or {}):
            fail("examples/ratatouille/trigc.yaml does not set defaults.%s" % k)
    presets = proj.get("presets") or {}
    if not presets.get("cron"):
        fail("examples/ratatouille/trigc.yaml defines no cron preset")
    pattern_keys = set()
    for pat in (presets.get("patterns") or {}).values():
        pattern_keys |= set(pat)
    for k in project_schema["definitions"]["pattern"]["properties"]:
        if k not in pattern_keys:
            fail("examples/ratatouille/trigc.yaml: no project pattern uses '%s'" % k)
    for tgt, ts in project_schema["properties"]["targets"]["properties"].items():
        for k in ts["properties"]:
            if k not in (proj.get("targets", {}).get(tgt) or {}):
                fail("examples/ratatouille/trigc.yaml does not set targets.%s.%s" % (tgt, k))


def check_invalid(pipeline_schema, project_schema):
    pv = jsonschema.Draft7Validator(pipeline_schema)
    jv = jsonschema.Draft7Validator(project_schema)
    for label, doc in INVALID_PIPELINES:
        if not list(pv.iter_errors(doc)):
            fail("invalid pipeline snippet accepted: %s: %s" % (label, json.dumps(doc)))
    for label, doc in INVALID_PROJECTS:
        if not list(jv.iter_errors(doc)):
            fail("invalid project snippet accepted: %s: %s" % (label, json.dumps(doc)))
    # The seed's forms stay valid on their own.
    seed = yaml.safe_load(
        "triggers:\n  - type: s3_sensor\n    path: bronze/sales/\n    interval: 60\n    pattern: \"*.parquet\"\n"
        "  - type: schedule\n    cron: daily\n    timezone: UTC\n  - type: freshness\n"
        "freshness:\n  warn_after:\n    hours: 6\n  error_after:\n    hours: 24\n")
    for e in pv.iter_errors(seed):
        fail("seed 000 form rejected: %s" % e.message)


def check_generated():
    """The schema files must be exactly what schemas/generate.py produces."""
    sys.dont_write_bytecode = True  # nothing written into the source tree
    sys.path.insert(0, os.path.join(ROOT, "schemas"))
    try:
        import generate
    except Exception as exc:  # noqa: BLE001 - any import failure is a test failure
        fail("schemas/generate.py cannot be imported: %s" % exc)
        return
    for name, text in generate.render().items():
        try:
            with open(os.path.join(ROOT, "schemas", name), encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            fail("schemas/%s differs from the output of schemas/generate.py; edit generate.py and run it" % name)


def main():
    schemas = {}
    for name in ("pipeline.schema.json", "project.schema.json"):
        path = os.path.join(ROOT, "schemas", name)
        try:
            with open(path, encoding="utf-8") as f:
                schemas[name] = json.load(f)
        except (OSError, ValueError) as exc:
            fail("schemas/%s: cannot load: %s" % (name, exc))
    check_generated()
    if len(schemas) == 2:
        for name, schema in schemas.items():
            check_schema(name, schema)
        pipeline, project = schemas["pipeline.schema.json"], schemas["project.schema.json"]
        types = check_trigger_snippets(pipeline)
        check_invalid(pipeline, project)
        check_examples(pipeline, project, types)
    if FAILURES:
        print("schema self-check: %d failure(s)" % len(FAILURES))
        for f in FAILURES:
            print("  FAIL " + f)
        return 1
    print("schema self-check: ok (2 schemas, %d invalid snippets rejected, examples valid)"
          % (len(INVALID_PIPELINES) + len(INVALID_PROJECTS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
