// The order of letters inside Arabic words, decided over a page
// (stages/layout/arabic_letter_order.h), and the lines MakeLine builds
// from the words it leaves.
#include "stages/layout/arabic_letter_order.h"

#include <gtest/gtest.h>

#include "stages/layout/line_builder.h"

namespace sextant {
namespace {

// Words set right to left from x = 500, each as wide as its text is long,
// with a space between words. `pieces` are in reading order; each piece's
// text is as Poppler would give it.
std::vector<Word> RightToLeft(const std::vector<std::string>& pieces) {
  std::vector<Word> words;
  double right = 500;
  for (const std::string& text : pieces) {
    const double width = 3.0 * static_cast<double>(text.size());
    words.push_back(Word{text, {right - width, 100, right, 112}, 12, false, false});
    right -= width + 4;  // a word space: wider than 0.2 em
  }
  return words;
}

Page PageOf(const std::vector<Word>& words) {
  Page page;
  page.number = 1;
  page.words = PackedWords(words);
  return page;
}

TEST(ArabicLetterOrderTest, WeighsTheEndsOfWords) {
  // "المتحدة": the article at the start, ta marbuta at the end.
  const LetterOrderEvidence logical = WeighLetterOrder("المتحدة");
  EXPECT_EQ(logical.logical, 2u);
  EXPECT_EQ(logical.visual, 0u);
  const LetterOrderEvidence visual = WeighLetterOrder("ةدحتملا");
  EXPECT_EQ(visual.logical, 0u);
  EXPECT_EQ(visual.visual, 2u);
  // Punctuation and digits around a word do not hide it; one letter, a
  // two-letter "لا" and Latin text say nothing.
  EXPECT_EQ(WeighLetterOrder(":ةيميظنتلا").visual, 2u);
  EXPECT_EQ(WeighLetterOrder("ى").visual + WeighLetterOrder("ى").logical, 0u);
  EXPECT_EQ(WeighLetterOrder("لا").visual + WeighLetterOrder("لا").logical, 0u);
  EXPECT_EQ(WeighLetterOrder("United Nations").visual, 0u);
}

TEST(ArabicLetterOrderTest, DecisionNeedsEnoughAndOneSided) {
  EXPECT_EQ(LetterOrderEvidence{}.Decision(), std::nullopt);
  EXPECT_EQ((LetterOrderEvidence{2, 0}.Decision()), std::nullopt);  // too little
  EXPECT_EQ((LetterOrderEvidence{6, 3}.Decision()), std::nullopt);  // too mixed
  EXPECT_EQ((LetterOrderEvidence{9, 3}.Decision()), ArabicLetterOrder::kLogical);
  EXPECT_EQ((LetterOrderEvidence{1, 12}.Decision()), ArabicLetterOrder::kVisual);
}

// What LibreOffice and Chromium give: whole words, letters left to right.
const std::vector<std::string> kVisualWords = {"رارقإ", "لودج", "لامعألا", "ميظنتو", "لامعألا",
                                              "يف",    "ةرودلا", ".ةيداعلا"};
const char kLogicalLine[] = "إقرار جدول الأعمال وتنظيم الأعمال في الدورة العادية.";

TEST(ArabicLetterOrderTest, ReversedWordsAreDetectedAndRepaired) {
  std::vector<Word> words = RightToLeft(kVisualWords);
  const std::vector<ArabicWordOrder> order = WordOrderByPage({PageOf(words)});
  ASSERT_EQ(order.size(), 1u);
  EXPECT_EQ(order[0].letters, ArabicLetterOrder::kVisual);
  // Without the repair, every all-Arabic word comes out backwards.
  EXPECT_NE(MakeLine(words).text, kLogicalLine);
  PutArabicWordsInMakeLineOrder(words, order[0]);
  EXPECT_EQ(MakeLine(words).text, kLogicalLine);
}

TEST(ArabicLetterOrderTest, WordsInLogicalOrderAreLeftAlone) {
  // A producer that gives whole words in logical order (ActualText).
  const std::vector<Word> given =
      RightToLeft({"إقرار", "جدول", "الأعمال", "وتنظيم", "الأعمال", "في", "الدورة", "العادية"});
  const std::vector<ArabicWordOrder> order = WordOrderByPage({PageOf(given)});
  EXPECT_EQ(order[0].letters, ArabicLetterOrder::kLogical);
  std::vector<Word> words = given;
  PutArabicWordsInMakeLineOrder(words, order[0]);
  for (std::size_t i = 0; i < words.size(); ++i) EXPECT_EQ(words[i].text, given[i].text);
  EXPECT_EQ(MakeLine(words).text, "إقرار جدول الأعمال وتنظيم الأعمال في الدورة العادية");
}

TEST(ArabicLetterOrderTest, OneGlyphPerWordSaysNothingAndStaysAsItIs) {
  // The generator's cairo PDF: a word per glyph, no evidence either way.
  std::vector<Word> words;
  double x = 100;
  for (const char* glyph : {"ة", "ي", "م", "س", "ر"}) {  // "رسمية", left to right
    words.push_back(Word{glyph, {x, 100, x + 5, 112}, 12, false, false});
    x += 5;
  }
  const std::vector<ArabicWordOrder> order = WordOrderByPage({PageOf(words)});
  EXPECT_EQ(order[0].letters, ArabicLetterOrder::kLogical);
  PutArabicWordsInMakeLineOrder(words, order[0]);
  EXPECT_EQ(MakeLine(words).text, "رسمية");
}

TEST(ArabicLetterOrderTest, APageThatSaysTooLittleFollowsTheDocument) {
  const Page visual = PageOf(RightToLeft(kVisualWords));
  const Page little = PageOf(RightToLeft({"يف", "ةنس"}));      // one point only
  const Page latin = PageOf(RightToLeft({"United", "Nations"}));  // none
  const std::vector<ArabicWordOrder> order = WordOrderByPage({visual, little, latin});
  ASSERT_EQ(order.size(), 3u);
  for (const ArabicWordOrder& page : order) EXPECT_EQ(page.letters, ArabicLetterOrder::kVisual);
  // Alone, the same pages are left as they are.
  EXPECT_EQ(WordOrderByPage({little})[0].letters, ArabicLetterOrder::kLogical);
  // Latin words are never turned round, whatever the page's order.
  std::vector<Word> words = RightToLeft({"United", "Nations"});
  PutArabicWordsInMakeLineOrder(words, {ArabicLetterOrder::kVisual, ArabicMarkSide::kAfterLetter});
  EXPECT_EQ(words[0].text, "United");
}

TEST(ArabicLetterOrderTest, WeighsMarksAtTheEndsOfWords) {
  // "طلبٍ" set left to right: LibreOffice gives the tanween before its
  // letter, Chromium after it; "يُنفذ": the damma on the first letter.
  EXPECT_EQ(WeighLetterOrder("ٍبلط").mark_first, 1u);
  EXPECT_EQ(WeighLetterOrder("بٍلط").mark_first + WeighLetterOrder("بٍلط").mark_last, 0u);
  EXPECT_EQ(WeighLetterOrder("ذفنيُ").mark_last, 1u);
  EXPECT_EQ(WeighLetterOrder("ٍ").mark_first, 0u);  // a mark alone (the generator's glyphs)
  EXPECT_EQ((LetterOrderEvidence{0, 0, 0, 15}.MarkSide()), ArabicMarkSide::kAfterLetter);
  EXPECT_EQ((LetterOrderEvidence{0, 0, 3, 0}.MarkSide()), ArabicMarkSide::kBeforeLetter);
  EXPECT_EQ((LetterOrderEvidence{0, 0, 2, 2}.MarkSide()), std::nullopt);
  EXPECT_EQ((LetterOrderEvidence{0, 0, 6, 20}.MarkSide()), std::nullopt);  // LibreOffice's devset print
}

// Chromium's words: letters left to right, each mark after its letter.
TEST(ArabicLetterOrderTest, MarksAfterTheirLettersAreMovedBefore) {
  std::vector<std::string> pieces = kVisualWords;
  for (const char* word : {"ضوِّقي", "ذفنيُ", "ةددحمُ", "يفِ"}) pieces.push_back(word);
  std::vector<Word> words = RightToLeft(pieces);
  const ArabicWordOrder order = WordOrderByPage({PageOf(words)})[0];
  EXPECT_EQ(order.letters, ArabicLetterOrder::kVisual);
  EXPECT_EQ(order.marks, ArabicMarkSide::kAfterLetter);
  PutArabicWordsInMakeLineOrder(words, order);
  EXPECT_EQ(MakeLine(words).text,
            "إقرار جدول الأعمال وتنظيم الأعمال في الدورة العادية. يقوِّض يُنفذ مُحددة فِي");
}

// LibreOffice's: each mark before its letter, left as it is.
TEST(ArabicLetterOrderTest, MarksBeforeTheirLettersStay) {
  std::vector<std::string> pieces = kVisualWords;
  for (const char* word : {"ضِّوقي", "ٍبلط", "ًاكارتشا"}) pieces.push_back(word);
  std::vector<Word> words = RightToLeft(pieces);
  const ArabicWordOrder order = WordOrderByPage({PageOf(words)})[0];
  EXPECT_EQ(order.letters, ArabicLetterOrder::kVisual);
  EXPECT_EQ(order.marks, ArabicMarkSide::kBeforeLetter);
  PutArabicWordsInMakeLineOrder(words, order);
  EXPECT_EQ(MakeLine(words).text, "إقرار جدول الأعمال وتنظيم الأعمال في الدورة العادية. يقوِّض طلبٍ اشتراكاً");
}

// The last line of an Arabic paragraph may hold a symbol alone, no Arabic
// letter in it (Chromium's print of the fixture): its mirrored brackets
// show it is set right to left. A left-to-right line that starts inside
// brackets is not taken for one.
TEST(ArabicLetterOrderTest, SymbolAloneOnARightToLeftLine) {
  const std::vector<Word> symbol = {Word{".)CTOC/COP/2020/CRP.2(", {390, 100, 525, 112}, 12, false, false}};
  EXPECT_EQ(MakeLine(symbol).text, "(CTOC/COP/2020/CRP.2).");
  const std::vector<Word> english = {Word{"2020/3)", {70, 100, 110, 112}, 12, false, true},
                                     Word{"and", {113, 100, 130, 112}, 12, false, true},
                                     Word{"(b)", {133, 100, 150, 112}, 12, false, false}};
  EXPECT_EQ(MakeLine(english).text, "2020/3) and (b)");
  const std::vector<Word> opening = {Word{"see", {70, 100, 90, 112}, 12, false, true},
                                     Word{"(A/80/1", {93, 100, 130, 112}, 12, false, false}};
  EXPECT_EQ(MakeLine(opening).text, "see (A/80/1");
}

}  // namespace
}  // namespace sextant
