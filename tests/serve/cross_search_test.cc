// Search across languages (serve/cross_search.h) and the API's cross=yes:
// an index holding the Chinese fixture only, with a stored en-zh lexicon
// beside it, is searched in English; the Chinese passages are found through
// the translation, and say so; without cross nothing is found.
#include "serve/cross_search.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "index/index_writer.h"
#include "pipeline/content_hash.h"
#include "pipeline/runner.h"
#include "serve/search_api.h"
#include "stages/align/lexicon_file.h"
#include "stages/standard_stages.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

class CrossSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = fs::temp_directory_path() / ("sextant_cross_search_" + std::to_string(::getpid()));
    fs::remove_all(folder_);
    const std::string path = (testing::SourceDir() / "corpora/pdf/zh.pdf").string();
    DocumentResult result = Runner(ExtractionStages()).RunOne(path);
    ASSERT_TRUE(result.status.ok()) << result.status.ToString();
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
    AddCounts counts;
    ASSERT_TRUE(writer->AddDocumentSet({{&result.document, HashFile(path).value().Hex(), nullptr}}, &counts).ok());
    writer.reset();
    // As an earlier ingest of other documents would have left it.
    ASSERT_TRUE(WriteLexiconFolder((folder_ / "lexicon").string(),
                                   {{"persons", "人口"}, {"trafficking", "贩运"}, {"working", "工作组"}},
                                   Language::kEnglish, Language::kChinese)
                    .ok());
  }
  static void TearDownTestSuite() { fs::remove_all(folder_); }

  static inline fs::path folder_;
};

TEST_F(CrossSearchTest, FindsTheOtherLanguageThroughTheTranslation) {
  std::unique_ptr<IndexSearcher> searcher;
  ASSERT_TRUE(IndexSearcher::Open(folder_.string(), &searcher).ok());
  SearchOptions options;
  SearchResult plain;
  ASSERT_TRUE(searcher->Search("trafficking persons", options, &plain).ok());
  EXPECT_EQ(plain.total, 0u);

  QueryTranslator translator(IndexShards::Folder(folder_.string()).LexiconFolders(), "");
  CrossSearchResult cross;
  ASSERT_TRUE(CrossSearch(*searcher, translator, "trafficking persons", options, &cross).ok());
  EXPECT_EQ(cross.query_language, Language::kEnglish);
  ASSERT_FALSE(cross.result.hits.empty());
  ASSERT_EQ(cross.via.size(), cross.result.hits.size());
  for (std::size_t k = 0; k < cross.result.hits.size(); ++k) {
    EXPECT_EQ(cross.result.hits[k].language, Language::kChinese);
    ASSERT_TRUE(cross.via[k].has_value());
    EXPECT_EQ(cross.via[k]->translation, "人口 OR 贩运");
    EXPECT_EQ(cross.via[k]->from, Language::kEnglish);
    const std::string& text = cross.result.hits[k].text;
    EXPECT_TRUE(text.find("人口") != std::string::npos || text.find("贩运") != std::string::npos) << text;
  }
  // Paging over the merged hits: the second page starts where the first ends.
  options.limit = 2;
  CrossSearchResult first, second;
  ASSERT_TRUE(CrossSearch(*searcher, translator, "trafficking persons", options, &first).ok());
  options.offset = 1;
  ASSERT_TRUE(CrossSearch(*searcher, translator, "trafficking persons", options, &second).ok());
  ASSERT_EQ(first.result.hits.size(), 2u);
  ASSERT_FALSE(second.result.hits.empty());
  EXPECT_EQ(second.result.hits[0].segment, first.result.hits[1].segment);
}

TEST(CrossSearchOrderTest, TheQuerysOwnHitsComeFirstAtAnEqualShare) {
  // English and Chinese versions of one document: the English passages
  // hold both words, and so do Chinese ones through the translation (an
  // equal share); BM25 weights of two searches do not compare, so the
  // query's own hits come first.
  const fs::path folder = fs::temp_directory_path() / ("sextant_cross_order_" + std::to_string(::getpid()));
  fs::remove_all(folder);
  std::vector<DocumentResult> results;
  for (const char* name : {"corpora/pdf/en.pdf", "corpora/pdf/zh.pdf"}) {
    const std::string path = (testing::SourceDir() / name).string();
    results.push_back(Runner(ExtractionStages()).RunOne(path));
    ASSERT_TRUE(results.back().status.ok()) << results.back().status.ToString();
  }
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder.string(), {}, &writer).ok());
  AddCounts counts;
  for (std::size_t k = 0; k < results.size(); ++k) {
    const std::string path = (testing::SourceDir() / (k == 0 ? "corpora/pdf/en.pdf" : "corpora/pdf/zh.pdf")).string();
    ASSERT_TRUE(writer->AddDocumentSet({{&results[k].document, HashFile(path).value().Hex(), nullptr}}, &counts).ok());
  }
  writer.reset();
  ASSERT_TRUE(WriteLexiconFolder((folder / "lexicon").string(), {{"persons", "人口"}, {"trafficking", "贩运"}},
                                 Language::kEnglish, Language::kChinese)
                  .ok());
  std::unique_ptr<IndexSearcher> searcher;
  ASSERT_TRUE(IndexSearcher::Open(folder.string(), &searcher).ok());
  QueryTranslator translator(IndexShards::Folder(folder.string()).LexiconFolders(), "");
  SearchOptions options;
  options.limit = 50;
  CrossSearchResult cross;
  ASSERT_TRUE(CrossSearch(*searcher, translator, "trafficking persons", options, &cross).ok());
  ASSERT_FALSE(cross.result.hits.empty());
  bool translated_seen = false;
  for (std::size_t k = 0; k < cross.result.hits.size(); ++k) {
    if (cross.via[k].has_value()) translated_seen = true;
    else EXPECT_FALSE(translated_seen) << "an English hit after a translated one, at " << k;
  }
  EXPECT_TRUE(translated_seen);
  EXPECT_EQ(cross.result.hits.front().language, Language::kEnglish);
  fs::remove_all(folder);
}

TEST_F(CrossSearchTest, TheApiSaysWhichHitsCameThroughATranslation) {
  std::unique_ptr<SearchApi> api;
  ASSERT_TRUE(SearchApi::Open(folder_.string(), &api).ok());
  const ApiResponse cross = api->Handle({"/api/search", {{"q", "trafficking"}, {"cross", "yes"}}});
  ASSERT_EQ(cross.status, 200) << cross.body;
  const nlohmann::json found = nlohmann::json::parse(cross.body);
  ASSERT_FALSE(found["hits"].empty());
  EXPECT_EQ(found["hits"][0]["language"], "zh");
  EXPECT_EQ(found["hits"][0]["via"]["translation"], "贩运");
  EXPECT_EQ(found["hits"][0]["via"]["from"], "en");

  const ApiResponse plain = api->Handle({"/api/search", {{"q", "trafficking"}}});
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(nlohmann::json::parse(plain.body)["total"], 0);

  const ApiResponse bad = api->Handle({"/api/search", {{"q", "trafficking"}, {"cross", "maybe"}}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("cross takes yes or no"), std::string::npos) << bad.body;
}

}  // namespace
}  // namespace sextant
