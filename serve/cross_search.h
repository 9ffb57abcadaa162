// Search across languages (`sextant search --cross`, the API's cross=yes):
// the query as given, and its translation into each other language
// (stages/align/query_translation.h: the index's lexicon and FreeDict)
// searched on that language's passages, so that a document with no version
// in the query's language is found too.
//
// The query's language is SearchOptions::language when given (with cross,
// it names the query's language, not a filter on the hits), else guessed
// from its script (Latin: English). The query itself is searched as
// without cross (every language); each translation on its language's
// segments only (three times the hits asked for). Hits are merged by the
// share of the query's words they render (1 for the query as given, whose
// words are all required; for a translated hit, the words with a
// rendering found in its text), then the query's own hits before the
// translations' at an equal share, then by weight (Xapian's BM25 of each
// search): BM25 weights of different queries do not compare, and the
// translations into languages the document lacks find other documents
// that match fewer words. A segment found twice is kept once (the first),
// then the list is cut to offset/limit;
// a hit found through a translation carries `via` (the query searched and
// the language it was translated from). The total and the facets are the
// sums of the searches'.
//
// Thread-safety: as IndexSearcher and QueryTranslator, one thread at a time
// per pair of them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/index_searcher.h"
#include "index/index_shards.h"
#include "pipeline/language.h"
#include "pipeline/status.h"
#include "stages/align/query_translation.h"

namespace sextant {

struct CrossVia {
  std::string translation;  // the translated query that found the hit
  Language from = Language::kEnglish;
};

struct CrossSearchResult {
  SearchResult result;
  std::vector<std::optional<CrossVia>> via;    // beside result.hits
  std::vector<QueryTranslation> translations;  // every language's, empty ones included
  Language query_language = Language::kEnglish;
};

Status CrossSearch(IndexSearcher& searcher, QueryTranslator& translator, std::string_view query,
                   const SearchOptions& options, CrossSearchResult* out);

}  // namespace sextant
