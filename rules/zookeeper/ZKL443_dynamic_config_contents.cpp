// ZKL443 dynamic-config-contents: what ZooKeeper refuses in the file dynamicConfigFile names.
#include "support/zookeeper_model.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/grammar/quorum_server_messages.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(DynamicConfigContents)

namespace zklint::rules {

namespace qs = grammar::quorum_server;

const RuleMeta& DynamicConfigContents::meta() const {
  static const RuleMeta m{
      .code = "ZKL443",
      .name = "dynamic-config-contents",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "the file dynamicConfigFile names holds something ZooKeeper refuses to start with",
      .doc = R"md(
With `dynamicConfigFile`, ZooKeeper (3.5+) reads the ensemble from that second file at
startup, after zoo.cfg (`QuorumPeerConfig.parse`, @release-3.5.1 to @release-3.9.5). When
the file sits beside the zoo.cfg that names it (same directory, same file name), zklint
reads it too and reports here, at `dynamicConfigFile`, what makes ZooKeeper refuse to start:

- a `version` line: `dynamic file shouldn't have version inside` (the version is the hex
  suffix of the file name, `zoo.cfg.dynamic.100000000`; ZooKeeper writes the file without it);
- any key other than `server.N`, `group.N` and `weight.N`, such as a `clientPort` moved
  there by hand: `Unrecognised parameter: clientPort` (`parseDynamicConfig`);
- a `server.N` line that cannot be read: an id that is not a number, or a value that
  `QuorumServer` rejects (see malformed-server-spec; the same rules apply here);
- members that cannot form the ensemble zoo.cfg asks for: no participant with
  `standaloneEnabled=false`, observers without participants, observers beside a single
  participant in standalone mode (`Observers w/o quorum is an invalid configuration`);
- a distributed ensemble (more than one participant, or `standaloneEnabled=false`) while
  zoo.cfg lacks `initLimit` or `syncLimit` (`initLimit is not set`).

Weighted groups (`group.N`, `weight.N`) belong in the dynamic file too; what ZooKeeper refuses
in them (a voter in no group, a server in two groups, a weight that is not a number, ...) is
reported by hierarchical-quorum (ZKL437), at the same place.

Every verdict is checked against the real `QuorumPeerConfig` of ZooKeeper 3.8 (the
conformance suite copies the file beside each case). zklint cannot know whether the
deployment really puts the file at the path written: when no file of that name is beside
zoo.cfg, nothing is reported. A file of that name that zklint cannot read (binary content,
larger than 1 GiB, a directory, no permission) gets an info finding saying so, since its
members went unchecked. Lint the dynamic file itself for per-line detail.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nreconfigEnabled=true\n"
                       "dynamicConfigFile=/etc/zookeeper/zoo.cfg.dynamic.100000000\n",
               .beside = "server.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2181\nserver.3=zk3:2888:3888;2181\nclientPort=2181\n",
               .beside_name = "zoo.cfg.dynamic.100000000"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nreconfigEnabled=true\n"
                        "dynamicConfigFile=/etc/zookeeper/zoo.cfg.dynamic.100000000\n",
                .beside = "server.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2181\nserver.3=zk3:2888:3888;2181\n",
                .beside_name = "zoo.cfg.dynamic.100000000"}},
  };
  return m;
}

