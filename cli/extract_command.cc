// `sextant extract`: PDF files to clean, segmented, tagged documents.
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/progress.h"
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

int Extract(const CommandArgs& args) {
  bool json = false;
  int jobs = 1;
  Flags flags("extract", "[--json | --text] [--jobs N] FILE.pdf...",
              "Reads UN PDFs into clean documents: page furniture (symbol, job number, page\n"
              "numbers, barcode) kept out of the body and read as metadata, footnotes apart,\n"
              "each script's line breaks repaired, paragraphs rebuilt, the language told.");
  flags.Switch("--json", &json,
               "one JSON object per file and line: symbol, language, pages, date,\n"
               "paragraphs, segments, tags, agenda, diagnostics (docs/cli.md)");
  flags.Switch("--text", [&json] { json = false; }, "the clean body, one paragraph per line (default)");
  flags.Number("--jobs", &jobs, 1, kMaxJobs, "N", "files worked on in parallel (default 1)");
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  const std::vector<std::string>& files = flags.positionals();
  if (files.empty()) return flags.Fail("extract needs at least one PDF file");

  // Clean text needs no sentences or tags.
  const Runner runner(ExtractionStages(json ? ExtractionDepth::kTagged : ExtractionDepth::kParagraphs));
  ProgressLine progress("extract", files.size() > 1);
  RunnerOptions options;
  options.jobs = jobs;
  options.on_done = [&progress](std::size_t done, std::size_t total, const DocumentResult& result) {
    progress.Show("extracting", done, total, result.document.path);
  };
  const std::vector<DocumentResult> results = runner.Run(files, options);
  progress.Clear();

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
