#include "stages/recommend/recommending_paragraphs.h"

#include <algorithm>
#include <array>
#include <vector>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// Verbs of recommending, lower case, as a body uses them in the present or
// the past, in the Latin and Cyrillic languages (an adverb between the
// subject and the verb is skipped: "also", "further", "также").
constexpr std::array<std::string_view, 22> kVerbs{
    "recommends", "recommended", "recommend", "has recommended", "recommande", "a recommandé",
    "recommandent", "ont recommandé", "recomienda", "recomendó", "recomiendan", "recomendaron",
    "ha recomendado", "рекомендует", "рекомендовал", "рекомендовала", "рекомендовали",
    "рекомендуют", "рекомендовало", "recommandait", "recomendaba", "recommending"};
constexpr std::array<std::string_view, 12> kAdverbs{
    "also ", "further ", "strongly ", "therefore ", "again ", "accordingly ", "également ",
    "además ", "también ", "также ", "далее ", "вновь "};

// The nouns that end a recommending body's name, lower case: "the Advisory
// Committee", "the Legal and Technical Commission", "Рабочая группа".
constexpr std::array<std::string_view, 30> kBodyNouns{
    "committee", "commission", "working group", "group", "subcommittee", "rapporteur", "conference",
    "meeting", "council", "board", "panel", "experts", "mission", "comité", "groupe de travail",
    "conférence", "conseil", "grupo de trabajo", "comisión", "conferencia", "consejo", "relator especial",
    "комитет", "комиссия", "группа", "подкомитет", "докладчик", "конференция", "совет", "совещание"};

// The words that may open a body's name: an article.
constexpr std::array<std::string_view, 7> kArticles{"the", "le", "la", "el", "los", "las", "les"};

constexpr std::array<std::string_view, 8> kChineseBodyEnds{"委员会", "委会", "工作组", "小组", "会议",
                                                         "理事会", "报告员", "专家组"};

// Arabic puts the verb first: "توصي اللجنة", "وتوصي اللجنة الاستشارية".
constexpr std::array<std::string_view, 7> kArabicVerbs{"توصي", "أوصت", "يوصي", "أوصى", "وتوصي", "ويوصي", "وأوصت"};
constexpr std::array<std::string_view, 5> kArabicBodies{"اللجنة", "الفريق العامل", "المقرر الخاص", "المؤتمر",
                                                        "المجلس"};

struct Addressee {
  std::string_view lowered;
  std::string_view name;
};

constexpr std::array<Addressee, 33> kAddressees{{
    {"the state party", "State party"}, {"states parties", "States parties"},
    {"the states parties", "States parties"}, {"member states", "Member States"},
    {"the member states", "Member States"}, {"the secretariat", "Secretariat"},
    {"the conference of the parties", "Conference of the Parties"}, {"the conference", "Conference"},
    {"the government", "Government"}, {"governments", "Governments"}, {"states", "States"},
    {"à l'état partie", "État partie"}, {"à l’état partie", "État partie"}, {"l'état partie", "État partie"},
    {"l’état partie", "État partie"}, {"aux états parties", "États parties"}, {"les états parties", "États parties"},
    {"aux états membres", "États membres"}, {"les états membres", "États membres"},
    {"al estado parte", "Estado parte"}, {"el estado parte", "Estado parte"},
    {"a los estados partes", "Estados partes"}, {"los estados partes", "Estados partes"},
    {"a los estados miembros", "Estados Miembros"}, {"los estados miembros", "Estados Miembros"},
    {"государству-участнику", "государство-участник"}, {"государствам-участникам", "государства-участники"},
    {"государствам-членам", "государства-члены"}, {"各缔约国", "缔约国"}, {"缔约国", "缔约国"},
    {"会员国", "会员国"}, {"الدولة الطرف", "الدولة الطرف"}, {"الدول الأطراف", "الدول الأطراف"}}};

bool LetterAfter(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const char32_t c = NextCodePoint(text, pos);
  return IsLatinLetter(c) || IsCyrillicLetter(c) || IsArabicLetter(c);
}

// "The Advisory Committee recommends …": the body's name ending right
// before `verb_at` (adverbs skipped), from its article; nullopt when the
// verb's subject is not a body ("Slovenia recommended …").
std::optional<RecommendingSentence> LatinSubject(std::string_view text, std::string_view lowered, std::size_t verb_at) {
  std::string_view before = lowered.substr(0, verb_at);
  while (before.ends_with(" ")) before.remove_suffix(1);
  for (bool skipped = true; skipped;) {
    skipped = false;
    for (std::string_view adverb : kAdverbs) {
      const std::string_view word = adverb.substr(0, adverb.size() - 1);
      if (before.ends_with(word) && (before.size() == word.size() || before[before.size() - word.size() - 1] == ' ')) {
        before.remove_suffix(word.size());
        while (before.ends_with(" ")) before.remove_suffix(1);
        skipped = true;
      }
    }
  }
  const std::size_t name_end = before.size();
  bool noun = false;
  for (std::string_view body : kBodyNouns) noun = noun || before.ends_with(body);
  if (!noun) return std::nullopt;
  // Back to the article, over at most six words of the name.
  std::size_t begin = name_end;
  for (int words = 0; words < 7 && begin > 0; ++words) {
    const std::size_t space = before.rfind(' ', begin - 1);
    const std::size_t word_begin = space == std::string_view::npos ? 0 : space + 1;
    const std::string_view word = before.substr(word_begin, begin - word_begin);
    bool article = false;
    for (std::string_view a : kArticles) article = article || word == a;
    const bool elided = word.substr(0, 2) == "l'" || word.substr(0, 4) == "l’";
    if (elided) {
      RecommendingSentence sentence;
      sentence.begin = word_begin;
      const std::size_t name_begin = word_begin + (word[1] == '\'' ? 2 : 4);
      sentence.recommending = FoldWhitespace(text.substr(name_begin, name_end - name_begin));
      return sentence;
    }
    if (article || word.find_first_of(".;:") != std::string_view::npos) {
      const std::size_t name_begin = begin;
      RecommendingSentence sentence;
      sentence.begin = word_begin;
      sentence.recommending = FoldWhitespace(text.substr(name_begin, name_end - name_begin));
      return sentence;
    }
    if (space == std::string_view::npos) {
      RecommendingSentence sentence;
      sentence.begin = 0;
      sentence.recommending = FoldWhitespace(text.substr(0, name_end));
      return sentence;
    }
    begin = space;
  }
  return std::nullopt;
}