namespace {

// Where a finding inside the dynamic file points: its line, shown as a related location.
void point_at(DiagnosticBuilder& d, const LintContext& dynamic, const Entry& e, const std::string& what) {
  d.related(dynamic.source().path(), e.key_range, what);
}

// The keys parse refuses before it reads any member.
bool report_keys(const Entry& named, const LintContext& dynamic, Reporter& out) {
  bool refused = false;
  const std::string file = dynamic.source().path();
  for (const Entry& e : dynamic.doc().entries()) {
    if (dynamic.key_templated(e) || dynamic.find(e.key) != &e) continue;
    const std::string_view key = java_trim(e.key);
    std::string message;
    // parse looks the version up by its exact key; parseDynamicConfig compares trimmed keys.
    if (e.key == "version") {
      message = file + " has a version line: ZooKeeper refuses to start (dynamic file shouldn't have version inside); the version is "
                       "the hex suffix of the file name";
    } else if (key != "version" && !starts_with(key, "server.") && !starts_with(key, "group") && !starts_with(key, "weight")) {
      message = file + " sets " + quoted(key) + ", which belongs in zoo.cfg: ZooKeeper refuses to start (Unrecognised parameter: " +
                std::string(key) + ")";
    } else {
      continue;
    }
    auto d = support::report_trimmed_value(out, named, message);
    point_at(d, dynamic, e, "set here");
    refused = true;
  }
  return refused;
}

// server.N lines QuorumMaj cannot read: a non-numeric id, or a value QuorumServer rejects.
bool report_servers(const Entry& named, const LintContext& dynamic, const support::ZookeeperModel& members, Reporter& out) {
  bool refused = false;
  const std::string file = dynamic.source().path();
  for (const support::ZkServer& s : members.servers) {
    if (s.templated) continue;
    // The value as QuorumServer reads it, blanks at the end included (the model leaves those to
    // trailing-whitespace in zoo.cfg).
    const qs::ServerSpec spec = qs::parse(s.entry->value);
    std::string why;
    if (!s.id) {
      why = "its id is not a number";
    } else if (!spec.ok()) {
      why = std::string(qs::message(spec.problems.front().kind)) + " (" + std::string(qs::java_exception(spec.problems.front().kind)) + ")";
    } else {
      continue;
    }
    auto d = support::report_trimmed_value(out, named, file + ": " + std::string(s.entry->key) + " cannot be read, " + why + ": ZooKeeper refuses to start");
    point_at(d, dynamic, *s.entry, "this server line");
    refused = true;
  }
  return refused;
}

// The members against zoo.cfg's standaloneEnabled, initLimit and syncLimit
// (QuorumPeerConfig.parseDynamicConfig and checkValidity @release-3.8.4).
void report_ensemble(const Entry& named, const LintContext& dynamic, const support::ZookeeperModel& zk, const support::ZookeeperModel& members,
                     Reporter& out) {
  // The same with weighted groups: parseDynamicConfig counts the participants of the
  // QuorumHierarchical just as those of a QuorumMaj (what the groups themselves must satisfy is
  // hierarchical-quorum's, reported at the same place).
  if (!zk.standalone_enabled) return;
  const bool standalone = *zk.standalone_enabled;
  const std::size_t voters = members.voters(), observers = members.observers();
  const std::string file = dynamic.source().path();
  std::string problem;
  if (voters == 0 && !standalone) {
    problem = "it has no participant, and zoo.cfg sets standaloneEnabled=false (standaloneEnabled = false then number of participants should be >0)";
  } else if (voters == 0 && observers > 0) {
    problem = "it lists observers but no participant (Observers w/o participants is an invalid configuration)";
  } else if (voters == 1 && standalone && observers > 0) {
    problem = "it lists observers beside a single participant, which runs standalone (Observers w/o quorum is an invalid configuration)";
  } else if (voters > 1 || (voters == 1 && !standalone)) {
    for (const support::ZkNumber* limit : {&zk.init_limit, &zk.sync_limit}) {
      if (limit->templated || !limit->value || *limit->value != 0) continue;
      const std::string key(limit->key);
      problem = "its members form a distributed ensemble, and zoo.cfg " + (limit->is_set() ? "sets " + key + "=0" : "does not set " + key) + " (" +
                key + " is not set)";
      break;
    }
  }
  if (problem.empty()) return;
  auto d = support::report_trimmed_value(out, named, file + ": " + problem + ": ZooKeeper refuses to start");
  if (!members.servers.empty()) point_at(d, dynamic, *members.servers.front().entry, "the members");
}

}  // namespace

void DynamicConfigContents::check(const LintContext& ctx, Reporter& out) const {
  const LintContext* dynamic = ctx.dynamic_config();
  const Entry* named = ctx.find("dynamicConfigFile");
  if (named == nullptr) return;
  if (dynamic == nullptr) {
    if (!ctx.dynamic_config_unreadable().empty()) {
      support::report_trimmed_value(out, *named, "the file beside it that dynamicConfigFile names was not checked: " + ctx.dynamic_config_unreadable())
          .severity(Severity::info);
    }
    return;
  }
  const auto& members = dynamic->model<support::ZookeeperModel>();
  // ZooKeeper stops at the first problem; keys are checked before any member is read.
  if (report_keys(*named, *dynamic, out) || members.template_structure) return;
  if (report_servers(*named, *dynamic, members, out)) return;
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.template_structure) return;
  report_ensemble(*named, *dynamic, zk, members, out);
}

}  // namespace zklint::rules
