#include "stages/ocr/missed_lines.h"

#include <algorithm>

namespace sextant {
namespace {

constexpr std::uint8_t kDark = 128;       // grey level below which a pixel is ink
constexpr double kInkShareOfRow = 0.01;   // of a row's pixels, for the row to hold ink
constexpr int kGapRows = 2;               // rows of no ink a band may span
constexpr double kLeastHeight = 0.4;      // of the typical line's height
constexpr double kMostHeight = 2.0;
constexpr double kMargin = 0.35;          // of the line's height, around the ink

bool Dark(const PageImage& image, int x, int y) {
  return image.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.bytes_per_row) +
                      static_cast<std::size_t>(x)] < kDark;
}

}  // namespace

std::vector<PixelBox> UncoveredInkBands(const PageImage& image, const std::vector<PixelBox>& read_lines,
                                        int line_height) {
  std::vector<PixelBox> bands;
  if (image.width <= 0 || image.height <= 0 || line_height <= 0) return bands;
  std::vector<bool> covered(static_cast<std::size_t>(image.height), false);
  for (const PixelBox& line : read_lines) {
    for (int y = std::max(0, line.top); y < std::min(image.height, line.bottom); ++y) covered[y] = true;
  }
  const int least_dark = std::max(1, static_cast<int>(kInkShareOfRow * image.width));
  std::vector<bool> ink(static_cast<std::size_t>(image.height), false);
  for (int y = 0; y < image.height; ++y) {
    if (covered[y]) continue;
    int dark = 0;
    for (int x = 0; x < image.width && dark < least_dark; ++x) dark += Dark(image, x, y) ? 1 : 0;
    ink[y] = dark >= least_dark;
  }

  const auto add_band = [&](int top, int bottom) {
    const int height = bottom - top;
    if (height < kLeastHeight * line_height || height > kMostHeight * line_height) return;
    // The ink's left and right ends: columns with two dark pixels or more.
    int left = image.width, right = 0;
    for (int x = 0; x < image.width; ++x) {
      int dark = 0;
      for (int y = top; y < bottom && dark < 2; ++y) dark += Dark(image, x, y) ? 1 : 0;
      if (dark >= 2) {
        left = std::min(left, x);
        right = x + 1;
      }
    }
    if (right <= left) return;
    const int margin = static_cast<int>(kMargin * line_height);
    bands.push_back({std::max(0, left - margin), std::max(0, top - margin),
                     std::min(image.width, right + margin), std::min(image.height, bottom + margin)});
  };
  int top = -1, last_ink = -1;
  for (int y = 0; y <= image.height; ++y) {
    const bool row_ink = y < image.height && ink[y];
    if (row_ink) {
      if (top < 0) top = y;
      last_ink = y;
    } else if (top >= 0 && (y - last_ink > kGapRows || y == image.height || covered[y])) {
      add_band(top, last_ink + 1);
      top = -1;
    }
  }
  return bands;
}

}  // namespace sextant
