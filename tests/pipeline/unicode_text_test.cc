// UTF-8 helpers: decoding (including invalid bytes), scripts, folding, case.
#include "pipeline/unicode_text.h"

#include <gtest/gtest.h>

namespace sextant {
namespace {

TEST(UnicodeTextTest, DecodesAndReencodes) {
  const std::string text = "aé中𠀀ب";
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) AppendUtf8(out, NextCodePoint(text, pos));
  EXPECT_EQ(out, text);
  std::size_t end = text.size();
  EXPECT_EQ(PreviousCodePoint(text, end), U'ب');
  EXPECT_EQ(PreviousCodePoint(text, end), U'𠀀');
}

TEST(UnicodeTextTest, InvalidBytesAdvance) {
  const std::string bad = "a\xff\xe4\xb8";  // stray byte, truncated sequence
  std::size_t pos = 0;
  int count = 0;
  while (pos < bad.size()) {
    NextCodePoint(bad, pos);
    ++count;
  }
  EXPECT_EQ(count, 4);
}

TEST(UnicodeTextTest, CountsScripts) {
  const ScriptCounts counts = CountScripts("Abc 中文 Где ال 12");
  EXPECT_EQ(counts.latin, 3u);
  EXPECT_EQ(counts.han, 2u);
  EXPECT_EQ(counts.cyrillic, 3u);
  EXPECT_EQ(counts.arabic, 2u);
  EXPECT_EQ(counts.digits, 2u);
}

TEST(UnicodeTextTest, FoldsWhitespaceAndLowers) {
  EXPECT_EQ(FoldWhitespace("  a \t\n b\u00a0c\u3000 "), "a b c");
  EXPECT_EQ(LowerCase("ÉCOLE Москва ABC"), "école москва abc");
}

}  // namespace
}  // namespace sextant
