// Renderers: the same diagnostics as text for people, JSON for scripts, SARIF for code scanning, and GitHub
// workflow commands for annotations.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/source/source.h"

namespace trigc {

/// Output formats of diagnostics.
enum class DiagFormat { kText, kJson, kSarif, kGithub };

/// What to print and how.
struct RenderOptions {
  DiagFormat format = DiagFormat::kText;
  bool color = false;     ///< ANSI colours (text only)
  bool quiet = false;     ///< errors only, no summary line
  size_t max_errors = 0;  ///< 0 = all; otherwise stop after this many errors
  bool warnings_are_errors = false;
  bool all_warnings = false;  ///< text: show every warning, not only the first kWarningsPerCode of each code
};

/// Text output shows at most this many warnings of one code, then one line that counts the rest; with more
/// diagnostics than this in all, it ends with a count per code. Machine formats keep every diagnostic.
inline constexpr size_t kWarningsPerCode = 20;

/// Renders `diags` (already sorted) in the chosen format to `out`.
void RenderDiagnostics(const std::vector<Diagnostic>& diags, const SourceManager& sources,
                       const RenderOptions& options, std::ostream& out);

/// The text rendering of one diagnostic (source line, caret and `~`, notes and help).
std::string RenderText(const Diagnostic& d, const SourceManager& sources, bool color);

}  // namespace trigc
