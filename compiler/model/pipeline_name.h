// The name trigc proposes for a pipeline whose folder name is not a valid pipeline name (E0306).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace trigc::model {

/// The name an E0306 help proposes for a pipeline in folder `folder_name`: the folder name in lower case with
/// every character outside [a-z0-9] made '_', after 'p_' when it does not start with a letter, cut to 63
/// characters. When another pipeline already has that name (it is in `taken`), the first of `<name>_2` ...
/// `<name>_99` that none has. Nothing when all of them are taken.
std::optional<std::string> SuggestPipelineName(std::string_view folder_name,
                                               const std::set<std::string>& taken);

}  // namespace trigc::model
