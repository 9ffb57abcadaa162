// The Xapian index end to end: the six fixture PDFs (one document in six
// languages) extracted, aligned with the English pivot, written into an
// index in a temporary folder, then queried after reopening: words in each
// language, symbol exact and by prefix, cited symbol, resolution, agenda
// item, date range, a Chinese query without spaces with its English beside
// it; re-adding is a no-op, a changed file replaces its entries, a second
// writer gets the lock error, the schema is in the metadata.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "index/index_searcher.h"
#include "index/index_writer.h"
#include "index/schema.h"
#include "pipeline/content_hash.h"
#include "pipeline/runner.h"
#include "pipeline/unicode_text.h"
#include "stages/align/document_aligner.h"
#include "stages/standard_stages.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

std::string FileHash(const std::string& path) { return HashFile(path).value().Hex(); }

// The fixture set, extracted and aligned once for the whole suite.
struct Fixture {
  std::filesystem::path folder;
  std::vector<Document> documents;  // en first (the pivot), then ar zh fr ru es
  std::vector<DocumentAlignment> alignments;  // en → documents[k + 1]
  std::vector<std::string> hashes;
  std::size_t segments = 0;

  std::vector<IndexVersion> Versions() const {
    std::vector<IndexVersion> versions;
    for (std::size_t k = 0; k < documents.size(); ++k) {
      versions.push_back({&documents[k], hashes[k], k == 0 ? nullptr : &alignments[k - 1]});
    }
    return versions;
  }
};

class IndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixture_ = new Fixture();
    fixture_->folder = std::filesystem::temp_directory_path() / ("sextant_index_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(fixture_->folder);
    const Runner runner(ExtractionStages());
    for (const char* code : {"en", "ar", "zh", "fr", "ru", "es"}) {
      const std::string path = (testing::SourceDir() / "corpora/pdf" / (std::string(code) + ".pdf")).string();
      DocumentResult result = runner.RunOne(path);
      ASSERT_TRUE(result.status.ok()) << result.status.ToString();
      fixture_->documents.push_back(std::move(result.document));
      fixture_->hashes.push_back(FileHash(path));
    }
    const AlignableText pivot = AlignableFromDocument(fixture_->documents[0]);
    for (std::size_t k = 1; k < fixture_->documents.size(); ++k) {
      fixture_->alignments.push_back(AlignDocuments(pivot, AlignableFromDocument(fixture_->documents[k])));
    }
    std::unique_ptr<IndexWriter> writer;
    const Status opened = IndexWriter::Open(fixture_->folder.string(), {}, &writer);
    ASSERT_TRUE(opened.ok()) << opened.ToString();
    AddCounts counts;
    const Status added = writer->AddDocumentSet(fixture_->Versions(), &counts);
    ASSERT_TRUE(added.ok()) << added.ToString();
    EXPECT_EQ(counts.documents, 6u);
    EXPECT_FALSE(counts.unchanged);
    fixture_->segments = counts.segments;
  }

  static void TearDownTestSuite() {
    std::filesystem::remove_all(fixture_->folder);
    delete fixture_;
    fixture_ = nullptr;
  }

  void SetUp() override {
    const Status status = IndexSearcher::Open(fixture_->folder.string(), &searcher_);
    ASSERT_TRUE(status.ok()) << status.ToString();
  }

  SearchResult Search(std::string_view query, SearchOptions options = {}) {
    SearchResult result;
    const Status status = searcher_->Search(query, options, &result);
    EXPECT_TRUE(status.ok()) << query << ": " << status.ToString();
    return result;
  }

  static Fixture* fixture_;
  std::unique_ptr<IndexSearcher> searcher_;
};

Fixture* IndexTest::fixture_ = nullptr;

TEST_F(IndexTest, WordsInEachLanguage) {
  const std::vector<std::pair<Language, std::string>> cases = {
      {Language::kEnglish, "trafficking"}, {Language::kFrench, "traite"},
      {Language::kSpanish, "trata"},       {Language::kRussian, "торговля людьми"},
      {Language::kArabic, "الاتجار"},      {Language::kChinese, "贩运"}};
  for (const auto& [language, query] : cases) {
    SCOPED_TRACE(query);
    SearchOptions options;
    options.language = language;
    const SearchResult filtered = Search(query, options);
    EXPECT_GE(filtered.total, 3u);
    for (const SearchHit& hit : filtered.hits) EXPECT_EQ(hit.language, language);
    // Without the filter, the query language is guessed from the script.
    const SearchResult guessed = Search(query);
    EXPECT_GE(guessed.facets.languages.at(std::string(Code(language))), filtered.total);
  }
}

