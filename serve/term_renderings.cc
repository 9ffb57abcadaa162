#include "serve/term_renderings.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "pipeline/unicode_text.h"
#include "stages/tag/symbol_tagger.h"

namespace sextant {
namespace {

// A term as a phrase query, unless the user wrote a query of their own.
std::string PhraseQuery(std::string_view term) {
  const std::string text(term);
  if (text.find('"') != std::string::npos || text.find(' ') == std::string::npos) return text;
  return "\"" + text + "\"";
}

struct Passage {
  SearchHit hit;
  std::string folded;  // the parallel text, lower-cased with the same offsets
};

}  // namespace

nlohmann::json SpansJson(const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [begin, end] : spans) out.push_back({begin, end});
  return out;
}

nlohmann::json TermRenderingsJson(const TermRenderings& found) {
  using nlohmann::json;
  json renderings = json::array();
  for (const TermRendering& r : found.renderings) {
    json examples = json::array();
    for (const RenderingExample& e : r.examples) {
      examples.push_back({{"symbol", e.symbol}, {"date", e.date}, {"text", e.text}, {"marks", SpansJson(e.marks)},
                          {"parallel", e.parallel}, {"parallel_marks", SpansJson(e.parallel_marks)}});
    }
    renderings.push_back({{"text", r.text}, {"count", r.count}, {"found", r.found}, {"first_year", r.first_year},
                          {"last_year", r.last_year}, {"bodies", r.bodies}, {"examples", examples}});
  }
  return {{"passages", found.passages}, {"aligned", found.aligned}, {"linked", found.linked},
          {"complete", found.complete}, {"renderings", renderings}};
}


std::string SymbolBody(std::string_view symbol) {
  // The symbol grammar's root, bodies and types (RES, PV) that follow it,
  // up to its first other part (a session, a year, a number).
  const std::optional<ParsedSymbol> parsed = ParseSymbol(symbol);
  if (!parsed) return "";
  std::string body;
  for (const TagPart& part : parsed->parts) {
    if (part.name != "root" && part.name != "body" && part.name != "type") break;
    body += (body.empty() ? "" : "/") + part.value;
  }
  return body;
}

Status FindTermRenderings(IndexSearcher& searcher, WordLinkers& linkers, std::string_view term,
                          const TermOptions& options, TermRenderings* out) {
  *out = TermRenderings();
  SearchOptions search;
  search.language = options.language;
  search.show = options.show;
  search.marks = true;
  search.facets = false;
  search.snippet_bytes = 0;
  search.sort = SearchSort::kDate;
  search.limit = 500;
  const std::string query = PhraseQuery(term);
  const WordLinker& linker = linkers.Get(options.language, options.show);
  std::vector<Passage> passages;
  // Spans found by the linker, folded, with how often and as written.
  std::unordered_map<std::string, std::size_t> found;
  std::unordered_map<std::string, std::map<std::string, std::size_t>> written;
  std::size_t total = 0;
  while (passages.size() < options.max_passages) {
    search.offset = passages.size();
    search.limit = std::min<std::size_t>(500, options.max_passages - passages.size());
    SearchResult result;
    if (Status status = searcher.Search(query, search, &result); !status.ok()) return status;
    total = result.total;
    for (SearchHit& hit : result.hits) {
      ++out->passages;
      const std::string& parallel = hit.parallel[options.show];
      if (parallel.empty()) continue;
      ++out->aligned;
      std::vector<ByteSpan> marks;
      for (const auto& [begin, end] : hit.marks) marks.push_back({begin, end});
      const std::vector<LinkedSpan> spans = linker.Render(hit.text, marks, parallel);
      std::vector<std::string> seen;
      for (const LinkedSpan& span : spans) {
        const std::string text = parallel.substr(span.begin, span.end - span.begin);
        const std::string folded = LowerCaseSameOffsets(text);
        if (std::find(seen.begin(), seen.end(), folded) != seen.end()) continue;
        seen.push_back(folded);
        ++found[folded];
        ++written[folded][text];
        hit.parallel_marks[options.show].emplace_back(span.begin, span.end);
      }
      if (!seen.empty()) ++out->linked;
      passages.push_back({std::move(hit), LowerCaseSameOffsets(parallel)});
    }
    if (result.hits.size() < search.limit) break;
  }
  out->complete = out->passages >= total;
  // Renderings: found often enough.
  std::vector<std::string> kept;
  for (const auto& [folded, times] : found) {
    if (times >= options.min_found) kept.push_back(folded);
  }
  for (const std::string& folded : kept) {
    TermRendering rendering;
    const auto& forms = written[folded];
    rendering.text = std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) {
                       return a.second < b.second;
                     })->first;
    rendering.found = found[folded];
    for (const Passage& passage : passages) {  // oldest first (sorted by date)
      const std::size_t at = passage.folded.find(folded);
      if (at == std::string::npos) continue;
      const SearchHit& hit = passage.hit;
      ++rendering.count;
      const std::string year = hit.date.substr(0, 4);
      if (!year.empty()) {
        if (rendering.first_year.empty() || year < rendering.first_year) rendering.first_year = year;
        if (year > rendering.last_year) rendering.last_year = year;
      }
      ++rendering.bodies[SymbolBody(hit.symbol)];
      if (rendering.examples.size() < options.examples) {
        rendering.examples.push_back({hit.symbol, hit.date, hit.text, hit.parallel.at(options.show), hit.marks,
                                      {{at, at + folded.size()}}});
      }
    }
    out->renderings.push_back(std::move(rendering));
  }
  // A piece of a longer rendering held by nearly as many passages (9 in 10)
  // is that rendering cut short ("安全" of "安全理事会"): left out.
  const auto lower = [](const std::string& text) { return LowerCaseSameOffsets(text); };
  std::erase_if(out->renderings, [&](const TermRendering& piece) {
    return std::any_of(out->renderings.begin(), out->renderings.end(), [&](const TermRendering& whole) {
      return whole.text.size() > piece.text.size() && lower(whole.text).find(lower(piece.text)) != std::string::npos &&
             10 * whole.count >= 9 * piece.count;
    });
  });
  std::sort(out->renderings.begin(), out->renderings.end(), [](const TermRendering& a, const TermRendering& b) {
    return a.count != b.count ? a.count > b.count : a.text < b.text;
  });
  return Status::Ok();
}

}  // namespace sextant
