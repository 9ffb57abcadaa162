// `sextant ingest`: PDF files and folders into the Xapian index, every
// document's language versions aligned through English: files are
// extracted on --jobs threads while a SetStreamer aligns and writes the
// document sets already complete.
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
#include "pipeline/cli/set_streamer.h"

namespace sextant::cli {
namespace {

namespace fs = std::filesystem;


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
  // Sets are aligned and written on the streamer's thread as extraction
  // finishes their files.
  SetStreamer streamer(*writer, hashes);
  const auto stream = [&streamer](const Document& document) { streamer.Add(document); };
  ExtractedFiles extracted = ExtractFiles(to_read, ExtractionDepth::kTagged, jobs, "ingest", stream);
  std::set<std::string> read_symbols;
  for (const Document* document : extracted.documents) {
    if (document->furniture.symbol && !document->furniture.symbol->empty()) read_symbols.insert(*document->furniture.symbol);
  }
  std::vector<std::string> siblings;
  for (const auto& [file, indexed] : known) {
    if (read_symbols.count(indexed.symbol)) siblings.push_back(file);
  }
  ExtractedFiles sibling_documents = ExtractFiles(siblings, ExtractionDepth::kTagged, jobs, "ingest", stream);
  for (const std::string& file : siblings) known.erase(file);
  const auto extracted_at = std::chrono::steady_clock::now();
  const bool progress = isatty(STDERR_FILENO);
  const StreamTally tally = streamer.Finish(progress);

  std::size_t pages = 0, segments = 0;
  std::set<std::string> own_symbols;
  for (const ExtractedFiles* part : {&extracted, &sibling_documents}) {
    for (const Document* document : part->documents) {
      pages += document->pages.size();
      for (const Paragraph& paragraph : document->paragraphs) segments += std::max<std::size_t>(1, paragraph.segments.size());
      if (document->furniture.symbol && !document->furniture.symbol->empty()) own_symbols.insert(*document->furniture.symbol);
    }
  }
  for (const auto& [file, indexed] : known) {
    pages += indexed.pages;
    segments += indexed.segments;
    if (!indexed.symbol.empty()) own_symbols.insert(indexed.symbol);
  }
  const int failures = extracted.failures + sibling_documents.failures + tally.failures;
  if (progress) std::cerr << "\r\033[K";
  const auto end = std::chrono::steady_clock::now();
  auto seconds = [](auto from, auto to) { return std::chrono::duration<double>(to - from).count(); };
  std::cerr << "ingest: " << files.size() << " files";
  if (!known.empty()) std::cerr << " (" << known.size() << " unchanged, not read again)";
  std::cerr << ", " << pages << " pages, " << segments << " segments, " << own_symbols.size() << " document symbols; "
            << tally.written_paths.size() << " versions written, " << known.size() + tally.unchanged << " unchanged, "
            << failures << " failed; " << seconds(start, end) << " s (extract " << seconds(start, extracted_at)
            << ", align " << tally.align_seconds << ", index " << tally.index_seconds
            << "; aligning and indexing run beside extracting)\n";
  return failures == 0 ? 0 : 1;
}

}  // namespace sextant::cli