TEST_F(IndexTest, StemmingAndSnippets) {
  SearchOptions options;
  options.language = Language::kEnglish;
  const SearchResult result = Search("trafficked", options);  // stems with "trafficking"
  ASSERT_FALSE(result.hits.empty());
  EXPECT_NE(result.hits[0].snippet.find("**"), std::string::npos) << result.hits[0].snippet;
  // A phrase: Xapian's snippet leaves its words unmarked; they are marked
  // where the phrase occurs whole.
  const SearchResult phrase = Search("\"trafficking in persons\"", options);
  ASSERT_FALSE(phrase.hits.empty());
  EXPECT_NE(phrase.hits[0].snippet.find("**persons**"), std::string::npos) << phrase.hits[0].snippet;
}

// A Chinese snippet marks each occurrence of the query's Han runs once,
// with "**" on both sides, however often the query repeats a run or holds
// it inside a longer one; runs side by side are one mark.
TEST_F(IndexTest, ChineseSnippetMarksEachRunOnce) {
  const std::vector<std::string> queries = {"贩运", "贩运 贩运", "贩运人口 贩运", "人口 贩运 人口"};
  for (const std::string& query : queries) {
    SCOPED_TRACE(query);
    SearchOptions options;
    options.language = Language::kChinese;
    const SearchResult result = Search(query, options);
    ASSERT_FALSE(result.hits.empty());
    std::size_t marked_hits = 0;
    for (const SearchHit& hit : result.hits) {
      EXPECT_EQ(hit.snippet.find("****"), std::string::npos) << hit.snippet;
      std::size_t markers = 0;
      for (std::size_t at = hit.snippet.find("**"); at != std::string::npos; at = hit.snippet.find("**", at + 2)) ++markers;
      EXPECT_EQ(markers % 2, 0u) << hit.snippet;
      if (markers > 0) ++marked_hits;
    }
    EXPECT_GT(marked_hits, 0u);  // a snippet is a window of its passage: not every one holds the words
  }
}

TEST_F(IndexTest, SymbolExactAndPrefix) {
  const SearchResult exact = Search("symbol:CTOC/COP/WG.4/2022/1");
  EXPECT_EQ(exact.total, fixture_->segments);
  EXPECT_EQ(exact.facets.languages.size(), 6u);
  EXPECT_EQ(exact.facets.series.at("CTOC/COP"), fixture_->segments);
  EXPECT_EQ(exact.facets.years.at("2022"), fixture_->segments);
  EXPECT_EQ(Search("symbol:CTOC/COP/WG.4/*").total, fixture_->segments);
  EXPECT_EQ(Search("body:WG.4").total, fixture_->segments);
  EXPECT_EQ(Search("symbol:CTOC/COP/WG.4/2020/*").total, 0u);
  EXPECT_EQ(Search("symbol:CTOC/COP/WG.4/2022/2").total, 0u);
}

TEST_F(IndexTest, CitedSymbolResolutionAgendaItem) {
  const SearchResult cited = Search("cited:CTOC/COP/WG.4/2022/2");
  EXPECT_EQ(cited.facets.languages.size(), 6u);
  for (const SearchHit& hit : cited.hits) EXPECT_NE(hit.text.find("CTOC/COP/WG.4/2022/2"), std::string::npos) << hit.text;
  const SearchResult resolution = Search("resolution:7/1");
  EXPECT_EQ(resolution.facets.languages.size(), 6u);
  for (const SearchHit& hit : resolution.hits) EXPECT_NE(hit.text.find("7/1"), std::string::npos) << hit.text;
  SearchOptions options;
  options.limit = 100;
  const SearchResult item = Search("item:1(a)", options);
  EXPECT_GE(item.facets.languages.size(), 5u);
  for (const SearchHit& hit : item.hits) EXPECT_EQ(hit.agenda_item, "1(a)");
  // Words and fields together.
  options.language = Language::kEnglish;
  const SearchResult both = Search("meeting item:1(a)", options);
  EXPECT_GT(both.total, 0u);
  EXPECT_LT(both.total, item.total);
}

