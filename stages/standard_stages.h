// The standard stage lists, in order, so that the command line, the tests
// and the benchmarks all run the same pipeline.
//
// Thread-safety: returns new stage objects; stages are const after that.
#pragma once

#include <memory>
#include <vector>

#include "pipeline/stage.h"

namespace sextant {

// How far the extraction pipeline goes.
enum class ExtractionDepth {
  kParagraphs,  // extract, normalize, layout, language, paragraphs
  kTagged,      // … then segment, tag, and read meeting facts and recommendations
};

// PDF → clean paragraphs, and by default segmented and tagged.
std::vector<std::unique_ptr<Stage>> ExtractionStages(
    ExtractionDepth depth = ExtractionDepth::kTagged);

}  // namespace sextant
