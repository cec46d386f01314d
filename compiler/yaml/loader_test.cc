#include "compiler/yaml/loader.h"

#include <catch2/catch.hpp>
#include <string>

namespace {

struct Loaded {
  trigc::SourceManager sources;
  trigc::DiagSink sink;
  std::optional<trigc::yaml::Document> doc;
};

std::unique_ptr<Loaded> LoadText(std::string text, trigc::yaml::Limits limits = {}) {
  auto l = std::make_unique<Loaded>();
  trigc::FileId file = l->sources.Add("config.yaml", std::move(text));
  l->doc = trigc::yaml::Load(l->sources, file, l->sink, limits);
  return l;
}

std::string Codes(const Loaded& l) {
  std::string out;
  for (const auto& d : l.sink.all()) out += std::string(trigc::Info(d.code).id) + " ";
  return out;
}

}  // namespace

using trigc::yaml::NodeKind;

TEST_CASE("a config loads with spans on every node") {
  auto l = LoadText("name: sales\ntriggers:\n  - type: schedule\n    cron: \"0 6 * * *\"\n");
  REQUIRE(l->doc);
  const auto& doc = *l->doc;
  auto triggers = doc.Find(doc.root(), "triggers");
  REQUIRE(triggers != trigc::yaml::kNoNode);
  auto first = doc.node(triggers).children.at(0);
  auto cron = doc.Find(first, "cron");
  const auto& node = doc.node(cron);
  CHECK(node.text == "0 6 * * *");
  CHECK(node.quoted);
  CHECK(node.kind == NodeKind::kString);
  CHECK(l->sources.Get(0).Locate(node.span.begin).line == 4);
  CHECK(l->sources.Get(0).Locate(node.span.begin).column == 11);
  CHECK(node.span.end - node.span.begin == 11);  // the quotes included
}

TEST_CASE("an empty file is an empty mapping") {
  auto l = LoadText("# only a comment\n");
  REQUIRE(l->doc);
  CHECK(l->doc->node(l->doc->root()).kind == NodeKind::kMapping);
  CHECK(l->doc->node(l->doc->root()).children.empty());
}

TEST_CASE("each bound has its own diagnostic") {
  trigc::yaml::Limits small;
  small.max_file_bytes = 64;
  small.max_depth = 3;
  small.max_nodes = 10;
  small.max_scalar_bytes = 8;
  CHECK(Codes(*LoadText(std::string(65, '#'), small)) == "E0110 ");
  CHECK(Codes(*LoadText(std::string(64, '#'), small)).empty());
  CHECK(Codes(*LoadText("a: [[[1]]]", small)) == "E0107 ");
  CHECK(Codes(*LoadText("a: [[1]]", small)).empty());
  CHECK(Codes(*LoadText("a: [1, 2, 3, 4, 5, 6, 7, 8, 9]", small)) == "E0108 ");
  CHECK(Codes(*LoadText("a: 123456789", small)) == "E0109 ");
  CHECK(Codes(*LoadText("a: 12345678", small)).empty());
}

TEST_CASE("the default bounds are the documented ones") {
  trigc::yaml::Limits limits;
  CHECK(limits.max_file_bytes == 256 * 1024);
  CHECK(limits.max_depth == 32);
  CHECK(limits.max_nodes == 20000);
  CHECK(limits.max_scalar_bytes == 4096);
}

TEST_CASE("what YAML readers disagree on is rejected") {
  CHECK(Codes(*LoadText("a: 1\na: 2\n")) == "E0102 ");
  CHECK(Codes(*LoadText("a: 1\n\"a\": 2\n")) == "E0102 ");
  CHECK(Codes(*LoadText("a: &x 1\nb: *x\n")) == "E0103 E0103 ");
  CHECK(Codes(*LoadText("a: !!str 1\n")) == "E0104 ");
  CHECK(Codes(*LoadText("<<: {a: 1}\n")) == "E0105 ");
  CHECK(Codes(*LoadText("a: 1\n---\na: 2\n")) == "E0106 ");
  CHECK(Codes(*LoadText("? [a]\n: 1\n")) == "E0113 ");
  CHECK(Codes(*LoadText("a: \"\\e\"\n")) == "E0112 ");
  CHECK(Codes(*LoadText("a: \"\\N\"\n")) == "E0111 ");
  CHECK(Codes(*LoadText("a: b\xff\n")) == "E0111 ");
  CHECK(Codes(*LoadText(std::string("a: b\0c\n", 7))) == "E0112 ");
  CHECK(Codes(*LoadText("a: b\rc\n")) == "E0112 ");
  CHECK(Codes(*LoadText("a: b\r\nc: d\r\n")).empty());
  CHECK(Codes(*LoadText(",")) == "E0101 ");
  CHECK(Codes(*LoadText("cron: */5 * * * *\n")) == "E0101 ");
}

TEST_CASE("a self-referential alias cannot be walked because it is never built") {
  auto l = LoadText("a: &a [*a]\n");
  CHECK_FALSE(l->doc);
  CHECK(Codes(*l) == "E0103 E0103 ");
}

TEST_CASE("a UTF-8 byte order mark is skipped and spans stay right") {
  auto l = LoadText("\xEF\xBB\xBFname: x\n");
  REQUIRE(l->doc);
  auto name = l->doc->Find(l->doc->root(), "name");
  CHECK(l->doc->node(name).span.begin == 9);
}

TEST_CASE("secret values are marked and masked") {
  auto l = LoadText("secret: hunter2\nother: visible\n");
  REQUIRE(l->doc);
  CHECK(l->doc->node(l->doc->Find(l->doc->root(), "secret")).sensitive);
  CHECK(l->sources.Get(0).Line(1) == "secret: ********");
  CHECK(l->sources.Get(0).Line(2) == "other: visible");
}

TEST_CASE("everything under a secret key is sensitive, whatever its shape") {
  auto l = LoadText("auth: {user: bob, pass: [x, y]}\nname: a\n");
  REQUIRE(l->doc);
  const auto& doc = *l->doc;
  auto auth = doc.Find(doc.root(), "auth");
  CHECK(doc.node(auth).sensitive);
  for (auto child : doc.node(auth).children) CHECK(doc.node(child).sensitive);
  CHECK_FALSE(doc.node(doc.Find(doc.root(), "name")).sensitive);
  CHECK(l->sources.Get(0).Line(1) == "auth: ********");
}

TEST_CASE("a file that does not parse still has its secrets masked, and no fix repeats them") {
  auto l = LoadText("name: a\nsecret: *hunter2\n");
  CHECK_FALSE(l->doc);
  CHECK(Codes(*l) == "E0101 ");
  CHECK(l->sources.Get(0).Line(2) == "secret: ********");
  for (const auto& d : l->sink.all()) {
    for (const auto& h : d.help) CHECK(h.find("hunter2") == std::string::npos);
  }
}
