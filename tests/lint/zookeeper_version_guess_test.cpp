// Unit tests of the ZooKeeper version guess (lint/src/profile.cpp): a range of release lines from
// the keys a zoo.cfg sets, a chosen line, and the refusal of lines outside 3.5-3.9.

#include <doctest/doctest.h>

#include "zklint/lint/profile.hpp"
#include "zklint/parse.hpp"

using namespace zklint;

namespace {

FileProfile guess(std::string text) {
  const Document doc = parse(SourceFile("zoo.cfg", std::move(text)));
  return make_profile(doc, ProfileSettings{});
}

std::string range(const FileProfile& p) { return describe_zookeeper_versions(p.zookeeper_versions); }

}  // namespace

TEST_CASE("the guessed ZooKeeper range starts at the newest line that added one of the file's keys") {
  const FileProfile plain = guess("tickTime=2000\ndataDir=/d\nclientPort=2181\nelectionAlg=1\n");
  CHECK(plain.zookeeper_version_guessed);
  CHECK(range(plain) == "3.5–3.9");
  CHECK(plain.zookeeper_version == ZooKeeperVersion{3, 9});
  CHECK(plain.zookeeper_version_reason == "guessed from the keys: no key of the file narrows it");

  const FileProfile observer_master = guess("tickTime=2000\nobserverMasterPort=2191\n");
  CHECK(range(observer_master) == "3.6–3.9");
  CHECK(observer_master.zookeeper_version_reason == "guessed from the keys: observerMasterPort exists from 3.6");
  CHECK(range(guess("metricsProvider.httpPort=7000\n")) == "3.6–3.9");  // a family of keys
  CHECK(range(guess("enforceQuota=true\nobserverMasterPort=2191\n")) == "3.7–3.9");
  const FileProfile oracle = guess("observerMasterPort=2191\noraclePath=/o\nenforceQuota=true\n");
  CHECK(range(oracle) == "3.8–3.9");
  CHECK(oracle.zookeeper_version_reason == "guessed from the keys: oraclePath exists from 3.8");

  // A key of no line (a typo) says nothing, and neither does a templated key.
  CHECK(range(guess("oraclePathh=/o\n{{ key }}=v\n")) == "3.5–3.9");
  CHECK(range(guess("{{ oracle_key }}=/o\n")) == "3.5–3.9");
}

TEST_CASE("a chosen ZooKeeper version is one release line, judged as itself") {
  ProfileSettings settings;
  settings.zookeeper_version = ZooKeeperVersion{3, 5};
  settings.zookeeper_version_origin = "--zookeeper-version";
  const Document doc = parse(SourceFile("zoo.cfg", "oraclePath=/o\n"));
  const FileProfile p = make_profile(doc, settings);
  CHECK_FALSE(p.zookeeper_version_guessed);
  CHECK(p.zookeeper_versions == std::vector<ZooKeeperVersion>{{3, 5}});
  CHECK(p.zookeeper_version_text == "3.5");
  CHECK(p.zookeeper_version_reason == "--zookeeper-version");
}

TEST_CASE("ZooKeeper versions outside 3.5-3.9 are refused") {
  for (const ZooKeeperVersion known : {ZooKeeperVersion{3, 5}, ZooKeeperVersion{3, 9}}) CHECK_FALSE(unsupported_zookeeper_version(known).has_value());
  for (const ZooKeeperVersion v : {ZooKeeperVersion{3, 4}, ZooKeeperVersion{3, 10}, ZooKeeperVersion{4, 0}}) {
    CAPTURE(v.to_string());
    const auto refused = unsupported_zookeeper_version(v);
    REQUIRE(refused.has_value());
    CHECK(*refused == "ZooKeeper " + v.to_string() + " is not a release line zklint knows; it knows 3.5–3.9");
  }
  CHECK(ZooKeeperVersion::parse("3.8.4") == ZooKeeperVersion{3, 8});
  CHECK_FALSE(ZooKeeperVersion::parse("three").has_value());
}
