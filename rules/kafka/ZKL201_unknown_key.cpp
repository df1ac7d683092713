// ZKL201 unknown-key: a key the broker does not define, which Kafka silently ignores.
#include <algorithm>

#include "support/kafka_model.hpp"
#include "support/kafka_settings.hpp"
#include "support/prose.hpp"
#include "support/source_text.hpp"
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

}  // namespace

const RuleMeta& KafkaUnknownKey::meta() const {
  static const RuleMeta m{
      .code = "ZKL201",
      .name = "unknown-key",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A key the Kafka broker does not read: a typo or a key of another scope (warning), or a key only a plug-in may read (info)",
      .doc = R"md(
A broker reads only the settings it defines and **never reports the others**: no broker
code path logs unused or misspelled keys (checked 2.0 to 4.2). `advertised.isteners=...`
or `delete.topic.enble=true` start without a word, and the broker runs with the defaults.
At startup you would see nothing at all; later, clients get the wrong address or topics
cannot be deleted. But Kafka also hands every setting to its plug-ins (authorizer, metrics
reporters, quota callbacks, config providers), which read keys of their own. So:

- a key **close to a broker key** is a typo: a **warning**, with "did you mean" (the
  comparison ignores case, since keys are case-sensitive and `Broker.Id` is a common slip);
- a key of **another scope** is a **warning** naming what the broker uses instead: client
  settings (`security.protocol`), topic configs (`retention.ms`: the broker-wide default is
  `log.retention.ms`, `LogConfig.java @3.9.0`), and dynamic broker configs that Kafka reads
  only when set with `kafka-configs` (`leader.replication.throttled.rate`,
  `ConfigHandler.scala @3.9.0`);
- a key under the namespace of a **plug-in the file configures** is silent:
  `cruise.control.metrics.*` with Cruise Control's reporter in `metric.reporters`,
  `strimzi.authorization.*` with Strimzi's Keycloak authorizer, `opa.authorizer.*` with the
  OPA authorizer, `client.quota.callback.static.*` with Strimzi's quota callback, and the
  `remote.log.*.impl.prefix` namespaces of the remote storage managers;
- **any other unknown key** gets an **info** note: it is not a broker setting, and a plug-in
  may read it.

Never reported, because Kafka or its built-in plug-ins read them:

- `listener.name.<listener>.<broker key>` and `listener.name.<listener>.<mechanism>.<broker key>`
  (per-listener overrides, such as `...ssl.keystore.location` or `...plain.sasl.jaas.config`).
  Kafka looks them up with `ListenerName.configPrefix`, the lower-cased listener name, and
  `AbstractConfig.valuesWithPrefixOverride` compares case-sensitively (`@3.9.0`, `@4.2.0`):
  an override whose listener segment has capitals or names no listener is **never read**, and
  reported here as a warning (its value is not checked, since it cannot stop the broker); so
  is one whose remainder is not a broker key;
- `config.providers` and `config.providers.<name>.class` / `.param.*` (KIP-421): the
  `AbstractConfig` constructor reads them from Kafka 2.3 (`AbstractConfig.java @2.3.0`),
  although the broker's table lists `config.providers` only from 4.2;
- settings of the ACL authorizers (`super.users`, `allow.everyone.if.no.acl.found`,
  `authorizer.zookeeper.*`), of metrics reporters under their own prefix
  (`kafka.<name>.metrics.*`, `<name>.metrics.reporter.*`) and of the remote storage managers
  (`rsm.config.*`, `rlmm.config.*`);
- vendor settings such as `confluent.*` (see `vendor-keys`);
- settings of other Kafka versions (see `removed-key`; a key only newer releases define is
  reported here, with the release that adds it).
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
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.key_templated(e) || e.key.empty() || ctx.find(e.key) != &e || support::looks_like_prose(ctx, e)) continue;
    if (e.key_range.begin.offset == 0 && starts_with(ctx.source().bytes(), support::utf8_bom)) continue;  // utf8-text reports the byte order mark
    // In a template, a dotless key is a piece of a line the template code splits
    // (`username="{{ user }}" \` inside a {% for %} of a JAAS value, the second line of a long
    // {% if %} tag), not a setting: broker settings have dots, except `port` and `listeners`
    // (so a close misspelling of those is still reported).
    if (model.template_structure() && e.key.find('.') == std::string_view::npos && !did_you_mean(version, e.key)) continue;
    const support::kafka::KeyInfo info = settings.classify(e.key);
    const std::string& v = ctx.kafka_version_text();
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
      switch (settings.override_reach(info)) {
        case support::KafkaSettings::OverrideReach::read:
          break;
        case support::KafkaSettings::OverrideReach::upper_case: {
          const std::string lower = to_lower(info.listener);
          const std::string fixed = "listener.name." + lower + "." + std::string(info.inner_key);
          out.report(segment, "Kafka looks for listener overrides under the lower-case listener name (" + quoted("listener.name." + lower + ".") +
                                  "), so it never reads " + quoted(e.key) + " and the listener uses the broker-wide value")
              .suggest(fixed)
              .fix("lower-case the listener name (Kafka then reads the override)", {{e.key_range.begin.offset, e.key_range.end.offset, fixed}}, FixSafety::unsafe);
          break;
        }
        case support::KafkaSettings::OverrideReach::no_such_listener: {
          std::string known;
          for (const std::string& t : settings.listener_names()) known += (known.empty() ? "" : ", ") + t;
          out.report(segment, "no listener is named " + grammar::listeners::normalised(info.listener) + " (listeners and controller.listener.names have " +
                                  known + "), so Kafka never reads " + quoted(e.key));
          break;
        }
      }
      continue;
    }
    if (info.kind != support::kafka::KeyKind::unknown) continue;
    if (!info.hint.empty()) {
      auto d = out.report_key(e, quoted(e.key) + " is " + std::string(info.hint) + "; a broker silently ignores it");
      if (!info.replacement.empty()) d.suggest(std::string(info.replacement));
      continue;
    }
    if (ends_with(e.key, ".sasl.jaas.config")) {
      // <mechanism>.sasl.jaas.config is looked up only after listener.name.<listener>. (JaasContext.loadServerContext).
      out.report_key(e, quoted(e.key) + " is a per-listener JAAS setting without its listener prefix; a broker silently ignores it")
          .help("a broker reads JAAS settings only per listener: listener.name.<listener>." + std::string(e.key));
      continue;
    }
    const auto close = did_you_mean(version, e.key);
    if (!close) {
      // Kafka hands every setting to its plug-ins, so a key it does not define may be one's.
      out.report_key(e, quoted(e.key) + " is not a Kafka " + v + " broker setting; a plug-in may read it, otherwise Kafka ignores it")
          .severity(Severity::info)
          .help(support::wrapped_in_quotes(java_trim(e.value)) ? "the quotes would be part of the value too: .properties values have no quoting"
                                                                : "if a plug-in of yours reads it, suppress this note with a reason");
      continue;
    }
    std::string message = "unknown key " + quoted(e.key) + ": Kafka " + v + " has no such broker setting and silently ignores the line";
    if (iequals(*close, e.key)) message += " (keys are case-sensitive)";
    out.report_key(e, std::move(message))
        .suggest(std::string(*close))
        .fix("rename to " + std::string(*close), {{e.key_range.begin.offset, e.key_range.end.offset, std::string(*close)}}, FixSafety::unsafe);
  }
}

}  // namespace zklint::rules
