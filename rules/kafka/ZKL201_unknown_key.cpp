// ZKL201 unknown-key: a key the broker does not define, which Kafka silently ignores.
#include <algorithm>

#include "support/kafka_model.hpp"
#include "support/kafka_settings.hpp"
#include "support/prose.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaUnknownKey)

namespace zklint::rules {
namespace {

std::optional<std::string_view> did_you_mean(KafkaVersion version, std::string_view key) {
  const auto candidates = support::kafka::spelling_candidates(version);
  if (const auto close = closest_match(key, std::vector<std::string_view>(candidates.begin(), candidates.end()))) return close;
  // An old name that is a dotted prefix of a current one: socket.send.buffer -> socket.send.buffer.bytes.
  for (const std::string_view c : candidates) {
    if (c.size() > key.size() + 1 && starts_with(c, key) && c[key.size()] == '.' && c.find('.', key.size() + 1) == std::string_view::npos) return c;
  }
  return std::nullopt;
}

// The listeners a `listener.name.<l>.` prefix can refer to, upper-cased: `listeners` and the
// controller listener names. Empty when they are not all known.
std::vector<std::string> prefix_targets(const support::KafkaModel& model) {
  std::vector<std::string> names;
  if (!model.listeners().all_parsed() || !model.controller_listener_names() || model.template_structure()) return names;
  for (const auto& l : model.listeners().listeners) names.push_back(l.name);
  for (const std::string& c : *model.controller_listener_names()) names.push_back(grammar::listeners::normalised(c));
  return names;
}

}  // namespace

const RuleMeta& KafkaUnknownKey::meta() const {
  static const RuleMeta m{
      .code = "ZKL201",
      .name = "unknown-key",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A key the Kafka broker does not define: Kafka silently ignores it (typos included)",
      .doc = R"md(
A broker reads only the settings it defines and **never reports the others**: no broker
code path logs unused or misspelled keys (checked 2.0 to 4.2). `advertised.isteners=...`
or `delete.topic.enble=true` start without a word, and the broker runs with the defaults.
At startup you would see nothing at all; later, clients get the wrong address or topics
cannot be deleted.

The key is checked against the catalog of the assumed Kafka version, case-sensitively, with
a "did you mean" from the closest broker key (the comparison ignores case, since keys are
case-sensitive and `Broker.Id` is a common slip). Not reported:

- `listener.name.<listener>.<broker key>` and `listener.name.<listener>.<mechanism>.<broker key>`
  (per-listener overrides, such as `...ssl.keystore.location` or `...plain.sasl.jaas.config`).
  An override whose remainder is not a broker key is reported, and so is one whose listener
  segment has capitals (Kafka looks for the lower-case name) or names no listener;
- settings of plug-ins Kafka hands all settings to: the ACL authorizers (`super.users`,
  `allow.everyone.if.no.acl.found`, `authorizer.zookeeper.*`), metrics reporters
  (`kafka.<name>.metrics.*`, `<name>.metrics.reporter.*`, such as Cruise Control's) and
  the remote storage managers (`rsm.config.*`, `rlmm.config.*` or the prefixes configured);
- vendor settings such as `confluent.*` (see `vendor-keys`);
- settings of other Kafka versions (see `removed-key`; a key only newer releases define is
  reported here, with the release that adds it).

If the key is read by a plug-in of your own, suppress the finding with a reason.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "advertised.isteners=PLAINTEXT://kafka1.example.com:9092\n",
               .kafka_version = "3.9"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "listener.name.plaintext.ssl.keystore.locaton=/etc/kafka/keystore.jks\n",
               .kafka_version = "3.9"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "listener.name.PLAINTEXT.ssl.keystore.location=/etc/kafka/keystore.jks\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "listener.name.plaintext.ssl.keystore.location=/etc/kafka/keystore.jks\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "advertised.listeners=PLAINTEXT://kafka1.example.com:9092\nsuper.users=User:admin\n"
                        "listener.name.plaintext.ssl.keystore.location=/etc/kafka/keystore.jks\n",
                .kafka_version = "3.9"}},
      .fix = FixSafety::unsafe,
  };
  return m;
}

