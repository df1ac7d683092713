// ZKL438 metrics-provider-class: a metrics provider class that must be on ZooKeeper's classpath.
#include "support/kafka_values.hpp"
#include "support/value_edits.hpp"
#include "support/value_types.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"
#include "zookeeper_releases.hpp"

ZKL_RULE(MetricsProviderClass)

namespace zklint::rules {
namespace {
constexpr std::string_view default_provider = "org.apache.zookeeper.metrics.impl.DefaultMetricsProvider";
constexpr std::string_view prometheus_provider = "org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider";
constexpr std::string_view null_provider = "org.apache.zookeeper.metrics.impl.NullMetricsProvider";
}  // namespace

const RuleMeta& MetricsProviderClass::meta() const {
  static const RuleMeta m{
      .code = "ZKL438",
      .name = "metrics-provider-class",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "metricsProvider.className names a class outside ZooKeeper's own jar, or is not a class name at all",
      .doc = R"md(
ZooKeeper loads `metricsProvider.className` with `Class.forName` while it reads the
config, and refuses to start when the class is not on its classpath:
`IllegalArgumentException: metrics provider class was not found` (caused by
`ClassNotFoundException`).

- ZooKeeper's own `DefaultMetricsProvider` is always there.
- The Prometheus provider (`org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider`)
  lives in a separate jar, `zookeeper-prometheus-metrics`, that the upstream binary release
  ships in `lib/`; distribution packages (Debian's `zookeeper`) may not include it: not
  reported, but check the jar if you use a packaged ZooKeeper.
- Any other class must be deployed next to ZooKeeper: a warning, since zklint cannot see
  the classpath.
- A near miss of one of ZooKeeper's providers (`PrometheusMetricProvider`,
  `org.apache.zookeeper.metrics.impl.DefaultMetricProvider`, a wrong case) is a typo of a
  class that does not exist: an error, with the name meant.
- A value that is not a Java class name at all (blanks, a path, a trailing `.class`)
  can never load: an error.

Metrics providers arrived in ZooKeeper 3.6 (`QuorumPeerConfig.java` @release-3.6.0); 3.5 does
not read the key at all (unknown-zookeeper-key says so), so nothing here applies to it.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "metricsProvider.className=PrometheusMetricsProvider.class\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "metricsProvider.className=org.apache.zookeeper.metrics.impl.DefaultMetricProvider\n",
               .fixed = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "metricsProvider.className=org.apache.zookeeper.metrics.impl.DefaultMetricsProvider\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider\nmetricsProvider.httpPort=7000\n"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void MetricsProviderClass::check(const LintContext& ctx, Reporter& out) const {
  const Entry* e = ctx.find("metricsProvider.className");
  if (e == nullptr || support::placeholder_value(ctx, *e)) return;
  if (!zookeeper_fact::metrics_provider.holds_in(ctx.zookeeper_version())) return;
  if (!e->continued && support::inline_comment_start(e->value)) return;  // inline-comment reports it
  const std::string_view name = java_trim(e->value);
  if (name == default_provider || name == prometheus_provider || name == null_provider) return;
  const std::vector<std::string_view> providers = {default_provider, prometheus_provider, null_provider};
  if (const auto meant = closest_match(name, providers)) {
    const auto [begin, end] = support::trimmed_span(e->value);
    support::report_trimmed_value(out, *e, quoted(name) + " is no class: a typo of " + std::string(*meant) +
                                               ", so ZooKeeper refuses to start (metrics provider class was not found)")
        .severity(Severity::error)
        .suggest(std::string(*meant))
        .fix("write " + std::string(*meant), {support::replace_in_value(*e, begin, end, std::string(*meant))}, FixSafety::safe);
    return;
  }
  if (!support::kafka::well_formed_class_name(name) || ends_with(name, ".class")) {
    support::report_trimmed_value(out, *e, quoted(name) + " is not a Java class name: ZooKeeper refuses to start (metrics provider class was not found)")
        .severity(Severity::error)
        .help("use a fully qualified class name, such as " + std::string(prometheus_provider));
    return;
  }
  support::report_trimmed_value(out, *e, "ZooKeeper loads " + quoted(name) +
                                             " while it reads the config: unless its jar is on ZooKeeper's classpath, it refuses to start (metrics provider class was not found)")
      .help("deploy the provider's jar next to ZooKeeper's own (lib/)");
}

}  // namespace zklint::rules
