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

TEST_CASE("airflow controllers: one per trigger; an s3 controller polls one run at a time") {
  model::Project project = TwoPipelines();
  std::vector<Controller> up = PlanControllers(project.pipelines[1], 2);
  REQUIRE(up.size() == 1);
  CHECK(up[0].dag_id == "trigc__up__drops");
  CHECK_FALSE(up[0].cron.has_value());
  CHECK(up[0].every_seconds == 7200);
  CHECK(up[0].max_active_runs == std::optional<int64_t>(1));
  CHECK_FALSE(up[0].wait);
  CHECK(up[0].cooldown_key == "trigc_cooldown__up");
  CHECK(up[0].conf == nlohmann::json{{"trigger", "drops"}});
}

TEST_CASE("airflow controllers: a dependency controller passes the upstream run on") {
  model::Project project = TwoPipelines();
  std::vector<Controller> down = PlanControllers(project.pipelines[0], 3);
  REQUIRE(down.size() == 1);  // the trigger limited to dagster has none
  CHECK(down[0].var == "dag_after_up");
  CHECK(down[0].conf["upstream"] == "up");
  CHECK(down[0].conf == nlohmann::json{{"trigger", "after_up"}, {"upstream", "up"}});
}

TEST_CASE("airflow outcomes of a dependency condition") {
  using V = std::vector<std::string>;
  CHECK(OutcomesOf(model::Condition::kOnSuccess) == V{"success"});
  CHECK(OutcomesOf(model::Condition::kOnFailure) == V{"failed"});
  CHECK(OutcomesOf(model::Condition::kOnCompletion) == V{"success", "failed"});
}

}  // namespace trigc::emit::airflow
