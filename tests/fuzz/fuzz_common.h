// What the libFuzzer harnesses share: a fixed "now", and rendering the diagnostics of an input in every
// format.
#pragma once

#include <cstdlib>
#include <functional>
#include <sstream>
#include <string_view>

#include "compiler/diag/render.h"

namespace trigc::fuzz {

/// Fixes "now" (the DST check looks two years ahead of it) so that every run of an input does the same.
inline int Initialize() {
  setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
  return 0;
}

/// Renders `sink` as text, JSON and GitHub commands, and as SARIF for one input in 16 (chosen by a hash of
/// `input`, so a run is reproducible): SARIF carries the whole rule table, which costs more under ASan than
/// all the other stages together, and its input-dependent part is small.
inline void RenderAll(const DiagSink& sink, const SourceManager& sources, std::string_view input) {
  std::vector<Diagnostic> diagnostics = sink.Sorted(sources);
  for (DiagFormat format : {DiagFormat::kText, DiagFormat::kJson, DiagFormat::kGithub, DiagFormat::kSarif}) {
    if (format == DiagFormat::kSarif && std::hash<std::string_view>{}(input) % 16 != 0) continue;
    RenderOptions options;
    options.format = format;
    std::ostringstream out;
    RenderDiagnostics(diagnostics, sources, options, out);
  }
}

}  // namespace trigc::fuzz
