#include "compiler/source/source.h"

#include <algorithm>

#include "compiler/source/sha256.h"

namespace trigc {

SourceFile::SourceFile(std::string display_path, std::string text)
    : path_(std::move(display_path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

const std::string& SourceFile::digest() const {
  std::call_once(digest_once_, [this] { digest_ = Sha256Hex(text_); });
  return digest_;
}

LineCol SourceFile::Locate(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line_index = static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  uint32_t start = line_starts_[line_index];
  uint32_t column = CountCodePoints(std::string_view(text_).substr(start, offset - start)) + 1;
  return {line_index + 1, column};
}

std::pair<uint32_t, uint32_t> SourceFile::LineRange(uint32_t line) const {
  uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1 : static_cast<uint32_t>(text_.size());
  if (end > start && text_[end - 1] == '\r') --end;
  return {start, end};
}

std::vector<std::pair<uint32_t, uint32_t>> SourceFile::RunsIn(uint32_t start, uint32_t end) const {
  std::vector<std::pair<uint32_t, uint32_t>> runs;
  for (const auto& [b, e] : redactions_) {
    if (e > start && b < end) runs.push_back({std::max(b, start), std::min(e, end)});
  }
  std::sort(runs.begin(), runs.end());
  std::vector<std::pair<uint32_t, uint32_t>> merged;
  for (const auto& run : runs) {
    if (!merged.empty() && run.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, run.second);
    } else {
      merged.push_back(run);
    }
  }
  return merged;
}

std::string_view SourceFile::Line(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  auto [start, end] = LineRange(line);
  std::string_view view = std::string_view(text_).substr(start, end - start);
  if (redactions_.empty()) return view;
  auto runs = RunsIn(start, end);
  if (runs.empty()) return view;
  redacted_line_.clear();
  uint32_t at = start;
  for (const auto& [b, e] : runs) {
    redacted_line_.append(text_, at, b - at);
    redacted_line_ += kMask;
    at = e;
  }
  redacted_line_.append(text_, at, end - at);
  return redacted_line_;
}

uint32_t SourceFile::DisplayColumn(uint32_t offset, bool end) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto [start, line_end] = LineRange(Locate(offset).line);
  offset = std::min(offset, line_end);
  uint32_t column = 1, at = start;
  for (const auto& [b, e] : RunsIn(start, line_end)) {
    if (b >= offset) break;
    column += CountCodePoints(std::string_view(text_).substr(at, b - at));
    if (offset < e) return column + (end ? static_cast<uint32_t>(kMask.size()) : 0);
    column += static_cast<uint32_t>(kMask.size());
    at = e;
  }
  return column + CountCodePoints(std::string_view(text_).substr(at, offset - at));
}

bool SourceFile::IsRedacted(uint32_t offset) const {
  for (const auto& [b, e] : redactions_) {
    if (offset >= b && offset < e) return true;
  }
  return false;
}

FileId SourceManager::Add(std::string display_path, std::string text) {
  files_.push_back(std::make_unique<SourceFile>(std::move(display_path), std::move(text)));
  return static_cast<FileId>(files_.size() - 1);
}

FileId SourceManager::Reserve(size_t count) {
  FileId first = static_cast<FileId>(files_.size());
  for (size_t i = 0; i < count; ++i) files_.push_back(nullptr);
  return first;
}

void SourceManager::Set(FileId id, std::string display_path, std::string text) {
  files_[id] = std::make_unique<SourceFile>(std::move(display_path), std::move(text));
}

uint32_t CountCodePoints(std::string_view text) {
  uint32_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace trigc
