#include "stages/tag/date_tagger.h"

#include "stages/tag/date_parser.h"

namespace sextant {

std::vector<Tag> DateTagger::Find(std::string_view text, Language) const {
  std::vector<Tag> tags;
  for (const DateMatch& match : FindDates(text)) {
    tags.push_back({TagKind::kDate, match.begin, match.end, match.iso,
                    {{"year", match.iso.substr(0, 4)},
                     {"month", match.iso.substr(5, 2)},
                     {"day", match.iso.substr(8, 2)}}});
  }
  return tags;
}

}  // namespace sextant
