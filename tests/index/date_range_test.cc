// A search's date range (SearchOptions::date_from, date_to) against the
// dates written, table-driven: years, months and days, open ends, and an
// entry with no date whose year (its year term, a facet) comes from its
// symbol, which no date range holds. And the date terms a range is made of
// (DateRangeTermValues), table-driven.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "index/index_searcher.h"
#include "index/index_writer.h"
#include "index/schema.h"
#include "tests/index/synthetic_documents.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

TEST(DateRangeTest, TermsAreTheFewestYearsMonthsAndDays) {
  const struct {
    const char* from;
    const char* to;
    std::vector<std::string> terms;
  } cases[] = {
      {"20220101", "20221231", {"2022"}},
      {"20220601", "20220631", {"202206"}},
      {"20220627", "20220627", {"20220627"}},
      {"20220627", "20220629", {"20220627", "20220628", "20220629"}},
      {"20211230", "20230102", {"20211230", "20211231", "2022", "20230101", "20230102"}},
      {"20220530", "20220802", {"20220530", "20220531", "202206", "202207", "20220801", "20220802"}},
      {"20200101", "20221231", {"2020", "2021", "2022"}},
      {"20221101", "20230228", {"202211", "202212", "202301", "202302"}},
      {"20240201", "20240229", {"202402"}},  // a leap year's February
      {"20230201", "20230228", {"202302"}},
      {"20220102", "20220101", {}},  // from after to
      {"2022", "20221231", {}},      // not YYYYMMDD
  };
  for (const auto& c : cases) EXPECT_EQ(DateRangeTermValues(c.from, c.to), c.terms) << c.from << " to " << c.to;
  EXPECT_EQ(DateTermValues("20220627"), (std::vector<std::string>{"2022", "202206", "20220627"}));
  EXPECT_TRUE(DateTermValues("2022").empty());
}

TEST(DateRangeTest, RangesHoldTheDatedEntriesOnly) {
  const fs::path folder = fs::temp_directory_path() / ("sextant_date_range_test_" + std::to_string(::getpid()));
  fs::remove_all(folder);
  // Three sets of one English version, 5 segments each, all with a symbol
  // of 2030 (CTOC/COP/WG.4/2030/N): dated 2030-01-15, undated (its year
  // term is the symbol's 2030), dated 2029-12-31.
  std::vector<std::unique_ptr<testing::SyntheticSet>> sets;
  for (std::size_t set = 0; set < 3; ++set) {
    sets.push_back(std::make_unique<testing::SyntheticSet>(set, std::vector<Language>{Language::kEnglish}, 5));
  }
  sets[1]->documents[0].furniture.date.reset();
  sets[2]->documents[0].furniture.date = "2029-12-31";
  {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(folder.string(), {}, &writer).ok());
    std::vector<std::vector<IndexVersion>> batch;
    for (const auto& set : sets) batch.push_back(set->Versions());
    std::vector<IndexWriter::SetOutcome> outcomes;
    ASSERT_TRUE(writer->AddDocumentSets(batch, &outcomes).ok());
  }
  std::unique_ptr<IndexSearcher> searcher;
  ASSERT_TRUE(IndexSearcher::Open(folder.string(), &searcher).ok());
  const struct {
    const char* from;
    const char* to;
    std::size_t segments;  // 5 a set
  } cases[] = {
      {"2030", "2030", 5},        {"2029", "2029", 5},         {"2029", "2030", 10},
      {"2029-12", "2030-01", 10}, {"2030-01-16", "2030", 0},   {"2030-01-15", "2030-01-15", 5},
      {"", "2030", 10},           {"2029", "", 10},            {"1990", "2031", 10},
      {"1900", "2100", 10},       {"2031", "2040", 0},         {"2029-12-31", "2029-12-31", 5},
  };
  for (const auto& c : cases) {
    SearchOptions options;
    options.date_from = c.from;
    options.date_to = c.to;
    SearchResult result;
    ASSERT_TRUE(searcher->Search("", options, &result).ok()) << c.from << " to " << c.to;
    EXPECT_EQ(result.total, c.segments) << c.from << " to " << c.to;
    ASSERT_TRUE(searcher->Search("committee", options, &result).ok());
    EXPECT_LE(result.total, c.segments) << "committee, " << c.from << " to " << c.to;
  }
  searcher.reset();
  fs::remove_all(folder);
}

}  // namespace
}  // namespace sextant
