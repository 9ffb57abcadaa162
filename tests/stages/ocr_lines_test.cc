// LayoutWords (stages/ocr/ocr_lines.h): OCR lines become the words a text
// layer gives: one font size for a paragraph's lines, small raised
// footnote markers, no space between Chinese words, Arabic one character a
// word in visual order, with gaps between words (but a line of Latin words
// on an Arabic page left to right), Persian forms made Arabic.
#include "stages/ocr/ocr_lines.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sextant {
namespace {

OcrWord At(std::string text, double x0, double x1, double top = 100, double bottom = 110) {
  return OcrWord{std::move(text), Box{x0, top, x1, bottom}, false};
}

TEST(OcrLinesTest, LinesOfOneParagraphGetOneSize) {
  // Line heights vary with the letters a line holds (no descender, no capital).
  const std::vector<OcrLine> lines = {
      {9.3, {At("The", 10, 30), At("Group", 35, 70)}},
      {8.8, {At("met", 10, 30), At("on", 35, 50)}},
      {9.7, {At("Monday", 10, 50)}},
      {7.0, {At("small", 10, 40)}},  // a footnote's line: 25 % smaller, kept
  };
  const std::vector<Word> words = LayoutWords(lines, Language::kEnglish, 842);
  ASSERT_EQ(words.size(), 6u);
  for (int i = 0; i < 5; ++i) EXPECT_DOUBLE_EQ(words[i].font_size, words[0].font_size) << words[i].text;
  EXPECT_NEAR(words[0].font_size, 10.0, 0.6);
  EXPECT_LT(words[5].font_size, 0.8 * words[0].font_size);
  EXPECT_TRUE(words[0].space_after);
  EXPECT_FALSE(words[1].space_after);  // the line's last word
}

TEST(OcrLinesTest, RaisedSmallWordIsAFootnoteMarker) {
  const std::vector<OcrLine> lines = {
      {9.3, {At("opened", 10, 40), At("in", 45, 52), At("Vienna.", 57, 90), At("1", 91, 94, 99, 104)}}};
  const std::vector<Word> words = LayoutWords(lines, Language::kEnglish, 842);
  ASSERT_EQ(words.size(), 4u);
  EXPECT_LT(words[3].font_size, 0.75 * words[0].font_size);
  EXPECT_DOUBLE_EQ(words[2].font_size, words[0].font_size);
}

TEST(OcrLinesTest, ChineseWordsHaveNoSpaceBetween) {
  const std::vector<OcrLine> lines = {{9.3,
                                       {At("工作组", 10, 40), At("第十二次", 41, 80), At("(CTOC/COP/2020/CRP.2)", 85, 130),
                                        At(",以及", 131, 150), At("10:00", 151, 170), At("(a)", 171, 180)}}};
  const std::vector<Word> words = LayoutWords(lines, Language::kChinese, 842);
  ASSERT_EQ(words.size(), 6u);
  EXPECT_FALSE(words[0].space_after);
  EXPECT_FALSE(words[1].space_after);
  EXPECT_EQ(words[2].text, "（CTOC/COP/2020/CRP.2）");
  EXPECT_FALSE(words[2].space_after);
  EXPECT_EQ(words[3].text, "，以及");
  EXPECT_EQ(words[4].text, "10:00");
  EXPECT_EQ(words[5].text, "(a)");
}

TEST(OcrLinesTest, ArabicWordsBecomeCharactersInVisualOrder) {
  // Two words read right to left: "في" (right) then "فيينا" (left).
  const std::vector<OcrLine> lines = {{9.3, {At("في", 80, 90), At("فيينا", 40, 75)}}};
  const std::vector<Word> words = LayoutWords(lines, Language::kArabic, 842);
  ASSERT_EQ(words.size(), 7u);
  // The first word's characters, left to right, are its letters backwards.
  EXPECT_EQ(words[0].text, "ي");
  EXPECT_EQ(words[1].text, "ف");
  // Inside a word the characters touch; between words the gap grows.
  EXPECT_DOUBLE_EQ(words[0].box.x1, words[1].box.x0);
  EXPECT_GT(words[0].box.x0 - words[6].box.x1, 5) << "wider than the gap between the words' boxes";
  EXPECT_GT(words[2].box.x0, 40);
  EXPECT_LT(words[6].box.x1, 75);
}

TEST(OcrLinesTest, ArabicCommaReadAsGuillemetIsAComma) {
  const std::vector<OcrLine> lines = {{9.3, {At("الأطراف\u00BB", 40, 90)}}};
  const std::vector<Word> words = LayoutWords(lines, Language::kArabic, 842);
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words.front().text, "\u060C") << "the comma, leftmost in visual order";
}

TEST(OcrLinesTest, ArabicPageLineWithoutArabicLettersIsSetLeftToRight) {
  // The masthead's "Distr.: General" on an Arabic page: whole words, left
  // to right, as a text layer gives them (so the furniture knows it).
  const std::vector<OcrLine> lines = {{9.3, {At("Distr.:", 100, 130), At("General", 135, 170)}},
                                      {9.3, {At("في", 80, 90), At("(a)", 60, 75)}}};
  const std::vector<Word> words = LayoutWords(lines, Language::kArabic, 842);
  ASSERT_GE(words.size(), 2u);
  EXPECT_EQ(words[0].text, "Distr.:");
  EXPECT_TRUE(words[0].space_after);
  EXPECT_EQ(words[1].text, "General");
  // A line that holds Arabic is still one character a word.
  EXPECT_EQ(words.size(), 2u + 2u + 3u);
}

TEST(OcrLinesTest, PersianFormsOfTheArabicScriptModelAreArabic) {
  // Tesseract's Arabic-script model gives Persian digits and yeh.
  const std::vector<OcrLine> lines = {{9.3, {At("۲۹", 90, 100), At("حزیران", 50, 85), At("فی", 30, 45)}}};
  std::string text;
  for (const Word& word : LayoutWords(lines, Language::kArabic, 842)) text += word.text;
  // Visual order: the words' letters right to left.
  EXPECT_NE(text.find("ى"), std::string::npos) << "a final Persian yeh is dotless: alef maksura";
  EXPECT_NE(text.find("ي"), std::string::npos) << "inside a word it is the Arabic yeh";
  EXPECT_EQ(text.find("ی"), std::string::npos);
  EXPECT_NE(text.find("٩"), std::string::npos);
  EXPECT_NE(text.find("٢"), std::string::npos);
  EXPECT_EQ(text.find("۲"), std::string::npos);
}

TEST(OcrLinesTest, RuleBecomesTheFootnoteSeparator) {
  const std::vector<OcrLine> lines = {
      {0.5, {At(" ", 72, 520, 60, 62)}},    // the masthead's rule: no text
      {9.3, {At("Conference.", 10, 60)}},
      {0.5, {At(" ", 72, 216, 711, 712)}},  // the separator, read as a blank word
      {1.0, {At("-", 72, 75, 720, 721)}},   // a dash is no rule
      {0.5, {At(" ", 72, 216, 760, 761)}},  // a lower rule: no text
  };
  const std::vector<Word> words = LayoutWords(lines, Language::kEnglish, 842);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].text, "Conference.");
  EXPECT_EQ(words[1].text, kRuleText);
  EXPECT_EQ(words[2].text, "-");
}

}  // namespace
}  // namespace sextant
