// LexiconCounts: what a lexicon is learned from, kept as counts rather than
// texts, so that a corpus of any size (an ingest) teaches one lexicon per
// language pair in bounded memory, and a later corpus adds to the counts of
// an earlier one (INDEX/lexicon/SRC-TGT.counts, beside the .lexicon file
// that lexicon_file.h reads).
//
// Add() takes the words of one sentence pair believed to translate each
// other (a confident 1–1 link) and counts each word, and each pair of a
// source and a target word seen together. Pairs() keeps what
// Lexicon::LearnFromWords keeps from the same sentence pairs (lexicon.h:
// count, Dice, the best few a word), so counts gathered piece by piece give
// the lexicon one pass over all the text would.
//
// Memory: the words (each distinct word once, with its count) and the pair
// counts, 12 bytes a distinct pair, in a sorted table; new pairs wait in a
// buffer (8 bytes each, half max_pairs but at least 4 Ki and at most 64 Ki,
// never grown past that) until merged into it in place (the table keeps
// its capacity, at most max_pairs plus the buffer's, from one merge to the
// next: no copy, nothing given back and asked again). When
// the table passes `max_pairs`, the pairs with the lowest Dice's
// coefficient so far (two frequent words seen together once or twice: the
// pairs least likely ever to be kept) are dropped until it holds three
// quarters of it, and words left in no pair and seen once are dropped too
// (lossy: a pair dropped may be under-counted later by what it had).
// The words are bounded too, at max_words() (a quarter of max_pairs, the
// two languages together: a word costs about six times a pair): past it,
// the words in no pair are dropped, rarest first, until three quarters
// of it are left, or none in no pair (a word dropped and seen again is
// counted afresh). pruned_dice() says how far pruning went: the highest
// coefficient dropped (0: nothing).
//
// The counts file: a first line "# sextant lexicon counts SRC TGT", then
// "s TAB word TAB count" (source words), "t TAB word TAB count" (target
// words), "p TAB source word TAB target word TAB count" (pairs). Merge()
// adds a parsed file's counts (ParseCounts) to these.
//
// Thread-safety: none; one thread uses a LexiconCounts at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/language.h"
#include "stages/align/lexicon.h"
#include "stages/align/lexicon_file.h"

namespace sextant {

class LexiconCounts {
 public:
  LexiconCounts(Language source, Language target, std::size_t max_pairs = std::size_t{1} << 21);
  // Move only (the word table points into its own hash map).
  LexiconCounts(LexiconCounts&&) = default;
  LexiconCounts& operator=(LexiconCounts&&) = default;
  LexiconCounts(const LexiconCounts&) = delete;
  LexiconCounts& operator=(const LexiconCounts&) = delete;

  // One sentence pair's distinct words (LexiconWords), source and target.
  void Add(const WordList& source, const WordList& target);
  // Adds another's counts (of the same language pair) to these.
  void Merge(const LexiconCounts& other);

  // The word pairs a lexicon keeps from these counts, sorted, each once.
  LexiconPairs Pairs();

  // The counts file's text (Write: streamed, for a file too large to hold
  // twice), and back: a problem (empty when none) when the text is not a
  // counts file of this pair (a file naming the pair the other way round is
  // read swapped), with its line number.
  void Write(std::ostream& out);
  std::string Format();
  static std::string Parse(std::string_view text, Language source, Language target, std::size_t max_pairs,
                           LexiconCounts* counts);

  Language source() const { return source_language_; }
  Language target() const { return target_language_; }
  std::size_t sentence_pairs() const { return sentence_pairs_; }
  std::size_t distinct_pairs();  // after merging what waits
  std::size_t words() const { return source_.words.size() + target_.words.size(); }
  std::size_t max_words() const { return max_pairs_ / 4; }
  double pruned_dice() const { return pruned_dice_; }
  // About the bytes held (words, pair table, buffer).
  std::size_t bytes() const;

 private:
  struct Vocabulary {
    std::unordered_map<std::string, int> ids;
    std::vector<const std::string*> words;  // by id: keys of `ids`
    std::vector<std::uint32_t> counts;
    int Intern(const std::string& word);
    // Drops the words neither in a pair (`in_pair`, by id) nor seen more
    // than `cut` times, in place, but for the first `*ties_kept` seen
    // exactly `cut` times (counted down); the others keep their order.
    // Returns each old id's new one (-1: dropped).
    std::vector<int> Compact(const std::vector<char>& in_pair, std::uint32_t cut, std::size_t* ties_kept);
  };
  // Adds (key, count) entries, in any order, keys may repeat.
  void MergeEntries(std::vector<std::pair<std::uint64_t, std::uint32_t>> entries);
  void Flush();  // merges the buffer into the table, pruning when over max_pairs
  // Merges sorted (key, count) entries, keys unique, into the table.
  void MergeTable(std::span<const std::uint64_t> keys, std::span<const std::uint32_t> counts);
  void Prune();
  void CompactWords();  // drops words in no pair: those seen once, and the rarest past max_words()

  Language source_language_, target_language_;
  std::size_t max_pairs_;
  std::size_t pending_limit_;  // pairs the buffer holds before a merge
  Vocabulary source_, target_;
  std::vector<std::uint64_t> pending_;  // pairs seen once each, not merged yet
  std::vector<std::uint64_t> keys_;     // sorted: source id << 32 | target id
  std::vector<std::uint32_t> counts_;   // beside keys_
  std::size_t sentence_pairs_ = 0;
  double pruned_dice_ = 0;
  std::size_t words_after_compact_ = 0;
};

}  // namespace sextant
