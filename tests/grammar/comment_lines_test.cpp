// Where the comments of YAML and env files are, for zklint's directives. YAML's verdicts are checked
// against the YAML parser itself: blanking a comment found here never changes the parsed tree, and
// blanking a '#' line that is not one does.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "zklint/grammar/comment_lines.hpp"
#include "zklint/yaml.hpp"

using namespace zklint;

namespace {

std::vector<std::string> texts(const std::vector<grammar::CommentSpan>& comments, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& c : comments) out.emplace_back(text.substr(c.begin, c.end - c.begin));
  return out;
}

// Every scalar of every document, in order, with the shape around it.
void flatten(const yaml::Node* n, std::string& out) {
  if (n == nullptr) {
    out += "~";
    return;
  }
  switch (n->kind) {
    case yaml::NodeKind::null: out += "~"; break;
    case yaml::NodeKind::scalar: out += "'" + n->text + "'"; break;
    case yaml::NodeKind::sequence:
      out += "[";
      for (const yaml::Node* item : n->items) flatten(item, out), out += ",";
      out += "]";
      break;
    case yaml::NodeKind::mapping:
      out += "{";
      for (const auto& [k, v] : n->pairs) flatten(k, out), out += ":", flatten(v, out), out += ",";
      out += "}";
      break;
  }
}

std::string parsed(const std::string& text) {
  const yaml::Tree tree = yaml::parse(SourceFile("c.yaml", text));
  REQUIRE_FALSE(tree.failed());
  std::string out;
  for (const yaml::Node* d : tree.documents()) flatten(d, out), out += "\n---\n";
  return out;
}

// Without the bytes [begin, end): blanks instead would be content in a block scalar.
std::string blanked(std::string text, std::size_t begin, std::size_t end) { return text.erase(begin, end - begin); }

// The oracle: what yaml_comments calls a comment is one to YAML, and a '#' line it skips is not.
void check_against_parser(const std::string& text) {
  const std::string tree = parsed(text);
  const auto comments = grammar::yaml_comments(text);
  for (const auto& c : comments) CHECK_MESSAGE(parsed(blanked(text, c.begin, c.end)) == tree, text.substr(c.begin, c.end - c.begin));
  for (std::size_t line = 0; line < text.size(); line = text.find('\n', line) + 1) {
    const std::size_t hash = text.find_first_not_of(' ', line);
    if (hash >= text.size() || text[hash] != '#') continue;
    const std::size_t end = std::min(text.find('\n', hash), text.size());
    const bool found = std::any_of(comments.begin(), comments.end(), [&](const auto& c) { return c.begin == hash; });
    if (!found) CHECK_MESSAGE(parsed(blanked(text, hash, end)) != tree, text.substr(hash, end - hash));
    if (text.find('\n', line) == std::string::npos) break;
  }
}

}  // namespace

TEST_CASE("yaml comments: own lines and after values, never inside a word or a quoted scalar") {
  const std::string text =
      "# head\n"
      "services:  # after a key\n"
      "  kafka:\n"
      "    image: apache/kafka:3.9.0#not-a-comment\n"
      "    environment:\n"
      "      # zklint: disable-next-line ZKL223\n"
      "      KAFKA_LOG_DIRS: /tmp/kafka # trailing\n"
      "      A: \"x # y\"\n"
      "      B: 'it''s # z'\n"
      "      C: \"two\n"
      "        # inside the quotes\n"
      "        lines\"\n";
  const auto comments = grammar::yaml_comments(text);
  CHECK(texts(comments, text) == std::vector<std::string>{"# head", "# after a key", "# zklint: disable-next-line ZKL223", "# trailing"});
  REQUIRE(comments.size() == 4);
  CHECK(comments[0].own_line);
  CHECK_FALSE(comments[1].own_line);
  CHECK(comments[2].own_line);
  CHECK_FALSE(comments[3].own_line);
  check_against_parser(text);
}

TEST_CASE("yaml comments: a '#' line inside a block scalar is content, and the block ends where its indentation does") {
  const std::string text =
      "extraConfig: |  # header comment\n"
      "  # a properties comment, content of the scalar\n"
      "  log.retention.hours=168\n"
      "\n"
      "  # still content after an empty line\n"
      "# a comment again\n"
      "folded: >-\n"
      "    text\n"
      "  # less indented than the content: a comment\n"
      "indicated: |2\n"
      "     # deeper than the indicator says: content\n"
      "  # at the indicated indentation: content\n"
      "list:\n"
      "  - |\n"
      "    # content of an item's block\n"
      "  # back at the item's indentation: a comment\n"
      "  - a|b # a word with a bar, then a comment\n";
  CHECK(texts(grammar::yaml_comments(text), text) ==
        std::vector<std::string>{"# header comment", "# a comment again", "# less indented than the content: a comment",
                                 "# back at the item's indentation: a comment", "# a word with a bar, then a comment"});
  check_against_parser(text);
}

TEST_CASE("yaml comments: unterminated scalars and odd bytes end the scan, never the program") {
  for (const std::string& text : {std::string("a: \"open\n# x\n"), std::string("a: |"), std::string("a: |\n"), std::string("#"), std::string("\r\n#x\r\n"),
                                 std::string("a: '\n"), std::string(1, '\0') + "#x", std::string("a: |9\n         # x\n")}) {
    const auto comments = grammar::yaml_comments(text);
    for (const auto& c : comments) {
      CHECK(c.begin < c.end);
      CHECK(c.end <= text.size());
      CHECK(text[c.begin] == '#');
    }
  }
  CHECK(texts(grammar::yaml_comments("\r\n#x\r\n"), "\r\n#x\r\n") == std::vector<std::string>{"#x"});
}

TEST_CASE("env file comments: whole lines whose first non-blank is '#', as docker reads them") {
  const std::string text = "# head\n  \t# indented\nKAFKA_A=x # part of the value\nKAFKA_B=\"# quoted\"\n#\n";
  const auto comments = grammar::env_file_comments(text);
  CHECK(texts(comments, text) == std::vector<std::string>{"# head", "# indented", "#"});
  for (const auto& c : comments) CHECK(c.own_line);
}

TEST_CASE("yaml comments: the repository's own compose files and manifests agree with the parser") {
  std::size_t files = 0;
  for (const char* dir : {"examples", "rules", "tests/fuzz"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(ZKLINT_SOURCE_DIR) / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (yaml::parse(SourceFile("c.yaml", text)).failed()) continue;  // a fixture of broken YAML
      CAPTURE(entry.path().string());
      check_against_parser(text);
      ++files;
    }
  }
  CHECK(files >= 10);
}
