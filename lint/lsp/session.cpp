// The server's state and its protocol: the lifecycle (initialize, shutdown, exit), the open
// documents, when to lint them, and the requests the features in features.hpp answer.
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <set>

#include "features.hpp"
#include "server.hpp"
#include "transport.hpp"
#include "uri.hpp"
#include "zklint/lint/fixing.hpp"
#include "zklint/lint/input.hpp"
#include "zklint/lint/version.hpp"

namespace zklint::lsp {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// MessageType of window/showMessage and window/logMessage.
constexpr int message_error = 1, message_warning = 2, message_info = 3;

struct OpenDocument {
  std::string uri;
  std::optional<fs::path> path;  ///< for file: URIs
  std::int64_t version = 0;
  std::string text;    ///< as the client holds it (UTF-8)
  /// The file on disk is Latin-1, not UTF-8, and the editor decoded it so: Java reads, and the
  /// editor writes back, one byte per character.
  bool latin1 = false;
  std::string bytes;   ///< what Java reads: `text`, or its Latin-1 bytes
  std::optional<Clock::time_point> due;  ///< a lint is scheduled
  bool relint_siblings = false;          ///< after that lint, also the other files of its cluster
  Clock::time_point last_lint{};
  std::optional<FileResult> result;      ///< the last lint of `bytes`

  bool is_config_file() const { return path && path->filename() == ".zklint.json"; }
};

// Whether the diagnostics of `doc` point into the file at `path` (a cross-file finding).
bool mentions(const OpenDocument& doc, const fs::path& path) {
  if (!doc.result) return false;
  for (const Diagnostic& d : doc.result->diagnostics) {
    for (const RelatedLocation& r : d.related) {
      if (!r.path.empty() && fs::absolute(r.path).lexically_normal() == path) return true;
    }
  }
  return false;
}

// Points a run at one document. A file not saved yet is linted like standard input named after
// it, which gives it its directory's config and a kind from its name.
void aim(RunOptions& options, const OpenDocument& doc) {
  std::error_code ec;
  const bool on_disk = doc.path && fs::is_regular_file(*doc.path, ec);
  options.paths = {on_disk ? doc.path->string() : "-"};
  options.stdin_filename = doc.path ? doc.path->string() : doc.uri;
  if (!on_disk) options.contents["-"] = doc.bytes;
}

const json& member(const json& object, const char* name) {
  static const json null;
  if (!object.is_object()) return null;
  const auto it = object.find(name);
  return it == object.end() ? null : *it;
}

const std::string& string_member(const json& object, const char* name, const char* what) {
  const json& value = member(object, name);
  if (!value.is_string()) throw RpcError(error_code::invalid_params, std::string(what) + " needs a string '" + name + "'");
  return value.get_ref<const std::string&>();
}

class Session {
 public:
  Session(int in, int out, const ServerOptions& options) : in_(in), out_(out), options_(options), run_(options.lint) { run_.jobs = 1; }
  int run();

 private:
  // The protocol.
  void read_batch(std::vector<Frame>& frames);
  void handle_batch(std::vector<Frame> frames);
  void handle(const json& message);
  json request(const std::string& method, const json& params);
  void notification(const std::string& method, const json& params);
  json initialize(const json& params);
  void send(const json& message);
  void respond_error(const json& id, int code, const std::string& message);
  void notify(const std::string& method, json params) { send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}); }
  void log(int type, const std::string& message) { notify("window/logMessage", {{"type", type}, {"message", "zklint: " + message}}); }
  void show_once(int type, const std::string& message);

  // The documents.
  OpenDocument& document(const json& params);
  void did_open(const json& params);
  void did_change(const json& params);
  void did_save(const json& params);
  void did_close(const json& params);
  void did_change_watched_files(const json& params);
  void set_bytes(OpenDocument& doc);

  // Linting and publishing.
  void schedule(OpenDocument& doc, bool siblings);
  void lint_due();
  int poll_timeout() const;
  void lint(OpenDocument& doc);
  void publish(const OpenDocument& doc);
  void relint_related(const OpenDocument& changed);
  void relint_all();
  std::optional<LintedView> view(OpenDocument& doc);
  std::optional<json> locate(const std::string& path, const Range& range) const;
  std::optional<std::string> fix_all(const OpenDocument& doc);

  int in_, out_;
  ServerOptions options_;
  FrameReader reader_;
  std::map<std::string, OpenDocument> documents_;  ///< by URI
  RunOptions run_;  ///< contents: the bytes of every open file, which the engine reads instead of the disk
  PositionEncoding encoding_ = PositionEncoding::utf16;
  bool initialized_ = false, shutdown_ = false, exited_ = false, client_gone_ = false;
  bool document_changes_ = false, watch_files_ = false;
  std::set<std::string> cancelled_;  ///< ids (as JSON text) of requests of this batch cancelled before they ran
  std::set<std::string> shown_;
  int next_id_ = 1;
};

