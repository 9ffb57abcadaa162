// OcrLines: the words an OCR engine read, turned into the words the layout
// stages take from a text layer (pipeline/page_recognizer.h). Pure
// geometry, no engine: tested on its own.
//
//   - Font sizes: an OCR engine gives a line's height, not a font size, and
//     the height varies with the letters a line holds; sizes within 15 % of
//     the page's middle one (by words) are set to it, so that a paragraph's lines
//     agree (the paragraph stage starts a paragraph where sizes differ).
//   - Raised small words (footnote markers: "opened in Vienna.1") get 0.6
//     of their line's size, as a text layer gives them.
//   - Right-to-left words become one word a character, in visual order,
//     inset from the word's box so that the gap between words shows (the
//     line builder tells Arabic words apart by gaps alone).
//   - Chinese words carry no space after them.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "pipeline/document.h"

namespace sextant {

struct OcrWord {
  std::string text;  // logical order
  Box box;           // points
  bool bold = false;
};

struct OcrLine {
  double height = 0;  // points: capitals' top to descenders' bottom
  std::vector<OcrWord> words;
};

// A line's height from the top of its capitals to the bottom of its
// descenders, as a share of the font size (measured on the fixtures).
inline constexpr double kOcrLineHeightPerFontSize = 0.93;

std::vector<Word> LayoutWords(const std::vector<OcrLine>& lines, bool right_to_left);

}  // namespace sextant
