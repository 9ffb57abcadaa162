// The recommendations a review report of the first sessions answers by
// pointing back at its own dialogue: "102. The recommendations noted in the
// report in paragraphs 35 (a), (b) and (g); 41 (b); 49 above did not enjoy
// the support of Viet Nam." Each lettered part "(a) increase …" of the
// dialogue's paragraph 35 ("35. Canada applauded … recommended that Viet
// Nam (a) increase …; (b) bring …") is a record of the State that speaks
// in the paragraph, with the response of the sentence that points at it; a
// paragraph pointed at whole gives each of its sentences that recommends.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace sextant {

// A paragraph pointed at: its number and the letters of its parts ("a",
// "b"), none when the whole paragraph is meant.
struct ParagraphReference {
  int number = 0;
  std::vector<std::string> letters;
  bool last_sentence = false;  // "23 (last sentence)"
  bool operator==(const ParagraphReference&) const = default;
};

// The paragraphs a sentence of recommendations with a response points at,
// or none when `paragraph` is no such sentence.
std::vector<ParagraphReference> ReadParagraphReferences(std::string_view paragraph);

// The records of the paragraphs the report's sentences point at, added to
// `out`.
void AddReferencedRecommendations(const Document& document, const MeetingFacts& facts,
                                  std::vector<Recommendation>& out);

}  // namespace sextant
