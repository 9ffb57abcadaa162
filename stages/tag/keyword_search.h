// Keyword search for the taggers: every occurrence of a list of keywords in
// a (lower-cased) text, found with string search (memchr-fast) rather than
// by trying every keyword at every position, in text order, the longest
// keyword first where several start at one position.
//
// Thread-safety: pure function.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace sextant {

template <typename Keyword>
struct KeywordHit {
  std::size_t position;
  const Keyword* keyword;
};

// `word_of(keyword)` gives the keyword's text (a std::string_view).
template <typename Keyword, typename WordOf>
std::vector<KeywordHit<Keyword>> FindKeywords(std::string_view text,
                                              std::span<const Keyword> keywords,
                                              WordOf word_of) {
  std::vector<KeywordHit<Keyword>> hits;
  for (const Keyword& keyword : keywords) {
    const std::string_view word = word_of(keyword);
    for (std::size_t pos = text.find(word); pos != std::string_view::npos;
         pos = text.find(word, pos + 1)) {
      hits.push_back({pos, &keyword});
    }
  }
  std::sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
    return a.position != b.position ? a.position < b.position
                                    : word_of(*a.keyword).size() > word_of(*b.keyword).size();
  });
  return hits;
}

}  // namespace sextant
