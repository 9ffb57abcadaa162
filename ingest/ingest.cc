#include "ingest/ingest.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "index/index_writer.h"
#include "ingest/file_table.h"
#include "ingest/ingest_lexicon.h"
#include "ingest/ocr_room.h"
#include "ingest/set_streamer.h"
#include "pipeline/content_hash.h"
#include "pipeline/unicode_text.h"
#include "stages/ocr/tesseract_recognizer.h"
#include "stages/standard_stages.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

// Makes the observer's calls one at a time, whichever thread makes them
// (extraction workers and the streamer's thread).
class SerialObserver : public IngestObserver {
 public:
  explicit SerialObserver(IngestObserver& inner) : inner_(inner) {}
  void Planned(std::size_t to_read, std::size_t indexed_already) override {
    std::lock_guard lock(mutex_);
    inner_.Planned(to_read, indexed_already);
  }
  void Extracted(std::size_t done, std::size_t total, const DocumentResult& result) override {
    std::lock_guard lock(mutex_);
    inner_.Extracted(done, total, result);
  }
  void OcrPage(const std::string& path, int page, int pages) override {
    std::lock_guard lock(mutex_);
    inner_.OcrPage(path, page, pages);
  }
  void Aligning(std::size_t done, std::size_t total, std::string_view symbol) override {
    std::lock_guard lock(mutex_);
    inner_.Aligning(done, total, symbol);
  }
  void Indexing(std::size_t done, std::size_t total, std::string_view symbol) override {
    std::lock_guard lock(mutex_);
    inner_.Indexing(done, total, symbol);
  }
  void SetWritten(std::string_view symbol, std::size_t versions) override {
    std::lock_guard lock(mutex_);
    inner_.SetWritten(symbol, versions);
  }
  void Failed(const Status& status) override {
    std::lock_guard lock(mutex_);
    inner_.Failed(status);
  }
  void Notice(const std::string& line) override {
    std::lock_guard lock(mutex_);
    inner_.Notice(line);
  }

 private:
  IngestObserver& inner_;
  std::mutex mutex_;
};

// Extracts `files` (tagged, ready to align), giving each document to the
// streamer as soon as it is done (the streamer then owns it: nothing here
// keeps a document); failures go to the observer, in the files' order,
// once each chunk of files is done. Counts what the documents of this shard hold.
struct ExtractionPass {
  std::set<std::string> symbols;  // own symbols of the documents read (this shard's)
  std::size_t pages = 0, segments = 0, recommendations = 0;
  int failures = 0;
};

ExtractionPass Extract(const FileTable& table, const std::vector<FileTable::Id>& files, const Runner& runner,
                       const IngestOptions& ingest, SetStreamer& streamer, OcrRoom& ocr_room, IngestObserver& observer) {
  ExtractionPass pass;
  if (files.empty()) return pass;
  RunnerOptions options;
  options.jobs = ingest.jobs;
  options.stop = &streamer.stopped();
  options.keep_documents = false;
  std::size_t done_before = 0;  // files of the chunks before
  options.on_done = [&](std::size_t done, std::size_t, DocumentResult& result) {
    observer.Extracted(done_before + done, files.size(), result);
    ocr_room.FileDone();
    if (!result.status.ok()) return;
    const Document& document = result.document;
    if (ingest.shard.Holds(SetKeyOf(document))) {
      pass.pages += document.pages.size();
      pass.segments += SegmentEntries(document);
      pass.recommendations += document.recommendations.size();
      if (document.furniture.symbol && !document.furniture.symbol->empty()) pass.symbols.insert(*document.furniture.symbol);
    }
    streamer.Add(std::move(result.document));  // waits while the streamer is behind
  };
  // In chunks: the runner's results (a path and a status each, ~700 bytes)
  // would otherwise grow with the number of files. A chunk waits for its
  // slowest file, one file's time in kChunkFiles.
  constexpr std::size_t kChunkFiles = 512;
  for (std::size_t first = 0; first < files.size(); first += kChunkFiles) {
    std::vector<std::string> chunk;
    for (std::size_t k = first; k < std::min(files.size(), first + kChunkFiles); ++k) {
      chunk.emplace_back(table.Path(files[k]));
    }
    done_before = first;
    for (const DocumentResult& result : runner.Run(chunk, options)) {
      if (result.status.ok() || result.status.code() == StatusCode::kCancelled) continue;
      observer.Failed(result.status);
      ++pass.failures;
    }
  }
  return pass;
}

