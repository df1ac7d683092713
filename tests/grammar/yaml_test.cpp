// The YAML front end: exact byte ranges for every scalar, merge keys, and hostile input turned into
// issues with positions (never an exception, a crash or a hang).
#include <doctest/doctest.h>

#include <string>

#include "zklint/yaml.hpp"

using namespace zklint;

namespace {

std::string_view slice(const SourceFile& s, const yaml::Node& n) { return s.bytes().substr(n.begin, n.end - n.begin); }

const yaml::Node& root(const yaml::Tree& t) {
  REQUIRE(t.documents().size() >= 1);
  return *t.documents().front();
}

}  // namespace

TEST_CASE("yaml: scalars know their source bytes, quoted or plain, after anchors and tags") {
  const SourceFile src("c.yml", "a: \"é x\"\nb: 'it''s'\nc: &n plain words  # comment\nd: !!str 9092\ne: [x, \"y\"]\n");
  const yaml::Tree t = yaml::parse(src);
  CHECK(t.issues().empty());
  const yaml::Node& r = root(t);
  const yaml::Node* a = yaml::find(r, "a");
  REQUIRE(a != nullptr);
  CHECK(a->text == "é x");
  CHECK(slice(src, *a) == "é x");
  CHECK(a->verbatim);
  CHECK(a->style == yaml::ScalarStyle::double_quoted);
  const yaml::Node* b = yaml::find(r, "b");
  CHECK(b->text == "it's");
  CHECK(slice(src, *b) == "it''s");
  CHECK_FALSE(b->verbatim);
  const yaml::Node* c = yaml::find(r, "c");
  CHECK(slice(src, *c) == "plain words");
  CHECK(c->verbatim);
  CHECK(slice(src, *yaml::find(r, "d")) == "9092");
  const yaml::Node* e = yaml::find(r, "e");
  REQUIRE(e->is_sequence());
  REQUIRE(e->items.size() == 2);
  CHECK(slice(src, *e->items[0]) == "x");
  CHECK(slice(src, *e->items[1]) == "y");
  CHECK(src.position_at(e->items[1]->begin).line == 5);
  CHECK(src.position_at(e->items[1]->begin).column == 9);  // after the quote
}

TEST_CASE("yaml: a byte order mark does not shift positions") {
  const SourceFile src("c.yml", "\xEF\xBB\xBFkey: value\n");
  const yaml::Tree t = yaml::parse(src);
  CHECK(slice(src, *yaml::find(root(t), "key")) == "value");
}

TEST_CASE("yaml: block scalars point at their first content line") {
  const SourceFile src("c.yml", "k: |\n  first line\n  second\n");
  const yaml::Tree t = yaml::parse(src);
  const yaml::Node* k = yaml::find(root(t), "k");
  REQUIRE(k != nullptr);
  CHECK(k->text == "first line\nsecond\n");
  CHECK(slice(src, *k) == "first line");
  CHECK(k->style == yaml::ScalarStyle::block);
}

TEST_CASE("yaml: merge keys, own keys first, earlier merges win, aliases shared") {
  const SourceFile src("c.yml",
                       "base: &base {A: 1, B: 2}\nmore: &more {B: 3, C: 4}\n"
                       "svc:\n  <<: [*base, *more]\n  A: own\n");
  const yaml::Tree t = yaml::parse(src);
  CHECK(t.issues().empty());
  const yaml::Node* svc = yaml::find(root(t), "svc");
  REQUIRE(svc != nullptr);
  CHECK(yaml::find(*svc, "A")->text == "own");
  CHECK(yaml::find(*svc, "B")->text == "2");
  CHECK(yaml::find(*svc, "C")->text == "4");
  CHECK(yaml::entries(*svc).size() == 3);
  // The merged value points at where it is written: the anchored mapping.
  CHECK(src.position_at(yaml::find(*svc, "B")->begin).line == 1);
}

TEST_CASE("yaml: hostile input becomes issues with positions") {
  SUBCASE("syntax") {
    const SourceFile src("c.yml", "a: [1, 2\nb: c\n");
    const yaml::Tree t = yaml::parse(src);
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].kind == yaml::Issue::Kind::syntax);
    CHECK(t.failed());
  }
  SUBCASE("undefined alias") {
    const yaml::Tree t = yaml::parse(SourceFile("c.yml", "a: *nothing\n"));
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].offset == 3);
  }
  SUBCASE("an alias inside its own anchor") {
    const yaml::Tree t = yaml::parse(SourceFile("c.yml", "a: &x [1, *x]\n"));
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].kind == yaml::Issue::Kind::alias_cycle);
    CHECK(t.issues()[0].offset == 10);
  }
  SUBCASE("invalid UTF-8") {
    const yaml::Tree t = yaml::parse(SourceFile("c.yml", "a: ok\nb: caf\xE9\n"));
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].kind == yaml::Issue::Kind::invalid_utf8);
    CHECK(t.issues()[0].offset == 12);
  }
  SUBCASE("deep nesting") {
    const yaml::Tree t = yaml::parse(SourceFile("c.yml", std::string(100000, '[') + std::string(100000, ']')));
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].kind == yaml::Issue::Kind::too_deep);
  }
  SUBCASE("node budget") {
    std::string many = "[";
    for (int i = 0; i < 2000; ++i) many += "1,";
    many += "1]";
    yaml::Limits limits;
    limits.max_nodes = 100;
    const yaml::Tree t = yaml::parse(SourceFile("c.yml", many), limits);
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].kind == yaml::Issue::Kind::too_large);
  }
  SUBCASE("an alias bomb is cheap: aliases are shared, merges budgeted") {
    std::string bomb = "a0: &a0 {k: v}\n";
    for (int i = 1; i < 40; ++i) {
      bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " {<<: [*a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "], k" +
              std::to_string(i) + ": v}\n";
    }
    const yaml::Tree t = yaml::parse(SourceFile("c.yml", bomb));
    CHECK(t.issues().empty());
    CHECK(yaml::entries(*yaml::find(root(t), "a39"), 10'000).size() <= 40);
  }
}
