// Human messages for the syntax issues of the grammar stage, kept apart from the grammar itself.
#pragma once

#include <string_view>

#include "zklint/document.hpp"

namespace zklint::grammar {

/// What went wrong, in the words Java's own exception uses, and what it means for Kafka/ZooKeeper.
constexpr std::string_view message(SyntaxIssue::Kind kind) {
  switch (kind) {
    case SyntaxIssue::Kind::malformed_unicode_escape:
      return "malformed \\uXXXX escape: java.util.Properties.load throws \"Malformed \\uxxxx encoding.\" "
             "and the whole file fails to load, so Kafka and ZooKeeper refuse to start";
  }
  return "syntax issue";
}

/// The exception message java.util.Properties.load throws for this issue.
constexpr std::string_view java_exception(SyntaxIssue::Kind kind) {
  switch (kind) {
    case SyntaxIssue::Kind::malformed_unicode_escape:
      return "java.lang.IllegalArgumentException: Malformed \\uxxxx encoding.";
  }
  return "";
}

}  // namespace zklint::grammar