// The failure that ended an ingest, with what it means for the user: for
// a full disk, about how much room the files not written need (at the
// index's own bytes per file so far).
Status StoppedBy(const Status& failure, const std::string& folder, const IngestSummary& summary) {
  std::string message = failure.message();
  const std::size_t in_index = summary.versions_written + summary.not_read_again;
  const std::size_t left = summary.files > in_index ? summary.files - in_index : 0;
  if (failure.code() == StatusCode::kNoSpace) {
    std::uintmax_t index_bytes = 0;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) index_bytes += entry.file_size(error);
    if (in_index > 0) {
      const std::uintmax_t needed = index_bytes / in_index * left;
      message += ": about " + std::to_string(needed / 1'000'000 + 1) + " MB more needed for the " +
                 std::to_string(left) + " files not written (the index holds " +
                 std::to_string(index_bytes / 1'000'000) + " MB for " + std::to_string(in_index) + ")";
    }
    message += ". Free space, or ingest into an --index folder on a larger disk; run the same command again then: "
               "what was written is kept and not read again";
  } else {
    message += " (stopped: " + std::to_string(left) + " files not written)";
  }
  return Status(failure.code(), message);
}

double Seconds(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

namespace {

bool HasPdfExtension(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".pdf";
}

std::string KindOf(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::block: return "a block device";
    case fs::file_type::character: return "a character device";
    default: return "not a regular file";
  }
}

// Why a symbolic link cannot be followed ("loops", "leads to nothing").
std::string BrokenLink(const fs::path& link, const std::error_code& error) {
  if (error == std::errc::too_many_symbolic_link_levels) return "a symbolic link that loops; left out";
  std::error_code ignored;
  const fs::path target = fs::read_symlink(link, ignored);
  return "a symbolic link to " + target.string() + ", which is not there; left out";
}

void Problem(PdfCollection& out, const fs::path& path, const std::string& why) {
  out.problems.push_back(PrintableText(path.string()) + ": " + why);
}

// The PDFs below `folder`, in name order; links to folders are not
// followed (so no walk can loop).
void Walk(const fs::path& folder, PdfCollection& out) {
  std::error_code error;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    entries.push_back(it->path());
  }
  if (error) Problem(out, folder, "cannot read the folder: " + error.message() + " (check its permissions)");
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    const fs::file_status own = fs::symlink_status(entry, error);
    if (error) {
      Problem(out, entry, "cannot read: " + error.message());
      continue;
    }
    const bool link = fs::is_symlink(own);
    const fs::file_status target = link ? fs::status(entry, error) : own;
    if (link && error) {
      Problem(out, entry, BrokenLink(entry, error));
    } else if (fs::is_directory(target)) {
      if (link) {
        Problem(out, entry, "a link to a folder, not followed (name the folder itself to read it)");
      } else {
        Walk(entry, out);
      }
    } else if (!HasPdfExtension(entry)) {
      ++out.other_files;
    } else if (fs::is_regular_file(target)) {
      out.files.push_back(entry.string());
    } else {
      Problem(out, entry, KindOf(target.type()) + ", not a file; left out");
    }
  }
}

}  // namespace

