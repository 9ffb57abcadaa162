// QueryTranslator (stages/align/query_translation.h): a query's words
// rendered from stored lexicons (either direction's file, several folders
// joined), through English between two other languages, fields kept,
// operators dropped, and nothing when no word has a rendering.
#include "stages/align/query_translation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "stages/align/lexicon_file.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;
const Language en = Language::kEnglish, zh = Language::kChinese, fr = Language::kFrench;

class QueryTranslationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder a process: CTest runs each case as its own process, at once.
    folder_ = fs::temp_directory_path() / ("sextant_query_translation-" + std::to_string(::getpid()));
    fs::remove_all(folder_);
    ASSERT_TRUE(WriteLexiconFolder((folder_ / "a").string(),
                                   {{"persons", "人口"}, {"smuggling", "贩运"}, {"trafficking", "贩运"}}, en, zh)
                    .ok());
    // The other direction's file, in a second folder (another shard).
    ASSERT_TRUE(WriteLexiconFolder((folder_ / "b").string(), {{"personnes", "persons"}, {"traite", "trafficking"}}, fr,
                                   en).ok());
  }
  void TearDown() override { fs::remove_all(folder_); }
  QueryTranslator Translator() { return QueryTranslator({(folder_ / "a").string(), (folder_ / "b").string()}, ""); }

  fs::path folder_;
};

struct TranslateCase {
  const char* name;
  const char* query;
  Language from, to;
  const char* expected;
};

class TranslateTest : public QueryTranslationTest, public ::testing::WithParamInterface<TranslateCase> {};

TEST_P(TranslateTest, RendersTheWords) {
  QueryTranslator translator = Translator();
  const TranslateCase& c = GetParam();
  EXPECT_EQ(translator.Translate(c.query, c.from, c.to).query, c.expected);
  EXPECT_TRUE(translator.TakeWarnings().empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TranslateTest,
    ::testing::Values(TranslateCase{"stored_pairs", "Trafficking in persons", en, zh, "人口 OR 贩运"},
                      TranslateCase{"other_direction_file", "trafficking", en, fr, "traite"},
                      TranslateCase{"reversed_lookup", "贩运", zh, en, "smuggling OR trafficking"},
                      TranslateCase{"through_english", "贩运 人口", zh, fr, "personnes OR traite"},
                      TranslateCase{"fields_kept_operators_dropped", "trafficking AND year:2022", en, zh,
                                    "(贩运) year:2022"},
                      TranslateCase{"a_rendering_shared_once", "trafficking smuggling", en, zh, "贩运"},
                      TranslateCase{"nothing_known", "mercury convention", en, zh, ""},
                      TranslateCase{"same_language", "trafficking", en, en, ""}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(QueryTranslationTest, KeepsTheWordsTranslatedAndWarnsOfABrokenFile) {
  QueryTranslator translator = Translator();
  const QueryTranslation translation = translator.Translate("trafficking persons", en, zh);
  ASSERT_EQ(translation.words.size(), 2u);
  EXPECT_EQ(translation.words[1].first, "trafficking");
  EXPECT_EQ(translation.words[1].second, std::vector<std::string>{"贩运"});

  fs::create_directories(folder_ / "c");
  std::ofstream(folder_ / "c" / "en-ru.lexicon") << "council совет\n";
  QueryTranslator broken({(folder_ / "c").string()}, "");
  EXPECT_EQ(broken.Translate("council", en, Language::kRussian).query, "");
  const std::vector<std::string> warnings = broken.TakeWarnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("en-ru.lexicon"), std::string::npos) << warnings[0];
}

TEST(GuessLanguageTest, ByScript) {
  EXPECT_EQ(QueryTranslator::GuessLanguage("贩运人口"), Language::kChinese);
  EXPECT_EQ(QueryTranslator::GuessLanguage("الاتجار"), Language::kArabic);
  EXPECT_EQ(QueryTranslator::GuessLanguage("торговля"), Language::kRussian);
  EXPECT_EQ(QueryTranslator::GuessLanguage("traite des personnes"), Language::kEnglish);
}

}  // namespace
}  // namespace sextant
