#include "zklint/lint/dump.hpp"

#include <algorithm>
#include <deque>
#include <string>

#include "deploy/compose.hpp"
#include "deploy/helm.hpp"
#include "json_writer.hpp"
#include "zklint/lint/input.hpp"
#include "zklint/grammar/messages.hpp"
#include "zklint/text.hpp"

namespace zklint {
namespace {

// Keys are written in sorted order, as a JSON object built from a std::map would list them.

const char* separator_name(Separator s) {
  switch (s) {
    case Separator::none: return "none";
    case Separator::equals: return "=";
    case Separator::colon: return ":";
    case Separator::blank: return "blank";
  }
  return "none";
}

// Decoded text as valid UTF-8 (see to_valid_utf8), converted only when it holds a surrogate.
class Utf8Texts {
 public:
  std::string_view operator()(std::string_view decoded) {
    if (decoded.find('\xED') == std::string_view::npos) return decoded;
    return converted_.emplace_back(to_valid_utf8(decoded));
  }

 private:
  std::deque<std::string> converted_;  // stable addresses
};

// "properties": what Properties holds, key by key. Java puts entries one by one, so when the load
// throws, the entries before the failing one are in the map. Two keys can become the same once
// made valid UTF-8; as in a map, the later entry wins.
void properties(JsonWriter& w, const Document& doc, std::size_t loaded) {
  Utf8Texts utf8;
  std::vector<std::pair<std::string_view, std::uint32_t>> keys;
  keys.reserve(loaded);
  for (std::size_t i = 0; i < loaded; ++i) keys.emplace_back(utf8(doc.entries()[i].key), static_cast<std::uint32_t>(i));
  std::sort(keys.begin(), keys.end());
  w.begin_object();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i + 1 < keys.size() && keys[i + 1].first == keys[i].first) continue;  // a later entry wins
    w.key(keys[i].first);
    w.value(utf8(doc.entries()[keys[i].second].value));
  }
  w.end_object();
}

void entries(JsonWriter& w, const Document& doc) {
  w.begin_array();
  for (const Entry& e : doc.entries()) {
    Utf8Texts utf8;
    w.begin_object();
    w.key("key");
    w.value(utf8(e.key));
    w.key("key_range");
    write_range(w, e.key_range, /*with_offsets=*/false);
    w.key("separator");
    w.value(separator_name(e.separator));
    w.key("value");
    w.value(utf8(e.value));
    w.key("value_range");
    write_range(w, e.value_range, /*with_offsets=*/false);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

void write_dump(const Document& doc, std::ostream& out, bool pretty) {
  JsonWriter w(out, pretty ? 2 : -1);
  w.begin_object();

  w.key("diagnostics");
  w.begin_array();
  for (const SyntaxIssue& issue : doc.syntax_issues()) {
    w.begin_object();
    w.key("message");
    w.value(grammar::message(issue.kind));
    w.key("range");
    write_range(w, issue.range, /*with_offsets=*/false);
    w.key("severity");
    w.value("error");
    w.end_object();
  }
  w.end_array();

  w.key("entries");
  entries(w, doc);

  w.key("file");
  w.value(doc.source().path());

  const auto failure = doc.load_failure_entry();
  w.key("load");
  w.begin_object();
  if (failure) {
    const SyntaxIssue& issue = doc.syntax_issues().front();
    w.key("error");
    w.value(grammar::java_exception(issue.kind));
    w.key("line");
    w.value(std::uint64_t{issue.range.begin.line});
  }
  w.key("ok");
  w.value(!failure.has_value());
  w.end_object();

  w.key("properties");
  properties(w, doc, failure ? *failure : doc.entries().size());

  w.end_object();
}

namespace {

void deployment_service(JsonWriter& w, const DeployedNode& node, const Document& doc) {
  w.begin_object();
  w.key("image");
  w.value(node.image);
  w.key("image_scripts");
  w.value(to_string(node.family));
  w.key("kind");
  w.value(to_string(node.kind));
  w.key("notes");
  w.begin_array();
  for (const ContainerFinding& f : node.findings) w.value(f.message);
  w.end_array();
  // As a Properties object would hold them: the last entry of a key wins, keys sorted.
  std::vector<std::pair<std::string_view, std::size_t>> keys;
  for (const Entry& e : doc.entries()) keys.emplace_back(e.key, e.index);
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.key("properties");
  w.begin_object();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i + 1 < keys.size() && keys[i + 1].first == keys[i].first) continue;
    const Entry& e = doc.entries()[keys[i].second];
    const SettingOrigin& origin = node.origins[e.index];
    w.key(to_valid_utf8(e.key));
    w.begin_object();
    w.key("from");
    if (origin.variable.empty()) w.null();
    else w.value(origin.variable);
    w.key("how");
    w.value(origin.how);
    w.key("range");
    write_range(w, e.value_range, /*with_offsets=*/false);
    w.key("value");
    w.value(to_valid_utf8(e.value));
    w.end_object();
  }
  w.end_object();
  w.key("service");
  w.value(node.service);
  w.end_object();
}

}  // namespace

bool write_deployment_dump(const SourceFile& source, const std::filesystem::path& directory, std::ostream& out, bool pretty) {
  deploy::ComposeLoad load = deploy::load_compose(source, directory, [](const std::filesystem::path& beside) -> std::optional<std::string> {
    ReadResult r = read_input(beside.string(), beside.string());
    if (!r.source) return std::nullopt;
    return std::string(r.source->bytes());
  }, true);
  if (!load.recognized) load = deploy::load_kubernetes_yaml(source);
  if (!load.recognized) return false;
  JsonWriter w(out, pretty ? 2 : -1);
  w.begin_object();
  w.key("diagnostics");
  w.begin_array();
  for (const FileFinding& f : load.model->findings) {
    if (f.kind != FileFinding::Kind::invalid_yaml) continue;
    w.begin_object();
    w.key("message");
    w.value(f.message);
    w.key("range");
    write_range(w, f.range, /*with_offsets=*/false);
    w.key("severity");
    w.value("error");
    w.end_object();
  }
  w.end_array();
  w.key("file");
  w.value(source.path());
  w.key("services");
  w.begin_array();
  for (const deploy::ServiceDocument& s : load.services) deployment_service(w, load.model->nodes[s.node], *s.doc);
  w.end_array();
  w.end_object();
  return true;
}

}  // namespace zklint
