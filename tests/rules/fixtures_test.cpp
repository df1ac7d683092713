// Directory-driven fixtures: every rules/<family>/fixtures/*.properties, *.cfg, *.env and deployment
// (*.yml, *.yaml) file is linted
// with every rule, and its diagnostics must match the expectations written in it, clang-tidy
// style, on a comment line right above the offending line:
//
//   #! expect ZKL101 error @19-36 "separated by a space"
//   zookeeper.connect=zk1:2181 zk2:2181
//
// `#! expect CODE` takes the next line that is not a `#!` line; `#! expect-file CODE` matches
// anywhere. Optional parts: a severity, @column or @column-endcolumn, and a message substring.
// Headers: `#! kind: kafka|zookeeper|unknown`, `#! kafka-version: 3.9`, `#! zookeeper-version: 3.5`,
// `#! companion: NAME`
// (a file in fixtures/companions/ paired for cross-file checks), `#! base: NAME` (settings from
// rules/fixture-bases/, see fixture_base.hpp). Every diagnostic must be expected and every
// expectation met; a diagnostic inside the base only by an `expect-file`. A sibling NAME.fixed
// holds the file after --fix (without the base). Other siblings named after the fixture
// (NAME.dynamic.100000000) are given as the files beside it, as the ZooKeeper conformance suite
// gives them: the one its dynamicConfigFile names is read with it.
//
// A folder under fixtures/ (other than companions/) is a cluster fixture: its files are linted
// together by run_lint, the production pipeline, as the cluster of that directory (a .zklint.json
// in the folder may declare `clusters`), and each file's diagnostics must match its own
// expectations. Cross-node rules keep a bad cluster and its fixed twin (NAME and NAME-fixed). A
// docker-compose file is a cluster by itself (its services), so its folder may hold it alone.
//
// Each fixture is a doctest subcase named FAMILY/FILE (`zklint_tests -sc='kafka/advertised*'`),
// and each family a CTest test (`ctest -R fixtures.kafka`).

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "zklint/lint/engine.hpp"
#include "zklint/lint/fixer.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

#include "fixture_base.hpp"

using namespace zklint;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) { return testing::read_file_text(p); }

struct Expectation {
  std::string code;
  std::uint32_t line = 0;  // 0: anywhere in the file
  std::string severity;
  std::uint32_t column = 0, end_column = 0;
  std::string substring;
  std::string source;  // the annotation, for messages
  bool met = false;
};

struct Fixture {
  SingleFileOptions options;
  std::vector<Expectation> expectations;
  std::string header_error;
};

Fixture read_fixture(const fs::path& path, const std::string& text) {
  Fixture f;
  f.options.file_name = path.filename().string();
  std::vector<Expectation> pending;
  std::uint32_t line_no = 0;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string_view trimmed = java_trim(line);
    if (!starts_with(trimmed, "#!")) {
      for (Expectation& e : pending) e.line = line_no;
      f.expectations.insert(f.expectations.end(), pending.begin(), pending.end());
      pending.clear();
      continue;
    }
    std::istringstream words{std::string(trimmed.substr(2))};
    std::string word;
    words >> word;
    if (word == "kind:") {
      words >> word;
      f.options.kind = parse_file_kind(word);
    } else if (word == "kafka-version:") {
      words >> word;
      f.options.kafka_version = KafkaVersion::parse(word);
    } else if (word == "zookeeper-version:") {
      words >> word;
      f.options.zookeeper_version = ZooKeeperVersion::parse(word);
    } else if (word == "companion:") {
      words >> word;
      f.options.cluster.push_back({word, read(path.parent_path() / "companions" / word)});
    } else if (word == "base:") {
      // read by compose_fixture
    } else if (word == "expect" || word == "expect-file") {
      Expectation e;
      e.source = std::string(trimmed);
      const bool anywhere = word == "expect-file";
      words >> e.code;
      std::string rest;
      std::getline(words, rest);
      std::string_view r = java_trim(rest);
      while (!r.empty()) {
        if (r.front() == '"') {
          const std::size_t close = r.find('"', 1);
          e.substring = std::string(r.substr(1, close - 1));
          r = close == std::string_view::npos ? std::string_view{} : java_trim(r.substr(close + 1));
          continue;
        }
        const std::size_t space = r.find(' ');
        const std::string_view token = r.substr(0, space);
        r = space == std::string_view::npos ? std::string_view{} : java_trim(r.substr(space));
        if (token == "error" || token == "warning" || token == "info") {
          e.severity = std::string(token);
        } else if (token.front() == '@') {
          const std::string t(token.substr(1));
          const std::size_t dash = t.find('-');
          e.column = static_cast<std::uint32_t>(std::stoul(t.substr(0, dash)));
          if (dash != std::string::npos) e.end_column = static_cast<std::uint32_t>(std::stoul(t.substr(dash + 1)));
        } else {
          f.header_error = "cannot read annotation: " + std::string(trimmed);
        }
      }
      if (anywhere) f.expectations.push_back(e);
      else pending.push_back(e);
    } else {
      f.header_error = "unknown fixture annotation: " + std::string(trimmed);
    }
  }
  return f;
}

