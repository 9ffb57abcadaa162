// Date parsing in the six UN languages: finds a calendar date written out in
// running text and gives it in ISO 8601 ("2022-06-29").
//   en  "19 September 2025", "September 19, 2025"
//   fr  "21 janvier 1994", "1er juin 2022"
//   es  "11 de mayo de 1994"
//   ru  "14 августа 2019 года"
//   zh  "2022年6月29日", "2022 年 6 月 29 日"
//   ar  "29 حزيران/يونيه 2022", "٢٩ يونيه ٢٠٢٢"
// Month names are matched in every language at once, so a French date in
// an English file is still read. Used by the furniture reader (the
// document's own date) and the date tagger.
//
// Thread-safety: pure functions over immutable tables.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sextant {

struct DateMatch {
  std::string iso;              // "2025-09-19"
  std::size_t begin = 0, end = 0;  // byte span of the date in the text
};

// Every valid date in `text`, in order. A pair of days of one month ("29
// and 30 June 2022", "4–15 November 2019", "6月29日和30日") gives two dates,
// the first spanning its day number only.
std::vector<DateMatch> FindDates(std::string_view text);

// The first valid date in `text`, if any.
std::optional<DateMatch> FindDate(std::string_view text);

// 1..12 for a month name or abbreviation in any of the six languages
// (lower-case for Latin and Cyrillic), 0 when it is not one.
int MonthFromName(std::string_view word);

}  // namespace sextant
