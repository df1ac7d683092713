#include "transport.hpp"

#include <unistd.h>

#include <cerrno>
#include <charconv>

#include "zklint/lint/strings.hpp"

namespace zklint::lsp {

namespace {

constexpr std::string_view content_length = "content-length:";

// The value of the Content-Length field of a header block, or why there is none.
std::optional<std::size_t> parse_length(std::string_view header, std::string& why) {
  std::optional<std::size_t> length;
  for (std::string_view line : split(header, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (to_lower(line.substr(0, content_length.size())) != content_length) continue;
    const std::string_view digits = java_trim(line.substr(content_length.size()));
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
      why = "the Content-Length header is not a number: '" + std::string(digits) + "'";
      return std::nullopt;
    }
    length = n;
  }
  if (!length) why = "the message header has no Content-Length";
  return length;
}

}  // namespace

std::optional<Frame> FrameReader::skip_broken_header(std::size_t header_end, std::string why) {
  buffer_.erase(0, header_end);
  // Resynchronize at the next header, so that the messages after the broken one are served.
  const std::size_t next = to_lower(buffer_).find("content-length:");
  buffer_.erase(0, next == std::string::npos ? buffer_.size() : next);
  return Frame{{}, std::move(why)};
}

std::optional<Frame> FrameReader::next() {
  if (skipping_ > 0) {
    const std::size_t n = std::min(skipping_, buffer_.size());
    buffer_.erase(0, n);
    skipping_ -= n;
    if (skipping_ > 0) return std::nullopt;
  }
  const std::size_t blank = buffer_.find("\r\n\r\n");
  if (blank == std::string::npos) {
    if (buffer_.size() > 8192) return skip_broken_header(buffer_.size(), "a message header longer than 8 KiB without its end (\\r\\n\\r\\n)");
    return std::nullopt;
  }
  std::string why;
  const auto length = parse_length(std::string_view(buffer_).substr(0, blank), why);
  if (!length) return skip_broken_header(blank + 4, why);
  if (*length > max_body) {
    buffer_.erase(0, blank + 4);
    skipping_ = *length;
    return Frame{{}, "a message of " + std::to_string(*length) + " bytes is larger than the 64 MiB limit"};
  }
  if (buffer_.size() < blank + 4 + *length) return std::nullopt;
  Frame frame{buffer_.substr(blank + 4, *length), std::nullopt};
  buffer_.erase(0, blank + 4 + *length);
  return frame;
}

std::string frame(const nlohmann::json& message) {
  // Text from files that are not UTF-8 (Latin-1 bytes in a message) is replaced, never thrown on.
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace zklint::lsp
