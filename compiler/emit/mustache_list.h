// Filling mustache lists in place. kainjow's data::set() and push_back() copy their argument, so a list built
// first and set afterwards exists two or three times over (List -> data, then into the object). For the
// project-wide lists (one item per pipeline, ten thousand and more) those copies cost time and memory.
#pragma once

#include <string>
#include <vector>

#include "compiler/emit/templates.h"

namespace trigc::emit {

/// An empty list set under `name` in the object `data`, returned for filling in place.
inline Data& ListIn(Data& data, const std::string& name) {
  data.set(name, Data(Data::type::list));
  // get() gives const access only; the value is a non-const object owned by `data`.
  return const_cast<Data&>(*data.get(name));
}

/// Sets `name` in `data` to the list of `items`, each a string.
inline void SetStrings(Data& data, const std::string& name, const std::vector<std::string>& items) {
  Data& list = ListIn(data, name);
  for (const std::string& item : items) list.push_back(Data(item));
}

}  // namespace trigc::emit
