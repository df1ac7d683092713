// ZKL223 log-dirs-in-tmp: Kafka data under /tmp, which many systems empty on reboot.
#include <optional>
#include <string>

#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaLogDirsInTmp)

namespace zklint::rules {
namespace {

bool under_tmp(std::string_view dir) { return dir == "/tmp" || starts_with(dir, "/tmp/"); }

bool within(std::string_view dir, std::string_view mount) {
  while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
  return mount == "/" || dir == mount || (starts_with(dir, mount) && dir[mount.size()] == '/');
}

// What keeping data in `dir` costs. On a machine, /tmp is emptied at boot. In a container, /tmp
// is the container's own writable layer: a reboot keeps it (the container is restarted), but a
// re-created container (compose down and up, a new image or setting) starts without it, unless
// the service mounts a volume there, which keeps the data. Nothing to say then.
std::optional<std::string> loss(const LintContext& ctx, std::string_view dir) {
  const DeployedNode* node = ctx.profile().deployed();
  if (node == nullptr) return "which is often emptied on reboot";
  if (!node->volume_targets) return "in the container's own filesystem unless a volume is mounted there: it is lost whenever the container is re-created";
  for (const std::string& mount : *node->volume_targets) {
    if (within(dir, mount)) return std::nullopt;
  }
  return "in the container's own filesystem (the service mounts no volume there): it is lost whenever the container is re-created (compose down "
         "and up, a new image or setting)";
}

}  // namespace

const RuleMeta& KafkaLogDirsInTmp::meta() const {
  static const RuleMeta m{
      .code = "ZKL223",
      .name = "log-dirs-in-tmp",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "Kafka stores its data under /tmp (log.dirs, the log.dir default, or metadata.log.dir), which is lost on reboot",
      .doc = R"md(
The quick-start configs put the data in `/tmp/kafka-logs` (or `/tmp/kraft-combined-logs`),
and `log.dir` defaults to `/tmp/kafka-logs` when neither `log.dirs` nor `log.dir` is set.
Many systems empty `/tmp` at boot (tmpfs, systemd-tmpfiles) or age files out of it. The
broker starts fine; after a reboot its partitions are gone, a KRaft node finds no
`meta.properties` and refuses to start until the directory is formatted again, and a
ZooKeeper-mode broker comes back empty and re-replicates everything (or loses the data
outright with replication factor 1). 64 of 159 real configs in zklint's corpus do this.

Point `log.dirs` (and `metadata.log.dir`, if set) at persistent storage, for example
`/var/lib/kafka/data`.

In a docker-compose service, `/tmp` is the container's own writable layer: a reboot keeps
it, but a re-created container (`docker compose down` and `up`, a new image or a changed
setting) starts without it, so the warning says that instead. A volume or host directory
the service mounts at the data directory (or above it) keeps the data, and then the rule is
silent (compose-spec `05-services.md`, `volumes`; a `tmpfs` mount keeps nothing).
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/tmp/kafka-logs\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaLogDirsInTmp::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  // A templated value still says /tmp when it starts with it: /tmp/kafka-{{ id }}/log.
  const Entry* templated = model.log_dirs_entry();
  if (!model.log_dirs() && templated != nullptr) {
    for (const auto& dir : support::kafka::split_csv(templated->value)) {
      if (!starts_with(dir.text, "/tmp/")) continue;
      const auto lost = loss(ctx, dir.text);
      if (!lost) continue;
      out.report_value_part(*templated, dir.begin, dir.end, "Kafka data in " + quoted(dir.text) + " is under /tmp, " + *lost + ": the node loses the data stored there");
    }
  }
  if (model.log_dirs()) {
    const Entry* e = model.log_dirs_entry();
    for (const auto& dir : *model.log_dirs()) {
      if (!under_tmp(dir.text)) continue;
      const auto lost = loss(ctx, dir.text);
      if (!lost) continue;
      if (e != nullptr) {
        out.report_value_part(*e, dir.begin, dir.end, "Kafka data in " + quoted(dir.text) + " is under /tmp, " + *lost + ": the node loses the data stored there");
      } else if (!model.template_structure()) {
        out.report_file("log.dirs is not set, so Kafka stores its data in " + quoted(dir.text) + " (the log.dir default), under /tmp, " + *lost)
            .help("set log.dirs to a persistent directory, for example /var/lib/kafka/data");
      }
    }
  }
  const Entry* metadata = model.entry("metadata.log.dir");
  if (metadata != nullptr && !ctx.value_templated(*metadata)) {
    const auto dir = support::kafka::trimmed(metadata->value);
    const auto lost = under_tmp(dir.text) ? loss(ctx, dir.text) : std::nullopt;
    if (lost) out.report_value_part(*metadata, dir.begin, dir.end, "the KRaft metadata log in " + quoted(dir.text) + " is under /tmp, " + *lost);
  }
}

}  // namespace zklint::rules
