// Source text, spans and the line table: every diagnostic and every syntax node points into a SourceFile.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace trigc {

/// Index of a file in a SourceManager.
using FileId = uint32_t;
/// FileId of a span that points at no file (command-line input, whole-run problems).
inline constexpr FileId kNoFile = UINT32_MAX;

/// A half-open byte range [begin, end) in one source file.
struct Span {
  FileId file = kNoFile;
  uint32_t begin = 0;
  uint32_t end = 0;

  /// True when the span points into a file.
  bool valid() const { return file != kNoFile; }
};

/// A 1-based line and column; columns count Unicode code points.
struct LineCol {
  uint32_t line = 0;
  uint32_t column = 0;
};

/// What a source line shows in place of a secret, whatever its length.
inline constexpr std::string_view kMask = "********";

/// One file's text with a line table for offset -> line/column lookups.
class SourceFile {
 public:
  /// `display_path` is the path shown in diagnostics (relative to the working directory when possible).
  SourceFile(std::string display_path, std::string text);

  /// The path shown in diagnostics.
  const std::string& path() const { return path_; }
  /// The whole text.
  std::string_view text() const { return text_; }
  /// 1-based line and column of a byte offset (clamped to the text).
  LineCol Locate(uint32_t offset) const;
  /// The text of a 1-based line, without its line break, with each run of redacted bytes on it shown as
  /// kMask: the mask says nothing of the secret, not even its length.
  std::string_view Line(uint32_t line) const;
  /// The 1-based column of a byte offset in Line()'s text: an offset inside a mask maps to the mask's first
  /// column, or past its last one with `end` set (for the exclusive end of a span).
  uint32_t DisplayColumn(uint32_t offset, bool end) const;
  /// Marks a byte range as secret: Line() shows it as kMask.
  void Redact(uint32_t begin, uint32_t end) const {
    if (begin < end) redactions_.push_back({begin, end});
  }
  /// True when the byte at `offset` is in a redacted range.
  bool IsRedacted(uint32_t offset) const;
  /// The byte ranges marked secret, in the order they were marked.
  const std::vector<std::pair<uint32_t, uint32_t>>& redactions() const { return redactions_; }
  /// Number of lines.
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  /// SHA-256 of the text (64 hex digits), computed once on first use; safe to call from several threads.
  const std::string& digest() const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
  /// The redacted runs of [start, end) merged, in order, clipped to that range.
  std::vector<std::pair<uint32_t, uint32_t>> RunsIn(uint32_t start, uint32_t end) const;
  /// [start, end) of a 1-based line, without its line break.
  std::pair<uint32_t, uint32_t> LineRange(uint32_t line) const;
  mutable std::vector<std::pair<uint32_t, uint32_t>> redactions_;
  mutable std::string redacted_line_;
  mutable std::once_flag digest_once_;
  mutable std::string digest_;
};

/// Owns every file of a run; FileIds stay valid for its lifetime.
class SourceManager {
 public:
  /// Adds a file and returns its id.
  FileId Add(std::string display_path, std::string text);
  /// Makes room for `count` files read later (by several threads, see Set) and returns the first one's id:
  /// ids follow the order of reservation, whatever order the files are read in.
  FileId Reserve(size_t count);
  /// Fills a reserved id, from any thread (no two threads may fill the same id). Every reserved id must be
  /// filled before Get() is called for it: an unreadable file gets an empty text.
  void Set(FileId id, std::string display_path, std::string text);
  /// The file with this id.
  const SourceFile& Get(FileId id) const { return *files_[id]; }
  /// Number of files.
  size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

/// Number of code points in a UTF-8 byte range (continuation bytes are not counted).
uint32_t CountCodePoints(std::string_view text);

}  // namespace trigc
