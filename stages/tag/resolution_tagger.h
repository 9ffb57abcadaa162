// ResolutionTagger: references to resolutions and decisions by number, in
// the six languages, linked to the body that adopted them when the text
// names it:
//   "resolution 7/1", "resolutions 5/1 and 16/21", "General Assembly
//   resolution 70/1", "Security Council resolution 2803 (2025)",
//   "resolution 217 A (III)", "decision 48/477", "résolution 7/1 de la
//   Conférence", "resolución 7/1", "резолюция 7/1", "第 7/1 号决议",
//   "大会第70/1号决议", "القرار 7/1", "قرار مجلس الأمن 2803 (2025)".
// One tag per number. Value: the number as cited ("7/1", "2803 (2025)",
// "217 A (III)"). Parts, in order: {"type", "resolution"|"decision"},
// {"session", "7"}, {"number", "1"} (or {"number", "2803"}, {"year",
// "2025"}), {"body", "General Assembly"} (English name) when named.
//
// Thread-safety: Find() is const and keeps no state.
#pragma once

#include "stages/tag/tagger.h"

namespace sextant {

class ResolutionTagger : public Tagger {
 public:
  TagKind kind() const override { return TagKind::kResolution; }
  std::vector<Tag> Find(std::string_view text, Language language) const override;
};

// The English name of a UN body named at the start of `text` in any of the
// six languages ("Assemblée générale", "安全理事会"), with the byte length
// matched; empty when none. Shared with the agenda-item tagger.
struct BodyName {
  std::string_view english;
  std::size_t length = 0;
};
BodyName BodyNameAt(std::string_view lowered_text);

}  // namespace sextant
