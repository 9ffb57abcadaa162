// The history of recommendations in an index: the records that match a
// query, each in its thread (pipeline/recommendation_threads.h) of the
// same recommendation made again in other sessions, threads oldest first.
// Threads are made when asked, from every record to the matched records'
// addressees, so a document ingested later joins its threads at once.
//
// JSON (sextant history --json, /api/history):
//   {"matched": N, "total": T, "threads": [{"addressee",
//     "items": [{"id", "symbol", "session", "meeting_dates", "text",
//                "recommending", "response", "language", "file"}],
//     "changes": [{"from": id, "to": id, "words": [{"op": "same" | "added"
//                  | "removed", "text"}]}]}], "missing_shards": […] when any}
//
// Thread-safety: uses the caller's searcher (one thread at a time).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/index_searcher.h"
#include "pipeline/recommendation_threads.h"
#include "pipeline/status.h"

namespace sextant {

struct HistoryOptions {
  std::size_t offset = 0, limit = 20;  // threads
  std::size_t record_limit = 5000;     // matched records looked at, at the most
};

struct HistoryResult {
  std::size_t matched = 0;  // records matching the query
  std::size_t total = 0;    // threads holding them
  std::vector<RecommendationThread> threads;  // [offset, offset + limit)
  // Shards that did not answer (partial results only; "missing_shards" in
  // the JSON when any): threads may then lack their records.
  std::vector<std::string> missing_shards;
};

Status ReadHistory(IndexSearcher& searcher, std::string_view query, const HistoryOptions& options,
                   HistoryResult* result);

nlohmann::json HistoryJson(const HistoryResult& result);

}  // namespace sextant
