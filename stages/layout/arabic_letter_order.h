// The order of the letters (and vowel marks) inside the Arabic words
// Poppler gives, decided per page from evidence over the whole page.
//
// A PDF places an Arabic line's glyphs from left to right. What Poppler
// reads back as one word's text depends on the producer:
//   - the project's generator (Pango + cairo): a word per glyph, and a
//     ligature glyph ("لا") carries its letters in logical order;
//   - LibreOffice, Chromium (Skia): whole words with their letters in
//     visual order, left to right: "ةدحتملا" for "المتحدة".
// MakeLine (line_builder.h) reads the text of a word made of Arabic letters
// only as logical order and a word with other characters in it (":ةيميظنتلا",
// "٢٠٢٢،") as visual order. On a page whose words hold visual order, the
// all-Arabic words are turned round here first, before lines are built.
//
// The evidence is letters that sit at one end of a word only: ta marbuta
// (ة) and alef maksura (ى) end a word, the article (ال) starts one. Read
// backwards, a word has them at the other end. A single word can mislead
// (a word split by kerning, "مثلا"); a page's words do not. Where a page
// has too few Arabic words of two letters or more to tell (a cover page, a
// table of figures), the document's evidence decides; where that says
// nothing either (one glyph per word), the words are left as they are.
//
// Vowel marks (ـَ ـّ ـٍ) in visual words: LibreOffice gives each before its
// letter, which the line's reversal then puts after it; Chromium gives it
// after its letter, and it is moved before. Which side is decided the same
// way, over the document (a page has few marks): a word set left to right
// that opens with a mark has its marks before their letters (the word's
// last letter bears it, "ٍبلط"), one that closes with a mark after them
// (its first letter, "يُ" in "ذفنيُ").
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace sextant {

enum class ArabicLetterOrder {
  kLogical,  // as read: the generator's ligature glyphs; nothing to do
  kVisual,   // left to right as placed: reversed before lines are built
};

// Where a visual word's text has a vowel mark: before or after its letter.
enum class ArabicMarkSide { kBeforeLetter, kAfterLetter };

// How a page's words hold their Arabic.
struct ArabicWordOrder {
  ArabicLetterOrder letters = ArabicLetterOrder::kLogical;
  ArabicMarkSide marks = ArabicMarkSide::kBeforeLetter;  // in kVisual words
  bool operator==(const ArabicWordOrder&) const = default;
};

// Points for each reading of the letters and marks of some words.
struct LetterOrderEvidence {
  std::size_t logical = 0;  // letters at the end of a word that is theirs
  std::size_t visual = 0;   // letters at the end they take in a reversed word
  std::size_t mark_first = 0;  // words that open with a vowel mark
  std::size_t mark_last = 0;   // words that close with one

  LetterOrderEvidence& operator+=(const LetterOrderEvidence& other) {
    logical += other.logical;
    visual += other.visual;
    mark_first += other.mark_first;
    mark_last += other.mark_last;
    return *this;
  }
  // The order the evidence shows, or nullopt when it is too little or
  // too mixed to tell.
  std::optional<ArabicLetterOrder> Decision() const;
  // The side of their letter that marks take in visual words, or nullopt.
  std::optional<ArabicMarkSide> MarkSide() const;
};

// The evidence in one word's text, as Poppler gives it: each run of two
// Arabic letters or more in it is weighed (vowel marks are skipped), and
// a mark at either end of it.
LetterOrderEvidence WeighLetterOrder(std::string_view word_text);

// How each page's words hold their Arabic: the letters by the page's own
// evidence, else the document's, else kLogical; the marks by the
// document's, else before their letters.
std::vector<ArabicWordOrder> WordOrderByPage(const std::vector<Page>& pages);

// Puts the words of a page in the order MakeLine reads: on a kVisual page,
// marks given after their letter are moved before it, then each word made
// of Arabic letters (and vowel marks) only is reversed.
void PutArabicWordsInMakeLineOrder(std::vector<Word>& words, ArabicWordOrder order);

}  // namespace sextant
