#include "compiler/emit/systemd/path_watch.h"

#include <catch2/catch.hpp>

namespace trigc::emit {

namespace {

model::Trigger Watch(const std::string& path, std::vector<std::string> events, bool recursive = false) {
  model::Trigger t;
  t.type = model::TriggerType::kFileWatch;
  t.name = model::Value<std::string>("w");
  t.path = model::Value<std::string>(path);
  t.events = std::move(events);
  t.recursive = model::Value<bool>(recursive);
  return t;
}

}  // namespace

TEST_CASE("PathWatches maps globs and plain paths to path unit settings") {
  model::Pipeline p;
  DiagSink sink;
  CHECK(PathWatches(p, Watch("/in/*.csv", {"created", "modified"}), sink) ==
        std::vector<std::string>{"PathExistsGlob=/in/*.csv", "PathChanged=/in"});
  CHECK(PathWatches(p, Watch("/in/ready.flag", {}), sink) ==
        std::vector<std::string>{"PathExists=/in/ready.flag"});
  CHECK(PathWatches(p, Watch("/in/x", {"modified"}), sink) == std::vector<std::string>{"PathChanged=/in/x"});
  CHECK(sink.errors() == 0);
}

TEST_CASE("PathWatches rejects what a path unit cannot watch") {
  model::Pipeline p;
  DiagSink sink;
  CHECK_FALSE(PathWatches(p, Watch("/in/*.csv", {}, true), sink));
  CHECK_FALSE(PathWatches(p, Watch("/in/x", {"deleted"}), sink));
  CHECK_FALSE(PathWatches(p, Watch("/in/a %n.csv", {}), sink));
  CHECK_FALSE(PathWatches(p, Watch("/in/*/x.csv", {}), sink));
  CHECK_FALSE(PathWatches(p, Watch("/in/../etc/x", {}), sink));
  CHECK(sink.errors() == 5);
}

}  // namespace trigc::emit
