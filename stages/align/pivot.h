// Pivot alignment: every language version of a document is aligned with
// one pivot version (English by default: UN documents are most often
// drafted in it), and the alignment between any two other versions is
// derived through the pivot: a sentence of version A and one of version B
// are linked when they are linked to the same pivot sentences. Six versions
// take five alignments instead of fifteen.
//
// Thread-safety: pure functions.
#pragma once

#include "pipeline/alignment.h"

namespace sextant {

// From pivot→A and pivot→B (over the same pivot units), A→B: links that
// share pivot units are joined; A or B units linked to nothing in the other
// come out as 1–0 / 0–1 links. Scores: the lower of the two joined links.
Alignment ComposeThroughPivot(const Alignment& pivot_to_a, const Alignment& pivot_to_b);

}  // namespace sextant
