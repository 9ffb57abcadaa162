#include "stages/layout/visual_order.h"

#include <vector>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

bool IsDigit(char32_t c) {
  return IsAsciiDigit(c) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

// Starts or continues a left-to-right run: Latin or Cyrillic letters, digits.
bool IsLeftToRight(char32_t c) {
  return IsLatinLetter(c) || IsCyrillicLetter(c) || IsDigit(c);
}

// May join two left-to-right characters inside one run: "WG.4", "2020/3",
// "10:00", "1,383,000", "non-State", "United Nations" (see Binds).
bool IsRunSeparator(char32_t c) {
  return c == '/' || c == '.' || c == ',' || c == ':' || c == '-' || c == '_' ||
         c == ' ' || c == 0x066B || c == 0x066C;  // Arabic decimal, thousands
}

bool IsArabicIndicDigit(char32_t c) {
  return (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

// Whether the separator at chars[i] binds its two neighbours into one run.
// As in the bidi algorithm, a hyphen joins European digits and letters
// ("10-13", "non-State") but not Arabic-Indic digits: "١٠:٠٠-١٣:٠٠" is two
// runs, read right to left.
bool Binds(const std::vector<char32_t>& chars, std::size_t i) {
  if (i + 1 >= chars.size() || !IsRunSeparator(chars[i]) ||
      !IsLeftToRight(chars[i + 1])) {
    return false;
  }
  if (chars[i] == ' ') return !(IsDigit(chars[i - 1]) && IsDigit(chars[i + 1]));
  if (chars[i] == '-') {
    return !IsArabicIndicDigit(chars[i - 1]) && !IsArabicIndicDigit(chars[i + 1]);
  }
  return true;
}

// A full stop, comma or colon right after a number, on its right with no
// space, and not binding it to more: it closes the number. The bidi
// algorithm sets it there only when a number followed it (W4: "١٠:٠٠.1"
// is one run), a footnote marker that the paragraph stage has taken out
// since; a stop that ends an Arabic sentence sits on the number's left
// (".٢٠٢٢").
bool ClosesNumber(const std::vector<char32_t>& chars, std::size_t i) {
  return i > 0 && i < chars.size() && IsDigit(chars[i - 1]) &&
         (chars[i] == '.' || chars[i] == ',' || chars[i] == ':') &&
         (i + 1 == chars.size() || !IsLeftToRight(chars[i + 1]));
}

// A run of text, and the vowel marks that follow it when read.
struct Piece {
  std::size_t begin, end;
  std::size_t marks_begin = 0, marks_end = 0;
};

}  // namespace

std::string VisualToLogicalRightToLeft(std::string_view visual) {
  std::vector<char32_t> chars;
  std::vector<std::size_t> offsets;
  for (std::size_t pos = 0; pos < visual.size();) {
    offsets.push_back(pos);
    chars.push_back(NextCodePoint(visual, pos));
  }
  offsets.push_back(visual.size());

  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < chars.size();) {
    if (IsArabicMark(chars[i])) {
      // Vowel marks before their letter: the letter, then its marks.
      std::size_t letter = i + 1;
      while (letter < chars.size() && IsArabicMark(chars[letter])) ++letter;
      if (letter < chars.size() && IsArabicLetter(chars[letter])) {
        pieces.push_back({offsets[letter], offsets[letter + 1], offsets[i], offsets[letter]});
        i = letter + 1;
        continue;
      }
    }
    if (!IsLeftToRight(chars[i])) {
      pieces.push_back({offsets[i], offsets[i + 1]});
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < chars.size()) {
      if (IsLeftToRight(chars[end])) {
        ++end;
      } else if (Binds(chars, end)) {
        end += 2;
      } else {
        break;
      }
    }
    if (ClosesNumber(chars, end)) ++end;
    pieces.push_back({offsets[i], offsets[end]});
    i = end;
  }
  std::string logical;
  logical.reserve(visual.size());
  for (auto piece = pieces.rbegin(); piece != pieces.rend(); ++piece) {
    logical.append(visual.substr(piece->begin, piece->end - piece->begin));
    logical.append(visual.substr(piece->marks_begin, piece->marks_end - piece->marks_begin));
  }
  return logical;
}

bool IsArabicMark(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670; }

std::string ArabicLogicalToVisual(std::string_view logical) {
  // Letters with the marks that follow them, from the end.
  std::vector<std::string_view> letters;
  for (std::size_t pos = 0; pos < logical.size();) {
    const std::size_t start = pos;
    NextCodePoint(logical, pos);
    for (std::size_t next = pos; next < logical.size() && IsArabicMark(NextCodePoint(logical, next));) pos = next;
    letters.push_back(logical.substr(start, pos - start));
  }
  std::string visual;
  visual.reserve(logical.size());
  for (auto it = letters.rbegin(); it != letters.rend(); ++it) {
    std::size_t letter_end = 0;
    NextCodePoint(*it, letter_end);
    visual.append(it->substr(letter_end));  // its marks first
    visual.append(it->substr(0, letter_end));
  }
  return visual;
}

}  // namespace sextant
