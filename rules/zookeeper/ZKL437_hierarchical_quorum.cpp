// ZKL437 hierarchical-quorum: group.N / weight.N lines ZooKeeper cannot use.
#include <map>
#include <set>

#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(HierarchicalQuorum)

namespace zklint::rules {
namespace {

struct Item {
  std::uint32_t begin, end;
  std::optional<std::int64_t> id;
};

// Java's value.split(":"): trailing empty items dropped (all of them when there was a ':').
std::vector<Item> split_ids(std::string_view value) {
  std::vector<Item> items;
  std::size_t start = 0;
  bool separated = false;
  while (true) {
    const std::size_t colon = value.find(':', start);
    const std::size_t end = colon == std::string_view::npos ? value.size() : colon;
    items.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), support::java_long(value.substr(start, end - start))});
    if (colon == std::string_view::npos) break;
    separated = true;
    start = colon + 1;
  }
  while (separated && !items.empty() && items.back().begin == items.back().end) items.pop_back();
  return items;
}

}  // namespace

const RuleMeta& HierarchicalQuorum::meta() const {
  static const RuleMeta m{
      .code = "ZKL437",
      .name = "hierarchical-quorum",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "group/weight lines of a hierarchical quorum that ZooKeeper cannot use",
      .doc = R"md(
Any key that starts with `group` or `weight` switches ZooKeeper to hierarchical quorums
(`group.<gid>=<sid>:<sid>:...`, `weight.<sid>=<n>`), and ZooKeeper refuses to start when
it cannot build one:

- the part after the first `.` of the key must be a number (`groups=...` or
  `weightFactor=1` fail with `NumberFormatException`, so an unrelated key that merely
  starts with those letters is fatal);
- every member id in a group and every weight must be a number (read untrimmed);
- a server may be in one group only (`Server 2 is in multiple groups`);
- every voting server must be in a group (`Server 3 is not in a group`);
- a group may only list voting servers, unless it gives them a weight: a group that names
  an observer or an unknown id crashes ZooKeeper with a `NullPointerException`.

Keys are read as `QuorumHierarchical.parse` reads them (@release-3.8.4): the choice of
hierarchical quorums goes by the trimmed key, the group and weight lines by the key as
written, so a `\ group.1=...` behind an escaped blank still turns them on but is skipped,
and every voter is then in no group.

With `dynamicConfigFile`, the groups live in that file, beside the `server.N` lines:
ZooKeeper builds the quorum from the dynamic file alone and refuses group/weight lines in
zoo.cfg (see quorum-keys-with-dynamic-config). When zklint reads the dynamic file (see
dynamic-config-contents), its group/weight lines get the same checks, reported at
zoo.cfg's `dynamicConfigFile` with the exact place in the dynamic file as a related
location; blanks that end a value count there (ZooKeeper reads these values untrimmed).
A voter that only a group line of zoo.cfg lists gets the advice to move that line.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"
                       "group.1=1:2\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"
                        "group.1=1:2\ngroup.2=3\nweight.3=2\n"}},
  };
  return m;
}


namespace {

// Where the verdicts on one file's group/weight lines go. On zoo.cfg's own lines: at the line.
// For the file dynamicConfigFile names: at zoo.cfg's dynamicConfigFile, where
// dynamic-config-contents reports what ZooKeeper refuses in that file, with the exact place in
// the dynamic file as a related location.
class Verdicts {
 public:
  Verdicts(Reporter& out, const LintContext& file, const Entry* named) : out_(out), file_(file), named_(named) {}

  DiagnosticBuilder at_key(const Entry& e, const std::string& message) { return at(e.key_range, message); }
  DiagnosticBuilder at_value(const Entry& e, const std::string& message) { return at(e.value_range, message); }
  DiagnosticBuilder at_part(const Entry& e, const Item& item, const std::string& message) {
    return at(e.value_source_range(file_.source(), item.begin, item.end), message);
  }
  /// A second place in the same file as the finding's line.
  void also(DiagnosticBuilder& d, Range range, std::string what) {
    if (named_ == nullptr) d.related(range, std::move(what));
    else d.related(file_.source().path(), range, std::move(what));
  }
  /// The value as QuorumHierarchical reads it: untrimmed. On zoo.cfg's own lines the blanks that
  /// end it are left to trailing-whitespace, which reports them with a fix; from zoo.cfg nothing
  /// else reports them in the dynamic file.
  std::string_view value(const Entry& e) const {
    if (named_ != nullptr) return e.value;
    return e.value.substr(0, e.value.size() - support::trailing_blanks(file_.source(), e));
  }

