// What the cluster rules learn about a member beyond its own file (cluster.hpp MemberFacts): the
// host and myid its `clusters` entry of .zklint.json gives, and the myid file ZooKeeper would read.
#pragma once

#include <filesystem>

#include "zklint/document.hpp"
#include "zklint/lint/cluster.hpp"
#include "zklint/lint/config.hpp"
#include "zklint/lint/context.hpp"

namespace zklint {

/// `location` is the file's normal absolute path ("" for stdin); `declared` its `clusters` entry, if any.
MemberFacts member_facts(const std::filesystem::path& location, const Document& doc, const FileProfile& profile, const ClusterSetting* declared);

}  // namespace zklint
