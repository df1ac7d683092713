// Storage for what a Document decodes (keys and values that differ from their source bytes, and
// their position maps): a few large blocks rather than an allocation per entry.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace zklint {

class Arena {
 public:
  Arena() = default;
  /// `block_size`: the size of each block; a small file asks for less than the default.
  explicit Arena(std::size_t block_size) : block_size_(std::max<std::size_t>(block_size, 64)) {}
  Arena(Arena&& other) noexcept { *this = std::move(other); }
  Arena& operator=(Arena&& other) noexcept {
    block_size_ = other.block_size_;
    blocks_ = std::move(other.blocks_);
    next_ = std::exchange(other.next_, nullptr);  // the blocks are ours now: `other` starts afresh
    free_ = std::exchange(other.free_, 0);
    return *this;
  }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  /// A copy of `items` that lives as long as the arena.
  template <typename T>
  std::span<const T> copy(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    void* dst = allocate(items.size_bytes(), alignof(T));
    std::memcpy(dst, items.data(), items.size_bytes());
    return {static_cast<const T*>(dst), items.size()};
  }
  std::string_view copy(std::string_view text) {
    const auto chars = copy(std::span<const char>(text.data(), text.size()));
    return {chars.data(), chars.size()};
  }

  /// Takes over the blocks of `other` (what it handed out stays valid).
  void adopt(Arena&& other) {
    for (auto& block : other.blocks_) blocks_.push_back(std::move(block));
    other.blocks_.clear();
    other.next_ = nullptr;
    other.free_ = 0;
  }

 private:
  void* allocate(std::size_t bytes, std::size_t align) {
    std::size_t pad = reinterpret_cast<std::uintptr_t>(next_) % align == 0 ? 0 : align - reinterpret_cast<std::uintptr_t>(next_) % align;
    if (pad + bytes > free_) {
      const std::size_t size = std::max(block_size_, bytes + align);
      blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
      next_ = blocks_.back().get();
      free_ = size;
      pad = reinterpret_cast<std::uintptr_t>(next_) % align == 0 ? 0 : align - reinterpret_cast<std::uintptr_t>(next_) % align;
    }
    std::byte* p = next_ + pad;
    next_ = p + bytes;
    free_ -= pad + bytes;
    return p;
  }

  std::size_t block_size_ = 64 * 1024;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  std::size_t free_ = 0;
};

}  // namespace zklint
