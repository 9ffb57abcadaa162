// WordLinker (stages/align/word_links.h): which words of an aligned
// sentence render the marked words of its source, from a table of cases.
#include "stages/align/word_links.h"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace sextant {
namespace {

struct LinkCase {
  const char* name;
  Language source, target;
  std::vector<std::pair<std::string, std::string>> lexicon;     // stored-lexicon pairs
  std::vector<std::pair<std::string, std::string>> dictionary;  // dictionary pairs
  std::string source_text;
  std::vector<std::string> marked;  // words of source_text marked (each its first occurrence)
  std::string target_text;
  std::vector<std::string> expected;  // the spans of target_text, in order
};

std::vector<LinkCase> Cases() {
  const Language en = Language::kEnglish, zh = Language::kChinese, fr = Language::kFrench,
                 ru = Language::kRussian, es = Language::kSpanish, ar = Language::kArabic;
  return {
      {"chinese words joined into one span", en, zh, {{"trafficking", "贩运"}, {"persons", "人口"}}, {},
       "Trafficking in persons is a crime.", {"Trafficking", "persons"}, "贩运人口是一种犯罪。", {"贩运人口"}},
      {"a short function word inside the span", en, fr, {{"trafficking", "traite"}, {"persons", "personnes"}}, {},
       "Trafficking in persons is a crime.", {"Trafficking", "persons"}, "La traite des personnes est un crime.",
       {"traite des personnes"}},
      {"an inflected form of a lexicon word", en, ru, {{"trafficking", "торговля"}, {"persons", "людьми"}}, {},
       "Combating trafficking in persons.", {"trafficking", "persons"}, "Борьба с торговлей людьми.",
       {"торговлей людьми"}},
      {"a dictionary pair", en, fr, {}, {{"water", "eau"}}, "Access to drinking water.", {"water"},
       "Accès à l'eau potable.", {"eau"}},
      {"the same number on both sides", en, ru, {}, {}, "In 2015 the Council met.", {"2015"},
       "В 2015 году Совет собрался.", {"2015"}},
      {"an acronym kept in Chinese text", en, zh, {}, {}, "The UNODC report.", {"UNODC"}, "UNODC 的报告。", {"UNODC"}},
      {"a cognate between Latin-script languages", en, es, {}, {}, "The Convention entered into force.",
       {"Convention"}, "La Convención entró en vigor.", {"Convención"}},
      {"an Arabic clitic before the word", en, ar, {{"council", "مجلس"}}, {}, "The Assembly and the Council met.",
       {"Council"}, "واجتمعت الجمعية ومجلس الأمن.", {"ومجلس"}},
      {"a word that links to nothing gives no span", en, zh, {{"trafficking", "贩运"}}, {},
       "Sextant reads documents.", {"Sextant"}, "该系统阅读文件。", {}},
      {"a function word never links", en, fr, {{"the", "la"}}, {}, "The report.", {"The"}, "La rapport.", {}},
      {"an unmarked word claiming the same target word more strongly wins", en, zh,
       {{"people", "人民"}}, {{"persons", "人民"}}, "The persons and the people.", {"persons"}, "人民和人民。", {}},
      {"a tie with an unmarked word is a doubt: no span", en, zh, {{"persons", "人"}, {"people", "人"}}, {},
       "The persons and the people.", {"persons"}, "这些人。", {}},
      {"one occurrence marked, one rendering", en, zh, {{"rights", "权利"}}, {}, "Rights are rights.", {"Rights"},
       "权利就是权利。", {"权利"}},
      {"a phrase takes one stretch of the target, not a word far from it", en, fr,
       {{"united", "unies"}, {"nations", "nations"}}, {}, "The United Nations helps the nations.",
       {"United", "Nations"}, "Les Nations Unies aident les nations.", {"Nations Unies"}},
      {"words beside the stretch that render a word of the phrase join it", en, zh,
       {{"sustainable", "可"}, {"sustainable", "持续"}, {"sustainable", "发展"}, {"development", "可"},
        {"development", "持续"}, {"development", "发展"}}, {},
       "Sustainable development matters.", {"Sustainable", "development"}, "促进可持续发展的目标。", {"可持续发展"}},
      {"chinese source, english target", zh, en, {{"人口", "persons"}, {"贩运", "trafficking"}}, {},
       "打击贩运人口。", {"贩运人口"}, "Combating trafficking in persons.", {"trafficking in persons"}},
      {"words of a phrase paired with each other's renderings take one each; the query's words met again are no "
       "rivals",
       en, fr, {{"peace", "paix"}, {"peace", "sécurité"}, {"security", "paix"}, {"security", "sécurité"}}, {},
       "Peace and security, and security operations.", {"Peace", "security"},
       "La paix et la sécurité, et les opérations de sécurité.", {"paix et la sécurité"}},
      {"two words far apart are two spans", en, fr, {{"council", "conseil"}, {"report", "rapport"}}, {},
       "The Council adopted the report.", {"Council", "report"}, "Le Conseil a adopté le rapport.",
       {"Conseil", "rapport"}},
  };
}

class WordLinksTest : public ::testing::TestWithParam<LinkCase> {};

TEST_P(WordLinksTest, RendersTheMarkedWords) {
  const LinkCase& c = GetParam();
  WordLinker linker(c.source, c.target);
  linker.AddPairs(c.lexicon, WordLinker::kLexiconConfidence);
  linker.AddPairs(c.dictionary, WordLinker::kDictionaryConfidence);
  std::vector<ByteSpan> marks;
  for (const std::string& word : c.marked) {
    const std::size_t at = c.source_text.find(word);
    ASSERT_NE(at, std::string::npos) << word;
    marks.push_back({at, at + word.size()});
  }
  std::vector<std::string> got;
  for (const LinkedSpan& span : linker.Render(c.source_text, marks, c.target_text)) {
    ASSERT_LE(span.end, c.target_text.size());
    EXPECT_GE(span.confidence, WordLinker::kMinimumConfidence);
    got.push_back(c.target_text.substr(span.begin, span.end - span.begin));
  }
  EXPECT_EQ(got, c.expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, WordLinksTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<LinkCase>& info) {
                           std::string name;
                           for (const char c : std::string(info.param.name)) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(WordLinksTest, NoMarksNoSpans) {
  WordLinker linker(Language::kEnglish, Language::kFrench);
  linker.AddPairs({{"council", "conseil"}}, WordLinker::kLexiconConfidence);
  EXPECT_TRUE(linker.Render("The Council.", {}, "Le Conseil.").empty());
  EXPECT_TRUE(linker.Render("The Council.", {{4, 11}}, "").empty());
  EXPECT_EQ(linker.pair_count(), 1u);
}

TEST(WordLinksTest, LoadsAStoredLexiconAndSaysWhatItRead) {
  const std::string folder = ::testing::TempDir() + "/word_links_lexicon";
  std::filesystem::create_directories(folder);
  {
    std::ofstream out(folder + "/zh-en.lexicon");
    out << "# sextant lexicon zh en\n贩运\ttrafficking\n人口\tpersons\n";
  }
  std::vector<std::string> warnings;
  const auto linker = LoadWordLinker(Language::kEnglish, Language::kChinese, {folder}, "", &warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(linker->pair_count(), 2u);  // read the other way round
  ASSERT_EQ(linker->sources().size(), 1u);
  const std::string source = "Trafficking in persons.";
  const auto spans = linker->Render(source, {{0, 11}, {15, 22}}, "贩运人口。");
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(std::string("贩运人口。").substr(spans[0].begin, spans[0].end - spans[0].begin), "贩运人口");
  // A damaged file is a warning, and the linker goes on without it.
  {
    std::ofstream out(folder + "/zh-en.lexicon");
    out << "no header\n";
  }
  const auto without = LoadWordLinker(Language::kEnglish, Language::kChinese, {folder}, "", &warnings);
  EXPECT_EQ(without->pair_count(), 0u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("zh-en.lexicon"), std::string::npos);
}

// An index of several local shards keeps a lexicon in each: the linker
// joins their pairs.
TEST(WordLinksTest, JoinsTheLexiconsOfEveryShard) {
  const std::string root = ::testing::TempDir() + "/word_links_shards";
  std::vector<std::string> folders;
  for (const auto& [name, line] : {std::pair{"1", "贩运\ttrafficking\n"}, std::pair{"2", "人口\tpersons\n"}}) {
    folders.push_back(root + "/" + name + "/lexicon");
    std::filesystem::create_directories(folders.back());
    std::ofstream(folders.back() + "/zh-en.lexicon") << "# sextant lexicon zh en\n" << line;
  }
  folders.push_back(root + "/3/lexicon");  // a shard with no lexicon yet
  std::vector<std::string> warnings;
  const auto linker = LoadWordLinker(Language::kEnglish, Language::kChinese, folders, "", &warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(linker->pair_count(), 2u);
  EXPECT_EQ(linker->sources().size(), 2u);
  const auto spans = linker->Render("Trafficking in persons.", {{0, 11}, {15, 22}}, "贩运人口。");
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(std::string("贩运人口。").substr(spans[0].begin, spans[0].end - spans[0].begin), "贩运人口");
}

}  // namespace
}  // namespace sextant
