// `sextant history`: the threads of recommendations that match a query,
// each the same recommendation made again over sessions, oldest first.
#include <iostream>

#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/index_flags.h"
#include "index/recommendation_history.h"
#include "pipeline/json_line.h"

namespace sextant::cli {
namespace {

void PrintText(const HistoryResult& result) {
  std::cout << result.matched << " recommendations in " << result.total << " threads\n";
  for (const RecommendationThread& thread : result.threads) {
    std::cout << "\nto " << (thread.addressee.empty() ? "?" : thread.addressee) << ", " << thread.items.size()
              << (thread.items.size() == 1 ? " wording\n" : " wordings\n");
    for (const ThreadRecord& item : thread.items) {
      std::string from;
      for (const std::string& name : item.recommending) from += (from.empty() ? "" : ", ") + name;
      std::cout << "  " << (item.meeting_dates.empty() ? std::string("?") : item.meeting_dates.front()) << "  "
                << item.id << "  " << item.language << "  session " << (item.session.empty() ? "?" : item.session)
                << "  " << (item.response.empty() ? "no response" : item.response) << "  from "
                << (from.empty() ? "?" : from) << "\n    " << item.text << '\n';
    }
  }
}

}  // namespace

int History(const CommandArgs& args) {
  IndexShards where;
  int limit = 20;
  bool as_json = false;
  Flags flags("history", "[--index DIR]... [--remote HOST:PORT]... [--limit N] [--json] QUERY",
              "The history of recommendations: the records that match QUERY (words, and\n"
              "from:, to:, response:, session:, symbol:, year: ...), each in its thread of the\n"
              "same recommendation made again to the same addressee in other sessions,\n"
              "reworded or not, oldest first, with the words that changed between wordings.");
  AddIndexFlags(flags, &where);
  flags.Number("--limit", &limit, 1, 1000, "N", "how many threads at the most (default 20)");
  flags.Switch("--json", &as_json,
               "one JSON object: matched, total, threads [{addressee, items [{id,\n"
               "symbol, session, meeting_dates, text, recommending, response,\n"
               "language, file}], changes [{from, to, words [{op, text}]}]}]");
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  std::string query;
  for (const std::string& word : flags.positionals()) query += (query.empty() ? "" : " ") + word;
  if (query.empty()) return flags.Fail("history needs a query (words, or to:STATE, from:STATE, ...)");

  UseDefaultIndex(&where);
  std::unique_ptr<IndexSearcher> searcher;
  if (const Status status = IndexSearcher::Open(where, &searcher); !status.ok()) {
    PrintProblem(status.message());
    return 1;
  }
  HistoryOptions options;
  options.limit = static_cast<std::size_t>(limit);
  HistoryResult result;
  if (const Status status = ReadHistory(*searcher, query, options, &result); !status.ok()) {
    PrintProblem(status.message());
    return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  for (const std::string& missing : result.missing_shards) {
    PrintProblem("left out a shard that does not answer: " + missing);
  }
  if (as_json) {
    std::cout << JsonLine(HistoryJson(result)) << '\n';
  } else {
    PrintText(result);
  }
  return 0;
}

}  // namespace sextant::cli
