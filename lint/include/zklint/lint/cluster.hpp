// A cluster: the Kafka and ZooKeeper configs that run together, so that the checks between nodes
// (a broker's zookeeper.connect against the ensemble's client ports, two nodes binding one port)
// see every node. By default the configs of one directory form a cluster; `clusters` in
// .zklint.json and --cluster GLOB group other layouts. Rules reach it through
// LintContext::cluster() and build what they need of it once, through Cluster::model<M>().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zklint/lint/release_questions.hpp"

namespace zklint {

class LintContext;

/// The `myid` file in a ZooKeeper server's dataDir, read when that directory is inside the
/// repository of its config (member_facts.cpp, read_myid_file).
struct MyidFile {
  std::string path;                       ///< as ZooKeeper opens it: <dataDir>/myid
  std::optional<std::string> first_line;  ///< what BufferedReader.readLine returns; nullopt: the file is empty
};

/// What is known of one member beyond its config file: from .zklint.json, or from the
/// repository around it.
struct MemberFacts {
  /// The machine it runs on: `host` of its `nodes` entry, else of its `clusters` entry.
  std::optional<std::string> host;
  /// Its ZooKeeper server id, as `myid` of its `nodes` entry says.
  std::optional<std::int64_t> myid;
  /// `myid-from-file-name` of its `clusters` entry: the node number in its file name is its myid.
  bool myid_from_file_name = false;
  std::optional<MyidFile> myid_file;
};

class Cluster {
 public:
  /// How a cluster came to be: the configs of one directory, or a declared `clusters` entry of
  /// .zklint.json or --cluster GLOB (the user said these nodes run together).
  struct Origin {
    std::string name;
    bool declared = false;
  };
  explicit Cluster(Origin origin) : origin_(std::move(origin)) {}
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  /// The directory, the name of the `clusters` entry of .zklint.json, or "--cluster GLOB".
  const std::string& name() const { return origin_.name; }
  /// The user declared these files one cluster: the nodes are peers that run together, not
  /// alternative configs of one node that happen to share a directory.
  bool declared() const { return origin_.declared; }
  /// Every member, in path order: those reported on and those only read to check against.
  const std::vector<const LintContext*>& members() const { return members_; }
  void add(const LintContext& member, MemberFacts facts = {}) {
    members_.push_back(&member);
    facts_.push_back(std::move(facts));
  }
  /// What is known of each member beyond its file, in the order of members().
  const std::vector<MemberFacts>& facts() const { return facts_; }

  /// A shared analysis of the whole cluster, built on first use from `Model(const Cluster&)`.
  /// A cluster is linted by one thread.
  template <typename Model>
  const Model& model() const {
    static const char tag = 0;  // one address per Model type
    for (const auto& [key, ptr] : models_) {
      if (key == &tag) return *static_cast<const Model*>(ptr.get());
    }
    // Each member is read as its own Kafka version, whatever release the rule asking judges.
    const ReleaseLog::Paused unrelated_to_the_release_judged;
    auto built = std::make_shared<const Model>(*this);
    const Model& ref = *built;
    models_.emplace_back(&tag, std::move(built));
    return ref;
  }

 private:
  Origin origin_;
  std::vector<const LintContext*> members_;
  std::vector<MemberFacts> facts_;  ///< per member
  mutable std::vector<std::pair<const void*, std::shared_ptr<const void>>> models_;
};

}  // namespace zklint
