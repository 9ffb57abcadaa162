// PdfExtractStage: reads a PDF with Poppler (the only Poppler user in
// Sextant) into Page::words: every word with its box, font size, boldness
// and whether the PDF leaves a gap after it.
//
// Bad input becomes a Status naming the file and what to do: missing file,
// not a PDF, damaged, encrypted, image-only (no text layer). A damaged PDF
// (Poppler cannot parse it, finds no page, or reports problems on every
// page and no text) is never called a scan: a scan's pages are there and
// yield no text quietly. Damaged pages in a file that has text elsewhere
// are one diagnostic, kDamagedPagesCode ("2 of 12 pages could not be read
// (damaged PDF: pages 4, 7; Poppler: ...)"), which the commands also print
// on stderr; so are pages whose text is control or private-use characters
// (kUnreadablePagesCode).
//
// Each page's text layer is judged (text_layer_check.h: ok, none,
// unreadable, poor OCR) and recorded on the Page. Pages that need it
// (OcrMode::kAuto: no text layer, or an unreadable one; kAlways: every
// page) are rendered in grey at `ocr_dpi` and read by the recognizer, in
// the language the file name gives, or the one the recognizer found on
// the document's first page read: their words enter the same layout
// stages as a text layer's, and the Page is marked `ocr`. Without OCR a
// file with no text is kNoTextLayer, one whose text is all unreadable
// kUnreadableText: never indexed as text.
//
// REQUIRES nothing (Document::path); PRODUCES kArtifactWords.
// Thread-safety: Run() is const; Poppler documents are per call.
#pragma once

#include <functional>
#include <memory>

#include "pipeline/page_recognizer.h"
#include "pipeline/stage.h"

namespace sextant {

// The diagnostics of a PDF some of whose pages could not be read: damaged
// (Poppler reported problems on them), or whose text is no text (control
// or private-use characters, from a font without a character map).
inline constexpr std::string_view kDamagedPagesCode = "damaged_pages";
inline constexpr std::string_view kUnreadablePagesCode = "unreadable_pages";
// Pages read by OCR (a note), and pages whose OCR layer is poor (a warning).
inline constexpr std::string_view kOcrPagesCode = "ocr_pages";
inline constexpr std::string_view kPoorOcrPagesCode = "poor_ocr_pages";

struct PdfExtractOptions {
  // Pages beyond this are not read (0: all). Keeps hostile files bounded.
  int max_pages = 0;
  OcrMode ocr = OcrMode::kAuto;
  // Reads rendered pages; without one no page is read by OCR.
  std::shared_ptr<const PageRecognizer> recognizer;
  double ocr_dpi = 300;
  // Called after each page read by OCR (page number, page count), on the
  // thread that runs the stage: a scan takes seconds a page.
  std::function<void(const std::string& path, int page, int pages)> on_ocr_page;
  // Called before each page is rendered for OCR, and after Tesseract
  // read it (whether it could or not, or rendering or reading threw), on
  // the same thread: an ingest makes room in its memory budget while pages
  // are read by OCR.
  std::function<void()> before_ocr_page, after_ocr_page;
};

class PdfExtractStage : public Stage {
 public:
  explicit PdfExtractStage(PdfExtractOptions options = {}) : options_(options) {}

  std::string_view name() const override { return "extract"; }
  ArtifactSet requires_artifacts() const override { return kArtifactNone; }
  ArtifactSet produces_artifacts() const override { return kArtifactWords; }
  Status Run(Document& document) const override;

 private:
  PdfExtractOptions options_;
};

}  // namespace sextant
