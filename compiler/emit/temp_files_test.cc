#include "compiler/emit/temp_files.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

namespace {

using trigc::emit::IsLeftoverTemp;
using trigc::emit::IsTempFile;
using trigc::emit::TempFileOwner;
using trigc::emit::TempName;

// The id of a process that has ended (and was reaped): no process has it until the ids wrap around.
pid_t EndedProcess() {
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

TEST_CASE("a temp file name records the process that writes it") {
  std::string name = TempName("bronze_sales.py");
  REQUIRE(name.rfind(".bronze_sales.py.trigc-" + std::to_string(::getpid()) + "-", 0) == 0);
  CHECK(name.size() == std::string(".bronze_sales.py.trigc-").size() + std::to_string(::getpid()).size() + 7);
  CHECK(IsTempFile(name));
  CHECK(TempFileOwner(name) == ::getpid());
  CHECK(TempName("a") != TempName("a"));
}

TEST_CASE("temp file names are told from other names") {
  CHECK(IsTempFile(".a.py.trigc-Ab12Cd"));  // as trigc named them before the process id
  CHECK(TempFileOwner(".a.py.trigc-Ab12Cd") == 0);
  CHECK(IsTempFile(".a.py.trigc-4242-Ab12Cd"));
  CHECK(TempFileOwner(".a.py.trigc-4242-Ab12Cd") == 4242);
  CHECK_FALSE(IsTempFile("a.py.trigc-Ab12Cd"));      // not hidden
  CHECK_FALSE(IsTempFile(".a.py.trigc-Ab12C"));      // five letters
  CHECK_FALSE(IsTempFile(".a.py.trigc-42-Ab1_Cd"));  // not a letter or digit
  CHECK_FALSE(IsTempFile(".trigc-Ab12Cd"));          // no file name
  CHECK_FALSE(IsTempFile(".a.py.trigc-x2-Ab12Cd"));
  CHECK_FALSE(IsTempFile(".a.py.trigc-042-Ab12Cd"));
  CHECK_FALSE(IsTempFile(".trigc-manifest"));
}

TEST_CASE("only temp files of processes that no longer exist are leftovers") {
  pid_t parent = ::getppid();  // alive while this test runs
  CHECK_FALSE(IsLeftoverTemp(".a.py.trigc-" + std::to_string(parent) + "-Ab12Cd"));
  CHECK(IsLeftoverTemp(".a.py.trigc-" + std::to_string(EndedProcess()) + "-Ab12Cd"));
  CHECK(IsLeftoverTemp(".a.py.trigc-Ab12Cd"));  // no process recorded
  // Listed before this process writes anything: its own id is an earlier process's.
  CHECK(IsLeftoverTemp(TempName("a.py")));
  CHECK_FALSE(IsLeftoverTemp("a.py"));
}

}  // namespace
