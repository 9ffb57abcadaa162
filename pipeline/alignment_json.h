// The JSON form of an alignment, the one that `sextant align`, `sextant
// align-set` and the API's /api/alignment all give:
//   {"languages": [source, target],
//    "links": [{"source": [i, …], "target": [j, …], "score": x,
//               "source_text": "…", "target_text": "…"}],
//    "weak_regions": [{"first_link", "last_link", "mean_score"}]}
// Indices are 0-based units (sentences or paragraphs); a link with an
// empty side is a 1–0 or 0–1 link. Scores are rounded to three decimals.
// Link texts are joined by JoinUnits (pipeline/alignment.h). Callers may
// add fields (a symbol, each link's agenda item) to what this returns.
//
// Thread-safety: pure functions.
#pragma once

#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/alignment.h"

namespace sextant {

nlohmann::json AlignmentToJson(const Alignment& alignment, std::span<const std::string> source_units,
                               std::span<const std::string> target_units);

}  // namespace sextant
