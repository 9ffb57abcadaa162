// LanguageStage: decides the language of a document from three witnesses:
// the text itself (script, then frequent words for Latin-script languages),
// the job number's language letter ("25-15106 (E)"), and the file name
// ("A_80_434-EN.pdf", "ohchr_1_ru.pdf"). The text wins when it is clear; a
// disagreement is reported as a diagnostic ("language_conflict").
//
// REQUIRES kArtifactLines | kArtifactFurniture; PRODUCES kArtifactLanguage.
// Thread-safety: Run() is const and keeps no state.
#pragma once

#include <optional>
#include <string_view>

#include "pipeline/stage.h"

namespace sextant {

// The language a text is written in, when the text says so clearly.
struct TextLanguageGuess {
  std::optional<Language> language;
  double confidence = 0;  // 0..1: share of the evidence for the winner
};
TextLanguageGuess GuessLanguageFromText(std::string_view text);

// "A_80_434-EN.pdf" → en, "ohchr_1_ru.pdf" → ru; nullopt without a marker.
std::optional<Language> LanguageFromFileName(std::string_view path);

class LanguageStage : public Stage {
 public:
  std::string_view name() const override { return "language"; }
  ArtifactSet requires_artifacts() const override {
    return kArtifactLines | kArtifactFurniture;
  }
  ArtifactSet produces_artifacts() const override { return kArtifactLanguage; }
  Status Run(Document& document) const override;
};

}  // namespace sextant
