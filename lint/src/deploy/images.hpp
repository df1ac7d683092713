// What each known container image's start-up scripts make of the environment: the properties they
// write into server.properties or zoo.cfg, the ones they add on their own, and the variables whose
// absence (or presence) makes the container exit before Kafka or ZooKeeper starts. Every mapping
// cites the image's own scripts in images.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/lint/deployment.hpp"
#include "zklint/lint/release_line.hpp"

namespace zklint::deploy {

/// An image reference as the scripts care about it.
struct ImageRef {
  ImageFamily family = ImageFamily::unknown_kafka;
  std::string repository;        ///< "confluentinc/cp-kafka"
  std::string tag;               ///< "7.5.0", "" when absent
  std::optional<int> major, minor, patch;  ///< of the tag, when it starts with a version
  std::optional<KafkaVersion> kafka;  ///< the Kafka release the tag ships, when known
};

/// Which scripts `image` runs, or nullopt when zklint does not know it. An unknown image counts as
/// Kafka (read as apache/kafka does) when `kafka_variables` is true.
std::optional<ImageRef> classify_image(std::string_view image, bool kafka_variables);

/// One environment variable of the container, after compose interpolation.
struct EnvVar {
  std::string name;
  std::string value;
  bool placeholder = false;  ///< the value holds a variable compose cannot resolve here
  bool from_shell = false;   ///< `KEY` without a value: passed from the shell that runs compose
};

/// A property the container's config file gets.
struct MappedSetting {
  std::string key;
  std::string value;
  std::optional<std::size_t> variable;  ///< index of the EnvVar it comes from; none: an image default
  bool whole_value = true;  ///< `value` is that variable's value unchanged (positions map through)
  std::string how;          ///< empty: written from the variable; else "image default", "derived from ..."
};

struct StartupProblem {
  ContainerFinding::Kind kind;
  std::string message;
  std::optional<std::size_t> variable;  ///< where to point; none: at the image
};

struct ImageMapping {
  std::vector<MappedSetting> settings;
  std::vector<StartupProblem> problems;
  FileKind kind = FileKind::kafka;
  std::optional<std::int64_t> server_id;  ///< the myid a ZooKeeper image writes
};

/// `scripts_run` is false when the service overrides the entrypoint or command, so that the
/// image's checks may not run: then no start-up problem is reported.
ImageMapping map_environment(const ImageRef& image, const std::vector<EnvVar>& environment, bool scripts_run);

}  // namespace zklint::deploy
