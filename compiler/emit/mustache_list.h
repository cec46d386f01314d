// Filling mustache data without copies. kainjow's data::set() and push_back() copy their argument (deeply:
// every nested object, list and string), and its lists are std::vectors of a type whose move is not noexcept,
// so a growing list copies every item it holds. Set() and Add() move instead; for the project-wide lists (one
// item per pipeline, ten thousand and more) and the per-pipeline objects this halves the emitters' work.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "compiler/emit/templates.h"

namespace trigc::emit {

/// Sets `name` in the object `data` to `value`, moved in.
inline void Set(Data& data, const std::string& name, Data value) { data[name] = std::move(value); }

/// Appends `item` to the list `list`, moved in. The list grows by moving its items, never copying them.
inline void Add(Data& list, Data item) {
  if (!list.is_list()) return;
  // list_value() gives const access only; the vector is a non-const object owned by `list`.
  auto& items = const_cast<List&>(list.list_value());
  if (items.size() == items.capacity()) {
    List grown;
    grown.reserve(std::max<size_t>(4, items.size() * 2));
    for (Data& d : items) grown.emplace_back(std::move(d));  // capacity reserved: moved, not reallocated
    items.swap(grown);
  }
  items.emplace_back(std::move(item));
}

/// An empty list set under `name` in the object `data`, returned for filling in place.
inline Data& ListIn(Data& data, const std::string& name) {
  Data& list = data[name];
  list = Data(Data::type::list);
  return list;
}

/// Sets `name` in `data` to the list of `items`, each a string.
inline void SetStrings(Data& data, const std::string& name, const std::vector<std::string>& items) {
  Data& list = ListIn(data, name);
  for (const std::string& item : items) Add(list, Data(item));
}

}  // namespace trigc::emit
