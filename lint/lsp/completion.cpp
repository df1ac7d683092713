// textDocument/completion: the keys of the file's kind and assumed Kafka version (keys a later
// release removes are marked deprecated, keys this one lacks are left out), and after the
// separator the values the key's validator accepts.
#include "features.hpp"
#include "kafka_catalog.hpp"
#include "zklint/lint/strings.hpp"
#include "zookeeper_keys.hpp"

namespace zklint::lsp {

namespace {

namespace catalog = kafka_catalog;

// CompletionItemKind Property 10, EnumMember 20; CompletionItemTag Deprecated 1.
constexpr int kind_property = 10, kind_enum_member = 20;

bool blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

json item(std::string label, int kind, std::string detail, const LintedView& view, std::uint32_t begin, std::uint32_t end) {
  json out = {{"label", label}, {"kind", kind}, {"textEdit", view.text_edit(begin, end, label)}};
  if (!detail.empty()) out["detail"] = std::move(detail);
  return out;
}

json kafka_keys(const LintedView& view, std::uint32_t begin, std::uint32_t end) {
  json items = json::array();
  const KafkaVersion line = catalog::nearest(view.file().profile.kafka_version);
  for (const catalog::KeySpec* spec : catalog::keys(line)) {
    std::string detail = std::string(catalog::to_string(spec->type)) + (spec->required ? ", required" : ", default " + std::string(spec->default_value));
    json i = item(std::string(spec->name), kind_property, detail, view, begin, end);
    const auto last = catalog::last_version_with(spec->name);
    if (last && *last < catalog::newest()) {
      const auto lines = catalog::versions();
      i["tags"] = {1};
      i["detail"] = detail + "; removed in Kafka " + std::upper_bound(lines.begin(), lines.end(), *last)->to_string();
    }
    items.push_back(std::move(i));
  }
  return items;
}

json zookeeper_keys(const LintedView& view, std::uint32_t begin, std::uint32_t end) {
  json items = json::array();
  for (const zookeeper_keys::Key& k : zookeeper_keys::all()) {
    if (k.handling == zookeeper_keys::Handling::jvm_flag_only) continue;  // no effect in zoo.cfg
    items.push_back(item(std::string(k.name), kind_property, k.default_value.empty() ? "" : "default " + std::string(k.default_value), view, begin, end));
  }
  return items;
}

// The values a Kafka key accepts: its validator's list, or true/false.
std::vector<std::string> kafka_values(const catalog::KeySpec& spec) {
  if (spec.type == catalog::Type::boolean) return {"true", "false"};
  if (spec.validator != catalog::Validator::one_of && spec.validator != catalog::Validator::one_of_any_case) return {};
  return {spec.allowed.begin(), spec.allowed.end()};
}

json value_items(const LintedView& view, const Entry& entry, std::uint32_t offset) {
  std::vector<std::string> values;
  bool list = false;
  const FileProfile& profile = view.file().profile;
  if (profile.kind == FileKind::kafka) {
    if (const catalog::KeySpec* spec = catalog::find(catalog::nearest(profile.kafka_version), entry.key)) {
      values = kafka_values(*spec);
      list = spec->type == catalog::Type::list;
    }
  } else if (profile.kind == FileKind::zookeeper) {
    const zookeeper_keys::Key* k = zookeeper_keys::find(entry.key);
    if (k != nullptr && k->type == zookeeper_keys::ValueType::bool_) values = {"true", "false"};
  }
  // The item being typed: the value, or in a list the item between the commas around the cursor.
  const std::string_view bytes = view.bytes();
  const std::uint32_t value_end = entry.value_range.end.offset;
  std::uint32_t begin = entry.value_range.begin.offset;
  for (std::uint32_t i = begin; list && i < offset; ++i) {
    if (bytes[i] == ',') begin = i + 1;
  }
  while (begin < offset && blank(bytes[begin])) ++begin;
  std::uint32_t end = std::max(begin, offset);
  while (end < value_end && !(list && bytes[end] == ',')) ++end;
  while (end > std::max(begin, offset) && blank(bytes[end - 1])) --end;
  json items = json::array();
  for (std::string& v : values) items.push_back(item(std::move(v), kind_enum_member, "", view, begin, end));
  return items;
}

}  // namespace

json completion(const LintedView& view, std::uint32_t offset) {
  const Document& doc = view.doc();
  const FileProfile& profile = view.file().profile;
  const LspPosition at = view.index().position(offset, view.encoding());
  const std::uint32_t line_start = view.index().line_start(at.line);
  for (const Entry& e : doc.entries()) {
    if (e.key_range.begin.offset > offset || offset > e.value_range.end.offset) continue;
    const bool after_separator = e.separator != Separator::none && offset >= e.value_range.begin.offset && offset > e.key_range.end.offset;
    if (after_separator) return {{"isIncomplete", false}, {"items", value_items(view, e, offset)}};
    if (e.key_range.begin.line - 1 != at.line) return {{"isIncomplete", false}, {"items", json::array()}};  // a continued value
    return {{"isIncomplete", false}, {"items", profile.kind == FileKind::zookeeper ? zookeeper_keys(view, e.key_range.begin.offset, e.key_range.end.offset)
                                                                                    : kafka_keys(view, e.key_range.begin.offset, e.key_range.end.offset)}};
  }
  // A blank line or a comment: keys, unless the cursor is inside a comment.
  std::uint32_t begin = line_start;
  while (begin < offset && blank(view.bytes()[begin])) ++begin;
  if (begin < offset && (view.bytes()[begin] == '#' || view.bytes()[begin] == '!')) return {{"isIncomplete", false}, {"items", json::array()}};
  if (profile.kind == FileKind::foreign) return {{"isIncomplete", false}, {"items", json::array()}};
  return {{"isIncomplete", false}, {"items", profile.kind == FileKind::zookeeper ? zookeeper_keys(view, begin, offset) : kafka_keys(view, begin, offset)}};
}

}  // namespace zklint::lsp
