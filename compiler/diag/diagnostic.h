// Diagnostics: the code registry, one Diagnostic shape for every stage, and the sink that collects them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source.h"

namespace trigc {

/// Every diagnostic code, generated from codes.def.
enum class Code {
#define DIAG(code, name, summary) code,
#include "compiler/diag/codes.def"
#undef DIAG
};

/// How bad a diagnostic is.
enum class Severity { kError, kWarning };

/// Registry entry of one code.
struct CodeInfo {
  Code code;
  const char* id;       ///< "E0102"
  const char* name;     ///< "duplicate-key"
  const char* summary;  ///< one line, for SARIF rules and docs
  Severity severity;    ///< default severity, from the id's letter
};

/// The registry entry of a code.
const CodeInfo& Info(Code code);
/// Every registered code, in registry order.
const std::vector<CodeInfo>& AllCodes();

/// A secondary location or remark attached to a diagnostic.
struct Note {
  Span span;  ///< may be invalid (a note without location)
  std::string message;
};

/// One finding: where, what, and how to fix it.
struct Diagnostic {
  Code code;
  Severity severity;
  Span span;
  std::string message;  ///< lowercase, no final period, user text quoted with Quote()
  std::string path;     ///< data path such as triggers[2].interval, when there is one
  std::vector<Note> notes;
  std::vector<std::string> help;
};

/// Collects the diagnostics of a run. Stages report into it; renderers read it.
class DiagSink {
 public:
  /// Fluent access to the diagnostic just reported.
  class Builder {
   public:
    explicit Builder(Diagnostic& d) : d_(d) {}
    /// Adds a note, optionally pointing at another location.
    Builder& Note(Span span, std::string message);
    /// Adds a help line.
    Builder& Help(std::string message);
    /// Sets the data path.
    Builder& Path(std::string path);

   private:
    Diagnostic& d_;
  };

  /// Reports a diagnostic with the code's default severity.
  Builder Report(Code code, Span span, std::string message);
  /// Moves every diagnostic of `other` into this sink.
  void Append(DiagSink&& other);
  /// Number of errors.
  size_t errors() const { return errors_; }
  /// Number of warnings.
  size_t warnings() const { return warnings_; }
  /// All diagnostics in report order.
  const std::vector<Diagnostic>& all() const { return diags_; }
  /// All diagnostics sorted by file path, position and code (stable).
  std::vector<Diagnostic> Sorted(const SourceManager& sources) const;

 private:
  std::vector<Diagnostic> diags_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
};

/// Quotes user text for a message: 'text', with control and invisible characters escaped and long text cut.
std::string Quote(std::string_view text, size_t max_code_points = 80);

/// The closest candidate to `word` by edit distance, or "" when none is within `max_distance` edits (and
/// fewer edits than the word has characters).
std::string SpellCheck(std::string_view word, const std::vector<std::string>& candidates,
                       size_t max_distance = 3);

}  // namespace trigc
