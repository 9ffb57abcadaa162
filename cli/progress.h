// ProgressLine: one line on stderr, rewritten in place as long work goes on
// ("ingest: extracting [12/75] …/A_80_434.pdf"), shown only when stderr is
// a terminal (piped or redirected, nothing is written), and cleared before
// any other message so that the two never share a line.
//
// Thread-safety: Show() and Clear() are called one at a time (the runner
// and the ingest observer serialise their callbacks).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sextant::cli {

class ProgressLine {
 public:
  // `label`: the command ("ingest"); `wanted`: false leaves it silent.
  ProgressLine(std::string label, bool wanted);
  ~ProgressLine();  // clears the line

  void Show(std::string_view verb, std::size_t done, std::size_t total, std::string_view item);
  void Clear();
  bool shown() const { return shown_; }

 private:
  std::string label_;
  bool enabled_ = false;
  bool shown_ = false;
};

// "LABEL: VERB [k/n] ITEM", the item cut from the front to keep the line
// within `width` columns (counted in code points).
std::string FormatProgress(std::string_view label, std::string_view verb, std::size_t done, std::size_t total,
                           std::string_view item, std::size_t width = 100);

}  // namespace sextant::cli
