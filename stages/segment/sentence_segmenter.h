// SentenceSegmenter: splits one paragraph into sentences (and list items)
// with ICU's sentence break iterator for the paragraph's language
// (stages/icu/sentence_breaker.h), then
// corrects ICU for UN text:
//   - no break inside a document symbol ("CTOC/COP/WG. 4", "A/C.3/80/L. 10");
//   - no break after the abbreviations of the language's resource row
//     ("No.", "para.", "Mr.", "M.", "Sr.", "núm.", "г.", "т.е." ...); some,
//     such as "etc." or "г.", only when the next word does not open a sentence;
//   - no break after a list marker that opens a sentence ("1.", "(a)", "IV.");
//   - Chinese: a break after "；" when a list item follows it ("会议开幕；(b)").
// ICU itself ends Chinese sentences at 。！？ and Arabic ones at . ؟ ! (not at
// ، or ؛). The abbreviation lists live in one table in sentence_segmenter.cc,
// one row per language.
//
// Contract: Split() returns the sentences of `paragraph` in order, as byte
// spans into it, trimmed of white space (ASCII, U+00A0, U+3000); together
// they cover every non-space character; none is empty. Invalid UTF-8 is
// tolerated (ICU reads it as U+FFFD) and never splits a byte sequence into
// two segments other than where ICU's rules put a boundary.
//
// Thread-safety: the segmenter is immutable after construction; Split() is
// const (the breaker clones ICU's iterator on every call, cheap next to
// segmenting a paragraph), so one segmenter may be shared by many threads.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/language.h"
#include "stages/icu/sentence_breaker.h"

namespace sextant {

struct SegmenterOptions {
  // Use ICU's own abbreviation suppressions ("ss=standard": "Mr.", "e.g."
  // ...) where ICU has them (English, French, Spanish, Russian).
  bool icu_suppressions = true;
  // Apply the UN corrections listed above. Off: ICU alone, for comparison.
  bool un_corrections = true;
};

class SentenceSegmenter {
 public:
  explicit SentenceSegmenter(Language language, SegmenterOptions options = {});
  ~SentenceSegmenter();
  SentenceSegmenter(SentenceSegmenter&&) noexcept;
  SentenceSegmenter& operator=(SentenceSegmenter&&) noexcept;

  Language language() const { return language_; }

  // Sentences of one paragraph, in order, as byte spans into `paragraph`
  // with surrounding white space trimmed; together they cover every
  // non-space character. Thread-safe.
  std::vector<Segment> Split(std::string_view paragraph) const;

 private:
  Language language_;
  SegmenterOptions options_;
  SentenceBreaker breaker_;  // ICU's boundaries, before the corrections
};

// Whether `text` is exactly a list marker: "1.", "12.", "1.2.", "(a)",
// "(iv)", "a)", "IV.", "A.", "一、", "（一）", "(أ)", "١-".
bool IsListMarker(std::string_view text);

}  // namespace sextant
