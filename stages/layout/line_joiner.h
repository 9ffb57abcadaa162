// Line joining per script: how the visual lines of one paragraph become one
// run of text.
//   - Latin and Cyrillic: a space between lines; a word hyphenated at the
//     end of a line is re-joined ("imple-" + "mentation"), but a real
//     compound keeps its hyphen ("non-" + "State" → "non-State", and
//     "so-" + "called" when the document writes "so-called" elsewhere).
//   - Arabic: a space between lines; none after a slash that pairs two
//     words ("حزيران/" + "يونيه", as UN Arabic writes month names).
//   - In every script, none after an opening bracket at a line's end.
//   - Chinese: no space between lines (except between two Latin words); the
//     spaces that extraction puts between Han characters, or between Han
//     characters and digits ("2022 年 6 月"), are removed.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

// Lower-cased hyphenated words ("so-called") that a document writes inside
// its lines: the evidence that a hyphen at a line end belongs to the word.
using HyphenatedWords = std::unordered_set<std::string>;
void CollectHyphenatedWords(std::string_view line, HyphenatedWords& words);

class LineJoiner {
 public:
  LineJoiner(Language language, const HyphenatedWords* hyphenated_words)
      : language_(language), hyphenated_words_(hyphenated_words) {}

  // Joins the visual lines of one paragraph, then tidies the result for
  // the script.
  std::string Join(const std::vector<std::string>& lines) const;

 private:
  void Append(std::string& paragraph, std::string_view next) const;
  bool KeepsHyphen(std::string_view stem, std::string_view next) const;

  Language language_;
  const HyphenatedWords* hyphenated_words_;  // may be null
};

// Removes the spaces that Chinese text does not have (see above).
std::string RemoveSpacesInChinese(std::string_view text);

}  // namespace sextant
