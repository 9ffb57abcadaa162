// NormalizeExtractedText: the canonical UTF-8 of one piece of text as a PDF
// gives it, with ICU's normalisers:
//   - Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) and Latin
//     ligatures (U+FB00–U+FB06: ﬁ, ﬂ) are decomposed to ordinary letters
//     (NFKC, applied to those ranges only);
//   - bidi controls (LRM, RLM, embeddings, isolates), the BOM and soft
//     hyphens are removed;
//   - everything is NFC.
// Full-width forms (／, ，) are left alone: Chinese text means them; the
// taggers read through them. Invalid UTF-8 is returned unchanged.
//
// stages/icu/ is the one folder that includes ICU's headers.
//
// Thread-safety: a pure function; ICU's normalisers are built once and are
// thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sextant {

std::string NormalizeExtractedText(std::string_view text);

}  // namespace sextant