bool matches(const Expectation& e, const Diagnostic& d) {
  return e.code == d.rule->meta().code && (e.line == 0 || e.line == d.range.begin.line) &&
         (e.severity.empty() || e.severity == to_string(d.severity)) && (e.column == 0 || e.column == d.range.begin.column) &&
         (e.end_column == 0 || e.end_column == d.range.end.column) &&
         (e.substring.empty() || d.message.find(e.substring) != std::string::npos);
}

bool fixture_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".properties" || ext == ".cfg" || ext == ".yml" || ext == ".yaml" || ext == ".env";
}

std::vector<fs::path> fixture_files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& f : fs::directory_iterator(dir)) {
    if (f.is_regular_file() && fixture_name(f.path())) out.push_back(f.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Single-file fixtures, and cluster fixture folders, of every family.
struct FixtureSet {
  std::vector<fs::path> files;
  std::vector<fs::path> clusters;
};

FixtureSet all_fixtures() {
  FixtureSet out;
  for (const auto& family : fs::directory_iterator(fs::path(ZKLINT_SOURCE_DIR) / "rules")) {
    const fs::path dir = family.path() / "fixtures";
    if (!fs::is_directory(dir)) continue;
    for (const fs::path& f : fixture_files_in(dir)) out.files.push_back(f);
    for (const auto& sub : fs::directory_iterator(dir)) {
      if (sub.is_directory() && sub.path().filename() != "companions") out.clusters.push_back(sub.path());
    }
  }
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.clusters.begin(), out.clusters.end());
  return out;
}

// The diagnostic as the fixture file sees it: lines counted from the fixture's own first line.
// A diagnostic inside the base gets line 0, which only an `expect-file` matches.
Diagnostic in_fixture_lines(Diagnostic d, std::uint32_t base_lines) {
  const std::uint32_t line = d.range.begin.line;
  d.range.begin.line = line > base_lines ? line - base_lines : 0;
  d.range.end.line = d.range.end.line > base_lines ? d.range.end.line - base_lines : 0;
  return d;
}

// Every diagnostic of one linted file must be expected, and every expectation met.
void check_diagnostics(Fixture& fixture, const testing::ComposedFixture& composed, const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& original : diagnostics) {
    const Diagnostic d = in_fixture_lines(original, composed.base_lines);
    const auto it = std::find_if(fixture.expectations.begin(), fixture.expectations.end(),
                                 [&](const Expectation& e) { return !e.met && (d.range.begin.line != 0 || e.line == 0) && matches(e, d); });
    if (it != fixture.expectations.end()) {
      it->met = true;
      continue;
    }
    const std::string where = d.range.begin.line == 0 ? "in the base, line " + std::to_string(original.range.begin.line)
                                                      : std::to_string(d.range.begin.line);
    FAIL_CHECK("unexpected " << d.rule->meta().code << " " << to_string(d.severity) << " at " << where << ":" << d.range.begin.column
                             << "-" << d.range.end.column << ": " << d.message);
  }
  for (const Expectation& e : fixture.expectations) {
    CHECK_MESSAGE(e.met, "expected but not reported (line " << e.line << "): " << e.source);
  }
}

// NAME.*, other than NAME.fixed, in the fixture's folder.
std::vector<SingleFileOptions::ClusterFile> beside(const fs::path& fixture) {
  std::vector<SingleFileOptions::ClusterFile> out;
  const std::string prefix = fixture.filename().string() + ".";
  for (const auto& f : fs::directory_iterator(fixture.parent_path())) {
    const std::string name = f.path().filename().string();
    if (f.is_regular_file() && starts_with(name, prefix) && name != prefix + "fixed") out.push_back({name, read(f.path())});
  }
  return out;
}