TEST_F(IndexTest, DateRange) {
  SearchOptions options;
  options.date_from = options.date_to = "2022-04";  // the document is dated 2022-04-08
  EXPECT_EQ(Search("", options).total, fixture_->segments);
  options.date_from = "2022-06";  // the meeting's month, not the document's
  options.date_to = "2022-12";
  EXPECT_EQ(Search("", options).total, 0u);
  options.date_from = "2022";
  options.date_to = "";
  EXPECT_EQ(Search("", options).total, fixture_->segments);
  options.date_from = "June";
  SearchResult result;
  EXPECT_EQ(searcher_->Search("", options, &result).code(), StatusCode::kInvalidArgument);
  options.date_from = "2022-04";
  options.date_to = "2022-03";
  EXPECT_EQ(searcher_->Search("", options, &result).code(), StatusCode::kInvalidArgument) << "from after to";
}

TEST(CompactDateTest, RealDatesInTheThreeFormsOnly) {
  const struct {
    const char* given;
    const char* compact;  // "" when refused
  } kCases[] = {
      {"2022", "2022"},         {"2022-06", "202206"},     {"2022-06-27", "20220627"}, {"2024-02-29", "20240229"},
      {"2000-02-29", "20000229"}, {"2022-13-45", ""},       {"2022-00", ""},            {"2022-06-31", ""},
      {"2023-02-29", ""},       {"1900-02-29", ""},        {"2022-6-27", ""},          {"20220627", ""},
      {"June", ""},             {"2022-06-2x", ""},        {"", ""},                   {"2022-06-27T00", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(CompactDate(c.given), c.compact) << c.given;
}

TEST_F(IndexTest, SortByDateKeepsDocumentOrder) {
  SearchOptions options;
  options.language = Language::kEnglish;
  options.sort = SearchSort::kDate;
  options.limit = 100;
  const SearchResult result = Search("trafficking OR meeting", options);
  ASSERT_GE(result.hits.size(), 3u);
  for (std::size_t k = 1; k < result.hits.size(); ++k) {
    EXPECT_LT(result.hits[k - 1].segment, result.hits[k].segment);  // one date, one symbol
  }
  options.offset = 1;
  options.limit = 2;
  const SearchResult page = Search("trafficking OR meeting", options);
  ASSERT_EQ(page.hits.size(), 2u);
  EXPECT_EQ(page.hits[0].segment, result.hits[1].segment);
  EXPECT_EQ(page.total, result.total);
}

TEST_F(IndexTest, ChineseWithoutSpacesShowsEnglish) {
  SearchOptions options;
  options.show = Language::kEnglish;
  const SearchResult result = Search("贩运人口", options);
  ASSERT_FALSE(result.hits.empty());
  bool shown = false;
  for (const SearchHit& hit : result.hits) {
    EXPECT_EQ(hit.language, Language::kChinese);
    EXPECT_NE(hit.text.find("贩运人口"), std::string::npos) << hit.text;
    const std::string& english = hit.parallel.at(Language::kEnglish);
    shown = shown || english.find("Trafficking in Persons") != std::string::npos;
  }
  EXPECT_TRUE(shown);
  // And the other way: an English hit with its Chinese text.
  options.show = Language::kChinese;
  options.language = Language::kEnglish;
  const SearchResult english = Search("\"Working Group on Trafficking in Persons will be opened\"", options);
  ASSERT_EQ(english.hits.size(), 1u);
  EXPECT_NE(english.hits[0].parallel.at(Language::kChinese).find("开幕"), std::string::npos);
}

// SearchOptions::marks: the matched words as byte spans of the hit's text,
// stemmed forms too, Chinese by the query's Han runs; none when not asked.
TEST_F(IndexTest, MarksAreTheMatchedWordsOfTheText) {
  SearchOptions options;
  options.language = Language::kEnglish;
  options.marks = true;
  const SearchResult english = Search("trafficking persons", options);
  ASSERT_FALSE(english.hits.empty());
  for (const SearchHit& hit : english.hits) {
    ASSERT_FALSE(hit.marks.empty()) << hit.text;
    std::size_t previous_end = 0;
    for (const auto& [begin, end] : hit.marks) {
      ASSERT_LT(begin, end);
      ASSERT_LE(end, hit.text.size());
      EXPECT_GE(begin, previous_end);  // in order, not overlapping
      previous_end = end;
      const std::string word = LowerCase(hit.text.substr(begin, end - begin));
      EXPECT_TRUE(word.starts_with("traffick") || word.starts_with("person")) << word << " in " << hit.text;
    }
  }
  options.language = Language::kChinese;
  const SearchResult chinese = Search("贩运人口", options);
  ASSERT_FALSE(chinese.hits.empty());
  for (const SearchHit& hit : chinese.hits) {
    ASSERT_FALSE(hit.marks.empty()) << hit.text;
    for (const auto& [begin, end] : hit.marks) EXPECT_EQ(hit.text.substr(begin, end - begin), "贩运人口");
  }
  options.marks = false;
  for (const SearchHit& hit : Search("贩运人口", options).hits) EXPECT_TRUE(hit.marks.empty());
}

TEST_F(IndexTest, ReAddingIsANoOpAndChangesReplace) {
  const std::string before = searcher_->TermChecksum();
  const std::size_t entries = searcher_->entry_count();
  EXPECT_EQ(entries, fixture_->segments + 6);
  {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(fixture_->folder.string(), {}, &writer).ok());
    AddCounts counts;
    ASSERT_TRUE(writer->AddDocumentSet(fixture_->Versions(), &counts).ok());
    EXPECT_TRUE(counts.unchanged);
    EXPECT_EQ(counts.segments, 0u);
    // A changed file (same path, new hash): the whole set is rewritten, not added.
    std::vector<IndexVersion> changed = fixture_->Versions();
    changed[3].content_hash = "0123456789abcdef";
    ASSERT_TRUE(writer->AddDocumentSet(changed, &counts).ok());
    EXPECT_FALSE(counts.unchanged);
    EXPECT_EQ(writer->entry_count(), entries);
    ASSERT_TRUE(writer->AddDocumentSet(fixture_->Versions(), &counts).ok());
    EXPECT_FALSE(counts.unchanged);
  }
  ASSERT_TRUE(searcher_->Reopen().ok());
  EXPECT_EQ(searcher_->entry_count(), entries);
  EXPECT_EQ(searcher_->TermChecksum(), before);
}

TEST_F(IndexTest, SecondWriterGetsTheLockError) {
  std::unique_ptr<IndexWriter> first, second;
  ASSERT_TRUE(IndexWriter::Open(fixture_->folder.string(), {}, &first).ok());
  const Status status = IndexWriter::Open(fixture_->folder.string(), {}, &second);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("index is locked by another writer"), std::string::npos) << status.ToString();
  EXPECT_NE(status.message().find(fixture_->folder.string()), std::string::npos);
}

