// Kafka configs written into Kubernetes YAML by something other than Strimzi: Helm values of the
// Bitnami kafka chart (properties text in `extraConfig`, `config`, `secretConfig`) and Confluent
// for Kubernetes resources (`configOverrides.server` items). Each becomes the nodes the chart or
// the operator makes, holding the user's settings beside the ones it writes itself.
#pragma once

#include "compose.hpp"
#include "zklint/source.hpp"

namespace zklint::deploy {

/// Reads `source` as Helm values of the Bitnami kafka chart (releases 24 to 31, whose `config`,
/// `extraConfig` and `secretConfig` are properties text). `recognized` when one of those holds
/// text and the file has a key only the kafka chart has: `kraft`, `externalZookeeper`,
/// `listeners.client` (or `.interbroker`, `.controller`, `.external`), or an `image.repository`
/// that names kafka.
ComposeLoad load_bitnami_chart_values(const SourceFile& source);

/// Reads `source` as Kubernetes manifests with Confluent for Kubernetes `Kafka` or
/// `KRaftController` resources (apiVersion platform.confluent.io/*).
ComposeLoad load_confluent_resources(const SourceFile& source);

/// A YAML file that is not a docker-compose file: Strimzi, then Confluent for Kubernetes
/// manifests, then Bitnami chart values.
ComposeLoad load_kubernetes_yaml(const SourceFile& source);

}  // namespace zklint::deploy
