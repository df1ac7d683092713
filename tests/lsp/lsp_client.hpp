// Drives `zklint lsp` through a pipe, as an editor does: framed JSON-RPC on its standard input,
// and every byte of its standard output checked to be a framed message.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace zklint::test {

using json = nlohmann::json;
using namespace std::chrono_literals;

class LspServer {
 public:
  explicit LspServer(const std::filesystem::path& cwd, std::vector<std::string> args = {}) {
    int to_server[2], from_server[2];
    REQUIRE(::pipe2(to_server, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(from_server, O_CLOEXEC) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(to_server[0], STDIN_FILENO);
      ::dup2(from_server[1], STDOUT_FILENO);
      if (::chdir(cwd.c_str()) != 0) ::_exit(126);
      std::vector<std::string> argv_text = {ZKLINT_BINARY, "lsp"};
      argv_text.insert(argv_text.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (auto& a : argv_text) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(to_server[0]);
    ::close(from_server[1]);
    in_ = to_server[1];
    out_ = from_server[0];
    ::signal(SIGPIPE, SIG_IGN);
  }
  ~LspServer() {
    if (in_ >= 0) ::close(in_);
    if (pid_ > 0 && !exit_code_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(out_);
  }
  LspServer(const LspServer&) = delete;
  LspServer& operator=(const LspServer&) = delete;

  static std::string framed(const json& message) {
    const std::string body = message.dump();
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }
  void send_raw(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(in_, bytes.data() + done, bytes.size() - done);
      REQUIRE(n > 0);
      done += static_cast<std::size_t>(n);
    }
  }
  void send(const json& message) { send_raw(framed(message)); }
  void notify(const std::string& method, json params) { send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}); }
  int send_request(const std::string& method, json params) {
    const int id = next_id_++;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return id;
  }
  /// The response to request `id` (notifications that come first are kept for later).
  json response(const json& id) {
    return wait_for([&](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); }, "the response to request " + id.dump());
  }
  json request(const std::string& method, json params) { return response(send_request(method, std::move(params))); }

  /// The next message that satisfies `match`, within 10 s; the others stay queued in order.
  json wait_for(const std::function<bool(const json&)>& match, const std::string& what, std::chrono::milliseconds timeout = 10000ms) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (std::size_t i = 0;; ++i) {
      while (i >= backlog_.size()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !read_some(left)) {
          FAIL("no " << what << " from zklint lsp");
          return {};
        }
      }
      if (match(backlog_[i])) {
        json m = std::move(backlog_[i]);
        backlog_.erase(backlog_.begin() + static_cast<std::ptrdiff_t>(i));
        return m;
      }
    }
  }
  json diagnostics(const std::string& uri) {
    return wait_for([&](const json& m) { return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri; },
                    "diagnostics for " + uri)["params"];
  }
  /// Every message that arrives within `period`, after those already queued.
  std::vector<json> drain(std::chrono::milliseconds period) {
    const auto deadline = std::chrono::steady_clock::now() + period;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !read_some(left)) break;
    }
    std::vector<json> all(backlog_.begin(), backlog_.end());
    backlog_.clear();
    return all;
  }

  json initialize(json capabilities = json::object()) {
    json result = request("initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", std::move(capabilities)}});
    notify("initialized", json::object());
    return result;
  }
  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "properties"}, {"version", version}, {"text", text}}}});
  }

  /// Closes the server's input (or not) and waits up to 10 s for it to exit; its exit code.
  int wait_exit(bool close_input) {
    if (close_input && in_ >= 0) {
      ::close(in_);
      in_ = -1;
    }
    for (int i = 0; i < 1000; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return *exit_code_;
      }
      drain(0ms);
      ::usleep(10000);
    }
    FAIL("zklint lsp did not exit");
    return -1;
  }

 private:
  // Reads what is there (waiting up to `timeout`) and cuts it into messages; false on timeout or end.
  bool read_some(std::chrono::milliseconds timeout) {
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
    char buffer[65536];
    const ssize_t n = ::read(out_, buffer, sizeof buffer);
    if (n <= 0) return false;
    pending_.append(buffer, static_cast<std::size_t>(n));
    cut_messages();
    return true;
  }
  // Standard output must be nothing but "Content-Length: N\r\n\r\n" + N bytes of JSON, repeated.
  void cut_messages() {
    static const std::string prefix = "Content-Length: ";
    for (;;) {
      if (pending_.size() < prefix.size()) {
        REQUIRE_MESSAGE(prefix.compare(0, pending_.size(), pending_) == 0, "not a protocol message on standard output: " << pending_);
        return;
      }
      REQUIRE_MESSAGE(pending_.compare(0, prefix.size(), prefix) == 0, "not a protocol message on standard output: " << pending_.substr(0, 200));
      const std::size_t blank = pending_.find("\r\n\r\n");
      if (blank == std::string::npos) return;
      const std::size_t length = std::stoul(pending_.substr(prefix.size(), blank - prefix.size()));
      if (pending_.size() < blank + 4 + length) return;
      backlog_.push_back(json::parse(pending_.substr(blank + 4, length)));
      REQUIRE(backlog_.back()["jsonrpc"] == "2.0");
      pending_.erase(0, blank + 4 + length);
    }
  }

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  int next_id_ = 1;
  std::string pending_;
  std::deque<json> backlog_;
  std::optional<int> exit_code_;
};

}  // namespace zklint::test
