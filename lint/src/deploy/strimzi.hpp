// The Strimzi adapter: Kubernetes manifests with Strimzi `Kafka` and `KafkaNodePool` resources
// become the nodes the cluster operator makes of them: one broker config per node pool (or per
// Kafka resource without pools) and one ZooKeeper config per `spec.zookeeper`, each holding the
// user's `config` as the operator passes it on, beside the settings the operator writes itself.
#pragma once

#include <string>
#include <string_view>

#include "compose.hpp"
#include "zklint/source.hpp"

namespace zklint::deploy {

/// Reads `source` as a YAML stream of Kubernetes resources. `recognized` is true when one of its
/// documents is a Strimzi `Kafka` or `KafkaNodePool` resource (apiVersion kafka.strimzi.io/*).
ComposeLoad load_strimzi(const SourceFile& source);

/// The text Strimzi passes to Kafka for a plain YAML scalar of `spec.kafka.config`, after
/// kubectl's YAML-to-JSON conversion and the operator's Jackson reading: `yes` becomes `true`,
/// `2.10` becomes `2.1`, `3.0` becomes `3`. Quoted and block scalars pass unchanged.
std::string operator_scalar_text(std::string_view plain);

}  // namespace zklint::deploy