void check_fixture(const fs::path& path) {
  const std::string text = read(path);
  Fixture fixture = read_fixture(path, text);
  fixture.options.beside = beside(path);
  CHECK_MESSAGE(fixture.header_error.empty(), fixture.header_error);
  const testing::ComposedFixture composed = testing::compose_fixture(text);
  CHECK_MESSAGE(composed.error.empty(), composed.error);
  const SingleFileResult result = lint_text(composed.text, fixture.options);
  check_diagnostics(fixture, composed, result.diagnostics);
  const fs::path fixed = path.string() + ".fixed";
  if (fs::exists(fixed)) {
    const FixResult after = apply_fixes(composed.text, result.diagnostics, false);
    const std::string_view base(composed.text.data(), composed.base_bytes);
    REQUIRE_MESSAGE(starts_with(after.text, base), "--fix edited the base:\n" << after.text);
    CHECK_MESSAGE(after.text.substr(base.size()) == read(fixed), "--fix gives:\n" << after.text.substr(base.size()));
  }
}

// A cluster fixture: the folder's files, each composed with its base, linted by run_lint as one
// directory. `#! kafka-version` (`#! zookeeper-version`) applies to the whole run (the first file that gives one).
// Findings name the other files of the cluster as a user running `zklint .` there sees them.
struct InDirectory {
  fs::path saved = fs::current_path();
  explicit InDirectory(const fs::path& dir) { fs::current_path(dir); }
  ~InDirectory() { fs::current_path(saved); }
  InDirectory(const InDirectory&) = delete;
  InDirectory& operator=(const InDirectory&) = delete;
};

void check_cluster_fixture(const fs::path& dir) {
  const InDirectory in_fixture(dir);
  RunOptions options;
  options.paths = {"."};
  options.jobs = 1;
  std::map<std::string, std::pair<Fixture, testing::ComposedFixture>> by_path;
  bool compose = false;
  for (const fs::path& path : fixture_files_in(dir)) {
    compose = compose || path.extension() == ".yml" || path.extension() == ".yaml";
    const std::string text = read(path);
    Fixture fixture = read_fixture(path, text);
    CHECK_MESSAGE(fixture.header_error.empty(), path.filename().string() << ": " << fixture.header_error);
    CHECK_MESSAGE(fixture.options.cluster.empty(), path.filename().string() << ": a cluster fixture's members are its folder's files, not companions");
    if (!options.kafka_version && fixture.options.kafka_version) options.kafka_version = fixture.options.kafka_version;
    if (!options.zookeeper_version && fixture.options.zookeeper_version) options.zookeeper_version = fixture.options.zookeeper_version;
    testing::ComposedFixture composed = testing::compose_fixture(text);
    CHECK_MESSAGE(composed.error.empty(), composed.error);
    options.contents[content_key(path)] = composed.text;
    by_path.emplace(content_key(path), std::make_pair(std::move(fixture), std::move(composed)));
  }
  REQUIRE_MESSAGE((by_path.size() >= 2 || compose), "a cluster fixture needs at least two files, or a compose file (its services): " << dir);
  const RunResult result = run_lint(options);
  CHECK_MESSAGE(result.config_errors.empty(), (result.config_errors.empty() ? "" : result.config_errors.front()));
  std::size_t linted = 0;
  for (const FileResult& f : result.files) {
    CHECK_MESSAGE(!f.not_linted, f.path << ": " << f.not_linted.value_or(""));
    const auto it = by_path.find(content_key(f.location));
    if (it == by_path.end()) continue;
    ++linted;
    INFO("in " << f.path);
    check_diagnostics(it->second.first, it->second.second, f.diagnostics);
  }
  CHECK_MESSAGE(linted == by_path.size(), "linted " << linted << " of the " << by_path.size() << " files of " << dir);
}
}  // namespace

std::string subcase_name(const fs::path& path) { return path.parent_path().parent_path().filename().string() + "/" + path.filename().string(); }

TEST_CASE("rule fixtures: every diagnostic is expected next to its line, and every expectation is met") {
  const FixtureSet fixtures = all_fixtures();
  CHECK(!fixtures.files.empty());
  CHECK(!fixtures.clusters.empty());
  for (const fs::path& path : fixtures.files) {
    SUBCASE(subcase_name(path).c_str()) { check_fixture(path); }
  }
  for (const fs::path& dir : fixtures.clusters) {
    SUBCASE((subcase_name(dir) + "/").c_str()) { check_cluster_fixture(dir); }
  }
}
