// ArabicSpelling: mends Arabic words that OCR misread by a dot or a hamza,
// with Hunspell and Debian's Arabic dictionary (hunspell-ar); the one
// Hunspell user in Sextant.
//
// Tesseract's Arabic models see the letters' shapes better than their dots:
// "فى" for "في" (the final yeh's dots lost), "الفربق" for "الفريق",
// "واضافة" for "وإضافة", and the Arabic comma after a word read as a hamza
// ("المؤتمرء"). A word the dictionary refuses is tried with one such
// change: a letter replaced by one of its shape (the tooth letters ب ت ث ن
// ي ئ inside a word; ج ح خ, د ذ, ر ز, س ش, ص ض, ط ظ, ع غ, ف ق, و ؤ; the
// alefs ا أ إ آ), a final ى and ي for each other, a final "ء" read as "،".
// The change is made when exactly one of those words is in the dictionary:
// never a guess between two ("بمضى": both "بمضي" and "يمضى" are words).
// A word the dictionary takes is left as it is, and so is any word when
// two readings or none pass.
//
// Thread-safety: Mend() may be called from several threads at once (each
// thread keeps its own Hunspell, which is not safe to share).
#pragma once

#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace sextant {

class ArabicSpelling {
 public:
  // `dictionaries`: the folder of ar.aff and ar.dic.
  explicit ArabicSpelling(std::string dictionaries = "/usr/share/hunspell");

  // Ok when the dictionary is installed; otherwise what to install.
  Status Check() const;

  // `word` (Arabic letters with any punctuation around them) mended, or as
  // it is.
  std::string Mend(std::string_view word) const;

 private:
  std::string affix_path_, dictionary_path_;
};

}  // namespace sextant
