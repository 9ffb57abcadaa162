#include "stages/recommend/ordinal_words.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

struct NumberWord {
  std::string_view word;
  int value;
};

// Ordinal words (lower case); compounds are summed: "twenty" "first",
// "vingt" "et" "unième", "vigésimo" "primer", "двадцать" "первой".
constexpr NumberWord kOrdinals[] = {
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5},
    {"sixth", 6}, {"seventh", 7}, {"eighth", 8}, {"ninth", 9}, {"tenth", 10},
    {"eleventh", 11}, {"twelfth", 12}, {"thirteenth", 13}, {"fourteenth", 14},
    {"fifteenth", 15}, {"sixteenth", 16}, {"seventeenth", 17},
    {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30}, {"fortieth", 40}, {"fiftieth", 50}, {"sixtieth", 60},
    {"seventieth", 70}, {"eightieth", 80}, {"ninetieth", 90},
    {"hundredth", 100},
    {"premier", 1}, {"première", 1}, {"unième", 1}, {"second", 2},
    {"seconde", 2}, {"deuxième", 2}, {"troisième", 3}, {"quatrième", 4},
    {"cinquième", 5}, {"sixième", 6}, {"septième", 7}, {"huitième", 8},
    {"neuvième", 9}, {"dixième", 10}, {"onzième", 11}, {"douzième", 12},
    {"treizième", 13}, {"quatorzième", 14}, {"quinzième", 15},
    {"seizième", 16}, {"vingtième", 20}, {"trentième", 30},
    {"quarantième", 40}, {"cinquantième", 50}, {"soixantième", 60},
    {"centième", 100},
    // Spanish, masculine (the feminine in -a is read through it).
    {"primer", 1}, {"primero", 1}, {"segundo", 2}, {"tercer", 3},
    {"tercero", 3}, {"cuarto", 4}, {"quinto", 5}, {"sexto", 6},
    {"séptimo", 7}, {"septimo", 7}, {"octavo", 8}, {"noveno", 9},
    {"décimo", 10}, {"decimo", 10}, {"undécimo", 11}, {"duodécimo", 12},
    {"vigésimo", 20}, {"trigésimo", 30}, {"cuadragésimo", 40},
    {"quincuagésimo", 50}, {"sexagésimo", 60}, {"septuagésimo", 70},
    {"octogésimo", 80}, {"nonagésimo", 90}, {"centésimo", 100},
};

