// The controller DAGs of a pipeline, as plain data: one DAG per trigger that goes to Airflow, with its
// schedule, its gates and the launch of the target DAG. Dependency controllers are started by the listener
// plugin (dependency_plugin.h) when a run of the upstream's target DAG ends, whoever started it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/model/model.h"

namespace trigc::emit::airflow {

/// One controller DAG.
struct Controller {
  const model::Trigger* trigger = nullptr;  ///< the trigger it runs for
  std::string dag_id;                       ///< trigc__<pipeline>__<trigger>
  std::string var;                          ///< Python variable of the DAG
  std::optional<std::string> cron;  ///< none: no schedule (started by hand, the REST API or the plugin)
  int64_t every_seconds = 0;        ///< s3_sensor: one poll every so many seconds (DeltaTriggerTimetable)
  std::string timezone = "UTC";
  bool catchup = false;
  bool paused = false;
  std::optional<int64_t> max_active_runs;  ///< runs of the controller at a time
  std::optional<int64_t> max_concurrent;   ///< the trigger's or pipeline's max_concurrent
  std::optional<int64_t> cooldown_seconds;
  std::string cooldown_key;  ///< Airflow Variable holding the last start the cooldown counts
  int64_t jitter_seconds = 0;
  std::optional<int64_t> sla_seconds;  ///< freshness on Airflow 2: sla of the launch
  bool wait = false;                   ///< the launch waits for the target run (max_concurrent, sla)
  nlohmann::json conf = nlohmann::json::object();
};

/// The controller DAG id of a trigger of `pipeline`.
std::string ControllerDagId(const model::Pipeline& pipeline, const model::Trigger& trigger);

/// Every controller of `pipeline` for Airflow `version` (2 or 3), in trigger order.
std::vector<Controller> PlanControllers(const model::Pipeline& pipeline, int version);

/// The final outcomes of an upstream run ("success", "failed") that start a dependency with `condition`.
std::vector<std::string> OutcomesOf(model::Condition condition);

}  // namespace trigc::emit::airflow
