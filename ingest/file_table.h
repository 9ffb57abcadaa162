// FileTable: the files one ingest reads, each named by a number (Id) in
// path order, with its content hash. What the ingest keeps for each file
// through a run is this table and a few numbers, so it is made compact:
// every path in one buffer, and a file's entry 16 bytes (where a map of
// paths to hashes took about 128 bytes a file and a set of the files
// written 32 more: 210 MB at a million files, docs/benchmarks.md).
//
// Made in two steps: Add() every file, in any order (a path added twice is
// one file), then Seal(), which sorts them by path and numbers them; the
// lookups work once it is sealed.
//
// Thread-safety: Add() and Seal() by one thread; once sealed, a const
// table is read from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/content_hash.h"

namespace sextant {

class FileTable {
 public:
  using Id = std::uint32_t;

  // Adds a file with its hash. Throws std::length_error past 4 GiB of
  // paths or 2^32 files (tens of millions: ingest a corpus that size in
  // parts, or by shard).
  void Add(std::string_view path, const ContentHash& hash);
  // Sorts by path and drops a path added again (the hash added first is
  // kept). Adding after it throws std::logic_error.
  void Seal();

  std::size_t size() const { return entries_.size(); }
  // The file's number, or nullopt when the table does not hold the path.
  std::optional<Id> Find(std::string_view path) const;
  // As Find(); throws std::out_of_range naming the path when it is not held.
  Id IdOf(std::string_view path) const;
  std::string_view Path(Id id) const { return {text_.data() + entries_[id].start, entries_[id].length}; }
  const ContentHash& Hash(Id id) const { return entries_[id].hash; }

 private:
  struct Entry {
    std::uint32_t start = 0, length = 0;  // in text_
    ContentHash hash;
  };
  std::string text_;
  std::vector<Entry> entries_;
  bool sealed_ = false;
};

}  // namespace sextant
