// `sextant ingest` and `sextant search`: PDFs into the Xapian index, and
// passages out of it, with their translation beside them.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "index/index_searcher.h"
#include "index/index_writer.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/extraction.h"
#include "pipeline/document_set.h"
#include "stages/align/document_aligner.h"

namespace sextant::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultIndex = "sextant-index";

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
  std::cerr << "ingest: extracting " << files.size() << " files into " << folder << '\n';
  const ExtractedFiles extracted = ExtractFiles(files, ExtractionDepth::kTagged, jobs);

  std::size_t pages = 0, segments = 0, symbols = 0, written = 0, unchanged = 0;
  for (const Document* document : extracted.documents) {
    pages += document->pages.size();
    for (const Paragraph& paragraph : document->paragraphs) {
      segments += paragraph.segments.size();
      for (const sextant::Tag& tag : paragraph.tags) symbols += tag.kind == TagKind::kSymbol;
    }
  }
  int failures = extracted.failures;
  const std::vector<DocumentSet> sets = GroupLanguageVersions(extracted.documents);
  std::map<std::string, const Document*> by_path;
  for (const Document* document : extracted.documents) by_path[document->path] = document;
  const bool progress = isatty(STDERR_FILENO);
  for (std::size_t s = 0; s < sets.size(); ++s) {
    const DocumentSet& set = sets[s];
    if (progress) std::cerr << "\ringest: [" << s + 1 << "/" << sets.size() << "] " << set.symbol << "\033[K" << std::flush;
    // The pivot: English when there, else the first language present.
    const Language pivot = set.versions.count(Language::kEnglish) ? Language::kEnglish : set.versions.begin()->first;
    const Document& pivot_document = *by_path[set.versions.at(pivot)];
    std::vector<DocumentAlignment> alignments;
    alignments.reserve(set.versions.size());
    std::vector<IndexVersion> versions{{&pivot_document, ContentHash(pivot_document.path), nullptr}};
    for (const auto& [language, path] : set.versions) {
      if (language == pivot) continue;
      const Document& document = *by_path[path];
      alignments.push_back(AlignDocuments(AlignableFromDocument(pivot_document), AlignableFromDocument(document)));
      versions.push_back({&document, ContentHash(path), &alignments.back()});
    }
    AddCounts counts;
    if (const Status status = writer->AddDocumentSet(versions, &counts); !status.ok()) {
      std::cerr << "\nsextant: " << status.message() << '\n';
      ++failures;
      continue;
    }
    written += counts.documents;
    unchanged += counts.unchanged ? set.versions.size() : 0;
  }
  if (progress) std::cerr << "\r\033[K";
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "ingest: " << files.size() << " files, " << pages << " pages, " << segments << " segments, "
            << symbols << " symbols; " << written << " versions written, " << unchanged
            << " unchanged, " << failures << " failed; " << seconds << " s\n";
  return failures == 0 ? 0 : 1;
}

int Search(const std::vector<std::string>& args) {
  std::string folder = kDefaultIndex;
  SearchOptions options;
  bool as_json = false;
  std::string query;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool value = i + 1 < args.size();
    if (args[i] == "--index" && value) {
      folder = args[++i];
    } else if ((args[i] == "--lang" || args[i] == "--show") && value) {
      const auto language = LanguageFromCode(args[i + 1]);
      if (!language) return Usage(args[i] + " takes one of ar zh en fr ru es");
      (args[i] == "--lang" ? options.language : options.show) = language;
      ++i;
    } else if (args[i] == "--sort" && value) {
      const std::string sort = args[++i];
      if (sort != "relevance" && sort != "date") return Usage("--sort takes relevance or date");
      options.sort = sort == "date" ? SearchSort::kDate : SearchSort::kRelevance;
    } else if (args[i] == "--limit" && value) {
      options.limit = static_cast<std::size_t>(std::max(1, std::min(1000, std::atoi(args[++i].c_str()))));
    } else if (args[i] == "--json") {
      as_json = true;
    } else if (args[i].rfind("--", 0) == 0) {
      return Usage("unknown option " + args[i]);
    } else {
      query += (query.empty() ? "" : " ") + args[i];
    }
  }
  if (query.empty()) return Usage("search needs a query");
  std::unique_ptr<IndexSearcher> searcher;
  if (const Status status = IndexSearcher::Open(folder, &searcher); !status.ok()) {
    std::cerr << "sextant: " << status.message() << '\n';
    return 1;
  }
  SearchResult result;
  if (const Status status = searcher->Search(query, options, &result); !status.ok()) {
    std::cerr << "sextant: " << status.message() << '\n';
    return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  using nlohmann::json;
  if (as_json) {
    json hits = json::array();
    for (const SearchHit& hit : result.hits) {
      json parallel = json::object();
      for (const auto& [language, text] : hit.parallel) parallel[std::string(Code(language))] = text;
      hits.push_back({{"symbol", hit.symbol}, {"language", std::string(Code(hit.language))},
                      {"date", hit.date}, {"agenda_item", hit.agenda_item}, {"text", hit.text},
                      {"snippet", hit.snippet}, {"parallel", parallel}, {"file", hit.path},
                      {"page", hit.page}});
    }
    const SearchFacets& f = result.facets;
    std::cout << json{{"total", result.total}, {"hits", hits},
                      {"facets", {{"language", f.languages}, {"year", f.years}, {"series", f.series}}}}
                     .dump(-1, ' ', false, json::error_handler_t::replace)
              << '\n';
    return 0;
  }
  std::cout << result.total << " passages\n";
  for (const SearchHit& hit : result.hits) {
    std::cout << "\n" << hit.symbol << "  " << Code(hit.language) << "  " << hit.date
              << (hit.agenda_item.empty() ? "" : "  item " + hit.agenda_item) << "\n  " << hit.snippet << '\n';
    for (const auto& [language, text] : hit.parallel) {
      if (!text.empty()) std::cout << "  [" << Code(language) << "] " << text << '\n';
    }
  }
  return 0;
}

}  // namespace sextant::cli
