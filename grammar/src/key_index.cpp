#include "zklint/key_index.hpp"

#include <algorithm>
#include <bit>
#include <functional>

#include "zklint/document.hpp"

namespace zklint {

void KeyIndex::build(std::vector<Entry>& entries) {
  const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(8, 2 * entries.size()));
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  // In batches: hash a few keys and prefetch their slots, then insert them in file order. With a
  // million keys the table is far bigger than the cache, and waiting for each slot dominated.
  constexpr std::size_t batch = 16;
  std::size_t hashes[batch];
  for (std::size_t start = 0; start < entries.size(); start += batch) {
    const std::size_t end = std::min(entries.size(), start + batch);
    for (std::size_t i = start; i < end; ++i) {
      hashes[i - start] = std::hash<std::string_view>{}(entries[i].key);
      __builtin_prefetch(&slots_[hashes[i - start] & mask_]);
    }
    for (std::size_t i = start; i < end; ++i) insert(entries, entries[i], hashes[i - start]);
  }
}

void KeyIndex::insert(std::vector<Entry>& entries, Entry& e, std::size_t hash) {
  for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
    Slot& s = slots_[i];
    if (s.entry == 0) {
      s = {e.index + 1, check_bits(hash)};
      return;
    }
    if (s.check == check_bits(hash) && entries[s.entry - 1].key == e.key) {
      entries[s.entry - 1].overridden = true;
      s.entry = e.index + 1;
      return;
    }
  }
}

std::int64_t KeyIndex::find(const std::vector<Entry>& entries, std::string_view key) const {
  if (slots_.empty()) return -1;
  const std::size_t hash = std::hash<std::string_view>{}(key);
  for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.entry == 0) return -1;
    if (s.check == check_bits(hash) && entries[s.entry - 1].key == key) return s.entry - 1;
  }
}

}  // namespace zklint
