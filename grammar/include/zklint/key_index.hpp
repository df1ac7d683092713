// Which entry Java keeps for each key: the last one. Built once per file, after parsing.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace zklint {

struct Entry;

/// An open-addressing hash table of entry indices, keyed by the entries' decoded keys. A node-based
/// map cost a heap allocation per entry; this is one array of 8-byte slots at most half full.
class KeyIndex {
 public:
  /// Indexes `entries` in file order, so the last entry of each key wins, and sets
  /// Entry::overridden on every entry a later one replaces.
  void build(std::vector<Entry>& entries);
  /// Index of the last entry with `key` in the entries given to build(), or -1.
  std::int64_t find(const std::vector<Entry>& entries, std::string_view key) const;

 private:
  struct Slot {
    std::uint32_t entry = 0;  ///< entry index + 1; 0 is an empty slot
    std::uint32_t check = 0;  ///< high bits of the key's hash: most mismatches never touch the entry
  };
  void insert(std::vector<Entry>& entries, Entry& e, std::size_t hash);
  static std::uint32_t check_bits(std::size_t hash) { return static_cast<std::uint32_t>(static_cast<std::uint64_t>(hash) >> 32); }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace zklint
