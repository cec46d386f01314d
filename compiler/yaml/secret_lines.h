// Masks secrets by reading lines, without parsing: the safety net for a file that is not valid YAML (or not
// even valid UTF-8), whose diagnostics still print its lines. The loader also masks what the parser sees; a
// byte masked by either stays masked.
//
// Rule (docs/hardening.md, "Secrets"): on each line, a key is what starts the line's content (after any `- `
// and `? ` markers), or follows `{`, `[` or `,` inside brackets, and ends with `:` followed by a blank, the
// end of the line or (inside brackets) a bracket or comma; it may be quoted. When IsSecretKey(key):
//  * the rest of the line after `key:` is masked, comments included; inside brackets, the value up to the
//  next
//    `,`, `}` or `]` outside quotes and nested brackets;
//  * outside brackets, each following line that is more indented than the key is masked from its first
//    non-blank character (block scalars, nested lists and mappings, continued plain or quoted scalars), as is
//    a
//    `- ` item at the key's own indentation when the key's line has no value; blank lines and comment lines
//    indented no more than the key are passed over, and the first other line ends the value.
#pragma once

#include "compiler/source/source.h"

namespace trigc::yaml {

/// Marks the secret values of `source` found by the rule above (SourceFile::Redact).
void RedactSecretLines(const SourceFile& source);

}  // namespace trigc::yaml
