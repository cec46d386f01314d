#include "compiler/emit/prefect/wrapper.h"

#include <catch2/catch.hpp>

namespace trigc::emit::prefect {

namespace {

model::Pipeline Sales() {
  model::Pipeline p;
  p.name.value = "sales";
  p.target.value = "sales";
  return p;
}

}  // namespace

TEST_CASE("FlowName is the flow of a flow/deployment target, else the pipeline name", "[prefect]") {
  model::Pipeline p = Sales();
  CHECK(FlowName(p) == "sales");
  p.target.value = "gold/daily";
  CHECK(FlowName(p) == "gold");
  CHECK(WrapperEntrypoint(p) == "trigc_flows/sales.py:sales");
  p.name.value = "class";
  CHECK(WrapperEntrypoint(p) == "trigc_flows/class.py:class_");
}

TEST_CASE("PolicyOf carries windows, cooldown, retries and jitter, and nothing that is off", "[prefect]") {
  model::Pipeline p = Sales();
  CHECK(PolicyOf(p).dump() == "{}");
  p.cooldown_seconds = model::Value<int64_t>(120);
  p.retries = model::Retries{};
  p.retries->attempts.value = 3;
  p.retries->backoff_seconds.value = 60;
  p.retries->backoff.value = "exponential";
  model::MaintenanceWindow w;
  w.days = {6};
  w.start_minute = 120;
  w.end_minute = 240;
  w.timezone.value = "Europe/Paris";
  p.maintenance_windows.push_back(w);
  model::Trigger t;
  t.name.value = "nightly";
  t.jitter_seconds.value = 90;
  t.resolved = model::ResolvedSchedule{};
  p.triggers.push_back(t);
  CHECK(PolicyOf(p).dump() ==
        R"({"cooldown_seconds":120,"exponential":true,"jitter":{"nightly":90},"retries":3,)"
        R"("retry_delay_seconds":60,)"
        R"("windows":[{"days":[6],"end":240,"start":120,"timezone":"Europe/Paris"}]})");
}

}  // namespace trigc::emit::prefect
