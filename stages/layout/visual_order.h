// Visual-to-logical order for right-to-left lines. A PDF places an Arabic
// line's glyphs from left to right; read back in that visual order, the
// letters run backwards, while a Latin or number run inside ("CTOC/COP/
// WG.4/2020/3", "٢٠٢٢", "10:00") keeps its own left-to-right order and the
// punctuation at its edges ("(", ")", ".") sits on the far side.
//
// The text Poppler gives holds logical characters in visual positions, so
// no mirroring is needed: the line is cut into left-to-right runs and single
// characters, and the sequence of pieces is reversed. A full stop, comma or
// colon on a number's right closes the number ("١٠:٠٠." before a footnote
// marker that the paragraph stage took out). (ICU's inverse bidi
// algorithm, tried first, breaks a symbol's "WG.4" at the digit.)
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace sextant {

// `visual`: one line in visual order, left to right, in a right-to-left
// paragraph. Returns it in logical (reading) order. Vowel marks stand
// before their letter in `visual` (as a letter's glyph and its marks'
// glyphs are placed), in their own order, and after it when read:
// "ضِّوقي" -> "يقوِّض".
std::string VisualToLogicalRightToLeft(std::string_view visual);

// Arabic vowel marks and other combining marks (U+064B-U+065F, U+0670).
bool IsArabicMark(char32_t c);

// The inverse for Arabic letters and marks only: "يقوِّض" -> "ضِّوقي".
std::string ArabicLogicalToVisual(std::string_view logical);

}  // namespace sextant