int Session::run() {
  while (!exited_ && !client_gone_) {
    std::vector<Frame> frames;
    pollfd p{in_, POLLIN, 0};
    const int ready = ::poll(&p, 1, poll_timeout());
    if (ready < 0 && errno != EINTR) break;
    if (ready > 0) {
      char buffer[65536];
      const ssize_t n = ::read(in_, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // the client closed our input without `exit`
      reader_.append(std::string_view(buffer, static_cast<std::size_t>(n)));
      while (auto f = reader_.next()) frames.push_back(std::move(*f));
      handle_batch(std::move(frames));
    }
    if (!exited_) lint_due();
  }
  return shutdown_ && exited_ ? 0 : 1;
}

void Session::handle_batch(std::vector<Frame> frames) {
  std::vector<std::optional<json>> messages;
  for (const Frame& f : frames) {
    if (f.header_error) {
      respond_error(nullptr, error_code::parse_error, "unreadable message header: " + *f.header_error);
      messages.emplace_back();
      continue;
    }
    try {
      messages.emplace_back(json::parse(f.body));
    } catch (const json::parse_error& e) {
      respond_error(nullptr, error_code::parse_error, std::string("the message is not JSON: ") + e.what());
      messages.emplace_back();
      continue;
    }
    // Requests in this batch that the client cancels in the same batch are answered as cancelled.
    const json& m = *messages.back();
    if (m.is_object() && m.value("method", json()) == "$/cancelRequest") cancelled_.insert(member(m["params"], "id").dump());
  }
  for (const auto& m : messages) {
    if (m && !exited_) handle(*m);
  }
  cancelled_.clear();
}

void Session::handle(const json& message) {
  if (!message.is_object()) return respond_error(nullptr, error_code::invalid_request, "a message must be a JSON object");
  const json& id = member(message, "id");
  const json& method = member(message, "method");
  const bool valid_id = id.is_string() || id.is_number_integer();
  if (method.is_null() && (message.contains("result") || message.contains("error"))) return;  // answers to our requests
  if (!method.is_string() || member(message, "jsonrpc") != "2.0" || (!id.is_null() && !valid_id)) {
    return respond_error(valid_id ? id : json(), error_code::invalid_request,
                         "a JSON-RPC 2.0 message needs \"jsonrpc\": \"2.0\", a string \"method\" and an integer or string \"id\" (for a request)");
  }
  const json& params = member(message, "params");
  const std::string& name = method.get_ref<const std::string&>();
  if (id.is_null()) {
    try {
      notification(name, params);
    } catch (const std::exception& e) {
      log(message_error, name + ": " + e.what());  // a notification has no answer: tell the log
    }
    return;
  }
  if (cancelled_.count(id.dump())) return respond_error(id, error_code::request_cancelled, "the request was cancelled");
  try {
    if (!params.is_null() && !params.is_object() && !params.is_array()) throw RpcError(error_code::invalid_params, "params must be an object");
    json result = request(name, params);
    send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  } catch (const RpcError& e) {
    respond_error(id, e.code, e.what());
  } catch (const std::exception& e) {
    respond_error(id, error_code::internal_error, std::string("internal error: ") + e.what());
  }
}

json Session::request(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) throw RpcError(error_code::invalid_request, "the server is already initialized");
    return initialize(params);
  }
  if (!initialized_) throw RpcError(error_code::server_not_initialized, "the first request must be initialize");
  if (shutdown_) throw RpcError(error_code::invalid_request, "the server is shutting down: only exit is accepted");
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") {
    OpenDocument& doc = document(params);
    const auto v = view(doc);
    if (!v) return json::array();
    const Locate locate = [this](const std::string& path, const Range& r) { return this->locate(path, r); };
    return code_actions(*v, {params, locate, [this, &doc] { return fix_all(doc); }, document_changes_, doc.version});
  }
  if (method == "textDocument/hover") {
    OpenDocument& doc = document(params);
    const auto v = view(doc);
    return v ? hover(*v, v->offset(member(params, "position"))) : json();
  }
  if (method == "textDocument/completion") {
    OpenDocument& doc = document(params);
    const auto v = view(doc);
    return v ? completion(*v, v->offset(member(params, "position"))) : json::array();
  }
  throw RpcError(error_code::method_not_found, "zklint does not serve '" + method + "'");
}

