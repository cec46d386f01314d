#include "compiler/emit/wrapper/runner.h"

#include <catch2/catch.hpp>

namespace trigc::emit {

TEST_CASE("RunnerCommand quotes every word after substitution") {
  CHECK(RunnerCommand("dagster job launch -j {target}", "sales_job", "sales") ==
        "'dagster' 'job' 'launch' '-j' 'sales_job'");
  CHECK(RunnerCommand("run  --name={name}\t{target}", "a'b", "n") == "'run' '--name=n' 'a'\\''b'");
  CHECK(RunnerCommand("echo $(id) ;rm", "t", "n") == "'echo' '$(id)' ';rm'");
}

TEST_CASE("RunnerCommand inserts a target holding a placeholder as it is") {
  CHECK(RunnerCommand("run {target} {name}", "{target}{name}", "p") == "'run' '{target}{name}' 'p'");
  CHECK(RunnerCommand("run {name}{target}", "{name}", "p") == "'run' 'p{name}'");
}

TEST_CASE("RunnerCommand rejects empty templates and control characters") {
  CHECK_FALSE(RunnerCommand("   ", "t", "n"));
  CHECK_FALSE(RunnerCommand("run\nrm -rf /", "t", "n"));
}

}  // namespace trigc::emit
