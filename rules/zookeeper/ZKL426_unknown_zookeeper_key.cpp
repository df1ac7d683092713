// ZKL426 unknown-zookeeper-key: a key ZooKeeper does not read, often a typo or a case mistake.
#include "support/prose.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zookeeper_keys.hpp"
#include "zookeeper_releases.hpp"

ZKL_RULE(UnknownKey)

namespace zklint::rules {
namespace {

// Keys other rules speak about: server.N lines, hierarchical quorum keys (any key starting with
// "group" or "weight" is read as one), and `zookeeper.`-prefixed keys.
bool owned_elsewhere(std::string_view key) {
  return starts_with(key, "server.") || starts_with(key, "group") || starts_with(key, "weight") || starts_with(key, "zookeeper.");
}

// A key some release line reads, and the first line that does; keys that only work as JVM flags
// are jvm-flag-only-key's.
std::optional<ZooKeeperVersion> known_since(std::string_view key, ZooKeeperVersion judged) {
  if (const zookeeper_keys::Key* k = zookeeper_keys::find(key)) {
    if (k->handling == zookeeper_keys::Handling::jvm_flag_only || zookeeper_fact::reads_key(*k, judged)) return std::nullopt;
    return k->since;
  }
  if (const zookeeper_keys::Family* f = zookeeper_keys::family_of(key)) {
    if (zookeeper_fact::reads_key(*f, judged)) return std::nullopt;
    return f->since;
  }
  return std::nullopt;
}

const std::vector<std::string_view>& candidates() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const zookeeper_keys::Key& k : zookeeper_keys::all()) out.push_back(k.name);
    return out;
  }();
  return names;
}

// A close key by edit distance, else one under the same prefix whose last segment ends with this
// key's last segment (quorum.auth.learner.loginContext -> quorum.auth.learner.saslLoginContext).
std::optional<std::string_view> suggestion(std::string_view key) {
  if (auto near = closest_match(key, candidates())) return near;
  const std::size_t dot = key.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == key.size()) return std::nullopt;
  const std::string tail = to_lower(key.substr(dot + 1));
  for (const std::string_view c : candidates()) {
    if (c.size() <= dot + 1 || c.substr(0, dot + 1) != key.substr(0, dot + 1) || c.find('.', dot + 1) != std::string_view::npos) continue;
    if (ends_with(to_lower(c.substr(dot + 1)), tail)) return c;
  }
  return std::nullopt;
}

// Keys from old how-tos that ZooKeeper 3.8 does not read, with what to use instead.
std::string_view legacy_note(std::string_view key) {
  if (key == "requireClientAuthScheme") {
    return "an old Kerberos how-to suggests it, but ZooKeeper 3.8 does not read it; it requires client authentication with "
           "sessionRequireClientSASLAuth=true, or enforce.auth.enabled=true and enforce.auth.schemes=sasl";
  }
  if (key == "jaasLoginRenew" || key == "jaasLoginRefresh" || key == "jaasRealm" || key == "jaasServerName") {
    return "an old Kerberos how-to suggests it, but ZooKeeper 3.8 does not read it; the JAAS file passed with -Djava.security.auth.login.config "
           "configures the login";
  }
  return "";
}

}  // namespace

const RuleMeta& UnknownKey::meta() const {
  static const RuleMeta m{
      .code = "ZKL426",
      .name = "unknown-zookeeper-key",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A key ZooKeeper does not read: a typo, a wrong case, or a setting of another product",
      .doc = R"md(
ZooKeeper never rejects a key it does not know. Every key that `QuorumPeerConfig` does
not handle itself is turned into the JVM system property `zookeeper.<key>` and forgotten;
it only has an effect if some ZooKeeper class reads that property. A misspelled setting
therefore does nothing, silently, and the default stays in force.

Keys are **case-sensitive**: `ticktime`, `datadir`, `DataDir` and `clientport` are
unknown keys, and the server runs with the default `tickTime` (3000) or, for `dataDir`,
refuses to start because the real key is missing. The finding says which known key is
closest; for a case-only difference the fix renames the key.

zklint knows the keys `QuorumPeerConfig` parses and the `zookeeper.*` system properties
that ZooKeeper's own classes read, and from which release line on (3.5 to 3.9): a key that
a later line added, such as `observerMasterPort` or `metricsProvider.className` (3.6),
`enforceQuota` (3.7) or `oraclePath` (3.8), does nothing on an older line, and is reported
there (`QuorumPeerConfig.java` and the `zookeeper.*` constants at release-3.5.10, 3.6.4,
3.7.2 and 3.8.4). With `--zookeeper-version auto` such a key makes zklint guess a range
that starts at that line instead. Settings for plugins that read other properties can be
suppressed (`# zklint: disable-next-line unknown-zookeeper-key`).
)md",
      .bad = {{.text = "ticktime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n",
               .fixed = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeIntervall=24\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "enforceQuota=true\n",
               .zookeeper_version = "3.6"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "snapCount=100000\nauthProvider.sasl=org.apache.zookeeper.server.auth.SASLAuthenticationProvider\n"},
               {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "enforceQuota=true\n",
                .zookeeper_version = "3.7"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void UnknownKey::check(const LintContext& ctx, Reporter& out) const {
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.key_templated(e) || e.key.empty() || ctx.find(e.key) != &e || owned_elsewhere(e.key)) continue;
    if (zookeeper_keys::find(e.key) != nullptr || zookeeper_keys::family_of(e.key) != nullptr) {
      if (const auto since = known_since(e.key, ctx.zookeeper_version())) {
        out.report_key(e, quoted(std::string(e.key)) + " is read from ZooKeeper " + since->to_string() + " on: ZooKeeper " + ctx.zookeeper_version_text() +
                              " only turns it into the JVM property zookeeper." + std::string(e.key) + ", which none of its classes reads, so the setting has no effect")
            .help("remove it, or upgrade to ZooKeeper " + since->to_string() + " or later");
      }
      continue;
    }
    if (support::looks_like_prose(ctx, e)) continue;
    const std::string key(e.key);
    const std::optional<std::string_view> near = suggestion(e.key);
    if (near && iequals(*near, e.key)) {
      out.report_key(e, "unknown key " + quoted(key) + ": ZooKeeper keys are case-sensitive, and this is not " + quoted(*near) +
                            ", so it only becomes the JVM property zookeeper." + key + " and the setting has no effect")
          .suggest(std::string(*near))
          .fix("rename the key to " + std::string(*near), {{e.key_range.begin.offset, e.key_range.end.offset, std::string(*near)}});
      continue;
    }
    auto d = out.report_key(e, "unknown key " + quoted(key) + ": ZooKeeper only turns it into the JVM property zookeeper." + key +
                                   ", which no ZooKeeper class reads, so the setting has no effect");
    if (near) d.suggest(std::string(*near));
    if (const std::string_view note = legacy_note(e.key); !note.empty()) d.help(std::string(note));
  }
}

}  // namespace zklint::rules
