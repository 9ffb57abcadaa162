#include "serve/search_api.h"

#include "serve/cross_search.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "pipeline/alignment_json.h"
#include "index/recommendation_history.h"
#include "pipeline/json_line.h"
#include "pipeline/recommendation_record.h"
#include "serve/parallel_marks.h"
#include "serve/term_renderings.h"
#include "stages/export/tmx_writer.h"

namespace sextant {
namespace {

using nlohmann::json;

// Private-use markers the searcher puts around matched words; turned into
// "**" for "snippet" and <mark> for "snippet_html".
constexpr std::string_view kMarkBegin = "\xEE\x80\x80";  // U+E000
constexpr std::string_view kMarkEnd = "\xEE\x80\x81";    // U+E001

ApiResponse Json(int status, const json& value) {
  ApiResponse response;
  response.status = status;
  response.body = JsonLine(value);
  return response;
}

ApiResponse Error(int status, const std::string& message) { return Json(status, json{{"error", message}}); }

ApiResponse FromStatus(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return Error(400, status.message());
    case StatusCode::kNotFound: return Error(404, status.message());
    case StatusCode::kUnavailable: return Error(503, status.message());
    default: return Error(500, status.message());
  }
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string Param(const ApiRequest& request, const std::string& name) {
  const auto it = request.params.find(name);
  return it == request.params.end() ? "" : it->second;
}

// A language parameter: empty when absent; an error message when not a code.
std::optional<Language> LanguageParam(const ApiRequest& request, const std::string& name, std::string* error) {
  const std::string value = Param(request, name);
  if (value.empty()) return std::nullopt;
  const auto language = LanguageFromCode(value);
  if (!language) *error = name + " takes one of ar zh en fr ru es, not '" + value + "'";
  return language;
}

// A whole number in [0, max]; `fallback` when absent.
bool NumberParam(const ApiRequest& request, const std::string& name, std::size_t fallback, std::size_t min,
                 std::size_t max, std::size_t* out, std::string* error) {
  const std::string value = Param(request, name);
  if (value.empty()) {
    *out = fallback;
    return true;
  }
  std::size_t number = 0;
  const auto [end, problem] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (problem != std::errc() || end != value.data() + value.size() || number < min || number > max) {
    *error = name + " takes a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", not '" +
             value + "'";
    return false;
  }
  *out = number;
  return true;
}

// A field value goes into the query as field:value, so it may not hold
// what would end or quote it.
bool FieldValueOk(const std::string& value) {
  if (value.size() > 200) return false;
  for (const unsigned char c : value) {
    if (c <= ' ' || c == '"' || c == 0x7F) return false;
  }
  return true;
}

json VersionsJson(const std::vector<RecordVersion>& versions) {
  json out = json::array();
  for (const RecordVersion& version : versions) {
    out.push_back({{"language", std::string(Code(version.language))}, {"date", version.date},
                   {"file", std::filesystem::path(version.path).filename().string()}, {"pages", version.pages},
                   {"segments", version.segments}});
  }
  return out;
}

// The page of a document or an alignment asked for: offset and limit,
// checked before anything is read.
bool PageParams(const ApiRequest& request, std::size_t* offset, std::size_t* limit, std::string* error) {
  return NumberParam(request, "limit", kPageDefault, 1, kPageMax, limit, error) &&
         NumberParam(request, "offset", 0, 0, kMaxPageOffset, offset, error);
}

// "total", "offset", "limit" and "next_offset" of a page of `count` items
// from `offset` among `total`.
void PageFields(json& out, std::size_t total, std::size_t offset, std::size_t limit, std::size_t count) {
  out["total"] = total;
  out["offset"] = offset;
  out["limit"] = limit;
  out["next_offset"] = offset + count < total ? json(offset + count) : json(nullptr);
}

// The query of /api/recommendations and /api/history: q with the record
// filters as fields (a name may hold spaces: from:"Czech Republic").
bool RecordQuery(const ApiRequest& request, std::string* query, std::string* error) {
  *query = Param(request, "q");
  if (query->size() > kMaxQueryBytes) {
    *error = "q is " + std::to_string(query->size()) + " bytes; the limit is " + std::to_string(kMaxQueryBytes);
    return false;
  }
  static constexpr std::pair<const char*, const char*> kFilters[] = {
      {"recommending", "from"}, {"addressee", "to"}, {"response", "response"}, {"session", "session"},
      {"year", "year"}, {"symbol", "symbol"}, {"lang", "lang"}};
  for (const auto& [param, field] : kFilters) {
    const std::string value = Param(request, param);
    if (value.empty()) continue;
    if (value.size() > 200 || value.find_first_of("\"\x7f") != std::string::npos ||
        std::any_of(value.begin(), value.end(), [](unsigned char c) { return c < ' '; })) {
      *error = std::string(param) + " takes one value of at most 200 bytes, without quotes";
      return false;
    }
    if (std::string_view(param) == "response" && value != "supported" && value != "to_be_examined" &&
        value != "noted" && value != "none") {
      *error = "response takes supported, to_be_examined, noted or none, not '" + value + "'";
      return false;
    }
    if (std::string_view(param) == "lang" && !LanguageFromCode(value)) {
      *error = "lang takes one of ar zh en fr ru es, not '" + value + "'";
      return false;
    }
    *query += std::string(query->empty() ? "" : " ") + field + ":\"" + value + "\"";
  }
  *query += std::string(query->empty() ? "" : " ") + "type:recommendation";
  return true;
}

std::string PastTheEnd(std::size_t offset, std::size_t total, const char* what) {
  const std::string count = total == 1 ? "is 1 " : "are " + std::to_string(total) + " ";
  return "offset " + std::to_string(offset) + " is past the end: there " + count + what + (total == 1 ? "" : "s");
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

class SearchApi::Borrowed {
 public:
  Borrowed(SearchApi& api, std::unique_ptr<Handles> handles) : api_(api), handles_(std::move(handles)) {}
  ~Borrowed() { api_.Release(std::move(handles_)); }
  Handles& operator*() { return *handles_; }

 private:
  SearchApi& api_;
  std::unique_ptr<Handles> handles_;
};

SearchApi::~SearchApi() = default;

Status SearchApi::Open(const std::string& folder, std::unique_ptr<SearchApi>* api) {
  return Open(IndexShards::Folder(folder), api);
}

Status SearchApi::Open(const IndexShards& where, std::unique_ptr<SearchApi>* api) {
  std::unique_ptr<SearchApi> opened(new SearchApi(where));
  std::unique_ptr<Handles> handles;
  if (Status status = opened->Acquire(&handles); !status.ok()) return status;
  opened->Release(std::move(handles));
  *api = std::move(opened);
  return Status::Ok();
}

Status SearchApi::Acquire(std::unique_ptr<Handles>* handles) {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      *handles = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (*handles) {
    if (Status status = (*handles)->searcher->Reopen(); !status.ok()) return status;
    return (*handles)->reader->Reopen();
  }
  auto fresh = std::make_unique<Handles>();
  if (Status status = IndexSearcher::Open(where_, &fresh->searcher); !status.ok()) return status;
  if (Status status = RecordReader::Open(where_, &fresh->reader); !status.ok()) return status;
  *handles = std::move(fresh);
  return Status::Ok();
}

void SearchApi::Release(std::unique_ptr<Handles> handles) {
  if (!handles) return;
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(handles));
}

ApiResponse SearchApi::Handle(const ApiRequest& request) {
  ApiResponse response = Answer(request);
  if (response.status >= 400) response.body = HideFolders(std::move(response.body), true);
  return response;
}

std::string SearchApi::HideFolders(std::string text, bool json_quoted) const {
  for (const std::string& given : where_.folders) {
    std::error_code error;
    // Longest first: the path as given may be the end of the others.
    for (const std::filesystem::path& folder : {std::filesystem::canonical(given, error),
                                                std::filesystem::absolute(given, error), std::filesystem::path(given)}) {
      std::string path = folder.string(), name = folder.filename().string();
      if (json_quoted) {  // as they appear inside a JSON string
        path = JsonLine(path).substr(1, JsonLine(path).size() - 2);
        name = JsonLine(name).substr(1, JsonLine(name).size() - 2);
      }
      if (path.size() > 1 && path != name) text = ReplaceAll(std::move(text), path, name);
    }
  }
  return text;
}

std::vector<std::string> SearchApi::HideFolders(std::vector<std::string> texts) const {
  for (std::string& text : texts) text = HideFolders(std::move(text), false);
  return texts;
}

SearchApi::SearchApi(IndexShards where)
    : where_(std::move(where)), linkers_(where_.LexiconFolders(), kDefaultDictionaryFolder) {}

ApiResponse SearchApi::Answer(const ApiRequest& request) {
  const bool known = request.path == "/api/search" || request.path == "/api/document" || request.path == "/api/versions" ||
                     request.path == "/api/alignment" || request.path == "/api/alignment.tmx" ||
                     request.path == "/api/recommendations" || request.path == "/api/history" ||
                     request.path == "/api/terms";
  if (!known) {
    return Error(404, "no endpoint " + request.path +
                           " (try /api/search, /api/versions, /api/document, /api/alignment, /api/alignment.tmx,"
                           " /api/recommendations, /api/history, /api/terms)");
  }
  std::unique_ptr<Handles> handles;
  if (Status status = Acquire(&handles); !status.ok()) {
    return Error(status.code() == StatusCode::kUnavailable ? 503 : 500, status.message());
  }
  Borrowed borrowed(*this, std::move(handles));
  try {
    if (request.path == "/api/search") return Search(request, *borrowed);
    if (request.path == "/api/versions") return Versions(request, *borrowed);
    if (request.path == "/api/document") return Document(request, *borrowed);
    if (request.path == "/api/recommendations") return Recommendations(request, *borrowed);
    if (request.path == "/api/history") return History(request, *borrowed);
    if (request.path == "/api/terms") return Terms(request, *borrowed);
    return Alignment(request, *borrowed, request.path == "/api/alignment.tmx");
  } catch (const std::exception& error) {
    return Error(500, std::string("internal error: ") + error.what());
  }
}

ApiResponse SearchApi::Search(const ApiRequest& request, Handles& handles) {
  std::string error;
  std::string query = Param(request, "q");
  if (query.size() > kMaxQueryBytes) {
    return Error(400, "q is " + std::to_string(query.size()) + " bytes; the limit is " + std::to_string(kMaxQueryBytes));
  }
  SearchOptions options;
  options.language = LanguageParam(request, "lang", &error);
  options.show = LanguageParam(request, "show", &error);
  if (!error.empty()) return Error(400, error);
  if (!NumberParam(request, "limit", 10, 1, kMaxLimit, &options.limit, &error) ||
      !NumberParam(request, "offset", 0, 0, kMaxOffset, &options.offset, &error)) {
    return Error(400, error);
  }
  const std::string sort = Param(request, "sort");
  if (!sort.empty() && sort != "relevance" && sort != "date") return Error(400, "sort takes relevance or date, not '" + sort + "'");
  options.sort = sort == "date" ? SearchSort::kDate : SearchSort::kRelevance;
  const std::string facets = Param(request, "facets");
  if (!facets.empty() && facets != "yes" && facets != "no") return Error(400, "facets takes yes or no, not '" + facets + "'");
  options.facets = facets != "no";
  options.facet_sample = kFacetSample;
  const std::string marks = Param(request, "marks");
  if (!marks.empty() && marks != "yes" && marks != "no") return Error(400, "marks takes yes or no, not '" + marks + "'");
  options.marks = options.show.has_value() && marks != "no";
  options.date_from = Param(request, "from");
  options.date_to = Param(request, "to");
  bool filtered = !options.date_from.empty() || !options.date_to.empty() || options.language;
  for (const char* field : {"symbol", "cited", "resolution", "item", "recommendation"}) {
    const std::string value = Param(request, field);
    if (value.empty()) continue;
    if (!FieldValueOk(value)) {
      return Error(400, std::string(field) + " takes one value of at most 200 bytes, without spaces or quotes");
    }
    if (std::string_view(field) == "recommendation" && value != "yes") return Error(400, "recommendation takes yes");
    query += std::string(query.empty() ? "" : " ") + field + ":" + value;
    filtered = true;
  }
  if (query.find_first_not_of(" \t") == std::string::npos && !filtered) {
    return Error(400, "q is empty: give words, or a filter (symbol, cited, item, resolution, recommendation, lang, from, to)");
  }
  options.highlight_begin = std::string(kMarkBegin);
  options.highlight_end = std::string(kMarkEnd);
  // cross=yes: the query translated too (cross_search.h); `via` beside the hits.
  const std::string cross = Param(request, "cross");
  if (!cross.empty() && cross != "yes" && cross != "no") return Error(400, "cross takes yes or no, not '" + cross + "'");
  SearchResult result;
  std::vector<std::optional<CrossVia>> via;
  if (cross == "yes") {
    if (!handles.translator) {
      handles.translator = std::make_unique<QueryTranslator>(where_.LexiconFolders(), kDefaultDictionaryFolder);
    }
    CrossSearchResult found;
    if (Status status = CrossSearch(*handles.searcher, *handles.translator, query, options, &found); !status.ok()) {
      return FromStatus(status);
    }
    handles.translator->TakeWarnings();  // a stored lexicon that cannot be read: searched without it
    result = std::move(found.result);
    via = std::move(found.via);
  } else if (Status status = handles.searcher->Search(query, options, &result); !status.ok()) {
    return FromStatus(status);
  }
  if (options.marks) AddParallelMarks(&result, linkers_);
  json hits = json::array();
  for (const SearchHit& hit : result.hits) {
    json parallel = json::object();
    for (const auto& [language, text] : hit.parallel) parallel[std::string(Code(language))] = text;
    json& added = hits.emplace_back(json{{"id", hit.symbol.empty() ? hit.content_hash : hit.symbol},
                    {"symbol", hit.symbol},
                    {"language", std::string(Code(hit.language))},
                    {"date", hit.date},
                    {"agenda_item", hit.agenda_item},
                    {"text", hit.text},
                    {"snippet", ReplaceAll(ReplaceAll(hit.snippet, kMarkBegin, "**"), kMarkEnd, "**")},
                    {"snippet_html", ReplaceAll(ReplaceAll(EscapeHtml(hit.snippet), kMarkBegin, "<mark>"), kMarkEnd, "</mark>")},
                    {"parallel", parallel},
                    {"segment", hit.segment},
                    {"page", hit.page}});
    if (options.show) {
      json marks_json = json::object();
      for (const auto& [language, text] : hit.parallel) {
        const auto found = hit.parallel_marks.find(language);
        marks_json[std::string(Code(language))] =
            SpansJson(found == hit.parallel_marks.end() ? std::vector<std::pair<std::size_t, std::size_t>>{} : found->second);
      }
      added["parallel_marks"] = std::move(marks_json);
      added["marks"] = SpansJson(hit.marks);
    }
    if (hit.ocr) added["ocr"] = true;
    if (const std::size_t k = hits.size() - 1; k < via.size() && via[k]) {
      added["via"] = {{"translation", via[k]->translation}, {"from", std::string(Code(via[k]->from))}};
    }
  }
  const SearchFacets& f = result.facets;
  json out{{"total", result.total},
           {"total_exact", result.exact},
           {"offset", options.offset},
           {"limit", options.limit},
           {"hits", hits},
           {"facets", {{"language", f.languages}, {"year", f.years}, {"series", f.series}}}};
  if (!result.missing_shards.empty()) out["missing_shards"] = HideFolders(result.missing_shards);
  return Json(200, out);
}

ApiResponse SearchApi::Terms(const ApiRequest& request, Handles& handles) {
  std::string error;
  const std::string term = Param(request, "q");
  if (term.find_first_not_of(" \t") == std::string::npos) return Error(400, "q is missing: give the term");
  if (term.size() > kMaxQueryBytes) {
    return Error(400, "q is " + std::to_string(term.size()) + " bytes; the limit is " + std::to_string(kMaxQueryBytes));
  }
  const auto language = LanguageParam(request, "lang", &error);
  const auto show = LanguageParam(request, "show", &error);
  if (!error.empty()) return Error(400, error);
  if (!language || !show) return Error(400, "lang and show are needed: the term's language and the renderings'");
  if (*language == *show) return Error(400, "lang and show name the same language");
  TermOptions options;
  options.language = *language;
  options.show = *show;
  if (!NumberParam(request, "examples", 3, 0, 20, &options.examples, &error) ||
      !NumberParam(request, "max_passages", kMaxTermPassages, 1, kMaxTermPassages, &options.max_passages, &error)) {
    return Error(400, error);
  }
  TermRenderings found;
  if (Status status = FindTermRenderings(*handles.searcher, linkers_, term, options, &found); !status.ok()) {
    return FromStatus(status);
  }
  json out = TermRenderingsJson(found);
  out["q"] = term;
  out["lang"] = std::string(Code(*language));
  out["show"] = std::string(Code(*show));
  return Json(200, out);
}

ApiResponse SearchApi::Versions(const ApiRequest& request, Handles& handles) {
  const std::string id = Param(request, "id");
  if (id.empty()) return Error(400, "id is missing: give a document's symbol (A/RES/70/1) or content hash");
  std::string symbol;
  std::vector<RecordVersion> versions;
  if (Status status = handles.reader->ListVersions(id, &symbol, &versions); !status.ok()) return FromStatus(status);
  return Json(200, json{{"id", id}, {"symbol", symbol}, {"versions", VersionsJson(versions)}});
}

ApiResponse SearchApi::Document(const ApiRequest& request, Handles& handles) {
  std::string error;
  const std::string id = Param(request, "id");
  if (id.empty()) return Error(400, "id is missing: give a document's symbol (A/RES/70/1) or content hash");
  const auto language = LanguageParam(request, "lang", &error);
  if (!error.empty()) return Error(400, error);
  if (!language) return Error(400, "lang is missing: give one of ar zh en fr ru es");
  std::size_t offset = 0, limit = 0;
  if (!PageParams(request, &offset, &limit, &error)) return Error(400, error);
  RecordDocument document;
  if (Status status = handles.reader->ReadDocument(id, *language, &document); !status.ok()) return FromStatus(status);
  // Paragraph k of the version is the k-th run of segments with one
  // paragraph number; only those of the page are put into the answer.
  std::size_t total = 0;
  for (std::size_t k = 0; k < document.segments.size(); ++k) {
    total += k == 0 || document.segments[k].paragraph != document.segments[k - 1].paragraph;
  }
  if (offset > total) return Error(400, PastTheEnd(offset, total, "paragraph"));
  json paragraphs = json::array();
  std::size_t ordinal = 0;
  for (std::size_t k = 0; k < document.segments.size(); ++k) {
    RecordSegment& segment = document.segments[k];
    const bool first = k == 0 || segment.paragraph != document.segments[k - 1].paragraph;
    if (first && k > 0) ++ordinal;
    if (ordinal < offset) continue;
    if (ordinal >= offset + limit) break;
    if (first) {
      paragraphs.push_back({{"index", segment.paragraph}, {"agenda_item", segment.agenda_item},
                            {"page", segment.page}, {"segments", json::array()}});
    }
    paragraphs.back()["segments"].push_back(
        {{"index", segment.index}, {"text", std::move(segment.text)}, {"recommendation", segment.recommendation}});
  }
  json out{{"id", id},
           {"symbol", document.symbol},
           {"language", std::string(Code(document.version.language))},
           {"date", document.version.date},
           {"file", std::filesystem::path(document.version.path).filename().string()},
           {"pages", document.version.pages},
           {"versions", VersionsJson(document.versions)},
           {"agenda", document.agenda_items}};
  PageFields(out, total, offset, limit, paragraphs.size());
  out["paragraphs"] = std::move(paragraphs);
  return Json(200, out);
}

ApiResponse SearchApi::Alignment(const ApiRequest& request, Handles& handles, bool as_tmx) {
  std::string error;
  const std::string id = Param(request, "id");
  if (id.empty()) return Error(400, "id is missing: give a document's symbol (A/RES/70/1) or content hash");
  const auto source = LanguageParam(request, "source", &error);
  const auto target = LanguageParam(request, "target", &error);
  if (!error.empty()) return Error(400, error);
  if (!source || !target) return Error(400, "source and target are needed: two of ar zh en fr ru es");
  std::size_t offset = 0, limit = 0;
  if (!as_tmx && !PageParams(request, &offset, &limit, &error)) return Error(400, error);
  RecordAlignment record;
  if (Status status = handles.reader->ReadAlignment(id, *source, *target, &record); !status.ok()) return FromStatus(status);
  const auto& source_segments = record.source.segments;
  const auto& target_segments = record.target.segments;
  // The texts are moved out, not copied: the segments keep their other fields.
  std::vector<std::string> source_texts, target_texts;
  source_texts.reserve(source_segments.size());
  target_texts.reserve(target_segments.size());
  for (RecordSegment& segment : record.source.segments) source_texts.push_back(std::move(segment.text));
  for (RecordSegment& segment : record.target.segments) target_texts.push_back(std::move(segment.text));
  if (as_tmx) {
    TmxDocument tmx;
    tmx.symbol = record.source.symbol;
    tmx.source_language = *source;
    tmx.target_language = *target;
    tmx.source_units = std::move(source_texts);
    tmx.target_units = std::move(target_texts);
    tmx.alignment = &record.alignment;
    ApiResponse response;
    response.content_type = "application/x-tmx+xml; charset=utf-8";
    response.body = WriteTmx(tmx);
    std::string name = record.source.symbol.empty() ? id : record.source.symbol;
    for (char& c : name) c = (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-') ? c : '_';
    response.download_name = name + "_" + std::string(Code(*source)) + "_" + std::string(Code(*target)) + ".tmx";
    return response;
  }
  const std::vector<AlignmentLink>& links = record.alignment.links;
  const std::size_t total = links.size();
  if (offset > total) return Error(400, PastTheEnd(offset, total, "link"));
  // The page's links (their indices stay those of the whole alignment);
  // every weak region, by its links' indices in the whole alignment.
  const std::size_t end = std::min(total, offset + limit);
  sextant::Alignment page;
  page.source_language = record.alignment.source_language;
  page.target_language = record.alignment.target_language;
  page.links.assign(links.begin() + static_cast<std::ptrdiff_t>(offset),
                    links.begin() + static_cast<std::ptrdiff_t>(end));
  page.weak_regions = record.alignment.weak_regions;
  json alignment = AlignmentToJson(page, source_texts, target_texts);
  // Each link's agenda item: its first source segment's, or target's.
  for (std::size_t k = 0; k < page.links.size(); ++k) {
    const AlignmentLink& link = page.links[k];
    alignment["links"][k]["agenda_item"] = !link.source.empty() ? source_segments[link.source.front()].agenda_item
                                                                : target_segments[link.target.front()].agenda_item;
  }
  alignment["id"] = id;
  alignment["symbol"] = record.source.symbol;
  alignment["versions"] = VersionsJson(record.source.versions);
  alignment["agenda"] = record.source.agenda_items;
  PageFields(alignment, total, offset, limit, page.links.size());
  return Json(200, alignment);
}

ApiResponse SearchApi::Recommendations(const ApiRequest& request, Handles& handles) {
  std::string query, error;
  if (!RecordQuery(request, &query, &error)) return Error(400, error);
  const std::string format = Param(request, "format");
  if (!format.empty() && format != "json" && format != "csv") return Error(400, "format takes json or csv, not '" + format + "'");
  const bool csv = format == "csv";
  SearchOptions options;
  if (!NumberParam(request, "limit", csv ? kMaxCsvRecords : 20, 1, csv ? kMaxCsvRecords : kMaxLimit, &options.limit,
                   &error) ||
      !NumberParam(request, "offset", 0, 0, kMaxOffset, &options.offset, &error)) {
    return Error(400, error);
  }
  const std::string sort = Param(request, "sort");
  if (!sort.empty() && sort != "relevance" && sort != "date") return Error(400, "sort takes relevance or date, not '" + sort + "'");
  const bool words = !Param(request, "q").empty();
  options.sort = sort == "relevance" || (sort.empty() && words) ? SearchSort::kRelevance : SearchSort::kDate;
  options.date_from = Param(request, "from");
  options.date_to = Param(request, "to");
  options.facets = !csv;
  options.facet_sample = 0;  // records are few: count them all
  options.highlight_begin = std::string(kMarkBegin);
  options.highlight_end = std::string(kMarkEnd);
  SearchResult result;
  if (Status status = handles.searcher->Search(query, options, &result); !status.ok()) return FromStatus(status);
  if (csv) {
    ApiResponse response;
    response.content_type = "text/csv; charset=utf-8";
    response.download_name = "recommendations.csv";
    response.body = RecommendationCsvHeader() + "\r\n";
    for (const SearchHit& hit : result.hits) {
      json record = json::parse(hit.record, nullptr, false);
      if (!record.is_object()) continue;
      record["file"] = std::filesystem::path(record.value("file", "")).filename().string();
      response.body += RecommendationCsvRow(record) + "\r\n";
    }
    return response;
  }
  json records = json::array();
  for (const SearchHit& hit : result.hits) {
    json record = json::parse(hit.record, nullptr, false);
    if (!record.is_object()) continue;
    record.erase("kind");
    record["file"] = std::filesystem::path(record.value("file", "")).filename().string();
    record["snippet_html"] = ReplaceAll(ReplaceAll(EscapeHtml(hit.snippet), kMarkBegin, "<mark>"), kMarkEnd, "</mark>");
    records.push_back(std::move(record));
  }
  const SearchFacets& f = result.facets;
  json out = {{"records", records},
              {"total_exact", result.exact},
              {"counts", {{"recommending", f.recommending}, {"addressee", f.addressees}, {"response", f.responses},
                          {"session", f.sessions}, {"year", f.years}, {"language", f.languages}}}};
  PageFields(out, result.total, options.offset, options.limit, records.size());
  if (!result.missing_shards.empty()) out["missing_shards"] = HideFolders(result.missing_shards);
  return Json(200, out);
}

ApiResponse SearchApi::History(const ApiRequest& request, Handles& handles) {
  std::string query, error;
  if (!RecordQuery(request, &query, &error)) return Error(400, error);
  HistoryOptions options;
  if (!NumberParam(request, "limit", 20, 1, kMaxLimit, &options.limit, &error) ||
      !NumberParam(request, "offset", 0, 0, kMaxOffset, &options.offset, &error)) {
    return Error(400, error);
  }
  HistoryResult result;
  if (Status status = ReadHistory(*handles.searcher, query, options, &result); !status.ok()) return FromStatus(status);
  json out = HistoryJson(result);
  if (!result.missing_shards.empty()) out["missing_shards"] = HideFolders(result.missing_shards);
  for (json& thread : out["threads"]) {
    for (json& item : thread["items"]) item["file"] = std::filesystem::path(item.value("file", "")).filename().string();
  }
  PageFields(out, result.total, options.offset, options.limit, result.threads.size());
  return Json(200, out);
}

}  // namespace sextant
