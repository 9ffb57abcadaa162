// `sextant recommendations`: the recommendations of PDF files as records,
// one a line (JSON Lines or CSV).
#include <iostream>

#include "cli/commands.h"
#include "cli/extraction.h"
#include "cli/flags.h"
#include "pipeline/json_line.h"
#include "pipeline/recommendation_record.h"

namespace sextant::cli {

int Recommendations(const CommandArgs& args) {
  std::string format = "jsonl";
  int jobs = 1;
  Flags flags("recommendations", "[--format jsonl | csv] [--jobs N] [--ocr MODE] FILE.pdf...",
              "Reads the recommendations of UN PDFs as records, from the documents' own\n"
              "structure: the numbered lists of review reports in their groups (supported,\n"
              "to be examined, noted), \"The Committee recommends that ...\" paragraphs, items\n"
              "under a \"Recommendations\" heading. One record a line: id, number, text,\n"
              "recommending, addressee, response, symbol, file, language, page, agenda_item,\n"
              "body, session, meeting_dates (docs/cli.md).");
  flags.Choice("--format", &format, {"jsonl", "csv"},
               "jsonl: one JSON object a line (default); csv: a header line, then\n"
               "one row a record, lists joined with \"; \"");
  flags.Number("--jobs", &jobs, 1, kMaxJobs, "N", "files read in parallel (default 1)");
  OcrMode ocr = OcrMode::kAuto;
  AddOcrFlag(flags, ocr);
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  const std::vector<std::string>& files = flags.positionals();
  if (files.empty()) return flags.Fail("recommendations needs at least one PDF file");

  const ExtractedFiles extracted =
      ExtractFiles(files, ExtractionDepth::kTagged, jobs, files.size() > 1 ? "recommendations" : "", ocr);
  const bool csv = format == "csv";
  if (csv) std::cout << RecommendationCsvHeader() << '\n';
  for (const Document* document : extracted.documents) {
    for (const Recommendation& record : document->recommendations) {
      const nlohmann::json json = RecommendationJson(*document, record);
      std::cout << (csv ? RecommendationCsvRow(json) : JsonLine(json)) << '\n';
    }
  }
  std::cout.flush();
  if (!std::cout) {
    PrintProblem("could not write the records to standard output");
    return 1;
  }
  return extracted.failures == 0 ? 0 : 1;
}

}  // namespace sextant::cli
