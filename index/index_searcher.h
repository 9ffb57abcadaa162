// IndexSearcher: queries a Sextant Xapian index (see index/schema.h) for
// segments by words, symbol, agenda item, date and the other fields, with
// the aligned text of another language beside each hit, and facet counts.
//
// Query syntax: Xapian's QueryParser (AND, OR, NOT, "phrases", +/-, brackets;
// terms are combined with AND by default) with these boolean fields:
//   symbol:CTOC/COP/WG.4/2022/2   symbol:CTOC/COP/WG.4/*   cited:A/RES/55/25
//   resolution:7/1   item:1(a)   body:WG.4   type:RES   lang:en   year:2022
//   recommendation:yes
// and, for recommendations as records (a query with one of these finds
// records, not segments):
//   type:recommendation   from:Norway   from:"Czech Republic"   to:Afghanistan
//   response:supported | to_be_examined | noted | none   session:5
// (from:, to: and response: values in any case).
// Free text is stemmed in the query language: the language filter when
// given, else guessed from the script (Han → zh, Arabic → ar, Cyrillic → ru,
// Latin → en, fr and es each on its own language's segments, and unstemmed
// on the others). Chinese needs no spaces: a run of Han characters is cut as
// the index cuts it and searched as a phrase.
//
// Contract: Open() fails with a Status naming the folder when it is missing,
// not an index, or corrupt, and a shard that does not answer (kUnavailable;
// see index/index_shards.h); Search() fails on a query that does not parse.
// Snippets are plain text with the matched words between the highlight
// markers of the options.
//
// Thread-safety: an IndexSearcher is used by one thread at a time (Xapian
// database handles are not shared across threads); open one per thread.
// It sees the database as it was when opened (call Reopen() for news).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "index/index_shards.h"
#include "index/schema.h"
#include "pipeline/language.h"
#include "pipeline/status.h"

namespace sextant {

enum class SearchSort { kRelevance, kDate };

struct SearchOptions {
  std::optional<Language> language;  // only segments in this language
  std::optional<Language> show;      // fill SearchHit::parallel with this language
  SearchSort sort = SearchSort::kRelevance;  // kDate: oldest first
  std::size_t offset = 0;
  std::size_t limit = 10;
  // Inclusive, ISO "2022", "2022-06" or "2022-06-27"; empty: open ended.
  std::string date_from, date_to;
  bool facets = true;  // count the whole match set (costs a full match)
  // With facets: look at no more than this many matches (0: all of them);
  // beyond it the total is estimated and the facet counts are scaled up
  // from the ones seen (SearchResult::exact is then false).
  std::size_t facet_sample = 0;
  std::string highlight_begin = "**", highlight_end = "**";
  std::size_t snippet_bytes = 200;  // 0: no snippet at all
  // Fill SearchHit::marks: the byte spans of the hit's text whose words
  // the query's terms match (cut and stemmed as the index cuts them), and
  // in Chinese the query's Han runs where they occur whole (issue 16).
  bool marks = false;
};

struct SearchHit {
  std::string symbol;
  Language language = Language::kEnglish;
  std::string date;         // ISO, as in the document
  std::string agenda_item;
  std::string text;         // the whole segment
  std::string snippet;      // highlighted excerpt
  std::string path;
  std::string content_hash;  // of the file: names the document when it has no symbol
  int page = 0;
  std::size_t segment = 0;  // index through its document
  bool ocr = false;         // its text was read by OCR from a page's image
  double weight = 0;
  std::map<Language, std::string> parallel;  // the aligned text, for options.show
  // With options.marks: [begin, end) byte spans of `text` holding the words
  // the query matched, in order, not overlapping.
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  // The spans of each parallel text that render the marks: filled by
  // AddParallelMarks() (serve/parallel_marks.h), not by the searcher.
  std::map<Language, std::vector<std::pair<std::size_t, std::size_t>>> parallel_marks;
  // A recommendation record (a query with a record field): the record as
  // JSON (pipeline/recommendation_record.h, with "kind"); empty for segments.
  std::string record;
};

struct SearchFacets {
  std::map<std::string, std::size_t> languages, years, series;
  // Recommendation records only: counts by recommending State or body (a
  // record made by two States counts for each), addressee, response
  // ("none" when the document gives none) and session.
  std::map<std::string, std::size_t> recommending, addressees, responses, sessions;
};

struct SearchResult {
  std::size_t total = 0;  // matching segments or records (exact when `exact`)
  bool exact = false;     // total and facets counted over the whole match set
  std::vector<SearchHit> hits;
  SearchFacets facets;
  // Shards left out because they did not answer (IndexShards::
  // partial_results only): "HOST:PORT (why)". Empty: every shard answered.
  std::vector<std::string> missing_shards;
};

class IndexSearcher {
 public:
  static Status Open(const std::string& folder, std::unique_ptr<IndexSearcher>* searcher);
  // Several shards searched as one (index/index_shards.h).
  static Status Open(const IndexShards& where, std::unique_ptr<IndexSearcher>* searcher);
  ~IndexSearcher();
  IndexSearcher(const IndexSearcher&) = delete;
  IndexSearcher& operator=(const IndexSearcher&) = delete;

  Status Search(std::string_view query, const SearchOptions& options, SearchResult* result);

  // The aligned text, in `language`, of segment `segment` (through its
  // document) of the file with `content_hash`; "" when nothing is aligned.
  Status ParallelText(const std::string& content_hash, std::size_t segment, Language language,
                      std::string* text);

  // FNV-1a over every term with its frequency, and the entry count: equal
  // checksums mean the same terms in the same number of entries (for
  // tests and consistency checks; reads the whole term list).
  std::string TermChecksum() const;

  Status Reopen();
  std::size_t entry_count() const;
  std::string metadata(std::string_view key) const;
  ChineseTerms chinese() const { return chinese_; }

 private:
  struct Impl;
  IndexSearcher(std::unique_ptr<Impl> impl, ChineseTerms chinese);
  Status SearchOnce(std::string_view query, const SearchOptions& options, SearchResult* result);
  Status ParallelTextOnce(const std::string& content_hash, std::size_t segment, Language language,
                          std::string* text);

  std::unique_ptr<Impl> impl_;
  ChineseTerms chinese_;
};

}  // namespace sextant
