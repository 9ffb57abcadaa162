// The words of a hit's text that the query matched (SearchHit::marks,
// from which the parallel text's marks are rendered too): each word of the
// text, cut as the index cuts it (lower-cased, Arabic normalised, an
// elision stripped: schema.h), is marked when the query's terms hold it,
// as itself or as "Z" + its stem; the query's runs of Han characters are
// marked where they occur whole.
//
// A phrase of the query (a quoted stretch, or a hyphenated word such as
// "secretary-general") is marked only where it occurs whole, word after
// word: a hit for "united nations" marks "United Nations", not the
// "national" that shares its stem, nor a "General" of "Auditor-General"
// for "secretary-general". A word of a phrase that the query also gives on
// its own is marked wherever it occurs.
//
// Internal to index/ (the searcher's). Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pipeline/language.h"

namespace sextant::index_internal {

using StemFunction = std::function<std::string(const std::string&)>;

// What the free text of a query (query_parse.h, FreeText) gives to mark.
struct QueryWords {
  std::vector<std::string> phrases;  // each phrase's text, as typed
  std::vector<std::string> loose;    // the words outside phrases, but those excluded by a leading '-'
};

QueryWords ReadQueryWords(std::string_view free_text);

// The matched words of `text` as byte spans, in order, not overlapping.
std::vector<std::pair<std::size_t, std::size_t>> MatchedSpans(const std::string& text, Language language,
                                                              const std::unordered_set<std::string>& terms,
                                                              const StemFunction& stem,
                                                              const std::vector<std::string>& han_runs,
                                                              const QueryWords& query);

}  // namespace sextant::index_internal
