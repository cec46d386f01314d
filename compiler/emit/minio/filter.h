// MinIO bucket notification filters: a key prefix and a key suffix, which the server matches as
// `prefix*suffix` (the `*` may span `/`). An s3_sensor's `path` plus glob `pattern` maps onto them when the
// glob has at most one
// `*` and no other wildcard.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trigc::emit::minio {

/// The prefix and suffix of one notification rule; empty means no filter of that kind.
struct KeyFilter {
  std::string prefix;
  std::string suffix;
};

/// The filter matching exactly the keys `path` + `glob` matches, or nothing when MinIO's filter cannot
/// express the glob (a `?`, `[`, `{`, `\`, more than one `*`, or no `*` at all, i.e. one exact key). An empty
/// glob matches every key below `path`.
std::optional<KeyFilter> FilterFromGlob(std::string_view path, std::string_view glob);

/// Why MinIO (or the generated script) would refuse `value` as a prefix or suffix, or "" when it is fine:
/// longer than 1024 bytes, a `\`, a `.` or `..` path segment, or a leading `-` (it would read as an `mc`
/// flag).
std::string FilterValueProblem(std::string_view value);

}  // namespace trigc::emit::minio
