// ExtractFiles: the extraction of PDFs for the commands (extract, sets,
// align, align-set): runs the standard stages over the files on
// `jobs` threads, with a progress line when asked and stderr is a
// terminal, prints one line for each file that fails and for each read
// in part (damaged pages), and keeps the documents that did not fail.
//
// Thread-safety: called from main's thread; the runner uses its own workers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/flags.h"
#include "pipeline/page_recognizer.h"
#include "pipeline/runner.h"
#include "stages/extract/pdf_extract_stage.h"
#include "stages/standard_stages.h"

namespace sextant::cli {

struct ExtractedFiles {
  std::vector<DocumentResult> results;
  std::vector<const Document*> documents;  // the ones that succeeded, into `results`
  int failures = 0;
};

// `progress_label` empty: no progress line for files; pages read by OCR
// show one on a terminal all the same (a scan takes seconds a page).
ExtractedFiles ExtractFiles(const std::vector<std::string>& files, ExtractionDepth depth, int jobs,
                            std::string_view progress_label = {}, OcrMode ocr = OcrMode::kAuto);

// --ocr auto | never | always, for every command that reads PDFs.
void AddOcrFlag(Flags& flags, OcrMode& mode);

// A document read in part (pages of a damaged PDF lost, pages of no
// readable text, an OCR layer of poor quality): one line on stderr each, "sextant: FILE: 2 of 12 pages
// could not be read (damaged PDF: ...)".
void PrintDamagedPages(const Document& document);

}  // namespace sextant::cli
