// Every rule's own documentation examples are its first tests: each bad example raises that rule
// and only that rule (with every other rule enabled too), each good example raises nothing, and
// a bad example with a `fixed` text becomes exactly that text under --fix and is then clean.

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "zklint/lint/engine.hpp"
#include "zklint/lint/fixer.hpp"
#include "zklint/lint/observation_json.hpp"
#include "zklint/lint/registry.hpp"

using namespace zklint;

namespace {

std::string default_file_name(const RuleMeta& m) {
  if (m.applies_to.contains(FileKind::kafka) && !m.applies_to.contains(FileKind::zookeeper)) return "server.properties";
  if (m.applies_to.contains(FileKind::zookeeper) && !m.applies_to.contains(FileKind::kafka)) return "zoo.cfg";
  return "example.properties";
}

SingleFileResult lint_example(const RuleMeta& m, const Example& e, std::string text) {
  SingleFileOptions options;
  options.file_name = e.file_name.empty() ? default_file_name(m) : std::string(e.file_name);
  if (!e.kafka_version.empty()) options.kafka_version = KafkaVersion::parse(e.kafka_version);
  if (!e.zookeeper_version.empty()) options.zookeeper_version = ZooKeeperVersion::parse(e.zookeeper_version);
  if (!e.companion.empty()) options.cluster.push_back({e.companion_name.empty() ? "companion" : std::string(e.companion_name), std::string(e.companion)});
  if (!e.beside.empty()) options.beside.push_back({std::string(e.beside_name), std::string(e.beside)});
  if (!e.observed.empty()) {
    // What the probe saw: the live rules (off in plain lint runs) run beside all the others.
    options.observed = std::make_shared<const Observations>(observations_from_json(e.observed));
    options.select = {"all"};
  }
  return lint_text(std::move(text), options);
}

// An env file names no image, so every env file named alone carries the note that it is read as
// apache/kafka reads it (ZKL705): the examples of the env file rules show it beside their own.
bool env_file_note(const Example& e, const Diagnostic& d) { return e.file_name.ends_with(".env") && d.rule->meta().code == "ZKL705"; }

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += "\n  " + std::string(d.rule->meta().code) + " " + std::to_string(d.range.begin.line) + ":" +
           std::to_string(d.range.begin.column) + " " + d.message;
  }
  return out.empty() ? " (none)" : out;
}

}  // namespace

TEST_CASE("every rule's bad examples raise exactly that rule, and its good examples raise nothing") {
  for (const Rule* rule : RuleRegistry::instance().rules()) {
    const RuleMeta& m = rule->meta();
    for (const Example& bad : m.bad) {
      CAPTURE(m.code);
      CAPTURE(bad.text);
      const SingleFileResult r = lint_example(m, bad, std::string(bad.text));
      const bool raised = std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return d.rule == rule; });
      const bool only = std::all_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return d.rule == rule || env_file_note(bad, d); });
      CHECK_MESSAGE(raised, m.code << " bad example does not raise it; got:" << describe(r.diagnostics));
      CHECK_MESSAGE(only, m.code << " bad example raises other rules too:" << describe(r.diagnostics));

      if (!bad.fixed.empty()) {
        // A rule whose fix is unsafe shows the text with that fix applied.
        const bool unsafe = m.fix == FixSafety::unsafe;
        const FixResult fixed = apply_fixes(r.doc->source().bytes(), r.diagnostics, unsafe);
        CHECK_MESSAGE(fixed.text == std::string(bad.fixed), m.code << " --fix gives:\n" << fixed.text);
        const SingleFileResult again = lint_example(m, bad, fixed.text);
        CHECK_MESSAGE(again.diagnostics.empty(), m.code << " fixed example still raises:" << describe(again.diagnostics));
        CHECK_MESSAGE(apply_fixes(fixed.text, again.diagnostics, unsafe).text == fixed.text, m.code << " --fix is not idempotent");
      }
    }
    for (const Example& good : m.good) {
      CAPTURE(m.code);
      CAPTURE(good.text);
      const SingleFileResult r = lint_example(m, good, std::string(good.text));
      const bool clean = std::all_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return env_file_note(good, d); });
      CHECK_MESSAGE(clean, m.code << " good example raises:" << describe(r.diagnostics));
    }
  }
}

TEST_CASE("rule metadata: unique codes and names, complete docs and examples, one code block per family") {
  std::set<std::string_view> codes, names;
  std::map<std::string_view, char> block_of_family;
  std::map<char, std::string_view> family_of_block;
  for (const Rule* rule : RuleRegistry::instance().rules()) {
    const RuleMeta& m = rule->meta();
    CAPTURE(m.code);
    CHECK(codes.insert(m.code).second);
    CHECK(names.insert(m.name).second);
    REQUIRE(m.code.size() == 6);
    CHECK(m.code.substr(0, 3) == "ZKL");
    CHECK(std::all_of(m.code.begin() + 3, m.code.end(), [](char c) { return c >= '0' && c <= '9'; }));
    CHECK(!m.name.empty());
    CHECK(std::all_of(m.name.begin(), m.name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }));
    CHECK(m.name.front() != '-');
    CHECK(m.name.back() != '-');
    CHECK(!m.summary.empty());
    CHECK(m.summary.find('\n') == std::string_view::npos);
    CHECK_MESSAGE(m.doc.size() > 120, m.code << " needs a real doc: why it matters and what Kafka/ZooKeeper do");
    CHECK_MESSAGE(!m.bad.empty(), m.code << " needs a bad example");
    CHECK_MESSAGE(!m.good.empty(), m.code << " needs a good example");
    if (m.fix) {
      CHECK_MESSAGE(std::any_of(m.bad.begin(), m.bad.end(), [](const Example& e) { return !e.fixed.empty(); }),
                    m.code << " offers a fix, so a bad example must show the fixed text");
    }
    // The hundreds digit is the family's block: one block per family, one family per block.
    const char block = m.code[3];
    const auto [f, new_family] = block_of_family.emplace(rule->family(), block);
    CHECK_MESSAGE(f->second == block, m.code << " is outside the block of family " << rule->family());
    const auto [b, new_block] = family_of_block.emplace(block, rule->family());
    CHECK_MESSAGE(b->second == rule->family(), m.code << " uses the block of family " << b->second);
  }
}
