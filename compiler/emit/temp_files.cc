#include "compiler/emit/temp_files.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>

namespace trigc::emit {

namespace {

constexpr std::string_view kMark = ".trigc-";
constexpr size_t kSuffix = 6;  // the letters or digits that end a temp file name

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// What follows the last ".trigc-" of a temp file name: "<pid>-XXXXXX" or "XXXXXX"; empty when `name` is
// not a temp file name.
std::string_view Tail(std::string_view name) {
  size_t mark = name.rfind(kMark);
  if (name.size() < 2 || name[0] != '.' || mark == std::string_view::npos || mark == 0) return {};
  std::string_view tail = name.substr(mark + kMark.size());
  if (tail.size() < kSuffix) return {};
  for (char c : tail.substr(tail.size() - kSuffix))
    if (!IsAlnum(c)) return {};
  return tail;
}

}  // namespace

std::string TempName(std::string_view name) {
  static std::atomic<uint64_t> counter{0};
  static const char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  static const pid_t pid = ::getpid();             // a system call each time otherwise
  uint64_t n = counter++ * 0x9E3779B97F4A7C15ull;  // spreads consecutive numbers over the whole range
  std::string temp = ".";
  temp.append(name).append(kMark).append(std::to_string(pid)).append("-");
  for (size_t i = 0; i < kSuffix; ++i, n /= 62) temp += kDigits[n % 62];
  return temp;
}

bool IsTempFile(std::string_view name) {
  std::string_view tail = Tail(name);
  if (tail.size() == kSuffix) return true;  // the older name, without a process id
  return TempFileOwner(name) != 0;
}

pid_t TempFileOwner(std::string_view name) {
  std::string_view tail = Tail(name);
  if (tail.size() < kSuffix + 2 || tail[tail.size() - kSuffix - 1] != '-') return 0;
  std::string_view digits = tail.substr(0, tail.size() - kSuffix - 1);
  if (digits.size() > 9 || digits[0] == '0') return 0;
  pid_t pid = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

bool IsLeftoverTemp(std::string_view name) {
  if (!IsTempFile(name)) return false;
  pid_t pid = TempFileOwner(name);
  if (pid == 0 || pid == ::getpid()) return true;
  // Signal 0 only asks whether the process exists; EPERM means it does (another user's).
  return ::kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace trigc::emit
