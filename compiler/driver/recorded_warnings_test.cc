#include "compiler/driver/recorded_warnings.h"

#include <catch2/catch.hpp>
#include <map>

namespace {

using trigc::Code;
using trigc::DiagSink;
using trigc::FileId;
using trigc::SourceManager;
using trigc::Span;

// Two projects: "repo" (trigc.yaml, pipelines a and b) and "other" (pipeline c).
struct Fixture {
  SourceManager sources;
  std::vector<trigc::model::Project> projects;
  std::map<std::string, std::string> texts;  // project path -> text, for the replay

  Fixture() {
    projects.resize(2);
    projects[0].root = "repo";
    projects[1].root = "other";
    Add(0, "trigc.yaml", "version: 1\n", true);
    Add(0, "pipelines/a/config.yaml", "name: a\ntriggers:\n  - {type: webhook, secret: \"${env:S}\"}\n");
    Add(0, "pipelines/b/config.yaml", "name: b\ntrigers: []\n");
    Add(1, "pipelines/c/config.yaml", "name: c\n");
    sources.Get(1).Redact(46, 56);  // the secret's value, quotes included
  }

  void Add(size_t project, const std::string& path, const std::string& text, bool project_file = false) {
    FileId id = sources.Add(projects[project].root + "/" + path, text);
    if (project_file) {
      projects[project].file = id;
    } else {
      projects[project].pipelines.emplace_back();
      projects[project].pipelines.back().file = id;
    }
    if (project == 0) texts[path] = text;
  }

  // Replays `record` with the files of project "repo" as they are in `texts`.
  bool Replay(const std::string& record, SourceManager& replayed, DiagSink& sink) {
    auto open = [&](const std::string& path) -> std::optional<FileId> {
      auto it = texts.find(path);
      if (it == texts.end()) return std::nullopt;
      return replayed.Add("repo/" + path, it->second);
    };
    return trigc::driver::ReplayWarnings(record, open, replayed, sink);
  }
};

}  // namespace

TEST_CASE("recorded warnings come back as they were reported, with their secrets hidden") {
  Fixture f;
  DiagSink sink;
  sink.Report(Code::W0301, {2, 8, 15}, "unknown top-level key 'trigers'")
      .Help("did you mean 'triggers'?")
      .Path("trigers");
  sink.Report(Code::E0102, {1, 0, 4}, "an error is never recorded");
  sink.Report(Code::W0501, {3, 0, 4}, "a warning of the other project");
  sink.Report(Code::W0401, {1, 30, 40}, "pipeline 'a' already depends on 'b'")
      .Note({2, 0, 4}, "first declared here")
      .Note({}, "a note without a place")
      .Help("remove one");
  std::string record = trigc::driver::RecordWarnings(f.projects, 0, f.sources, sink);
  CHECK(record.find("redact {\"file\":\"pipelines/a/config.yaml\",\"ranges\":[[46,56]]}") == 0);
  CHECK(record.find("error is never") == std::string::npos);
  CHECK(record.find("other project") == std::string::npos);
  CHECK(trigc::driver::RecordWarnings(f.projects, 1, f.sources, sink).find("other project") !=
        std::string::npos);

  SourceManager replayed;
  DiagSink out;
  REQUIRE(f.Replay(record, replayed, out));
  REQUIRE(out.all().size() == 2);
  CHECK(out.warnings() == 2);
  const trigc::Diagnostic& first = out.all()[0];
  CHECK(first.code == Code::W0301);
  CHECK(replayed.Get(first.span.file).path() == "repo/pipelines/b/config.yaml");
  CHECK((first.span.begin == 8 && first.span.end == 15));
  CHECK(first.message == "unknown top-level key 'trigers'");
  CHECK(first.path == "trigers");
  CHECK(first.help == std::vector<std::string>{"did you mean 'triggers'?"});
  const trigc::Diagnostic& second = out.all()[1];
  CHECK(replayed.Get(second.span.file).path() == "repo/pipelines/a/config.yaml");
  REQUIRE(second.notes.size() == 2);
  CHECK(replayed.Get(second.notes[0].span.file).path() == "repo/pipelines/b/config.yaml");
  CHECK(second.notes[0].message == "first declared here");
  CHECK_FALSE(second.notes[1].span.valid());
  // The secret stays hidden on the line the warning shows.
  CHECK(replayed.Get(second.span.file).Line(3).find("env:S") == std::string::npos);
}

TEST_CASE("a warning that cannot be recorded makes the record say so, and the replay decline") {
  Fixture f;
  auto record_of = [&](auto report) {
    DiagSink sink;
    sink.Report(Code::W0301, {1, 0, 4}, "fine");
    report(sink);
    return trigc::driver::RecordWarnings(f.projects, 0, f.sources, sink);
  };
  std::string no_place = record_of([](DiagSink& s) { s.Report(Code::W0302, {}, "no place"); });
  std::string note_elsewhere = record_of([](DiagSink& s) {
    s.Report(Code::W0401, {1, 0, 4}, "x").Note({3, 0, 1}, "in another project");
  });
  std::string not_utf8 = record_of([](DiagSink& s) { s.Report(Code::W0301, {1, 0, 4}, "bad \xff byte"); });
  for (const std::string& record : {no_place, note_elsewhere, not_utf8}) {
    CHECK(record == "warnings unrecorded\n");
    SourceManager replayed;
    DiagSink out;
    CHECK_FALSE(f.Replay(record, replayed, out));
    CHECK(out.all().empty());
  }
  CHECK(trigc::driver::RecordWarnings(f.projects, 0, f.sources, DiagSink()).empty());
}

TEST_CASE("a damaged record is not replayed") {
  Fixture f;
  std::string good = R"(warning {"at":["pipelines/b/config.yaml",8,15],"code":"W0301","message":"m"})";
  SourceManager replayed;
  DiagSink out;
  REQUIRE(f.Replay(good + "\n", replayed, out));
  CHECK(out.all().size() == 1);
  for (const std::string& bad : {
           std::string(R"(warning {"at":["pipelines/b/config.yaml",8,15],"code":"E0102","message":"m"})"),
           std::string(R"(warning {"at":["pipelines/gone/config.yaml",8,15],"code":"W0301","message":"m"})"),
           std::string(R"(warning {"at":["pipelines/b/config.yaml",-1,15],"code":"W0301","message":"m"})"),
           std::string(R"(warning {"at":["pipelines/b/config.yaml",8,15],"code":"W9999","message":"m"})"),
           std::string(R"(warning {"at":["pipelines/b/config.yaml",8,15],"code":"W0301"})"),
           std::string(R"(warning {"at":["pipelines/b/config.yaml",8,15],"code":"W0301","message":"m")"),
           good + "\nredact {\"file\":\"pipelines/b/config.yaml\",\"ranges\":[[1]]}",
       }) {
    SourceManager r;
    DiagSink sink;
    CHECK_FALSE(f.Replay(bad + "\n", r, sink));
    CHECK(sink.all().empty());
  }
}
