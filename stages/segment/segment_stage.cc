#include "stages/segment/segment_stage.h"

#include <cassert>

namespace sextant {

SegmentStage::SegmentStage(SegmenterOptions options) : options_(options) {}

const SentenceSegmenter& SegmentStage::SegmenterFor(Language language) const {
  const auto index = static_cast<std::size_t>(language);
  assert(index < segmenters_.size() && "a slot for every language");
  std::call_once(built_[index], [&] { segmenters_[index].emplace(language, options_); });
  return *segmenters_[index];
}

Status SegmentStage::Run(Document& document) const {
  if (!document.language) {
    document.Warn("segment_language_missing",
                  "no language was decided for " + document.path +
                      "; sentences split by the English rules");
  }
  const SentenceSegmenter& segmenter =
      SegmenterFor(document.language.value_or(Language::kEnglish));
  for (Paragraph& paragraph : document.paragraphs) {
    paragraph.segments = segmenter.Split(paragraph.text);
  }
  return Status::Ok();
}

}  // namespace sextant
