#include "serve/cross_search.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// A translated search gives this many times the hits asked for, for the
// merge to choose among.
constexpr std::size_t kTranslatedHitsLookedAt = 3;

void AddCounts(std::map<std::string, std::size_t>& into, const std::map<std::string, std::size_t>& from) {
  for (const auto& [key, count] : from) into[key] += count;
}

// The share of the query's words (those with renderings) that a hit found
// through `translation` renders: a rendering in its text, lower-cased.
double Coverage(const QueryTranslation& translation, const std::string& text) {
  if (translation.words.empty()) return 0;
  const std::string lower = LowerCase(text);
  std::size_t covered = 0;
  for (const auto& [word, renderings] : translation.words) {
    for (const std::string& rendering : renderings) {
      if (lower.find(rendering) != std::string::npos) {
        ++covered;
        break;
      }
    }
  }
  return static_cast<double>(covered) / static_cast<double>(translation.words.size());
}

}  // namespace

Status CrossSearch(IndexSearcher& searcher, QueryTranslator& translator, std::string_view query,
                   const SearchOptions& options, CrossSearchResult* out) {
  *out = CrossSearchResult();
  out->query_language = options.language.value_or(QueryTranslator::GuessLanguage(query));
  // Each search gives its best offset + limit; the merge cuts.
  SearchOptions each = options;
  each.offset = 0;
  each.limit = options.offset + options.limit;
  each.language.reset();
  struct Found {
    SearchHit hit;
    std::optional<CrossVia> via;
    double coverage = 1;  // of the query's words: all, for the query as given (its words are ANDed)
  };
  std::vector<Found> found;
  SearchResult& merged = out->result;
  merged.exact = true;
  const auto take = [&](SearchResult& result, const QueryTranslation* translation) {
    merged.total += result.total;
    merged.exact = merged.exact && result.exact;
    AddCounts(merged.facets.languages, result.facets.languages);
    AddCounts(merged.facets.years, result.facets.years);
    AddCounts(merged.facets.series, result.facets.series);
    for (std::string& missing : result.missing_shards) {
      if (std::find(merged.missing_shards.begin(), merged.missing_shards.end(), missing) == merged.missing_shards.end()) {
        merged.missing_shards.push_back(std::move(missing));
      }
    }
    for (SearchHit& hit : result.hits) {
      if (translation == nullptr) {
        found.push_back({std::move(hit), std::nullopt, 1});
      } else {
        const double coverage = Coverage(*translation, hit.text);
        found.push_back({std::move(hit), CrossVia{translation->query, translation->from}, coverage});
      }
    }
  };
  {
    SearchResult direct;
    if (Status status = searcher.Search(query, each, &direct); !status.ok()) return status;
    take(direct, nullptr);
  }
  for (const LanguageInfo& info : AllLanguages()) {
    if (info.language == out->query_language) continue;
    QueryTranslation translation = translator.Translate(query, out->query_language, info.language);
    if (!translation.query.empty()) {
      SearchOptions in_language = each;
      in_language.language = info.language;
      in_language.limit = each.limit * kTranslatedHitsLookedAt;
      SearchResult result;
      if (Status status = searcher.Search(translation.query, in_language, &result); !status.ok()) return status;
      take(result, &translation);
    }
    out->translations.push_back(std::move(translation));
  }
  std::stable_sort(found.begin(), found.end(), [&](const Found& a, const Found& b) {
    if (options.sort == SearchSort::kDate) return a.hit.date < b.hit.date;
    if (a.coverage != b.coverage) return a.coverage > b.coverage;
    // Weights of searches in different languages do not compare: at an
    // equal share, what the query as given found comes first.
    if (a.via.has_value() != b.via.has_value()) return !a.via.has_value();
    return a.hit.weight > b.hit.weight;
  });
  std::set<std::pair<std::string, std::size_t>> seen;
  std::size_t skipped = 0;
  for (Found& each_found : found) {
    if (!seen.insert({each_found.hit.content_hash, each_found.hit.segment}).second) continue;
    if (skipped < options.offset) {
      ++skipped;
      continue;
    }
    if (merged.hits.size() == options.limit) break;
    merged.hits.push_back(std::move(each_found.hit));
    out->via.push_back(std::move(each_found.via));
  }
  return Status::Ok();
}

}  // namespace sextant
