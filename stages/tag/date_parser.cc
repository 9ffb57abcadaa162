#include "stages/tag/date_parser.h"

#include <cstdio>
#include <deque>
#include <unordered_map>
#include <vector>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

struct MonthName {
  std::string_view name;
  int month;
};

// Lower-case month names. Russian in the nominative and the genitive; Arabic
// in both the Levantine (حزيران) and the Egyptian (يونيه) series, which UN
// Arabic writes as a pair "حزيران/يونيه".
constexpr MonthName kMonths[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
    {"june", 6}, {"july", 7}, {"august", 8}, {"september", 9},
    {"october", 10}, {"november", 11}, {"december", 12},
    {"jan.", 1}, {"feb.", 2}, {"mar.", 3}, {"apr.", 4}, {"jun.", 6},
    {"jul.", 7}, {"aug.", 8}, {"sept.", 9}, {"sep.", 9}, {"oct.", 10},
    {"nov.", 11}, {"dec.", 12},
    {"janvier", 1}, {"février", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5},
    {"juin", 6}, {"juillet", 7}, {"août", 8}, {"septembre", 9},
    {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
    {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
    {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5},
    {"июня", 6}, {"июля", 7}, {"августа", 8}, {"сентября", 9},
    {"октября", 10}, {"ноября", 11}, {"декабря", 12},
    {"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4}, {"май", 5},
    {"июнь", 6}, {"июль", 7}, {"август", 8}, {"сентябрь", 9},
    {"октябрь", 10}, {"ноябрь", 11}, {"декабрь", 12},
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4},
    {"مايو", 5}, {"يونيه", 6}, {"يونيو", 6}, {"يوليه", 7}, {"يوليو", 7},
    {"أغسطس", 8}, {"اغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10},
    {"اكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
    {"شباط", 2}, {"آذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"حزيران", 6},
    {"تموز", 7}, {"آب", 8}, {"أيلول", 9}, {"تشرين الأول", 10},
    {"تشرين الثاني", 11}, {"كانون الأول", 12}, {"كانون الثاني", 1},
    {"sept", 9}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6},
    {"jul", 7}, {"aug", 8}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    {"fév.", 2}, {"févr.", 2}, {"janv.", 1}, {"avr.", 4}, {"juil.", 7},
    {"déc.", 12},
};

struct Token {
  enum Kind { kNumber, kWord, kHanYear, kHanMonth, kHanDay } kind;
  std::string_view text;  // the lower-cased word (empty for numbers)
  int value = 0;     // for numbers; for words, the month they name (or 0)
  std::size_t begin = 0, end = 0;
};

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return static_cast<int>(c - 0x06F0);
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

constexpr char32_t kTatweel = 0x0640;  // Arabic stretching, no letter

bool IsWordChar(char32_t c) {
  return IsLatinLetter(c) || IsCyrillicLetter(c) || IsArabicLetter(c) ||
         c == '.' || c == kTatweel;
}

// The word without tatweel: "نيســان" is "نيسان".
std::string WithoutTatweel(std::string_view word) {
  std::string out;
  for (std::size_t pos = 0; pos < word.size();) {
    const std::size_t start = pos;
    if (NextCodePoint(word, pos) != kTatweel) out.append(word.substr(start, pos - start));
  }
  return out;
}

// Numbers, words and the Chinese date characters 年 月 日, with byte spans.
// Word texts point into `lowered` (LowerCaseSameOffsets(text)), or into
// `storage` for the rare word stretched with tatweel.
std::vector<Token> Tokenize(std::string_view text, std::string_view lowered,
                           std::deque<std::string>& storage) {
  std::vector<Token> tokens;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = NextCodePoint(text, pos);
    if (DigitValue(c) >= 0) {
      Token token{Token::kNumber, {}, DigitValue(c), start, pos};
      while (pos < text.size()) {
        std::size_t next = pos;
        const int digit = DigitValue(NextCodePoint(text, next));
        if (digit < 0 || token.value > 100000) break;
        token.value = token.value * 10 + digit;
        pos = next;
      }
      token.end = pos;
      // "1er" (French first of the month).
      if (text.substr(pos, 2) == "er") pos += 2;
      tokens.push_back(token);
    } else if (c == U'年' || c == U'月' || c == U'日') {
      tokens.push_back({c == U'年'   ? Token::kHanYear
                        : c == U'月' ? Token::kHanMonth
                                     : Token::kHanDay,
                        {}, 0, start, pos});
    } else if (IsWordChar(c) && c != '.') {
      std::size_t end = pos;
      while (pos < text.size()) {
        std::size_t next = pos;
        if (!IsWordChar(NextCodePoint(text, next))) break;
        pos = end = next;
      }
      std::string_view word = lowered.substr(start, end - start);
      if (word.find("\u0640") != std::string_view::npos) {
        word = storage.emplace_back(WithoutTatweel(word));
      }
      tokens.push_back({Token::kWord, word, MonthFromName(word), start, end});
    }
  }
  return tokens;
}

std::string Iso(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

bool Valid(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1 ||
      day > kDays[month - 1]) {
    return false;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

std::optional<DateMatch> HanDate(const std::vector<Token>& t, std::size_t i) {
  if (i + 6 > t.size()) return std::nullopt;
  if (t[i].kind == Token::kNumber && t[i + 1].kind == Token::kHanYear &&
      t[i + 2].kind == Token::kNumber && t[i + 3].kind == Token::kHanMonth &&
      t[i + 4].kind == Token::kNumber && t[i + 5].kind == Token::kHanDay &&
      Valid(t[i].value, t[i + 2].value, t[i + 4].value)) {
    return DateMatch{Iso(t[i].value, t[i + 2].value, t[i + 4].value),
                     t[i].begin, t[i + 5].end};
  }
  return std::nullopt;
}

// Two-word Arabic month names ("تشرين الأول") are matched on the pair.
int MonthAt(const std::vector<Token>& t, std::size_t i, std::size_t& width) {
  width = 1;
  if (t[i].kind != Token::kWord) return 0;
  const bool pair_start = t[i].text == "تشرين" || t[i].text == "كانون";
  if (pair_start && i + 1 < t.size() && t[i + 1].kind == Token::kWord) {
    const int pair = MonthFromName(std::string(t[i].text) + " " + std::string(t[i + 1].text));
    if (pair > 0) {
      width = 2;
      return pair;
    }
  }
  return t[i].value;
}

// "29 and 30 June": words that join two days of one month.
bool IsDayConnector(const Token& token) {
  return token.kind == Token::kWord &&
         (token.text == "and" || token.text == "et" || token.text == "y" ||
          token.text == "и" || token.text == "و" || token.text == "to" ||
          token.text == "au" || token.text == "al" || token.text == "по" ||
          token.text == "إلى" || token.text == "الى");
}

// Punctuation between two days that keeps them apart: "253 (د-3)، 16". The
// Arabic comma and semicolon are searched as strings: their lead byte is
// that of Arabic letters from U+0600 to U+063F ("إلى").
bool HasSeparatingPunctuation(std::string_view between) {
  return between.find_first_of(",;.:()") != std::string_view::npos ||
         between.find("،") != std::string_view::npos || between.find("؛") != std::string_view::npos;
}

bool IsFiller(const Token& token) {
  return token.kind == Token::kWord &&
         (token.text == "de" || token.text == "of" || token.text == "del");
}

}  // namespace

int MonthFromName(std::string_view word) {
  static const std::unordered_map<std::string_view, int> kByName = [] {
    std::unordered_map<std::string_view, int> map;
    for (const MonthName& month : kMonths) map.emplace(month.name, month.month);
    return map;
  }();
  const auto found = kByName.find(word);
  return found == kByName.end() ? 0 : found->second;
}

std::vector<DateMatch> FindDates(std::string_view text) {
  const std::string lowered = LowerCaseSameOffsets(text);
  std::deque<std::string> storage;
  const std::vector<Token> t = Tokenize(text, lowered, storage);
  std::vector<DateMatch> dates;
  // A day and month whose year comes with the next date: "28 January" in
  // "28 January to 8 February 2013", "11 February–1 March 2013". A plain
  // struct (day 0: none), not std::optional: GCC 12 warns of its members.
  struct DayWithoutYear {
    int day = 0, month = 0;  // day 0: none
    std::size_t begin = 0, end = 0;
    std::size_t last_token = 0;
  };
  DayWithoutYear pending;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (auto han = HanDate(t, i)) {
      dates.push_back(*han);
      i += 5;
      // "6月29日和30日": more days of the same month; "1月28日至2月8日": a
      // day of a later month of the same year.
      const int year = std::stoi(han->iso.substr(0, 4));
      int month = std::stoi(han->iso.substr(5, 2));
      while (i + 2 < t.size() && t[i + 1].kind == Token::kNumber) {
        if (t[i + 2].kind == Token::kHanDay && Valid(year, month, t[i + 1].value)) {
          dates.push_back({Iso(year, month, t[i + 1].value), t[i + 1].begin, t[i + 2].end});
          i += 2;
        } else if (i + 4 < t.size() && t[i + 2].kind == Token::kHanMonth &&
                   t[i + 3].kind == Token::kNumber && t[i + 4].kind == Token::kHanDay &&
                   t[i + 1].value > month && Valid(year, t[i + 1].value, t[i + 3].value)) {
          month = t[i + 1].value;
          dates.push_back({Iso(year, month, t[i + 3].value), t[i + 1].begin, t[i + 4].end});
          i += 4;
        } else {
          break;
        }
      }
      continue;
    }
    std::size_t width = 1;
    const int month = MonthAt(t, i, width);
    if (month == 0) continue;
    // The year: the next number, past "de" and a second (paired) month name.
    std::size_t j = i + width;
    for (int steps = 0; j < t.size() && steps < 3; ++steps) {
      std::size_t pair_width = 1;
      if (IsFiller(t[j])) {
        ++j;
      } else if (MonthAt(t, j, pair_width) == month) {
        j += pair_width;
      } else {
        break;
      }
    }
    // Day before the month: "19 September", "11 de mayo", "29 حزيران/يونيه".
    std::size_t d = i;
    while (d > 0 && i - d < 3 && (d == i || IsFiller(t[d]))) --d;
    if (d < i && t[d].kind == Token::kNumber && j < t.size() &&
        t[j].kind == Token::kNumber && Valid(t[j].value, month, t[d].value)) {
      if (pending.day > 0 &&
          (d == pending.last_token + 1 ||
           (d == pending.last_token + 2 && IsDayConnector(t[d - 1])))) {
        const std::string_view between = text.substr(pending.end, t[d].begin - pending.end);
        const int year = pending.month > month ? t[j].value - 1 : t[j].value;
        if (!HasSeparatingPunctuation(between) &&
            Valid(year, pending.month, pending.day)) {
          dates.push_back({Iso(year, pending.month, pending.day), pending.begin, pending.end});
        }
      }
      pending = {};
      // "29 and 30 June", "4–15 November", "29 و30 حزيران": the first day too.
      std::size_t first = d;
      if (d >= 1 && t[d - 1].kind == Token::kNumber) {
        first = d - 1;
      } else if (d >= 2 && IsDayConnector(t[d - 1]) && t[d - 2].kind == Token::kNumber) {
        first = d - 2;
      }
      // Only spaces, a dash or the joining word stand between the two days:
      // "253 (د-3)، 16 تشرين الأول" is not a pair.
      const std::string_view between = text.substr(t[first].end, t[d].begin - t[first].end);
      const bool joined = !HasSeparatingPunctuation(between);
      if (first < d && joined && Valid(t[j].value, month, t[first].value) &&
          t[first].value < t[d].value &&
          (dates.empty() || dates.back().end <= t[first].begin)) {
        dates.push_back({Iso(t[j].value, month, t[first].value), t[first].begin, t[first].end});
      }
      dates.push_back({Iso(t[j].value, month, t[d].value), t[d].begin, t[j].end});
      i = j;
      continue;
    }
    if (d < i && t[d].kind == Token::kNumber && t[d].value >= 1 && t[d].value <= 31) {
      pending = DayWithoutYear{t[d].value, month, t[d].begin, t[j - 1].end, j - 1};
    }
    // Day after the month: "September 19, 2025".
    if (j + 1 < t.size() && t[j].kind == Token::kNumber &&
        t[j + 1].kind == Token::kNumber && Valid(t[j + 1].value, month, t[j].value)) {
      dates.push_back({Iso(t[j + 1].value, month, t[j].value), t[i].begin, t[j + 1].end});
      i = j + 1;
    }
  }
  return dates;
}

std::optional<DateMatch> FindDate(std::string_view text) {
  std::vector<DateMatch> dates = FindDates(text);
  if (dates.empty()) return std::nullopt;
  return dates.front();
}

}  // namespace sextant
