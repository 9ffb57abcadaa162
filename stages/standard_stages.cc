#include "stages/standard_stages.h"

#include "stages/extract/pdf_extract_stage.h"
#include "stages/language/language_stage.h"
#include "stages/layout/layout_stage.h"
#include "stages/layout/paragraph_stage.h"
#include "stages/normalize/normalize_stage.h"
#include "stages/ocr/tesseract_recognizer.h"
#include "stages/recommend/recommendation_stage.h"
#include "stages/segment/segment_stage.h"
#include "stages/tag/tag_stage.h"

namespace sextant {

std::vector<std::unique_ptr<Stage>> ExtractionStages(ExtractionDepth depth, const ExtractionOptions& options) {
  std::vector<std::unique_ptr<Stage>> stages;
  PdfExtractOptions extract;
  extract.ocr = options.ocr;
  if (options.ocr != OcrMode::kNever) {
    extract.recognizer = options.recognizer ? options.recognizer : std::make_shared<TesseractRecognizer>();
  }
  extract.on_ocr_page = options.on_ocr_page;
  extract.before_ocr_page = options.before_ocr_page;
  extract.after_ocr_page = options.after_ocr_page;
  stages.push_back(std::make_unique<PdfExtractStage>(extract));
  stages.push_back(std::make_unique<NormalizeStage>());
  stages.push_back(std::make_unique<LayoutStage>());
  stages.push_back(std::make_unique<LanguageStage>());
  stages.push_back(std::make_unique<ParagraphStage>());
  if (depth == ExtractionDepth::kParagraphs) return stages;
  stages.push_back(std::make_unique<SegmentStage>());
  stages.push_back(std::make_unique<TagStage>());
  stages.push_back(std::make_unique<RecommendationStage>(options.records));
  return stages;
}

}  // namespace sextant
