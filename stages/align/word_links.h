// Word links inside one aligned sentence pair: which words of the target
// sentence render given words of the source sentence. The one way Sextant
// finds a rendering: the marks on a search hit's parallel text
// (serve/parallel_marks.h) and the renderings of a term (`sextant terms`,
// serve/term_renderings.h) both call WordLinker::Render().
//
// Where links come from, each with a confidence:
//   - word pairs of a stored lexicon (lexicon_file.h: the index's
//     INDEX/lexicon/SRC-TGT.lexicon, learned over the corpus): 0.8;
//   - word pairs of FreeDict dictionaries (dictionary.h): 0.7;
//   - the pair itself: the same number or Latin-script token on both sides
//     (0.95), a cognate between two Latin-script languages (the same first
//     five letters without accents, both of six letters or more: 0.6);
//   - an inflected form of a lexicon word (a common prefix of at least four
//     letters and three quarters of the longer word; an Arabic clitic
//     و ف ب ل ك before it): the pair's confidence × 0.85.
// A word the pairs know is a word of its own: it is never taken for
// another's form, nor for a cognate ("nacional" is not "naciones").
// Precision first: function words never link; a target word that an
// unmarked source word claims with a higher confidence is left to it; a
// tie is a doubt (× 0.6); an unmarked word spelled as a marked one (the
// query's words met again outside its phrase) is no rival. Marked words
// with at most two function words between them are a phrase, rendered by
// one stretch of the target (the one rendering most of its words best,
// each word of it picking a target word the others did not when it can:
// the lexicon pairs "paix" and "sécurité" each with both "peace" and
// "security"; each word of the phrase left unrendered lowers the
// confidence: × (0.5 + 0.5 × share rendered)); a marked word alone that a
// phrase holds too is not rendered. Only links of confidence ≥
// kMinimumConfidence are given. The chosen target words are merged into
// spans when only spaces, hyphens or at most two short function words lie
// between them
// ("traite des personnes"; 贩运人口). In Chinese, a one-character word
// right after a linked word is taken with it (理事 + 会: ICU cuts a name's
// last character off).
//
// Words are ICU's (stages/icu/word_tokenizer.h), lower-cased, the same cut
// the lexicon learned from (Chinese by ICU's dictionary, not the index's
// bigrams: a span is then whole words).
//
// Thread-safety: a WordLinker is immutable once built; Render() is const
// and may run on many threads. WordLinkers (the cache) locks its own map.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

struct ByteSpan {
  std::size_t begin = 0, end = 0;  // [begin, end) into a UTF-8 text
  bool operator==(const ByteSpan&) const = default;
};

struct LinkedSpan {
  std::size_t begin = 0, end = 0;  // [begin, end) into the target text
  double confidence = 0;           // the weakest link merged into it
};

class WordLinker {
 public:
  static constexpr double kMinimumConfidence = 0.5;
  static constexpr double kLexiconConfidence = 0.8;
  static constexpr double kDictionaryConfidence = 0.7;

  WordLinker(Language source, Language target);

  // Word pairs (source word, target word), lower-cased, each with the
  // confidence of where it comes from; a pair given twice keeps the higher.
  void AddPairs(const std::vector<std::pair<std::string, std::string>>& pairs, double confidence);

  // The spans of `target_text` that render the words of `source_text`
  // inside `source_marks` (byte spans, as a search hit's marked words), in
  // text order, not overlapping. Empty when nothing links with enough
  // confidence.
  std::vector<LinkedSpan> Render(std::string_view source_text, const std::vector<ByteSpan>& source_marks,
                                 std::string_view target_text) const;

  Language source() const { return source_; }
  Language target() const { return target_; }
  std::size_t pair_count() const { return pair_count_; }
  // Where the pairs came from, for messages: "zh-en.lexicon (41,203 pairs)".
  const std::vector<std::string>& sources() const { return sources_; }
  void AddSourceNote(std::string note) { sources_.push_back(std::move(note)); }

 private:
  struct Token {
    std::size_t begin = 0, end = 0;
    std::string word;  // lower-cased
  };
  std::vector<Token> Tokens(std::string_view text, Language language) const;
  using Pick = std::pair<std::size_t, double>;  // a target word, a confidence
  // The marked words (not function words) in phrases: at most two function
  // words between two of a phrase; a word alone that a phrase holds too is
  // left out.
  std::vector<std::vector<std::size_t>> MarkedPhrases(const std::vector<Token>& source,
                                                      const std::vector<bool>& marked) const;
  std::vector<Pick> PhraseStretch(const std::vector<std::size_t>& phrase, const std::vector<std::vector<Pick>>& options,
                                  const std::vector<std::vector<double>>& link, const std::vector<Token>& target,
                                  std::string_view target_text, const std::vector<bool>& taken) const;
  std::vector<LinkedSpan> Spans(std::vector<Pick> chosen, const std::vector<Token>& target,
                                std::string_view target_text) const;
  // The confidence of a link between two words (0: none).
  double Link(const std::string& source_word, const std::string& target_word) const;
  const std::vector<std::pair<std::string, float>>* Translations(const std::string& source_word) const;

  Language source_, target_;
  std::unordered_map<std::string, std::vector<std::pair<std::string, float>>> translations_;
  std::unordered_set<std::string> target_words_;  // every target word of the pairs
  // Source words by their first four code points: inflected forms.
  std::unordered_map<std::string, std::vector<std::string>> by_prefix_;
  std::size_t pair_count_ = 0;
  std::vector<std::string> sources_;
};

// A linker for (source, target) with the stored lexicons of
// `lexicon_folders` (INDEX/lexicon, one per local shard of an index, their
// pairs joined; none, or a folder without the pair's file: no lexicon) and
// the FreeDict dictionaries of `dictionary_folder` ("" : none). What cannot
// be read is a warning, and the linker goes on without it.
std::unique_ptr<WordLinker> LoadWordLinker(Language source, Language target,
                                           const std::vector<std::string>& lexicon_folders,
                                           const std::string& dictionary_folder, std::vector<std::string>* warnings);

// Linkers loaded once per language pair and kept (a server answers many
// hits with the same few): Get() loads on first use. Thread-safe.
class WordLinkers {
 public:
  WordLinkers(std::vector<std::string> lexicon_folders, std::string dictionary_folder)
      : lexicon_folders_(std::move(lexicon_folders)), dictionary_folder_(std::move(dictionary_folder)) {}
  const WordLinker& Get(Language source, Language target);
  std::vector<std::string> TakeWarnings();

 private:
  std::vector<std::string> lexicon_folders_;
  std::string dictionary_folder_;
  std::mutex mutex_;
  std::map<std::pair<Language, Language>, std::unique_ptr<WordLinker>> linkers_;
  std::vector<std::string> warnings_;
};

}  // namespace sextant
