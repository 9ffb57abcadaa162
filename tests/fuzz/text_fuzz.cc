// libFuzzer target for everything that reads running text after
// extraction: the sentence segmenter and word tokenizer in every language,
// and every tagger (TagText). On arbitrary bytes, invalid UTF-8 included:
// no crash, no hang; segments and tags lie inside the input, in order, and
// segments do not overlap.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "stages/icu/word_tokenizer.h"
#include "stages/segment/sentence_segmenter.h"
#include "stages/tag/tag_stage.h"

namespace {

const sextant::SentenceSegmenter& SegmenterFor(std::size_t index) {
  static const auto* segmenters = [] {
    auto* all = new std::vector<sextant::SentenceSegmenter>();
    for (const sextant::LanguageInfo& info : sextant::AllLanguages()) {
      all->emplace_back(info.language);
    }
    return all;
  }();
  return (*segmenters)[index % segmenters->size()];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the language; the rest is the text.
  const sextant::SentenceSegmenter& segmenter = SegmenterFor(data[0]);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::size_t previous_end = 0;
  for (const sextant::Segment& segment : segmenter.Split(text)) {
    if (segment.begin < previous_end || segment.begin >= segment.end || segment.end > text.size()) {
      std::abort();
    }
    previous_end = segment.end;
  }
  for (const sextant::WordSpan& word : sextant::Words(text, segmenter.language())) {
    if (word.begin >= word.end || word.end > text.size()) std::abort();
  }
  static const auto taggers = sextant::AllTaggers();
  std::size_t previous_begin = 0;
  for (const sextant::Tag& tag : sextant::TagText(text, segmenter.language(), taggers)) {
    if (tag.begin < previous_begin || tag.begin > tag.end || tag.end > text.size()) std::abort();
    previous_begin = tag.begin;
  }
  return 0;
}
