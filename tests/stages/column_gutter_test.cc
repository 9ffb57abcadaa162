// FindColumnGutter (stages/layout/line_builder.h): two columns of text
// are found whatever gap is asked; the touching runs of an OCR'd Chinese
// line, aligned from line to line, make a false gutter unless a gap is
// asked for (kOcrLeastGutterEms), as an OCR'd page does.
#include "stages/layout/line_builder.h"

#include <gtest/gtest.h>

#include <vector>

namespace sextant {
namespace {

Word At(double x0, double x1, double top) {
  Word word;
  word.text = "文字";
  word.box = {x0, top, x1, top + 10};
  word.font_size = 10;
  return word;
}

std::vector<TextLine> Lines(double left_end, double right_start) {
  std::vector<TextLine> lines;
  for (int i = 0; i < 12; ++i) {
    const double top = 100 + 14 * i;
    lines.push_back(MakeLine({At(50, left_end, top), At(right_start, 545, top)}));
  }
  return lines;
}

TEST(ColumnGutterTest, TwoColumnsAreFoundWhateverGapIsAsked) {
  const std::vector<TextLine> columns = Lines(280, 315);  // a 35-point gutter
  EXPECT_TRUE(FindColumnGutter(columns, 595).has_value());
  EXPECT_TRUE(FindColumnGutter(columns, 595, kOcrLeastGutterEms).has_value());
}

TEST(ColumnGutterTest, TouchingRunsAreNoGutterOnAnOcrPage) {
  const std::vector<TextLine> runs = Lines(280, 280.5);  // OCR's runs, half a point apart
  EXPECT_TRUE(FindColumnGutter(runs, 595).has_value()) << "a text layer's rule alone sees a gutter";
  EXPECT_FALSE(FindColumnGutter(runs, 595, kOcrLeastGutterEms).has_value());
}

}  // namespace
}  // namespace sextant
