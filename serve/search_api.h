// SearchApi: the JSON API of `sextant serve`, as plain functions of a
// request (path + query parameters) to a response (status, content type,
// body), with no HTTP in it, so that every endpoint and every error can be
// tested without a socket. http_server.h puts it behind cpp-httplib.
//
// Endpoints (all GET; documented with examples in docs/api.md):
//   /api/search     q, lang, show, symbol, cited, resolution, item, from, to,
//                   recommendation, sort, offset, limit, facets (yes|no),
//                   marks (yes|no: with show, parallel_marks, issue 16)
//   /api/terms      q, lang, show, examples, max_passages: the renderings
//                   of a term (serve/term_renderings.h)
//   /api/versions   id (own symbol or content hash): its language versions
//   /api/document   id, lang, offset, limit (paragraphs)
//   /api/alignment  id, source, target, offset, limit (links)
//   /api/alignment.tmx  id, source, target: TMX 1.4b, as a download (whole)
//   /api/recommendations  q, recommending, addressee, response, session,
//                   year, symbol, lang, from, to, sort, offset, limit,
//                   format (json | csv: a download, up to kMaxCsvRecords)
//   /api/history    the same filters; offset, limit (threads)
// A bad parameter gives 400 with {"error": "..."} naming the parameter and
// what it takes; an unknown document or path 404; a failing index 500.
// Bounds: a query of at most kMaxQueryBytes, limit ≤ kMaxLimit, offset ≤
// kMaxOffset, filter values of at most 200 bytes without spaces or quotes.
// A document or an alignment comes a page at a time: kPageDefault
// paragraphs or links unless `limit` says otherwise (at most kPageMax);
// the answer gives "total", "offset", "limit" and "next_offset" (null on
// the last page); an offset past the end is a 400.
//
// Snippets: "snippet" is plain text with the matched words between "**";
// "snippet_html" is the same excerpt HTML-escaped with the matched words in
// <mark>…</mark>, the only markup the API ever returns.
//
// Thread-safety: Handle() may be called from many threads at once; each
// call borrows its own IndexSearcher and RecordReader from a pool (Xapian
// handles are one per thread) and reopens them, so a running ingest's
// commits are seen. Nothing is ever written to the index.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "index/index_searcher.h"
#include "stages/align/query_translation.h"
#include "index/index_shards.h"
#include "index/record_reader.h"
#include "pipeline/status.h"
#include "stages/align/word_links.h"

namespace sextant {

inline constexpr std::size_t kMaxQueryBytes = 500;
inline constexpr std::size_t kMaxLimit = 100;
// Records in one CSV download of /api/recommendations.
inline constexpr std::size_t kMaxCsvRecords = 20000;
inline constexpr std::size_t kMaxOffset = 10000;
// Passages of a term read by /api/terms at the most.
inline constexpr std::size_t kMaxTermPassages = 5000;
// Paragraphs (/api/document) or links (/api/alignment) in one answer.
inline constexpr std::size_t kPageDefault = 200;
inline constexpr std::size_t kPageMax = 1000;
inline constexpr std::size_t kMaxPageOffset = 1000000;
// Facet counts and the total are counted over at most this many matches,
// then scaled ("total_exact": false): a common word among 200,000
// segments costs a bounded look, not a full match.
inline constexpr std::size_t kFacetSample = 2000;

struct ApiRequest {
  std::string path;                           // "/api/search"
  std::map<std::string, std::string> params;  // decoded; the last value of a repeated name
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::string download_name;  // set: sent as an attachment with this file name
};

class SearchApi {
 public:
  // Fails like IndexSearcher::Open() (the folder named, and what to do).
  static Status Open(const std::string& folder, std::unique_ptr<SearchApi>* api);
  // Over several shards (index/index_shards.h): a shard down gives 503
  // naming it, or with partial results the others' answer, the missing
  // shards named in "missing_shards".
  static Status Open(const IndexShards& where, std::unique_ptr<SearchApi>* api);
  ~SearchApi();
  SearchApi(const SearchApi&) = delete;
  SearchApi& operator=(const SearchApi&) = delete;

  // Never shows a path of the server's machine: an error that would name
  // the index folder (a missing document, a damaged index) gives only its
  // last name ("idx", not "/srv/data/idx"); so do missing shards.
  ApiResponse Handle(const ApiRequest& request);

  const IndexShards& where() const { return where_; }

 private:
  struct Handles {
    std::unique_ptr<IndexSearcher> searcher;
    std::unique_ptr<RecordReader> reader;
    std::unique_ptr<QueryTranslator> translator;  // cross=yes, made when first asked
  };
  class Borrowed;

  explicit SearchApi(IndexShards where);
  // `text` with every index folder's path (as given, absolute, canonical)
  // replaced by its last name; `json_quoted`: as the paths appear inside a
  // JSON string.
  std::string HideFolders(std::string text, bool json_quoted) const;
  std::vector<std::string> HideFolders(std::vector<std::string> texts) const;
  Status Acquire(std::unique_ptr<Handles>* handles);
  void Release(std::unique_ptr<Handles> handles);
  ApiResponse Answer(const ApiRequest& request);

  ApiResponse Search(const ApiRequest& request, Handles& handles);
  ApiResponse Versions(const ApiRequest& request, Handles& handles);
  ApiResponse Document(const ApiRequest& request, Handles& handles);
  ApiResponse Alignment(const ApiRequest& request, Handles& handles, bool as_tmx);
  ApiResponse Recommendations(const ApiRequest& request, Handles& handles);
  ApiResponse History(const ApiRequest& request, Handles& handles);
  ApiResponse Terms(const ApiRequest& request, Handles& handles);

  IndexShards where_;
  WordLinkers linkers_;  // the index's lexicon and FreeDict, loaded per pair on first use
  std::mutex mutex_;
  std::vector<std::unique_ptr<Handles>> idle_;
};

// `text` with & < > " ' written as HTML entities.
std::string EscapeHtml(std::string_view text);

}  // namespace sextant
