#include "compiler/yaml/secret_lines.h"

#include <catch2/catch.hpp>
#include <string>

namespace trigc::yaml {

namespace {

// The file's lines as printed after the line-based pass, joined by '\n'.
std::string Masked(const std::string& text) {
  SourceFile f("c.yaml", text);
  RedactSecretLines(f);
  std::string out;
  for (uint32_t i = 1; i <= f.line_count(); ++i) out += std::string(f.Line(i)) + "\n";
  return out;
}

}  // namespace

TEST_CASE("a scalar under a secret key is masked, quoted or not, comments included") {
  CHECK(Masked("secret: hunter2\nname: a") == "secret: ********\nname: a\n");
  CHECK(Masked("Password: \"hunter 2\" # old\n") == "Password: ********\n\n");
  CHECK(Masked("  - api_key: 'x'\n") == "  - api_key: ********\n\n");
  CHECK(Masked("\"auth\": x\n") == "\"auth\": ********\n\n");
  CHECK(Masked("secert: x\nsecrte: y\nsceret: z\n") ==
        "secert: ********\nsecrte: ********\nsceret: ********\n\n");
}

TEST_CASE("a block scalar under a secret key is masked line by line") {
  CHECK(Masked("secret: |\n  line one\n\n  line two\nname: a\n") ==
        "secret: ********\n  ********\n\n  ********\nname: a\n\n");
  CHECK(Masked("db_token: >-\n    folded\n    text\n# a comment\nx: 1\n") ==
        "db_token: ********\n    ********\n    ********\n# a comment\nx: 1\n\n");
}

TEST_CASE("lists and mappings under a secret key are masked") {
  CHECK(Masked("secret:\n  - one\n  - two\nname: a\n") == "secret:\n  ********\n  ********\nname: a\n\n");
  CHECK(Masked("secret:\n- one\n- two\nname: a\n") == "secret:\n********\n********\nname: a\n\n");
  CHECK(Masked("auth:\n  user: bob\n  pass: x\nname: a\n") == "auth:\n  ********\n  ********\nname: a\n\n");
  CHECK(Masked("params:\n  token: [a, b]\n  keep: 1\n") == "params:\n  token: ********\n  keep: 1\n\n");
}

TEST_CASE("values inside brackets are masked up to their comma or bracket") {
  CHECK(Masked("triggers: [{type: webhook, secret: \"x,y\", source: minio}]\n") ==
        "triggers: [{type: webhook, secret: ********, source: minio}]\n\n");
  CHECK(Masked("p: {api_key: {a: 1, b: 2}, keep: 3}\n") == "p: {api_key: ********, keep: 3}\n\n");
  CHECK(Masked("p: {note: \"secret: not a key\"}\n") == "p: {note: \"secret: not a key\"}\n\n");
}

TEST_CASE("a continued plain scalar is masked, and the value ends at the next key") {
  CHECK(Masked("  secret: abc\n    def\n  name: x\n") == "  secret: ********\n    ********\n  name: x\n\n");
}

TEST_CASE("lines that are not YAML still have their secrets masked") {
  CHECK(Masked("secret: [unclosed\n  password: \"open\nname: [\n") ==
        "secret: ********\n  ********\nname: [\n\n");
  CHECK(Masked("\tsecret: tabbed\n") == "\tsecret: ********\n\n");
  // A tab pushes a line right of the key (to column 8), whatever YAML says of tabs.
  CHECK(Masked("  secret: >\n    one\n\ttwo\n  x: 1\n") ==
        "  secret: ********\n    ********\n\t********\n  x: 1\n\n");
}

TEST_CASE("ordinary keys are left alone") {
  CHECK(Masked("name: secret\ndescription: my password is not here\n") ==
        "name: secret\ndescription: my password is not here\n\n");
}

}  // namespace trigc::yaml
