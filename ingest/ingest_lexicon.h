// IngestLexicon: the lexicon an index learns from the corpus ingested into
// it, and gives back to every later ingest and to `sextant align --index`.
//
// An ingest aligns each set's versions with its pivot (ingest/set_streamer.h).
// For each language pair it aligns, IngestLexicon
//   - gives the index's stored lexicon (INDEX/lexicon/SRC-TGT.lexicon,
//     lexicon_file.h) as the base the alignment's own lexicon is learned on
//     (AlignerOptions::dictionary), read once, when the pair first comes;
//   - counts the words of the confident 1–1 sentence links (score ≥ 0.5)
//     of every set written (LexiconCounts: counts, not texts, within
//     `max_bytes` for all pairs);
//   - Save(): adds the counts stored by earlier ingests
//     (INDEX/lexicon/SRC-TGT.counts), writes them back, and writes the
//     lexicon they give joined with the pairs stored before (so a later
//     ingest grows the lexicon, never replaces it), each file whole and
//     atomically (pipeline/file_io.h): a reader sees the old file or the
//     new one.
// Pairs are stored pivot first as the ingest aligns them (en-zh); a stored
// file of the other direction (zh-en, written by `align --save-lexicon`)
// is read swapped.
//
// Thread-safety: none; the set streamer's thread uses it while the ingest
// runs, then IngestFiles() saves it.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/alignment.h"
#include "pipeline/language.h"
#include "pipeline/status.h"
#include "stages/align/lexicon.h"
#include "stages/align/lexicon_counts.h"

namespace sextant {

struct IngestLexiconSaved {
  std::size_t pairs = 0;           // word pairs now stored, over every language pair saved
  std::size_t files = 0;           // language pairs saved
  std::size_t sentence_pairs = 0;  // confident sentence links counted, this ingest
  std::size_t counted_only = 0;    // language pairs with too few links yet for a lexicon
};

class IngestLexicon {
 public:
  // `folder`: the index's lexicon folder (INDEX/lexicon). `max_bytes`: about
  // what the counts of all language pairs may hold. `min_links`: a pair's
  // lexicon is written once its counts (stored and new) hold this many
  // sentence links; until then only its counts are.
  IngestLexicon(std::string folder, std::size_t max_bytes, std::size_t min_links);

  // The stored lexicon of the pair, as a base; null when none is stored.
  // A stored file that cannot be read is reported once in `problems` and
  // that pair is then neither used nor saved (it is left for the user).
  const Lexicon* Base(Language source, Language target);
  // Counts the confident 1–1 links of one aligned pair of versions.
  void Learn(const DocumentAlignment& alignment);

  Status Save(IngestLexiconSaved* saved);

  // Lines for the user (a stored file that cannot be read).
  std::vector<std::string> TakeProblems();
  // About the bytes the counts hold now, at most, and the bytes of the
  // stored lexicons read as bases.
  std::size_t peak_count_bytes() const { return peak_count_bytes_; }

 private:
  struct Pair {
    std::optional<LexiconCounts> counts;
    std::unique_ptr<Lexicon> base;
    bool read = false;     // the stored lexicon was looked for
    bool broken = false;   // ... and could not be read
  };
  Pair& Of(Language source, Language target);
  std::size_t PairLimit() const;

  std::string folder_;
  std::size_t max_bytes_;
  std::size_t min_links_;
  std::map<std::pair<Language, Language>, Pair> pairs_;
  std::vector<std::string> problems_;
  std::size_t peak_count_bytes_ = 0;
  std::size_t learned_since_check_ = 0;
};

}  // namespace sextant
