// Lexicon: words of one language and the words of another that translate
// them, learned from the text pairs themselves: the sentence pairs a first,
// length-and-anchor alignment is confident about are counted for words that
// occur together (Dice's coefficient), and the strong pairs kept. No
// dictionary is needed, so every language pair works the same way; a pair
// of long documents, or a corpus of short ones, teaches enough.
//
// The aligner then scores a candidate link by the share of words on each
// side whose learned translations occur on the other.
//
// Thread-safety: a Lexicon is immutable once learned; Similarity() is const.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

// Which co-occurring word pairs a lexicon keeps, learned here or from
// counts kept over a corpus (lexicon_counts.h): seen together at least
// kLexiconMinimumPairCount times, Dice's coefficient at least
// kLexiconMinimumDice, the kLexiconTranslationsPerWord best of each word
// (both ways); a sentence pair of more than kLexiconMaximumPairProduct
// word pairs is too long to count every pair of.
inline constexpr int kLexiconMinimumPairCount = 2;
inline constexpr double kLexiconMinimumDice = 0.2;
inline constexpr std::size_t kLexiconTranslationsPerWord = 3;
inline constexpr std::size_t kLexiconMaximumPairProduct = 4000;

// The words of a unit, as ids in a Lexicon's vocabulary (sorted, unique).
using WordIds = std::vector<int>;

// The words of a unit as text: distinct, lower-cased, sorted
// (LexiconWords() in sentence_features.h).
using WordList = std::vector<std::string>;

// A unit's word ids with a 256-bit signature of them: most ids that are
// not among them are turned away by one bit, without a search (the
// aligner asks millions of times on a long record).
class WordIdSet {
 public:
  WordIdSet() = default;
  explicit WordIdSet(WordIds ids);

  bool Contains(int id) const {
    const std::size_t bit = Bit(id);
    if ((signature_[bit >> 6] >> (bit & 63) & 1) == 0) return false;
    return std::binary_search(ids_.begin(), ids_.end(), id);
  }
  const WordIds& ids() const { return ids_; }

 private:
  static std::size_t Bit(int id) { return (static_cast<std::uint32_t>(id) * 2654435761u) >> 24; }

  WordIds ids_;  // sorted
  std::array<std::uint64_t, 4> signature_{};
};

// A unit's words narrowed, for one comparison after another against the
// units of one other text (Lexicon::Narrow): how many have a translation
// at all, and, for each of those, its translations that occur in that
// text. Scoring a candidate link then searches a few ids, not every
// translation of every word.
struct NarrowedWords {
  std::size_t covered = 0;          // words with any translation
  std::vector<int> translations;    // found in the other text, word after word
  std::vector<std::size_t> ends;    // where each word's run ends (words with none left out)
};

class Lexicon {
 public:
  // Learns from sentence pairs known (or believed) to translate each other,
  // on top of `base`'s entries (a dictionary) when given. The base is not
  // copied (it is large, and a batch learns once per document): it must
  // outlive the lexicon learned on it.
  static Lexicon Learn(const std::vector<std::pair<std::string_view, std::string_view>>& pairs,
                       Language source, Language target, const Lexicon* base = nullptr);
  // The same, from the pairs' words already cut (the aligner has them).
  static Lexicon LearnFromWords(const std::vector<std::pair<const WordList*, const WordList*>>& pairs,
                       Language source, Language target, const Lexicon* base = nullptr);

  // Adds word pairs from a dictionary (source word, target word), both
  // lower-cased, in any order, repeats counted once; they count like
  // learned pairs.
  void AddPairs(const std::vector<std::pair<std::string, std::string>>& pairs);

  // The unit's words as ids (source side when `source` is true); words the
  // lexicon never saw are dropped.
  WordIds Words(std::string_view text, bool source) const;
  WordIds Ids(const WordList& words, bool source) const;  // the same, from words already cut

  // The share of words on both sides that have a learned translation and
  // find it on the other side; negative when too few words have entries to
  // tell (the signal then abstains).
  double Similarity(const WordIds& source, const WordIds& target) const;

  // One way only: the share of `from`'s words with a learned translation
  // that find it in `to` (`from` on the source side when `from_source`);
  // negative when fewer than two words have entries.
  double Coverage(const WordIds& from, const WordIds& to, bool from_source) const;

  // `words` (source side when `source` is true) narrowed to the
  // translations found in `other_text`: all the words of the other text,
  // as ids, sorted.
  NarrowedWords Narrow(const WordIds& words, bool source, const WordIds& other_text) const;
  // Similarity() and Coverage() from narrowed words: `source` narrowed
  // against the target text, `target` against the source text.
  // SimilarityAndEvidence() has no floor: it gives the share found
  // (negative when no word has an entry) and how many words have entries.
  static std::pair<double, std::size_t> SimilarityAndEvidence(const NarrowedWords& source, const WordIdSet& source_ids,
                                                              const NarrowedWords& target, const WordIdSet& target_ids);
  static double Coverage(const NarrowedWords& from, const WordIdSet& to);

  std::size_t size() const { return entries_; }

  // The word pairs this lexicon holds itself (learned or added), not its
  // base's: (source word, target word), sorted, each once. What a stored
  // lexicon keeps (lexicon_file.h); AddPairs() of them gives them back.
  std::vector<std::pair<std::string, std::string>> OwnPairs() const;

 private:
  void SortTables();  // translations sorted and unique, for binary search

  // Of `from`'s words, how many have a translation and how many find it in `to`.
  struct Counts {
    std::size_t covered = 0, matched = 0;
  };
  static Counts Count(const NarrowedWords& from, const WordIdSet& to);
  // A word's id, added when new: the base's id when the base has the word,
  // else one of this lexicon's own (numbered after the base's).
  int Intern(const std::string& word, bool source);
  void Add(int source_word, int target_word);  // one entry, both ways
  // A word's translations: the base's, then this lexicon's own.
  const std::vector<int>* BaseTranslations(int word, bool source) const;
  const std::vector<int>* OwnTranslations(int word, bool source) const;

  const Lexicon* base_ = nullptr;  // not owned; has no base itself
  std::size_t source_base_size_ = 0, target_base_size_ = 0;

  Language source_language_ = Language::kEnglish;
  Language target_language_ = Language::kEnglish;
  std::unordered_map<std::string, int> source_ids_, target_ids_;
  // By own id minus the base size: sorted ids on the other side.
  std::vector<std::vector<int>> source_to_target_;
  std::vector<std::vector<int>> target_to_source_;
  // Translations learned for words of the base, by base id.
  std::unordered_map<int, std::vector<int>> source_extra_, target_extra_;
  std::size_t entries_ = 0;
};

}  // namespace sextant