PdfCollection CollectPdfs(const std::vector<std::string>& paths) {
  PdfCollection out;
  for (const std::string& path : paths) {
    std::error_code error;
    const bool link = fs::is_symlink(fs::symlink_status(path, error));
    const fs::file_status status = fs::status(path, error);
    if (link && error) {
      Problem(out, path, BrokenLink(path, error));
    } else if (fs::is_directory(status)) {
      Walk(path, out);
    } else if (status.type() == fs::file_type::not_found) {
      Problem(out, path, "no such file or folder (check the path)");
    } else if (fs::exists(status) && !fs::is_regular_file(status)) {
      Problem(out, path, KindOf(status.type()) + ", not a file; left out");
    } else {
      out.files.push_back(path);  // a file, or one that cannot be examined: reading it will say why
    }
  }
  std::sort(out.files.begin(), out.files.end());
  return out;
}

Status IngestFiles(std::vector<std::string> files, const IngestOptions& options, IngestObserver& outer,
                   IngestSummary* summary) {
  const auto start = std::chrono::steady_clock::now();
  *summary = IngestSummary();
  std::unique_ptr<IndexWriter> writer;
  IndexWriterOptions writer_options;
  if (options.shard.sharded()) writer_options.shard = options.shard.Text();
  if (Status status = IndexWriter::Open(options.index_folder, writer_options, &writer); !status.ok()) return status;
  SerialObserver observer(outer);

  // Files the index holds already (same path, same bytes) are not read
  // again, unless a changed version of their document (same symbol) is
  // read: a set is written whole.
  FileTable table;  // a path given twice is one file, read once
  for (const std::string& file : files) {
    const std::optional<ContentHash> hash = HashFile(file);
    if (!hash) {
      observer.Failed(Status(StatusCode::kNotFound, file + ": cannot open the file; check the path and permissions"));
      ++summary->failures;
      continue;
    }
    table.Add(file, *hash);
  }
  files = std::vector<std::string>();  // every path is in the table now
  table.Seal();
  std::map<FileTable::Id, IndexWriter::IndexedVersion> known;
  std::vector<FileTable::Id> to_read;  // in path order
  for (FileTable::Id file = 0; file < table.size(); ++file) {
    if (auto indexed = writer->Indexed(std::string(table.Path(file)), table.Hash(file).Hex())) {
      known[file] = *indexed;
    } else {
      to_read.push_back(file);
    }
  }
  summary->files = table.size() + summary->failures;
  observer.Planned(to_read.size(), known.size());

  ExtractionOptions extraction;
  extraction.ocr = options.ocr;
  extraction.records = options.records;
  // One engine a thread stays loaded, the last page's first (its
  // language's model: a corpus in one language loads it once a thread);
  // the least recently used past them are freed when a page ends, and all
  // once the scans stop (OcrRoom). Four a thread (an Arabic page's: OSD,
  // Arabic with its script's model, the script's alone, English) were
  // 8-12 % faster on Arabic scans and held 35-50 MB more (docs/benchmarks.md).
  std::shared_ptr<const TesseractRecognizer> recognizer;
  if (options.ocr != OcrMode::kNever) {
    recognizer = std::make_shared<const TesseractRecognizer>(
        std::string(), OcrLimits{static_cast<std::size_t>(options.jobs)});
    extraction.recognizer = recognizer;
  }
  SetStreamer* streamer_for_ocr = nullptr;  // set below, before any file is read
  OcrRoom ocr_room(options.memory_mb, options.jobs, options.ocr_quiet_seconds,
                   {[&](const StreamLimits& limits) { streamer_for_ocr->SetLimits(limits); },
                    [&] { if (recognizer) recognizer->FreeIdleEngines(); },
                    [&](const std::string& line) { observer.Notice(line); }});
  extraction.before_ocr_page = [&ocr_room] { ocr_room.PageBegins(); };
  extraction.after_ocr_page = [&ocr_room] { ocr_room.PageEnds(); };
  extraction.on_ocr_page = [&observer](const std::string& path, int page, int pages) {
    observer.OcrPage(path, page, pages);
  };
  const Runner runner(ExtractionStages(ExtractionDepth::kTagged, extraction));
  StreamOptions stream;
  stream.limits = StreamLimits::ForMemory(options.memory_mb);
  stream.shard = options.shard;
  stream.reextract = [&runner](const std::string& path) -> std::optional<Document> {
    DocumentResult result = runner.RunOne(path);
    if (!result.status.ok()) return std::nullopt;
    return std::move(result.document);
  };
  std::optional<IngestLexicon> lexicon;
  if (options.lexicon) {
    lexicon.emplace((std::filesystem::path(options.index_folder) / "lexicon").string(), stream.limits.lexicon_bytes,
                    options.lexicon_min_links);
    stream.lexicon = &*lexicon;
  }
  SetStreamer streamer(*writer, table, observer, std::move(stream));
  streamer_for_ocr = &streamer;
  const ExtractionPass read = Extract(table, to_read, runner, options, streamer, ocr_room, observer);
  to_read = std::vector<FileTable::Id>();
  std::vector<FileTable::Id> siblings;
  for (const auto& [file, indexed] : known) {
    if (read.symbols.count(indexed.symbol)) siblings.push_back(file);
  }
  const ExtractionPass reread = Extract(table, siblings, runner, options, streamer, ocr_room, observer);
  for (const FileTable::Id file : siblings) known.erase(file);
  if (recognizer) recognizer->FreeIdleEngines();  // not held while the last sets are written
  const auto extracted_at = std::chrono::steady_clock::now();
  const StreamTally tally = streamer.Finish();

  std::set<std::string> own_symbols;
  for (const ExtractionPass* pass : {&read, &reread}) {
    summary->pages += pass->pages;
    summary->segments += pass->segments;
    summary->recommendations += pass->recommendations;
    own_symbols.insert(pass->symbols.begin(), pass->symbols.end());
  }
  for (const auto& [file, indexed] : known) {
    summary->pages += indexed.pages;
    summary->segments += indexed.segments;
    if (!indexed.symbol.empty()) own_symbols.insert(indexed.symbol);
  }
  summary->symbols = own_symbols.size();
  summary->not_read_again = known.size();
  summary->versions_written = tally.versions_written;
  summary->versions_unchanged = known.size() + tally.unchanged;
  summary->failures += read.failures + reread.failures + tally.failures;
  const auto end = std::chrono::steady_clock::now();
  summary->seconds = Seconds(start, end);
  summary->extract_seconds = Seconds(start, extracted_at);
  summary->align_seconds = tally.align_seconds;
  summary->index_seconds = tally.index_seconds;
  summary->sets_other_shards = tally.other_shards;
  summary->reextracted = tally.reextracted;
  summary->peak_held_documents = tally.peak_held_documents;
  const OcrRoom::Tally ocr_changes = ocr_room.tally();
  summary->shrunk_for_ocr = ocr_changes.shrunk;
  summary->restored_after_ocr = ocr_changes.restored;
  if (!tally.fatal.ok()) return StoppedBy(tally.fatal, options.index_folder, *summary);
  if (lexicon) {
    const auto saving = std::chrono::steady_clock::now();
    IngestLexiconSaved saved;
    const Status status = lexicon->Save(&saved);
    for (const std::string& line : lexicon->TakeProblems()) observer.Notice(line);
    summary->lexicon_seconds = tally.lexicon_seconds + Seconds(saving, std::chrono::steady_clock::now());
    summary->lexicon_files = saved.files;
    summary->lexicon_pairs = saved.pairs;
    summary->lexicon_sentence_pairs = saved.sentence_pairs;
    summary->lexicon_counted_only = saved.counted_only;
    summary->lexicon_bytes = lexicon->peak_count_bytes();
    summary->seconds = Seconds(start, std::chrono::steady_clock::now());
    if (!status.ok()) {
      ++summary->failures;
      observer.Failed(Status(status.code(), status.message() + " (the index's lexicon was not saved; the index is whole)"));
    }
  }
  return Status::Ok();
}

}  // namespace sextant
