// .zklint.json: closest file wins, explicit extends, errors with positions, print-config.
#include <doctest/doctest.h>

#include "cli_support.hpp"

using zklint::test::Scratch;

TEST_CASE("the closest .zklint.json wins, and extends is explicit") {
  Scratch s;
  s.write(".zklint.json", R"({"rules": {"duplicate-key": "off"}})");
  s.write("team/a.properties", zklint::test::duplicate_key_file);
  s.write("other/.zklint.json", R"({"fail-on": "error"})");
  s.write("other/a.properties", zklint::test::duplicate_key_file);
  s.write("child/.zklint.json", R"({"extends": "../.zklint.json", "rules": {"ZKL008": "error"}})");
  s.write("child/a.properties", std::string(zklint::test::duplicate_key_file) + "=x\n");

  CHECK(s.zklint("team/a.properties").exit_code == 0);         // the root config switches the rule off
  const auto other = s.zklint("other/a.properties");           // the closer file does not inherit
  CHECK(other.exit_code == 0);                                  // ... but says fail-on error
  CHECK(other.out.find("ZKL002") != std::string::npos);
  const auto child = s.zklint("child/a.properties");           // extends: rule off, ZKL008 raised to error
  CHECK(child.out.find("ZKL002") == std::string::npos);
  CHECK(child.out.find("error: this line sets the empty key") != std::string::npos);
  CHECK(s.zklint("--no-config team/a.properties").exit_code == 1);
  CHECK(s.zklint("--config other/.zklint.json team/a.properties").exit_code == 0);
}

TEST_CASE("a bad config file is an error with file:line:col and exit 2") {
  Scratch s;
  s.write(".zklint.json", "{\n  \"rules\": {\n    \"duplicate-kye\": \"off\"\n  }\n}\n");
  s.write("a.properties", "k=v\n");
  const auto r = s.zklint("a.properties");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(".zklint.json:3:5: unknown rule 'duplicate-kye'; did you mean 'duplicate-key'?") != std::string::npos);

  s.write(".zklint.json", "{\n  \"fail-on\": \"warning\",\n}\n");
  const auto syntax = s.zklint("a.properties");
  CHECK(syntax.exit_code == 2);
  CHECK(syntax.err.find(".zklint.json:3:1: invalid JSON") != std::string::npos);

  s.write(".zklint.json", R"({"rulez": {}})");
  CHECK(s.zklint("a.properties").err.find("unknown field 'rulez'; did you mean 'rules'?") != std::string::npos);
  s.write(".zklint.json", R"({"extends": "base.json"})");
  CHECK(s.zklint("a.properties").err.find("extended config 'base.json' does not exist") != std::string::npos);
  s.write(".zklint.json", R"({"extends": "b.json"})");
  s.write("b.json", R"({"extends": ".zklint.json"})");
  CHECK(s.zklint("a.properties").err.find("cycle") != std::string::npos);
}

TEST_CASE("exclude patterns and print-config with the origin of every value") {
  Scratch s;
  s.write(".zklint.json", "{\n  \"kafka-version\": \"3.6\",\n  \"exclude\": [\"vendor/**\"],\n  \"rules\": {\"ZKL002\": \"info\"}\n}\n");
  s.write("vendor/x/a.properties", zklint::test::duplicate_key_file);
  s.write("a.properties", zklint::test::duplicate_key_file);
  CHECK(s.zklint("vendor/x/a.properties").err.find("in 0 files") != std::string::npos);
  CHECK(s.zklint("a.properties").out.find("info: key 'greeting'") != std::string::npos);
  const auto pc = s.zklint("print-config a.properties");
  CHECK(pc.exit_code == 0);
  CHECK(pc.out.find("\"value\": \"3.6\"") != std::string::npos);
  CHECK(pc.out.find(".zklint.json:2:3") != std::string::npos);
  CHECK(pc.out.find("\"from\": \"default\"") != std::string::npos);
}
