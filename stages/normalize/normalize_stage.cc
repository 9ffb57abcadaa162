#include "stages/normalize/normalize_stage.h"

#include "stages/icu/text_normalizer.h"

namespace sextant {

Status NormalizeStage::Run(Document& document) const {
  for (Page& page : document.pages) {
    std::vector<Word> words = page.words.Unpack();
    for (Word& word : words) word.text = NormalizeExtractedText(word.text);
    std::erase_if(words, [](const Word& w) { return w.text.empty(); });
    page.words = PackedWords(words);
  }
  return Status::Ok();
}

}  // namespace sextant
