#include "pipeline/cli/extraction.h"

#include <unistd.h>

#include <iostream>

namespace sextant::cli {
namespace {

std::size_t CodePoints(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::string ProgressLine(std::string_view label, std::string_view verb, std::size_t done, std::size_t total,
                         std::string_view file, std::size_t width) {
  std::string line = std::string(label) + ": " + std::string(verb) + " [" + std::to_string(done) + "/" +
                     std::to_string(total) + "] ";
  const std::size_t room = width > CodePoints(line) + 1 ? width - CodePoints(line) : 1;
  if (CodePoints(file) > room) {
    // Keep the end of the path (the file name), starting on a code point.
    std::size_t cut = file.size();
    for (std::size_t kept = 0; cut > 0 && kept + 1 < room;) {
      --cut;
      if ((static_cast<unsigned char>(file[cut]) & 0xC0) != 0x80) ++kept;
    }
    line += "…";
    line += file.substr(cut);
  } else {
    line += file;
  }
  return line;
}

ExtractedFiles ExtractFiles(const std::vector<std::string>& files, ExtractionDepth depth, int jobs,
                            std::string_view progress_label,
                            const std::function<void(const Document&)>& on_document) {
  ExtractedFiles out;
  const Runner runner(ExtractionStages(depth));
  RunnerOptions options;
  options.jobs = jobs;
  const bool progress = !progress_label.empty() && isatty(STDERR_FILENO);
  if (progress || on_document) {
    options.on_done = [&](std::size_t done, std::size_t total, const DocumentResult& result) {
      if (on_document && result.status.ok()) on_document(result.document);
      if (progress) {
        std::cerr << '\r' << ProgressLine(progress_label, "extracting", done, total, result.document.path) << "\033[K"
                  << std::flush;
      }
    };
  }
  out.results = runner.Run(files, options);
  if (progress) std::cerr << "\r\033[K" << std::flush;
  for (const DocumentResult& result : out.results) {
    if (!result.status.ok()) {
      std::cerr << "sextant: " << result.status.message() << '\n';
      ++out.failures;
    } else {
      out.documents.push_back(&result.document);
    }
  }
  return out;
}

}  // namespace sextant::cli
