// `sextant ingest`: PDF files and folders into the Xapian index, every
// document's language versions aligned through English.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "index/index_writer.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/extraction.h"
#include "pipeline/document_set.h"
#include "stages/align/document_aligner.h"

namespace sextant::cli {
namespace {

namespace fs = std::filesystem;

// Segments written per Xapian transaction (a batch of whole sets).
constexpr std::size_t kBatchSegments = 20000;

// Files named on the command line, and the PDFs below folders, sorted.
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

// FNV-1a 64 over the file's bytes, in hex: re-ingesting an unchanged file
// is then recognised without reading the index's copy.
std::string ContentHash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::uint64_t hash = 1469598103934665603ull;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    for (std::streamsize k = 0; k < in.gcount(); ++k) {
      hash = (hash ^ static_cast<unsigned char>(buffer[k])) * 1099511628211ull;
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

// One document set, ready for IndexWriter::AddDocumentSet: the pivot
// (English when there, else the first language present) first, the others
// with their alignment to it. `versions` points into `alignments` and the
// extracted documents.
struct SetToWrite {
  std::string symbol;
  std::size_t segments = 0;  // segment entries it makes (all versions)
  std::vector<DocumentAlignment> alignments;
  std::vector<IndexVersion> versions;
};

void Prepare(const DocumentSet& set, const std::map<std::string, const Document*>& by_path,
             const std::map<std::string, std::string>& hashes, SetToWrite* out) {
  out->symbol = set.symbol;
  for (const auto& [language, path] : set.versions) {
    for (const Paragraph& paragraph : by_path.at(path)->paragraphs) {
      out->segments += std::max<std::size_t>(1, paragraph.segments.size());
    }
  }
  const Language pivot = set.versions.count(Language::kEnglish) ? Language::kEnglish : set.versions.begin()->first;
  const Document& pivot_document = *by_path.at(set.versions.at(pivot));
  const AlignableText pivot_text = AlignableFromDocument(pivot_document);
  out->alignments.reserve(set.versions.size());
  out->versions.push_back({&pivot_document, hashes.at(pivot_document.path), nullptr});
  for (const auto& [language, path] : set.versions) {
    if (language == pivot) continue;
    const Document& document = *by_path.at(path);
    out->alignments.push_back(AlignDocuments(pivot_text, AlignableFromDocument(document)));
    out->versions.push_back({&document, hashes.at(path), &out->alignments.back()});
  }
}

// Groups the documents into sets and aligns each set's versions, `jobs`
// sets at a time (alignment is a pure function; the writer stays serial).
std::vector<SetToWrite> PrepareSets(const std::vector<const Document*>& documents,
                                    const std::map<std::string, std::string>& hashes, int jobs, bool progress) {
  const std::vector<DocumentSet> sets = GroupLanguageVersions(documents);
  std::map<std::string, const Document*> by_path;
  for (const Document* document : documents) by_path[document->path] = document;
  std::vector<SetToWrite> out(sets.size());
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex done_mutex;
  auto work = [&] {
    for (std::size_t s = next++; s < sets.size(); s = next++) {
      Prepare(sets[s], by_path, hashes, &out[s]);
      std::lock_guard<std::mutex> lock(done_mutex);
      ++done;
      if (progress) {
        std::cerr << '\r' << ProgressLine("ingest", "aligning", done, sets.size(), sets[s].symbol) << "\033[K"
                  << std::flush;
      }
    }
  };
  std::vector<std::thread> workers;
  for (int j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  return out;
}

}  // namespace

int Ingest(const std::vector<std::string>& args) {
  std::string folder = kDefaultIndex;
  int jobs = 2;
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--index" && i + 1 < args.size()) {
      folder = args[++i];
    } else if (args[i] == "--jobs" && i + 1 < args.size()) {
      jobs = std::atoi(args[++i].c_str());
      if (jobs < 1) return Usage("--jobs takes a whole number of at least 1");
    } else if (args[i].rfind("--", 0) == 0) {
      return Usage("unknown option " + args[i]);
    } else {
      paths.push_back(args[i]);
    }
  }
  const std::vector<std::string> files = CollectPdfs(paths);
  if (files.empty()) return Usage("ingest needs PDF files or folders holding them");
  const auto start = std::chrono::steady_clock::now();

