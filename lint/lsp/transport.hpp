// JSON-RPC 2.0 over a byte stream with LSP's base protocol framing:
//   Content-Length: 52\r\n
//   \r\n
//   {"jsonrpc":"2.0","id":1,"method":"initialize",...}
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace zklint::lsp {

/// One message cut from the input: its body, or why the header could not be read.
struct Frame {
  std::string body;
  std::optional<std::string> header_error;
};

/// Cuts frames from the bytes read so far. A broken header is reported once and skipped: the
/// reader resynchronizes at the next "Content-Length:" so that one bad message does not end the
/// session.
class FrameReader {
 public:
  /// Bodies larger than this are refused (and skipped) instead of buffered.
  static constexpr std::size_t max_body = std::size_t{64} << 20;

  void append(std::string_view bytes) { buffer_.append(bytes); }
  std::optional<Frame> next();
  /// Bytes of an incomplete message are waiting.
  bool partial() const { return !buffer_.empty(); }

 private:
  std::optional<Frame> skip_broken_header(std::size_t header_end, std::string why);

  std::string buffer_;
  std::size_t skipping_ = 0;  ///< body bytes of a refused message still to drop
};

/// The frame of one message, ready to write.
std::string frame(const nlohmann::json& message);

/// Writes all of `bytes` to `fd`. Returns false when the peer is gone.
bool write_all(int fd, std::string_view bytes);

/// JSON-RPC error codes (JSON-RPC 2.0 and LSP 3.17).
namespace error_code {
constexpr int parse_error = -32700;
constexpr int invalid_request = -32600;
constexpr int method_not_found = -32601;
constexpr int invalid_params = -32602;
constexpr int internal_error = -32603;
constexpr int server_not_initialized = -32002;
constexpr int request_cancelled = -32800;
}  // namespace error_code

}  // namespace zklint::lsp
