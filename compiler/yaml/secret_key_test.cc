#include "compiler/yaml/secret_key.h"

#include <catch2/catch.hpp>

namespace trigc::yaml {

TEST_CASE("the keys the issue lists are secret keys, in any case") {
  for (const char* key : {"secret", "SECRET", "webhook_secret", "ClientSecret", "password", "DB_PASSWORD",
                          "token", "auth_token", "refreshToken", "access_key", "private-key", "api_key",
                          "apiKey", "APIKEY", "auth", "Auth", "passwd"}) {
    INFO(key);
    CHECK(IsSecretKey(key));
  }
}

TEST_CASE("misspellings of secret are secret keys") {
  for (const char* key : {"secert", "secrte", "sceret", "secrett", "secre", "scret", "sekret", "secrets",
                          "webhook_secert", "Secrte", "seecret"}) {
    INFO(key);
    CHECK(IsSecretKey(key));
  }
}

TEST_CASE("ordinary keys are not secret keys") {
  for (const char* key :
       {"name",        "cron",     "target", "source", "keys",   "monkey", "key",    "author",
        "authority",   "secure",   "socket", "select", "sect",   "regret", "sector", "second",
        "description", "endpoint", "params", "bucket", "prefix", "suffix", "start"}) {
    INFO(key);
    CHECK_FALSE(IsSecretKey(key));
  }
}

TEST_CASE("keys are normalised before the rule") {
  CHECK(NormalizeKey("apiKey") == "api_key");
  CHECK(NormalizeKey("API-KEY") == "api_key");
  CHECK(NormalizeKey("client.Secret") == "client_secret");
}

TEST_CASE("edit distance counts a swap of neighbours as one edit") {
  CHECK(EditDistance("secret", "secret") == 0);
  CHECK(EditDistance("secert", "secret") == 1);
  CHECK(EditDistance("sceret", "secret") == 1);
  CHECK(EditDistance("socket", "secret") == 2);
  CHECK(EditDistance("", "abc") == 3);
}

}  // namespace trigc::yaml
