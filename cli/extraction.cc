#include "cli/extraction.h"

#include <iostream>
#include <mutex>

#include "cli/commands.h"
#include "cli/progress.h"

namespace sextant::cli {

void PrintDamagedPages(const Document& document) {
  for (const Diagnostic& diagnostic : document.diagnostics) {
    if (diagnostic.code == kDamagedPagesCode || diagnostic.code == kUnreadablePagesCode ||
        diagnostic.code == kPoorOcrPagesCode) {
      PrintProblem(document.path + ": " + diagnostic.message);
    }
  }
}

void AddOcrFlag(Flags& flags, OcrMode& mode) {
  flags.Custom(
      "--ocr", "MODE",
      [&mode](const std::string& value) -> std::string {
        if (value == "auto") {
          mode = OcrMode::kAuto;
        } else if (value == "never") {
          mode = OcrMode::kNever;
        } else if (value == "always") {
          mode = OcrMode::kAlways;
        } else {
          return "--ocr takes auto, never or always";
        }
        return "";
      },
      "pages read by OCR (Tesseract): auto (default) those with no text\n"
      "layer or an unreadable one; never; always (every page, an OCR layer\n"
      "of poor quality replaced)");
}

ExtractedFiles ExtractFiles(const std::vector<std::string>& files, ExtractionDepth depth, int jobs,
                            std::string_view progress_label, OcrMode ocr) {
  ExtractedFiles out;
  ProgressLine progress(std::string(progress_label.empty() ? "extract" : progress_label), true);
  const bool files_shown = !progress_label.empty();
  std::mutex progress_mutex;  // pages are read on the runner's workers
  ExtractionOptions extraction;
  extraction.ocr = ocr;
  extraction.on_ocr_page = [&](const std::string& path, int page, int pages) {
    const std::lock_guard<std::mutex> lock(progress_mutex);
    progress.Show("reading by OCR, page", static_cast<std::size_t>(page), static_cast<std::size_t>(pages), path);
  };
  const Runner runner(ExtractionStages(depth, extraction));
  RunnerOptions options;
  options.jobs = jobs;
  options.on_done = [&](std::size_t done, std::size_t total, const DocumentResult& result) {
    const std::lock_guard<std::mutex> lock(progress_mutex);
    if (files_shown) {
      progress.Show("extracting", done, total, result.document.path);
    } else {
      progress.Clear();
    }
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
