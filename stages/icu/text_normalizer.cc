#include "stages/icu/text_normalizer.h"

#include <cstdlib>
#include <memory>

#include <unicode/normalizer2.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

namespace sextant {
namespace {

// The two ICU normalisers, built once. Building a FilteredNormalizer2 is not
// free, and both are immutable and thread-safe after construction.
struct Normalizers {
  const icu::Normalizer2* nfc = nullptr;
  std::unique_ptr<icu::UnicodeSet> compatibility_ranges;
  std::unique_ptr<icu::FilteredNormalizer2> nfkc_on_ranges;
};

const Normalizers& GetNormalizers() {
  static const Normalizers normalizers = [] {
    Normalizers n;
    UErrorCode status = U_ZERO_ERROR;
    n.nfc = icu::Normalizer2::getNFCInstance(status);
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    n.compatibility_ranges = std::make_unique<icu::UnicodeSet>(
        icu::UnicodeString(u"[\\uFB00-\\uFB06\\uFB50-\\uFDFF\\uFE70-\\uFEFF]"),
        status);
    n.compatibility_ranges->freeze();
    n.nfkc_on_ranges = std::make_unique<icu::FilteredNormalizer2>(
        *nfkc, *n.compatibility_ranges);
    // ICU's own data is compiled in; failing here is a broken installation.
    if (U_FAILURE(status)) std::abort();
    return n;
  }();
  return normalizers;
}

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool IsRemovedControl(UChar c) {
  return c == 0x00AD ||                  // soft hyphen
         c == 0x200E || c == 0x200F ||   // LRM, RLM
         (c >= 0x202A && c <= 0x202E) || // embeddings, overrides
         (c >= 0x2066 && c <= 0x2069) || // isolates
         c == 0xFEFF;                    // BOM / zero-width no-break space
}

}  // namespace

std::string NormalizeExtractedText(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  const Normalizers& n = GetNormalizers();
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString kept;
  for (int32_t i = 0; i < source.length(); ++i) {
    if (!IsRemovedControl(source[i])) kept.append(source[i]);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& on_ranges = *n.nfkc_on_ranges;
  icu::UnicodeString decomposed = on_ranges.normalize(kept, status);
  icu::UnicodeString composed = n.nfc->normalize(decomposed, status);
  if (U_FAILURE(status)) return std::string(text);  // invalid input: keep it
  std::string out;
  composed.toUTF8String(out);
  return out;
}

}  // namespace sextant
