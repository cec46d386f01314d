#include "compiler/emit/minio/plan.h"

#include <catch2/catch.hpp>

namespace trigc::emit::minio {

namespace {

using model::Target;
using model::TriggerType;

model::Trigger Make(TriggerType type, const char* name) {
  model::Trigger t;
  t.type = type;
  t.name.value = name;
  t.bucket.value = "lake";
  return t;
}

model::Project ProjectWith(std::vector<model::Trigger> triggers, const char* base = "http://recv:8080/") {
  model::Project project;
  model::Pipeline p;
  p.name.value = "sales";
  p.triggers = std::move(triggers);
  project.pipelines.push_back(std::move(p));
  project.targets[Target::kMinio].strings["webhook_base_url"] = model::Value<std::string>(base);
  return project;
}

}  // namespace

TEST_CASE("minio: an s3_sensor gets an endpoint, a token variable and put events", "[minio]") {
  model::Trigger t = Make(TriggerType::kS3Sensor, "csv_drop");
  t.path.value = "in/";
  t.glob.value = "*.csv";
  model::Project project = ProjectWith({t});
  DiagSink sink;
  Plan plan = PlanNotifications(project, sink);
  REQUIRE(sink.all().empty());
  CHECK(plan.alias == "minio");
  REQUIRE(plan.notifications.size() == 1);
  const Notification& n = plan.notifications[0];
  CHECK(n.webhook_id == "trigc-sales-csv_drop");
  CHECK(n.url == "http://recv:8080/webhooks/sales-csv_drop");
  CHECK(n.token_variable == "SALES_CSV_DROP_WEBHOOK_SECRET");
  CHECK(n.events == "put");
  CHECK(n.event_names == "[\"s3:ObjectCreated:*\"]");
  CHECK(n.filter.prefix == "in/");
  CHECK(n.filter.suffix == ".csv");
}

TEST_CASE("minio: webhook events keep mc's order, their names are sorted", "[minio]") {
  model::Trigger t = Make(TriggerType::kWebhook, "hook");
  t.source.value = "minio";
  t.endpoint.value = "/webhooks/hook";
  t.events = {"get", "delete", "put"};
  t.secret_env = model::Value<std::string>("HOOK_SECRET");
  DiagSink sink;
  Plan plan = PlanNotifications(ProjectWith({t}), sink);
  REQUIRE(plan.notifications.size() == 1);
  CHECK(plan.notifications[0].events == "put,delete,get");
  CHECK(plan.notifications[0].event_names ==
        "[\"s3:ObjectAccessed:*\",\"s3:ObjectCreated:*\",\"s3:ObjectRemoved:*\"]");
  CHECK(plan.notifications[0].token_variable == "HOOK_SECRET");
}

TEST_CASE("minio: a generic webhook is skipped, and reported only when limited to minio", "[minio]") {
  model::Trigger t = Make(TriggerType::kWebhook, "ci");
  t.endpoint.value = "/webhooks/ci";
  DiagSink sink;
  CHECK(PlanNotifications(ProjectWith({t}), sink).notifications.empty());
  CHECK(sink.all().empty());
  t.targets = {Target::kMinio};
  CHECK(PlanNotifications(ProjectWith({t}), sink).notifications.empty());
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].code == Code::E0560);
}

TEST_CASE("minio: a disabled trigger stays in the plan, marked for removal", "[minio]") {
  model::Trigger t = Make(TriggerType::kS3Sensor, "drop");
  t.path.value = "in/";
  t.enabled.value = false;
  DiagSink sink;
  Plan plan = PlanNotifications(ProjectWith({t}), sink);
  REQUIRE(plan.notifications.size() == 1);
  CHECK_FALSE(plan.notifications[0].enabled);
}

}  // namespace trigc::emit::minio
