// Small, dependency-free helpers over UTF-8 text: decoding code points,
// telling scripts apart by code point range, folding white space. For
// anything language-aware (normalisation, break iteration) the stages use
// ICU; these are the cheap checks that layout and identification run on
// every word.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sextant {

// Decodes the code point at text[pos] and advances pos past it. Invalid
// bytes decode as U+FFFD and advance by one, so the loop always ends.
char32_t NextCodePoint(std::string_view text, std::size_t& pos);
// The code point that ends at text[pos) (pos > 0); moves pos back to its start.
char32_t PreviousCodePoint(std::string_view text, std::size_t& pos);
void AppendUtf8(std::string& out, char32_t code_point);

bool IsHan(char32_t c);             // CJK ideographs
bool IsCjkPunctuation(char32_t c);  // 。，、；：？！「」（）《》 and full-width forms
bool IsArabicLetter(char32_t c);
bool IsCyrillicLetter(char32_t c);
bool IsLatinLetter(char32_t c);
bool IsAsciiDigit(char32_t c);
bool IsLowercaseLetter(char32_t c);  // Latin and Cyrillic lower case
bool IsUppercaseLetter(char32_t c);  // Latin and Cyrillic upper case

struct ScriptCounts {
  std::size_t han = 0, arabic = 0, cyrillic = 0, latin = 0, digits = 0;
  std::size_t letters() const { return han + arabic + cyrillic + latin; }
};
ScriptCounts CountScripts(std::string_view text);

// Collapses runs of white space (including U+00A0 and U+3000) to one ASCII
// space and trims both ends.
std::string FoldWhitespace(std::string_view text);

// Lower-cases ASCII and Cyrillic/Latin-1 letters; other text is copied.
std::string LowerCase(std::string_view text);

// Lower-cases ASCII, Latin-1 and basic Cyrillic capitals byte for byte, so
// that every offset into the result is an offset into `text` (the rest,
// invalid bytes included, is copied untouched). For matching keywords.
std::string LowerCaseSameOffsets(std::string_view text);

// Text safe to print on one line and to put in JSON, that still shows every
// byte: valid UTF-8 is copied, a byte that is not UTF-8 becomes \xFF, a
// control character \n, \t, \r or \x1B. For file names (an old Latin-1
// name, a name with a newline) in messages and outputs.
std::string PrintableText(std::string_view text);

}  // namespace sextant
