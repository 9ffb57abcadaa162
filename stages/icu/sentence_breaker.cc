#include "stages/icu/sentence_breaker.h"

#include <cassert>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

namespace sextant {

struct SentenceBreaker::Prototype {
  std::unique_ptr<icu::BreakIterator> iterator;
};

SentenceBreaker::SentenceBreaker(Language language, bool icu_suppressions) {
  std::string locale_id(Code(language));
  if (icu_suppressions) locale_id += "@ss=standard";
  UErrorCode status = U_ZERO_ERROR;
  auto prototype = std::make_unique<Prototype>();
  prototype->iterator.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale(locale_id.c_str()), status));
  // Missing ICU data is an installation error, not bad input.
  assert(U_SUCCESS(status) && prototype->iterator != nullptr);
  prototype_ = std::move(prototype);
}

SentenceBreaker::~SentenceBreaker() = default;
SentenceBreaker::SentenceBreaker(SentenceBreaker&&) noexcept = default;
SentenceBreaker& SentenceBreaker::operator=(SentenceBreaker&&) noexcept = default;

std::vector<std::size_t> SentenceBreaker::Boundaries(std::string_view text) const {
  std::vector<std::size_t> cuts;
  if (text.empty()) return cuts;
  std::unique_ptr<icu::BreakIterator> iterator(prototype_->iterator->clone());
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  iterator->setText(&utext, status);
  if (U_SUCCESS(status)) {
    for (int32_t cut = iterator->next(); cut != icu::BreakIterator::DONE; cut = iterator->next()) {
      if (static_cast<std::size_t>(cut) < text.size()) cuts.push_back(static_cast<std::size_t>(cut));
    }
  }
  iterator.reset();
  utext_close(&utext);
  return cuts;
}

}  // namespace sextant
