// The Catch2 main for trigc_unit_tests; the tests themselves live beside the code they test.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
