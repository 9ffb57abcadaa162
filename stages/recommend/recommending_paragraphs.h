// Recommendations that a body states in a paragraph of its own, in the six
// languages:
//   en "The Committee recommends that the State party …", "The Working
//      Group recommended that States parties …"
//   fr "Le Comité recommande à l'État partie …"
//   es "El Comité recomienda al Estado parte …"
//   ru "Комитет рекомендует государству-участнику …"
//   zh "委员会建议缔约国……"
//   ar "توصي اللجنة الدولة الطرف …"
// and the paragraphs set out under a "Recommendations" heading. The body
// and the addressee are given as the text names them ("Committee", "State
// party"; "Comité", "État partie"; "委员会", "缔约国").
//
// Thread-safety: pure functions over constant tables.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sextant {

struct RecommendingSentence {
  std::size_t begin = 0;    // where the sentence that recommends starts in the paragraph
  std::string recommending;  // "Committee", "Working Group"
  std::string addressee;     // "State party", or empty when the text names none we know
};

// The first sentence of `paragraph` in which a body recommends.
std::optional<RecommendingSentence> FindRecommendingSentence(std::string_view paragraph);

// The addressee named at the start of `text` ("the State party …",
// "States parties …", "à l'État partie"), or empty.
std::string AddresseeAt(std::string_view text);

}  // namespace sextant
