#include "zklint/lint/release_questions.hpp"

namespace zklint {
namespace {
thread_local ReleaseLog* current_log = nullptr;
}  // namespace

ReleaseLog::ReleaseLog() : outer_(current_log) { current_log = this; }

ReleaseLog::~ReleaseLog() {
  current_log = outer_;
  if (outer_ != nullptr) outer_->note(asked_);
}

ReleaseLog* ReleaseLog::current() { return current_log; }

ReleaseLog::Paused::Paused() : paused_(current_log) { current_log = nullptr; }
ReleaseLog::Paused::~Paused() { current_log = paused_; }

}  // namespace zklint
