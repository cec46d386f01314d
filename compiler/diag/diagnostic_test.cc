#include "compiler/diag/diagnostic.h"

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "compiler/diag/render.h"

using trigc::Code;

TEST_CASE("codes are unique, grouped and named") {
  std::set<std::string> ids;
  for (const auto& info : trigc::AllCodes()) {
    CHECK(ids.insert(info.id).second);
    CHECK(std::string(info.id).size() == 5);
    CHECK((info.id[0] == 'E' || info.id[0] == 'W'));
    CHECK(std::string(info.name).find(' ') == std::string::npos);
  }
  CHECK(trigc::Info(Code::W0301).severity == trigc::Severity::kWarning);
  CHECK(trigc::Info(Code::E0102).severity == trigc::Severity::kError);
}

TEST_CASE("quoting escapes what could drive a terminal") {
  CHECK(trigc::Quote("abc") == "'abc'");
  CHECK(trigc::Quote("it's") == "'it\\'s'");
  CHECK(trigc::Quote("a\x1b[2Jb") == "'a\\x1b[2Jb'");
  CHECK(trigc::Quote("a\xe2\x80\xae"
                     "b") == "'a\\u{202e}b'");
  CHECK(trigc::Quote("caf\xc3\xa9") == "'caf\xc3\xa9'");
  CHECK(trigc::Quote("\xff") == "'\\xff'");
  CHECK(trigc::Quote("abcdef", 3) == "'abc...'");
}

TEST_CASE("spell check suggests close names only") {
  std::vector<std::string> keys = {"triggers", "freshness", "name", "interval"};
  CHECK(trigc::SpellCheck("trigers", keys) == "triggers");
  CHECK(trigc::SpellCheck("intervall", keys) == "interval");
  CHECK(trigc::SpellCheck("dbt", keys).empty());
  CHECK(trigc::SpellCheck("x", keys).empty());
  CHECK(trigc::SpellCheck("freshnes", keys, 1) == "freshness");
}

TEST_CASE("text rendering shows the line, caret and tildes") {
  trigc::SourceManager sources;
  auto file = sources.Add("p/config.yaml", "name: a\n    upstream: customer_ingestoin\n");
  trigc::DiagSink sink;
  sink.Report(Code::E0204, {file, 22, 40}, "unknown upstream pipeline 'customer_ingestoin'")
      .Help("did you mean 'customer_ingestion'?");
  std::string text = trigc::RenderText(sink.all()[0], sources, false);
  CHECK(text ==
        "p/config.yaml:2:15: error[E0204]: unknown upstream pipeline 'customer_ingestoin'\n"
        "    2 |     upstream: customer_ingestoin\n"
        "      |               ^~~~~~~~~~~~~~~~~~\n"
        "   = help: did you mean 'customer_ingestion'?\n");
}

TEST_CASE("control characters in a source line cannot move the caret") {
  trigc::SourceManager sources;
  auto file = sources.Add("c.yaml", "a:\t\x1b[2J x\n");
  trigc::DiagSink sink;
  sink.Report(Code::E0112, {file, 3, 4}, "escape (U+001B) is not allowed in a config file");
  std::string text = trigc::RenderText(sink.all()[0], sources, false);
  CHECK(text.find("    1 | a: ?[2J x\n      |    ^\n") != std::string::npos);
}

TEST_CASE("json and sarif survive a file path that is not UTF-8") {
  // A folder name is any bytes on Linux; found by fuzz_pipeline (tests/fuzz/regressions).
  trigc::SourceManager sources;
  auto file = sources.Add("pipelines/caf\xe9/config.yaml", "name: a\n");
  trigc::DiagSink sink;
  sink.Report(Code::E0102, {file, 0, 4}, "pipeline 'caf\xe9'").Note({file, 0, 4}, "in caf\xe9");
  for (trigc::DiagFormat format : {trigc::DiagFormat::kJson, trigc::DiagFormat::kSarif}) {
    trigc::RenderOptions options;
    options.format = format;
    std::ostringstream out;
    REQUIRE_NOTHROW(trigc::RenderDiagnostics(sink.all(), sources, options, out));
    CHECK(out.str().find(format == trigc::DiagFormat::kJson
                             ? "pipelines/caf\xEF\xBF\xBD/config.yaml"
                             : "pipelines/caf%E9/config.yaml") != std::string::npos);
    CHECK(out.str().find("pipeline 'caf\xEF\xBF\xBD'") != std::string::npos);  // U+FFFD
  }
}

TEST_CASE("sorted by file, then position") {
  trigc::SourceManager sources;
  auto b = sources.Add("b.yaml", "xxxxxxxxxx");
  auto a = sources.Add("a.yaml", "xxxxxxxxxx");
  trigc::DiagSink sink;
  sink.Report(Code::E0102, {b, 1, 2}, "b1");
  sink.Report(Code::E0102, {a, 5, 6}, "a5");
  sink.Report(Code::E0102, {a, 2, 3}, "a2");
  auto sorted = sink.Sorted(sources);
  CHECK(sorted[0].message == "a2");
  CHECK(sorted[1].message == "a5");
  CHECK(sorted[2].message == "b1");
}
