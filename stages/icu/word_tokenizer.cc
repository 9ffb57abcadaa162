#include "stages/icu/word_tokenizer.h"

#include <array>
#include <cassert>
#include <memory>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

namespace sextant {
namespace {

using IteratorPtr = std::unique_ptr<icu::BreakIterator>;

IteratorPtr MakeWordIterator(Language language) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(std::string(Code(language)).c_str());
  IteratorPtr iterator(icu::BreakIterator::createWordInstance(locale, status));
  // Missing ICU data is an installation error, not bad input.
  assert(U_SUCCESS(status) && iterator != nullptr);
  return iterator;
}

// One immutable prototype per language, built on first use; callers clone.
const icu::BreakIterator& Prototype(Language language) {
  static const std::array<IteratorPtr, 6> kPrototypes = [] {
    std::array<IteratorPtr, 6> prototypes;
    for (const LanguageInfo& info : AllLanguages()) {
      prototypes[static_cast<std::size_t>(info.language)] =
          MakeWordIterator(info.language);
    }
    return prototypes;
  }();
  return *kPrototypes[static_cast<std::size_t>(language)];
}

// ICU's rule status for a word: numbers, letters, kana and ideographs have
// statuses at or above UBRK_WORD_NUMBER; punctuation and spaces below it.
bool IsWordStatus(int32_t status) { return status >= UBRK_WORD_NUMBER; }

}  // namespace

std::vector<WordSpan> Words(std::string_view text, Language language) {
  std::vector<WordSpan> words;
  if (text.empty()) return words;
  std::unique_ptr<icu::BreakIterator> iterator(Prototype(language).clone());
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  iterator->setText(&utext, status);
  if (U_FAILURE(status)) {
    utext_close(&utext);
    return words;
  }
  int32_t begin = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
       begin = end, end = iterator->next()) {
    if (IsWordStatus(iterator->getRuleStatus())) {
      words.push_back({static_cast<std::size_t>(begin), static_cast<std::size_t>(end)});
    }
  }
  utext_close(&utext);
  return words;
}

}  // namespace sextant
