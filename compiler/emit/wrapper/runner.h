// The runner command template of the crontab and systemd targets ("dagster job launch -j {target}"): split
// into words, placeholders substituted, each word quoted as a POSIX shell word.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trigc::emit {

/// The shell command line of `runner` for a pipeline: the template is split at blanks, `{target}` and
/// `{name}` are replaced in each word, and every word is quoted with ShellWord, so no substituted value can
/// change the command. Nothing when the template has no word, or holds a control character.
std::optional<std::string> RunnerCommand(std::string_view runner, std::string_view target,
                                         std::string_view name);

}  // namespace trigc::emit
