#include "compiler/model/secret_params.h"

#include <catch2/catch.hpp>
#include <string>

#include "compiler/yaml/loader.h"

namespace trigc::model {

namespace {

// The codes and lines of the diagnostics CheckSecretParams reports for the `params:` of `text`.
std::string Check(const std::string& text) {
  SourceManager sources;
  DiagSink sink;
  FileId file = sources.Add("config.yaml", text);
  auto doc = yaml::Load(sources, file, sink);
  REQUIRE(doc);
  CheckSecretParams(*doc, doc->Find(doc->root(), "params"), sink);
  std::string out;
  for (const Diagnostic& d : sink.all()) {
    out += std::string(Info(d.code).id) + "@" + std::to_string(sources.Get(file).Locate(d.span.begin).line) +
           " ";
  }
  return out;
}

}  // namespace

TEST_CASE("a literal under a secret key in params is E0316, once per key, at its first literal") {
  CHECK(Check("params:\n  api_key: abc\n") == "E0316@2 ");
  CHECK(Check("params:\n  pin_password: 1234\n") == "E0316@2 ");
  CHECK(Check("params:\n  token:\n    - \"${env:A}\"\n    - literal\n    - other\n") == "E0316@4 ");
  CHECK(Check("params:\n  nested:\n    auth: {user: bob}\n") == "E0316@3 ");
  CHECK(Check("params:\n  client_secret: |\n    text\n") == "E0316@2 ");
}

TEST_CASE("references, empty values, booleans and ordinary keys are accepted") {
  CHECK(Check("params:\n  api_key: \"${env:API_KEY}\"\n  token: \"\"\n  auth: true\n  secret: null\n") == "");
  CHECK(Check("params:\n  partition: daily\n  selector: tag:nightly\n") == "");
  CHECK(Check("name: x\n") == "");
}

TEST_CASE("EnvReference accepts exactly ${env:NAME}") {
  CHECK(EnvReference("${env:API_KEY}") == "API_KEY");
  CHECK(EnvReference("${env:api_key}").empty());
  CHECK(EnvReference("${env:1A}").empty());
  CHECK(EnvReference("x${env:A}").empty());
  CHECK(EnvReference("${env:}").empty());
}

}  // namespace trigc::model
