// The words of a hit's text that a query marks (index/matched_spans.h),
// table-driven: loose words by their stem, phrases only where they occur
// whole, words a phrase and the query share, excluded words and phrases,
// French elisions and Arabic normalisation.
#include "index/matched_spans.h"

#include <string>
#include <unordered_set>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

namespace sextant::index_internal {
namespace {

// The marked words of `text`, joined by "|".
std::string Marked(const std::string& query, const std::string& text, Language language, const std::string& stemmer) {
  Xapian::Stem stem(stemmer);
  std::unordered_set<std::string> terms;  // as the query parser gives them (STEM_ALL_Z): "Z" + stem
  const QueryWords words = ReadQueryWords(query);
  std::vector<std::string> all = words.loose;
  for (const std::string& phrase : words.phrases) all.push_back(phrase);
  for (const std::string& part : all) {
    std::string word;
    for (const char c : part + " ") {
      if (c == ' ' || c == '-') {
        if (!word.empty()) terms.insert("Z" + stem(word));
        word.clear();
      } else {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
  }
  std::string out;
  const auto spans = MatchedSpans(text, language, terms, [&stem](const std::string& w) { return stem(w); }, {}, words);
  for (const auto& [begin, end] : spans) out += (out.empty() ? "" : "|") + text.substr(begin, end - begin);
  return out;
}

TEST(MatchedSpansTest, PhrasesOnlyWhereWhole) {
  struct Case {
    std::string query, text, marked;
  };
  const std::vector<Case> cases = {
      {"trafficking", "Trafficked persons and trafficking.", "Trafficked|trafficking"},
      {"\"united nations\"", "The United Nations and national plans of the nations.", "United|Nations"},
      {"\"united nations\" national", "The United Nations and national plans.", "United|Nations|national"},
      {"secretary-general", "The Secretary-General and the Auditor-General.", "Secretary|General"},
      {"\"security council\" council", "The Security Council and the Council.", "Security|Council|Council"},
      {"\"security council\"", "The Council met; the council of security.", ""},
      {"\"human rights\" -\"human beings\"", "Human rights of human beings.", "Human|rights"},
      {"rights -human", "Human rights.", "rights"},
      {"\"united nations\" OR unicef", "UNICEF and the United Nations.", "UNICEF|United|Nations"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Marked(c.query, c.text, Language::kEnglish, "english"), c.marked) << c.query << " in " << c.text;
  }
}

TEST(MatchedSpansTest, FrenchElisionAndArabic) {
  EXPECT_EQ(Marked("\"assemblée générale\"", "L'Assemblée générale et l'assemblée.", Language::kFrench, "french"),
            "L'Assemblée|générale");
  EXPECT_EQ(Marked("\"الأمم المتحدة\"", "منظمة الأمم المتحدة والأمم", Language::kArabic, "arabic"), "الأمم|المتحدة");
}

TEST(MatchedSpansTest, ReadQueryWords) {
  const QueryWords words = ReadQueryWords("\"united nations\" secretary-general -\"human beings\" +rights -torture OR ");
  EXPECT_EQ(words.phrases, (std::vector<std::string>{"united nations", "secretary-general"}));
  EXPECT_EQ(words.loose, (std::vector<std::string>{"rights"}));
}

}  // namespace
}  // namespace sextant::index_internal
