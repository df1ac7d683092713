// file:// URIs (RFC 8089) and local paths.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace zklint::lsp {

/// The local path of a file: URI (percent-decoded), or nullopt for other schemes (untitled:, ...)
/// and for files on other hosts.
std::optional<std::filesystem::path> path_from_uri(std::string_view uri);
/// The file: URI of an absolute path, percent-encoding what RFC 3986 reserves.
std::string uri_from_path(const std::filesystem::path& path);

}  // namespace zklint::lsp