 private:
  DiagnosticBuilder at(Range range, const std::string& message) {
    if (named_ == nullptr) return out_.report(range, message);
    auto d = support::report_trimmed_value(out_, *named_, file_.source().path() + ": " + message);
    d.related(file_.source().path(), range, "here");
    return d;
  }

  Reporter& out_;
  const LintContext& file_;
  const Entry* named_;
};

// What QuorumHierarchical.parse (@release-3.8.4) reads from the group/weight lines of one file.
struct Groups {
  bool hierarchical = false;  ///< a key starts with group/weight: QuorumHierarchical is used
  bool readable = true;       ///< every line could be read, so the members can be checked
  std::map<std::int64_t, const Entry*> group_of;                 // member id -> its group line
  std::map<std::int64_t, std::pair<const Entry*, Item>> listed;  // member id -> where it is listed
  std::set<std::int64_t> weighted;
};

void read_weight(const Entry& e, std::int64_t id, Verdicts& verdicts, Groups& g) {
  const std::string_view value = verdicts.value(e);
  if (support::java_long(value)) {
    g.weighted.insert(id);
    return;
  }
  verdicts.at_value(e, "the weight " + quoted(value) + " is not a number: ZooKeeper refuses to start (NumberFormatException)");
  g.readable = false;
}

void read_group(const Entry& e, Verdicts& verdicts, Groups& g) {
  const std::string_view value = verdicts.value(e);
  for (const Item& item : split_ids(value)) {
    if (!item.id) {
      verdicts.at_part(e, item, quoted(value.substr(item.begin, item.end - item.begin)) + " is not a server id: ZooKeeper refuses to start (NumberFormatException)");
      g.readable = false;
      continue;
    }
    const std::string id = std::to_string(*item.id);
    if (const auto it = g.group_of.find(*item.id); it != g.group_of.end()) {
      auto d = verdicts.at_part(e, item, "server " + id + " is already in " + std::string(it->second->key) + ": ZooKeeper refuses to start (Server " + id +
                                             " is in multiple groups)");
      verdicts.also(d, it->second->value_range, "the other group");
      g.readable = false;
      continue;
    }
    g.group_of[*item.id] = &e;
    g.listed.emplace(*item.id, std::make_pair(&e, item));
  }
}

Groups read_groups(const LintContext& file, Verdicts& verdicts) {
  Groups g;
  for (const Entry& e : file.doc().entries()) {
    if (file.find(e.key) != &e) continue;
    // parseDynamicConfig picks QuorumHierarchical by the trimmed key; QuorumHierarchical.parse
    // reads the keys as they are, so a key behind an escaped blank (`\ group.1`) is skipped.
    const std::string_view trimmed = java_trim(e.key);
    if (!starts_with(trimmed, "group") && !starts_with(trimmed, "weight")) continue;
    g.hierarchical = true;
    const bool group = starts_with(e.key, "group"), weight = starts_with(e.key, "weight");
    if (!group && !weight) continue;
    if (support::placeholder_value(file, e)) {
      g.readable = false;
      continue;
    }
    const std::size_t dot = e.key.find('.');
    const std::string_view id = dot == std::string_view::npos ? e.key : e.key.substr(dot + 1);
    if (!support::java_long(id)) {
      verdicts
          .at_key(e, quoted(e.key) + " starts with '" + std::string(group ? "group" : "weight") + "', so ZooKeeper reads it as a hierarchical quorum key, and " +
                         quoted(id) + " is not a number: it refuses to start (NumberFormatException)")
          .help(group ? "write group.<number>=<server id>:<server id>..." : "write weight.<server id>=<number>");
      g.readable = false;
    } else if (weight) {
      read_weight(e, *support::java_long(id), verdicts, g);
    } else {
      read_group(e, verdicts, g);
    }
  }
  return g;
}

// The line of zoo.cfg that would give member `id` what the dynamic file lacks (a group, or a
// weight), had it been written in the dynamic file: zoo.cfg's own group/weight lines are refused
// beside dynamicConfigFile (quorum-keys-with-dynamic-config), and never merged.
const Entry* static_line_for(const LintContext* zoo_cfg, std::int64_t id, bool group) {
  if (zoo_cfg == nullptr) return nullptr;
  for (const Entry& e : zoo_cfg->doc().entries()) {
    if (zoo_cfg->find(e.key) != &e || !starts_with(e.key, group ? "group" : "weight")) continue;
    const std::size_t dot = e.key.find('.');
    if (dot == std::string_view::npos) continue;
    if (!group && support::java_long(e.key.substr(dot + 1)) == id) return &e;
    if (!group) continue;
    for (const Item& item : split_ids(java_trim(e.value))) {
      if (item.id == id) return &e;
    }
  }
  return nullptr;
}

std::string move_help(const LintContext& zoo_cfg, const Entry& line) {
  return "move " + quoted(line.key) + " from " + zoo_cfg.source().path() + " (line " + std::to_string(line.key_range.begin.line) +
         ") into the dynamic file: ZooKeeper reads groups and weights from the dynamic file only";
}

// Every voter in one group; groups listing only voters, or members given a weight.
void check_members(const LintContext& file, const Groups& g, Verdicts& verdicts, const LintContext* zoo_cfg) {
  std::set<std::int64_t> voters, unknown_type;
  for (const support::ZkServer* s : file.model<support::ZookeeperModel>().members()) {
    if (s->templated) {
      unknown_type.insert(*s->id);
      continue;
    }
    if (s->observer()) continue;
    voters.insert(*s->id);
    if (g.group_of.count(*s->id) != 0) continue;
    const std::string id = std::to_string(*s->id);
    auto d = verdicts.at_key(*s->entry, "server " + id + " votes but is in no group: ZooKeeper refuses to start (Server " + id + " is not in a group)");
    const Entry* elsewhere = static_line_for(zoo_cfg, *s->id, true);
    d.help(elsewhere != nullptr ? move_help(*zoo_cfg, *elsewhere) : "add " + id + " to one group.N line");
  }
  for (const auto& [id, where] : g.listed) {
    if (voters.count(id) != 0 || g.weighted.count(id) != 0 || unknown_type.count(id) != 0) continue;
    auto d = verdicts.at_part(*where.first, where.second,
                              "server " + std::to_string(id) + " is not a voting server.N and has no weight: ZooKeeper crashes computing the group weights (NullPointerException)");
    const Entry* elsewhere = static_line_for(zoo_cfg, id, false);
    d.help(elsewhere != nullptr ? move_help(*zoo_cfg, *elsewhere) : "list only voting servers in groups");
  }
}

// `file`'s group/weight lines; `zoo_cfg` is the static config when `file` is the dynamic file it
// names.
void judge(const LintContext& file, Verdicts& verdicts, const LintContext* zoo_cfg) {
  const Groups g = read_groups(file, verdicts);
  if (g.hierarchical && g.readable) check_members(file, g, verdicts, zoo_cfg);
}

}  // namespace

void HierarchicalQuorum::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.template_structure) return;
  if (zk.dynamic_config_file == nullptr) {
    Verdicts own(out, ctx, nullptr);
    judge(ctx, own, nullptr);
    return;
  }
  // With dynamicConfigFile, ZooKeeper builds the quorum from that file alone
  // (QuorumPeerConfig.parse @release-3.8.4).
  const LintContext* dynamic = ctx.dynamic_config();
  if (dynamic == nullptr || dynamic->model<support::ZookeeperModel>().template_structure) return;
  Verdicts beside(out, *dynamic, zk.dynamic_config_file);
  judge(*dynamic, beside, &ctx);
}

}  // namespace zklint::rules
