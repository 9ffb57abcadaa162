#include "stages/align/pivot.h"

#include <algorithm>
#include <map>
#include <set>

namespace sextant {

Alignment ComposeThroughPivot(const Alignment& pivot_to_a, const Alignment& pivot_to_b) {
  Alignment result;
  result.source_language = pivot_to_a.target_language;
  result.target_language = pivot_to_b.target_language;
  // Each pivot unit's link on either side.
  std::map<std::size_t, std::size_t> a_link_of_pivot, b_link_of_pivot;
  for (std::size_t k = 0; k < pivot_to_a.links.size(); ++k) {
    for (std::size_t p : pivot_to_a.links[k].source) a_link_of_pivot[p] = k;
  }
  for (std::size_t k = 0; k < pivot_to_b.links.size(); ++k) {
    for (std::size_t p : pivot_to_b.links[k].source) b_link_of_pivot[p] = k;
  }
  // Walk the pivot in order, growing a group while the two sides' links
  // keep overlapping through shared pivot units.
  std::set<std::size_t> used_a, used_b;
  const auto emit = [&](const std::set<std::size_t>& a_links, const std::set<std::size_t>& b_links) {
    AlignmentLink link;
    double score = 1.0;
    for (std::size_t k : a_links) {
      link.source.insert(link.source.end(), pivot_to_a.links[k].target.begin(), pivot_to_a.links[k].target.end());
      score = std::min(score, pivot_to_a.links[k].score);
      used_a.insert(k);
    }
    for (std::size_t k : b_links) {
      link.target.insert(link.target.end(), pivot_to_b.links[k].target.begin(), pivot_to_b.links[k].target.end());
      score = std::min(score, pivot_to_b.links[k].score);
      used_b.insert(k);
    }
    std::sort(link.source.begin(), link.source.end());
    std::sort(link.target.begin(), link.target.end());
    link.score = score;
    if (!link.source.empty() || !link.target.empty()) result.links.push_back(std::move(link));
  };
  std::set<std::size_t> group_a, group_b;
  std::size_t previous_a = SIZE_MAX, previous_b = SIZE_MAX;
  std::set<std::size_t> pivots;
  for (const auto& [p, k] : a_link_of_pivot) pivots.insert(p);
  for (const auto& [p, k] : b_link_of_pivot) pivots.insert(p);
  for (std::size_t p : pivots) {
    const auto a = a_link_of_pivot.find(p);
    const auto b = b_link_of_pivot.find(p);
    const std::size_t ka = a == a_link_of_pivot.end() ? SIZE_MAX : a->second;
    const std::size_t kb = b == b_link_of_pivot.end() ? SIZE_MAX : b->second;
    // A new group starts when neither side continues the current links.
    const bool continues = (ka != SIZE_MAX && ka == previous_a) || (kb != SIZE_MAX && kb == previous_b);
    if (!continues && (!group_a.empty() || !group_b.empty())) {
      emit(group_a, group_b);
      group_a.clear();
      group_b.clear();
    }
    if (ka != SIZE_MAX) group_a.insert(ka);
    if (kb != SIZE_MAX) group_b.insert(kb);
    previous_a = ka;
    previous_b = kb;
  }
  if (!group_a.empty() || !group_b.empty()) emit(group_a, group_b);
  // Units of A or B that no pivot unit reaches (0–1 links on the pivot side).
  for (std::size_t k = 0; k < pivot_to_a.links.size(); ++k) {
    if (!used_a.count(k) && pivot_to_a.links[k].source.empty()) {
      result.links.push_back({pivot_to_a.links[k].target, {}, pivot_to_a.links[k].score});
    }
  }
  for (std::size_t k = 0; k < pivot_to_b.links.size(); ++k) {
    if (!used_b.count(k) && pivot_to_b.links[k].source.empty()) {
      result.links.push_back({{}, pivot_to_b.links[k].target, pivot_to_b.links[k].score});
    }
  }
  std::stable_sort(result.links.begin(), result.links.end(), [](const AlignmentLink& x, const AlignmentLink& y) {
    const std::size_t kx = x.source.empty() ? (x.target.empty() ? 0 : x.target.front()) : x.source.front();
    const std::size_t ky = y.source.empty() ? (y.target.empty() ? 0 : y.target.front()) : y.source.front();
    return kx < ky;
  });
  return result;
}

}  // namespace sextant
