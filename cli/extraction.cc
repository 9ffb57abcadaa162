#include "cli/extraction.h"

#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"

namespace sextant::cli {

void PrintDamagedPages(const Document& document) {
  for (const Diagnostic& diagnostic : document.diagnostics) {
    if (diagnostic.code == kDamagedPagesCode || diagnostic.code == kUnreadablePagesCode) {
      PrintProblem(document.path + ": " + diagnostic.message);
    }
  }
}

ExtractedFiles ExtractFiles(const std::vector<std::string>& files, ExtractionDepth depth, int jobs,
                            std::string_view progress_label) {
  ExtractedFiles out;
  const Runner runner(ExtractionStages(depth));
  ProgressLine progress(std::string(progress_label), !progress_label.empty());
  RunnerOptions options;
  options.jobs = jobs;
  options.on_done = [&progress](std::size_t done, std::size_t total, const DocumentResult& result) {
    progress.Show("extracting", done, total, result.document.path);
  };
  out.results = runner.Run(files, options);
  progress.Clear();
  for (const DocumentResult& result : out.results) {
    if (!result.status.ok()) {
      PrintProblem(result.status.message());
      ++out.failures;
    } else {
      PrintDamagedPages(result.document);
      out.documents.push_back(&result.document);
    }
  }
  return out;
}

}  // namespace sextant::cli
