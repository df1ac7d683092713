// ZKL711 helm-chart-overridden-key: Helm values text of the Bitnami kafka chart that has no effect.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(HelmChartOverriddenKey)

namespace zklint::rules {

const RuleMeta& HelmChartOverriddenKey::meta() const {
  static const RuleMeta m{
      .code = "ZKL711",
      .name = "helm-chart-overridden-key",
      .severity = Severity::warning,
      .applies_to = FileKinds::deployment(),
      .summary = "A setting in Helm values of the Bitnami kafka chart that the chart overwrites or never uses: it has no effect",
      .doc = R"md(
The Bitnami kafka chart (bitnami/charts, releases 24 to 31) writes each pod's
`server.properties` from its values: its own listeners, roles, quorum and log directory, then
`extraConfig` and `<role>.extraConfig` appended as properties text
(`templates/broker/configmap.yaml` and `templates/controller-eligible/configmap.yaml`). Before
Kafka starts, an init script (`kafka-init.sh` in `templates/scripts-configmap.yaml`) edits that
file and appends `secretConfig`. Four kinds of values therefore never reach Kafka, and the chart
says nothing:

- `node.id` (KRaft) and `broker.id` (ZooKeeper mode) in `config` or `extraConfig`: the init
  script sets every such line to the pod's ordinal plus `<role>.minId` (`kafka_conf_set`).
  Only a value in `secretConfig`, appended after that edit, would win.
- `extraConfig` beside `config` (or `<role>.config`): `config` replaces the whole generated file,
  and `extraConfig` is only appended to the generated one.
- `config` and `extraConfig` beside `existingConfigmap` (or `<role>.existingConfigmap`): the pods
  mount that ConfigMap instead.
- `secretConfig` and `<role>.secretConfig` beside `existingSecretConfig` (or
  `<role>.existingSecretConfig`): the init script appends that Secret instead of the one the
  chart makes of them.

zklint follows the templates of bitnami/charts tag `kafka/31.5.0`. Set the ids with
`controller.minId` and `broker.minId`, and put settings in the one place the chart reads.
)md",
      .bad = {{.text = "kraft:\n  enabled: true\ncontroller:\n  replicaCount: 3\nextraConfig: |\n  node.id=1\n  offsets.topic.replication.factor=3\n  transaction.state.log.replication.factor=3\n  transaction.state.log.min.isr=2\n  default.replication.factor=3\n  min.insync.replicas=2\n",
               .file_name = "values.yaml"}},
      .good = {{.text = "kraft:\n  enabled: true\ncontroller:\n  replicaCount: 3\n  minId: 1\nextraConfig: |\n  offsets.topic.replication.factor=3\n  transaction.state.log.replication.factor=3\n  transaction.state.log.min.isr=2\n  default.replication.factor=3\n  min.insync.replicas=2\n",
                .file_name = "values.yaml"}},
  };
  return m;
}

void HelmChartOverriddenKey::check(const LintContext& ctx, Reporter& out) const { support::report_file_findings(ctx, out, FileFinding::Kind::chart_overridden_key); }

}  // namespace zklint::rules
