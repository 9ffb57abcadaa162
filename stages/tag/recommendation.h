// Recommendations: whether a sentence is one. A sentence is a
// recommendation when it is phrased as one ("recommends", "recommande",
// "recomienda", "рекомендует", "建议", "يوصي"/"توصي", and their past forms),
// or when it stands in a section headed "Recommendations" (in any of the
// six languages). The tag stage marks such segments with a
// TagKind::kRecommendation tag spanning the segment.
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

namespace sextant {

// The sentence is phrased as a recommendation.
bool IsPhrasedAsRecommendation(std::string_view sentence);

// The heading opens a section of recommendations ("Recommendations",
// "III. Conclusions and recommendations", "建议", "التوصيات").
bool IsRecommendationsHeading(std::string_view heading);

}  // namespace sextant
