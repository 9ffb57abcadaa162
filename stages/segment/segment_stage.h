// SegmentStage: splits every paragraph of a document into sentences with the
// SentenceSegmenter of the document's language (see sentence_segmenter.h),
// filling Paragraph::segments. A document without a language is segmented
// as English and gets a "segment_language_missing" warning.
//
// REQUIRES kArtifactParagraphs | kArtifactLanguage; PRODUCES kArtifactSegments.
// Thread-safety: the stage holds one immutable segmenter per language, built
// at construction; Run() is const and may run on many documents at once.
#pragma once

#include <array>
#include <mutex>
#include <optional>

#include <string_view>
#include <vector>

#include "pipeline/stage.h"
#include "stages/segment/sentence_segmenter.h"

namespace sextant {

class SegmentStage : public Stage {
 public:
  explicit SegmentStage(SegmenterOptions options = {});

  std::string_view name() const override { return "segment"; }
  ArtifactSet requires_artifacts() const override {
    return kArtifactParagraphs | kArtifactLanguage;
  }
  ArtifactSet produces_artifacts() const override { return kArtifactSegments; }
  Status Run(Document& document) const override;

 private:
  const SentenceSegmenter& SegmenterFor(Language language) const;

  // One segmenter per language, built on first use (building all six ICU
  // iterators up front costs more than segmenting a short document).
  // call_once makes the lazy build safe from several threads.
  SegmenterOptions options_;
  mutable std::array<std::once_flag, 6> built_;
  mutable std::array<std::optional<SentenceSegmenter>, 6> segmenters_;
};

}  // namespace sextant
