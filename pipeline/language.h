// The language table: the six official UN languages and what Sextant knows
// of each (ISO code, the letter used in job numbers, script, how lines join,
// a few very common words for identification). Adding a language is one row
// in language.cc.
//
// Thread-safety: immutable static data.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace sextant {

enum class Language { kArabic, kChinese, kEnglish, kFrench, kRussian, kSpanish };

enum class Script { kArabic, kHan, kLatin, kCyrillic };

// How two visual lines of one paragraph are joined.
enum class LineJoin {
  kSpace,    // Latin, Cyrillic, Arabic: a space; end-of-line hyphens repaired
  kNoSpace,  // Chinese: lines join directly
};

struct LanguageInfo {
  Language language;
  std::string_view code;         // ISO 639-1: "ar", "zh", ...
  char job_letter;               // letter in job numbers: "V.22-01234 (C)"
  std::string_view english_name;
  Script script;
  LineJoin line_join;
  bool right_to_left;
  // Frequent function words, lower-case, used to tell languages of the same
  // script apart (Russian's only to tell text from garbled text). Empty for
  // Arabic and Chinese.
  std::span<const std::string_view> common_words;
};

// All six rows, in the UN's alphabetical order (ar, zh, en, fr, ru, es).
std::span<const LanguageInfo> AllLanguages();

const LanguageInfo& Info(Language language);
std::string_view Code(Language language);

std::optional<Language> LanguageFromCode(std::string_view code);
std::optional<Language> LanguageFromJobLetter(char letter);
// "English", "anglais", "inglés", "английский", "英文", "الإنكليزية" ...: the
// name of a language as written in an "Original:" line in any of the six.
std::optional<Language> LanguageFromName(std::string_view name);

}  // namespace sextant
