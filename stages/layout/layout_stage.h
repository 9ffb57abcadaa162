// LayoutStage: turns a page's words into lines and lays the page out into
// blocks: running header and footer (page furniture, read into
// Document::furniture), body lines in reading order (two-column pages are
// read column by column), and footnotes (below the separator line "____",
// or in a smaller font at the foot of the page).
//
// REQUIRES kArtifactCleanText; PRODUCES kArtifactLines | kArtifactFurniture;
// CONSUMES kArtifactWords (the words move from Page::words into the lines).
// Thread-safety: Run() is const and keeps no state.
#pragma once

#include "pipeline/stage.h"

namespace sextant {

class LayoutStage : public Stage {
 public:
  std::string_view name() const override { return "layout"; }
  ArtifactSet requires_artifacts() const override { return kArtifactCleanText; }
  ArtifactSet produces_artifacts() const override {
    return kArtifactLines | kArtifactFurniture;
  }
  // Page::words move into the lines, each word held once.
  ArtifactSet consumes_artifacts() const override { return kArtifactWords; }
  Status Run(Document& document) const override;
};

}  // namespace sextant
