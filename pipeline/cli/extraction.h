// Extraction for the commands that read many PDFs (sets, align-set): runs
// the extraction pipeline over the files, prints a one-line message for
// each file that fails, and keeps the documents that did not.
//
// Thread-safety: called from main's thread; the runner uses its own workers.
#pragma once

#include <string>
#include <vector>

#include "pipeline/runner.h"
#include "stages/standard_stages.h"

namespace sextant::cli {

struct ExtractedFiles {
  std::vector<DocumentResult> results;
  std::vector<const Document*> documents;  // the ones that succeeded, into `results`
  int failures = 0;
};

ExtractedFiles ExtractFiles(const std::vector<std::string>& files, ExtractionDepth depth, int jobs);

}  // namespace sextant::cli
