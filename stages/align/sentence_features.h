// What the aligner compares between two sentences of different languages:
// their length in characters, and their anchors — numbers, document
// symbols, dates and Latin-script names or acronyms — which a translation
// keeps as they are ("resolution 7/1", "CTOC/COP/WG.4/2022/2", "UNISFA",
// "2022 年 6 月 29 日" and "29 June 2022" both give the anchor 2022-06-29).
//
// Thread-safety: pure functions.
#pragma once

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
  // 1992). Sorted, may repeat; empty for other scripts.
  std::vector<std::string> cognates;
};

SentenceFeatures ComputeFeatures(std::string_view sentence, Language language);

// How many anchors two sorted multisets share.
std::size_t SharedAnchors(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Dice overlap of two sorted anchor multisets: 2|A∩B| / (|A|+|B|); 0 when
// both are empty.
double AnchorOverlap(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace sextant
