#include "stages/extract/text_layer_check.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "pipeline/language.h"
#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// Below these counts a page says too little to be judged by a share.
constexpr std::size_t kMinCharacters = 200;
constexpr std::size_t kMinWordsForCommonWords = 40;
constexpr std::size_t kMinWordsForBrokenWords = 40;
constexpr std::size_t kMinCyrillicWords = 100;
constexpr std::size_t kMinHanCharacters = 300;

// The 100 most frequent words of UN Russian and the 200 most frequent
// characters of UN Chinese: counted over the first half of the UN Parallel
// Corpus development set (../shared/corpora/unpc-devset, 2,000 sentences).
// Over page-sized runs of its other half, real text holds at least 18 %
// such words (runs of 100) and 48 % such characters (runs of 300); the
// same text with every code point shifted by 1, 3 or 29 either way, as a
// font's offset character map gives it, at most 8 % and 10 %.
constexpr std::array<std::string_view, 100> kFrequentRussianWords{
    "и", "в", "на", "по", "с", "для", "года", "о", "что", "к", "организации", "также",
    "объединенных", "наций", "безопасности", "не", "а", "за", "от", "том", "женщин", "развития",
    "как", "их", "из", "дня", "чтобы", "или", "его", "области", "отношении", "совета",
    "которые", "при", "год", "прав", "году", "того", "всех", "во", "группы", "вопросам",
    "государств", "все", "работы", "период", "международного", "включая", "числе", "права",
    "было", "меры", "связи", "ее", "м", "человека", "сессии", "были", "февраля", "бы",
    "после", "комитет", "соответствии", "целях", "повестки", "которое", "будет", "этой",
    "государства", "республики", "деятельности", "совет", "между", "до", "рамках", "тем",
    "они", "января", "генерального", "это", "является", "секретаря", "качестве", "резолюции",
    "оружия", "стороны", "других", "более", "то", "частности", "действий", "лиц", "время",
    "конференции", "со", "был", "пункт", "об", "ч", "призывает"};
constexpr std::u32string_view kFrequentChineseCharacters =
    U"的和会国在议年行人一有为员以作合其关定方于对了事联法全第是发及日家理动政与中提主月这进组利展所要并不大安力性用女地工"
    U"权个目到民委约项亚出能程决部机面成将加重可时持实制报分表生续公际务任平意区上妇期特各题保他建应供包团织同共间别经书开社下"
    U"通过告内强斯们问些该件信领调规括文支基本体施助协案此长多资活而域化外使现立代条府核取后明次得之秘非举武来管拉构情请执土确处"
    U"计自还认论指受义审系据者查继况业解学美我入";
constexpr double kLeastFrequentRussianShare = 0.12;
constexpr double kLeastFrequentChineseShare = 0.25;

bool IsFrequentRussianWord(std::string_view core) {
  return std::find(kFrequentRussianWords.begin(), kFrequentRussianWords.end(), core) != kFrequentRussianWords.end();
}

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669); }

bool IsLetter(char32_t c) {
  return IsLatinLetter(c) || IsHan(c) || IsArabicLetter(c) || (c >= 0x0400 && c <= 0x04FF) ||
         (c >= 0x3040 && c <= 0x30FF);
}

// Marks that print in no ordinary text of the six languages, but that a
// font with a shifted character map, or a misread scan, yields: "$", "]",
// "~", "|", "^".
bool IsStrayMark(char32_t c) {
  switch (c) {
    case '~': case '^': case '{': case '}': case '|': case '<': case '>': case '$': case '#':
    case '@': case '\\': case '_': case '`': case '[': case ']': case '=': case '+':
      return true;
    default:
      return false;
  }
}

std::string Percent(std::size_t part, std::size_t whole) {
  return std::to_string(whole == 0 ? 0 : (part * 100 + whole / 2) / whole) + "%";
}

// The word without the ASCII punctuation around it.
std::string_view Trimmed(std::string_view word) {
  std::size_t begin = 0, end = word.size();
  const auto is_edge = [](unsigned char c) { return c < 0x80 && !std::isalnum(c); };
  while (begin < end && is_edge(static_cast<unsigned char>(word[begin]))) ++begin;
  while (end > begin && is_edge(static_cast<unsigned char>(word[end - 1]))) --end;
  return word.substr(begin, end - begin);
}

std::string CoreWord(const std::string& word) { return LowerCase(Trimmed(word)); }

bool IsCommonWord(const std::string& core) {
  for (const LanguageInfo& info : AllLanguages()) {
    for (std::string_view common : info.common_words) {
      if (core == common) return true;
    }
  }
  return false;
}

// "1st", "2nd", "21e", "1er", "3rd": a number with its ordinal ending.
bool IsOrdinal(std::string_view core) {
  std::size_t digits = 0;
  while (digits < core.size() && core[digits] >= '0' && core[digits] <= '9') ++digits;
  if (digits == 0) return false;
  const std::string_view ending = core.substr(digits);
  for (std::string_view known : {"st", "nd", "rd", "th", "e", "er", "re", "ème", "o", "a", "º", "ª"}) {
    if (ending == known) return true;
  }
  return false;
}

