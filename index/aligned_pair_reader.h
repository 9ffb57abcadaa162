// AlignedPairReader: every aligned sentence pair of two languages in the
// index, document after document, for `sextant export` (the corpus as a
// translation memory). Memory holds one document's two versions at a
// time, never the corpus: the documents are walked through Xapian's
// posting list of document entries, and each one's alignment is read back
// by RecordReader (record_reader.h), as the writer stored it.
//
// Which pairs: the documents that have a version in the source language
// (in the order they were indexed) and one in the target language; of each
// one, the links of RecordReader::ReadAlignment with sentences on both
// sides (1–1, 1–2, 2–1, 2–2): a 1–0 or 0–1 link is no pair, and is
// counted. With the pivot (English, else the first language of the set:
// ingest/set_streamer.h) as one of the two languages, these are the links
// the aligner made and the writer stored; between two other languages they
// are composed through the pivot, with the lower score. A pair whose score
// is below `min_score` is weak and left out (counted); min_score 0 keeps
// every pair. A pair with a side that is empty or white space is left out
// (counted).
//
// Which documents: with a query (the syntax of `sextant search`,
// index_searcher.h), those of which the search finds a segment (or, with a
// record field such as from:, a recommendation record) in ANY language
// version; `lang:` in the query therefore restricts through that one
// version only (choose the pair with PairSelection instead). No query:
// every document.
//
// Contract: Open() fails like IndexSearcher::Open() (missing folder, not an
// index, a shard that does not answer; with partial results, shards that
// do not answer are left out and named by missing_shards()). Read() fails
// with kInvalidArgument on a query that does not parse, with the index's
// failure (kIoError, kDamaged, kUnavailable) when reading fails part way:
// pairs given before it stand, and no later ones come (a shard lost part
// way is not left out, even with partial results).
//
// Thread-safety: one AlignedPairReader per thread (it holds Xapian
// databases).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "index/index_shards.h"
#include "pipeline/aligned_pair.h"
#include "pipeline/alignment.h"
#include "pipeline/language.h"
#include "pipeline/status.h"

namespace sextant {

struct PairSelection {
  Language source = Language::kChinese;
  Language target = Language::kEnglish;
  std::string query;                     // empty: every document
  double min_score = kDefaultWeakScore;  // the aligner's weak links (below 0.35) left out
};

struct PairCounts {
  std::size_t documents = 0;       // documents read: both versions there, matching the query
  std::size_t pairs = 0;           // pairs given to the sink
  std::size_t weak = 0;            // pairs below min_score, left out
  std::size_t one_sided = 0;       // 1–0 and 0–1 links (no pair)
  std::size_t empty = 0;           // pairs with an empty side, left out
  std::size_t no_target = 0;       // matching documents without a target version
};

class AlignedPairReader {
 public:
  static Status Open(const IndexShards& where, std::unique_ptr<AlignedPairReader>* reader);
  ~AlignedPairReader();
  AlignedPairReader(const AlignedPairReader&) = delete;
  AlignedPairReader& operator=(const AlignedPairReader&) = delete;

  // Called with each pair, in document order, then link order.
  using PairSink = std::function<void(const AlignedPair& pair)>;
  // Called after each document in the source language: how many of them
  // have been looked at, of how many, and the one just done (its symbol,
  // or its file's content hash when it has none).
  using Progress = std::function<void(std::size_t done, std::size_t total, const std::string& document)>;

  Status Read(const PairSelection& selection, const PairSink& sink, const Progress& progress, PairCounts* counts);

  // The shards left out because they did not answer (partial results only).
  const std::vector<std::string>& missing_shards() const;

 private:
  struct Impl;
  explicit AlignedPairReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sextant
