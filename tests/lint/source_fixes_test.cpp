// Fixes in deployment files stand only where the file's own syntax reads the edited bytes as the
// fix means them: the YAML tree (or the env file's lines) after the edits differ from before in
// exactly the edited values.
#include <doctest/doctest.h>

#include "deploy/source_fixes.hpp"

using zklint::SourceFile;
using zklint::TextEdit;
using zklint::deploy::edits_keep_syntax;

namespace {

/// Replaces the `nth` occurrence (from 0) of `what` in `text` by `with`.
TextEdit replace(const std::string& text, const std::string& what, const std::string& with, int nth = 0) {
  std::size_t at = text.find(what);
  while (nth-- > 0) at = text.find(what, at + 1);
  REQUIRE(at != std::string::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + what.size()), with};
}

bool holds(const std::string& name, const std::string& text, const TextEdit& edit) { return edits_keep_syntax(SourceFile(name, text), {edit}); }

}  // namespace

TEST_CASE("a blank replaced by a comma holds in plain, single- and double-quoted block-context scalars") {
  for (const std::string value : {"zk1:2181 zk2:2181", "'zk1:2181 zk2:2181'", "\"zk1:2181 zk2:2181\""}) {
    const std::string map = "services:\n  kafka:\n    environment:\n      KAFKA_ZOOKEEPER_CONNECT: " + value + "\n";
    CHECK(holds("compose.yaml", map, replace(map, " zk2", ",zk2")));
    const std::string list = "services:\n  kafka:\n    environment:\n      - KAFKA_ZOOKEEPER_CONNECT=zk1:2181 zk2:2181\n";
    CHECK(holds("compose.yaml", list, replace(list, " zk2", ",zk2")));
  }
}

TEST_CASE("an edit that changes how the YAML parses is refused") {
  // A comma ends an entry of a flow mapping.
  const std::string flow = "services:\n  kafka:\n    environment: {KAFKA_ZOOKEEPER_CONNECT: zk1:2181 zk2:2181}\n";
  CHECK_FALSE(holds("compose.yaml", flow, replace(flow, " zk2", ",zk2")));
  // A quote ends a quoted scalar; ' #' starts a comment after a plain one; ': ' makes a mapping.
  const std::string quoted = "a: \"x y\"\n";
  CHECK_FALSE(holds("compose.yaml", quoted, replace(quoted, " ", "\"")));
  const std::string plain = "a: x-y\n";
  CHECK_FALSE(holds("compose.yaml", plain, replace(plain, "-", " #")));
  CHECK_FALSE(holds("compose.yaml", plain, replace(plain, "-", ": ")));
  // Trailing blanks of a plain scalar are not part of it.
  CHECK_FALSE(holds("compose.yaml", plain, replace(plain, "y", "y ")));
  // The same edit inside quotes keeps the blank.
  CHECK(holds("compose.yaml", quoted, replace(quoted, "y", "y ")));
}

TEST_CASE("values that are not written as they are read are left alone") {
  // Escapes in a double-quoted scalar: its bytes are not its text.
  const std::string escaped = "a: \"x\\ty z\"\n";
  CHECK_FALSE(holds("compose.yaml", escaped, replace(escaped, " ", ",")));
  // A block scalar.
  const std::string block = "a: |\n  x y\n";
  CHECK_FALSE(holds("compose.yaml", block, replace(block, "x y", "x,y")));
  // Interpolation: compose rewrites what is around ${...}.
  const std::string interpolated = "a: ${ZK:-zk1:2181 zk2:2181}\n";
  CHECK_FALSE(holds("compose.yaml", interpolated, replace(interpolated, " zk2", ",zk2")));
  // A replacement .properties would decode, or compose would interpolate.
  const std::string plain = "a: x y\n";
  CHECK_FALSE(holds("compose.yaml", plain, replace(plain, " ", "\\u002c")));
  CHECK_FALSE(holds("compose.yaml", plain, replace(plain, " ", "$")));
  // An edit outside any scalar (the colon of a mapping).
  CHECK_FALSE(holds("compose.yaml", plain, replace(plain, ":", ",")));
}

TEST_CASE("a scalar shared through an anchor is left alone: the edit would reach every alias") {
  const std::string shared = "x-env: &env\n  KAFKA_ZOOKEEPER_CONNECT: zk1:2181 zk2:2181\nservices:\n  a:\n    environment: *env\n  b:\n    environment: *env\n";
  CHECK_FALSE(holds("compose.yaml", shared, replace(shared, " zk2", ",zk2")));
  // Not referenced by an alias: fine.
  const std::string alone = "x-env: &env\n  KAFKA_ZOOKEEPER_CONNECT: zk1:2181 zk2:2181\nservices:\n  a:\n    image: x\n";
  CHECK(holds("compose.yaml", alone, replace(alone, " zk2", ",zk2")));
}

TEST_CASE("multi-document YAML: an edit in the second document") {
  const std::string docs = "kind: A\n---\nkind: Kafka\nspec:\n  config:\n    log.dirs: /a /b\n";
  CHECK(holds("kafka.yaml", docs, replace(docs, " /b", ",/b")));
}

TEST_CASE("env files: docker's literal values take any edit on one line; compose's .env only unquoted, uninterpolated values") {
  const std::string docker = "KAFKA_ZOOKEEPER_CONNECT=zk1:2181 zk2:2181\nKAFKA_BROKER_ID=1\n";
  CHECK(holds("kafka.env", docker, replace(docker, " zk2", ",zk2")));
  CHECK_FALSE(holds("kafka.env", docker, replace(docker, "KAFKA_BROKER_ID", "KAFKA_NODE_ID")));  // a name, not a value
  CHECK_FALSE(holds("kafka.env", docker, replace(docker, " zk2", "\nzk2")));                     // a new line
  const std::string compose = "A=zk1:2181 zk2:2181\nB=\"x y\"\nC=${D} e\nE=\"x\\ny z\"\n";
  CHECK(holds(".env", compose, replace(compose, " zk2", ",zk2")));
  CHECK(holds(".env", compose, replace(compose, " y", ",y")));         // inside quotes, without escapes: as written
  CHECK_FALSE(holds(".env", compose, replace(compose, "y z", "y,z")));   // after an escape: its bytes are not its value
  CHECK_FALSE(holds(".env", compose, replace(compose, " e", ",e")));   // interpolated
  CHECK_FALSE(holds(".env", compose, replace(compose, " zk2", " #zk2")));  // ' #' starts a comment in compose's .env
}
