#include "compiler/driver/build_lock.h"

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

namespace {

namespace fs = std::filesystem;
using trigc::Code;
using trigc::DiagSink;
using trigc::driver::BuildLocks;
using trigc::driver::LockKind;
using trigc::driver::LockWait;

struct TempFolder {
  fs::path path;
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "trigc-lock-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempFolder() { fs::remove_all(path); }
};

const LockWait kNoWait{false, nullptr};

TEST_CASE("a build makes the cache folder and its lock") {
  TempFolder t;
  BuildLocks locks;
  DiagSink sink;
  REQUIRE(locks.Lock({t.path}, LockKind::kExclusive, kNoWait, sink));
  CHECK(fs::is_regular_file(t.path / ".trigc_cache/lock"));
  CHECK(fs::is_regular_file(t.path / ".trigc_cache/.gitignore"));
  CHECK(fs::is_regular_file(t.path / ".trigc_cache/CACHEDIR.TAG"));
}

TEST_CASE("a second build does not get a lock that is held") {
  TempFolder t;
  BuildLocks first, second, reader;
  DiagSink sink;
  REQUIRE(first.Lock({t.path, t.path}, LockKind::kExclusive, kNoWait, sink));  // the same project twice
  CHECK_FALSE(second.Lock({t.path}, LockKind::kExclusive, kNoWait, sink));
  REQUIRE(sink.errors() == 1);
  CHECK(sink.all()[0].code == Code::E0916);
  CHECK_FALSE(reader.TryShared(t.path));
}

TEST_CASE("shared holders do not exclude each other, and --check creates nothing") {
  TempFolder t;
  BuildLocks a, b, c;
  DiagSink sink;
  REQUIRE(a.Lock({t.path}, LockKind::kShared, kNoWait, sink));  // no lock file yet: nothing to hold
  CHECK_FALSE(fs::exists(t.path / ".trigc_cache"));
  REQUIRE(b.Lock({t.path}, LockKind::kExclusive, kNoWait, sink));
  CHECK_FALSE(c.Lock({t.path}, LockKind::kShared, kNoWait, sink));  // --check waits for (or leaves) a build
  BuildLocks d, e;
  DiagSink other;
  TempFolder u;
  REQUIRE(d.Lock({u.path}, LockKind::kExclusive, kNoWait, other));
  d = BuildLocks();  // released
  CHECK(d.TryShared(u.path));
  CHECK(e.TryShared(u.path));
}

TEST_CASE("a waiting build says so after a second, then gets the lock once it is free") {
  TempFolder t;
  auto first = std::make_unique<BuildLocks>();
  DiagSink sink;
  REQUIRE(first->Lock({t.path}, LockKind::kExclusive, kNoWait, sink));
  std::string said;
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    first.reset();
  });
  auto start = std::chrono::steady_clock::now();
  BuildLocks second;
  bool locked =
      second.Lock({t.path}, LockKind::kExclusive, {true, [&](const std::string& m) { said = m; }}, sink);
  auto waited = std::chrono::steady_clock::now() - start;
  release.join();
  CHECK(locked);
  CHECK(waited >= std::chrono::milliseconds(1400));
  CHECK(said.find("waiting for another `trigc build` of") == 0);
}

TEST_CASE("a cache folder that is a symbolic link is refused") {
  TempFolder t;
  fs::create_directories(t.path / "elsewhere");
  fs::create_directories(t.path / "repo");
  fs::create_directory_symlink(t.path / "elsewhere", t.path / "repo/.trigc_cache");
  BuildLocks locks;
  DiagSink sink;
  CHECK_FALSE(locks.Lock({t.path / "repo"}, LockKind::kExclusive, kNoWait, sink));
  REQUIRE(sink.errors() == 1);
  CHECK(sink.all()[0].code == Code::E0915);
  CHECK(fs::is_empty(t.path / "elsewhere"));
  CHECK_FALSE(locks.TryShared(t.path / "repo"));
}

TEST_CASE("a lock file that is a symbolic link is refused") {
  TempFolder t;
  fs::create_directories(t.path / ".trigc_cache");
  fs::create_symlink(t.path / "target", t.path / ".trigc_cache/lock");
  BuildLocks locks;
  DiagSink sink;
  CHECK_FALSE(locks.Lock({t.path}, LockKind::kExclusive, kNoWait, sink));
  CHECK(sink.all()[0].code == Code::E0915);
  CHECK_FALSE(fs::exists(t.path / "target"));
}

}  // namespace
