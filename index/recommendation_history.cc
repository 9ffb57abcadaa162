#include "index/recommendation_history.h"

#include <algorithm>
#include <set>
#include <string>

#include "index/recommendation_entries.h"

namespace sextant {
namespace {

constexpr std::size_t kRecordsPerAddressee = 20000;
constexpr std::size_t kMaxAddressees = 50;

ThreadRecord RecordOf(const std::string& data) {
  const nlohmann::json json = nlohmann::json::parse(data, nullptr, false);
  ThreadRecord record;
  if (!json.is_object()) return record;
  const auto text = [&json](const char* key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  record.id = text("id");
  record.symbol = text("symbol");
  record.number = text("number");
  record.language = text("language");
  record.text = text("text");
  record.addressee = text("addressee");
  record.response = text("response");
  record.session = text("session");
  record.file = text("file");
  for (const auto& name : json.value("recommending", nlohmann::json::array())) {
    if (name.is_string()) record.recommending.push_back(name.get<std::string>());
  }
  for (const auto& date : json.value("meeting_dates", nlohmann::json::array())) {
    if (date.is_string()) record.meeting_dates.push_back(date.get<std::string>());
  }
  return record;
}

Status Records(IndexSearcher& searcher, const std::string& query, std::size_t limit, std::vector<ThreadRecord>* out,
               std::vector<std::string>* missing_shards) {
  SearchOptions options;
  options.limit = limit;
  options.facets = false;
  options.sort = SearchSort::kDate;
  options.snippet_bytes = 0;
  SearchResult result;
  if (Status status = searcher.Search(query, options, &result); !status.ok()) return status;
  for (const SearchHit& hit : result.hits) out->push_back(RecordOf(hit.record));
  for (std::string& shard : result.missing_shards) {
    if (std::find(missing_shards->begin(), missing_shards->end(), shard) == missing_shards->end()) {
      missing_shards->push_back(std::move(shard));
    }
  }
  return Status::Ok();
}

}  // namespace

Status ReadHistory(IndexSearcher& searcher, std::string_view query, const HistoryOptions& options,
                   HistoryResult* result) {
  *result = HistoryResult();
  std::vector<ThreadRecord> matched;
  if (Status status = Records(searcher, std::string(query) + " type:recommendation", options.record_limit, &matched,
                                 &result->missing_shards);
      !status.ok()) {
    return status;
  }
  result->matched = matched.size();
  std::set<std::string> matched_ids, addressees;
  for (const ThreadRecord& record : matched) {
    matched_ids.insert(record.id);
    if (!record.addressee.empty() && addressees.size() < kMaxAddressees) {
      addressees.insert(index_internal::FoldFieldValue(record.addressee));
    }
  }
  // Every record to those addressees, so that threads reach beyond the match.
  std::vector<ThreadRecord> records;
  std::set<std::string> seen;
  for (const std::string& addressee : addressees) {
    if (addressee.find('"') != std::string::npos) continue;
    std::vector<ThreadRecord> to;
    if (Status status = Records(searcher, "to:\"" + addressee + "\"", kRecordsPerAddressee, &to, &result->missing_shards);
        !status.ok()) {
      return status;
    }
    for (ThreadRecord& record : to) {
      if (seen.insert(record.id + "\n" + record.language).second) records.push_back(std::move(record));
    }
  }
  for (ThreadRecord& record : matched) {
    if (seen.insert(record.id + "\n" + record.language).second) records.push_back(std::move(record));
  }
  std::vector<RecommendationThread> threads;
  for (RecommendationThread& thread : ThreadRecommendations(std::move(records))) {
    bool holds_match = false;
    for (const ThreadRecord& item : thread.items) holds_match = holds_match || matched_ids.count(item.id) > 0;
    if (holds_match) threads.push_back(std::move(thread));
  }
  result->total = threads.size();
  for (std::size_t i = options.offset; i < threads.size() && i < options.offset + options.limit; ++i) {
    result->threads.push_back(std::move(threads[i]));
  }
  return Status::Ok();
}

nlohmann::json HistoryJson(const HistoryResult& result) {
  using nlohmann::json;
  json threads = json::array();
  for (const RecommendationThread& thread : result.threads) {
    json items = json::array();
    for (const ThreadRecord& item : thread.items) {
      items.push_back({{"id", item.id},
                       {"symbol", item.symbol},
                       {"session", item.session.empty() ? json(nullptr) : json(item.session)},
                       {"meeting_dates", item.meeting_dates},
                       {"text", item.text},
                       {"recommending", item.recommending},
                       {"response", item.response.empty() ? json(nullptr) : json(item.response)},
                       {"language", item.language},
                       {"file", item.file}});
    }
    json changes = json::array();
    for (const RecommendationThread::Change& change : thread.changes) {
      json words = json::array();
      for (const WordChange& word : change.words) {
        words.push_back({{"op", std::string(WordChangeName(word.kind))}, {"text", word.text}});
      }
      changes.push_back({{"from", thread.items[change.from].id}, {"to", thread.items[change.to].id}, {"words", words}});
    }
    threads.push_back({{"addressee", thread.addressee}, {"items", items}, {"changes", changes}});
  }
  json out = {{"matched", result.matched}, {"total", result.total}, {"threads", threads}};
  if (!result.missing_shards.empty()) out["missing_shards"] = result.missing_shards;
  return out;
}

}  // namespace sextant