void Session::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // LSP 3.17: dropped before initialize and after shutdown
  if (method == "initialized") {
    if (!watch_files_) return;
    const json watchers = json::array({{{"globPattern", "**/.zklint.json"}}, {{"globPattern", "**/*.properties"}}, {{"globPattern", "**/*.cfg"}}});
    send({{"jsonrpc", "2.0"}, {"id", "zklint-" + std::to_string(next_id_++)}, {"method", "client/registerCapability"},
          {"params", {{"registrations", json::array({{{"id", "zklint-watch"}, {"method", "workspace/didChangeWatchedFiles"}, {"registerOptions", {{"watchers", watchers}}}}})}}}});
  } else if (method == "textDocument/didOpen") {
    did_open(params);
  } else if (method == "textDocument/didChange") {
    did_change(params);
  } else if (method == "textDocument/didSave") {
    did_save(params);
  } else if (method == "textDocument/didClose") {
    did_close(params);
  } else if (method == "workspace/didChangeWatchedFiles") {
    did_change_watched_files(params);
  }
  // Anything else ($/cancelRequest handled per batch, $/setTrace, ...) needs nothing from us.
}

json Session::initialize(const json& params) {
  const json& capabilities = member(params, "capabilities");
  const json& encodings = member(member(capabilities, "general"), "positionEncodings");
  if (encodings.is_array() && std::find(encodings.begin(), encodings.end(), "utf-8") != encodings.end()) encoding_ = PositionEncoding::utf8;
  const json& workspace = member(capabilities, "workspace");
  document_changes_ = member(member(workspace, "workspaceEdit"), "documentChanges") == true;
  watch_files_ = member(member(workspace, "didChangeWatchedFiles"), "dynamicRegistration") == true;
  initialized_ = true;
  const json sync = {{"openClose", true}, {"change", 2 /* incremental */}, {"save", {{"includeText", false}}}};
  return {{"capabilities",
           {{"positionEncoding", to_string(encoding_)},
            {"textDocumentSync", sync},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.fixAll.zklint"}}}},
            {"hoverProvider", true},
            {"completionProvider", {{"triggerCharacters", {"=", ",", "."}}}}}},
          {"serverInfo", {{"name", "zklint"}, {"version", version}}}};
}

void Session::send(const json& message) {
  if (!client_gone_ && !write_all(out_, frame(message))) client_gone_ = true;
}

