// `sextant sets`: groups PDF files into the language versions of each
// document (by own symbol) and says which languages each one lacks.
#include <iostream>

#include <nlohmann/json.hpp>

#include "pipeline/cli/commands.h"
#include "pipeline/cli/extraction.h"
#include "pipeline/document_set.h"
#include "pipeline/runner.h"
#include "stages/standard_stages.h"

namespace sextant::cli {

int Sets(const std::vector<std::string>& args) {
  int jobs = 1;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--jobs" && i + 1 < args.size()) {
      jobs = std::atoi(args[++i].c_str());
      if (jobs < 1) return Usage("--jobs takes a whole number of at least 1");
    } else if (args[i].rfind("--", 0) == 0) {
      return Usage("unknown option " + args[i]);
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.empty()) return Usage("sets needs PDF files");
  const ExtractedFiles extracted = ExtractFiles(files, ExtractionDepth::kParagraphs, jobs);
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
    std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
  return extracted.failures == 0 ? 0 : 1;
}

}  // namespace sextant::cli
