// Tagger: finds one kind of typed span in text ("symbol", "resolution",
// "agenda_item", "date"). Each tagger is one file pair in stages/tag/ and one
// entry in the explicit list of AllTaggers() (tag_stage.cc); adding a kind
// of tag is exactly that.
//
// Contract: Find() returns tags in text order with byte spans into `text`
// (never splitting a UTF-8 sequence) and a normalised value; it never
// invents a value it cannot parse. Arbitrary bytes and invalid UTF-8 are
// accepted. `language` is a hint: taggers read all six languages' forms at
// once, so a French citation in an English document is still found.
//
// Thread-safety: Find() is const and keeps no state.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/language.h"

namespace sextant {

class Tagger {
 public:
  virtual ~Tagger() = default;
  virtual TagKind kind() const = 0;
  virtual std::vector<Tag> Find(std::string_view text, Language language) const = 0;
};

}  // namespace sextant
