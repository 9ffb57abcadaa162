#include "stages/recommend/recommendation_groups.h"

#include <array>

#include "pipeline/unicode_text.h"
#include "stages/recommend/recommending_states.h"

namespace sextant {
namespace {

// Lower-case phrases, checked in this order: a "did not enjoy the support"
// is not a support, and "will be examined" outranks the "support" of a
// sentence that goes on to say when the State will answer.
constexpr std::array<std::string_view, 48> kNoted{
    "did not enjoy", "do not enjoy", "does not enjoy", "not enjoy the support",
    "were noted", "are noted", "have been noted", "has noted", "noted by", "noted the following",
    "notes the following", "took note",
    "takes note", "take note", "not accepted", "rejected", "rejects", "cannot accept",
    "could not accept", "does not accept", "not supported", "cannot support",
    "n'ont pas recueilli", "n’ont pas recueilli", "ne recueillent pas", "n'ont pas obtenu",
    "n’ont pas obtenu", "pris note", "prend note", "no contaron con", "no cuentan con",
    "no recibieron", "tomó nota", "toma nota", "tomado nota", "не получили", "не пользуются",
    "не пользовались", "к сведению", "未得到", "未获得", "不支持", "注意到", "لم تحظ", "لا تحظى",
    "أحاطت علم", "أحاط علم", "تحيط علم"};

constexpr std::array<std::string_view, 34> kToBeExamined{
    "will be included in the outcome", "will be examined", "will examine", "will provide responses", "will provide a response",
    "will respond", "will be considered", "will consider", "will study", "in due time", "will be further considered",
    "will be further examined", "would study",
    "in due course", "seront examinées", "examinera", "répondra", "en temps voulu",
    "serán examinadas", "examinará", "responderá", "a su debido tiempo", "будут рассмотрены",
    "рассмотрит", "в надлежащее время", "将予以研究", "将研究", "将审议", "将审查", "适时",
    "ستدرس", "ستنظر", "سوف تدرس", "في الوقت المناسب"};

constexpr std::array<std::string_view, 40> kSupported{
    "agrees to follow up", "agreed to follow up", "already implemented", "already being implemented",
    "in the process of implementation", "enjoy the support", "enjoys the support",
    "enjoyed the support", "enjoy its support", "enjoys its support", "have the support",
    "has the support", "are supported", "were supported", "accepted", "accepts", "supports",
    "recueilli l'adhésion", "recueillent l'adhésion", "recueilli l’adhésion", "recueillent l’adhésion",
    "son adhésion", "son appui", "son soutien", "bénéficient du soutien", "acceptées",
    "cuentan con el apoyo", "contaron con el apoyo", "cuentan con su apoyo", "gozan del apoyo", "aceptad",
    "пользуются поддержкой", "пользуются его поддержкой", "пользуются ее поддержкой", "получили поддержку",
    "得到", "接受", "تحظى بتأييد", "حظيت بتأييد", "بتأييد"};

constexpr std::array<std::string_view, 16> kListVerbs{
    "was recommended", "were recommended", "were made", "was made", "formulated", "put forward", "were received",
    "ont été formulées", "ont été faites", "fueron formuladas", "se formularon",
    "были высказаны", "были сформулированы", "提出了下列", "提出的", "قُدمت"};

constexpr std::array<std::string_view, 7> kRecommendationNouns{
    "recommended", "recommendation", "recommandation", "recomendaci", "рекомендаци", "建议", "توصي"};

template <std::size_t N>
bool ContainsAny(std::string_view text, const std::array<std::string_view, N>& phrases) {
  for (std::string_view phrase : phrases) {
    if (text.find(phrase) != std::string_view::npos) return true;
  }
  return false;
}

// "the support of Afghanistan:", "examined by the Bahamas." → the State.
std::string AddresseeAfter(std::string_view text) {
  for (std::string_view lead : {"support of ", "examined by ", "support from "}) {
    const std::size_t at = text.find(lead);
    if (at == std::string_view::npos) continue;
    std::size_t begin = at + lead.size();
    std::size_t end = begin;
    while (end < text.size() && std::string_view(":,;.").find(text[end]) == std::string_view::npos) {
      if (text.substr(end, 6) == " which" || text.substr(end, 4) == " and") break;
      ++end;
    }
    std::string name = FoldWhitespace(text.substr(begin, end - begin));
    if (name.rfind("the ", 0) == 0) name.erase(0, 4);
    const std::vector<std::string> names = ReadStateList(name);
    if (names.size() == 1) return names.front();
  }
  return {};
}

}  // namespace

RecommendationResponse ResponseOf(std::string_view sentence) {
  const std::string lowered = LowerCaseSameOffsets(sentence);
  if (ContainsAny(lowered, kNoted)) return RecommendationResponse::kNoted;
  if (ContainsAny(lowered, kToBeExamined)) return RecommendationResponse::kToBeExamined;
  if (ContainsAny(lowered, kSupported)) return RecommendationResponse::kSupported;
  return RecommendationResponse::kNone;
}

std::optional<RecommendationGroupIntro> ReadGroupIntro(std::string_view paragraph, bool list_follows) {
  if (paragraph.size() > 900) return std::nullopt;
  const std::string lowered = LowerCaseSameOffsets(paragraph);
  // Without the word, only a response over a list that follows: "104. The
  // following enjoy the support of El Salvador, which considers …" / 104.1.
  const bool named = ContainsAny(lowered, kRecommendationNouns);
  if (!named && !(list_follows && ResponseOf(paragraph) != RecommendationResponse::kNone)) return std::nullopt;
  if (ClosingStateList(paragraph)) return std::nullopt;  // an item, not an intro
  // A list is announced: "listed below", "the following", a closing colon.
  const bool announces = list_follows || lowered.find("below") != std::string::npos ||
                         lowered.find("following") != std::string::npos ||
                         lowered.find("ci-après") != std::string::npos ||
                         lowered.find("suivantes") != std::string::npos ||
                         lowered.find("siguientes") != std::string::npos ||
                         lowered.find("a continuación") != std::string::npos ||
                         lowered.find("ниже") != std::string::npos ||
                         lowered.find("следующие") != std::string::npos ||
                         lowered.find("下列") != std::string::npos ||
                         lowered.find("以下") != std::string::npos ||
                         lowered.find("التالية") != std::string::npos ||
                         lowered.find("أدناه") != std::string::npos ||
                         FoldWhitespace(paragraph).back() == ':' ||
                         paragraph.find("：") != std::string_view::npos;
  if (!announces) return std::nullopt;
  const RecommendationResponse response = ResponseOf(paragraph);
  // Without a response, a list of recommendations "made to" the State
  // (the first reviews left the answers to an addendum).
  if (response == RecommendationResponse::kNone && !ContainsAny(lowered, kListVerbs)) return std::nullopt;
  return RecommendationGroupIntro{response, AddresseeAfter(paragraph)};
}

bool EndsReviewRecommendations(std::string_view paragraph) {
  const std::string lowered = LowerCaseSameOffsets(paragraph.substr(0, 400));
  return (lowered.find("conclusions and/or recommendations") != std::string::npos ||
          lowered.find("conclusions and recommendations contained") != std::string::npos ||
          lowered.find("conclusions et/ou recommandations") != std::string::npos ||
          lowered.find("conclusiones y/o recomendaciones") != std::string::npos ||
          lowered.find("выводы и/или рекомендации") != std::string::npos ||
          lowered.find("结论和/或建议") != std::string::npos ||
          lowered.find("الاستنتاجات و/أو التوصيات") != std::string::npos) &&
         (lowered.find("reflect") != std::string::npos || lowered.find("reflètent") != std::string::npos ||
          lowered.find("reflejan") != std::string::npos || lowered.find("отражают") != std::string::npos ||
          lowered.find("反映") != std::string::npos || lowered.find("تعبر") != std::string::npos ||
          lowered.find("تعكس") != std::string::npos);
}

}  // namespace sextant
