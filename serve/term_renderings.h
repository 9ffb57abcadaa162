// Term renderings (issue 16, item 3): how a term of one language was
// rendered in another in the aligned passages of the index, each rendering
// with its count, first and last year, bodies and example passages, so a
// translator sees when one rendering replaced another.
//
// How: the term is searched as a phrase in its language (--lang), with the
// other language's aligned text beside each hit (--show); the term's words
// in each hit are linked into the aligned text by the pair's WordLinker
// (stages/align/word_links.h, the same links that mark a search hit), and
// the linked spans are the renderings found. Each rendering is then counted
// directly: the aligned passages (of the term's hits) whose text holds it
// (case folded), so a rendering's count does not depend on the linker
// finding it every time. A rendering inside a longer one that nearly as
// many passages hold (9 in 10: "安全" inside "安全理事会") is a piece of it
// and is left out.
//
// Body: the own symbol's root, bodies and types as the symbol grammar reads
// them (stages/tag/symbol_tagger.h), the parts before its first number
// ("A/HRC/WG.6/34/ITA/3" → "A/HRC/WG.6"; "CTOC/COP/WG.4/2022/2" →
// "CTOC/COP/WG.4"). Year: the document's date.
//
// Thread-safety: one call uses its searcher alone (IndexSearcher is one
// thread's); the linkers are shared safely.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/index_searcher.h"
#include "pipeline/language.h"
#include "pipeline/status.h"
#include "stages/align/word_links.h"

namespace sextant {

struct TermOptions {
  Language language = Language::kEnglish;  // the term's language
  Language show = Language::kChinese;      // the renderings' language
  std::size_t max_passages = 20000;        // hits read at the most
  std::size_t examples = 3;                // example passages per rendering
  std::size_t min_found = 1;               // times the linker must find a rendering
};

struct RenderingExample {
  std::string symbol, date, text, parallel;
  std::vector<std::pair<std::size_t, std::size_t>> marks, parallel_marks;  // byte spans
};

struct TermRendering {
  std::string text;          // as written most often
  std::size_t count = 0;     // aligned passages holding it
  std::size_t found = 0;     // of which the linker marked it in
  std::string first_year, last_year;
  std::map<std::string, std::size_t> bodies;  // body → passages
  std::vector<RenderingExample> examples;     // oldest first
};

struct TermRenderings {
  std::size_t passages = 0;  // hits of the term read
  std::size_t aligned = 0;   // of which with aligned text in `show`
  std::size_t linked = 0;    // of which the linker found a rendering in
  bool complete = true;      // false: more hits than max_passages
  std::vector<TermRendering> renderings;  // most frequent first
};

// The body of an own symbol, as above ("" for none).
std::string SymbolBody(std::string_view symbol);

// The answer as JSON (`sextant terms --json`, /api/terms): passages,
// aligned, linked, complete, renderings [{text, count, found, first_year,
// last_year, bodies, examples [{symbol, date, text, marks, parallel,
// parallel_marks}]}].
nlohmann::json TermRenderingsJson(const TermRenderings& found);

// Byte spans as [[begin, end], …].
nlohmann::json SpansJson(const std::vector<std::pair<std::size_t, std::size_t>>& spans);

// The renderings of `term`. Fails on a query that does not parse, or when
// the index does.
Status FindTermRenderings(IndexSearcher& searcher, WordLinkers& linkers, std::string_view term,
                          const TermOptions& options, TermRenderings* out);

}  // namespace sextant
