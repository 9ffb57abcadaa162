// SentenceBreaker: ICU's sentence break iterator for one language, over
// UTF-8, with no ICU type in sight. It gives ICU's own boundaries; the UN
// corrections on top of them (symbols, abbreviations, list markers) are
// the segmenter's (stages/segment/sentence_segmenter.h).
//
// stages/icu/ is the one folder that includes ICU's headers; the build
// fails when another folder does (cmake/check_library_owners.cmake).
//
// Contract: Boundaries() returns, in ascending order, the byte offsets
// inside `text` (0 < offset < text.size()) where ICU starts a new
// sentence. Invalid UTF-8 is read as U+FFFD.
//
// Thread-safety: immutable after construction; Boundaries() is const and
// clones the iterator prototype on every call, so one breaker may be
// shared by many threads.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

class SentenceBreaker {
 public:
  // `icu_suppressions`: ICU's own abbreviation list ("ss=standard": "Mr.",
  // "e.g." …) where ICU has one (English, French, Spanish, Russian).
  SentenceBreaker(Language language, bool icu_suppressions);
  ~SentenceBreaker();
  SentenceBreaker(SentenceBreaker&&) noexcept;
  SentenceBreaker& operator=(SentenceBreaker&&) noexcept;

  std::vector<std::size_t> Boundaries(std::string_view text) const;

 private:
  struct Prototype;  // the ICU iterator; ICU types stay in the .cc
  std::unique_ptr<const Prototype> prototype_;
};

}  // namespace sextant
