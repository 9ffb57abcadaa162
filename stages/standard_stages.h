// The standard stage lists, in order, so that the command line, the tests
// and the benchmarks all run the same pipeline.
//
// Thread-safety: returns new stage objects; stages are const after that.
#pragma once

#include <memory>
#include <vector>

#include "pipeline/stage.h"

namespace sextant {

// PDF → clean, segmented, tagged paragraphs: extract, normalize, layout,
// language, paragraphs, segment, tag.
std::vector<std::unique_ptr<Stage>> ExtractionStages();

}  // namespace sextant
