#!/usr/bin/env python3
"""Writes a synthetic trigc repository of N pipelines for benchmarks and scale tests.

    python3 bench/gen_repo.py --pipelines 10000 OUT_DIR

The repository looks like a large team's: every trigger type, cron presets and schedule patterns (built-in and
project ones), a dozen time zones, maintenance windows, retries, params, per-target overrides, and dependencies
forming a DAG (each upstream is an earlier pipeline). trigc.yaml configures all six targets. Every trigger a
target cannot express is limited with `targets:`, so the repository validates and builds without errors. The
output depends only on N and --seed.
"""
import argparse
import os
import random
import shutil

ZONES = ["UTC", "Europe/Paris", "Europe/London", "America/New_York", "America/Chicago", "America/Los_Angeles",
         "America/Sao_Paulo", "Asia/Tokyo", "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney",
         "Africa/Johannesburg"]
CRONS = ["0 6 * * *", "*/15 * * * *", "30 2 * * *", "0 */3 * * *", "15 9-17 * * 1-5", "0 0 1,15 * *",
         "45 23 * * 0", "5 4 * * SUN", "0 12 * * MON-FRI", "@hourly", "@daily", "@weekly", "*/30 8-20 * * *",
         "0 7,12,18 * * *", "10 1 1 * *"]
CRON_PRESETS = ["hourly", "daily", "daily_6am", "weekly", "monthly", "every_15min", "every_30min",
                "before_service", "month_end_close"]
PATTERNS = ["production_daily", "production_hourly", "development_frequent", "business_hours_only",
            "weekend_batch", "high_frequency", "low_frequency", "ecommerce_peak_hours", "financial_end_of_day",
            "retail_inventory_update", "marketing_campaign_sync", "nightly_lakehouse"]
DOMAINS = ["sales", "orders", "customers", "inventory", "payments", "shipments", "marketing", "finance",
           "support", "web", "ads", "hr", "suppliers", "pricing", "loyalty"]
