// The docker-compose adapter: a compose file becomes the settings each Kafka or ZooKeeper container
// will see (one Document per service, every setting pointing into the YAML) and the model of its
// services that the networking checks read.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "zklint/document.hpp"
#include "zklint/lint/deployment.hpp"
#include "zklint/lint/release_line.hpp"

namespace zklint::deploy {

/// One Kafka or ZooKeeper service, ready for the rules.
struct ServiceDocument {
  std::unique_ptr<Document> doc;
  std::size_t node = 0;                ///< index into ComposeModel::nodes
  std::vector<std::uint8_t> template_flags;  ///< per entry, as FileProfile::entry_template_flags
};

/// What a deployment adapter (docker-compose here, Strimzi in strimzi.hpp) made of a file.
struct ComposeLoad {
  /// The file is one the adapter reads. For compose: named like one, or a YAML mapping with
  /// `services:`; a file that is not valid YAML counts as one when `assume_compose` was given and
  /// it has a top-level `services:` line.
  bool recognized = false;
  std::string what = "docker-compose file";  ///< what the file is, for --verbose and messages
  std::shared_ptr<const ComposeModel> model;
  std::vector<ServiceDocument> services;
  std::vector<grammar::CommentSpan> comments;  ///< the file's comments, where zklint's directives sit
};

/// Reads a file next to the compose file (`.env`, `env_file:`); nullopt when it cannot be read.
using ReadBeside = std::function<std::optional<std::string>(const std::filesystem::path&)>;

/// `source` is the compose file; `directory` is where it lives (for `.env` and `env_file:`).
ComposeLoad load_compose(const SourceFile& source, const std::filesystem::path& directory, const ReadBeside& read, bool assume_compose);

/// An env file named alone: the environment of one container, read as `docker run --env-file`
/// reads it (or, for `.env` and `.env.*`, compose's own file, as compose reads it), mapped as the
/// apache/kafka image maps it, with a note that the image is assumed. `recognized` is always true.
ComposeLoad load_env_file(const SourceFile& source);

/// True for the names docker compose looks for and their overrides: compose.yaml, compose.yml,
/// docker-compose.yaml, docker-compose.yml, and docker-compose.*.yml / compose.*.yaml variants.
bool is_compose_name(std::string_view file_name);

/// True for an env file name: `.env`, `*.env`, `.env.*` (docker compose `env_file:`, `docker run --env-file`).
bool is_env_file_name(std::string_view file_name);

/// How an env file is read, by its name: compose's own `.env` and `.env.*` (quotes, ` #` comments,
/// interpolation), any other env file as `docker run --env-file` reads it (values literal).
enum class EnvFileSyntax : std::uint8_t { compose, docker };
EnvFileSyntax env_file_syntax(std::string_view file_name);

/// True for a YAML file name (.yml, .yaml), and for JSON (.json).
bool is_yaml_name(std::string_view file_name);
bool is_json_name(std::string_view file_name);

}  // namespace zklint::deploy
