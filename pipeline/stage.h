// Stage: one step of the pipeline, with one job. A stage states what parts of
// the Document it REQUIRES, PRODUCES and CONSUMES; the Runner checks at
// construction that every requirement is produced by an earlier stage and
// not consumed since.
// Stages hold no global state; their options are fixed at construction.
//
// Thread-safety: Run() is const and may be called from several threads at
// once on different Documents.
#pragma once

#include <cstdint>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace sextant {

// The parts of a Document a stage can require or produce, as bit flags.
enum Artifact : std::uint32_t {
  kArtifactNone = 0,
  kArtifactWords = 1u << 0,       // Page::words, page sizes
  kArtifactCleanText = 1u << 1,   // words in canonical UTF-8
  kArtifactLines = 1u << 2,       // Page::lines, Page::blocks
  kArtifactFurniture = 1u << 3,   // Document::furniture
  kArtifactParagraphs = 1u << 4,  // Document::paragraphs
  kArtifactLanguage = 1u << 5,    // Document::language
  kArtifactSegments = 1u << 6,    // Paragraph::segments
  kArtifactTags = 1u << 7,        // Paragraph::tags
  kArtifactRecommendations = 1u << 8,  // Document::meeting, Document::recommendations
};
using ArtifactSet = std::uint32_t;

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual ArtifactSet requires_artifacts() const = 0;
  virtual ArtifactSet produces_artifacts() const = 0;
  // What the stage uses up, to keep a document's memory bounded: a stage
  // after it cannot require these (e.g. the paragraph stage takes the lines,
  // with every word and its box, once the paragraphs are built).
  virtual ArtifactSet consumes_artifacts() const { return kArtifactNone; }
  // Works on `document` in place. A non-ok Status means the document cannot
  // go on (bad input); soft problems go to document.diagnostics instead.
  virtual Status Run(Document& document) const = 0;
};

}  // namespace sextant
