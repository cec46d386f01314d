// Python literals for the Airflow DAG files: JSON values (params) as Python expressions laid out the way
// black lays them out, so generated files pass `black --check`.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace trigc::emit::airflow {

/// `text` as a Python string literal (PythonString), quoted the way black quotes it: double quotes, unless
/// the text holds more `"` than `'` (then single quotes, with `'` escaped), so `black --check` leaves it
/// alone.
std::string BlackString(std::string_view text);

/// `value` as a Python literal: strings through BlackString, True/False/None, numbers as JSON writes them;
/// a non-empty list or dict is exploded one item a line with a trailing comma (black's "magic trailing comma"
/// keeps it so), its items indented by `indent + 4` spaces and its closing bracket by `indent`.
std::string PythonValue(const nlohmann::json& value, int indent);

/// The blank lines of a rendered Python file as black lays them out: at most two in a row, and exactly two
/// before a top-level `def` or `with` (template sections that render empty leave their own line breaks
/// behind).
std::string TidyBlankLines(const std::string& text);

}  // namespace trigc::emit::airflow
