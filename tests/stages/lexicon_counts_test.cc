// LexiconCounts (stages/align/lexicon_counts.h): counts gathered piece by
// piece give the pairs Lexicon::Learn gives over the same sentence pairs;
// counts of two halves, one written and read back, merge into the whole's;
// several merges count every pair exactly; pruning keeps the table within its
// limit and the frequent pairs; the words in no pair stay within theirs;
// the buffer and the table within their bytes at any limit;
// the counts file's problems are named.
#include "stages/align/lexicon_counts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "stages/align/lexicon.h"
#include "stages/align/sentence_features.h"

namespace sextant {
namespace {

const Language fr = Language::kFrench, en = Language::kEnglish;

// Sentence pairs over a small made-up vocabulary: word k of French renders
// word k of English; each sentence holds a few of them, seeded.
std::vector<std::pair<std::string, std::string>> MadeUpPairs(std::size_t count, unsigned seed) {
  const std::vector<std::string> french = {"conseil", "sécurité", "assemblée", "générale", "rapport", "session",
                                           "résolution", "commission", "droits", "homme", "paix", "comité"};
  const std::vector<std::string> english = {"council", "security", "assembly", "general", "report", "session",
                                            "resolution", "commission", "rights", "human", "peace", "committee"};
  std::mt19937 random(seed);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (std::size_t n = 0; n < count; ++n) {
    std::string f, e;
    for (int w = 0; w < 4; ++w) {
      const std::size_t k = random() % french.size();
      f += french[k] + " ";
      e += english[k] + " ";
    }
    pairs.emplace_back(f, e);
  }
  return pairs;
}

LexiconCounts CountsOf(const std::vector<std::pair<std::string, std::string>>& pairs, std::size_t from,
                       std::size_t to) {
  LexiconCounts counts(fr, en);
  for (std::size_t k = from; k < to; ++k) counts.Add(LexiconWords(pairs[k].first, fr), LexiconWords(pairs[k].second, en));
  return counts;
}

TEST(LexiconCountsTest, GivesThePairsTheLearnerGives) {
  const auto pairs = MadeUpPairs(200, 7);
  std::vector<std::pair<std::string_view, std::string_view>> views(pairs.begin(), pairs.end());
  const LexiconPairs learned = Lexicon::Learn(views, fr, en).OwnPairs();
  LexiconCounts counts = CountsOf(pairs, 0, pairs.size());
  EXPECT_EQ(counts.Pairs(), learned);
  EXPECT_GE(learned.size(), 12u);
  EXPECT_EQ(counts.sentence_pairs(), 200u);
}

TEST(LexiconCountsTest, TwoHalvesOneStoredAndReadBackMergeIntoTheWhole) {
  const auto pairs = MadeUpPairs(300, 11);
  LexiconCounts whole = CountsOf(pairs, 0, 300);
  LexiconCounts first = CountsOf(pairs, 0, 120);
  LexiconCounts second = CountsOf(pairs, 120, 300);
  LexiconCounts stored(fr, en);
  ASSERT_EQ(LexiconCounts::Parse(first.Format(), fr, en, 1 << 20, &stored), "");
  second.Merge(stored);
  EXPECT_EQ(second.Pairs(), whole.Pairs());
  EXPECT_EQ(second.sentence_pairs(), 300u);
  EXPECT_EQ(second.distinct_pairs(), whole.distinct_pairs());
}

TEST(LexiconCountsTest, AFileOfTheOtherDirectionIsReadSwapped) {
  const auto pairs = MadeUpPairs(100, 3);
  LexiconCounts counts = CountsOf(pairs, 0, 100);
  LexiconCounts swapped(en, fr);
  ASSERT_EQ(LexiconCounts::Parse(counts.Format(), en, fr, 1 << 20, &swapped), "");
  LexiconPairs back = swapped.Pairs();
  for (auto& [a, b] : back) std::swap(a, b);
  std::sort(back.begin(), back.end());
  EXPECT_EQ(back, counts.Pairs());
}

// Several merges of waiting pairs into the table (about 318,000 pairs, 64 Ki
// waiting at most), most of them counted before: every pair's count in the
// file is what a plain count of the same sentences gives.
TEST(LexiconCountsTest, SeveralMergesCountEveryPairExactly) {
  LexiconCounts counts(fr, en);
  std::map<std::pair<std::string, std::string>, int> expected;
  std::mt19937 random(3);
  for (int n = 0; n < 20000; ++n) {
    WordList f, e;
    for (int w = 0; w < 4; ++w) f.push_back("f" + std::to_string(random() % 400));
    for (int w = 0; w < 4; ++w) e.push_back("e" + std::to_string(random() % 400));
    for (WordList* words : {&f, &e}) {
      std::sort(words->begin(), words->end());
      words->erase(std::unique(words->begin(), words->end()), words->end());
    }
    counts.Add(f, e);
    for (const std::string& a : f) {
      for (const std::string& b : e) ++expected[{a, b}];
    }
  }
  std::map<std::pair<std::string, std::string>, int> written;
  std::istringstream text(counts.Format());
  for (std::string line; std::getline(text, line);) {
    if (!line.starts_with("p\t")) continue;
    const std::size_t second = line.find('\t', 2), third = line.find('\t', second + 1);
    const std::string source = line.substr(2, second - 2), target = line.substr(second + 1, third - second - 1);
    written[{source, target}] = std::stoi(line.substr(third + 1));
  }
  EXPECT_EQ(counts.distinct_pairs(), expected.size());
  EXPECT_EQ(written, expected);
  EXPECT_EQ(counts.pruned_dice(), 0.0);
}

TEST(LexiconCountsTest, PruningKeepsTheTableBoundedAndTheFrequentPairs) {
  LexiconCounts counts(fr, en, 1024);
  std::mt19937 random(5);
  for (int n = 0; n < 3000; ++n) {
    // A frequent pair, and rare noise words that make many pairs seen once.
    WordList f = {"conseil", "f" + std::to_string(random() % 5000), "g" + std::to_string(random() % 5000)};
    WordList e = {"council", "e" + std::to_string(random() % 5000), "h" + std::to_string(random() % 5000)};
    std::sort(f.begin(), f.end());
    std::sort(e.begin(), e.end());
    counts.Add(f, e);
  }
  EXPECT_LE(counts.distinct_pairs(), 1024u);
  EXPECT_GT(counts.pruned_dice(), 0.0);
  EXPECT_LT(counts.words(), 2 * 10000u);  // words left in no pair were dropped too
  const LexiconPairs pairs = counts.Pairs();
  EXPECT_NE(std::find(pairs.begin(), pairs.end(), std::make_pair(std::string("conseil"), std::string("council"))),
            pairs.end());
}

// Words seen more than once but in no pair (here: in sentence pairs too
// long to count pairs of, as Lexicon::LearnFromWords skips them) are
// bounded too: the vocabulary stays within max_words(), the rarest go
// first and no more than the bound needs, and the pairs of the short
// sentences are still learned.
TEST(LexiconCountsTest, WordsInNoPairStayWithinTheirLimit) {
  LexiconCounts counts(fr, en, 4096);
  ASSERT_GT(41 * 40 * 2, counts.max_words());  // more words come than the limit
  for (int n = 0; n < 40; ++n) {
    // 80 x 80 words, past kLexiconMaximumPairProduct: counted, no pair.
    // Each word comes twice (n and n + 1 share half of theirs).
    WordList f = {"fréquent"}, e = {"frequent"};  // loose too, but seen in every one: kept
    for (int w = 0; w < 80; ++w) {
      f.push_back("f" + std::to_string(n * 40 + w));
      e.push_back("e" + std::to_string(n * 40 + w));
    }
    std::sort(f.begin(), f.end());
    std::sort(e.begin(), e.end());
    counts.Add(f, e);
    counts.Add({"conseil"}, {"council"});
    counts.distinct_pairs();  // merges what waits, as a full buffer would
    EXPECT_LE(counts.words(), counts.max_words()) << "after sentence pair " << n;
  }
  // Only as many go as the bound needs (three quarters kept), the rarest.
  EXPECT_GE(counts.words(), counts.max_words() / 2);
  const std::string text = counts.Format();
  EXPECT_NE(text.find("s\tfréquent\t40\n"), std::string::npos);
  EXPECT_NE(text.find("t\tfrequent\t40\n"), std::string::npos);
  const LexiconPairs pairs = counts.Pairs();
  EXPECT_EQ(pairs, (LexiconPairs{{"conseil", "council"}}));
}

// The buffer of new pairs and the table stay within what the header says
// at every pair limit (a small limit, a small buffer: a small budget is
// kept), however many sentence pairs come.
class CountsBytesTest : public testing::TestWithParam<std::size_t> {};

TEST_P(CountsBytesTest, BufferAndTableStayWithinTheLimit) {
  const std::size_t max_pairs = GetParam();
  LexiconCounts counts(fr, en, max_pairs);
  const std::size_t buffer = std::clamp<std::size_t>(max_pairs / 2, 4096, 65536);
  const std::size_t word_bytes = sizeof(std::string) + 44;  // as bytes() counts a short word
  std::mt19937 random(7);
  for (int n = 0; n < 3000; ++n) {
    // 20 x 20 words of 300 each side: up to 90,000 distinct pairs.
    WordList f, e;
    for (int w = 0; w < 20; ++w) {
      f.push_back("f" + std::to_string(random() % 300));
      e.push_back("e" + std::to_string(random() % 300));
    }
    std::sort(f.begin(), f.end());
    f.erase(std::unique(f.begin(), f.end()), f.end());
    std::sort(e.begin(), e.end());
    e.erase(std::unique(e.begin(), e.end()), e.end());
    counts.Add(f, e);
    ASSERT_LE(counts.bytes(), buffer * 8 + (max_pairs + buffer) * 12 + counts.words() * word_bytes)
        << "max_pairs " << max_pairs << ", sentence pair " << n;
  }
  EXPECT_LE(counts.distinct_pairs(), max_pairs);
}

INSTANTIATE_TEST_SUITE_P(Limits, CountsBytesTest, testing::Values(1024, 8192, 65536));

// Counts that prune while another's are merged in (what waits merged
// first, words renumbered): the merged counts still name the right words.
TEST(LexiconCountsTest, AMergeThatPrunesKeepsTheWordsRight) {
  const auto noisy = [](LexiconCounts& counts, unsigned seed, int sentences) {
    std::mt19937 random(seed);
    for (int n = 0; n < sentences; ++n) {
      WordList f = {"conseil", "f" + std::to_string(random() % 3000)};
      WordList e = {"council", "e" + std::to_string(random() % 3000)};
      std::sort(f.begin(), f.end());
      std::sort(e.begin(), e.end());
      counts.Add(f, e);
    }
  };
  LexiconCounts into(fr, en, 1024), other(fr, en, 1 << 20);
  noisy(into, 1, 900);   // pruned, and pairs left waiting
  noisy(other, 2, 900);  // 3,600 pairs: merging them prunes
  into.Merge(other);
  EXPECT_LE(into.distinct_pairs(), 1024u);
  EXPECT_EQ(into.sentence_pairs(), 1800u);
  const LexiconPairs pairs = into.Pairs();
  EXPECT_NE(std::find(pairs.begin(), pairs.end(), std::make_pair(std::string("conseil"), std::string("council"))),
            pairs.end());
  for (const auto& [f, e] : pairs) {
    EXPECT_TRUE(f == "conseil" || f[0] == 'f') << f;
    EXPECT_TRUE(e == "council" || e[0] == 'e') << e;
  }
}

struct BadCountsCase {
  const char* name;
  const char* text;
  const char* problem;
};

class BadCountsTest : public ::testing::TestWithParam<BadCountsCase> {};

TEST_P(BadCountsTest, NamesTheProblem) {
  LexiconCounts counts(fr, en);
  const std::string problem = LexiconCounts::Parse(GetParam().text, fr, en, 1 << 20, &counts);
  EXPECT_NE(problem.find(GetParam().problem), std::string::npos) << problem;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadCountsTest,
    ::testing::Values(BadCountsCase{"no_header", "s\tconseil\t2\n", "does not start with"},
                      BadCountsCase{"another_pair", "# sextant lexicon counts ru en\n", "holds ru-en, not fr-en"},
                      BadCountsCase{"no_count", "# sextant lexicon counts fr en\ns\tconseil\tdeux\n", "line 2"},
                      BadCountsCase{"zero_count", "# sextant lexicon counts fr en\np\tconseil\tcouncil\t0\n", "line 2"},
                      BadCountsCase{"unknown_line", "# sextant lexicon counts fr en\n\nx\ty\n", "line 3"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace sextant
