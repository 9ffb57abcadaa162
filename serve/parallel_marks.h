// The query's translation marked: for each search hit, the spans of its
// parallel texts that render the words the query matched (issue 16, item
// 2). The hits must come from a search with SearchOptions::marks (the
// matched words' spans) and SearchOptions::show (the parallel text); each
// parallel text is linked to the hit's text by the language pair's
// WordLinker (stages/align/word_links.h), the one way Sextant finds a
// rendering. No span rather than a wrong one: a hit whose words do not
// link with enough confidence gets none.
//
// Thread-safety: AddParallelMarks() touches only `result`; the linkers
// are shared safely (WordLinkers locks its own map).
#pragma once

#include "index/index_searcher.h"
#include "stages/align/word_links.h"

namespace sextant {

// Fills SearchHit::parallel_marks of every hit that has marks and a
// parallel text.
void AddParallelMarks(SearchResult* result, WordLinkers& linkers);

// Where Debian's FreeDict dictionaries are.
inline constexpr const char* kDefaultDictionaryFolder = "/usr/share/dictd";

}  // namespace sextant
