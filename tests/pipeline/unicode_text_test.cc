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
TEST(UnicodeTextTest, PrintableTextShowsEveryByteOnOneLine) {
  const struct {
    std::string given, shown;
  } kCases[] = {
      {"A_80_L.1.pdf", "A_80_L.1.pdf"},
      {"\xD0\x94\xE6\x96\x87.pdf", "\xD0\x94\xE6\x96\x87.pdf"},  // Д文: valid UTF-8 is kept
      {"bad\xFFname.pdf", "bad\\xFFname.pdf"},                           // Latin-1 ÿ
      {"caf\xE9.pdf", "caf\\xE9.pdf"},                                    // Latin-1 é before a dot
      {"new\nline\ttab\r.pdf", "new\\nline\\ttab\\r.pdf"},
      {std::string("nul\0esc\x1B", 8), "nul\\x00esc\\x1B"},
      {"\xC0\xAF", "\\xC0\\xAF"},                   // overlong '/'
      {"\xED\xA0\x80", "\\xED\\xA0\\x80"},        // a UTF-16 surrogate
      {"\xF4\x90\x80\x80", "\\xF4\\x90\\x80\\x80"},  // past U+10FFFF
      {"\xE6\x96", "\\xE6\\x96"},                   // cut short
  };
  for (const auto& c : kCases) EXPECT_EQ(PrintableText(c.given), c.shown) << c.shown;
}

}  // namespace sextant