void Session::respond_error(const json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Session::show_once(int type, const std::string& message) {
  if (shown_.insert(message).second) notify("window/showMessage", {{"type", type}, {"message", "zklint: " + message}});
}

OpenDocument& Session::document(const json& params) {
  const std::string& uri = string_member(member(params, "textDocument"), "uri", "textDocument");
  const auto it = documents_.find(uri);
  if (it == documents_.end()) throw RpcError(error_code::invalid_params, uri + " is not open (send textDocument/didOpen first)");
  return it->second;
}

void Session::set_bytes(OpenDocument& doc) {
  std::optional<std::string> bytes = doc.latin1 ? utf8_to_latin1(doc.text) : std::nullopt;
  doc.latin1 = bytes.has_value();  // a character beyond Latin-1 was typed: the file will be saved as UTF-8
  doc.bytes = bytes ? std::move(*bytes) : doc.text;
  if (doc.path) run_.contents[content_key(*doc.path)] = doc.bytes;
}

void Session::did_open(const json& params) {
  const json& item = member(params, "textDocument");
  OpenDocument doc;
  doc.uri = string_member(item, "uri", "textDocument/didOpen");
  doc.text = string_member(item, "text", "textDocument/didOpen");
  doc.version = member(item, "version").is_number_integer() ? member(item, "version").get<std::int64_t>() : 0;
  doc.path = path_from_uri(doc.uri);
  if (doc.path) {
    // The editor decoded a file that is not UTF-8 as Latin-1 when its text is exactly that.
    const ReadResult disk = read_input(doc.path->string(), doc.path->string());
    doc.latin1 = disk.source && !valid_utf8(disk.source->bytes()) && latin1_to_utf8(disk.source->bytes()) == doc.text;
  }
  set_bytes(doc);
  doc.due = Clock::now();  // a new document is linted at once
  documents_[doc.uri] = std::move(doc);
}

void Session::did_change(const json& params) {
  OpenDocument& doc = document(params);
  const json& changes = member(params, "contentChanges");
  if (!changes.is_array()) throw RpcError(error_code::invalid_params, "textDocument/didChange needs contentChanges");
  for (const json& change : changes) {
    const std::string& text = string_member(change, "text", "a content change");
    const json& range = member(change, "range");
    if (range.is_null()) {
      doc.text = text;  // full sync: the whole document
      continue;
    }
    const LineIndex index(doc.text, false);
    const std::uint32_t begin = index.offset(read_position(member(range, "start")), encoding_);
    const std::uint32_t end = std::max(begin, index.offset(read_position(member(range, "end")), encoding_));
    doc.text.replace(begin, end - begin, text);
  }
  if (member(member(params, "textDocument"), "version").is_number_integer()) doc.version = params["textDocument"]["version"].get<std::int64_t>();
  set_bytes(doc);
  schedule(doc, true);
}

void Session::did_save(const json& params) {
  OpenDocument& doc = document(params);
  if (doc.is_config_file()) return relint_all();
  schedule(doc, true);
  doc.due = Clock::now();
}

void Session::did_close(const json& params) {
  OpenDocument& doc = document(params);
  OpenDocument closed = std::move(doc);
  documents_.erase(closed.uri);
  if (closed.path) run_.contents.erase(content_key(*closed.path));
  notify("textDocument/publishDiagnostics", {{"uri", closed.uri}, {"diagnostics", json::array()}});
  relint_related(closed);  // its cluster now reads the file from disk again
}

void Session::did_change_watched_files(const json& params) {
  const json& changes = member(params, "changes");
  if (!changes.is_array()) throw RpcError(error_code::invalid_params, "workspace/didChangeWatchedFiles needs changes");
  for (const json& change : changes) {
    const auto path = path_from_uri(member(change, "uri").is_string() ? change["uri"].get<std::string>() : "");
    if (!path) continue;
    if (path->filename() == ".zklint.json") return relint_all();
    OpenDocument gone;  // a file changed on disk: its open siblings see the new text
    gone.path = path;
    if (std::none_of(documents_.begin(), documents_.end(), [&](const auto& d) { return d.second.path == path; })) relint_related(gone);
  }
}

void Session::schedule(OpenDocument& doc, bool siblings) {
  doc.due = std::max(Clock::now(), doc.last_lint + options_.debounce);
  doc.relint_siblings = doc.relint_siblings || siblings;
}

int Session::poll_timeout() const {
  std::optional<Clock::time_point> next;
  for (const auto& [uri, doc] : documents_) {
    if (doc.due && (!next || *doc.due < *next)) next = doc.due;
  }
  if (!next) return -1;
  const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(wait, 0, 60000));
}

