// ArabicSpelling (stages/ocr/arabic_spelling.h), with Debian's Arabic
// dictionary: words Tesseract misread by a dot or a hamza on the Arabic
// fixture's scan are mended when exactly one reading is a word; words of
// the dictionary, words two readings fit, and words no reading fits are
// left as they are.
#include "stages/ocr/arabic_spelling.h"

#include <gtest/gtest.h>

namespace sextant {
namespace {

struct SpellingCase {
  const char* read;
  const char* mended;
};

constexpr SpellingCase kCases[] = {
    {"فى", "في"},               // the final yeh's dots lost
    {"التى", "التي"},
    {"الفربق", "الفريق"},        // a tooth letter's dots
    {"واضافة", "وإضافة"},        // the hamza under the alef lost
    {"المؤتمرء", "المؤتمر،"},    // the comma read as a hamza
    {"التى،", "التي،"},          // punctuation around the word kept
    {"(فى)", "(في)"},
    {"في", "في"},                // a word: left
    {"على", "على"},
    {"المعنى", "المعنى"},        // a word too ("the meaning")
    {"بمضى", "بمضى"},            // two readings are words: "بمضي" and "يمضى"
    {"حزي/يرانونيه", "حزي/يرانونيه"},  // not one word
    {"اخلفيس", "اخلفيس"},        // no reading is a word
    {"CTOC/COP", "CTOC/COP"},    // no Arabic letter
    {"٢٩", "٢٩"},
    {"و", "و"},                  // one letter: nothing to tell
};

TEST(ArabicSpellingTest, Table) {
  const ArabicSpelling spelling;
  ASSERT_TRUE(spelling.Check().ok()) << spelling.Check().message();
  for (const SpellingCase& c : kCases) EXPECT_EQ(spelling.Mend(c.read), c.mended) << c.read;
}

TEST(ArabicSpellingTest, MissingDictionarySaysWhatToInstall) {
  const ArabicSpelling spelling("/nonexistent");
  const Status status = spelling.Check();
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_NE(status.message().find("apt-get install hunspell-ar"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace sextant
