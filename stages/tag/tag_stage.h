// TagStage: runs every tagger over every paragraph, marks the sentences that
// are recommendations, and reads the agenda structure (agenda_structure.h).
// The taggers are an explicit list, AllTaggers(); adding a kind of tag is
// one file pair in stages/tag/ and one line there.
//
// REQUIRES kArtifactParagraphs | kArtifactLanguage | kArtifactSegments;
// PRODUCES kArtifactTags (Paragraph::tags, Paragraph::agenda_item,
// Document::agenda, Document::work_programme).
// Thread-safety: Run() is const; the taggers keep no state.
#pragma once

#include <memory>
#include <vector>

#include "pipeline/stage.h"
#include "stages/tag/tagger.h"

namespace sextant {

// The note of symbols in OCR'd text repaired (ocr_symbol_repair.h):
// "2 symbols misread by OCR repaired: \"A/45/l89\" read as A/45/189, ...".
inline constexpr std::string_view kSymbolRepairedCode = "symbol_repaired";

// Symbols, resolutions, agenda items, dates: the taggers run on every text.
std::vector<std::unique_ptr<Tagger>> AllTaggers();

// The tags of one text by every tagger, sorted by position (then kind).
std::vector<Tag> TagText(std::string_view text, Language language,
                         const std::vector<std::unique_ptr<Tagger>>& taggers);

class TagStage : public Stage {
 public:
  TagStage();
  std::string_view name() const override { return "tag"; }
  ArtifactSet requires_artifacts() const override {
    return kArtifactParagraphs | kArtifactLanguage | kArtifactSegments;
  }
  ArtifactSet produces_artifacts() const override { return kArtifactTags; }
  Status Run(Document& document) const override;

 private:
  std::vector<std::unique_ptr<Tagger>> taggers_;
};

}  // namespace sextant
