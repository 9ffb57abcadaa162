// The language table: codes, job letters and names round-trip for all six.
#include "pipeline/language.h"

#include <gtest/gtest.h>

namespace sextant {
namespace {

TEST(LanguageTableTest, SixLanguagesRoundTrip) {
  ASSERT_EQ(AllLanguages().size(), 6u);
  const char letters[] = {'A', 'C', 'E', 'F', 'R', 'S'};
  const char* codes[] = {"ar", "zh", "en", "fr", "ru", "es"};
  for (std::size_t i = 0; i < 6; ++i) {
    SCOPED_TRACE(codes[i]);
    const auto from_code = LanguageFromCode(codes[i]);
    ASSERT_TRUE(from_code.has_value());
    EXPECT_EQ(Code(*from_code), codes[i]);
    EXPECT_EQ(LanguageFromJobLetter(letters[i]), from_code);
    EXPECT_EQ(Info(*from_code).job_letter, letters[i]);
  }
  EXPECT_FALSE(LanguageFromCode("de").has_value());
  EXPECT_FALSE(LanguageFromJobLetter('G').has_value());
}

TEST(LanguageTableTest, OnlyChineseJoinsLinesWithoutSpace) {
  for (const LanguageInfo& info : AllLanguages()) {
    EXPECT_EQ(info.line_join == LineJoin::kNoSpace,
              info.language == Language::kChinese)
        << info.code;
    EXPECT_EQ(info.right_to_left, info.language == Language::kArabic) << info.code;
  }
}

}  // namespace
}  // namespace sextant
