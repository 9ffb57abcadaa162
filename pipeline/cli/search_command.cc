// `sextant search`: passages out of the index, with their translation
// beside them.
#include <iostream>

#include <nlohmann/json.hpp>

#include "index/index_searcher.h"
#include "pipeline/cli/commands.h"

namespace sextant::cli {

int Search(const std::vector<std::string>& args) {
  std::string folder = kDefaultIndex;
  SearchOptions options;
  bool as_json = false;
  std::string query;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool value = i + 1 < args.size();
    if (args[i] == "--index" && value) {
      folder = args[++i];
    } else if ((args[i] == "--lang" || args[i] == "--show") && value) {
      const auto language = LanguageFromCode(args[i + 1]);
      if (!language) return Usage(args[i] + " takes one of ar zh en fr ru es");
      (args[i] == "--lang" ? options.language : options.show) = language;
      ++i;
    } else if (args[i] == "--sort" && value) {
      const std::string sort = args[++i];
      if (sort != "relevance" && sort != "date") return Usage("--sort takes relevance or date");
      options.sort = sort == "date" ? SearchSort::kDate : SearchSort::kRelevance;
    } else if (args[i] == "--limit" && value) {
      options.limit = static_cast<std::size_t>(std::max(1, std::min(1000, std::atoi(args[++i].c_str()))));
    } else if (args[i] == "--json") {
      as_json = true;
    } else if (args[i].rfind("--", 0) == 0) {
      return Usage("unknown option " + args[i]);
    } else {
      query += (query.empty() ? "" : " ") + args[i];
    }
  }
  if (query.empty()) return Usage("search needs a query");
  std::unique_ptr<IndexSearcher> searcher;
  if (const Status status = IndexSearcher::Open(folder, &searcher); !status.ok()) {
    std::cerr << "sextant: " << status.message() << '\n';
    return 1;
  }
  SearchResult result;
  if (const Status status = searcher->Search(query, options, &result); !status.ok()) {
    std::cerr << "sextant: " << status.message() << '\n';
    return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  using nlohmann::json;
  if (as_json) {
    json hits = json::array();
    for (const SearchHit& hit : result.hits) {
      json parallel = json::object();
      for (const auto& [language, text] : hit.parallel) parallel[std::string(Code(language))] = text;
      hits.push_back({{"symbol", hit.symbol}, {"language", std::string(Code(hit.language))},
                      {"date", hit.date}, {"agenda_item", hit.agenda_item}, {"text", hit.text},
                      {"snippet", hit.snippet}, {"parallel", parallel}, {"file", hit.path},
                      {"page", hit.page}});
    }
    const SearchFacets& f = result.facets;
    std::cout << json{{"total", result.total}, {"hits", hits},
                      {"facets", {{"language", f.languages}, {"year", f.years}, {"series", f.series}}}}
                     .dump(-1, ' ', false, json::error_handler_t::replace)
              << '\n';
    return 0;
  }
  std::cout << result.total << " passages\n";
  for (const SearchHit& hit : result.hits) {
    std::cout << "\n" << hit.symbol << "  " << Code(hit.language) << "  " << hit.date
              << (hit.agenda_item.empty() ? "" : "  item " + hit.agenda_item) << "\n  " << hit.snippet << '\n';
    for (const auto& [language, text] : hit.parallel) {
      if (!text.empty()) std::cout << "  [" << Code(language) << "] " << text << '\n';
    }
  }
  return 0;
}

}  // namespace sextant::cli
