// AlignedPair: one sentence pair of a translation memory, as `sextant
// export` reads it out of the index (index/aligned_pair_reader.h) and
// writes it as TMX, TSV or JSON Lines (stages/export/pair_writer.h): the
// two texts of one alignment link with both sides, and where they stand in
// their document. The type lives here so that neither the index nor the
// export depends on the other for it.
//
// Thread-safety: a plain value.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

struct AlignedPair {
  std::string symbol;       // the document's own symbol; empty when it has none
  std::string date;         // ISO, as the document gives it ("2022-06-27"); may be empty
  std::string agenda_item;  // of the source sentence ("1(a)"), else of the target one; may be empty
  Language source_language = Language::kEnglish;
  Language target_language = Language::kEnglish;
  // The link's texts, joined as JoinUnits (pipeline/alignment.h) joins them.
  std::string source_text, target_text;
  // 0-based sentence indices through each version (1 or 2 a side), and the
  // 0-based paragraph and the page of each side's first sentence.
  std::vector<std::size_t> source_segments, target_segments;
  std::size_t source_paragraph = 0, target_paragraph = 0;
  int source_page = 0, target_page = 0;
  double score = 0;  // the link's confidence in [0, 1]
};

}  // namespace sextant
