// The index entries of a document's recommendation records (schema in
// schema.h): one Xapian document per record, XZrecommendation, with its
// words, its fields as filters (from: the recommending States or body, to:
// the addressee, response:, session:, type:recommendation) and the record's
// JSON (pipeline/recommendation_record.h) as its data. Internal to index/.
//
// Thread-safety: pure functions; the analyzer is the caller's.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/schema.h"
#include "pipeline/document.h"

namespace sextant::index_internal {

// A field value as the index holds it: lower case, white space folded
// ("Czech Republic" → "czech republic").
std::string FoldFieldValue(std::string_view value);

// The values a name is found by: itself, and without its parenthesis
// ("Iran (Islamic Republic of)" → also "iran").
std::vector<std::string> NameValues(std::string_view name);

// Appends one entry per record of `document` to `out`; `add_common` adds
// the terms and values every entry of the version shares (language,
// symbol, year, path, content hash, date).
void AddRecommendationEntries(const Document& document, const std::string& content_hash,
                              const TextAnalyzer& analyzer, const std::function<void(Xapian::Document&)>& add_common,
                              std::vector<Xapian::Document>& out);

}  // namespace sextant::index_internal
