#include "cli/progress.h"

#include <unistd.h>

#include <iostream>

#include "pipeline/unicode_text.h"

namespace sextant::cli {
namespace {

std::size_t CodePoints(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::string FormatProgress(std::string_view label, std::string_view verb, std::size_t done, std::size_t total,
                           std::string_view item, std::size_t width) {
  std::string line = std::string(label) + ": " + std::string(verb) + " [" + std::to_string(done) + "/" +
                     std::to_string(total) + "] ";
  const std::size_t room = width > CodePoints(line) + 1 ? width - CodePoints(line) : 1;
  if (CodePoints(item) > room) {
    // Keep the end of the path (the file name), starting on a code point.
    std::size_t cut = item.size();
    for (std::size_t kept = 0; cut > 0 && kept + 1 < room;) {
      --cut;
      if ((static_cast<unsigned char>(item[cut]) & 0xC0) != 0x80) ++kept;
    }
    line += "…";
    line += item.substr(cut);
  } else {
    line += item;
  }
  return line;
}

ProgressLine::ProgressLine(std::string label, bool wanted)
    : label_(std::move(label)), enabled_(wanted && isatty(STDERR_FILENO)) {}

ProgressLine::~ProgressLine() { Clear(); }

void ProgressLine::Show(std::string_view verb, std::size_t done, std::size_t total, std::string_view item) {
  if (!enabled_) return;
  std::cerr << '\r' << FormatProgress(label_, verb, done, total, PrintableText(item)) << "\033[K" << std::flush;
  shown_ = true;
}

void ProgressLine::Clear() {
  if (!shown_) return;
  std::cerr << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace sextant::cli
