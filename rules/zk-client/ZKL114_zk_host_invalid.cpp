// ZKL114 zk-host-invalid: a host name no resolver accepts (blanks inside), or an empty one.
#include <algorithm>

#include "support/value_edits.hpp"
#include "support/zookeeper_hosts.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkHostInvalid)

namespace zklint::rules {

const RuleMeta& ZkHostInvalid::meta() const {
  static const RuleMeta m{
      .code = "ZKL114",
      .name = "zk-host-invalid",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A ZooKeeper host name has blanks or colons in it, or is empty",
      .doc = R"md(
The ZooKeeper client keeps each host exactly as written between the commas (trimmed on
ZooKeeper 3.5+), up to the last `:`. Blanks inside it stay: `zk1 :2181` is the host
`zk1 ` with a trailing blank, and on Kafka 2.0-2.3 (ZooKeeper 3.4, which does not trim)
`zk1:2181, zk2:2181` has the host ` zk2`. Such names fail to resolve: the broker logs
`UnknownHostException` for them and, when no other host is usable, gives up after
`zookeeper.connection.timeout.ms` with a `ZooKeeperClientTimeoutException` (error; a
warning when other hosts still work). A `:` left in the host by a second colon
(`zk1:2181:2181` is host `zk1:2181`) fails the same way. The fix removes the blanks.

An empty host (`:2181`) is accepted: Java resolves the empty name to the loopback
address, so the entry means `localhost:2181`. That is reported as a warning: write
`localhost` if that is what you mean.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1 :2181,zk2:2181,zk3:2181/kafka\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181, zk2:2181, zk3:2181/kafka\n", .kafka_version = "2.3",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181, zk2:2181, zk3:2181/kafka\n", .kafka_version = "2.4"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void ZkHostInvalid::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed) return;
  const std::string_view value = zk.connect_value();
  const auto elements = support::classify_hosts(zk);
  for (const support::HostElement& h : elements) {
    const auto& e = *h.entry;
    if (h.shape == support::HostShape::empty_host) {
      out.report_value_part(*zk.connect, e.element.begin, e.element.end,
                            "ZooKeeper host " + quoted(e.element.of(value)) + " has an empty host name, which Java resolves to the loopback address: it means localhost:" +
                                std::to_string(e.port))
          .severity(Severity::warning)
          .suggest("localhost:" + std::to_string(e.port));
      continue;
    }
    if (h.shape != support::HostShape::bad_host) continue;
    const std::string_view host = e.host.of(value);
    const bool blanks = std::any_of(host.begin(), host.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; });
    std::string why = blanks ? "blanks" : host.find(';') != std::string_view::npos ? "a ';'" : "a ':'";
    if (blanks && zk.client_line() == grammar::connect_string::ClientLine::zk34) {
      why += " (the ZooKeeper " + std::string(zk.client_version()) + " client of Kafka " + zk.kafka_version_text + " does not trim the hosts between commas)";
    }
    auto report = out.report_value_part(*zk.connect, e.host.begin, e.host.end,
                                        "ZooKeeper host name " + quoted(host) + " has " + why + " in it and fails to resolve (UnknownHostException)");
    report.severity(support::useless_host_severity(elements));
    if (!blanks) continue;
    // Remove every blank run inside the element (that is all the fix needs to do).
    std::vector<TextEdit> edits;
    for (std::uint32_t i = e.piece.begin; i < e.piece.end;) {
      if (static_cast<unsigned char>(value[i]) > 0x20) {
        ++i;
        continue;
      }
      const std::uint32_t begin = i;
      while (i < e.piece.end && static_cast<unsigned char>(value[i]) <= 0x20) ++i;
      edits.push_back(support::replace_in_value(*zk.connect, begin, i, ""));
    }
    report.fix("remove the blanks", std::move(edits));
  }
}

}  // namespace zklint::rules
