// Internal to index/ (not for other folders): a user query, in the syntax
// `sextant search` takes (index/index_searcher.h), as a Xapian query. The
// one parser of that syntax, so that the searcher and the pair export
// (aligned_pair_reader.h) select the same entries for the same words.
//
// Thread-safety: the functions keep no state; a Xapian::Database is used by
// one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "index/schema.h"
#include "pipeline/language.h"

namespace sextant::index_internal {

// Whether the query names a recommendation record's field (from:, to:,
// response:, session:, type:recommendation): it then finds records, not
// segments.
bool AsksForRecords(std::string_view query);

// The boolean filter "XL<code>": the entries in `language`.
Xapian::Query LanguageFilter(Language language);

// The query with its field:value words left out (its free text).
std::string FreeText(std::string_view query);

// The user query as a Xapian query: Chinese runs cut as the index cuts
// them, record fields folded, bracketed values quoted, free text stemmed in
// `language`, or, without one, in the language its script says (Han → zh,
// Arabic → ar, Cyrillic → ru; Latin: each language's entries with its own
// stemmer). An empty query is Xapian::Query::MatchAll. Throws
// Xapian::QueryParserError on a query that does not parse.
Xapian::Query BuildTextQuery(const Xapian::Database& db, std::string_view query, std::optional<Language> language,
                             ChineseTerms chinese);

}  // namespace sextant::index_internal
