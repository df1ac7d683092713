// A cluster: the Kafka and ZooKeeper configs that run together, so that the checks between nodes
// (a broker's zookeeper.connect against the ensemble's client ports, two nodes binding one port)
// see every node. By default the configs of one directory form a cluster; `clusters` in
// .zklint.json and --cluster GLOB group other layouts. Rules reach it through
// LintContext::cluster() and build what they need of it once, through Cluster::model<M>().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zklint {

class LintContext;

class Cluster {
 public:
  /// How a cluster came to be: the configs of one directory, or a declared `clusters` entry of
  /// .zklint.json or --cluster GLOB (the user said these nodes run together).
  struct Origin {
    std::string name;
    bool declared = false;
    std::optional<std::string> host;  ///< `host` of a `clusters` entry: every node runs on it
  };
  explicit Cluster(Origin origin) : origin_(std::move(origin)) {}
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  /// The directory, the name of the `clusters` entry of .zklint.json, or "--cluster GLOB".
  const std::string& name() const { return origin_.name; }
  /// The user declared these files one cluster: the nodes are peers that run together, not
  /// alternative configs of one node that happen to share a directory.
  bool declared() const { return origin_.declared; }
  /// The one machine every node runs on, when .zklint.json says so.
  const std::optional<std::string>& host() const { return origin_.host; }
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
  Origin origin_;
  std::vector<const LintContext*> members_;
  mutable std::vector<std::pair<const void*, std::shared_ptr<const void>>> models_;
};

}  // namespace zklint
