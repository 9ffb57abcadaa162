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
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/alignment.h"
#include "pipeline/document.h"
#include "stages/align/lexicon.h"
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

// Plain text: one paragraph a line, cut into sentences by the segmenter of
// `language`; or, `segmented`, one sentence a line. Blank lines are
// skipped, a line's final CR dropped.
AlignableText AlignableFromLines(std::string_view content, Language language, bool segmented);

DocumentAlignment AlignDocuments(const AlignableText& source, const AlignableText& target,
                                 AlignerOptions options = {});

// One lexicon learned from every pair of a batch, as an evaluation learns
// one over its corpus: each pair aligned by length and anchors first (on
// `jobs` threads), then a lexicon learned from all their confident 1–1
// links (score ≥ 0.5), on top of options.dictionary when set. Better for
// short documents; a pair's links then depend on the others.
using AlignablePair = std::pair<const AlignableText*, const AlignableText*>;
Lexicon LearnBatchLexicon(const std::vector<AlignablePair>& pairs, const AlignerOptions& options, int jobs);

}  // namespace sextant
