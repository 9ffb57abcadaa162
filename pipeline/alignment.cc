#include "pipeline/alignment.h"

namespace sextant {

std::vector<WeakRegion> WeakRegions(const std::vector<AlignmentLink>& links, double weak_score) {
  std::vector<WeakRegion> regions;
  for (std::size_t k = 0; k < links.size();) {
    if (links[k].score >= weak_score) {
      ++k;
      continue;
    }
    std::size_t end = k;
    double sum = 0;
    while (end < links.size() && links[end].score < weak_score) sum += links[end++].score;
    if (end - k >= 2) regions.push_back({k, end - 1, sum / static_cast<double>(end - k)});
    k = end;
  }
  return regions;
}

std::string JoinUnits(const std::vector<std::size_t>& indices, std::span<const std::string> units,
                      Language language) {
  const std::string_view gap = Info(language).line_join == LineJoin::kNoSpace ? "" : " ";
  std::string joined;
  for (const std::size_t index : indices) {
    if (index >= units.size() || units[index].empty()) continue;
    if (!joined.empty()) joined += gap;
    joined += units[index];
  }
  return joined;
}

}  // namespace sextant
