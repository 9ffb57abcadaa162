// NormalizeStage: brings every extracted word into Sextant's canonical UTF-8
// (NormalizeExtractedText, stages/icu/text_normalizer.h: presentation forms
// and ligatures unfolded, bidi controls and soft hyphens removed, NFC) and
// drops the words left empty.
//
// REQUIRES kArtifactWords; PRODUCES kArtifactCleanText.
// Thread-safety: Run() is const; ICU normalisers are thread-safe.
#pragma once

#include <string_view>

#include "pipeline/stage.h"

namespace sextant {

class NormalizeStage : public Stage {
 public:
  std::string_view name() const override { return "normalize"; }
  ArtifactSet requires_artifacts() const override { return kArtifactWords; }
  ArtifactSet produces_artifacts() const override { return kArtifactCleanText; }
  Status Run(Document& document) const override;
};

}  // namespace sextant