constexpr NumberWord kCardinals[] = {
    {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
    {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
    {"dix", 10}, {"vingt", 20}, {"vingts", 20}, {"trente", 30},
    {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}, {"cent", 100},
    {"двадцать", 20}, {"тридцать", 30}, {"сорок", 40}, {"пятьдесят", 50},
    {"шестьдесят", 60}, {"семьдесят", 70}, {"восемьдесят", 80},
    {"девяносто", 90}, {"сто", 100},
};

// Russian ordinals inflect: the stem, then an ending of up to four letters
// ("пят|ой", "перв|ую", "трет|ьей", "двенадцат|ого").
constexpr NumberWord kRussianStems[] = {
    {"перв", 1}, {"втор", 2}, {"трет", 3}, {"четверт", 4}, {"пят", 5},
    {"шест", 6}, {"седьм", 7}, {"восьм", 8}, {"девят", 9}, {"десят", 10},
    {"одиннадцат", 11}, {"двенадцат", 12}, {"тринадцат", 13},
    {"четырнадцат", 14}, {"пятнадцат", 15}, {"шестнадцат", 16},
    {"семнадцат", 17}, {"восемнадцат", 18}, {"девятнадцат", 19},
    {"двадцат", 20}, {"тридцат", 30}, {"сороков", 40}, {"пятидесят", 50},
    {"шестидесят", 60}, {"семидесят", 70}, {"восьмидесят", 80},
    {"девяност", 90}, {"сот", 100},
};

// Words that may stand between an ordinal and the word it numbers: "fifth
// regular session", "двадцать первой очередной сессии".
constexpr std::string_view kQualifiers[] = {
    "regular", "special", "ordinary", "resumed", "annual", "substantive",
    "extraordinary", "organizational", "очередной", "очередную",
    "специальной", "специальную", "возобновленной",
};

// Endings of a number written in digits: "18th", "5e", "1re", "5º", "6-м".
constexpr std::string_view kDigitSuffixes[] = {
    "st", "nd", "rd", "th", "e", "ème", "eme", "er", "re", "ère", "º", "ª",
    ".º", ".ª", "й", "я", "ю", "м", "го", "ой", "ая", "ую", "ом", "ого",
};

int Lookup(const NumberWord* begin, const NumberWord* end, std::string_view word) {
  for (const NumberWord* entry = begin; entry != end; ++entry) {
    if (entry->word == word) return entry->value;
  }
  return 0;
}

int RussianOrdinal(std::string_view word) {
  int best = 0;
  std::size_t best_stem = 0;
  for (const NumberWord& stem : kRussianStems) {
    if (word.substr(0, stem.word.size()) != stem.word) continue;
    const std::size_t ending = word.size() - stem.word.size();  // bytes, 2 a letter
    if (ending >= 2 && ending <= 8 && stem.word.size() > best_stem) {
      best = stem.value;
      best_stem = stem.word.size();
    }
  }
  return best;
}

int OrdinalWordValue(std::string_view word) {
  if (int value = Lookup(std::begin(kOrdinals), std::end(kOrdinals), word)) return value;
  // Spanish feminine: "quinta", "vigésima primera".
  if (word.size() > 1 && word.back() == 'a') {
    std::string masculine(word.substr(0, word.size() - 1));
    masculine += 'o';
    if (int value = Lookup(std::begin(kOrdinals), std::end(kOrdinals), masculine)) return value;
  }
  // "decimoquinto", "decimotercera".
  for (std::string_view prefix : {std::string_view("decimo"), std::string_view("décimo")}) {
    if (word.size() > prefix.size() && word.substr(0, prefix.size()) == prefix) {
      const int unit = OrdinalWordValue(word.substr(prefix.size()));
      if (unit > 0 && unit < 10) return 10 + unit;
    }
  }
  return RussianOrdinal(word);
}

int CardinalWordValue(std::string_view word) {
  return Lookup(std::begin(kCardinals), std::end(kCardinals), word);
}

bool IsDigits(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "18th" → 18, "5e" → 5; 0 when the word is not a number with an ending.
int DigitOrdinalValue(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  if (digits == 0 || digits > 3) return 0;
  const std::string_view suffix = word.substr(digits);
  for (std::string_view known : kDigitSuffixes) {
    if (suffix == known) return std::stoi(std::string(word.substr(0, digits)));
  }
  return 0;
}

struct WordSpan {
  std::string lowered;
  std::size_t begin = 0, end = 0;
  bool hyphen_after = false;  // joined to the next word by a hyphen
};

bool IsOrdinalWordChar(char32_t c) {
  return IsLatinLetter(c) || IsCyrillicLetter(c) || IsAsciiDigit(c) || c == U'º' ||
         c == U'ª' || c == '.';
}

// Up to `limit` words that end at `end`, last first, joined by spaces or
// hyphens only.
std::vector<WordSpan> WordsBefore(std::string_view text, std::size_t end, int limit) {
  std::vector<WordSpan> words;
  std::size_t pos = end;
  bool hyphen = false;
  while (pos > 0 && static_cast<int>(words.size()) < limit) {
    std::size_t word_end = pos;
    // Spaces (and one hyphen) before the word.
    while (word_end > 0) {
      std::size_t back = word_end;
      const char32_t c = PreviousCodePoint(text, back);
      if (c == ' ' || c == 0xA0) {
        word_end = back;
      } else if ((c == '-' || c == U'‑') && !hyphen && !words.empty()) {
        hyphen = true;
        word_end = back;
      } else {
        break;
      }
    }
    std::size_t word_begin = word_end;
    while (word_begin > 0) {
      std::size_t back = word_begin;
      if (!IsOrdinalWordChar(PreviousCodePoint(text, back))) break;
      word_begin = back;
    }
    if (word_begin == word_end) break;
    std::string_view word = text.substr(word_begin, word_end - word_begin);
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);  // "session."
    words.push_back({LowerCase(word), word_begin, word_begin + word.size(), hyphen});
    hyphen = false;
    pos = word_begin;
  }
  return words;
}

bool IsQualifier(std::string_view word) {
  for (std::string_view qualifier : kQualifiers) {
    if (word == qualifier) return true;
  }
  return false;
}

}  // namespace

OrdinalMatch OrdinalEndingAt(std::string_view text, std::size_t end) {
  std::vector<WordSpan> words = WordsBefore(text, end, 8);
  std::size_t last = 0;
  while (last < words.size() && last < 2 && IsQualifier(words[last].lowered)) ++last;
  if (last >= words.size()) return {};
  const WordSpan& word = words[last];
  if (int value = DigitOrdinalValue(word.lowered)) return {value, word.begin, word.end};
  // "6-м": digits, a hyphen, a Russian ending.
  if (last + 1 < words.size() && words[last + 1].hyphen_after && IsDigits(words[last + 1].lowered) &&
      DigitOrdinalValue(words[last + 1].lowered + word.lowered) > 0) {
    return {std::stoi(words[last + 1].lowered), words[last + 1].begin, word.end};
  }
  int value = OrdinalWordValue(word.lowered);
  if (value == 0) return {};
  OrdinalMatch match{value, word.begin, word.end};
  // Earlier words of the same number: "twenty-", "vingt et", "vigésimo",
  // "soixante-" ("soixante-dixième"), "quatre-vingt-".
  int previous_value = value;
  for (std::size_t i = last + 1; i < words.size(); ++i) {
    const std::string& earlier = words[i].lowered;
    if (earlier == "et") continue;
    int part = CardinalWordValue(earlier);
    if (part == 0) part = OrdinalWordValue(earlier);
    if (part == 0 && earlier == "quatre" && previous_value == 20) {
      match.value += 60;  // "quatre-vingt": four twenties, counted once already
      match.begin = words[i].begin;
      continue;
    }
    if (part <= previous_value || part < 10) break;
    match.value += part;
    match.begin = words[i].begin;
    previous_value = part;
  }
  return match;
}

OrdinalMatch ArabicOrdinalAt(std::string_view text, std::size_t begin) {
  static const std::unordered_map<std::string_view, int> kUnits = {
      {"الأولى", 1}, {"الاولى", 1}, {"الأول", 1}, {"الحادية", 1}, {"الحادي", 1},
      {"الثانية", 2}, {"الثاني", 2}, {"الثالثة", 3}, {"الثالث", 3},
      {"الرابعة", 4}, {"الرابع", 4}, {"الخامسة", 5}, {"الخامس", 5},
      {"السادسة", 6}, {"السادس", 6}, {"السابعة", 7}, {"السابع", 7},
      {"الثامنة", 8}, {"الثامن", 8}, {"التاسعة", 9}, {"التاسع", 9},
      {"العاشرة", 10}, {"العاشر", 10},
  };
  static const std::unordered_map<std::string_view, int> kTens = {
      {"العشرين", 20}, {"الثلاثين", 30}, {"الأربعين", 40}, {"الخمسين", 50},
      {"الستين", 60}, {"السبعين", 70}, {"الثمانين", 80}, {"التسعين", 90},
  };
  // The next two words, by spaces.
  std::string_view words[2];
  std::size_t ends[2] = {0, 0};
  std::size_t pos = begin;
  for (int w = 0; w < 2; ++w) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    std::size_t word_end = pos;
    while (word_end < text.size()) {
      std::size_t next = word_end;
      if (!IsArabicLetter(NextCodePoint(text, next))) break;
      word_end = next;
    }
    words[w] = text.substr(pos, word_end - pos);
    ends[w] = word_end;
    pos = word_end;
  }
  const std::size_t start = ends[0] - words[0].size();
  if (auto tens = kTens.find(words[0]); tens != kTens.end()) return {tens->second, start, ends[0]};
  const auto unit = kUnits.find(words[0]);
  if (unit == kUnits.end()) return {};
  if (unit->second < 10 && (words[1] == "عشرة" || words[1] == "عشر")) {
    return {unit->second + 10, start, ends[1]};
  }
  if (words[1].substr(0, 2) == "و") {  // "والعشرين"
    if (auto tens = kTens.find(words[1].substr(2)); tens != kTens.end() && unit->second < 10) {
      return {unit->second + tens->second, start, ends[1]};
    }
  }
  return {unit->second, start, ends[0]};
}

