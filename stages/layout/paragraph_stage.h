// ParagraphStage: rebuilds paragraphs from the body and footnote lines that
// layout left, using geometry (vertical gaps, first-line indents, lines that
// end short of the margin, numbering such as "1.", "(a)", "IV."), removes
// footnote markers glued to body text, joins lines the way the document's
// script wants (see line_joiner.h), and tells headings from body text.
//
// REQUIRES kArtifactLines | kArtifactLanguage; PRODUCES kArtifactParagraphs;
// CONSUMES kArtifactLines (Page::blocks are left empty).
// Thread-safety: Run() is const and keeps no state.
#pragma once

#include <string_view>

#include "pipeline/stage.h"

namespace sextant {

// Whether a line opens with a paragraph number or list marker: "1.", "12.",
// "(a)", "(iv)", "A.", "IV.", "•", "-", "一、", "（a）".
bool StartsWithListMarker(std::string_view line);

class ParagraphStage : public Stage {
 public:
  std::string_view name() const override { return "paragraphs"; }
  ArtifactSet requires_artifacts() const override {
    return kArtifactLines | kArtifactLanguage;
  }
  ArtifactSet produces_artifacts() const override { return kArtifactParagraphs; }
  // The pages' blocks are emptied: a document's lines, with every word and
  // its box, are not held past its paragraphs.
  ArtifactSet consumes_artifacts() const override { return kArtifactLines; }
  Status Run(Document& document) const override;
};

}  // namespace sextant
