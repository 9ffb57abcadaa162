#include "stages/tag/recommendation.h"

#include <array>
#include <string>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// Verb forms, lower-case, matched at a word start (Arabic: after an
// optional "و" or "ف"; Chinese: anywhere, see ChineseVerb).
constexpr std::array<std::string_view, 16> kVerbs{
    "recommends", "recommended", "recommend ", "recommande", "recommandé",
    "recommandent", "recomienda", "recomendó", "recomiendan", "recomendaron",
    "рекомендует", "рекомендовал", "рекомендуют", "рекомендовали",
    "рекомендовано", "建议"};

// Arabic verbs, matched as whole words: "يوصي" but not the noun "توصية" or
// "توصياتها", which share the letters.
constexpr std::array<std::string_view, 6> kArabicVerbs{
    "يوصي", "توصي", "أوصى", "أوصت", "يوصى", "يوصون"};

constexpr std::array<std::string_view, 9> kHeadings{
    "recommendation", "recommandation", "recomendaci", "рекомендаци",
    "建议", "التوصيات", "توصيات", "التوصية", "conclusions and recommendations"};

bool AtWordStart(std::string_view text, std::size_t pos) {
  if (pos == 0) return true;
  const unsigned char before = static_cast<unsigned char>(text[pos - 1]);
  return !(std::isalnum(before) || before >= 0x80) || text[pos - 1] == ' ';
}

// 建议 is also the noun "recommendation(s)": "各项建议", "建议草案",
// "提交报告和建议". As a verb it follows its subject and is followed by
// what is recommended.
bool ChineseVerb(std::string_view text, std::size_t pos) {
  const std::string_view after = text.substr(pos + std::string_view("建议").size());
  for (std::string_view noun_after : {"草案", "。", "，", "、", "的", "和", "；"}) {
    if (after.substr(0, noun_after.size()) == noun_after) return false;
  }
  if (pos >= 3) {
    std::size_t before_pos = pos;
    const char32_t before = PreviousCodePoint(text, before_pos);
    if (std::u32string_view(U"项些的和及与各条了出").find(before) != std::u32string_view::npos) {
      return false;
    }
  }
  return true;
}

bool IsArabicVerbAt(std::string_view text, std::size_t pos, std::size_t length) {
  std::size_t start = pos;
  if (start > 0) {
    std::size_t before_pos = start;
    const char32_t before = PreviousCodePoint(text, before_pos);
    if (before == U'و' || before == U'ف') start = before_pos;  // "وتوصي"
  }
  std::size_t check = start;
  if (check > 0 && IsArabicLetter(PreviousCodePoint(text, check))) return false;
  std::size_t end = pos + length;
  return end >= text.size() || !IsArabicLetter(NextCodePoint(text, end));
}

}  // namespace

bool IsPhrasedAsRecommendation(std::string_view sentence) {
  const std::string lowered = LowerCaseSameOffsets(sentence);
  for (std::string_view verb : kVerbs) {
    for (std::size_t pos = lowered.find(verb); pos != std::string::npos;
         pos = lowered.find(verb, pos + 1)) {
      if (verb == "建议" ? ChineseVerb(lowered, pos) : AtWordStart(lowered, pos)) return true;
    }
  }
  for (std::string_view verb : kArabicVerbs) {
    for (std::size_t pos = lowered.find(verb); pos != std::string::npos;
         pos = lowered.find(verb, pos + 1)) {
      if (IsArabicVerbAt(lowered, pos, verb.size())) return true;
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
