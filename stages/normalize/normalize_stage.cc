#include "stages/normalize/normalize_stage.h"

#include "stages/icu/text_normalizer.h"

namespace sextant {

Status NormalizeStage::Run(Document& document) const {
  for (Page& page : document.pages) {
    for (Word& word : page.words) word.text = NormalizeExtractedText(word.text);
    std::erase_if(page.words, [](const Word& w) { return w.text.empty(); });
  }
  return Status::Ok();
}

}  // namespace sextant
