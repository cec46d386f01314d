#include "compiler/emit/prefect/settings.h"

#include <regex>

#include <catch2/catch.hpp>

namespace trigc::emit::prefect {

namespace {

model::Project ProjectWith(const std::string& entrypoint, const std::string& work_pool) {
  model::Project project;
  model::TargetSettings settings;
  if (!entrypoint.empty()) settings.strings["entrypoint"] = model::Value<std::string>(entrypoint);
  if (!work_pool.empty()) settings.strings["work_pool"] = model::Value<std::string>(work_pool);
  project.targets[model::Target::kPrefect] = settings;
  return project;
}

model::Pipeline PipelineNamed(const std::string& name, const std::string& target) {
  model::Pipeline p;
  p.name = model::Value<std::string>(name);
  p.target = model::Value<std::string>(target);
  return p;
}

}  // namespace

TEST_CASE("NamesOf splits flow/deployment targets", "[prefect]") {
  CHECK(NamesOf(PipelineNamed("a", "a")).name == "a");
  CHECK(NamesOf(PipelineNamed("a", "a")).flow.empty());
  DeploymentSettings s = NamesOf(PipelineNamed("a", "sales/daily"));
  CHECK(s.flow == "sales");
  CHECK(s.name == "daily");
  model::Pipeline p = PipelineNamed("a", "a");
  p.overrides[model::Target::kPrefect].target = model::Value<std::string>("flow/on-demand");
  CHECK(NamesOf(p).name == "on-demand");
}

TEST_CASE("ResolveSettings fills the entrypoint template and picks the work pool", "[prefect]") {
  DiagSink sink;
  model::Project project = ProjectWith("flows/{name}.py:{target}", "pool");
  std::optional<DeploymentSettings> s = ResolveSettings(project, PipelineNamed("sales", "f/run_sales"), sink);
  REQUIRE(s);
  CHECK(s->entrypoint == "flows/sales.py:run_sales");
  CHECK(s->work_pool == "pool");

  model::Pipeline own = PipelineNamed("sales", "sales");
  own.overrides[model::Target::kPrefect].entrypoint = model::Value<std::string>("x/y.py:z");
  own.overrides[model::Target::kPrefect].work_pool = model::Value<std::string>("other");
  s = ResolveSettings(project, own, sink);
  REQUIRE(s);
  CHECK(s->entrypoint == "x/y.py:z");
  CHECK(s->work_pool == "other");
  CHECK(sink.errors() == 0);
}

TEST_CASE("ResolveSettings rejects what Prefect would reject", "[prefect]") {
  model::Project project = ProjectWith("", "pool");
  for (const char* target :
       {"a/b/c", "a%b", "a&b", "a>b", "a<b", "/b", "a/", "{{ x }}", "a&b/c", "*a &b !!python/object"}) {
    DiagSink sink;
    CHECK_FALSE(ResolveSettings(project, PipelineNamed("p", target), sink));
    CHECK(sink.errors() == 1);
  }
  DiagSink sink;
  CHECK_FALSE(ResolveSettings(ProjectWith("", ""), PipelineNamed("p", "p"), sink));
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].code == Code::E0534);
}

}  // namespace trigc::emit::prefect

namespace trigc::emit::prefect {

TEST_CASE("IsEntrypoint agrees with the schema's entrypoint pattern", "[prefect]") {
  const std::regex pattern("^[A-Za-z0-9_./-]+\\.py:[A-Za-z_][A-Za-z0-9_]*$");
  for (const char* text : {"flows/a.py:main",
                           "a.py:f",
                           "x/y-z_1.py:_f9",
                           ".py:f",
                           "a.py:",
                           "a.py:9f",
                           "a.py:f-g",
                           "a.pyx:f",
                           "a.py:f:g",
                           "a b.py:f",
                           "a.py::f",
                           "",
                           ":",
                           "a.py",
                           "flows/a.py:main\n",
                           "\xc3\xa9.py:f",
                           "../a.py:f",
                           "a.py:\xc3\xa9",
                           "-.py:f",
                           "a.PY:f",
                           "a.py.py:f"}) {
    INFO(text);
    CHECK(IsEntrypoint(text) == std::regex_match(std::string(text), pattern));
  }
}

}  // namespace trigc::emit::prefect
