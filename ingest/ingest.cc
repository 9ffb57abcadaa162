#include "ingest/ingest.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "index/index_writer.h"
#include "ingest/set_streamer.h"
#include "pipeline/content_hash.h"
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

 private:
  IngestObserver& inner_;
  std::mutex mutex_;
};

// Extracts `files` (tagged, ready to align), giving each document to the
// streamer as soon as it is done; failures go to the observer, in the
// files' order, once all are done.
struct ExtractionPass {
  std::vector<DocumentResult> results;
  int failures = 0;
};

ExtractionPass Extract(const std::vector<std::string>& files, int jobs, SetStreamer& streamer,
                       IngestObserver& observer) {
  ExtractionPass pass;
  if (files.empty()) return pass;
  const Runner runner(ExtractionStages(ExtractionDepth::kTagged));
  RunnerOptions options;
  options.jobs = jobs;
  options.on_done = [&](std::size_t done, std::size_t total, const DocumentResult& result) {
    if (result.status.ok()) streamer.Add(result.document);
    observer.Extracted(done, total, result);
  };
  pass.results = runner.Run(files, options);
  for (const DocumentResult& result : pass.results) {
    if (result.status.ok()) continue;
    observer.Failed(result.status);
    ++pass.failures;
  }
  return pass;
}

double Seconds(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

std::vector<std::string> CollectPdfs(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      for (const auto& entry : fs::recursive_directory_iterator(path, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".pdf") files.push_back(entry.path().string());
      }
    } else {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

Status IngestFiles(const std::vector<std::string>& files, const IngestOptions& options, IngestObserver& outer,
                   IngestSummary* summary) {
  const auto start = std::chrono::steady_clock::now();
  *summary = IngestSummary();
  summary->files = files.size();
  std::unique_ptr<IndexWriter> writer;
  if (Status status = IndexWriter::Open(options.index_folder, {}, &writer); !status.ok()) return status;
  SerialObserver observer(outer);

  // Files the index holds already (same path, same bytes) are not read
  // again, unless a changed version of their document (same symbol) is
  // read: a set is written whole.
  std::map<std::string, std::string> hashes;
  std::map<std::string, IndexWriter::IndexedVersion> known;
  std::vector<std::string> to_read;
  for (const std::string& file : files) {
    const std::optional<std::string> hash = HashFile(file);
    if (!hash) {
      observer.Failed(Status(StatusCode::kNotFound, file + ": cannot open the file; check the path and permissions"));
      ++summary->failures;
      continue;
    }
    hashes[file] = *hash;
    if (auto indexed = writer->Indexed(file, *hash)) {
      known[file] = *indexed;
    } else {
      to_read.push_back(file);
    }
  }
  observer.Planned(to_read.size(), known.size());

  SetStreamer streamer(*writer, hashes, observer);
  const ExtractionPass read = Extract(to_read, options.jobs, streamer, observer);
  std::set<std::string> read_symbols;
  for (const DocumentResult& result : read.results) {
    const std::string symbol = result.document.furniture.symbol.value_or("");
    if (result.status.ok() && !symbol.empty()) read_symbols.insert(symbol);
  }
  std::vector<std::string> siblings;
  for (const auto& [file, indexed] : known) {
    if (read_symbols.count(indexed.symbol)) siblings.push_back(file);
  }
  const ExtractionPass reread = Extract(siblings, options.jobs, streamer, observer);
  for (const std::string& file : siblings) known.erase(file);
  const auto extracted_at = std::chrono::steady_clock::now();
  const StreamTally tally = streamer.Finish();

  std::set<std::string> own_symbols;
  for (const ExtractionPass* pass : {&read, &reread}) {
    for (const DocumentResult& result : pass->results) {
      if (!result.status.ok()) continue;
      const Document& document = result.document;
      summary->pages += document.pages.size();
      summary->segments += SegmentEntries(document);
      if (document.furniture.symbol && !document.furniture.symbol->empty()) own_symbols.insert(*document.furniture.symbol);
    }
  }
  for (const auto& [file, indexed] : known) {
    summary->pages += indexed.pages;
    summary->segments += indexed.segments;
    if (!indexed.symbol.empty()) own_symbols.insert(indexed.symbol);
  }
  summary->symbols = own_symbols.size();
  summary->not_read_again = known.size();
  summary->versions_written = tally.written_paths.size();
  summary->versions_unchanged = known.size() + tally.unchanged;
  summary->failures += read.failures + reread.failures + tally.failures;
  const auto end = std::chrono::steady_clock::now();
  summary->seconds = Seconds(start, end);
  summary->extract_seconds = Seconds(start, extracted_at);
  summary->align_seconds = tally.align_seconds;
  summary->index_seconds = tally.index_seconds;
  return Status::Ok();
}

}  // namespace sextant