OrdinalMatch ChineseOrdinalEndingAt(std::string_view text, std::size_t end) {
  std::size_t pos = end;
  std::u32string digits;  // backwards
  while (pos > 0) {
    std::size_t back = pos;
    const char32_t c = PreviousCodePoint(text, back);
    if (c == ' ') {
      pos = back;
      continue;
    }
    if (c == U'第') {
      pos = back;
      break;
    }
    if (std::u32string_view(U"〇零一二两三四五六七八九十百0123456789").find(c) ==
        std::u32string_view::npos) {
      return {};
    }
    digits.insert(digits.begin(), c);
    pos = back;
  }
  if (digits.empty() || text.substr(pos, 3) != "第") return {};
  int value = 0;
  int current = 0;  // the digit waiting for 十 or 百
  bool arabic_digits = false;
  for (char32_t c : digits) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + static_cast<int>(c - '0');
      arabic_digits = true;
    } else if (c == U'十') {
      value += (current == 0 ? 1 : current) * 10;
      current = 0;
    } else if (c == U'百') {
      value += (current == 0 ? 1 : current) * 100;
      current = 0;
    } else {
      const std::u32string_view kDigits = U"〇一二三四五六七八九";
      const std::size_t digit = c == U'零' ? 0 : c == U'两' ? 2 : kDigits.find(c);
      current = static_cast<int>(digit);
    }
  }
  if (!arabic_digits) value += current;
  if (value <= 0 || value > 999) return {};
  return {value, pos, end};
}

}  // namespace sextant
