// Alignment: which sentences (or paragraphs) of one language version of a
// document translate which of another. A link joins zero, one or two units
// on each side (1–1, 1–2, 2–1, 2–2, 1–0, 0–1), in order, and carries a
// confidence; runs of weak links are reported, not hidden.
//
// Thread-safety: plain values.
#pragma once

#include <cstddef>
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

}  // namespace sextant
