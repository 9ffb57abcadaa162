// Line joining per script: how the visual lines of one paragraph become one
// run of text.
//   - Latin and Cyrillic: a space between lines; a word hyphenated at the
//     end of a line is re-joined ("imple-" + "mentation"), but a real
//     compound keeps its hyphen ("non-" + "State" → "non-State").
//   - Arabic: a space between lines.
//   - Chinese: no space between lines (except between two Latin words); the
//     spaces that extraction puts between Han characters, or between Han
//     characters and digits ("2022 年 6 月"), are removed.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

// Appends `next` (one visual line) to `paragraph` as `join` says.
void AppendLine(std::string& paragraph, std::string_view next, LineJoin join);

// Removes the spaces that Chinese text does not have (see above).
std::string RemoveSpacesInChinese(std::string_view text);

// Joins lines into one paragraph text, then tidies it for the script.
std::string JoinLines(const std::vector<std::string>& lines, Language language);

}  // namespace sextant
