// `sextant extract`: PDF files to clean, segmented, tagged documents.
#include <unistd.h>

#include <iostream>

#include "pipeline/cli/commands.h"
#include "pipeline/document_json.h"
#include "pipeline/runner.h"
#include "stages/standard_stages.h"

namespace sextant::cli {
namespace {

void PrintText(const Document& document) {
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.kind == ParagraphKind::kFootnote) continue;
    std::cout << paragraph.text << '\n';
  }
}

}  // namespace

int Extract(const std::vector<std::string>& args) {
  bool json = false;
  int jobs = 1;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--text") {
      json = false;
    } else if (arg == "--jobs" && i + 1 < args.size()) {
      jobs = std::atoi(args[++i].c_str());
      if (jobs < 1) return Usage("--jobs takes a whole number of at least 1");
    } else if (arg.rfind("--", 0) == 0) {
      return Usage("unknown option " + arg);
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) return Usage("extract needs at least one PDF file");

  const bool progress = files.size() > 1 && isatty(STDERR_FILENO);
  // Clean text needs no sentences or tags.
  Runner runner(ExtractionStages(
      json ? ExtractionDepth::kTagged : ExtractionDepth::kParagraphs));
  RunnerOptions options;
  options.jobs = jobs;
  if (progress) {
    options.on_done = [](std::size_t done, std::size_t total,
                         const DocumentResult& result) {
      std::cerr << "\r[" << done << "/" << total << "] "
                << result.document.path << "\033[K" << std::flush;
    };
  }
  const std::vector<DocumentResult> results = runner.Run(files, options);
  if (progress) std::cerr << "\r\033[K";

  int failures = 0;
  for (const DocumentResult& result : results) {
    if (!result.status.ok()) {
      ++failures;
      std::cerr << "sextant: " << result.status.message() << '\n';
    }
    if (json) {
      std::cout << DocumentToJson(result.document, result.status) << '\n';
    } else if (result.status.ok()) {
      PrintText(result.document);
    }
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace sextant::cli
