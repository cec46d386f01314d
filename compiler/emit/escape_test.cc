#include "compiler/emit/escape.h"

#include <catch2/catch.hpp>

using namespace trigc::emit;

TEST_CASE("python string literals are ASCII and escape everything else") {
  CHECK(PythonString("sales") == "\"sales\"");
  CHECK(PythonString("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(PythonString("line\nbreak\rcr\ttab") == "\"line\\x0abreak\\x0dcr\\x09tab\"");
  CHECK(PythonString(std::string("nul\0x", 5)) == "\"nul\\x00x\"");
  CHECK(PythonString("caf\xc3\xa9") == "\"caf\\xe9\"");
  CHECK(PythonString("\xe2\x80\xae"
                     "bidi") == "\"\\u202ebidi\"");
  CHECK(PythonString("\xf0\x9f\x98\x80") == "\"\\U0001f600\"");
  CHECK(PythonString("{{ var }}") == "\"{{ var }}\"");
  CHECK(PythonString("a/b") == "\"a/b\"");  // never \/
}

TEST_CASE("python identifiers are ASCII and never keywords") {
  CHECK(IsPythonIdentifier("bronze_sales"));
  CHECK_FALSE(IsPythonIdentifier("class"));
  CHECK_FALSE(IsPythonIdentifier("match"));
  CHECK_FALSE(IsPythonIdentifier("9lives"));
  CHECK_FALSE(IsPythonIdentifier("caf\xc3\xa9"));
  CHECK(PythonIdentifier("class") == "class_");
  CHECK(PythonIdentifier("9lives") == "_9lives");
  CHECK(PythonIdentifier("a-b.c") == "a_b_c");
  CHECK(PythonIdentifier("\xef\xac\x81le") == "___le");  // the ligature cannot fold into 'file'
}

TEST_CASE("yaml scalars are always double-quoted ASCII") {
  CHECK(YamlString("yes") == "\"yes\"");
  CHECK(YamlString("null") == "\"null\"");
  CHECK(YamlString("010") == "\"010\"");
  CHECK(YamlString("a: b # c") == "\"a: b # c\"");
  CHECK(YamlString("\xc2\x85") == "\"\\x85\"");
}

TEST_CASE("shell words survive every byte but NUL") {
  CHECK(*ShellWord("plain") == "'plain'");
  CHECK(*ShellWord("it's") == "'it'\\''s'");
  CHECK(*ShellWord("$(rm -rf /) `x` \"q\"") == "'$(rm -rf /) `x` \"q\"'");
  CHECK(*ShellWord("") == "''");
  CHECK_FALSE(ShellWord(std::string("a\0b", 3)).has_value());
}

TEST_CASE("systemd words double % and $ and reject control characters") {
  CHECK(*SystemdWord("100%") == "\"100%%\"");
  CHECK(*SystemdWord("$HOME ${X}") == "\"$$HOME $${X}\"");
  CHECK(*SystemdWord("a\\b\"c") == "\"a\\\\b\\\"c\"");
  CHECK_FALSE(SystemdWord("a\nb").has_value());
  CHECK_FALSE(SystemdWord("a\xe2\x80\xa8"
                          "b")
                  .has_value());
}

TEST_CASE("jinja markers are found") {
  CHECK(HasJinja("{{ var.value.secret }}"));
  CHECK(HasJinja("x {% if %}"));
  CHECK(HasJinja("{# c #}"));
  CHECK_FALSE(HasJinja("{ not } jinja"));
}

TEST_CASE("header paths cannot break out of a comment") {
  CHECK(CommentSafe("pipelines/a/config.yaml") == "pipelines/a/config.yaml");
  CHECK(CommentSafe("x\ny") == "x?y");
  CHECK(CommentSafe("coding:utf-7") == "coding?utf-7");
}

TEST_CASE("JinjaStrings finds keys and values that Jinja renders") {
  nlohmann::json value = nlohmann::json::parse(R"({"{% x": 1, "a": ["{{ y }}", "{ z }", "{# c"]})");
  CHECK(JinjaStrings(value) == std::vector<std::string>{"{{ y }}", "{# c", "{% x"});  // keys in sorted order
}

TEST_CASE("JinjaStrings looks at keys and nested strings") {
  CHECK(JinjaStrings({{"a", "b"}}).empty());
  CHECK_FALSE(JinjaStrings({{"a", {"x", "{{ var }}"}}}).empty());
  CHECK_FALSE(JinjaStrings({{"{% if %}", 1}}).empty());
  CHECK_FALSE(JinjaStrings("{# c #}").empty());
}
