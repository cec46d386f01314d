#include "compiler/model/pipeline_name.h"

#include <cctype>

#include <fmt/format.h>

namespace trigc::model {

namespace {

constexpr size_t kMaxName = 63;

// The folder name made a valid pipeline name, without regard to other pipelines.
std::string Sanitized(std::string_view folder_name) {
  std::string name;
  for (char c : folder_name) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    name += (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') ? lower : '_';
  }
  if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) name = "p_" + name;
  return name.substr(0, kMaxName);
}

}  // namespace

std::optional<std::string> SuggestPipelineName(std::string_view folder_name,
                                               const std::set<std::string>& taken) {
  std::string base = Sanitized(folder_name);
  if (taken.count(base) == 0) return base;
  for (int n = 2; n < 100; ++n) {
    std::string suffix = fmt::format("_{}", n);
    std::string name = base.substr(0, kMaxName - suffix.size()) + suffix;
    if (taken.count(name) == 0) return name;
  }
  return std::nullopt;
}

}  // namespace trigc::model
