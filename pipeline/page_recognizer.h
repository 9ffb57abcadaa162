// The seam between the extract stage, which renders a PDF page to an image
// (Poppler), and an OCR engine, which reads words from it (Tesseract, in
// stages/ocr/): neither library appears here.
//
// A recognizer returns the page's words as the extract stage gives a text
// layer's: in PDF points from the page's top left, with a font size, and
// `space_after` where the text has a space; right-to-left words one
// character a word in visual order, as Poppler gives an Arabic text layer,
// so that the same layout stages read both.
//
// Thread-safety: Recognize() may be called from several threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/language.h"
#include "pipeline/status.h"

namespace sextant {

// Which pages are read by OCR: those that need it (no text layer, or an
// unreadable one), none, or all (an OCR layer of poor quality replaced).
enum class OcrMode { kAuto, kNever, kAlways };

// A page rendered in grey, 8 bits a pixel, rows top to bottom.
struct PageImage {
  int width = 0, height = 0;  // pixels
  int bytes_per_row = 0;
  double dpi = 300;
  std::vector<std::uint8_t> pixels;
};

struct RecognizedPage {
  std::vector<Word> words;
  Language language = Language::kEnglish;  // the model the words were read with
  double confidence = 0;                   // mean word confidence, 0..100
};

class PageRecognizer {
 public:
  virtual ~PageRecognizer() = default;
  // `language`: the document's language when known; without it the
  // recognizer finds the script, then the language, itself.
  virtual Status Recognize(const PageImage& image, std::optional<Language> language,
                           RecognizedPage& page) const = 0;
};

}  // namespace sextant
