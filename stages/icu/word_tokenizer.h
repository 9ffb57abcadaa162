// Word tokens for indexing and alignment, with ICU's word break iterator for
// the text's language (Chinese and other Han text by ICU's dictionary).
//
// Contract: Words() returns, in order, the byte spans [begin, end) into
// `text` of the tokens ICU classes as words: letters, ideographs, kana and
// numbers ("1,383,000" and "3.5" are one token each). Punctuation, symbols
// and white space are not tokens. Invalid UTF-8 is tolerated.
//
// Thread-safety: pure function; each call clones an immutable per-language
// ICU iterator prototype (built once, on first use, in a function-local
// static), so calls may run on many threads at once.
//
// stages/icu/ is the one folder that includes ICU's headers.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

struct WordSpan {
  std::size_t begin = 0, end = 0;  // byte offsets into the tokenized text
};

std::vector<WordSpan> Words(std::string_view text, Language language);

}  // namespace sextant
