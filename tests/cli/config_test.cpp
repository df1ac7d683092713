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

TEST_CASE("the most specific rule setting wins, whatever the order of the keys") {
  Scratch s;
  // ZKL106 (info, zk-chroot-missing) is in the zk-client family. nlohmann orders keys, so both
  // orders of the issue's example are tried through two spellings of the same selectors.
  s.write("a/server.properties", "broker.id=1\nlog.dirs=/data\nzookeeper.connect=zk1:2181\n");
  s.write("a/.zklint.json", R"({"rules": {"ZKL106": "off", "zk-client": "error"}})");
  CHECK(s.zklint("--format concise a/server.properties").out.find("[ZKL106]") == std::string::npos);
  s.write("a/.zklint.json", R"({"rules": {"zk-client": "error", "zk-chroot-missing": "off"}})");
  CHECK(s.zklint("--format concise a/server.properties").out.find("[ZKL106]") == std::string::npos);
  // A code beats a name, a longer code prefix a shorter one, and any of them a family or all.
  s.write("a/.zklint.json", R"({"rules": {"all": "off", "ZKL1": "on", "ZKL10": "off", "ZKL106": "warning"}})");
  const auto r = s.zklint("--format concise --fail-on never a/server.properties");
  CHECK(r.out.find("warning: zookeeper.connect has no chroot") != std::string::npos);
  CHECK(r.out.find("info: ") != std::string::npos);
  CHECK(r.out.find("[ZKL113]") != std::string::npos);  // zk-single-host: on through ZKL1
  CHECK(r.out.find("[ZKL2") == std::string::npos);     // kafka: off through all
}

TEST_CASE("per-file-ignores switch rules off for matching files only") {
  Scratch s;
  const std::string typo = "broker.id=1\nlog.dirs=/data\nzookeeper.connect=zk1:2181\nlog.retention.hourz=1\n";
  s.write("legacy/server.properties", typo);
  s.write("new/server.properties", typo);
  s.write(".zklint.json", "{\n  /* old brokers keep their custom keys */\n  \"per-file-ignores\": {\"legacy/**\": [\"ZKL201\"]}\n}\n");
  const auto r = s.zklint("--format concise .");
  CHECK(r.out.find("legacy/server.properties:4:1: warning:") == std::string::npos);
  CHECK(r.out.find("new/server.properties:4:1: warning:") != std::string::npos);
  // --select does not bring an ignored rule back for those files.
  CHECK(s.zklint("--format concise --select ZKL201 legacy/server.properties").out.find("[ZKL201]") == std::string::npos);
  const auto pc = s.zklint("print-config legacy/server.properties");
  CHECK(pc.out.find("\"ignored_for_this_file\": [\n    \"ZKL201\"\n  ]") != std::string::npos);
  s.write(".zklint.json", R"({"per-file-ignores": {"legacy/**": ["ZKL2O1"]}})");
  const auto bad = s.zklint(".");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown rule 'ZKL2O1'; did you mean 'ZKL201'?") != std::string::npos);
}

TEST_CASE("comments in .zklint.json keep the positions of errors") {
  Scratch s;
  s.write("a.properties", "k=v\n");
  s.write(".zklint.json", "{\n  // \"rules\": {\"x\": 1}\n  /* a block\n     comment */ \"fail-on\": \"sometimes\" // trailing\n}\n");
  const auto r = s.zklint("a.properties");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(".zklint.json:4:17: `fail-on` must be") != std::string::npos);
  s.write(".zklint.json", "{\"rules\": {\"duplicate-key\": \"off\"}} // \"a // in a comment\"\n");
  CHECK(s.zklint("a.properties").exit_code == 0);
  s.write(".zklint.json", "{\"rules\": {\"duplicate-key\": \"off\"}, \"kind\": \"unknown\", \"$schema\": \"http://x//y\"}\n");
  CHECK(s.zklint("a.properties").exit_code == 0);  // a // inside a string is not a comment
}
