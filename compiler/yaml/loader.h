// Strict YAML loading: raw-byte checks, then one pass over yaml-cpp's parser events that rejects what a
// config must not contain and builds the spanned Document. YAML::LoadAll is never used (it can loop forever
// in 0.7).
#pragma once

#include <cstddef>
#include <optional>

#include "compiler/diag/diagnostic.h"
#include "compiler/source/source.h"
#include "compiler/yaml/document.h"

namespace trigc::yaml {

/// The documented bounds (README "Limits"); each has its own diagnostic.
struct Limits {
  size_t max_file_bytes = 256 * 1024;  ///< E0110
  size_t max_depth = 32;               ///< E0107: nested mappings/sequences
  size_t max_nodes = 20000;            ///< E0108
  size_t max_scalar_bytes = 4096;      ///< E0109
};

/// Loads one file. Returns nothing when the file has an error that makes its tree unusable; every problem
/// found is reported to `sink` at its line and column.
std::optional<Document> Load(const SourceManager& sources, FileId file, DiagSink& sink,
                             const Limits& limits = {});

}  // namespace trigc::yaml
