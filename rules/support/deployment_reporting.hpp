// Reporting what the deployment adapters found (lint/src/deploy/): the compose rules are one kind
// of finding each.
#pragma once

#include "zklint/lint/context.hpp"
#include "zklint/lint/reporter.hpp"

namespace zklint::support {

/// Reports each finding of `kind` about the deployment file itself.
inline void report_file_findings(const LintContext& ctx, Reporter& out, FileFinding::Kind kind) {
  if (!ctx.profile().compose) return;
  for (const FileFinding& f : ctx.profile().compose->findings) {
    if (f.kind == kind) out.report(f.range, f.message).anchor(f.message);
  }
}

/// Reports each finding of `kind` about one of its containers, naming the service.
inline void report_container_findings(const LintContext& ctx, Reporter& out, ContainerFinding::Kind kind) {
  if (!ctx.profile().compose) return;
  for (const DeployedNode& node : ctx.profile().compose->nodes) {
    for (const ContainerFinding& f : node.findings) {
      if (f.kind == kind) out.report(f.range, "service '" + node.service + "': " + f.message).anchor(node.service + ": " + f.message);
    }
  }
}

}  // namespace zklint::support
