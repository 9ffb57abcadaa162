// Stored lexicons (stages/align/lexicon_file.h): the file's text parsed,
// written and read back, and a learned lexicon's own pairs kept whole.
#include "stages/align/lexicon_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "stages/align/lexicon.h"

namespace sextant {
namespace {

struct ParseCase {
  const char* name;
  const char* text;
  Language source, target;
  LexiconPairs pairs;      // when parsed
  const char* problem;     // a part of the problem, or "" when none
};

class ParseLexiconTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParseLexiconTest, ParsesOrNamesTheProblem) {
  const ParseCase& c = GetParam();
  LexiconPairs pairs;
  const std::string problem = ParseLexicon(c.text, c.source, c.target, &pairs);
  if (std::string(c.problem).empty()) {
    EXPECT_EQ(problem, "");
    EXPECT_EQ(pairs, c.pairs);
  } else {
    EXPECT_NE(problem.find(c.problem), std::string::npos) << problem;
    EXPECT_TRUE(pairs.empty());
  }
}

const Language zh = Language::kChinese, en = Language::kEnglish, fr = Language::kFrench;

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseLexiconTest,
    ::testing::Values(
        ParseCase{"pairs", "# sextant lexicon zh en\n会议\tmeeting\n大会\tassembly\n", zh, en,
                  {{"会议", "meeting"}, {"大会", "assembly"}}, ""},
        ParseCase{"other_way_round_swapped", "# sextant lexicon en zh\nmeeting\t会议\n", zh, en,
                  {{"会议", "meeting"}}, ""},
        ParseCase{"comments_blank_lines_crlf", "# sextant lexicon fr en\r\n# learned\n\nconseil\tcouncil\r\n", fr,
                  en, {{"conseil", "council"}}, ""},
        ParseCase{"header_only", "# sextant lexicon fr en", fr, en, {}, ""},
        ParseCase{"no_header", "conseil\tcouncil\n", fr, en, {}, "does not start with"},
        ParseCase{"another_pair", "# sextant lexicon ru en\nсовет\tcouncil\n", fr, en, {}, "holds ru-en, not fr-en"},
        ParseCase{"bad_language", "# sextant lexicon xx en\n", fr, en, {}, "names no language pair"},
        ParseCase{"line_without_tab", "# sextant lexicon fr en\nconseil\tcouncil\nassemblée assembly\n", fr, en,
                  {}, "line 3: expected \"word TAB word\""},
        ParseCase{"empty_word", "# sextant lexicon fr en\n\tcouncil\n", fr, en, {}, "line 2"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(LexiconFileTest, FormatThenParseGivesThePairsBack) {
  const LexiconPairs pairs = {{"conseil", "council"}, {"sécurité", "security"}};
  const std::string text = FormatLexicon(pairs, fr, en);
  EXPECT_EQ(text, "# sextant lexicon fr en\nconseil\tcouncil\nsécurité\tsecurity\n");
  LexiconPairs back;
  EXPECT_EQ(ParseLexicon(text, fr, en, &back), "");
  EXPECT_EQ(back, pairs);
}

TEST(LexiconFileTest, FolderWrittenAndReadBothWays) {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "sextant_lexicon_file_test";
  std::filesystem::remove_all(folder);
  LexiconPairs pairs, read;
  std::string problem;
  EXPECT_FALSE(ReadLexiconFolder(folder.string(), zh, en, &read, &problem));  // none: not a problem
  EXPECT_EQ(problem, "");
  ASSERT_TRUE(WriteLexiconFolder((folder / "lexicon").string(), {{"会议", "meeting"}}, zh, en).ok());
  EXPECT_TRUE(std::filesystem::exists(folder / "lexicon" / "zh-en.lexicon"));
  ASSERT_TRUE(ReadLexiconFolder((folder / "lexicon").string(), en, zh, &read, &problem)) << problem;
  EXPECT_EQ(read, (LexiconPairs{{"meeting", "会议"}}));
  // The other direction's file beside it (as ingest writes en-zh): both read.
  ASSERT_TRUE(WriteLexiconFolder((folder / "lexicon").string(), {{"council", "理事会"}}, en, zh).ok());
  ASSERT_TRUE(ReadLexiconFolder((folder / "lexicon").string(), zh, en, &read, &problem)) << problem;
  EXPECT_EQ(read, (LexiconPairs{{"会议", "meeting"}, {"理事会", "council"}}));
  // A broken file is a problem naming it and what to do.
  std::ofstream((folder / "lexicon" / "zh-en.lexicon").string()) << "not a lexicon\n";
  EXPECT_FALSE(ReadLexiconFolder((folder / "lexicon").string(), zh, en, &read, &problem));
  EXPECT_NE(problem.find("zh-en.lexicon: does not start with"), std::string::npos) << problem;
  EXPECT_NE(problem.find("learn it again"), std::string::npos) << problem;
  std::filesystem::remove_all(folder);
}

TEST(LexiconFileTest, OwnPairsAreWhatWasLearnedNotTheBase) {
  Lexicon base = Lexicon::Learn({}, fr, en);
  base.AddPairs({{"conseil", "council"}});
  // "sécurité"/"security" together three times: learned on top of the base.
  const std::vector<std::pair<std::string_view, std::string_view>> pairs = {
      {"sécurité conseil", "security council"}, {"sécurité", "security"}, {"la sécurité", "the security"}};
  const Lexicon learned = Lexicon::Learn(pairs, fr, en, &base);
  const LexiconPairs own = learned.OwnPairs();
  EXPECT_NE(std::find(own.begin(), own.end(), std::make_pair(std::string("sécurité"), std::string("security"))),
            own.end());
  EXPECT_EQ(std::find(own.begin(), own.end(), std::make_pair(std::string("conseil"), std::string("council"))),
            own.end());
  EXPECT_TRUE(std::is_sorted(own.begin(), own.end()));
  // Added to a fresh lexicon, they give the same entries.
  Lexicon again = Lexicon::Learn({}, fr, en);
  again.AddPairs(own);
  EXPECT_EQ(again.OwnPairs(), own);
  EXPECT_EQ(base.OwnPairs(), (LexiconPairs{{"conseil", "council"}}));
}

}  // namespace
}  // namespace sextant
