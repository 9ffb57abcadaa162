// Visual-to-logical order of right-to-left lines: Arabic glyphs reversed,
// Latin and number runs kept whole, edge punctuation put back.
#include "stages/layout/visual_order.h"

#include <gtest/gtest.h>

namespace sextant {
namespace {

struct Case {
  const char* visual;   // as placed on the page, left to right
  const char* logical;  // as read
};

// Visual strings are written here as the logical text reversed piece by
// piece, which is how a PDF places them.
constexpr Case kCases[] = {
    {"مالس", "سلام"},
    {"ملاعلا ةيمسر", "رسمية العالم"},
    {")CTOC/COP/WG.4/2020/3( ةصصختملا", "المتخصصة (CTOC/COP/WG.4/2020/3)"},
    {".٢٠٢٢ هينوي/ناريزح ٢٩", "٢٩ حزيران/يونيه ٢٠٢٢."},
    {"7/1 رارقلا يف", "في القرار 7/1"},
    {"United Nations ةمظنم", "منظمة United Nations"},
    {"1,383,000 غلبم", "مبلغ 1,383,000"},
    {"١٣:٠٠-١٠:٠٠ ءاعبرألا", "الأربعاء ١٠:٠٠-١٣:٠٠"},
    {"10-13 ةعاسلا", "الساعة 10-13"},
    // A stop on a number's right closes it: its footnote marker ("١٠:٠٠.1",
    // one run for the bidi algorithm) has been taken out.
    {"١٠:٠٠. ةعاسلا", "الساعة ١٠:٠٠."},
    {")١٢( ةداملا", "المادة (١٢)"},  // a bracket does not
    // Vowel marks stand before their letter, in their own order, and
    // follow it when read.
    {"ضِّوقي", "يقوِّض"},
    {"ٍبلط 7/1", "7/1 طلبٍ"},
    {"ً ابتك", "كتبا ً"},  // a mark alone, before a space, stays where it is
    {"", ""},
    {"abc", "abc"},
};

TEST(VisualOrderTest, Table) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.visual);
    EXPECT_EQ(VisualToLogicalRightToLeft(c.visual), c.logical);
  }
}

TEST(VisualOrderTest, ArabicLogicalToVisualIsTheInverse) {
  for (const char* logical : {"يقوِّض", "طلبٍ", "لخ", "المتحدة", ""}) {
    EXPECT_EQ(VisualToLogicalRightToLeft(ArabicLogicalToVisual(logical)), logical);
  }
  EXPECT_EQ(ArabicLogicalToVisual("يقوِّض"), "ضِّوقي");
}

TEST(VisualOrderTest, InvalidUtf8DoesNotCrash) {
  const std::string bad = "\xd9\x85\xff\xfe ab";
  EXPECT_FALSE(VisualToLogicalRightToLeft(bad).empty());
}

}  // namespace
}  // namespace sextant
