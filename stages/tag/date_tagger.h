// DateTagger: every calendar date in a text, in any of the six languages,
// with its value in ISO 8601 (see date_parser.h for the forms read).
//
// Thread-safety: Find() is const and keeps no state.
#pragma once

#include "stages/tag/tagger.h"

namespace sextant {

class DateTagger : public Tagger {
 public:
  TagKind kind() const override { return TagKind::kDate; }
  std::vector<Tag> Find(std::string_view text, Language language) const override;
};

}  // namespace sextant
