#include "serve/parallel_marks.h"

namespace sextant {

void AddParallelMarks(SearchResult* result, WordLinkers& linkers) {
  for (SearchHit& hit : result->hits) {
    if (hit.marks.empty()) continue;
    std::vector<ByteSpan> marks;
    for (const auto& [begin, end] : hit.marks) marks.push_back({begin, end});
    for (const auto& [language, text] : hit.parallel) {
      if (text.empty() || language == hit.language) continue;
      const WordLinker& linker = linkers.Get(hit.language, language);
      auto& out = hit.parallel_marks[language];
      for (const LinkedSpan& span : linker.Render(hit.text, marks, text)) out.emplace_back(span.begin, span.end);
    }
  }
}

}  // namespace sextant
