// Judges a page's text layer from its words, before anything is built on
// it: text to read, no text layer (a scan), unreadable (glyphs mapped to
// the wrong characters: "8QLWHG 1DWLRQV" for "United Nations", control or
// private-use characters), or a poor OCR layer ("Pgrmanr~nt", "A/45/l89").
// The verdict names the signal that decided it, with its figures, so that
// a user sees why a page was sent to OCR or left out.
//
// Signals, in order: the share of words that are control or private-use
// characters; the share of stray marks among the characters; on a page of
// 100 Cyrillic words or more, the share of the 100 most frequent words of
// UN Russian among them, and on a page of 300 Han characters or more, the
// share of the 200 most frequent characters of UN Chinese (a shifted map
// keeps the script, so its text looks Russian or Chinese, but holds no
// words); for Latin and Cyrillic pages the share of the six languages'
// most common words (pipeline/language.h), which real text never lacks;
// and the share of broken words (a small letter beside a digit, or letters
// around a stray mark). Arabic pages are judged by the first two only.
//
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/document.h"

namespace sextant {

struct TextLayerVerdict {
  TextLayer layer = TextLayer::kOk;
  std::string signal;  // "common words: 0 of 312 words"; empty when nothing was wrong
};

// `words`: the page's words as extracted; `no_text_words`: how many more
// were left out as control or private-use characters.
TextLayerVerdict JudgeTextLayer(const std::vector<std::string>& words, std::size_t no_text_words);

}  // namespace sextant
