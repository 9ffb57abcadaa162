// Ordinal numbers written out in the six UN languages, as meeting records
// name a session or a meeting of a series:
//   en  "fifth", "twenty-first", "18th"          fr  "cinquième", "vingt et unième", "5e"
//   es  "quinto", "vigésimo primer", "decimoquinto"  ru  "пятой", "двадцать первую", "6-м"
//   zh  "第五", "第二十一", "第5"                  ar  "الخامسة", "الحادية والعشرين", "الثاني عشر"
// Used by the meeting-facts reader (meeting_facts.h); numbers up to 199.
//
// Thread-safety: pure functions over immutable tables.
#pragma once

#include <cstddef>
#include <string_view>

namespace sextant {

// An ordinal found next to a word: its value and byte span in the text.
struct OrdinalMatch {
  int value = 0;  // 0 when none was found
  std::size_t begin = 0, end = 0;
};

// The ordinal (Latin or Cyrillic script) whose last word ends at `end`,
// spaces allowed before `end`: in "held its twenty-first session", with
// `end` at "session", gives 21. Words such as "regular" or "special" between
// the ordinal and `end` are passed over.
OrdinalMatch OrdinalEndingAt(std::string_view text, std::size_t end);

// The Arabic ordinal that starts at `begin` (spaces allowed before it):
// "الخامسة", "الحادية والعشرين", "الثانية عشرة".
OrdinalMatch ArabicOrdinalAt(std::string_view text, std::size_t begin);

// The Chinese ordinal "第五", "第二十一", "第 5" that ends at `end` (spaces
// allowed before `end`), as in "第五届会议" with `end` at "届".
OrdinalMatch ChineseOrdinalEndingAt(std::string_view text, std::size_t end);

}  // namespace sextant
