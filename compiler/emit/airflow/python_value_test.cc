#include "compiler/emit/airflow/python_value.h"

#include <catch2/catch.hpp>

namespace trigc::emit::airflow {

TEST_CASE("airflow PythonValue writes scalars as Python") {
  CHECK(PythonValue(nullptr, 0) == "None");
  CHECK(PythonValue(true, 0) == "True");
  CHECK(PythonValue(false, 0) == "False");
  CHECK(PythonValue(42, 0) == "42");
  CHECK(PythonValue("a\"b", 0) == "'a\"b'");
}

TEST_CASE("airflow BlackString picks black's quotes") {
  CHECK(BlackString("plain") == "\"plain\"");
  CHECK(BlackString("it's") == "\"it's\"");
  CHECK(BlackString("say \"hi\"") == "'say \"hi\"'");
  CHECK(BlackString("a\"b'c") == "\"a\\\"b'c\"");
  CHECK(BlackString("\"\"'") == "'\"\"\\''");
  CHECK(BlackString("\\\"\u00fc") == "'\\\\\"\\xfc'");
}

TEST_CASE("airflow PythonValue explodes collections with trailing commas") {
  nlohmann::json v = {{"b", {1, 2}}, {"a", nlohmann::json::object()}};
  CHECK(PythonValue(v, 8) ==
        "{\n"
        "            \"a\": {},\n"
        "            \"b\": [\n"
        "                1,\n"
        "                2,\n"
        "            ],\n"
        "        }");
  CHECK(PythonValue(nlohmann::json::array(), 0) == "[]");
}

TEST_CASE("airflow TidyBlankLines keeps black's blank lines") {
  CHECK(TidyBlankLines("import a\n\n\n\n\nx = 1\n") == "import a\n\n\nx = 1\n");
  CHECK(TidyBlankLines("import a\ndef f():\n    pass\n\nwith a:\n    pass\n") ==
        "import a\n\n\ndef f():\n    pass\n\n\nwith a:\n    pass\n");
  CHECK(TidyBlankLines("# c\n\nimport a\n") == "# c\n\nimport a\n");
}

}  // namespace trigc::emit::airflow
