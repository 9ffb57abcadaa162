// Extraction for the commands that read many PDFs (sets, align-set,
// ingest): runs the extraction pipeline over the files, prints a one-line
// message for each file that fails, and keeps the documents that did not.
// With a progress label, and stderr a terminal, a line
// "LABEL: extracting [k/n] FILE" is rewritten in place as files finish and
// cleared at the end.
//
// Thread-safety: called from main's thread; the runner uses its own workers
// (the progress line is written from them, one at a time).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/runner.h"
#include "stages/standard_stages.h"

namespace sextant::cli {

struct ExtractedFiles {
  std::vector<DocumentResult> results;
  std::vector<const Document*> documents;  // the ones that succeeded, into `results`
  int failures = 0;
};

// `progress_label` empty: no progress line. `on_document`, when set, is
// given each document extracted without failure as soon as it is done
// (from a worker thread, one call at a time); the document stays where it
// is, in the ExtractedFiles returned.
ExtractedFiles ExtractFiles(const std::vector<std::string>& files, ExtractionDepth depth, int jobs,
                            std::string_view progress_label = {},
                            const std::function<void(const Document&)>& on_document = {});

// "LABEL: VERB [k/n] FILE", the file name cut from the front to keep the
// line within `width` columns (counted in code points).
std::string ProgressLine(std::string_view label, std::string_view verb, std::size_t done, std::size_t total,
                         std::string_view file, std::size_t width = 100);

}  // namespace sextant::cli