TEST_F(IndexTest, SchemaIsInTheMetadata) {
  EXPECT_EQ(searcher_->metadata(kMetaSchemaVersion), std::to_string(kIndexSchemaVersion));
  EXPECT_EQ(searcher_->metadata(kMetaChineseTerms), "bigrams");
  const auto schema = nlohmann::json::parse(searcher_->metadata(kMetaSchema));
  EXPECT_EQ(schema["version"], kIndexSchemaVersion);
  std::vector<std::string> keys;
  for (const auto& row : schema["table"]) keys.push_back(row["key"]);
  for (const char* prefix : {"XL", "XS", "XC", "XR", "XA", "XB", "XT", "XY", "XK", "XP", "Q", "slot 0"}) {
    EXPECT_NE(std::find(keys.begin(), keys.end(), prefix), keys.end()) << prefix;
  }
}

TEST(IndexErrorsTest, MissingIndexAndBadQuery) {
  std::unique_ptr<IndexSearcher> searcher;
  const Status missing = IndexSearcher::Open("/nonexistent/sextant-index", &searcher);
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_NE(missing.message().find("/nonexistent/sextant-index"), std::string::npos);
  std::unique_ptr<IndexWriter> writer;
  const Status not_folder = IndexWriter::Open("/dev/null/index", {}, &writer);
  EXPECT_FALSE(not_folder.ok());
  EXPECT_NE(not_folder.message().find("/dev/null/index"), std::string::npos);
}

}  // namespace
}  // namespace sextant
