// OcrLines: the words an OCR engine read, turned into the words the layout
// stages take from a text layer (pipeline/page_recognizer.h). Pure
// geometry, no engine: tested on its own.
//
//   - Font sizes: an OCR engine gives a line's height, not a font size, and
//     the height varies with the letters a line holds; sizes within 15 % of
//     the page's middle one (by words) are set to it (35 % for Arabic,
//     whose lines' heights vary with their dots and marks), so that a paragraph's lines
//     agree (the paragraph stage starts a paragraph where sizes differ).
//   - Raised small words (footnote markers: "opened in Vienna.1") get 0.6
//     of their line's size, as a text layer gives them.
//   - Arabic: "»" at a word's end, which Tesseract's Arabic model reads for
//     the Arabic comma, becomes "،".
//   - Right-to-left words become one word a character, in visual order,
//     inset from the word's box so that the gap between words shows (the
//     line builder tells Arabic words apart by gaps alone).
//   - Chinese words carry no space after them, and their punctuation is
//     set full-width where Chinese text is on its side ("文件(CTOC/...)，"
//     -> "文件（CTOC/...），"; not "(a)" or "10:00").
//   - Rules (wide, flat "words" of no letter or digit) are no text and are
//     left out, but for the footnote separator: the highest rule alone on
//     its line between 40 % and 90 % of the page's height becomes
//     "__________", as a born-digital PDF may print it and the layout
//     stage knows it.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/language.h"

namespace sextant {

struct OcrWord {
  std::string text;  // logical order
  Box box;           // points
  bool bold = false;
  float confidence = 0;  // 0..100
};

struct OcrLine {
  double height = 0;  // points: capitals' top to descenders' bottom
  std::vector<OcrWord> words;
};

// A line's height from the top of its capitals to the bottom of its
// descenders, as a share of the font size (measured on the fixtures).
inline constexpr double kOcrLineHeightPerFontSize = 0.93;

// `page_height` in points.
std::vector<Word> LayoutWords(const std::vector<OcrLine>& lines, Language language, double page_height);

// A drawn rule: at least 30 points wide, at most 3 high, 8 times as wide
// as high.
bool IsRuleShaped(const Box& box);

inline constexpr std::string_view kRuleText = "__________";

// Whether a word holds a letter or digit (any non-ASCII character counts):
// a word without one is a speck or a rule.
bool HasLetterOrDigit(std::string_view text);

}  // namespace sextant
