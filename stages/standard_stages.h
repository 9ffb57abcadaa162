// The standard stage lists, in order, so that the command line, the tests
// and the benchmarks all run the same pipeline.
//
// Thread-safety: returns new stage objects; stages are const after that.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/page_recognizer.h"
#include "pipeline/stage.h"

namespace sextant {

// How far the extraction pipeline goes.
enum class ExtractionDepth {
  kParagraphs,  // extract, normalize, layout, language, paragraphs
  kTagged,      // … then segment, tag, and read meeting facts and recommendations
};

struct ExtractionOptions {
  OcrMode ocr = OcrMode::kAuto;  // pages read by Tesseract (stages/ocr)
  // Called after each page read by OCR, on the worker's thread.
  std::function<void(const std::string& path, int page, int pages)> on_ocr_page;
  // Recommendations read as records (kTagged); false: meeting facts only.
  bool records = true;
  // Reads the pages that need OCR; null: a TesseractRecognizer of the
  // stages' own, which keeps every model it loads (a caller that bounds
  // them makes its own: stages/ocr/tesseract_engines.h, OcrLimits).
  std::shared_ptr<const PageRecognizer> recognizer;
  // Called before each page is rendered for OCR, and after it is read
  // (however that ends, a throw included), on the worker's thread.
  std::function<void()> before_ocr_page, after_ocr_page;
};

// PDF → clean paragraphs, and by default segmented and tagged.
std::vector<std::unique_ptr<Stage>> ExtractionStages(
    ExtractionDepth depth = ExtractionDepth::kTagged, const ExtractionOptions& options = {});

}  // namespace sextant