void KafkaUnknownKey::check(const LintContext& ctx, Reporter& out) const {
  const auto& settings = ctx.model<support::KafkaSettings>();
  const auto& model = ctx.model<support::KafkaModel>();
  const KafkaVersion version = ctx.kafka_version();
  const std::vector<std::string> targets = prefix_targets(model);
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.key_templated(e) || e.key.empty() || ctx.find(e.key) != &e || support::looks_like_prose(ctx, e)) continue;
    // In a template, a dotless key is a piece of a line the template code splits
    // (`username="{{ user }}" \` inside a {% for %} of a JAAS value, the second line of a long
    // {% if %} tag), not a setting: broker settings have dots, except `port` and `listeners`
    // (so a close misspelling of those is still reported).
    if (model.template_structure() && e.key.find('.') == std::string_view::npos && !did_you_mean(version, e.key)) continue;
    const support::kafka::KeyInfo info = settings.classify(e.key);
    const std::string v = version.to_string();
    if (info.kind == support::kafka::KeyKind::not_yet) {
      out.report_key(e, quoted(e.key) + " is not a Kafka " + v + " setting: Kafka " + info.release + " adds it, and a " + v +
                            " broker silently ignores it")
          .help("if the brokers run Kafka " + info.release + " or later, pass --kafka-version or set \"kafka-version\" in .zklint.json");
      continue;
    }
    if (info.kind == support::kafka::KeyKind::listener_override) {
      const std::string prefix = "listener.name." + std::string(info.listener) + ".";
      if (info.unknown_inner) {
        const auto inner_begin = static_cast<std::uint32_t>(prefix.size());
        auto d = out.report(e.key_source_range(ctx.source(), inner_begin, static_cast<std::uint32_t>(e.key.size())),
                            quoted(info.inner_key) + " after " + quoted(prefix) + " is not a Kafka " + v + " setting, so the override is silently ignored");
        if (const auto close = did_you_mean(version, info.inner_key)) {
          d.suggest(prefix + std::string(*close)).fix("rename to " + prefix + std::string(*close),
                                                      {{e.key_range.begin.offset, e.key_range.end.offset, prefix + std::string(*close)}}, FixSafety::unsafe);
        }
        continue;
      }
      const auto segment = e.key_source_range(ctx.source(), 14, static_cast<std::uint32_t>(14 + info.listener.size()));  // after "listener.name."
      const std::string lower = to_lower(info.listener);
      if (lower != info.listener) {
        const std::string fixed = "listener.name." + lower + "." + std::string(info.inner_key);
        out.report(segment, "Kafka looks for listener overrides under the lower-case listener name (" + quoted("listener.name." + lower + ".") +
                                "), so it ignores " + quoted(e.key))
            .suggest(fixed)
            .fix("lower-case the listener name", {{e.key_range.begin.offset, e.key_range.end.offset, fixed}}, FixSafety::safe);
        continue;
      }
      const std::string upper = grammar::listeners::normalised(info.listener);
      if (!targets.empty() && std::find(targets.begin(), targets.end(), upper) == targets.end()) {
        std::string known;
        for (const std::string& t : targets) known += (known.empty() ? "" : ", ") + t;
        out.report(segment, "no listener is named " + upper + " (listeners and controller.listener.names have " + known + "), so Kafka never reads " +
                                quoted(e.key));
      }
      continue;
    }
    if (info.kind != support::kafka::KeyKind::unknown) continue;
    std::string message = info.hint.empty()
                              ? "unknown key " + quoted(e.key) + ": Kafka " + v + " has no such broker setting and silently ignores the line"
                              : quoted(e.key) + " is " + std::string(info.hint) + "; a broker silently ignores it";
    const auto close = info.hint.empty() ? did_you_mean(version, e.key) : std::nullopt;
    if (close && iequals(*close, e.key)) message += " (keys are case-sensitive)";
    auto d = out.report_key(e, std::move(message));
    if (close) {
      d.suggest(std::string(*close)).fix("rename to " + std::string(*close), {{e.key_range.begin.offset, e.key_range.end.offset, std::string(*close)}},
                                                       FixSafety::unsafe);
    } else if (ends_with(e.key, ".sasl.jaas.config")) {
      d.help("a broker reads JAAS settings only per listener: listener.name.<listener>." + std::string(e.key));
    } else if (support::wrapped_in_quotes(java_trim(e.value))) {
      d.help("the quotes would be part of the value too: .properties values have no quoting");
    }
  }
}

}  // namespace zklint::rules
