// A linted open document as the features see it: the engine's result for the bytes Java reads,
// and the conversions between those bytes and what the client holds.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "positions.hpp"
#include "zklint/lint/engine.hpp"

namespace zklint::lsp {

using json = nlohmann::json;

/// A request that cannot be served; answered with this JSON-RPC error.
struct RpcError : std::runtime_error {
  RpcError(int rpc_code, const std::string& message) : std::runtime_error(message), code(rpc_code) {}
  int code;
};

class LintedView {
 public:
  /// `file.doc` must be set.
  LintedView(const FileResult& file, std::string uri, bool latin1, PositionEncoding encoding);

  const FileResult& file() const { return file_; }
  const Document& doc() const { return *file_.doc; }
  std::string_view bytes() const { return file_.doc->source().bytes(); }
  const std::string& uri() const { return uri_; }
  const LineIndex& index() const { return index_; }
  PositionEncoding encoding() const { return encoding_; }

  json position(std::uint32_t offset) const;
  json range(std::uint32_t begin, std::uint32_t end) const;
  json range(const Range& r) const { return range(r.begin.offset, r.end.offset); }
  /// The byte offset of an LSP Position object; RpcError when it is not one.
  std::uint32_t offset(const json& position) const;
  /// File bytes as the client's text (Latin-1 bytes become characters).
  std::string client_text(std::string_view bytes) const;
  /// An LSP TextEdit replacing bytes [begin, end) with file bytes `replacement`.
  json text_edit(std::uint32_t begin, std::uint32_t end, std::string_view replacement) const;

 private:
  const FileResult& file_;
  std::string uri_;
  bool latin1_;
  PositionEncoding encoding_;
  LineIndex index_;
};

/// An LSP Range object for a source range.
json lsp_range(const LineIndex& index, const Range& range, PositionEncoding encoding);

/// Reads an LSP Position object; RpcError when it is not one.
LspPosition read_position(const json& position);

}  // namespace zklint::lsp
