// Lines of text that an OCR engine's page layout left out. Tesseract's
// layout analysis now and then drops a whole line, most often a short last
// line of an Arabic paragraph ("للتحديات العملية … بفعالية." on the Arabic
// fixture's second page: read alone as a line, it reads right). Such a
// line is ink that no line read covers: found here from the page image's
// rows, to be read again as a single line.
//
// A row holds ink when at least 1 % of its pixels are dark (scattered
// specks of a noisy scan do not reach that); rows that hold ink and lie
// outside every line read make bands, and a band as high as a line of
// the page's text (0.4 to 2 times the typical line's height: not a
// speck's row, not a picture) is returned with a margin around its ink.
//
// Thread-safety: pure function.
#pragma once

#include <vector>

#include "pipeline/page_recognizer.h"

namespace sextant {

// A rectangle of the page image, in pixels (right and bottom exclusive).
struct PixelBox {
  int left = 0, top = 0, right = 0, bottom = 0;
  int width() const { return right - left; }
  int height() const { return bottom - top; }
};

// The bands of ink outside `read_lines` (the boxes of the lines the engine
// read), top to bottom. `line_height`: the typical line's height in pixels.
std::vector<PixelBox> UncoveredInkBands(const PageImage& image, const std::vector<PixelBox>& read_lines,
                                        int line_height);

}  // namespace sextant
