#include "compiler/emit/apply_plan.h"

#include <catch2/catch.hpp>

#include "compiler/emit/temp_files.h"
#include "compiler/emit/write_test_util.h"

namespace {

namespace fs = std::filesystem;
using namespace trigc::emit::testing;
using trigc::DiagSink;
using trigc::emit::ApplyPlan;
using trigc::emit::FolderOutput;
using trigc::emit::OutputPlan;

const std::vector<std::pair<std::string, std::string>> kOld = {
    {"a.py", Generated("a1")}, {"b.py", Generated("b1")}, {"gone.py", Generated("g1")}};
const std::vector<std::pair<std::string, std::string>> kNew = {{"a.py", Generated("a2")},
                                                               {"b.py", Generated("b2")},
                                                               {"new/c.py", Generated("c2")},
                                                               {"new/d.py", Generated("d2")}};

// Plans kNew over a folder built from kOld, lets `sabotage` change the disk between the plan and its
// application, and applies it.
template <typename Sabotage>
bool ApplyAfter(const fs::path& base, Sabotage sabotage, DiagSink& sink) {
  FolderOutput output(base, "out", {}, true, sink);
  for (const auto& [path, content] : kNew) output.Add({path, content, false});
  OutputPlan plan;
  REQUIRE(output.Finish("key2", plan));
  sabotage();
  return ApplyPlan(output.tree(), plan, sink);
}

TEST_CASE("a target is replaced whole") {
  TempFolder t;
  DiagSink sink;
  REQUIRE(Build(t.path, "out", kOld, sink));
  REQUIRE(ApplyAfter(
      t.path, [] {}, sink));
  auto after = Snapshot(t.path / "out");
  CHECK(after.count("gone.py") == 0);
  CHECK(after["a.py"] == Generated("a2"));
  CHECK(after["new/d.py"] == Generated("d2"));
  CHECK(after.size() == 6);  // four files, the manifest and new/: no temp file, no backup left
}

TEST_CASE("a rename that fails half-way puts the folder back as it was") {
  TempFolder t;
  DiagSink sink;
  REQUIRE(Build(t.path, "out", kOld, sink));
  auto before = Snapshot(t.path / "out");
  // a.py, b.py and new/c.py are renamed, gone.py is removed; then new/d.py's rename fails (a folder holding
  // a file took its name), and everything is undone.
  CHECK_FALSE(ApplyAfter(
      t.path, [&] { fs::create_directories(t.path / "out/new/d.py/x"); }, sink));
  REQUIRE(sink.errors() == 1);
  CHECK(sink.all()[0].message.find("new/d.py") != std::string::npos);
  REQUIRE(sink.all()[0].notes.size() == 1);
  CHECK(sink.all()[0].notes[0].message.find("nothing was changed") != std::string::npos);
  fs::remove_all(t.path / "out/new/d.py");
  auto after = Snapshot(t.path / "out");
  after.erase("new");  // kept: it was not empty when the build was undone
  CHECK(after == before);
}

TEST_CASE("a file that cannot be replaced stops the build before anything changes") {
  TempFolder t;
  DiagSink sink;
  REQUIRE(Build(t.path, "out", kOld, sink));
  std::map<std::string, std::string> before;
  // link(2) refuses a folder, as it refuses an immutable or append-only file: the backup fails, before any
  // rename.
  CHECK_FALSE(ApplyAfter(
      t.path,
      [&] {
        fs::remove(t.path / "out/b.py");
        fs::create_directories(t.path / "out/b.py");
        before = Snapshot(t.path / "out");
      },
      sink));
  REQUIRE(sink.errors() == 1);
  CHECK(sink.all()[0].message.find("b.py") != std::string::npos);
  for (auto it = before.begin(); it != before.end();)  // the temp files of the plan, gone since
    it = trigc::emit::IsTempFile(fs::path(it->first).filename().string()) ? before.erase(it) : std::next(it);
  before.erase("new");  // made for the plan's temp files, removed with them
  CHECK(Snapshot(t.path / "out") == before);
}

TEST_CASE("the next build after a failure converges") {
  TempFolder t;
  DiagSink sink;
  REQUIRE(Build(t.path, "out", kOld, sink));
  CHECK_FALSE(ApplyAfter(
      t.path, [&] { fs::create_directories(t.path / "out/new/d.py/x"); }, sink));
  fs::remove_all(t.path / "out/new/d.py");
  DiagSink again;
  REQUIRE(Build(t.path, "out", kNew, again));
  TempFolder reference;
  REQUIRE(Build(reference.path, "out", kNew, again));
  CHECK(Snapshot(t.path / "out") == Snapshot(reference.path / "out"));
}

}  // namespace
