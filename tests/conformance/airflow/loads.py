"""Point 1 of the Airflow suite: a folder of generated files loads into a DagBag with no import error and no
warning, as the scheduler's DAG processor would load it, and the dependency plugin imports cleanly."""

import importlib.util
import os
import warnings


def load_clean(folder, failures, what):
    """Loads `folder` into a DagBag; returns it. Records every import error and every warning raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bag = dag_bag(folder)
        plugin = os.path.join(folder, "plugins", "trigc_dependencies.py")
        if os.path.exists(plugin):
            _import(plugin)
    for path, error in bag.import_errors.items():
        failures.append(f"{what}: import error in {path}: {error}")
    for w in caught:
        failures.append(f"{what}: {w.category.__name__} at {w.filename}:{w.lineno}: {w.message}")
    if not bag.dags:
        failures.append(f"{what}: no DAG loaded from {folder}")
    return bag


def dag_bag(folder):
    """A DagBag of `folder` only, as the DAG processor of this Airflow line parses it."""
    try:
        from airflow.dag_processing.dagbag import DagBag  # Airflow 3
    except ImportError:
        from airflow.models.dagbag import DagBag

        return DagBag(dag_folder=folder, include_examples=False, safe_mode=False)
    return DagBag(dag_folder=folder, safe_mode=False)


def _import(path):
    spec = importlib.util.spec_from_file_location("trigc_dependencies_check", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
