// The controller DAGs of a pipeline, as plain data: one DAG per trigger that goes to Airflow (its schedule,
// its gates, the launch of the target DAG), plus a trigger-less one when other pipelines depend on this one,
// and for each the dependency controllers it starts once its launch has ended.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/model/model.h"

namespace trigc::emit::airflow {

/// A dependency controller started after a launch ends.
struct Downstream {
  std::string task_id;  ///< start_<pipeline>__<trigger>
  std::string dag_id;   ///< the dependency trigger's controller DAG
  std::string rule;     ///< trigger rule: all_success, one_failed or none_skipped
};

/// One controller DAG.
struct Controller {
  const model::Trigger* trigger = nullptr;  ///< nullptr: the trigger-less controller
  std::string dag_id;                       ///< trigc__<pipeline>__<trigger>, or trigc__<pipeline>
  std::string var;                          ///< Python variable of the DAG
  std::optional<std::string> cron;          ///< none: no schedule (started by hand, the REST API or upstream)
  std::string timezone = "UTC";
  bool catchup = false;
  bool paused = false;
  std::optional<int64_t> max_active_runs;
  std::optional<int64_t> cooldown_seconds;
  std::string cooldown_key;  ///< Airflow Variable holding the last start the cooldown counts
  int64_t jitter_seconds = 0;
  int64_t sensor_timeout = 0;          ///< s3_sensor: seconds one controller run watches the bucket
  std::optional<int64_t> sla_seconds;  ///< freshness on Airflow 2: sla of the launch
  nlohmann::json conf = nlohmann::json::object();
  std::vector<Downstream> downstream;
};

/// The controller DAG id of a trigger of `pipeline` (nullptr: the trigger-less controller).
std::string ControllerDagId(const model::Pipeline& pipeline, const model::Trigger* trigger);

/// The dependency controllers (going to Airflow) by upstream pipeline name, each list in emit order of the
/// downstream pipelines. Built once per emit: scanning the project for each pipeline would be quadratic.
using DownstreamIndex = std::map<std::string, std::vector<Downstream>>;

/// Indexes every dependency trigger of `project` that goes to Airflow.
DownstreamIndex IndexDownstream(const model::Project& project);

/// Every controller of `pipeline`, in trigger order, the trigger-less one last.
std::vector<Controller> PlanControllers(const model::Project& project, const model::Pipeline& pipeline,
                                        int version);

/// The same, with the project's downstream index already built.
std::vector<Controller> PlanControllers(const model::Pipeline& pipeline, int version,
                                        const DownstreamIndex& index);

/// The trigger rule of a dependency condition.
const char* RuleOf(model::Condition condition);

}  // namespace trigc::emit::airflow
