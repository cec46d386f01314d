"""Tiny user flows at the entrypoints that trigc's wrapper flows load, written by the tests.

Each flow takes the parameters its deployment, schedules and triggers pass (all optional) plus `outcomes`: the
outcome of each attempt of its wrapper ("success" or "failure"), so a test can make a run fail, be retried and
succeed. The function names differ from the flow names the wrappers use, as in real projects.
"""

import ast
import os

import yaml

FLOW_HEAD = '''from prefect import flow, get_client
from prefect.runtime import flow_run


def _attempt():
    """The attempt of the wrapper run that runs this flow (its run count)."""
    parent = flow_run.get_parent_flow_run_id()
    if parent is None:
        return 1
    with get_client(sync_client=True) as client:
        return client.read_flow_run(parent).run_count


def _outcome(outcomes):
    if outcomes and outcomes[min(_attempt(), len(outcomes)) - 1] == "failure":
        raise RuntimeError("failure asked by the test")
'''

FLOW = '''

@flow
def {function}({params}outcomes=None):
    _outcome(outcomes)
'''


def user_entrypoint(wrapper_path):
    """The user's entrypoint that a generated trigc_flows/<pipeline>.py wraps."""
    with open(wrapper_path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "wrap":
            return ast.literal_eval(node.args[1])
    raise ValueError(f"{wrapper_path}: no wrap() call")


def parameter_names(deployment):
    names = set(deployment.get("parameters") or {})
    for item in (deployment.get("schedules") or []) + (deployment.get("triggers") or []):
        names |= set(item.get("parameters") or {})
    names.discard("outcomes")
    return sorted(names)


def write_flows(prefect_dir):
    """Writes a tiny flow at the user entrypoint of every deployment of PREFECT_DIR/prefect.yaml."""
    with open(os.path.join(prefect_dir, "prefect.yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    files = {}
    for d in doc["deployments"]:
        wrapper = os.path.join(prefect_dir, d["entrypoint"].split(":")[0])
        path, function = user_entrypoint(wrapper).split(":")
        params = "".join(f"{name}=None, " for name in parameter_names(d))
        files.setdefault(path, []).append(FLOW.format(function=function, params=params))
    for path, flows in files.items():
        full = os.path.join(prefect_dir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(FLOW_HEAD + "".join(flows))
    return doc
