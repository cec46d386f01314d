#include "compiler/source/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace trigc {

std::optional<std::string> ReadFileBounded(const std::filesystem::path& path, size_t limit,
                                           std::string& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::optional<std::string> text = ReadFdBounded(fd, limit, error);
  ::close(fd);
  return text;
}

std::optional<std::string> ReadFdBounded(int fd, size_t limit, std::string& error,
                                         std::optional<size_t> size) {
  struct stat st;
  if (!size && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size = static_cast<size_t>(st.st_size);
  size_t capacity = size ? std::min(*size + 1, limit + 1) : limit + 1;
  std::string text(capacity, '\0');
  size_t done = 0;
  while (true) {
    if (done == text.size()) {
      if (text.size() > limit) break;  // limit + 1 bytes: enough to tell the file is too large
      text.resize(std::min(text.size() * 2, limit + 1));  // the file grew after its size was taken
    }
    ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  text.resize(done);
  text.shrink_to_fit();
  return text;
}

}  // namespace trigc
