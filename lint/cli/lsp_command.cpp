// `zklint lsp`: standard output carries only protocol messages, so the server gets its own copy
// of it and anything else that would print there goes to standard error.
#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "commands.hpp"
#include "server.hpp"

namespace zklint::cli {

int run_lsp(const RunOptions& lint, unsigned debounce_ms) {
  if (!check_selectors(lint.select, "--select") || !check_selectors(lint.ignore, "--ignore")) return 2;
  std::signal(SIGPIPE, SIG_IGN);  // a client that goes away is an error on write, not a signal
  std::cout.flush();
  const int protocol = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (protocol < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    std::cerr << "zklint lsp: cannot set up standard output\n";
    return 2;
  }
  return lsp::serve(STDIN_FILENO, protocol, {std::chrono::milliseconds(debounce_ms), lint});
}

}  // namespace zklint::cli
