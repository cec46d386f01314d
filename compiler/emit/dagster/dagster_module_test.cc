#include "compiler/emit/dagster/dagster_module.h"

#include <catch2/catch.hpp>

namespace trigc::emit::dagster {

TEST_CASE("ListLiteral writes one item per line with a trailing comma", "[dagster]") {
  CHECK(ListLiteral({}, 8) == "[]");
  CHECK(ListLiteral({"\"a\"", "\"b\""}, 4) == "[\n        \"a\",\n        \"b\",\n    ]");
}

TEST_CASE("PipelineData: no definitions and no policies import nothing", "[dagster]") {
  model::Project project;
  model::Pipeline p;
  p.name.value = "quiet";
  p.target.value = "quiet";
  Data data = PipelineData(project, p);
  CHECK(data.get("uses_dg")->is_false());
  CHECK(data.get("uses_trigc")->is_false());
  CHECK(data.get("uses_datetime")->is_false());
  CHECK(data.get("job")->string_value() == "\"quiet\"");
}

TEST_CASE("PipelineData: a disabled trigger is stopped and trigger params override the pipeline's",
          "[dagster]") {
  model::Project project;
  model::Pipeline p;
  p.name.value = "sales";
  p.target.value = "sales";
  p.params = {{"mode", "full"}, {"region", "eu"}};
  model::Trigger t;
  t.type = model::TriggerType::kS3Sensor;
  t.name.value = "drop";
  t.enabled.value = false;
  t.bucket.value = "lake";
  t.path.value = "in/";
  t.params = {{"mode", "delta"}};
  p.triggers.push_back(t);
  Data data = PipelineData(project, p);
  const Data& def = data.get("definitions")->list_value().at(0);
  bool stopped = false;
  for (const Data& arg : def.get("args")->list_value()) {
    if (arg.get("arg")->string_value() == "default_status=dg.DefaultSensorStatus.STOPPED") stopped = true;
  }
  CHECK(stopped);
  std::string params;
  for (const Data& tag : def.get("tags")->list_value()) {
    if (tag.get("key")->string_value() == "\"trigc/params\"") params = tag.get("value")->string_value();
  }
  CHECK(params == "\"{\\x22mode\\x22:\\x22delta\\x22,\\x22region\\x22:\\x22eu\\x22}\"");
}

}  // namespace trigc::emit::dagster
