// XML text for the Checkstyle and JUnit reports.
#pragma once

#include <string>
#include <string_view>

namespace zklint::output {

/// Escapes text for an XML 1.0 attribute value or element content. Characters XML 1.0 cannot
/// carry at all (most control characters, invalid UTF-8 from a file name) become U+FFFD; tabs and
/// line breaks become character references so that attribute normalization keeps them.
std::string xml_escape(std::string_view text);

}  // namespace zklint::output
