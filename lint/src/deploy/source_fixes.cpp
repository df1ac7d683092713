#include "source_fixes.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "compose.hpp"
#include "interpolation.hpp"
#include "zklint/yaml.hpp"

namespace zklint::deploy {

namespace {

/// A .properties fix's replacement means the same in YAML or an env file only without what
/// .properties decodes (`\` escapes, line breaks) and without compose interpolation (`$`).
bool plain_replacement(std::string_view replacement) { return replacement.find_first_of("\\\r\n$") == std::string_view::npos; }

std::string with_edits(std::string_view text, std::vector<TextEdit> edits, std::uint32_t shift) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin > b.begin; });
  std::string out(text);
  for (const TextEdit& e : edits) out.replace(e.begin - shift, e.end - e.begin, e.replacement);
  return out;
}

// --- YAML: the tree after the edits is the tree before, but for the edited scalars -----------------

struct EditedScalar {
  std::vector<TextEdit> edits;
  std::string expected;
  bool reached = false;
};

/// Every scalar of the tree with source bytes [begin, end] around `edit`, where those bytes are its text.
const yaml::Node* scalar_around(const yaml::Node* node, const TextEdit& edit, std::size_t& budget) {
  if (node == nullptr || budget == 0) return nullptr;
  --budget;
  if (node->is_scalar()) {
    return node->verbatim && node->begin <= edit.begin && edit.end <= node->end ? node : nullptr;
  }
  for (const yaml::Node* item : node->items) {
    if (const yaml::Node* found = scalar_around(item, edit, budget)) return found;
  }
  for (const auto& [key, value] : node->pairs) {
    if (const yaml::Node* found = scalar_around(key, edit, budget)) return found;
    if (const yaml::Node* found = scalar_around(value, edit, budget)) return found;
  }
  return nullptr;
}

/// The two trees agree node for node; an edited scalar is reached once (not through an alias, which
/// would carry the edit somewhere else too) and reads as expected.
bool same_but_edited(const yaml::Node* before, const yaml::Node* after, std::map<const yaml::Node*, EditedScalar>& edited, std::size_t& budget) {
  if (before == nullptr || after == nullptr) return before == after;
  if (budget == 0) return false;
  --budget;
  if (before->kind != after->kind || before->style != after->style) return false;
  if (before->is_scalar()) {
    const auto it = edited.find(before);
    if (it == edited.end()) return before->text == after->text;
    if (it->second.reached) return false;
    it->second.reached = true;
    return after->text == it->second.expected;
  }
  if (before->items.size() != after->items.size() || before->pairs.size() != after->pairs.size()) return false;
  for (std::size_t i = 0; i < before->items.size(); ++i) {
    if (!same_but_edited(before->items[i], after->items[i], edited, budget)) return false;
  }
  for (std::size_t i = 0; i < before->pairs.size(); ++i) {
    if (!same_but_edited(before->pairs[i].first, after->pairs[i].first, edited, budget)) return false;
    if (!same_but_edited(before->pairs[i].second, after->pairs[i].second, edited, budget)) return false;
  }
  return true;
}

/// `before` is `source` parsed: each fix of a file is tried against one parse of it.
bool yaml_edits_hold(const SourceFile& source, const yaml::Tree& before, const std::vector<TextEdit>& edits) {
  if (before.failed() || !before.issues().empty()) return false;
  // Walks are bounded like the parse: aliases make a tree larger than its file.
  constexpr std::size_t walk_budget = 1'000'000;
  std::map<const yaml::Node*, EditedScalar> edited;
  for (const TextEdit& edit : edits) {
    const yaml::Node* scalar = nullptr;
    for (const yaml::Node* document : before.documents()) {
      std::size_t budget = walk_budget;
      if ((scalar = scalar_around(document, edit, budget)) != nullptr) break;
    }
    if (scalar == nullptr || scalar->text.find('$') != std::string::npos) return false;
    edited[scalar].edits.push_back(edit);
  }
  for (auto& [scalar, e] : edited) e.expected = with_edits(scalar->text, e.edits, scalar->begin);
  const yaml::Tree after = yaml::parse(SourceFile(source.path(), with_edits(source.bytes(), edits, 0)));
  if (after.failed() || !after.issues().empty() || after.documents().size() != before.documents().size()) return false;
  std::size_t budget = walk_budget;
  for (std::size_t d = 0; d < before.documents().size(); ++d) {
    if (!same_but_edited(before.documents()[d], after.documents()[d], edited, budget)) return false;
  }
  return std::all_of(edited.begin(), edited.end(), [](const auto& e) { return e.second.reached; });
}

// --- env files: the lines after the edits are the lines before, but for the edited values -----------

std::vector<EnvLine> env_lines(std::string_view text, EnvFileSyntax syntax, std::size_t& errors) {
  if (syntax == EnvFileSyntax::compose) return parse_env_file(text);
  std::vector<EnvFileError> found;
  std::vector<EnvLine> lines = parse_docker_env_file(text, found);
  errors = found.size();
  return lines;
}

