#include "compiler/emit/airflow/controllers.h"

#include <catch2/catch.hpp>

namespace trigc::emit::airflow {

namespace {

model::Trigger Dependency(const std::string& name, const std::string& upstream, model::Condition condition) {
  model::Trigger t;
  t.type = model::TriggerType::kDependency;
  t.name.value = name;
  t.upstream.value = upstream;
  t.condition.value = condition;
  return t;
}

model::Project TwoPipelines() {
  model::Project project;
  model::Pipeline up;
  up.name.value = "up";
  up.target.value = "up_dag";
  model::Trigger s3;
  s3.type = model::TriggerType::kS3Sensor;
  s3.name.value = "drops";
  s3.interval.value = 7200;
  up.triggers.push_back(s3);
  up.cooldown_seconds = model::Value<int64_t>(60);
  model::Pipeline down;
  down.name.value = "down";
  down.triggers.push_back(Dependency("after_up", "up", model::Condition::kOnCompletion));
  down.triggers.push_back(Dependency("up_failed", "up", model::Condition::kOnFailure));
  down.triggers.back().targets = {model::Target::kDagster};
  project.pipelines = {down, up};
  project.order = {1, 0};
  return project;
}

}  // namespace

TEST_CASE("airflow controllers: one per trigger, a trigger-less one for upstreams") {
  model::Project project = TwoPipelines();
  std::vector<Controller> up = PlanControllers(project, project.pipelines[1], 2);
  REQUIRE(up.size() == 2);
  CHECK(up[0].dag_id == "trigc__up__drops");
  CHECK(up[0].cron == std::optional<std::string>("0 0 * * *"));  // interval over an hour: daily
  CHECK(up[0].sensor_timeout == 86400);
  CHECK(up[0].cooldown_key == "trigc_cooldown__up");
  CHECK(up[1].dag_id == "trigc__up");
  CHECK_FALSE(up[1].cron.has_value());
  // Only the dependency that goes to airflow is started, with the rule of its condition.
  REQUIRE(up[0].downstream.size() == 1);
  CHECK(up[0].downstream[0].dag_id == "trigc__down__after_up");
  CHECK(up[0].downstream[0].task_id == "start_down__after_up");
  CHECK(up[0].downstream[0].rule == "none_skipped");
}

TEST_CASE("airflow controllers: a pipeline without dependents has no trigger-less controller") {
  model::Project project = TwoPipelines();
  std::vector<Controller> down = PlanControllers(project, project.pipelines[0], 3);
  REQUIRE(down.size() == 1);
  CHECK(down[0].var == "dag_after_up");
  CHECK(down[0].downstream.empty());
}

TEST_CASE("airflow trigger rules") {
  CHECK(std::string(RuleOf(model::Condition::kOnSuccess)) == "all_success");
  CHECK(std::string(RuleOf(model::Condition::kOnFailure)) == "one_failed");
  CHECK(std::string(RuleOf(model::Condition::kOnCompletion)) == "none_skipped");
}

}  // namespace trigc::emit::airflow
