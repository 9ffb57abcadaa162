#include "pipeline/content_hash.h"

#include <cstdio>
#include <fstream>

namespace sextant {

void ContentHash::Add(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 1099511628211ull;  // FNV-1a 64's prime
  std::uint64_t hash = hash_;
  for (const unsigned char c : bytes) hash = (hash ^ c) * kPrime;
  hash_ = hash;
}

std::string ContentHash::Hex() const {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash_));
  return hex;
}

std::string HashBytes(std::string_view bytes) {
  ContentHash hash;
  hash.Add(bytes);
  return hash.Hex();
}

std::optional<ContentHash> HashFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  ContentHash hash;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    hash.Add(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) return std::nullopt;
  return hash;
}

}  // namespace sextant
