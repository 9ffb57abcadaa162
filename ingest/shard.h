// Shards: which of N indexes a document set is written to by
// `sextant ingest --shard K/N` — the one definition that the ingest, its
// tests and the docs use.
//
// A set's key is its own symbol ("A/HRC/12/9"), the same for all its
// language versions, so that a set lands whole in one shard; a document
// with no symbol is a set of its own, keyed "#" + its path (SetKeyOf).
// The shard is FNV-1a 64 of the key's bytes modulo N, 0-based; the user
// writes K from 1 to N, so shard K/N holds the sets with ShardOf(key, N)
// == K - 1. The hash never changes between versions: an index written as
// shard K/N stays one.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/document.h"

namespace sextant {

// FNV-1a, 64 bits, of `bytes`.
constexpr std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// The 0-based shard of `set_key` among `count` (≥ 1).
constexpr int ShardOf(std::string_view set_key, int count) {
  return static_cast<int>(Fnv1a64(set_key) % static_cast<std::uint64_t>(count));
}

// The key a document's set is grouped and sharded by: its own symbol, or
// "#" + its path when it has none.
inline std::string SetKeyOf(const Document& document) {
  const std::string symbol = document.furniture.symbol.value_or("");
  return symbol.empty() ? "#" + document.path : symbol;
}

// Shard K of N as the user writes it: 1 ≤ index ≤ count. count 1 (the
// default) is the whole index, unsharded.
struct ShardSpec {
  int index = 1;
  int count = 1;
  bool sharded() const { return count > 1; }
  bool Holds(std::string_view set_key) const { return !sharded() || ShardOf(set_key, count) == index - 1; }
  std::string Text() const { return std::to_string(index) + "/" + std::to_string(count); }  // "2/4"
};

// "K/N" with 1 ≤ K ≤ N ≤ 1024, or nullopt.
inline std::optional<ShardSpec> ParseShard(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size()) return std::nullopt;
  auto number = [](std::string_view digits) -> int {
    if (digits.size() > 4) return -1;
    int value = 0;
    for (const char c : digits) {
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  const int index = number(text.substr(0, slash)), count = number(text.substr(slash + 1));
  if (count < 1 || count > 1024 || index < 1 || index > count) return std::nullopt;
  return ShardSpec{index, count};
}

}  // namespace sextant