bool IsLowerLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) || (c >= 0x0430 && c <= 0x045F);
}

// A word a misread scan breaks: a small letter and a digit side by side
// ("reg1on", "l989", "5ituation"; not "JS7", "19(a)", "p.8" or an ordinal,
// which UN text prints), or letters around a stray mark ("addre;ssed",
// "Pgrmanr~nt").
bool IsBrokenWord(const std::string& word) {
  const std::string_view core = Trimmed(word);
  if (core.find('/') != std::string_view::npos || IsOrdinal(CoreWord(word))) return false;
  char32_t before = 0;
  bool mark_pending = false;
  for (std::size_t pos = 0; pos < core.size();) {
    const char32_t c = NextCodePoint(core, pos);
    if ((IsDigit(c) && IsLowerLetter(before)) || (IsLowerLetter(c) && IsDigit(before))) return true;
    if (IsLetter(c)) {
      if (mark_pending) return true;
    } else if (IsLetter(before) && (IsStrayMark(c) || c == ';' || c == '?' || c == '&' || c == '*')) {
      mark_pending = true;
      before = c;
      continue;
    }
    mark_pending = false;
    before = c;
  }
  return false;
}

}  // namespace

TextLayerVerdict JudgeTextLayer(const std::vector<std::string>& words, std::size_t no_text_words) {
  const std::size_t all_words = words.size() + no_text_words;
  if (words.empty()) {
    if (no_text_words == 0) return {TextLayer::kNone, "no text"};
    return {TextLayer::kUnreadable, "control or private-use characters: all " + std::to_string(all_words) + " words"};
  }
  if (no_text_words * 10 > all_words) {
    return {TextLayer::kUnreadable,
            "control or private-use characters: " + Percent(no_text_words, all_words) + " of " +
                std::to_string(all_words) + " words"};
  }
  std::size_t characters = 0, stray = 0, han_or_arabic = 0, latin_or_cyrillic = 0;
  std::size_t lettered_words = 0, common = 0, broken = 0;
  std::size_t cyrillic_words = 0, frequent_russian = 0, han = 0, frequent_chinese = 0;
  for (const std::string& word : words) {
    bool has_letter = false, has_cyrillic = false;
    for (std::size_t pos = 0; pos < word.size();) {
      const char32_t c = NextCodePoint(word, pos);
      if (c == ' ') continue;
      ++characters;
      if (IsStrayMark(c)) ++stray;
      if (IsHan(c) || IsArabicLetter(c)) ++han_or_arabic;
      if (IsLatinLetter(c) || (c >= 0x0400 && c <= 0x04FF)) ++latin_or_cyrillic;
      has_cyrillic = has_cyrillic || IsCyrillicLetter(c);
      if (IsHan(c)) {
        ++han;
        if (kFrequentChineseCharacters.find(c) != std::u32string_view::npos) ++frequent_chinese;
      }
      has_letter = has_letter || IsLetter(c);
    }
    if (!has_letter) continue;
    ++lettered_words;
    const std::string core = CoreWord(word);
    if (IsCommonWord(core)) ++common;
    if (IsBrokenWord(word)) ++broken;
    if (has_cyrillic) {
      ++cyrillic_words;
      if (IsFrequentRussianWord(core)) ++frequent_russian;
    }
  }
  if (characters >= kMinCharacters && stray * 10 > characters) {
    return {TextLayer::kUnreadable,
            "stray marks ($ ] ~ |): " + Percent(stray, characters) + " of " + std::to_string(characters) + " characters"};
  }
  if (cyrillic_words >= kMinCyrillicWords &&
      static_cast<double>(frequent_russian) < kLeastFrequentRussianShare * static_cast<double>(cyrillic_words)) {
    return {TextLayer::kUnreadable, "frequent Russian words: " + std::to_string(frequent_russian) + " of " +
                                        std::to_string(cyrillic_words) + " Cyrillic words"};
  }
  if (han >= kMinHanCharacters &&
      static_cast<double>(frequent_chinese) < kLeastFrequentChineseShare * static_cast<double>(han)) {
    return {TextLayer::kUnreadable, "frequent Chinese characters: " + std::to_string(frequent_chinese) + " of " +
                                        std::to_string(han) + " Han characters"};
  }
  const bool alphabetic = latin_or_cyrillic > han_or_arabic;
  if (alphabetic && lettered_words >= kMinWordsForCommonWords && common * 50 < lettered_words) {
    return {TextLayer::kUnreadable,
            "common words: " + std::to_string(common) + " of " + std::to_string(lettered_words) + " words"};
  }
  if (alphabetic && lettered_words >= kMinWordsForBrokenWords && broken * 25 > lettered_words) {
    return {TextLayer::kPoorOcr,
            "broken words: " + std::to_string(broken) + " of " + std::to_string(lettered_words) + " (" +
                Percent(broken, lettered_words) + ")"};
  }
  return {};
}

}  // namespace sextant