void Session::lint_due() {
  const auto now = Clock::now();
  for (auto& [uri, doc] : documents_) {
    if (!doc.due || *doc.due > now) continue;
    const bool siblings = doc.relint_siblings;
    lint(doc);
    if (siblings) relint_related(doc);
  }
}

void Session::lint(OpenDocument& doc) {
  doc.due.reset();
  doc.relint_siblings = false;
  doc.last_lint = Clock::now();
  if (doc.is_config_file()) return;
  aim(run_, doc);
  RunResult result = run_lint(run_);
  run_.contents.erase("-");
  for (const std::string& e : result.config_errors) show_once(message_error, e);
  doc.result.reset();
  if (!result.files.empty()) doc.result = std::move(result.files.front());
  if (doc.result && doc.result->not_linted) show_once(message_warning, doc.result->path + " " + *doc.result->not_linted);
  if (doc.result) {
    for (const std::string& e : doc.result->internal_errors) log(message_error, "internal error (a zklint bug, please report it): " + e);
  }
  publish(doc);
}

void Session::publish(const OpenDocument& doc) {
  json diagnostics = json::array();
  if (doc.result && doc.result->doc) {
    const LintedView v(*doc.result, doc.uri, doc.latin1, encoding_);
    const Locate locate = [this](const std::string& path, const Range& r) { return this->locate(path, r); };
    for (const Diagnostic& d : doc.result->diagnostics) diagnostics.push_back(lsp_diagnostic(d, v, locate));
  }
  notify("textDocument/publishDiagnostics", {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(diagnostics)}});
}

void Session::relint_related(const OpenDocument& changed) {
  if (!changed.path) return;
  for (auto& [uri, other] : documents_) {
    if (&other == &changed || !other.path || other.path == changed.path || other.is_config_file()) continue;
    if (other.path->parent_path() == changed.path->parent_path() || mentions(other, *changed.path) || mentions(changed, *other.path)) lint(other);
  }
}

void Session::relint_all() {
  for (auto& [uri, doc] : documents_) lint(doc);
}

std::optional<LintedView> Session::view(OpenDocument& doc) {
  if (doc.due || !doc.result) lint(doc);  // answer about the text the client has now
  if (!doc.result || !doc.result->doc) return std::nullopt;
  return LintedView(*doc.result, doc.uri, doc.latin1, encoding_);
}

std::optional<json> Session::locate(const std::string& path, const Range& range) const {
  const fs::path where = fs::absolute(path).lexically_normal();
  for (const auto& [uri, doc] : documents_) {
    if (doc.path == where) return json{{"uri", uri}, {"range", lsp_range(LineIndex(doc.bytes, doc.latin1), range, encoding_)}};
  }
  const ReadResult disk = read_input(where.string(), where.string());
  if (!disk.source) return std::nullopt;
  const LineIndex index(disk.source->bytes(), !valid_utf8(disk.source->bytes()));
  return json{{"uri", uri_from_path(where)}, {"range", lsp_range(index, range, encoding_)}};
}

// What `zklint --fix` would write for the document: its safe fixes, linted again until none is left.
std::optional<std::string> Session::fix_all(const OpenDocument& doc) {
  RunOptions options = run_;
  aim(options, doc);
  const FixRun run = fix_until_stable(std::move(options), FixOptions{});
  if (run.changed.empty()) return std::nullopt;
  return run.changed.front().fixed;
}

}  // namespace

int serve(int in_fd, int out_fd, const ServerOptions& options) {
  Session session(in_fd, out_fd, options);
  return session.run();
}

}  // namespace zklint::lsp
