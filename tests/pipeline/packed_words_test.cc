// PackedWords: a document's words held compactly, given back exactly.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "pipeline/document.h"

namespace sextant {
namespace {

std::uint64_t Bits(double value) { return std::bit_cast<std::uint64_t>(value); }

void ExpectSame(const Word& a, const Word& b) {
  EXPECT_EQ(a.text, b.text);
  // To the bit: -0.0 is not 0.0, and a NaN comes back as the same NaN.
  for (auto [x, y] : {std::pair{a.box.x0, b.box.x0}, {a.box.y0, b.box.y0}, {a.box.x1, b.box.x1},
                      {a.box.y1, b.box.y1}, {a.font_size, b.font_size}}) {
    EXPECT_EQ(Bits(x), Bits(y)) << a.text;
  }
  EXPECT_EQ(a.bold, b.bold) << a.text;
  EXPECT_EQ(a.space_after, b.space_after) << a.text;
}

std::vector<Word> SampleWords() {
  std::vector<Word> words;
  // A line of words sharing top, bottom and size, as most do.
  for (int i = 0; i < 5; ++i) {
    words.push_back({"word" + std::to_string(i), {72.0 + 30.1 * i, 100.25, 98.7 + 30.1 * i, 111.9}, 10.98, i == 2, i != 4});
  }
  // A raised footnote marker in a smaller size, then the line again.
  words.push_back({"1", {230.5, 98.0, 234.1, 105.3}, 6.48, false, false});
  words.push_back({"after", {240.0, 100.25, 262.0, 111.9}, 10.98, false, true});
  // Odd values: zero and minus zero, a NaN, an infinity, the smallest double.
  words.push_back({"odd", {0.0, -0.0, std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::infinity()},
                   std::numeric_limits<double>::denorm_min(), true, true});
  words.push_back({"", {1, 2, 3, 4}, 0, false, false});
  // Texts whose length takes two and three bytes to write.
  words.push_back({std::string(200, 'x'), {5, 6, 7, 8}, 9, false, false});
  words.push_back({std::string(20000, 'y'), {5, 6, 7, 8}, 9, false, false});
  words.push_back({"مرحبا", {500.5, 6, 480.25, 8}, 12, false, false});
  return words;
}

TEST(PackedWordsTest, GivesBackTheWordsExactly) {
  const std::vector<Word> words = SampleWords();
  const PackedWords packed(words);
  ASSERT_EQ(packed.size(), words.size());
  EXPECT_FALSE(packed.empty());

  const std::vector<Word> unpacked = packed.Unpack();
  ASSERT_EQ(unpacked.size(), words.size());
  for (std::size_t i = 0; i < words.size(); ++i) ExpectSame(unpacked[i], words[i]);

  std::size_t i = 0;
  for (const Word& word : packed) ExpectSame(word, words[i++]);
  EXPECT_EQ(i, words.size());
  ExpectSame(packed.front(), words.front());
  ExpectSame(packed[6], words[6]);

  const PackedWords copy = packed;  // a plain value
  ExpectSame(copy[3], words[3]);
}

TEST(PackedWordsTest, EmptyAndReleased) {
  const PackedWords none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.begin(), none.end());
  EXPECT_TRUE(none.Unpack().empty());
  EXPECT_TRUE(PackedWords(std::vector<Word>{}).empty());

  PackedWords words(SampleWords());
  EXPECT_GT(words.bytes(), 0u);
  words = {};  // what a stage does to release a page's words
  EXPECT_TRUE(words.empty());
  EXPECT_EQ(words.bytes(), 0u);
}

// The point of it: a line's words take far less than a Word each (80 bytes
// on a 64-bit build, before a text too long to be held inside the string).
TEST(PackedWordsTest, ALineOfWordsIsCompact) {
  std::vector<Word> line;
  for (int i = 0; i < 12; ++i) {
    line.push_back({"words", {72.0 + 33.3 * i, 100.25, 99.1 + 33.3 * i, 111.9}, 10.98, false, true});
  }
  const PackedWords packed(line);
  EXPECT_LE(packed.bytes(), line.size() * 26 + 3 * sizeof(double));
}

}  // namespace
}  // namespace sextant
