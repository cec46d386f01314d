#include "compiler/emit/minio/filter.h"

namespace trigc::emit::minio {

std::optional<KeyFilter> FilterFromGlob(std::string_view path, std::string_view glob) {
  if (glob.find_first_of("?[]{}\\") != std::string_view::npos) return std::nullopt;
  size_t star = glob.find('*');
  if (glob.empty()) return KeyFilter{std::string(path), ""};
  if (star == std::string_view::npos || glob.find('*', star + 1) != std::string_view::npos)
    return std::nullopt;
  return KeyFilter{std::string(path) + std::string(glob.substr(0, star)), std::string(glob.substr(star + 1))};
}

std::string FilterValueProblem(std::string_view value) {
  if (value.size() > 1024) return "it is longer than 1024 bytes";
  if (value.find('\\') != std::string_view::npos) return "it contains a backslash";
  if (!value.empty() && value.front() == '-') return "it starts with '-', which mc would read as a flag";
  size_t begin = 0;
  while (begin <= value.size()) {
    size_t end = value.find('/', begin);
    if (end == std::string_view::npos) end = value.size();
    std::string_view segment = value.substr(begin, end - begin);
    if (segment == "." || segment == "..") return "it has a '.' or '..' path segment";
    begin = end + 1;
  }
  return "";
}

}  // namespace trigc::emit::minio
