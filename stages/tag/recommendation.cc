#include "stages/tag/recommendation.h"

#include <array>
#include <string>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// Verb forms, lower-case, matched at a word start.
constexpr std::array<std::string_view, 21> kVerbs{
    "recommends", "recommended", "recommend ", "recommande", "recommandé",
    "recommandent", "recomienda", "recomendó", "recomiendan", "recomendaron",
    "рекомендует", "рекомендовал", "рекомендуют", "рекомендовали",
    "рекомендовано", "建议", "يوصي", "توصي", "أوصى", "أوصت", "يوصى"};

constexpr std::array<std::string_view, 8> kHeadings{
    "recommendation", "recommandation", "recomendaci", "рекомендаци",
    "建议", "التوصيات", "توصيات", "conclusions and recommendations"};

bool AtWordStart(std::string_view text, std::size_t pos) {
  if (pos == 0) return true;
  const unsigned char before = static_cast<unsigned char>(text[pos - 1]);
  return !(std::isalnum(before) || before >= 0x80) || before >= 0xE0 ||
         text[pos - 1] == ' ';
}

}  // namespace

bool IsPhrasedAsRecommendation(std::string_view sentence) {
  const std::string lowered = LowerCaseSameOffsets(sentence);
  for (std::string_view verb : kVerbs) {
    for (std::size_t pos = lowered.find(verb); pos != std::string::npos;
         pos = lowered.find(verb, pos + 1)) {
      // Chinese has no word starts; elsewhere "recommended" inside
      // "unrecommended" does not count.
      if (static_cast<unsigned char>(verb[0]) >= 0xE0 || AtWordStart(lowered, pos)) return true;
    }
  }
  return false;
}

bool IsRecommendationsHeading(std::string_view heading) {
  if (heading.size() > 120) return false;
  const std::string lowered = LowerCaseSameOffsets(heading);
  for (std::string_view word : kHeadings) {
    if (lowered.find(word) != std::string::npos) return true;
  }
  return false;
}

}  // namespace sextant
