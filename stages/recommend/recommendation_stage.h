// RecommendationStage: reads the meeting facts of a document
// (meeting_facts.h) and its recommendations as records
// (recommendation_reader.h); made with `records` false, the meeting facts
// only (an ingest without records: what records cost, measured).
//
// REQUIRES kArtifactParagraphs | kArtifactLanguage | kArtifactTags;
// PRODUCES kArtifactRecommendations (Document::meeting,
// Document::recommendations).
// Thread-safety: Run() is const and keeps no state.
#pragma once

#include "pipeline/stage.h"

namespace sextant {

class RecommendationStage : public Stage {
 public:
  explicit RecommendationStage(bool records = true) : records_(records) {}
  std::string_view name() const override { return "recommend"; }
  ArtifactSet requires_artifacts() const override {
    return kArtifactParagraphs | kArtifactLanguage | kArtifactTags;
  }
  ArtifactSet produces_artifacts() const override { return kArtifactRecommendations; }
  Status Run(Document& document) const override;

 private:
  bool records_;
};

}  // namespace sextant
