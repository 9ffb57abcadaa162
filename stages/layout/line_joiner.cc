#include "stages/layout/line_joiner.h"

#include <algorithm>
#include <array>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// Prefixes that are written with a hyphen: a line break after them keeps the
// hyphen ("non-" + "governmental" → "non-governmental").
constexpr std::array<std::string_view, 30> kHyphenatedPrefixes{
    "non", "self", "co", "anti", "multi", "inter", "socio", "quasi", "post",
    "pre", "ex", "semi", "cross", "well", "long", "short", "high", "low",
    "sub", "vice", "follow", "small", "so", "same",
    // French compound numerals: "quarante-" + "neuvième".
    "vingt", "trente", "quarante", "cinquante", "soixante", "dix"};

bool EndsWithHyphen(std::string_view text) {
  return !text.empty() && text.back() == '-';
}

// The letters of the last word before a trailing hyphen.
std::string_view LastWordBeforeHyphen(std::string_view text) {
  std::size_t end = text.size() - 1;  // the hyphen
  std::size_t start = end;
  while (start > 0) {
    std::size_t previous = start;
    const char32_t c = PreviousCodePoint(text, previous);
    if (!IsLatinLetter(c) && !IsCyrillicLetter(c)) break;
    start = previous;
  }
  return text.substr(start, end - start);
}

bool IsWideScript(char32_t c) { return IsHan(c) || IsCjkPunctuation(c); }

bool IsLatinWordChar(char32_t c) { return IsLatinLetter(c) || IsAsciiDigit(c); }

// Whether the text ends in the middle of a document symbol: its last token
// has a "/" and ends with "/" or with a lettered part and a dot ("WG.",
// "CRP.", "L.", "Add.").
bool EndsInsideSymbol(std::string_view text) {
  const std::size_t space = text.find_last_of(' ');
  const std::string_view token =
      space == std::string_view::npos ? text : text.substr(space + 1);
  if (token.find('/') == std::string_view::npos) return false;
  if (token.back() == '/') return true;
  if (token.back() != '.') return false;
  const std::size_t slash = token.find_last_of('/');
  const std::string_view part = token.substr(slash + 1, token.size() - slash - 2);
  return !part.empty() && part.size() <= 5 &&
         std::all_of(part.begin(), part.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
         });
}

}  // namespace

void CollectHyphenatedWords(std::string_view line, HyphenatedWords& words) {
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    const std::string_view token = line.substr(start, end - start);
    const std::size_t hyphen = token.find('-');
    if (hyphen != std::string_view::npos && hyphen > 0 &&
        hyphen + 1 < token.size()) {
      std::string word = LowerCase(token);
      while (!word.empty() && std::string_view(",.;:)»”").find(word.back()) !=
                                  std::string_view::npos) {
        word.pop_back();
      }
      words.insert(std::move(word));
    }
    start = end + 1;
  }
}

bool LineJoiner::KeepsHyphen(std::string_view stem, std::string_view next) const {
  if (stem.empty()) return true;
  const std::string lower_stem = LowerCase(stem);
  if (hyphenated_words_ != nullptr) {
    std::size_t end = 0;
    while (end < next.size() && next[end] != ' ') ++end;
    std::string candidate = lower_stem + "-" + LowerCase(next.substr(0, end));
    while (!candidate.empty() && std::string_view(",.;:)»”").find(candidate.back()) !=
                                     std::string_view::npos) {
      candidate.pop_back();
    }
    if (hyphenated_words_->contains(candidate)) return true;
  }
  for (std::string_view prefix : kHyphenatedPrefixes) {
    if (lower_stem == prefix) return true;
  }
  return false;
}

void LineJoiner::Append(std::string& paragraph, std::string_view next) const {
  if (next.empty()) return;
  if (paragraph.empty()) {
    paragraph.assign(next);
    return;
  }
  std::size_t first_pos = 0;
  const char32_t first = NextCodePoint(next, first_pos);
  if (Info(language_).line_join == LineJoin::kNoSpace) {
    std::size_t last_pos = paragraph.size();
    const char32_t last = PreviousCodePoint(paragraph, last_pos);
    if (IsLatinWordChar(last) && IsLatinWordChar(first) && !IsAsciiDigit(last)) {
      paragraph += ' ';
    }
    paragraph.append(next);
    return;
  }
  // A free-standing hyphen is a dash: "the mandate -" + "which".
  if (paragraph.size() >= 2 && paragraph.ends_with(" -")) {
    paragraph += ' ';
    paragraph.append(next);
    return;
  }
  if (EndsWithHyphen(paragraph) && IsLowercaseLetter(first)) {
    if (!KeepsHyphen(LastWordBeforeHyphen(paragraph), next)) paragraph.pop_back();
    paragraph.append(next);
    return;
  }
  // A symbol broken after "/" or after a part such as "WG." is one word:
  // "(CTOC/COP/WG." + "4/2020/2)".
  if (EndsInsideSymbol(paragraph) && (IsAsciiDigit(first) || IsUppercaseLetter(first))) {
    paragraph.append(next);
    return;
  }
  // An opening bracket at a line's end opens what the next line starts:
  // "الأمانة (" + "CTOC/COP/WG.4/2022/2)".
  if (paragraph.back() == '(' || paragraph.back() == '[') {
    paragraph.append(next);
    return;
  }
  // Arabic pairs words with a slash and no space, "حزيران/" + "يونيه".
  if (IsArabicLetter(first) && paragraph.size() >= 3 && paragraph.back() == '/') {
    std::size_t before_slash = paragraph.size() - 1;
    if (IsArabicLetter(PreviousCodePoint(paragraph, before_slash))) {
      paragraph.append(next);
      return;
    }
  }
  // A hyphen before a capital or a digit is part of the word: "non-" "State".
  if (EndsWithHyphen(paragraph) && (IsUppercaseLetter(first) || IsAsciiDigit(first))) {
    paragraph.append(next);
    return;
  }
  paragraph += ' ';
  paragraph.append(next);
}

std::string RemoveSpacesInChinese(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char32_t before = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = NextCodePoint(text, pos);
    if (c == ' ' && before != 0) {
      std::size_t ahead = pos;
      while (ahead < text.size() && text[ahead] == ' ') ++ahead;
      std::size_t peek = ahead;
      const char32_t after = ahead < text.size() ? NextCodePoint(text, peek) : 0;
      const bool drop = (IsWideScript(before) && (IsWideScript(after) || IsAsciiDigit(after))) ||
                        (IsAsciiDigit(before) && IsWideScript(after)) ||
                        (IsWideScript(after) && before == '/') ||
                        // "自由, 在": an ASCII comma set in Chinese text.
                        (IsWideScript(after) && (before == ',' || before == ';' ||
                                                 before == ':'));
      if (drop) {
        pos = ahead;
        continue;
      }
    }
    out.append(text.substr(start, pos - start));
    before = c;
  }
  return out;
}

std::string LineJoiner::Join(const std::vector<std::string>& lines) const {
  std::string paragraph;
  for (const std::string& line : lines) Append(paragraph, FoldWhitespace(line));
  if (language_ == Language::kChinese) return RemoveSpacesInChinese(paragraph);
  return paragraph;
}

}  // namespace sextant
