// Alignment: which sentences (or paragraphs) of one language version of a
// document translate which of another. A link joins zero, one or two units
// on each side (1–1, 1–2, 2–1, 2–2, 1–0, 0–1), in order, and carries a
// confidence; runs of weak links are reported, not hidden.
//
// The aligner (stages/align) makes these, the index (index/) stores and
// reads them back, the commands and the API print them
// (pipeline/alignment_json.h): the types live here so that none of them
// depends on another for a data type.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

struct AlignmentLink {
  std::vector<std::size_t> source;  // 0-based unit indices, ascending; may be empty
  std::vector<std::size_t> target;
  double score = 0;                 // confidence in [0, 1]
};

// A stretch of links whose confidence stays low: worth a translator's look.
struct WeakRegion {
  std::size_t first_link = 0, last_link = 0;  // inclusive
  double mean_score = 0;
};

struct Alignment {
  Language source_language = Language::kEnglish;
  Language target_language = Language::kEnglish;
  std::vector<AlignmentLink> links;
  std::vector<WeakRegion> weak_regions;
};

// Two language versions of one document aligned: paragraphs, then the
// sentences inside aligned paragraphs, with the sentences' texts (counted
// through the document, as `sentences` counts them).
struct DocumentAlignment {
  Alignment paragraphs;  // over paragraph indices
  Alignment sentences;   // over sentence indices, counted through the document
  std::vector<std::string> source_sentences, target_sentences;
};

// Links below this confidence are weak (the aligner's default).
inline constexpr double kDefaultWeakScore = 0.35;

// The runs of two or more links in a row whose confidence is below
// `weak_score`, with their mean confidence.
std::vector<WeakRegion> WeakRegions(const std::vector<AlignmentLink>& links,
                                    double weak_score = kDefaultWeakScore);

// The texts of one side of a link, in order, joined as the language joins
// sentences: with a space, or with nothing for Chinese (LineJoin). Empty
// texts and indices past the end of `units` are skipped. The one way link
// texts are joined, in JSON, TSV and TMX alike.
std::string JoinUnits(const std::vector<std::size_t>& indices, std::span<const std::string> units,
                      Language language);

}  // namespace sextant
