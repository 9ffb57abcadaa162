#include "stages/tag/ocr_symbol_repair.h"

#include <vector>

#include "pipeline/unicode_text.h"
#include "stages/tag/symbol_tagger.h"

namespace sextant {
namespace {

// At most this many uncertain characters are tried (2^10 readings).
constexpr std::size_t kMaxUncertain = 10;

// The Latin letter a Cyrillic one looks like, or 0.
char LatinLookAlike(char32_t c) {
  switch (c) {
    case U'А': return 'A';
    case U'В': return 'B';
    case U'С': return 'C';
    case U'Е': return 'E';
    case U'Н': return 'H';
    case U'К': return 'K';
    case U'М': return 'M';
    case U'О': return 'O';
    case U'Р': return 'P';
    case U'Т': return 'T';
    case U'Х': return 'X';
    case U'а': return 'a';
    case U'е': return 'e';
    case U'о': return 'o';
    case U'р': return 'p';
    case U'с': return 'c';
    case U'х': return 'x';
    default: return 0;
  }
}

char DigitFor(char c) {
  switch (c) {
    case 'l': case 'I': case '|': return '1';
    case 'O': case 'o': case 'D': case 'Q': return '0';
    case 'S': case 's': return '5';
    case 'B': return '8';
    case 'Z': case 'z': return '2';
    case 'G': return '6';
    default: return 0;
  }
}

char LetterFor(char c) {
  switch (c) {
    case '0': return 'O';
    case '1': return 'I';
    case '5': return 'S';
    case '8': return 'B';
    default: return 0;
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// One uncertain character: where, and what else it may be.
struct Uncertain {
  std::size_t position;
  char other;
};

// The characters of `text` that may be misread, part by part (between
// "/", "." and "-"): in a part whose every letter looks like a digit
// ("l89", "4S", "3O46", "l"), those letters; in a part of more letters
// than digits whose every digit looks like a letter ("C0P"), those digits.
std::vector<Uncertain> UncertainCharacters(const std::string& text) {
  std::vector<Uncertain> uncertain;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find_first_of("/.-", begin);
    if (end == std::string::npos) end = text.size();
    std::size_t digits = 0, letters = 0;
    bool letters_look_like_digits = true, digits_look_like_letters = true;
    for (std::size_t i = begin; i < end; ++i) {
      if (IsDigit(text[i])) {
        ++digits;
        digits_look_like_letters = digits_look_like_letters && LetterFor(text[i]) != 0;
      } else if (IsAsciiLetter(text[i]) || text[i] == '|') {
        ++letters;
        letters_look_like_digits = letters_look_like_digits && DigitFor(text[i]) != 0;
      }
    }
    for (std::size_t i = begin; i < end; ++i) {
      if (letters > 0 && letters_look_like_digits && DigitFor(text[i]) != 0) {
        uncertain.push_back({i, DigitFor(text[i])});
      } else if (digits > 0 && letters > digits && digits_look_like_letters && LetterFor(text[i]) != 0) {
        uncertain.push_back({i, LetterFor(text[i])});
      }
    }
    begin = end + 1;
  }
  return uncertain;
}

}  // namespace

std::optional<std::string> RepairOcrSymbol(std::string_view printed, bool spaces, const std::set<std::string>& known) {
  // Look-alikes to Latin, spaces out, trailing specks ("155~") off.
  std::string text;
  for (std::size_t pos = 0; pos < printed.size();) {
    const std::size_t start = pos;
    const char32_t c = NextCodePoint(printed, pos);
    if (const char latin = LatinLookAlike(c)) {
      text += latin;
    } else if (c == '$') {
      text += 'S';  // no symbol holds a "$": an S misread ("$/25016")
    } else if (!(spaces && (c == ' ' || c == 0xA0))) {
      text.append(printed.substr(start, pos - start));
    }
  }
  while (!text.empty() && (text.back() == '~' || text.back() == '\'' || text.back() == '`' || text.back() == '^')) {
    text.pop_back();
  }
  if (text.find('/') == std::string::npos) return std::nullopt;
  const std::optional<ParsedSymbol> as_printed = ParseSymbol(printed);
  std::set<std::string> readings;
  if (const std::optional<ParsedSymbol> direct = ParseSymbol(text)) readings.insert(direct->normalized);
  const std::vector<Uncertain> uncertain = UncertainCharacters(text);
  if (uncertain.size() <= kMaxUncertain) {
    for (std::size_t mask = 1; mask < (std::size_t{1} << uncertain.size()); ++mask) {
      std::string reading = text;
      for (std::size_t i = 0; i < uncertain.size(); ++i) {
        if (mask & (std::size_t{1} << i)) reading[uncertain[i].position] = uncertain[i].other;
      }
      if (const std::optional<ParsedSymbol> parsed = ParseSymbol(reading)) readings.insert(parsed->normalized);
    }
  }
  if (readings.size() > 1 && !known.empty()) {
    std::set<std::string> in_document;
    for (const std::string& reading : readings) {
      if (known.count(reading) > 0) in_document.insert(reading);
    }
    readings = std::move(in_document);
  }
  if (readings.size() != 1) return std::nullopt;
  // Text that reads as a symbol as printed needs no repair.
  if (as_printed && as_printed->normalized == *readings.begin()) return std::nullopt;
  return *readings.begin();
}

}  // namespace sextant
