#include "compiler/emit/dagster/dagster_names.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "compiler/emit/escape.h"

namespace trigc::emit::dagster {

namespace {

// Names dagster's check_valid_name rejects besides the Python keywords (dagster/_core/definitions/utils.py).
constexpr std::array<std::string_view, 15> kReserved = {
    "context", "conf",  "config", "meta",  "arg_dict", "dict", "input_arg_dict", "output_arg_dict", "int",
    "str",     "float", "bool",   "input", "output",   "type"};

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};

const model::Value<std::string> kDefaultModule{"trigc_dagster"};

}  // namespace

bool IsDagsterName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_') || static_cast<unsigned char>(c) >= 0x80) {
      return false;
    }
  }
  auto in = [&](const auto& list) { return std::find(list.begin(), list.end(), name) != list.end(); };
  return !in(kReserved) && !in(kKeywords);
}

const model::Value<std::string>& ModuleName(const model::Project& project) {
  auto target = project.targets.find(model::Target::kDagster);
  if (target == project.targets.end()) return kDefaultModule;
  auto module = target->second.strings.find("module");
  return module == target->second.strings.end() ? kDefaultModule : module->second;
}

std::string PipelineModule(const model::Pipeline& pipeline) { return PythonIdentifier(pipeline.name.value); }

const model::Value<std::string>& JobName(const model::Pipeline& pipeline) {
  auto it = pipeline.overrides.find(model::Target::kDagster);
  if (it != pipeline.overrides.end() && it->second.target) return *it->second.target;
  return pipeline.target;
}

std::string DefinitionName(const model::Pipeline& pipeline, const model::Trigger& trigger) {
  return pipeline.name.value + "__" + trigger.name.value;
}

}  // namespace trigc::emit::dagster
