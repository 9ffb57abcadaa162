#include "stages/recommend/recommending_paragraphs.h"

#include <algorithm>
#include <array>
#include <vector>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// A body that recommends, as the phrase that names it and recommends
// (lower case), and its name as the record gives it.
struct BodyPhrase {
  std::string phrase;
  std::string name;
};

struct Subject {
  std::string_view lowered;  // "the committee"
  std::string_view name;     // "Committee"
};

constexpr std::array<Subject, 11> kEnglishSubjects{{
    {"the committee", "Committee"}, {"the working group", "Working Group"},
    {"the subcommittee", "Subcommittee"}, {"the special rapporteur", "Special Rapporteur"},
    {"the conference", "Conference"}, {"the expert group", "Expert Group"},
    {"the meeting", "Meeting"}, {"the commission", "Commission"}, {"the council", "Council"},
    {"the board", "Board"}, {"the group of experts", "Group of Experts"}}};
constexpr std::array<std::string_view, 10> kEnglishVerbs{
    "recommends", "recommended", "also recommends", "further recommends", "strongly recommends",
    "also recommended", "further recommended", "therefore recommends", "recommends to", "has recommended"};

constexpr std::array<Subject, 7> kFrenchSubjects{{
    {"le comité", "Comité"}, {"le groupe de travail", "Groupe de travail"}, {"le sous-comité", "Sous-Comité"},
    {"le rapporteur spécial", "Rapporteur spécial"}, {"la conférence", "Conférence"},
    {"la commission", "Commission"}, {"le conseil", "Conseil"}}};
constexpr std::array<std::string_view, 7> kFrenchVerbs{
    "recommande", "a recommandé", "recommande également", "recommande en outre", "recommande aussi",
    "a également recommandé", "recommandait"};

constexpr std::array<Subject, 7> kSpanishSubjects{{
    {"el comité", "Comité"}, {"el grupo de trabajo", "Grupo de Trabajo"}, {"el subcomité", "Subcomité"},
    {"el relator especial", "Relator Especial"}, {"la conferencia", "Conferencia"},
    {"la comisión", "Comisión"}, {"el consejo", "Consejo"}}};
constexpr std::array<std::string_view, 6> kSpanishVerbs{
    "recomienda", "recomendó", "también recomienda", "recomienda también", "recomienda además",
    "ha recomendado"};

constexpr std::array<Subject, 7> kRussianSubjects{{
    {"комитет", "Комитет"}, {"рабочая группа", "Рабочая группа"}, {"подкомитет", "Подкомитет"},
    {"специальный докладчик", "Специальный докладчик"}, {"конференция", "Конференция"},
    {"комиссия", "Комиссия"}, {"совет", "Совет"}}};
constexpr std::array<std::string_view, 7> kRussianVerbs{
    "рекомендует", "рекомендовал", "рекомендовала", "также рекомендует", "далее рекомендует",
    "также рекомендовал", "также рекомендовала"};

constexpr std::array<Subject, 6> kChineseSubjects{{
    {"委员会", "委员会"}, {"工作组", "工作组"}, {"小组委员会", "小组委员会"}, {"特别报告员", "特别报告员"},
    {"缔约方会议", "缔约方会议"}, {"理事会", "理事会"}}};
constexpr std::array<std::string_view, 4> kChineseVerbs{"建议", "还建议", "又建议", "并建议"};

// Arabic puts the verb first: "توصي اللجنة", "أوصى الفريق العامل".
constexpr std::array<Subject, 5> kArabicSubjects{{
    {"اللجنة", "اللجنة"}, {"الفريق العامل", "الفريق العامل"}, {"اللجنة الفرعية", "اللجنة الفرعية"},
    {"المقرر الخاص", "المقرر الخاص"}, {"المؤتمر", "المؤتمر"}}};
constexpr std::array<std::string_view, 6> kArabicVerbs{"توصي", "أوصت", "يوصي", "أوصى", "وتوصي", "ويوصي"};

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

template <std::size_t S, std::size_t V>
void AddPhrases(const std::array<Subject, S>& subjects, const std::array<std::string_view, V>& verbs,
                bool verb_first, std::string_view joiner, std::vector<BodyPhrase>& out) {
  for (const Subject& subject : subjects) {
    for (std::string_view verb : verbs) {
      std::string phrase = verb_first ? std::string(verb) + " " + std::string(subject.lowered)
                                      : std::string(subject.lowered) + std::string(joiner) + std::string(verb);
      out.push_back({std::move(phrase), std::string(subject.name)});
    }
  }
}

const std::vector<BodyPhrase>& BodyPhrases() {
  static const std::vector<BodyPhrase> phrases = [] {
    std::vector<BodyPhrase> out;
    AddPhrases(kEnglishSubjects, kEnglishVerbs, false, " ", out);
    AddPhrases(kFrenchSubjects, kFrenchVerbs, false, " ", out);
    AddPhrases(kSpanishSubjects, kSpanishVerbs, false, " ", out);
    AddPhrases(kRussianSubjects, kRussianVerbs, false, " ", out);
    AddPhrases(kChineseSubjects, kChineseVerbs, false, "", out);
    AddPhrases(kArabicSubjects, kArabicVerbs, true, "", out);
    // The longest first, so that "the committee also recommends" wins over
    // "the committee" + nothing, and "小组委员会建议" over "委员会建议".
    std::stable_sort(out.begin(), out.end(),
                     [](const BodyPhrase& a, const BodyPhrase& b) { return a.phrase.size() > b.phrase.size(); });
    return out;
  }();
  return phrases;
}

// A phrase found at `pos` starts a word (and, for the Latin and Cyrillic
// ones, a sentence or a clause).
bool AtWordStart(std::string_view text, std::size_t pos) {
  if (pos == 0) return true;
  std::size_t before = pos;
  const char32_t c = PreviousCodePoint(text, before);
  return !(IsLatinLetter(c) || IsCyrillicLetter(c) || IsArabicLetter(c) || IsAsciiDigit(c));
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
  for (const BodyPhrase& phrase : BodyPhrases()) {
    for (std::size_t pos = lowered.find(phrase.phrase); pos != std::string::npos;
         pos = lowered.find(phrase.phrase, pos + 1)) {
      if (!AtWordStart(lowered, pos)) continue;
      const std::size_t end = pos + phrase.phrase.size();
      // A whole word: "recommends" but not "recommendsX"; the Chinese noun
      // "建议草案" is not a verb.
      if (end < lowered.size()) {
        std::size_t after = end;
        const char32_t next = NextCodePoint(lowered, after);
        if (IsLatinLetter(next) || IsCyrillicLetter(next) || IsArabicLetter(next)) continue;
        if (lowered.compare(end, 6, "草案") == 0) continue;
      }
      if (!first || pos < first->begin) {
        first = RecommendingSentence{pos, phrase.name, AddresseeAt(std::string_view(paragraph).substr(end))};
      }
      break;
    }
  }
  return first;
}

}  // namespace sextant
