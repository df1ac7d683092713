// Fixture bases: a fixture that starts from a config that already works names it in a header,
//
//   #! base: zk-broker
//
// and the harness lints rules/fixture-bases/zk-broker.* with the fixture appended: the base's
// settings come first, except those the fixture sets itself (the fixture's value is the one that
// counts, and no duplicate key appears). A new rule that fires on a base means editing one file,
// not every fixture. Lines of the fixture keep their numbers: the harness subtracts the base's.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "zklint/parse.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::testing {

inline std::string read_file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The text a fixture is linted as.
struct ComposedFixture {
  std::string text;              ///< the base's settings, then the fixture
  std::uint32_t base_lines = 0;  ///< lines before the fixture's first line
  std::size_t base_bytes = 0;    ///< bytes before the fixture's first byte
  std::string error;             ///< an unknown base
};

/// The name in the fixture's `#! base: NAME` header, or "".
inline std::string fixture_base_name(std::string_view text) {
  std::istringstream lines{std::string(text)};
  std::string line;
  while (std::getline(lines, line)) {
    const std::string_view t = java_trim(line);
    if (!starts_with(t, "#!")) continue;
    std::istringstream words{std::string(t.substr(2))};
    std::string word, name;
    words >> word >> name;
    if (word == "base:") return name;
  }
  return "";
}

/// rules/fixture-bases/NAME.properties or NAME.cfg.
inline std::filesystem::path fixture_base_file(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(ZKLINT_SOURCE_DIR) / "rules" / "fixture-bases";
  for (const char* ext : {".properties", ".cfg"}) {
    if (std::filesystem::exists(dir / (name + ext))) return dir / (name + ext);
  }
  return {};
}

inline ComposedFixture compose_fixture(const std::string& text) {
  ComposedFixture out;
  const std::string name = fixture_base_name(text);
  if (name.empty()) {
    out.text = text;
    return out;
  }
  const std::filesystem::path base_path = fixture_base_file(name);
  if (base_path.empty()) {
    out.error = "no fixture base '" + name + "' in rules/fixture-bases/";
    out.text = text;
    return out;
  }
  const Document fixture = parse(SourceFile("fixture", text));
  const std::string base_text = read_file_text(base_path);
  const Document base = parse(SourceFile(base_path.filename().string(), base_text));
  for (const Entry& e : base.entries()) {
    if (fixture.find(e.key) != nullptr) continue;
    const std::uint32_t begin = e.key_range.begin.offset - (e.key_range.begin.column - 1);
    std::size_t end = base_text.find('\n', e.value_range.end.offset);
    end = end == std::string::npos ? base_text.size() : end + 1;
    out.text.append(base_text, begin, end - begin);
    if (out.text.back() != '\n') out.text += '\n';
    out.base_lines += 1 + (e.last_line - e.key_range.begin.line);
  }
  out.base_bytes = out.text.size();
  out.text += text;
  return out;
}

}  // namespace zklint::testing
