// What the aligner compares between two sentences of different languages:
// their length in characters, their words, and their anchors — numbers, document
// symbols, dates and Latin-script names or acronyms — which a translation
// keeps as they are ("resolution 7/1", "CTOC/COP/WG.4/2022/2", "UNISFA",
// "2022 年 6 月 29 日" and "29 June 2022" both give the anchor 2022-06-29).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

struct SentenceFeatures {
  double length = 0;                 // characters, white space not counted
  std::vector<std::string> anchors;  // sorted, may repeat
  // Latin-script words of 4 letters or more by their first four letters,
  // lower-cased and without accents ("Conférence" → "conf"): between two
  // Latin-script languages, cognates and names share them (Simard et al.,
  // 1992), each packed into 32 bits (FNV-1a of the four letters) so that
  // comparing them is cheap. Sorted, may repeat; empty for other scripts.
  std::vector<std::uint32_t> cognates;
  // The distinct words with a letter, lower-cased and sorted: what a
  // lexicon (lexicon.h) reads. Only filled when asked for (ICU's word
  // breaking is the dearest part).
  std::vector<std::string> words;
  bool has_words = false;  // whether `words` was filled
};

SentenceFeatures ComputeFeatures(std::string_view sentence, Language language, bool with_words = false);

// The distinct words of a text that hold a letter, lower-cased, sorted.
std::vector<std::string> LexiconWords(std::string_view text, Language language);

// How many elements two sorted multisets share.
template <typename T>
std::size_t SharedAnchors(const std::vector<T>& a, const std::vector<T>& b) {
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return common;
}

// Dice overlap of two sorted multisets: 2|A∩B| / (|A|+|B|); 0 when both
// are empty.
template <typename T>
double AnchorOverlap(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty() && b.empty()) return 0;
  return 2.0 * static_cast<double>(SharedAnchors(a, b)) / static_cast<double>(a.size() + b.size());
}

}  // namespace sextant
