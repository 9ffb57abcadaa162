// UncoveredInkBands (stages/ocr/missed_lines.h): on a page image drawn
// here, a line of ink that no line read covers is found, with a margin;
// a line read is not; specks, a rule's few rows and a picture's tall
// block are not lines.
#include "stages/ocr/missed_lines.h"

#include <gtest/gtest.h>

#include <vector>

namespace sextant {
namespace {

constexpr int kWidth = 1000, kHeight = 600, kLine = 30;

PageImage WhitePage() {
  PageImage image;
  image.width = kWidth;
  image.height = kHeight;
  image.bytes_per_row = kWidth;
  image.pixels.assign(static_cast<std::size_t>(kWidth) * kHeight, 255);
  return image;
}

// Dark "letters": every other column of the rectangle, as text's strokes.
void Ink(PageImage& image, int left, int top, int right, int bottom) {
  for (int y = top; y < bottom; ++y) {
    for (int x = left; x < right; x += 2) image.pixels[static_cast<std::size_t>(y) * kWidth + x] = 0;
  }
}

TEST(MissedLinesTest, FindsTheLineNoReadLineCovers) {
  PageImage image = WhitePage();
  Ink(image, 100, 50, 900, 50 + kLine);    // read
  Ink(image, 100, 100, 900, 100 + kLine);  // read
  Ink(image, 500, 150, 900, 150 + kLine);  // missed: a short last line
  const std::vector<PixelBox> read = {{95, 45, 905, 85}, {95, 95, 905, 135}};
  const std::vector<PixelBox> bands = UncoveredInkBands(image, read, kLine);
  ASSERT_EQ(bands.size(), 1u);
  EXPECT_LE(bands[0].left, 500);
  EXPECT_GE(bands[0].right, 899);
  EXPECT_LE(bands[0].top, 150);
  EXPECT_GE(bands[0].bottom, 150 + kLine);
  EXPECT_LT(bands[0].left, 500) << "a margin around the ink";
  EXPECT_GT(bands[0].right, 900);
}

TEST(MissedLinesTest, SpecksRulesAndPicturesAreNotLines) {
  PageImage image = WhitePage();
  // Specks: a dark pixel here and there, fewer than 1 % of a row.
  for (int y = 200; y < 260; ++y) image.pixels[static_cast<std::size_t>(y) * kWidth + (y * 37) % kWidth] = 0;
  Ink(image, 100, 300, 900, 302);  // a rule, two rows high
  Ink(image, 300, 350, 700, 550);  // a picture, far taller than a line
  EXPECT_TRUE(UncoveredInkBands(image, {}, kLine).empty());
}

TEST(MissedLinesTest, NothingMissedWhenEveryLineIsRead) {
  PageImage image = WhitePage();
  Ink(image, 100, 50, 900, 50 + kLine);
  EXPECT_TRUE(UncoveredInkBands(image, {{95, 40, 905, 90}}, kLine).empty());
  EXPECT_TRUE(UncoveredInkBands(image, {}, 0).empty()) << "no line height known";
}

}  // namespace
}  // namespace sextant
