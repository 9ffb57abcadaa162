#include "ingest/file_table.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace sextant {

void FileTable::Add(std::string_view path, const ContentHash& hash) {
  if (sealed_) throw std::logic_error("FileTable::Add after Seal");
  constexpr std::size_t kMax = std::numeric_limits<std::uint32_t>::max();
  if (text_.size() + path.size() > kMax || entries_.size() >= kMax) {
    throw std::length_error("more files than one ingest holds (" + std::to_string(entries_.size()) +
                            "): ingest the corpus in parts, or a shard at a time (--shard K/N)");
  }
  entries_.push_back({static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(path.size()), hash});
  text_.append(path);
}

void FileTable::Seal() {
  const auto path_of = [this](const Entry& entry) { return std::string_view(text_).substr(entry.start, entry.length); };
  std::stable_sort(entries_.begin(), entries_.end(),
                   [&](const Entry& a, const Entry& b) { return path_of(a) < path_of(b); });
  entries_.erase(std::unique(entries_.begin(), entries_.end(),
                             [&](const Entry& a, const Entry& b) { return path_of(a) == path_of(b); }),
                 entries_.end());
  entries_.shrink_to_fit();
  text_.shrink_to_fit();
  sealed_ = true;
}

std::optional<FileTable::Id> FileTable::Find(std::string_view path) const {
  std::size_t low = 0, high = entries_.size();
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (Path(static_cast<Id>(middle)) < path) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (!sealed_ || low == entries_.size() || Path(static_cast<Id>(low)) != path) return std::nullopt;
  return static_cast<Id>(low);
}

FileTable::Id FileTable::IdOf(std::string_view path) const {
  if (const std::optional<Id> id = Find(path)) return *id;
  throw std::out_of_range(std::string(path) + ": not among the files hashed for this ingest");
}

}  // namespace sextant
