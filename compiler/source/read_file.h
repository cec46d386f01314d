// Reading files: one bounded reader for configs, generated files and manifests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace trigc {

/// A limit for ReadFileBounded that no real file reaches.
inline constexpr size_t kNoReadLimit = SIZE_MAX / 2;

/// Reads at most `limit` + 1 bytes of the file at `path`: enough for a caller to see that it is larger than
/// `limit` without reading it all. The buffer is sized from the file's size, so reading many small files
/// holds only their text; a file of unknown size (a pipe) or one that grows while read is read up to the
/// limit. Nothing, with the reason in `error`, when the file cannot be opened or read.
std::optional<std::string> ReadFileBounded(const std::filesystem::path& path, size_t limit,
                                           std::string& error);

/// ReadFileBounded on a file already open (the caller keeps and closes `fd`). `size`, when the caller knows
/// it from its own fstat, saves another.
std::optional<std::string> ReadFdBounded(int fd, size_t limit, std::string& error,
                                         std::optional<size_t> size = std::nullopt);

}  // namespace trigc
