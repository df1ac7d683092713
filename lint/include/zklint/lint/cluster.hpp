// A cluster: the Kafka and ZooKeeper configs that run together, so that the checks between nodes
// (a broker's zookeeper.connect against the ensemble's client ports, two nodes binding one port)
// see every node. By default the configs of one directory form a cluster; `clusters` in
// .zklint.json and --cluster GLOB group other layouts. Rules reach it through
// LintContext::cluster() and build what they need of it once, through Cluster::model<M>().
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace zklint {

class LintContext;

class Cluster {
 public:
  explicit Cluster(std::string name) : name_(std::move(name)) {}
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  /// The directory, the `clusters` entry of .zklint.json, or "--cluster".
  const std::string& name() const { return name_; }
  /// Every member, in path order: those reported on and those only read to check against.
  const std::vector<const LintContext*>& members() const { return members_; }
  void add(const LintContext& member) { members_.push_back(&member); }

  /// A shared analysis of the whole cluster, built on first use from `Model(const Cluster&)`.
  /// A cluster is linted by one thread.
  template <typename Model>
  const Model& model() const {
    static const char tag = 0;  // one address per Model type
    for (const auto& [key, ptr] : models_) {
      if (key == &tag) return *static_cast<const Model*>(ptr.get());
    }
    auto built = std::make_shared<const Model>(*this);
    const Model& ref = *built;
    models_.emplace_back(&tag, std::move(built));
    return ref;
  }

 private:
  std::string name_;
  std::vector<const LintContext*> members_;
  mutable std::vector<std::pair<const void*, std::shared_ptr<const void>>> models_;
};

}  // namespace zklint