LAYERS = ["bronze", "silver", "gold", "mart", "export"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

PROJECT = """\
# Synthetic trigc repository ({count} pipelines), written by bench/gen_repo.py.
version: 1

pipelines:
  - pipelines

defaults:
  timezone: Europe/Paris
  bucket: lake-landing
  s3_endpoint: http://minio:9000

presets:
  cron:
    before_service: "30 7 * * 1-5"
    month_end_close: "0 22 28-31 * *"
  patterns:
    nightly_lakehouse:
      cron: "0 3 * * *"
      timezone: Europe/Paris
      description: Nightly lakehouse refresh
      catchup: false
      retries:
        attempts: 3
        backoff_seconds: 300
        backoff: exponential
      freshness:
        warn_after: 26h
        error_after: 2d

targets:
  dagster:
    out: generated/dagster
    module: synthetic_triggers
  airflow:
    out: generated/airflow
    version: 2
    aws_conn_id: minio
  prefect:
    out: generated/prefect
    work_pool: lakehouse-pool
    entrypoint: "flows/{{name}}.py:{{name}}"
  crontab:
    out: generated/crontab
    runner: "dagster job launch -j {{target}}"
    flavor: cronie
    system_timezone: UTC
    script_dir: /opt/synthetic/bin
    cron_d_user: etl
  systemd:
    out: generated/systemd
    runner: "dagster job launch -j {{target}}"
    script_dir: /opt/synthetic/bin
  minio:
    out: generated/minio
    alias: lake
    webhook_base_url: http://dagster:3000
"""


def schedule(rng, index, everywhere=False):
    """A schedule trigger; `everywhere`: enabled and emitted to every target."""
    lines = ["  - type: schedule", f"    name: sched_{index}"]
    kind = rng.random()
    if kind < 0.45:
        lines.append(f'    cron: "{rng.choice(CRONS)}"')
    elif kind < 0.75:
        lines.append(f"    cron: {rng.choice(CRON_PRESETS)}")
    else:
        lines.append(f"    pattern: {rng.choice(PATTERNS)}")
    if rng.random() < 0.7:
        lines.append(f"    timezone: {rng.choice(ZONES)}")
    targets = None
    if rng.random() < 0.3:
        lines.append("    catchup: false")
    if not everywhere and rng.random() < 0.15:
        lines.append(f"    jitter_seconds: {rng.choice([30, 60, 120, 300])}")
        targets = "[airflow, prefect, crontab, systemd]"  # Dagster schedules have no jitter
    if not everywhere and rng.random() < 0.1:
        lines.append("    enabled: false")
    if targets:
        lines.append(f"    targets: {targets}")
    return lines


def s3_sensor(rng, index, domain):
    lines = ["  - type: s3_sensor", f"    name: landing_{index}", f"    path: {domain}/incoming/{index}/",
             f'    pattern: "*.{rng.choice(["parquet", "csv", "json"])}"', f"    interval: {rng.choice([30, 60, 300])}"]
    if rng.random() < 0.3:
        lines.append(f"    bucket: {domain}-raw")
    lines.append("    targets: [dagster, airflow, minio]  # Prefect, cron and systemd cannot watch a bucket")
    return lines


def webhook(rng, index, name):
    endpoint = f"/webhooks/{name.replace('_', '-')}-{index}"
    secret = f'    secret: "${{env:{name.upper()}_SECRET}}"'
    if rng.random() < 0.5:
        return ["  - type: webhook", f"    name: hook_{index}", f"    endpoint: {endpoint}", secret,
                "    source: minio", "    bucket: landing", f"    prefix: {name}/", "    suffix: .parquet",
                "    events: [put]", "    targets: [minio]"]
    return ["  - type: webhook", f"    name: hook_{index}", f"    endpoint: {endpoint}", secret,
            "    source: generic", "    targets: [airflow]"]


def file_watch(rng, index, name):
    return ["  - type: file_watch", f"    name: drop_{index}", f"    path: /data/incoming/{name}/*.csv",
            "    events: [created, modified]", "    recursive: false",
            f"    debounce_seconds: {rng.choice([0, 5, 30])}", '    ignore: ["*.tmp"]',
            "    targets: [dagster, systemd]"]


def dependency(rng, index, upstream):
    lines = ["  - type: dependency", f"    name: after_{index}", f"    upstream: {upstream}"]
    if rng.random() < 0.6:
        lines.append(f"    condition: {rng.choice(['on_success', 'on_success', 'on_failure', 'on_completion'])}")
    if rng.random() < 0.4:
        lines.append(f"    delay_minutes: {rng.choice([1, 5, 10, 30])}")
    return lines


def policies(rng, has_freshness_trigger):
    lines = []
    if has_freshness_trigger or rng.random() < 0.3:
        warn = rng.choice(["30m", "2h", "6h", "12h", "1d"])
        lines += ["freshness:", f"  warn_after: {warn}", "  error_after: 2d"]
    if rng.random() < 0.2:
        day = rng.choice(DAYS)
        lines += ["maintenance_windows:", f"  - days: [{day}]", '    start: "02:00"', '    end: "04:00"',
                  f"    timezone: {rng.choice(ZONES)}", "    description: Warehouse maintenance"]
    if rng.random() < 0.3:
        lines += ["concurrency:", f"  max_concurrent: {rng.choice([1, 2, 4])}",
                  f"  cooldown_seconds: {rng.choice([0, 60, 600])}"]
    if rng.random() < 0.3:
        lines += ["retries:", f"  attempts: {rng.randint(1, 5)}", f"  backoff_seconds: {rng.choice([30, 60, 300])}",
                  f"  backoff: {rng.choice(['fixed', 'exponential'])}"]
    if rng.random() < 0.4:
        lines += ["params:", f'  select: "tag:{rng.choice(DOMAINS)}"', "  full_refresh: false",
                  f"  partitions: [{rng.randint(1, 9)}, {rng.randint(10, 99)}]"]
    return lines


def overrides(rng, name):
    if rng.random() >= 0.25:
        return []
    return ["targets:", "  dagster:", f"    target: {name}_job", "  prefect:", f"    target: {name}/main",
            f"    entrypoint: flows/{name}.py:main"]


def pipeline(rng, i, names):
    name = names[i]
    domain = name.split("_")[2]
    lines = ["# Synthetic pipeline written by bench/gen_repo.py.", f"description: {domain} data, step {i}",
             f"owner: {domain}@example.com", "columns: [id, updated_at, amount]", "", f"name: {name}"]
    if rng.random() < 0.3:
        lines.append(f"target: {name}_target")
    if rng.random() < 0.03:
        lines.append("enabled: false")
    lines += ["", "triggers:"]
    # Every pipeline keeps a schedule or freshness trigger for all targets, so each has a systemd unit that a
    # dependent pipeline's dependency can start from.
    has_freshness = rng.random() < 0.15
    if has_freshness:
        lines += ["  - type: freshness"]
    else:
        lines += schedule(rng, 0, everywhere=True)
    extra = rng.random()
    if extra < 0.15:
        lines += s3_sensor(rng, 1, domain)
    elif extra < 0.22:
        lines += webhook(rng, 1, name)
    elif extra < 0.27:
        lines += file_watch(rng, 1, name)
    elif extra < 0.45:
        lines += schedule(rng, 1)
    if i > 0 and rng.random() < 0.6:
        for n, up in enumerate(sorted(rng.sample(range(max(0, i - 200), i), min(i, rng.randint(1, 3))))):
            lines += dependency(rng, n, names[up])
    lines.append("")
    lines += policies(rng, has_freshness)
    lines += overrides(rng, name)
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="directory to (re)create")
    parser.add_argument("--pipelines", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    width = max(5, len(str(args.pipelines)))
    names = [f"p{i:0{width}d}_{LAYERS[i % len(LAYERS)]}_{DOMAINS[(i // 5) % len(DOMAINS)]}"
             for i in range(args.pipelines)]
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "pipelines"))
    with open(os.path.join(args.out, "trigc.yaml"), "w") as f:
        f.write(PROJECT.format(count=args.pipelines))
    for i, name in enumerate(names):
        folder = os.path.join(args.out, "pipelines", name)
        os.mkdir(folder)
        with open(os.path.join(folder, "config.yaml"), "w") as f:
            f.write(pipeline(rng, i, names))


if __name__ == "__main__":
    main()
