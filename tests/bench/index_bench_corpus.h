// The index of index_bench, built from the UN Parallel Corpus devset
// written R times (see the header of index_bench.cc): what round r makes of
// each devset document, how many rounds give N segments, and the build
// itself, into one folder or dealt into shards (each document set whole in
// one shard: set k of the build, counted over rounds and documents, goes
// to shard k mod N, so every shard gets every round).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/corpus/alignment_eval.h"

namespace sextant::bench {

// What round r makes of devset document d: round r > 0 gives it its own
// symbol ("/Add.<r>"), date (one day per document from 2001-01-01), agenda
// item and path, so nothing is deduplicated.
struct DocumentFacts {
  std::string symbol, date, item, path_stem;
};
DocumentFacts FactsOf(const eval::Devset& devset, std::size_t round, std::size_t d);

std::size_t SegmentsPerRound(const eval::Devset& devset);
// The fewest rounds giving at least `min_segments` segment entries.
std::size_t RoundsFor(const eval::Devset& devset, std::size_t min_segments);
// Segment and document entries of `rounds` rounds (over all shards).
std::size_t ExpectedEntries(const eval::Devset& devset, std::size_t rounds);

// Writes `rounds` rounds through IndexWriter into `folders`: one folder is
// the single index, several are shards (set k to folders[k % N]), each
// written in transactions of about 20,000 segments. Prints one line (the
// time, segments per second); false, with the reason on stderr, on failure.
bool BuildIndex(const eval::Devset& devset, const std::vector<std::filesystem::path>& folders, std::size_t rounds);

// Bytes of the files in `folder` (a Xapian database is flat).
std::uintmax_t FolderBytes(const std::filesystem::path& folder);

}  // namespace sextant::bench
