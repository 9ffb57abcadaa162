// Line building: groups a page's words into visual lines by vertical
// overlap, orders each line's words (left to right, or right to left when
// the line is mostly Arabic), and splits lines at a column gutter when the
// page is set in two columns.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

#include "pipeline/document.h"

namespace sextant {

// Builds one TextLine from words in any order (they are put in visual, then
// reading order): its box, its dominant font size and weight, and its text
// with the spaces the PDF shows; right-to-left lines in logical order.
TextLine MakeLine(std::vector<Word> words);

// The font size most of the text is set in (by characters).
double DominantFontSize(const std::vector<TextLine>& lines);

// DominantFontSize over lines added a few at a time (page by page), with no
// need to gather them in one vector first.
class FontSizeTally {
 public:
  void Add(const TextLine& line) { chars_by_size_[line.font_size] += line.text.size(); }
  void Add(const std::vector<TextLine>& lines) {
    for (const TextLine& line : lines) Add(line);
  }
  double Dominant() const;

 private:
  std::map<double, std::size_t> chars_by_size_;
};

// Groups words into lines, top to bottom. Superscript markers join the line
// they are raised above.
std::vector<TextLine> BuildLines(std::vector<Word> words);

// The x position of a vertical gutter between two columns of body text, if
// the page has one: most lines lie on one side of it or are split by a gap
// that contains it (at least `least_gap_ems` wide), and both sides carry
// real text. An OCR'd page asks for a gap (its words' boxes touch where a
// text layer's would be spaced: a Chinese line's runs make false gutters);
// a text layer's tables rely on none.
inline constexpr double kOcrLeastGutterEms = 0.8;
std::optional<double> FindColumnGutter(const std::vector<TextLine>& lines,
                                       double page_width, double least_gap_ems = 0);

// Splits each line at the gutter into a left and a right part, each tagged
// with its column (0 or 1); lines that cross the gutter keep column -1.
struct ColumnLine {
  TextLine line;
  int column = 0;  // -1: spans both columns
};
std::vector<ColumnLine> SplitAtGutter(const std::vector<TextLine>& lines,
                                      double gutter);

// Reading order for a two-column page: lines that span the page cut it into
// bands; inside a band, the left column top to bottom, then the right.
std::vector<TextLine> ReadingOrder(std::vector<ColumnLine> lines);

}  // namespace sextant
