// Confluent for Kubernetes (CFK) resources. The operator is not open source: what it does with
// `spec.configOverrides.server` follows its documentation, docs.confluent.io/operator/2.10/
// co-configure-misc.html ("Configuration overrides": a list of `key=value` lines for the
// component's server properties, which override what CFK sets) and co-configure-overview.html
// (CFK computes settings such as default.replication.factor and min.insync.replicas itself).
#include "helm.hpp"

#include "images.hpp"
#include "node_settings.hpp"
#include "properties_text.hpp"
#include "source_range.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::deploy {

namespace {

class ConfluentReader {
 public:
  explicit ConfluentReader(const SourceFile& source) : source_(source), model_(std::make_shared<ComposeModel>()) {}

  ComposeLoad run() {
    const yaml::Tree tree = yaml::parse(source_);
    load_.what = "Kubernetes manifest with Confluent for Kubernetes resources";
    std::vector<const yaml::Node*> resources;
    for (const yaml::Node* doc : tree.documents()) {
      if (doc == nullptr || !doc->is_mapping() || !starts_with(scalar_text(yaml::find(*doc, "apiVersion")), "platform.confluent.io/")) continue;
      const std::string kind = scalar_text(yaml::find(*doc, "kind"));
      if (kind == "Kafka" || kind == "KRaftController") resources.push_back(doc);
    }
    load_.recognized = !resources.empty();
    if (!load_.recognized) return std::move(load_);
    load_.comments = grammar::yaml_comments(source_.bytes());
    for (const yaml::Issue& issue : tree.issues()) {
      model_->findings.push_back({FileFinding::Kind::invalid_yaml, issue.message, clamped_range(source_, issue.offset, issue.offset + 1)});
    }
    for (const yaml::Node* r : resources) add_node(*r);
    load_.model = model_;
    return std::move(load_);
  }

 private:
  // The settings CFK writes itself (ids, roles, listeners, the quorum or ZooKeeper, log
  // directories) exist only in the running pods: they stay placeholders, so that their absence is
  // not judged. A Kafka resource runs KRaft when it depends on a KRaftController, or when its
  // image ships Kafka 4 (no ZooKeeper mode); otherwise ZooKeeper mode.
  void add_node(const yaml::Node& resource) {
    const bool controller = scalar_text(yaml::find(resource, "kind")) == "KRaftController";
    const std::string name = scalar_text(value_at(&resource, {"metadata", "name"}));
    const yaml::Node* image = value_at(&resource, {"spec", "image", "application"});
    std::optional<KafkaVersion> version;
    if (const auto ref = classify_image(scalar_text(image), false); ref && ref->kafka) version = ref->kafka;
    const bool kraft = controller || value_at(&resource, {"spec", "dependencies", "kRaftController"}) != nullptr || (version && !(*version < KafkaVersion{4, 0}));
    const yaml::Node* name_node = value_at(&resource, {"metadata", "name"});
    const yaml::Node& anchor = name_node != nullptr && name_node->is_scalar() ? *name_node : *yaml::find(resource, "kind");
    NodeSettings node(source_, anchor);
    std::vector<MadeSetting> made;
    if (kraft) {
      made = {{"node.id", "${pod ordinal}"},
              {"process.roles", controller ? "controller" : "broker", true},
              {"controller.quorum.voters", "${KRaftController pods}"},
              {"controller.listener.names", "${CFK controller listener}"}};
    } else {
      made = {{"broker.id", "${pod ordinal}"}, {"zookeeper.connect", "${Zookeeper resource}"}};
    }
    made.push_back({"listeners", "${CFK listeners}"});
    made.push_back({"listener.security.protocol.map", "${CFK listeners}"});
    if (!controller) {
      made.push_back({"advertised.listeners", "${CFK listeners}"});
      made.push_back({"inter.broker.listener.name", "${CFK listeners}"});
    }
    made.push_back({"log.dirs", "${CFK data volume}"});
    if (!controller) {
      made.push_back({"default.replication.factor", "${from spec.replicas}"});
      made.push_back({"min.insync.replicas", "${from spec.replicas}"});
    }
    node.add_made(made, "written by Confluent for Kubernetes");
    if (const yaml::Node* server = value_at(&resource, {"spec", "configOverrides", "server"}); server != nullptr && server->is_sequence()) {
      for (const yaml::Node* item : server->items) {
        if (item->is_scalar()) node.add_user(properties_in_scalar(source_, *item), "configOverrides.server");
      }
    }
    DeployedNode deployed;
    deployed.service = std::string(controller ? "kraftcontroller/" : "kafka/") + name;
    deployed.image = scalar_text(image);
    deployed.family = ImageFamily::confluent_kafka;
    deployed.kind = FileKind::kafka;
    deployed.service_range = clamped_range(source_, anchor.begin, anchor.is_scalar() ? anchor.end : anchor.begin);
    deployed.image_range = image != nullptr && image->is_scalar() ? clamped_range(source_, image->begin, image->end) : deployed.service_range;
    if (version) deployed.kafka_version = version->to_string();
    node.finish(std::move(deployed), *model_, load_);
  }

  const SourceFile& source_;
  std::shared_ptr<ComposeModel> model_;
  ComposeLoad load_;
};

}  // namespace

ComposeLoad load_confluent_resources(const SourceFile& source) { return ConfluentReader(source).run(); }

}  // namespace zklint::deploy
