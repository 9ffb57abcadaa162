// NormalizeStage: brings every extracted word into Sextant's canonical UTF-8.
//   - Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) and Latin
//     ligatures (U+FB00–U+FB06: ﬁ, ﬂ) are decomposed to ordinary letters
//     (NFKC, applied to those ranges only);
//   - bidi controls (LRM, RLM, embeddings, isolates) and soft hyphens are
//     removed;
//   - everything is NFC.
// Full-width forms (／, ，) are left alone: Chinese text means them; the
// taggers read through them. Uses ICU normalisation (not break iterators).
//
// REQUIRES kArtifactWords; PRODUCES kArtifactCleanText.
// Thread-safety: Run() is const; ICU normalisers are thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/stage.h"

namespace sextant {

// The canonical form of one piece of extracted text (see above).
std::string NormalizeExtractedText(std::string_view text);

class NormalizeStage : public Stage {
 public:
  std::string_view name() const override { return "normalize"; }
  ArtifactSet requires_artifacts() const override { return kArtifactWords; }
  ArtifactSet produces_artifacts() const override { return kArtifactCleanText; }
  Status Run(Document& document) const override;
};

}  // namespace sextant
