#include "compiler/emit/safe_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using trigc::emit::PathError;
using trigc::emit::PathProblem;
using trigc::emit::ReadAt;
using trigc::emit::SafeTree;
using trigc::emit::WriteReplacingAt;

// A fresh folder, removed at the end of the test.
struct TempFolder {
  fs::path path;
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "trigc-safe-dir-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempFolder() { fs::remove_all(path); }
};

void WriteFile(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

std::string ReadFile(const fs::path& path) {
  std::stringstream text;
  text << std::ifstream(path).rdbuf();
  return text.str();
}

TEST_CASE("a tree makes its missing folders, and removes only those") {
  TempFolder t;
  fs::create_directories(t.path / "generated");
  SafeTree tree(t.path, "generated/dagster");
  PathError error;
  CHECK(tree.Folder("pkg", false, error) < 0);
  CHECK(error.problem == PathProblem::kMissing);
  REQUIRE(tree.Folder("pkg/sub", true, error) >= 0);
  CHECK(fs::is_directory(t.path / "generated/dagster/pkg/sub"));
  CHECK(tree.Display("pkg/a.py") == (t.path / "generated/dagster/pkg/a.py").generic_string());
  tree.RemoveCreated();
  CHECK_FALSE(fs::exists(t.path / "generated/dagster"));
  CHECK(fs::is_directory(t.path / "generated"));  // was there before
}

TEST_CASE("a created folder that is not empty stays") {
  TempFolder t;
  SafeTree tree(t.path, "out");
  PathError error;
  REQUIRE(tree.Folder("a", true, error) >= 0);
  WriteFile(t.path / "out/a/notes.txt", "a person's file");
  tree.RemoveCreated();
  CHECK(ReadFile(t.path / "out/a/notes.txt") == "a person's file");
}

TEST_CASE("a symbolic link anywhere below the base is refused, not followed") {
  TempFolder t;
  fs::create_directories(t.path / "elsewhere/pkg");
  fs::create_directories(t.path / "repo/generated/dagster");
  PathError error;
  SECTION("the tree's own folder") {
    fs::create_directory_symlink(t.path / "elsewhere", t.path / "repo/generated/airflow");
    SafeTree tree(t.path / "repo", "generated/airflow");
    CHECK(tree.Folder("", true, error) < 0);
    CHECK(error.problem == PathProblem::kSymlink);
    CHECK(error.at == (t.path / "repo/generated/airflow").generic_string());
  }
  SECTION("a folder on the way to it") {
    fs::create_directory_symlink(t.path / "elsewhere", t.path / "repo/build");
    SafeTree tree(t.path / "repo", "build/dagster");
    CHECK(tree.Folder("", true, error) < 0);
    CHECK(error.problem == PathProblem::kSymlink);
    CHECK(error.at == (t.path / "repo/build").generic_string());
    CHECK_FALSE(fs::exists(t.path / "elsewhere/dagster"));
  }
  SECTION("a folder inside it") {
    fs::create_directory_symlink(t.path / "elsewhere/pkg", t.path / "repo/generated/dagster/pkg");
    SafeTree tree(t.path / "repo", "generated/dagster");
    CHECK(tree.Folder("pkg/sub", true, error) < 0);
    CHECK(error.problem == PathProblem::kSymlink);
    CHECK_FALSE(fs::exists(t.path / "elsewhere/pkg/sub"));
  }
  SECTION("a link to a file where a folder goes") {
    WriteFile(t.path / "elsewhere/file", "x");
    fs::create_symlink(t.path / "elsewhere/file", t.path / "repo/generated/dagster/pkg");
    SafeTree tree(t.path / "repo", "generated/dagster");
    CHECK(tree.Folder("pkg", false, error) < 0);
    CHECK(error.problem == PathProblem::kSymlink);
  }
}

TEST_CASE("the base is a path the user gave, followed like any path") {
  TempFolder t;
  fs::create_directories(t.path / "real/generated");
  fs::create_directory_symlink(t.path / "real", t.path / "link");
  SafeTree tree(t.path / "link", "generated");
  PathError error;
  CHECK(tree.Folder("", false, error) >= 0);
}

TEST_CASE("files are read without following a link") {
  TempFolder t;
  WriteFile(t.path / "secret", "outside");
  WriteFile(t.path / "a.py", "inside");
  fs::create_symlink(t.path / "secret", t.path / "b.py");
  REQUIRE(::mkfifo((t.path / "fifo").c_str(), 0644) == 0);
  SafeTree tree(t.path, "");
  PathError error;
  int dir = tree.Folder("", false, error);
  REQUIRE(dir >= 0);
  std::string text;
  CHECK(ReadAt(dir, "a.py", 100, text, error));
  CHECK(text == "inside");
  CHECK(ReadAt(dir, "a.py", 3, text, error));
  CHECK(text == "ins");
  CHECK_FALSE(ReadAt(dir, "b.py", 100, text, error));
  CHECK(error.problem == PathProblem::kSymlink);
  CHECK_FALSE(ReadAt(dir, "fifo", 100, text, error));  // and does not hang
  CHECK(error.message == "not a regular file");
}

TEST_CASE("replacing a file that is a link replaces the link, not what it points at") {
  TempFolder t;
  WriteFile(t.path / "secret", "outside");
  fs::create_symlink(t.path / "secret", t.path / "warnings");
  SafeTree tree(t.path, "");
  PathError error;
  std::string message;
  REQUIRE(WriteReplacingAt(tree.Folder("", false, error), "warnings", "new", false, message));
  CHECK(ReadFile(t.path / "secret") == "outside");
  CHECK_FALSE(fs::is_symlink(t.path / "warnings"));
  CHECK(ReadFile(t.path / "warnings") == "new");
  struct stat st;
  REQUIRE(::stat((t.path / "warnings").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
}

}  // namespace
