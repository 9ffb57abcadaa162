#include "pipeline/alignment_json.h"

#include <cmath>

namespace sextant {

namespace {

// Scores as the JSON forms give them: three decimals.
double RoundedScore(double score) { return std::round(score * 1000) / 1000; }

}  // namespace

nlohmann::json AlignmentToJson(const Alignment& alignment, std::span<const std::string> source_units,
                               std::span<const std::string> target_units) {
  using nlohmann::json;
  json links = json::array();
  for (const AlignmentLink& link : alignment.links) {
    links.push_back({{"source", link.source},
                     {"target", link.target},
                     {"score", RoundedScore(link.score)},
                     {"source_text", JoinUnits(link.source, source_units, alignment.source_language)},
                     {"target_text", JoinUnits(link.target, target_units, alignment.target_language)}});
  }
  json weak = json::array();
  for (const WeakRegion& region : alignment.weak_regions) {
    weak.push_back({{"first_link", region.first_link},
                    {"last_link", region.last_link},
                    {"mean_score", RoundedScore(region.mean_score)}});
  }
  return {{"languages", {Code(alignment.source_language), Code(alignment.target_language)}},
          {"links", std::move(links)},
          {"weak_regions", std::move(weak)}};
}

}  // namespace sextant
