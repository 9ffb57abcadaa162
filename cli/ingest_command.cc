// `sextant ingest`: PDF files and folders into the Xapian index
// (ingest/ingest.h), with a progress line on a terminal and a summary.
#include <iostream>

#include "cli/commands.h"
#include "cli/extraction.h"
#include "cli/flags.h"
#include "cli/progress.h"
#include "ingest/ingest.h"
#include "ingest/set_streamer.h"

namespace sextant::cli {
namespace {

// Prints what the ingest tells: the plan, progress on a terminal, one
// line per failure.
class PrintingObserver : public IngestObserver {
 public:
  explicit PrintingObserver(std::string folder) : folder_(std::move(folder)) {}

  void Planned(std::size_t to_read, std::size_t indexed_already) override {
    std::cerr << "ingest: extracting " << to_read << " files into " << folder_;
    if (indexed_already > 0) std::cerr << " (" << indexed_already << " indexed already)";
    std::cerr << '\n';
  }
  void Extracted(std::size_t done, std::size_t total, const DocumentResult& result) override {
    if (result.status.ok() && !result.document.diagnostics.empty()) {
      progress_.Clear();
      PrintDamagedPages(result.document);
    }
    progress_.Show("extracting", done, total, result.document.path);
    if (done == total) progress_.Clear();
  }
  void Aligning(std::size_t done, std::size_t total, std::string_view symbol) override {
    progress_.Show("aligning", done, total, symbol);
  }
  void OcrPage(const std::string& path, int page, int pages) override {
    progress_.Show("reading by OCR, page", static_cast<std::size_t>(page), static_cast<std::size_t>(pages), path);
  }
  void Indexing(std::size_t done, std::size_t total, std::string_view symbol) override {
    progress_.Show("indexing", done, total, symbol);
  }
  void Failed(const Status& status) override {
    progress_.Clear();
    PrintProblem(status.message());
  }
  void Notice(const std::string& line) override {
    progress_.Clear();
    PrintProblem(line);
  }
  void Done() { progress_.Clear(); }

