// `sextant search`: passages out of the index, with their translation
// beside them.
#include <iostream>

#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/index_flags.h"
#include "index/index_searcher.h"
#include "pipeline/json_line.h"
#include "serve/parallel_marks.h"
#include "serve/cross_search.h"

namespace sextant::cli {
namespace {

// `via` (with --cross): beside the hits, how each was found.
void PrintJson(const SearchResult& result, const std::vector<std::optional<CrossVia>>* via = nullptr) {
  using nlohmann::json;
  json hits = json::array();
  for (const SearchHit& hit : result.hits) {
    json parallel = json::object();
    for (const auto& [language, text] : hit.parallel) parallel[std::string(Code(language))] = text;
    json out = {{"symbol", hit.symbol}, {"language", std::string(Code(hit.language))},
                {"date", hit.date}, {"agenda_item", hit.agenda_item}, {"text", hit.text},
                {"snippet", hit.snippet}, {"parallel", parallel}, {"file", hit.path},
                {"page", hit.page}};
    if (!hit.parallel.empty()) {  // issue 16: the spans rendering the matched words
      json marks = json::object();
      for (const auto& [language, text] : hit.parallel) {
        json spans = json::array();
        const auto found = hit.parallel_marks.find(language);
        if (found != hit.parallel_marks.end()) {
          for (const auto& [begin, end] : found->second) spans.push_back({begin, end});
        }
        marks[std::string(Code(language))] = std::move(spans);
      }
      out["parallel_marks"] = std::move(marks);
    }
    if (hit.ocr) out["ocr"] = true;
    if (via != nullptr && (*via)[hits.size()]) {
      const CrossVia& found = *(*via)[hits.size()];
      out["via"] = {{"translation", found.translation}, {"from", std::string(Code(found.from))}};
    }
    if (!hit.record.empty()) {
      json record = json::parse(hit.record, nullptr, false);
      record.erase("kind");
      out["recommendation"] = std::move(record);
    }
    hits.push_back(std::move(out));
  }
  const SearchFacets& f = result.facets;
  json out = {{"total", result.total},
              {"hits", hits},
              {"facets", {{"language", f.languages}, {"year", f.years}, {"series", f.series}}}};
  if (!result.missing_shards.empty()) out["missing_shards"] = result.missing_shards;
  std::cout << JsonLine(out) << '\n';
}

void PrintText(const SearchResult& result, const std::vector<std::optional<CrossVia>>* via = nullptr) {
  const bool records = !result.hits.empty() && !result.hits.front().record.empty();
  std::cout << result.total << (records ? " recommendations\n" : " passages\n");
  for (std::size_t k = 0; k < result.hits.size(); ++k) {
    const SearchHit& hit = result.hits[k];
    if (!hit.record.empty()) {
      const nlohmann::json record = nlohmann::json::parse(hit.record, nullptr, false);
      std::string from;
      for (const auto& name : record.value("recommending", nlohmann::json::array())) {
        from += (from.empty() ? "" : ", ") + name.get<std::string>();
      }
      std::cout << "\n" << record.value("id", "") << "  " << Code(hit.language) << "  "
                << (record["response"].is_string() ? record["response"].get<std::string>() : "no response")
                << "  from " << (from.empty() ? "?" : from) << "\n  " << hit.snippet << '\n';
      continue;
    }
    std::cout << "\n" << hit.symbol << "  " << Code(hit.language) << "  " << hit.date
              << (hit.agenda_item.empty() ? "" : "  item " + hit.agenda_item) << "\n  " << hit.snippet << '\n';
    if (via != nullptr && (*via)[k]) {
      std::cout << "  (found through a translation from " << Code((*via)[k]->from) << ": " << (*via)[k]->translation
                << ")\n";
    }
    for (const auto& [language, text] : hit.parallel) {
      if (text.empty()) continue;
      // The words rendering the matched ones between ** as the snippet's.
      std::string shown = text;
      const auto found = hit.parallel_marks.find(language);
      if (found != hit.parallel_marks.end()) {
        for (auto span = found->second.rbegin(); span != found->second.rend(); ++span) {
          shown.insert(span->second, "**");
          shown.insert(span->first, "**");
        }
      }
      std::cout << "  [" << Code(language) << "] " << shown << '\n';
    }
  }
}

// --cross: the query as given and translated into the other languages
// (serve/cross_search.h); `via` says which hits came through a translation.
Status SearchAcross(IndexSearcher& searcher, const IndexShards& where, const std::string& query,
                    const SearchOptions& options, const std::string& dictionaries, SearchResult* result,
                    std::vector<std::optional<CrossVia>>* via) {
  QueryTranslator translator(where.LexiconFolders(), dictionaries);
  CrossSearchResult cross;
  const Status status = CrossSearch(searcher, translator, query, options, &cross);
  for (const std::string& warning : translator.TakeWarnings()) PrintProblem(warning);
  *result = std::move(cross.result);
  *via = std::move(cross.via);
  return status;
}

}  // namespace

int Search(const CommandArgs& args) {
  IndexShards where;
  SearchOptions options;
  std::string sort = "relevance";
  int limit = static_cast<int>(options.limit);
  bool as_json = false;
  std::string marks = "on", dictionaries = kDefaultDictionaryFolder;
  bool cross = false;
  Flags flags("search", "[--index DIR]... [--remote HOST:PORT]... [--lang L] [--show L2] [--marks on|off] [--sort relevance|date] [--limit N] [--json] [--cross] QUERY",
              "Finds passages in the index by words in any language and by field:\n"
              "  symbol:CTOC/COP/WG.4/*  cited:A/RES/70/1  resolution:7/1  item:1(a)\n"
              "  body:WG.4  type:RES  lang:zh  year:2022  recommendation:yes\n"
              "each hit with its translation beside it (--show); and recommendations as\n"
              "records, by who made them, to whom, the answer and the session:\n"
              "  type:recommendation  from:Norway  to:Afghanistan  response:noted  session:5");
  AddIndexFlags(flags, &where);
  flags.LanguageCode("--lang", &options.language, "only passages in this language");
  flags.LanguageCode("--show", &options.show, "the translation to show beside each hit");
  flags.Choice("--marks", &marks, {"on", "off"},
               "with --show, mark the words of the translation that render the\n"
               "matched words (by the index's lexicon, FreeDict and the pair itself;\n"
               "default on)");
  flags.Text("--dictionary", &dictionaries, "DIR",
             "FreeDict's dictionaries for the marks and --cross (default\n"
             "/usr/share/dictd); none: not used");
  flags.Choice("--sort", &sort, {"relevance", "date"}, "the order of the hits (default relevance)");
  flags.Number("--limit", &limit, 1, 1000, "N", "how many hits at the most (default 10)");
  flags.Switch("--json", &as_json,
               "one JSON object: total, hits [{symbol, language, date, agenda_item,\n"
               "text, snippet, parallel, parallel_marks {L2: [[begin, end]...]} (byte\n"
               "offsets into parallel.L2), file, page, recommendation (a record)}],\n"
               "facets, missing_shards (with --partial-results, when one is down)");
  flags.Switch("--cross", &cross,
               "also search the query translated into the other languages (the index's\n"
               "lexicon, DIR/lexicon/, and FreeDict's dictionaries), so that documents\n"
               "with no version in the query's language are found; such hits say so\n"
               "(JSON: \"via\": {\"translation\", \"from\"}). --lang then names the query's\n"
               "language (default: from its script, Latin as English)");
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  std::string query;
  for (const std::string& word : flags.positionals()) query += (query.empty() ? "" : " ") + word;
  if (query.empty()) return flags.Fail("search needs a query");
  options.sort = sort == "date" ? SearchSort::kDate : SearchSort::kRelevance;
  options.limit = static_cast<std::size_t>(limit);
  options.marks = options.show.has_value() && marks == "on";

  UseDefaultIndex(&where);
  std::unique_ptr<IndexSearcher> searcher;
  if (const Status status = IndexSearcher::Open(where, &searcher); !status.ok()) {
    PrintProblem(status.message());
    return 1;
  }
  const std::string dictionary_folder = dictionaries == "none" ? "" : dictionaries;
  SearchResult result;
  std::vector<std::optional<CrossVia>> via;
  const Status status = cross ? SearchAcross(*searcher, where, query, options, dictionary_folder, &result, &via)
                              : searcher->Search(query, options, &result);
  if (!status.ok()) {
    PrintProblem(status.message());
    return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  if (options.marks) {
    WordLinkers linkers(where.LexiconFolders(), dictionary_folder);
    AddParallelMarks(&result, linkers);
    for (const std::string& warning : linkers.TakeWarnings()) PrintProblem(warning);
  }
  for (const std::string& missing : result.missing_shards) {
    PrintProblem("left out a shard that does not answer: " + missing);
  }
  if (as_json) {
    PrintJson(result, cross ? &via : nullptr);
  } else {
    PrintText(result, cross ? &via : nullptr);
  }
  return 0;
}

}  // namespace sextant::cli