bool env_edits_hold(const SourceFile& source, const std::vector<TextEdit>& edits) {
  const EnvFileSyntax syntax = env_file_syntax(source.path());
  std::size_t errors_before = 0, errors_after = 0;
  const std::vector<EnvLine> before = env_lines(source.bytes(), syntax, errors_before);
  const std::string fixed = with_edits(source.bytes(), edits, 0);
  const std::vector<EnvLine> after = env_lines(fixed, syntax, errors_after);
  if (before.size() != after.size() || errors_before != errors_after) return false;
  std::size_t edits_placed = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    const EnvLine& line = before[i];
    std::vector<TextEdit> mine;
    for (const TextEdit& e : edits) {
      if (line.has_value && line.value_offset <= e.begin && e.end <= line.value_end) mine.push_back(e);
    }
    if (after[i].name != line.name || after[i].has_value != line.has_value) return false;
    if (mine.empty()) {
      if (after[i].value != line.value) return false;
      continue;
    }
    const std::string_view written = source.bytes().substr(line.value_offset, line.value_end - line.value_offset);
    if (written != line.value || written.find('$') != std::string_view::npos) return false;  // quoted, escaped or interpolated
    if (after[i].value != with_edits(written, mine, line.value_offset)) return false;
    edits_placed += mine.size();
  }
  return edits_placed == edits.size();
}

/// The value bytes of `entry` hold source bytes [begin, end) as they are written: they lie in one
/// run of the value's position map that copies the source byte for byte.
bool in_verbatim_value(const Entry& entry, std::string_view source, const TextEdit& edit) {
  struct Run {
    std::uint32_t decoded, source, length;
  };
  std::vector<Run> runs;
  if (entry.value_map.identity()) {
    runs.push_back({0, entry.value_map.source_begin(0), static_cast<std::uint32_t>(entry.value.size())});
  } else {
    for (const MapPiece& p : entry.value_map.pieces()) {
      if (!p.verbatim()) continue;
      if (!runs.empty() && runs.back().decoded + runs.back().length == p.decoded && runs.back().source + runs.back().length == p.source) {
        runs.back().length += p.decoded_length;
      } else {
        runs.push_back({p.decoded, p.source, p.decoded_length});
      }
    }
  }
  return std::any_of(runs.begin(), runs.end(), [&](const Run& r) {
    return r.source <= edit.begin && edit.end <= r.source + r.length && r.source + r.length <= source.size() &&
           source.substr(r.source, r.length) == entry.value.substr(r.decoded, r.length);
  });
}

/// An edit .properties and the file's syntax read alike: inside a value written as it is read, and
/// no blanks put where .properties drops them (edits_keep_syntax refuses what .properties decodes).
bool edit_in_written_value(const Document& doc, const TextEdit& edit) {
  const std::string_view bytes = doc.source().bytes();
  return std::any_of(doc.entries().begin(), doc.entries().end(), [&](const Entry& e) {
    if (e.value_range.begin.offset > edit.begin || edit.end > e.value_range.end.offset) return false;
    const bool leading_blank = edit.begin == e.value_range.begin.offset && !edit.replacement.empty() &&
                               (edit.replacement.front() == ' ' || edit.replacement.front() == '\t' || edit.replacement.front() == '\f');
    return !leading_blank && in_verbatim_value(e, bytes, edit);
  });
}

/// The edits are well formed and hold nothing .properties decodes; the file's syntax judges the rest.
bool edits_keep_syntax(const SourceFile& source, const std::vector<TextEdit>& edits, std::optional<yaml::Tree>& parsed) {
  if (edits.empty()) return false;
  for (const TextEdit& e : edits) {
    if (e.end < e.begin || e.end > source.bytes().size() || !plain_replacement(e.replacement)) return false;
  }
  if (is_env_file_name(source.path())) return env_edits_hold(source, edits);
  if (!parsed) parsed = yaml::parse(source);
  return yaml_edits_hold(source, *parsed, edits);
}

}  // namespace

bool edits_keep_syntax(const SourceFile& source, const std::vector<TextEdit>& edits) {
  std::optional<yaml::Tree> parsed;
  return edits_keep_syntax(source, edits, parsed);
}

void keep_fixes_true_to_source(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  std::optional<yaml::Tree> parsed;  // the file's YAML, parsed for its first fix only
  for (Diagnostic& d : diagnostics) {
    if (!d.fix) continue;
    const std::vector<TextEdit>& edits = d.fix->edits;
    const bool holds = std::all_of(edits.begin(), edits.end(), [&](const TextEdit& e) { return edit_in_written_value(doc, e); }) &&
                       edits_keep_syntax(doc.source(), edits, parsed);
    if (!holds) d.fix.reset();
  }
}

}  // namespace zklint::deploy
