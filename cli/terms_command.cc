// `sextant terms`: how a term was rendered in another language in the
// aligned passages of the index (serve/term_renderings.h).
#include <iostream>

#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/index_flags.h"
#include "index/index_searcher.h"
#include "pipeline/json_line.h"
#include "serve/parallel_marks.h"
#include "serve/term_renderings.h"

namespace sextant::cli {

int Terms(const CommandArgs& args) {
  IndexShards where;
  std::optional<Language> language, show;
  std::string dictionaries = kDefaultDictionaryFolder;
  int examples = 3, max_passages = 20000, min_found = 1;
  bool as_json = false;
  Flags flags("terms", "[--index DIR]... [--remote HOST:PORT]... --lang L --show L2 [--json] TERM",
              "How TERM (words in language L, searched as a phrase) was rendered in L2 in\n"
              "the aligned passages of the index: each rendering with the passages that\n"
              "hold it (counted in the aligned text), its first and last year, the bodies\n"
              "(the symbol before its first number) and example passages. A rendering is\n"
              "found by linking the term's words into the aligned sentence (the index's\n"
              "lexicon, FreeDict and the pair itself), as `search --show` marks them.");
  AddIndexFlags(flags, &where);
  flags.LanguageCode("--lang", &language, "the term's language (required)");
  flags.LanguageCode("--show", &show, "the renderings' language (required)");
  flags.Number("--examples", &examples, 0, 100, "N", "example passages per rendering (default 3)");
  flags.Number("--max-passages", &max_passages, 1, 1000000, "N", "passages of the term read at the most (default 20000)");
  flags.Number("--min-found", &min_found, 1, 1000000, "N",
               "leave out renderings the linker found fewer times (default 1)");
  flags.Text("--dictionary", &dictionaries, "DIR",
             "FreeDict's dictionaries (default /usr/share/dictd); none: not used");
  flags.Switch("--json", &as_json,
               "one JSON object: passages, aligned, linked, complete, renderings [{text,\n"
               "count, found, first_year, last_year, bodies, examples [{symbol, date,\n"
               "text, marks, parallel, parallel_marks}]}]");
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  std::string term;
  for (const std::string& word : flags.positionals()) term += (term.empty() ? "" : " ") + word;
  if (term.empty()) return flags.Fail("terms needs a term");
  if (!language || !show) return flags.Fail("terms needs --lang and --show");
  if (*language == *show) return flags.Fail("--lang and --show name the same language");

  UseDefaultIndex(&where);
  std::unique_ptr<IndexSearcher> searcher;
  if (const Status status = IndexSearcher::Open(where, &searcher); !status.ok()) {
    PrintProblem(status.message());
    return 1;
  }
  WordLinkers linkers(where.LexiconFolders(), dictionaries == "none" ? "" : dictionaries);
  TermOptions options;
  options.language = *language;
  options.show = *show;
  options.examples = static_cast<std::size_t>(examples);
  options.max_passages = static_cast<std::size_t>(max_passages);
  options.min_found = static_cast<std::size_t>(min_found);
  TermRenderings found;
  if (const Status status = FindTermRenderings(*searcher, linkers, term, options, &found); !status.ok()) {
    PrintProblem(status.message());
    return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  for (const std::string& warning : linkers.TakeWarnings()) PrintProblem(warning);
  if (as_json) {
    std::cout << JsonLine(TermRenderingsJson(found)) << '\n';
    return 0;
  }
  std::cout << found.passages << " passages, " << found.aligned << " with " << Code(*show) << ", "
            << found.linked << " with a rendering found" << (found.complete ? "" : " (not all read: --max-passages)")
            << '\n';
  for (const TermRendering& r : found.renderings) {
    std::cout << "\n" << r.text << "  " << r.count << " passages  " << r.first_year << "–" << r.last_year << "  ";
    bool first = true;
    for (const auto& [body, count] : r.bodies) {
      std::cout << (first ? "" : ", ") << (body.empty() ? "(no symbol)" : body) << " " << count;
      first = false;
    }
    std::cout << '\n';
    for (const RenderingExample& e : r.examples) {
      std::cout << "  " << e.symbol << "  " << e.date << "\n    " << e.text << "\n    " << e.parallel << '\n';
    }
  }
  return 0;
}

}  // namespace sextant::cli
