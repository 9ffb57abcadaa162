// DocumentSet: language versions grouped by own symbol, whatever the file
// names; missing languages, duplicates and unknown languages reported.
#include "pipeline/document_set.h"

#include <gtest/gtest.h>

namespace sextant {
namespace {

Document Make(const std::string& path, const std::string& symbol, std::optional<Language> language) {
  Document document;
  document.path = path;
  if (!symbol.empty()) document.furniture.symbol = symbol;
  document.language = language;
  return document;
}

TEST(DocumentSetTest, GroupsBySymbolNotFileName) {
  const Document a = Make("x/one.pdf", "A/80/434-S/2025/632", Language::kEnglish);
  const Document b = Make("y/two.pdf", "A/RES/80/1", Language::kChinese);
  const Document c = Make("z/three.pdf", "A/80/434-S/2025/632", Language::kFrench);
  const Document d = Make("w/four.pdf", "", Language::kEnglish);
  const Document e = Make("v/five.pdf", "A/RES/80/1", Language::kChinese);
  const Document f = Make("u/six.pdf", "A/RES/80/1", std::nullopt);
  const auto sets = GroupLanguageVersions({&a, &b, &c, &d, &e, &f});
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets[0].symbol, "A/80/434-S/2025/632");
  EXPECT_EQ(sets[0].versions.at(Language::kEnglish), "x/one.pdf");
  EXPECT_EQ(sets[0].versions.at(Language::kFrench), "z/three.pdf");
  EXPECT_EQ(sets[0].missing.size(), 4u);
  EXPECT_EQ(sets[1].symbol, "A/RES/80/1");
  EXPECT_EQ(sets[1].duplicates, std::vector<std::string>{"v/five.pdf"});
  EXPECT_EQ(sets[1].unknown_language, std::vector<std::string>{"u/six.pdf"});
  EXPECT_EQ(sets[2].symbol, "");
  EXPECT_EQ(sets[2].versions.size(), 1u);
}

TEST(DocumentSetTest, CompleteSetMissesNothing) {
  std::vector<Document> documents;
  for (const LanguageInfo& info : AllLanguages()) {
    documents.push_back(Make(std::string(info.code) + ".pdf", "CTOC/COP/WG.4/2022/1", info.language));
  }
  std::vector<const Document*> pointers;
  for (const Document& document : documents) pointers.push_back(&document);
  const auto sets = GroupLanguageVersions(pointers);
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_TRUE(sets[0].missing.empty());
  EXPECT_EQ(sets[0].versions.size(), 6u);
}

}  // namespace
}  // namespace sextant
