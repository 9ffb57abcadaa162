// Tests StartsWithListMarker (stages/layout/paragraph_stage.h): which lines
// open with a paragraph number or a list marker, in the styles of UN
// resolutions, reports and the Chinese seed agenda (corpora/seed).
#include "stages/layout/paragraph_stage.h"

#include <gtest/gtest.h>

namespace sextant {
namespace {

struct MarkerCase {
  const char* line;
  bool expected;
};

constexpr MarkerCase kCases[] = {
    // Paragraph numbers.
    {"1. Decides to include in the provisional agenda", true},
    {"12. Requests the Secretary-General to report", true},
    {"3.\tAlso decides", true},
    {"1. 组织事项：", true},                       // corpora/seed
    {"24. \u0627\u0644\u0623\u0633\u0644\u062D\u0629", true},
    // Lettered and roman sub-paragraphs.
    {"(a) The State party should", true},
    {"(iv) text of the draft", true},
    {"(b) 通过议程和工作安排。", true},            // corpora/seed
    {"(a)会议开幕", true},
    {"c) Aux effets dynamiques de la structure par âge", true},  // devset.fr:700
    // Headings.
    {"IV. Heading", true},
    {"III. Conclusion and recommendation", true},  // devset.en:35
    {"A. Scope", true},
    // Bullets and dashes.
    {"\u2022 item", true},  // •
    {"- item", true},
    {"\u2013 item", true},  // –
    // Chinese numbering.
    {"一、组织事项", true},
    {"十二、其他事项", true},
    {"（a）会议开幕", true},

    // Not markers.
    {"(UNAR) was established", false},
    {"(2017) was adopted", false},
    {"1990 was a year", false},
    {"The General Assembly,", false},
    {"A/RES/80/1", false},
    {"Recalling its resolution 41/128", false},
    {"Mr. Muaz Al-Otoom", false},
    {"2015年1月21日", false},
    {"联合国", false},
    {"", false},
    // Was a known gap, fixed: a Han numeral in full-width parentheses, the usual Chinese
    // sub-item marker ("（一）"), is not recognised: StartsWithListMarker
    // returns false ("（\w{1,3}）" matches ASCII word characters only).
    {"（一）会议开幕", true},
};

TEST(StartsWithListMarkerTest, Table) {
  for (const MarkerCase& c : kCases) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(StartsWithListMarker(c.line), c.expected);
  }
}

}  // namespace
}  // namespace sextant
