// `sextant sets`: groups PDF files into the language versions of each
// document (by own symbol) and says which languages each one lacks.
#include <iostream>

#include "cli/commands.h"
#include "cli/extraction.h"
#include "cli/flags.h"
#include "pipeline/document_set.h"
#include "pipeline/json_line.h"

namespace sextant::cli {

int Sets(const CommandArgs& args) {
  int jobs = 1;
  Flags flags("sets", "[--jobs N] [--ocr MODE] FILE.pdf...",
              "Groups PDF files into the language versions of each document, by the document's\n"
              "own symbol (read from its pages, whatever the files are called): one JSON object\n"
              "per document: symbol, versions {language: file}, missing languages.");
  flags.Number("--jobs", &jobs, 1, kMaxJobs, "N", "files read in parallel (default 1)");
  OcrMode ocr = OcrMode::kAuto;
  AddOcrFlag(flags, ocr);
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  if (flags.positionals().empty()) return flags.Fail("sets needs PDF files");
  const ExtractedFiles extracted = ExtractFiles(flags.positionals(), ExtractionDepth::kParagraphs, jobs, "sets", ocr);
  using nlohmann::json;
  for (const DocumentSet& set : GroupLanguageVersions(extracted.documents)) {
    json versions = json::object();
    for (const auto& [language, path] : set.versions) versions[std::string(Code(language))] = path;
    json missing = json::array();
    for (Language language : set.missing) missing.push_back(std::string(Code(language)));
    json out = {{"symbol", set.symbol.empty() ? json(nullptr) : json(set.symbol)},
                {"versions", versions},
                {"missing", missing}};
    if (!set.duplicates.empty()) out["duplicates"] = set.duplicates;
    if (!set.unknown_language.empty()) out["unknown_language"] = set.unknown_language;
    std::cout << JsonLine(out) << '\n';
  }
  return extracted.failures == 0 ? 0 : 1;
}

}  // namespace sextant::cli
