// `sextant extract`: PDF files to clean, segmented, tagged documents.
#include <iostream>

#include "cli/commands.h"
#include "cli/extraction.h"
#include "cli/flags.h"
#include "pipeline/document_json.h"

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
  Flags flags("extract", "[--json | --text] [--jobs N] [--ocr MODE] FILE.pdf...",
              "Reads UN PDFs into clean documents: page furniture (symbol, job number, page\n"
              "numbers, barcode) kept out of the body and read as metadata, footnotes apart,\n"
              "each script's line breaks repaired, paragraphs rebuilt, the language told.");
  flags.Switch("--json", &json,
               "one JSON object per file and line: symbol, language, pages, date,\n"
               "paragraphs, segments, tags, agenda, diagnostics (docs/cli.md)");
  flags.Switch("--text", [&json] { json = false; }, "the clean body, one paragraph per line (default)");
  flags.Number("--jobs", &jobs, 1, kMaxJobs, "N", "files worked on in parallel (default 1)");
  OcrMode ocr = OcrMode::kAuto;
  AddOcrFlag(flags, ocr);
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  const std::vector<std::string>& files = flags.positionals();
  if (files.empty()) return flags.Fail("extract needs at least one PDF file");

  // Clean text needs no sentences or tags.
  const ExtractedFiles extracted = ExtractFiles(files, json ? ExtractionDepth::kTagged : ExtractionDepth::kParagraphs,
                                                jobs, files.size() > 1 ? "extract" : "", ocr);
  for (const DocumentResult& result : extracted.results) {
    if (json) {
      WriteDocumentJson(std::cout, result.document, result.status);
      std::cout << '\n';
    } else if (result.status.ok()) {
      PrintText(result.document);
    }
  }
  return extracted.failures == 0 ? 0 : 1;
}

}  // namespace sextant::cli
