// ContentHash: Sextant's one hash, FNV-1a 64 (Fowler–Noll–Vo), written as
// 16 hex digits. It names a file's bytes (ingest skips a file whose hash
// the index holds under its path), keys long paths in the index, and
// checks an index's terms in tests. Not cryptographic: it tells versions
// of a file apart, it does not resist someone making two files collide.
//
// Thread-safety: a ContentHash is a value, fed by one thread; the free
// functions are pure (HashFile reads the file).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sextant {

class ContentHash {
 public:
  // Feeds more bytes; hashing in pieces gives the hash of the whole.
  void Add(std::string_view bytes);
  std::string Hex() const;  // 16 lower-case hex digits

 private:
  std::uint64_t hash_ = 14695981039346656037ull;  // FNV-1a 64's offset basis
};

// The hash of `bytes`, as Hex().
std::string HashBytes(std::string_view bytes);

// The hash of the file's bytes (8 bytes, for a table of many files; Hex()
// names it), or nullopt when the file cannot be read whole.
std::optional<ContentHash> HashFile(const std::string& path);

}  // namespace sextant
