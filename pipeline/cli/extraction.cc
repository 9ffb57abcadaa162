#include "pipeline/cli/extraction.h"

#include <iostream>

namespace sextant::cli {

ExtractedFiles ExtractFiles(const std::vector<std::string>& files, ExtractionDepth depth, int jobs) {
  ExtractedFiles out;
  const Runner runner(ExtractionStages(depth));
  RunnerOptions options;
  options.jobs = jobs;
  out.results = runner.Run(files, options);
  for (const DocumentResult& result : out.results) {
    if (!result.status.ok()) {
      std::cerr << "sextant: " << result.status.message() << '\n';
      ++out.failures;
    } else {
      out.documents.push_back(&result.document);
    }
  }
  return out;
}

}  // namespace sextant::cli
