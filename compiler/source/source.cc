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

std::string_view SourceFile::Line(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1 : static_cast<uint32_t>(text_.size());
  std::string_view view = std::string_view(text_).substr(start, end - start);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  bool masked = false;
  for (const auto& [begin, end_offset] : redactions_) {
    if (end_offset <= start || begin >= start + view.size()) continue;
    if (!masked) redacted_line_.assign(view);
    masked = true;
    for (uint32_t i = std::max(begin, start); i < std::min<uint32_t>(end_offset, start + view.size()); ++i) {
      redacted_line_[i - start] = '*';
    }
  }
  return masked ? std::string_view(redacted_line_) : view;
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
