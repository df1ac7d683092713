// textDocument/hover: what a key is, from the catalog of the assumed Kafka version or from
// ZooKeeper's key table, and how Kafka reads the hosts of zookeeper.connect and
// controller.quorum.voters (the grammar's own parse, with the release's client line).
#include "features.hpp"
#include "kafka_catalog.hpp"
#include "support/kafka_keys.hpp"
#include "support/kraft_node.hpp"
#include "support/zookeeper_connect.hpp"
#include "zklint/grammar/connect_string_messages.hpp"
#include "zklint/grammar/quorum_voters_messages.hpp"
#include "zklint/lint/profile.hpp"
#include "zookeeper_keys.hpp"

namespace zklint::lsp {

namespace {

namespace catalog = kafka_catalog;
namespace zk_keys = zookeeper_keys;

// The entry whose key or value holds `offset` (its ends included, where a cursor stands after a word).
const Entry* entry_at(const Document& doc, std::uint32_t offset) {
  for (const Entry& e : doc.entries()) {
    if (e.key_range.begin.offset <= offset && offset <= e.value_range.end.offset) return &e;
  }
  return nullptr;
}

std::string code(std::string_view text) { return "`" + std::string(text) + "`"; }

// "since Kafka 2.0 or earlier, removed in Kafka 4.0", from the catalog lines that define the key.
std::string release_span(std::string_view key) {
  const auto first = catalog::first_version_with(key), last = catalog::last_version_with(key);
  if (!first || !last) return {};
  const auto lines = catalog::versions();
  std::string text = *first == lines.front() ? "since Kafka " + first->to_string() + " or earlier" : "added in Kafka " + first->to_string();
  if (*last < catalog::newest()) return text + ", removed in Kafka " + std::upper_bound(lines.begin(), lines.end(), *last)->to_string();
  return text + ", still in Kafka " + catalog::newest().to_string() + " (the newest release zklint knows)";
}

std::string spec_facts(const catalog::KeySpec& spec) {
  std::string text = "- type: " + code(catalog::to_string(spec.type)) + "\n";
  text += spec.required ? std::string("- no default: Kafka refuses to start without it\n") : "- default: " + code(spec.default_value) + "\n";
  if (!spec.valid_values.empty()) text += "- valid values: " + code(spec.valid_values) + "\n";
  text += "- importance: " + std::string(spec.importance) + "\n";
  if (!spec.update_mode.empty()) text += "- update mode: " + std::string(spec.update_mode) + "\n";
  return text;
}

// The hover of each class of the file's release lines that `describe` describes alike, newest
// first. `describe(line, name)` describes release line `line`, naming it `name`: a placeholder,
// replaced by the lines of the class ("Kafka 2.0\u20132.8"). One class for a chosen version.
template <typename Describe>
std::string per_release_class(const FileProfile& profile, Describe describe) {
  std::vector<KafkaVersion> lines = profile.kafka_versions;
  if (lines.empty()) lines = {profile.kafka_version};
  std::vector<std::pair<std::string, std::vector<KafkaVersion>>> classes;
  for (const KafkaVersion line : lines) {
    std::string text = describe(line, std::string(kafka_version_placeholder));
    const auto same = std::find_if(classes.begin(), classes.end(), [&](const auto& c) { return c.first == text; });
    if (same != classes.end()) same->second.push_back(line);
    else classes.push_back({std::move(text), {line}});
  }
  std::string out;
  for (auto c = classes.rbegin(); c != classes.rend(); ++c) {
    std::string text = std::move(c->first);
    const std::string name = describe_kafka_versions(c->second);
    for (std::size_t at = text.find(kafka_version_placeholder); at != std::string::npos; at = text.find(kafka_version_placeholder, at + name.size())) {
      text.replace(at, kafka_version_placeholder.size(), name);
    }
    out += (out.empty() ? "" : "\n---\n\n") + text;
  }
  return out;
}

// What `key` is to release line `line` (named `name` in the text), with the facts of its spec.
std::string kafka_key_facts(KafkaVersion line, const std::string& name, std::string_view key) {
  const support::kafka::KeyInfo info = support::kafka::classify_key(line, key);
  const std::string kafka = "Kafka " + name;
  std::string text;
  const catalog::KeySpec* spec = info.spec;
  switch (info.kind) {
    case support::kafka::KeyKind::broker: text += kafka + " broker setting\n\n"; break;
    case support::kafka::KeyKind::listener_override:
      text += kafka + " setting " + code(info.inner_key) + " for the listener " + code(info.listener) + "\n\n";
      break;
    case support::kafka::KeyKind::plugin: return "read by a plug-in, not by the broker itself\n";
    case support::kafka::KeyKind::vendor: return "a vendor setting that Apache Kafka does not define\n";
    case support::kafka::KeyKind::removed:
      text += "removed in Kafka " + info.release + ", so " + kafka + " ignores it";
      if (!info.replacement.empty()) text += "; use " + code(info.replacement);
      text += "\n\n";
      if (const auto last = catalog::last_version_with(key)) spec = catalog::find(*last, key);
      break;
    case support::kafka::KeyKind::not_yet: return "added in Kafka " + info.release + ", so " + kafka + " ignores it\n";
    case support::kafka::KeyKind::unknown:
      text += "not a " + kafka + " setting: the broker ignores it\n";
      if (!info.hint.empty()) text += "\n" + std::string(info.hint) + "\n";
      return text;
  }
  if (spec != nullptr) text += spec_facts(*spec);
  if (const std::string span = release_span(spec != nullptr ? spec->name : key); !span.empty()) text += "- " + span + "\n";
  return text;
}

std::string kafka_key_hover(const FileProfile& profile, std::string_view key) {
  const bool range = profile.kafka_versions.size() > 1;
  const std::string assumed = std::string(range ? "assumed versions: Kafka " : "assumed version: Kafka ") +
                              describe_kafka_versions(profile.kafka_versions.empty() ? std::vector<KafkaVersion>{profile.kafka_version} : profile.kafka_versions) +
                              " (" + profile.kafka_version_reason + ")\n";
  const std::string facts = per_release_class(profile, [&](KafkaVersion line, const std::string& name) { return kafka_key_facts(line, name, key); });
  return "**" + code(key) + "** \u00b7 " + facts + "\n" + assumed;
}

std::string_view zookeeper_type(zk_keys::ValueType type) {
  switch (type) {
    case zk_keys::ValueType::int_: return "int";
    case zk_keys::ValueType::long_: return "long";
    case zk_keys::ValueType::bool_: return "boolean (true or false, any case)";
    case zk_keys::ValueType::decoded_int: return "int (Integer.decode; junk means the default)";
    case zk_keys::ValueType::text: return "string";
    case zk_keys::ValueType::path: return "path";
    case zk_keys::ValueType::host: return "host name or address";
    case zk_keys::ValueType::hex_long: return "hexadecimal long";
    case zk_keys::ValueType::choice: return "one of a fixed set of words";
    case zk_keys::ValueType::class_name: return "class name";
  }
  return "string";
}

std::string_view zookeeper_handling(zk_keys::Handling handling) {
  switch (handling) {
    case zk_keys::Handling::parsed: return "read by the server's config parser (QuorumPeerConfig)";
    case zk_keys::Handling::system_property: return "passed on as the Java system property `zookeeper.<key>`";
    case zk_keys::Handling::jvm_flag_only: return "copied to `zookeeper.<key>`, which nothing reads: only the JVM flag has an effect";
  }
  return "";
}

std::string zookeeper_key_hover(std::string_view key) {
  std::string text = "**" + code(key) + "** ";
  if (const zk_keys::Key* k = zk_keys::find(key)) {
    text += "· ZooKeeper server setting\n\n- type: " + std::string(zookeeper_type(k->type)) + "\n";
    if (!k->default_value.empty()) text += "- default: " + code(k->default_value) + "\n";
    return text + "- " + std::string(zookeeper_handling(k->handling)) + "\n";
  }
  if (zk_keys::is_family_key(key)) return text + "· ZooKeeper server setting (a numbered family: server.N, group.N, weight.N)\n";
  if (const zk_keys::Family* f = zk_keys::family_of(key)) {
    return text + "· ZooKeeper server setting of the " + code(f->prefix) + " family\n\n- " + std::string(zookeeper_handling(f->handling)) + "\n";
  }
  return text + "· not a ZooKeeper server setting: ZooKeeper ignores it\n";
}

std::string connect_hover(const LintContext& ctx, const Entry& entry) {
  const auto& settings = ctx.model<support::ZooKeeperClientSettings>();
  const auto parsed = grammar::connect_string::parse(entry.value, settings.client_line());
  std::string text = "**" + code("zookeeper.connect") + "** as the ZooKeeper " + std::string(settings.client_version()) +
                     " client of Kafka " + ctx.kafka_version_text() + " reads it\n\n";
  for (const auto& host : parsed.entries) {
    if (host.dropped) continue;
    if (host.error != grammar::connect_string::EntryError::none) {
      text += "- " + code(host.element.of(entry.value)) + ": " + std::string(grammar::connect_string::message(host.error)) + "\n";
      continue;
    }
    const std::string_view name = host.host.of(entry.value);
    text += "- host " + code(name.empty() ? "(loopback)" : name) + ", port " + std::to_string(host.port) +
            (host.port_form == grammar::connect_string::PortForm::given ? "" : " (the default)") + "\n";
  }
  const std::string_view chroot = parsed.chroot_path(entry.value);
  text += chroot.empty() ? std::string("- no chroot\n") : "- chroot " + code(chroot) + "\n";
  return text;
}

std::string voters_hover(const LintContext& ctx, const Entry& entry) {
  namespace quorum = grammar::quorum;
  const auto& node = ctx.model<support::KraftNode>();
  std::string text = "**" + code("controller.quorum.voters") + "** as Kafka " + ctx.kafka_version_text() + " reads it\n\n";
  for (const quorum::Voter& v : quorum::parse_voters(entry.value, node.address_syntax())) {
    if (!v.ok()) {
      const std::string why(v.error == quorum::VoterError::bad_address ? quorum::message(v.address.error) : quorum::message(v.error));
      text += "- " + code(v.entry.of(entry.value)) + ": " + why + "\n";
      continue;
    }
    text += "- voter id " + std::to_string(*v.id) + ": host " + code(v.address.host.of(entry.value)) + ", port " + std::to_string(*v.address.port) + "\n";
  }
  return text;
}

}  // namespace

json hover(const LintedView& view, std::uint32_t offset) {
  const Entry* entry = entry_at(view.doc(), offset);
  if (entry == nullptr) return nullptr;
  const FileProfile& profile = view.file().profile;
  const bool on_value = entry->separator != Separator::none && offset >= entry->value_range.begin.offset;
  std::string text;
  Range range = entry->key_range;
  const bool hosts_value = on_value && (entry->key == "controller.quorum.voters" || entry->key == "zookeeper.connect");
  // Only while every release in question defines the key: Kafka 4.x has no ZooKeeper client to read it.
  const auto defines_key = [&](KafkaVersion line) { return catalog::find(catalog::nearest(line), entry->key) != nullptr; };
  if (profile.kind == FileKind::kafka && hosts_value && defines_key(profile.kafka_version) &&
      std::all_of(profile.kafka_versions.begin(), profile.kafka_versions.end(), defines_key)) {
    const LintContext ctx(view.doc(), profile);
    text = per_release_class(profile, [&](KafkaVersion line, const std::string& name) {
      const auto judged = ctx.judged_as(line, name);
      return entry->key == "zookeeper.connect" ? connect_hover(*judged, *entry) : voters_hover(*judged, *entry);
    });
    range = entry->value_range;
  } else if (profile.kind == FileKind::kafka) {
    text = kafka_key_hover(profile, entry->key);
  } else if (profile.kind == FileKind::zookeeper) {
    text = zookeeper_key_hover(entry->key);
  } else {
    return nullptr;
  }
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", view.range(range)}};
}

}  // namespace zklint::lsp
