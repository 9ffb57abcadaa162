// Document alignment: two language versions of one document, aligned
// hierarchically. Paragraphs first (their numbers, symbols, dates and
// lengths anchor the structure: agenda items, numbered paragraphs,
// headings, footnotes), then the sentences inside each pair of aligned
// paragraphs. A lexicon is learned from the confident paragraph pairs of the
// document itself (or passed in), so no dictionary is needed.
//
// Thread-safety: pure function; no state is kept.
#pragma once

#include <string>
#include <vector>

#include "pipeline/alignment.h"
#include "pipeline/document.h"
#include "stages/align/sentence_aligner.h"

namespace sextant {

// One language version, ready to align: paragraphs cut into sentences.
struct AlignableText {
  Language language = Language::kEnglish;
  std::vector<std::string> paragraphs;
  std::vector<std::vector<Segment>> sentences;  // per paragraph: spans into its text
};

// The paragraphs of an extracted, segmented document (all kinds, in order).
AlignableText AlignableFromDocument(const Document& document);

struct DocumentAlignment {
  Alignment paragraphs;  // over paragraph indices
  Alignment sentences;   // over sentence indices, counted through the document
  std::vector<std::string> source_sentences, target_sentences;
};

DocumentAlignment AlignDocuments(const AlignableText& source, const AlignableText& target,
                                 AlignerOptions options = {});

}  // namespace sextant