 private:
  std::string folder_;
  ProgressLine progress_{"ingest", true};
};

}  // namespace

int Ingest(const CommandArgs& args) {
  IngestOptions options;
  options.index_folder = kDefaultIndex;
  Flags flags("ingest", "[--index DIR] [--jobs N] [--memory MB] [--shard K/N] [--ocr MODE] [--no-lexicon] [--lexicon-min-links N] PATH...",
              "Puts PDF files, and the PDFs below folders, into the index: each document's\n"
              "language versions aligned through English. Unchanged files are not read\n"
              "again; a changed or new version rewrites its document's set whole.\n"
              "What ingest holds does not grow with the number of files: sets are freed\n"
              "once written; a version that comes after its set was written has the\n"
              "set's other versions read again from their files.\n"
              "The index learns a lexicon from the sentences it aligns surely, stored in\n"
              "DIR/lexicon/ and grown by every ingest: the base of later alignments\n"
              "(ingest, and align --index DIR).");
  flags.Text("--index", &options.index_folder, "DIR", "the index folder (default ./sextant-index)");
  flags.Number("--jobs", &options.jobs, 1, kMaxJobs, "N", "files extracted in parallel (default 2)");
  AddOcrFlag(flags, options.ocr);
  int memory = static_cast<int>(options.memory_mb);
  flags.Number("--memory", &memory, static_cast<int>(StreamLimits::kMinimumMegabytes), 1 << 20, "MB",
               "the peak resident size aimed at (default 336, at least 96): the process\n"
               "holds about 80 MB whatever the budget; the rest sizes the documents\n"
               "waiting for their sets, the queue to the writer, Xapian's transaction\n"
               "and the lexicon's counts. While pages are read by OCR, OCR takes\n"
               "about 160 MB a thread (--jobs) and the shares but the lexicon's\n"
               "shrink to make room, down to those of --memory 96 (a line says so,\n"
               "and which budget holds OCR when this one cannot); they grow back once\n"
               "no page was read by OCR for " +
                   std::to_string(static_cast<int>(options.ocr_quiet_seconds)) +
                   " s. A ceiling, not a level. A smaller budget writes\n"
                   "smaller batches and a smaller lexicon, and writes open sets early\n"
                   "(their versions are read again when a later one comes)");
  flags.Custom("--shard", "K/N",
               [&options](const std::string& text) -> std::string {
                 const std::optional<ShardSpec> shard = ParseShard(text);
                 if (!shard) return "takes K/N with 1 <= K <= N <= 1024, as in --shard 2/4 (got '" + text + "')";
                 options.shard = *shard;
                 return "";
               },
               "write only the document sets of shard K of N (1 <= K <= N): those whose\n"
               "own symbol's FNV-1a 64 hash modulo N is K-1, so all language versions\n"
               "of a document land in one shard. Every file is still read. Run one\n"
               "process per shard, each into its own --index; the index records\n"
               "K/N and refuses another shard");
  bool no_lexicon = false;
  flags.Switch("--no-lexicon", &no_lexicon,
               "neither use nor learn the index's lexicon (DIR/lexicon/): each document\n"
               "is aligned with what it teaches alone");
  int min_links = static_cast<int>(options.lexicon_min_links);
  flags.Number("--lexicon-min-links", &min_links, 0, 1 << 30, "N",
               "a language pair's lexicon is written once the index has counted this\n"
               "many sure sentence links of it (default 500; fewer teach noise)");
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  options.lexicon = !no_lexicon;
  options.lexicon_min_links = static_cast<std::size_t>(min_links);
  options.memory_mb = static_cast<std::size_t>(memory);
  PdfCollection collected = CollectPdfs(flags.positionals());
  for (const std::string& problem : collected.problems) PrintProblem(problem);
  std::vector<std::string>& files = collected.files;
  if (files.empty() && collected.problems.empty()) {
    return flags.Fail("ingest needs PDF files or folders holding them (found " +
                      std::to_string(collected.other_files) + " other files, none named *.pdf)");
  }
  if (files.empty()) return 1;

  PrintingObserver observer(options.index_folder);
  IngestSummary s;
  if (const Status status = IngestFiles(std::move(files), options, observer, &s); !status.ok()) {
    observer.Done();
    PrintProblem(status.message());
    return 1;
  }
  observer.Done();
  s.failures += static_cast<int>(collected.problems.size());
  std::cerr << "ingest: " << s.files << " files";
  if (!collected.problems.empty()) std::cerr << " (" << collected.problems.size() << " other paths left out)";
  if (collected.other_files > 0) std::cerr << " (" << collected.other_files << " files not *.pdf left out)";
  if (s.not_read_again > 0) std::cerr << " (" << s.not_read_again << " unchanged, not read again)";
  std::cerr << ", " << s.pages << " pages, " << s.segments << " segments, " << s.symbols << " document symbols";
  if (s.recommendations > 0) std::cerr << ", " << s.recommendations << " recommendations";
  if (s.sets_other_shards > 0) {
    std::cerr << " (shard " << options.shard.Text() << "; " << s.sets_other_shards << " sets left to other shards)";
  }
  if (s.reextracted > 0) std::cerr << " (" << s.reextracted << " versions read again for late versions)";
  if (s.shrunk_for_ocr > 0) {
    std::cerr << " (the shares shrank for OCR " << s.shrunk_for_ocr << (s.shrunk_for_ocr == 1 ? " time" : " times")
              << " and grew back " << s.restored_after_ocr << ")";
  }
  std::cerr << "; "
            << s.versions_written << " versions written, " << s.versions_unchanged << " unchanged, " << s.failures
            << " failed; " << s.seconds << " s (extract " << s.extract_seconds << ", align " << s.align_seconds
            << ", index " << s.index_seconds << "; aligning and indexing run beside extracting)\n";
  if (s.lexicon_files > 0) {
    std::cerr << "ingest: lexicon: " << s.lexicon_sentence_pairs << " sentence links counted, " << s.lexicon_pairs
              << " word pairs stored for " << s.lexicon_files << " language pairs in " << options.index_folder
              << "/lexicon (" << s.lexicon_seconds << " s, counts " << (s.lexicon_bytes >> 10) << " KiB)\n";
  }
  if (s.lexicon_counted_only > 0) {
    std::cerr << "ingest: lexicon: " << s.lexicon_counted_only << " language pairs counted, too few sure sentence links "
              << "yet for a lexicon (--lexicon-min-links " << options.lexicon_min_links << ")\n";
  }
  return s.failures == 0 ? 0 : 1;
}

}  // namespace sextant::cli