  std::unique_ptr<IndexWriter> writer;
  if (const Status status = IndexWriter::Open(folder, {}, &writer); !status.ok()) {
    std::cerr << "sextant: " << status.message() << '\n';
    return 1;
  }
  // Files the index holds already (same path, same bytes) are not read
  // again, unless a changed version of their document (same symbol) is
  // read: a set is written whole.
  std::map<std::string, std::string> hashes;
  std::map<std::string, IndexWriter::IndexedVersion> known;
  std::vector<std::string> to_read;
  for (const std::string& file : files) {
    hashes[file] = ContentHash(file);
    if (auto indexed = writer->Indexed(file, hashes[file])) {
      known[file] = *indexed;
    } else {
      to_read.push_back(file);
    }
  }
  std::cerr << "ingest: extracting " << to_read.size() << " files into " << folder;
  if (!known.empty()) std::cerr << " (" << known.size() << " indexed already)";
  std::cerr << '\n';
  ExtractedFiles extracted = ExtractFiles(to_read, ExtractionDepth::kTagged, jobs, "ingest");
  std::set<std::string> read_symbols;
  for (const Document* document : extracted.documents) {
    if (document->furniture.symbol && !document->furniture.symbol->empty()) read_symbols.insert(*document->furniture.symbol);
  }
  std::vector<std::string> siblings;
  for (const auto& [file, indexed] : known) {
    if (read_symbols.count(indexed.symbol)) siblings.push_back(file);
  }
  ExtractedFiles sibling_documents = ExtractFiles(siblings, ExtractionDepth::kTagged, jobs, "ingest");
  for (const std::string& file : siblings) known.erase(file);
  std::vector<const Document*> documents = extracted.documents;
  documents.insert(documents.end(), sibling_documents.documents.begin(), sibling_documents.documents.end());
  const auto extracted_at = std::chrono::steady_clock::now();

  std::size_t pages = 0, segments = 0, written = 0, unchanged = known.size();
  std::set<std::string> own_symbols;
  for (const Document* document : documents) {
    pages += document->pages.size();
    for (const Paragraph& paragraph : document->paragraphs) segments += std::max<std::size_t>(1, paragraph.segments.size());
    if (document->furniture.symbol && !document->furniture.symbol->empty()) own_symbols.insert(*document->furniture.symbol);
  }
  for (const auto& [file, indexed] : known) {
    pages += indexed.pages;
    segments += indexed.segments;
    if (!indexed.symbol.empty()) own_symbols.insert(indexed.symbol);
  }
  int failures = extracted.failures + sibling_documents.failures;
  const bool progress = isatty(STDERR_FILENO);
  std::vector<SetToWrite> sets = PrepareSets(documents, hashes, jobs, progress);
  const auto aligned_at = std::chrono::steady_clock::now();
  // Sets go to the writer in batches of about kBatchSegments segments, one
  // transaction each (IndexWriter::AddDocumentSets): a kill loses at most
  // the batch being written, never part of a set.
  for (std::size_t first = 0; first < sets.size();) {
    std::size_t last = first, batch_segments = 0;
    std::vector<std::vector<IndexVersion>> batch;
    while (last < sets.size() && (batch.empty() || batch_segments + sets[last].segments <= kBatchSegments)) {
      batch_segments += sets[last].segments;
      batch.push_back(sets[last++].versions);
    }
    if (progress) {
      std::cerr << '\r' << ProgressLine("ingest", "indexing", last, sets.size(), sets[last - 1].symbol) << "\033[K"
                << std::flush;
    }
    std::vector<IndexWriter::SetOutcome> outcomes;
    if (const Status status = writer->AddDocumentSets(batch, &outcomes); !status.ok()) {
      std::cerr << (progress ? "\r\033[K" : "") << "sextant: " << status.message() << '\n';
      failures += static_cast<int>(batch.size());
    } else {
      for (std::size_t k = 0; k < batch.size(); ++k) {
        if (!outcomes[k].status.ok()) {
          std::cerr << (progress ? "\r\033[K" : "") << "sextant: " << outcomes[k].status.message() << '\n';
          ++failures;
          continue;
        }
        written += outcomes[k].counts.documents;
        unchanged += outcomes[k].counts.unchanged ? batch[k].size() : 0;
      }
    }
    first = last;
  }
  if (progress) std::cerr << "\r\033[K";
  const auto end = std::chrono::steady_clock::now();
  auto seconds = [](auto from, auto to) { return std::chrono::duration<double>(to - from).count(); };
  std::cerr << "ingest: " << files.size() << " files";
  if (!known.empty()) std::cerr << " (" << known.size() << " unchanged, not read again)";
  std::cerr << ", " << pages << " pages, " << segments << " segments, " << own_symbols.size() << " document symbols; "
            << written << " versions written, " << unchanged << " unchanged, " << failures << " failed; "
            << seconds(start, end) << " s (extract " << seconds(start, extracted_at) << ", align "
            << seconds(extracted_at, aligned_at) << ", index " << seconds(aligned_at, end) << ")\n";
  return failures == 0 ? 0 : 1;
}

}  // namespace sextant::cli
