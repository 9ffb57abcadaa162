// PdfExtractStage: reads a PDF with Poppler (the only Poppler user in
// Sextant) into Page::words: every word with its box, font size, boldness
// and whether the PDF leaves a gap after it.
//
// Bad input becomes a Status naming the file and what to do: missing file,
// not a PDF, damaged, encrypted, image-only (no text layer). A single page
// that yields nothing is a diagnostic, not a failure.
//
// REQUIRES nothing (Document::path); PRODUCES kArtifactWords.
// Thread-safety: Run() is const; Poppler documents are per call.
#pragma once

#include "pipeline/stage.h"

namespace sextant {

struct PdfExtractOptions {
  // Pages beyond this are not read (0: all). Keeps hostile files bounded.
  int max_pages = 0;
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
