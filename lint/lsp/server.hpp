// `zklint lsp`: a Language Server Protocol 3.17 server for Kafka and ZooKeeper configs, on a pair
// of file descriptors (standard input and output). It lints with the same engine, rules,
// .zklint.json files and clusters as the command line, and never writes a file.
#pragma once

#include <chrono>

#include "zklint/lint/engine.hpp"

namespace zklint::lsp {

struct ServerOptions {
  /// After a lint, changes within this time are gathered into the next lint of the document:
  /// an edit after a pause is linted at once, fast typing at most once per period.
  std::chrono::milliseconds debounce{100};
  /// What every lint assumes (--kafka-version, --kind, --select, --ignore, --config, --no-config);
  /// the server sets the files and their texts.
  RunOptions lint;
};

/// Serves one client until `exit` or the end of its input. Returns the process exit code: 0
/// after shutdown and exit, 1 when the client left without a shutdown request (LSP 3.17).
int serve(int in_fd, int out_fd, const ServerOptions& options);

}  // namespace zklint::lsp
