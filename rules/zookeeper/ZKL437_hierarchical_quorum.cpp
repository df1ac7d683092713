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

void HierarchicalQuorum::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.dynamic_config_file != nullptr || zk.template_structure) return;
  std::map<std::int64_t, const Entry*> group_of;     // member id -> its group line
  std::map<std::int64_t, std::pair<const Entry*, Item>> listed;  // member id -> first mention
  std::set<std::int64_t> weighted;
  bool hierarchical = false, readable = true;
  for (const Entry& e : ctx.doc().entries()) {
    const bool group = starts_with(e.key, "group"), weight = starts_with(e.key, "weight");
    if ((!group && !weight) || ctx.find(e.key) != &e) continue;
    hierarchical = true;
    const std::size_t dot = e.key.find('.');
    const std::string_view id = dot == std::string_view::npos ? e.key : e.key.substr(dot + 1);
    if (!support::java_long(id)) {
      out.report_key(e, quoted(e.key) + " starts with '" + std::string(group ? "group" : "weight") + "', so ZooKeeper reads it as a hierarchical quorum key, and " +
                            quoted(id) + " is not a number: it refuses to start (NumberFormatException)")
          .help(group ? "write group.<number>=<server id>:<server id>..." : "write weight.<server id>=<number>");
      readable = false;
      continue;
    }
    const std::string_view value = e.value.substr(0, e.value.size() - support::trailing_blanks(ctx.source(), e));
    if (weight) {
      if (!support::java_long(value)) {
        out.report_value(e, "the weight " + quoted(value) + " is not a number: ZooKeeper refuses to start (NumberFormatException)");
        readable = false;
      } else {
        weighted.insert(*support::java_long(id));
      }
      continue;
    }
    for (const Item& item : split_ids(value)) {
      if (!item.id) {
        out.report_value_part(e, item.begin, item.end, quoted(value.substr(item.begin, item.end - item.begin)) +
                                                           " is not a server id: ZooKeeper refuses to start (NumberFormatException)");
        readable = false;
        continue;
      }
      if (const auto it = group_of.find(*item.id); it != group_of.end()) {
        out.report_value_part(e, item.begin, item.end, "server " + std::to_string(*item.id) + " is already in " + std::string(it->second->key) +
                                                           ": ZooKeeper refuses to start (Server " + std::to_string(*item.id) + " is in multiple groups)")
            .related(it->second->value_range, "the other group");
        readable = false;
        continue;
      }
      group_of[*item.id] = &e;
      listed.emplace(*item.id, std::make_pair(&e, item));
    }
  }
  if (!hierarchical || !readable || !zk.members_known) return;
  std::set<std::int64_t> voters;
  for (const support::ZkServer* s : zk.members()) {
    if (s->observer()) continue;
    voters.insert(*s->id);
    if (group_of.count(*s->id) == 0) {
      out.report_key(*s->entry, "server " + std::to_string(*s->id) + " votes but is in no group: ZooKeeper refuses to start (Server " + std::to_string(*s->id) +
                                    " is not in a group)")
          .help("add " + std::to_string(*s->id) + " to one group.N line");
    }
  }
  for (const auto& [id, where] : listed) {
    if (voters.count(id) != 0 || weighted.count(id) != 0) continue;
    out.report_value_part(*where.first, where.second.begin, where.second.end,
                          "server " + std::to_string(id) + " is not a voting server.N and has no weight: ZooKeeper crashes computing the group weights (NullPointerException)")
        .help("list only voting servers in groups");
  }
}

}  // namespace zklint::rules
