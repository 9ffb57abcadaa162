// The report's own grouping of its recommendations, read from the paragraph
// that opens a group, in any of the six languages:
//   "95. The recommendations formulated during the interactive dialogue
//    have been examined by Afghanistan and the recommendations listed below
//    enjoy the support of Afghanistan:"                  → supported
//   "96. The following recommendations will be examined by Afghanistan,
//    which will provide responses in due time."          → to_be_examined
//   "97. The following recommendations did not enjoy the support of
//    Afghanistan:"                                       → noted
// and the paragraph that closes the recommendations of a review report
// ("All conclusions and/or recommendations contained in the present report
// reflect the position of the submitting State(s)…").
//
// Thread-safety: pure functions over constant tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/document.h"

namespace sextant {

struct RecommendationGroupIntro {
  RecommendationResponse response = RecommendationResponse::kNone;
  std::string addressee;  // "Afghanistan" from "the support of Afghanistan", or empty
};

// The group a paragraph opens, when it is such a paragraph: it speaks of
// recommendations, says what became of them and announces a list (in its
// words, or, when `list_follows`, by the items that come next).
std::optional<RecommendationGroupIntro> ReadGroupIntro(std::string_view paragraph, bool list_follows = false);

// The response a sentence gives to recommendations, kNone when it gives none.
RecommendationResponse ResponseOf(std::string_view sentence);

// The disclaimer that ends a review report's recommendations.
bool EndsReviewRecommendations(std::string_view paragraph);

}  // namespace sextant