// "行预咨委会建议大会……": the Han characters before 建议 that end with a body's noun.
std::optional<RecommendingSentence> ChineseSubject(std::string_view text, std::size_t verb_at) {
  std::string_view before = text.substr(0, verb_at);
  for (std::string_view adverb : {"还", "又", "并", "也"}) {
    if (before.ends_with(adverb)) before.remove_suffix(adverb.size());
  }
  bool noun = false;
  for (std::string_view body : kChineseBodyEnds) noun = noun || before.ends_with(body);
  if (!noun) return std::nullopt;
  std::size_t begin = before.size();
  for (int characters = 0; characters < 14 && begin > 0; ++characters) {
    std::size_t previous = begin;
    if (!IsHan(PreviousCodePoint(before, previous))) break;
    begin = previous;
  }
  RecommendingSentence sentence;
  sentence.begin = begin;
  sentence.recommending = std::string(before.substr(begin));
  return sentence;
}

std::optional<RecommendingSentence> ArabicSubject(std::string_view text, std::size_t verb_at, std::size_t verb_end) {
  std::string_view after = text.substr(verb_end);
  if (!after.empty() && after[0] == ' ') after.remove_prefix(1);
  for (std::string_view body : kArabicBodies) {
    if (after.substr(0, body.size()) != body) continue;
    RecommendingSentence sentence;
    sentence.begin = verb_at;
    sentence.recommending = std::string(body);
    return sentence;
  }
  return std::nullopt;
}

}  // namespace

std::string AddresseeAt(std::string_view text) {
  const std::string lowered = LowerCaseSameOffsets(text.substr(0, 120));
  std::string_view rest = lowered;
  for (std::string_view lead : {" ", "that ", "to ", "que ", "، ", "，"}) {
    if (rest.substr(0, lead.size()) == lead) rest.remove_prefix(lead.size());
  }
  // The earliest addressee named in the words that follow the verb
  // ("بأن تقوم الدولة الطرف").
  std::size_t best = 80;
  std::string name;
  for (const Addressee& addressee : kAddressees) {
    const std::size_t at = rest.substr(0, 80 + addressee.lowered.size()).find(addressee.lowered);
    if (at != std::string_view::npos && at < best) {
      best = at;
      name = addressee.name;
    }
  }
  return name;
}

std::optional<RecommendingSentence> FindRecommendingSentence(std::string_view paragraph) {
  const std::string lowered = LowerCaseSameOffsets(paragraph);
  std::optional<RecommendingSentence> first;
  std::size_t first_verb_end = 0;
  const auto consider = [&](std::optional<RecommendingSentence> found, std::size_t verb_end) {
    if (found && (!first || found->begin < first->begin)) {
      first = std::move(found);
      first_verb_end = verb_end;
    }
  };
  for (std::string_view verb : kVerbs) {
    for (std::size_t pos = lowered.find(verb); pos != std::string::npos; pos = lowered.find(verb, pos + 1)) {
      if (pos == 0 || lowered[pos - 1] != ' ' || LetterAfter(lowered, pos + verb.size())) continue;
      consider(LatinSubject(paragraph, lowered, pos), pos + verb.size());
    }
  }
  for (std::size_t pos = paragraph.find("建议"); pos != std::string_view::npos; pos = paragraph.find("建议", pos + 1)) {
    if (paragraph.compare(pos + 6, 6, "草案") == 0) continue;  // the noun "draft recommendations"
    consider(ChineseSubject(paragraph, pos), pos + 6);
  }
  for (std::string_view verb : kArabicVerbs) {
    for (std::size_t pos = paragraph.find(verb); pos != std::string_view::npos; pos = paragraph.find(verb, pos + 1)) {
      std::size_t before = pos;
      if (pos > 0 && IsArabicLetter(PreviousCodePoint(paragraph, before))) continue;
      consider(ArabicSubject(paragraph, pos, pos + verb.size()), pos + verb.size());
    }
  }
  if (first) first->addressee = AddresseeAt(paragraph.substr(first_verb_end));
  return first;
}

}  // namespace sextant
