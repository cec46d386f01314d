"""A throw-away Airflow installation for the conformance suite: AIRFLOW_HOME in a temp dir, an sqlite metadata
database migrated once per test process, DAGs and plugins folders the test fills.

`prepare()` must run before anything imports airflow: Airflow reads its configuration at import time.
"""

import json
import os
import subprocess
import sys
import tempfile


def prepare(s3_endpoint=None):
    """Sets the environment of a fresh Airflow home and migrates its database; returns the home folder."""
    home = tempfile.mkdtemp(prefix="trigc-airflow-")
    for sub in ("dags", "plugins", "logs"):
        os.makedirs(os.path.join(home, sub))
    env = {
        "AIRFLOW_HOME": home,
        "AIRFLOW__CORE__DAGS_FOLDER": os.path.join(home, "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": os.path.join(home, "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": "sqlite:///" + os.path.join(home, "airflow.db"),
        "AIRFLOW__LOGGING__BASE_LOG_FOLDER": os.path.join(home, "logs"),
        "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__METRICS__TIMER_UNIT_CONSISTENCY": "True",  # Airflow 2 warns at import without it
        # No DAG-file processor runs: tests load the folder themselves, so no file is skipped as too recent.
        "AIRFLOW__CORE__MIN_SERIALIZED_DAG_UPDATE_INTERVAL": "0",
        "AIRFLOW__CORE__DAG_FILE_PROCESSOR_TIMEOUT": "600",
        "AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT": "600",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "NO_PROXY": "*",
    }
    if s3_endpoint:
        env["AIRFLOW_CONN_TRIGC_MOTO"] = json.dumps(
            {"conn_type": "aws", "extra": {"endpoint_url": s3_endpoint, "region_name": "us-east-1"}}
        )
    os.environ.update(env)
    airflow = os.path.join(os.path.dirname(sys.executable), "airflow")
    r = subprocess.run([airflow, "db", "migrate"], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"airflow db migrate failed:\n{r.stdout}\n{r.stderr}")
    return home

