// Which mapping keys hold secrets. A value under such a key, whatever its shape, is masked wherever trigc
// prints source text, and a literal one in `params:` is an error (docs/hardening.md, "Secrets").
//
// Rule: the key is lower-cased, '-' and camelCase boundaries become '_' ("apiKey" -> "api_key"). It is a
// secret key when it is `auth` or `api_key`, ends in `_key`, contains `secret`, `password`, `passwd` or
// `token`, or when one of its words (split at '_') is a misspelling of `secret`: within two edits of it
// (insert, delete, replace, swap two neighbours) and at least five letters long, except the English words at
// that distance that are common keys (`secure`, `socket`, `sacred`, ...).
#pragma once

#include <string>
#include <string_view>

namespace trigc::yaml {

/// True when the values of `key` are secrets (see the rule above).
bool IsSecretKey(std::string_view key);

/// The key in the normal form the rule is applied to: lower case, words joined by '_'.
std::string NormalizeKey(std::string_view key);

/// Edit distance with adjacent swaps counting as one edit (optimal string alignment).
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace trigc::yaml
