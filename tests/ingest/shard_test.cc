// Shards (ingest/shard.h) and bounded memory through IngestFiles, on the
// project's fixture PDFs (six language versions of one document) and, when
// ../shared/corpora is there, five General Assembly PDFs (a set each):
// shards partition the sets, language versions together, and their entries
// add up to the single index's; an index refuses another shard; a budget
// too small for one set still writes every set whole.
#include <gtest/gtest.h>

#include <filesystem>

#include "index/index_writer.h"
#include "index/record_reader.h"
#include "ingest/ingest.h"
#include "ingest/shard.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

TEST(ShardOfTest, IsFnv1a64ModuloTheCount) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(ShardOf("a", 4), static_cast<int>(0xaf63dc4c8601ec8cULL % 4));
  EXPECT_EQ(ShardOf("A/HRC/12/9", 1), 0);
  ShardSpec second{2, 4};
  EXPECT_EQ(second.Text(), "2/4");
  EXPECT_TRUE(ShardSpec{}.Holds("anything"));
}

TEST(ShardOfTest, ParsesKOfNFromOne) {
  ASSERT_TRUE(ParseShard("2/4").has_value());
  EXPECT_EQ(ParseShard("2/4")->index, 2);
  EXPECT_EQ(ParseShard("2/4")->count, 4);
  EXPECT_TRUE(ParseShard("1/1").has_value());
  for (const char* bad : {"0/4", "5/4", "2/0", "2", "/4", "2/", "a/4", "2/4x", "-1/4", "1/2000"}) {
    EXPECT_FALSE(ParseShard(bad).has_value()) << bad;
  }
}

struct QuietObserver : IngestObserver {
  void Failed(const Status& status) override { failures.push_back(status.message()); }
  std::vector<std::string> failures;
};

class ShardIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("sextant_shard_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(folder_);
    for (const char* language : {"ar", "zh", "en", "fr", "ru", "es"}) {
      files_.push_back((testing::SourceDir() / "corpora" / "pdf" / (std::string(language) + ".pdf")).string());
    }
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
  }

  Status Ingest(const std::string& index, ShardSpec shard, IngestSummary* summary, std::size_t memory_mb = 256) {
    IngestOptions options;
    options.index_folder = (folder_ / index).string();
    options.shard = shard;
    options.memory_mb = memory_mb;
    options.jobs = 2;
    QuietObserver observer;
    const Status status = IngestFiles(files_, options, observer, summary);
    EXPECT_TRUE(observer.failures.empty()) << observer.failures.front();
    return status;
  }

  std::size_t Entries(const std::string& index) {
    std::unique_ptr<IndexWriter> writer;
    IndexWriterOptions options;
    options.shard = ShardIn(index);
    if (!IndexWriter::Open((folder_ / index).string(), options, &writer).ok()) return 0;
    return writer->entry_count();
  }
  // The shard an index's ingest was given, by the test's own naming.
  std::string ShardIn(const std::string& index) { return shards_.count(index) ? shards_[index] : ""; }

  std::size_t Versions(const std::string& index, const std::string& symbol) {
    std::unique_ptr<RecordReader> reader;
    if (!RecordReader::Open((folder_ / index).string(), &reader).ok()) return 0;
    std::string found;
    std::vector<RecordVersion> versions;
    if (!reader->ListVersions(symbol, &found, &versions).ok()) return 0;
    return versions.size();
  }

  fs::path folder_;
  std::vector<std::string> files_;
  std::map<std::string, std::string> shards_;
};

TEST_F(ShardIngestTest, ShardsPartitionTheSetsWithTheirLanguageVersionsTogether) {
  std::vector<std::string> symbols = {"CTOC/COP/WG.4/2022/1"};
  if (const fs::path shared = testing::SharedCorpora(); !shared.empty()) {
    for (const char* name : {"A_C.1_80_L.10", "A_C.5_80_L.10", "A_RES_80_2", "A_C.3_80_L.26", "A_RES_79_311"}) {
      files_.push_back((shared / "un-pdf" / "ga" / (std::string(name) + ".pdf")).string());
      std::string symbol = name;
      for (char& c : symbol) c = c == '_' ? '/' : c;
      symbols.push_back(symbol);
    }
  }
  IngestSummary whole;
  ASSERT_TRUE(Ingest("whole", {}, &whole).ok());
  EXPECT_EQ(whole.symbols, symbols.size());
  EXPECT_EQ(whole.versions_written, files_.size());
  const std::size_t whole_entries = Entries("whole");
  ASSERT_GT(whole_entries, 0u);

  for (const int count : {2, 3}) {
    std::size_t entries = 0, versions = 0, symbols_seen = 0;
    for (int k = 1; k <= count; ++k) {
      const ShardSpec shard{k, count};
      const std::string index = "shard" + shard.Text();
      shards_[index] = shard.Text();
      IngestSummary summary;
      ASSERT_TRUE(Ingest(index, shard, &summary).ok()) << shard.Text();
      EXPECT_EQ(summary.symbols + summary.sets_other_shards, symbols.size()) << shard.Text();
      entries += Entries(index);
      versions += summary.versions_written;
      symbols_seen += summary.symbols;
      // Each set is here whole, with all its versions, or not at all.
      for (const std::string& symbol : symbols) {
        const std::size_t expected = ShardOf(symbol, count) == k - 1 ? Versions("whole", symbol) : 0;
        EXPECT_EQ(Versions(index, symbol), expected) << symbol << " in shard " << shard.Text();
      }
    }
    EXPECT_EQ(entries, whole_entries) << count << " shards";
    EXPECT_EQ(versions, files_.size()) << count << " shards";
    EXPECT_EQ(symbols_seen, symbols.size()) << count << " shards";
  }
  EXPECT_EQ(Versions("whole", "CTOC/COP/WG.4/2022/1"), 6u);
}

TEST_F(ShardIngestTest, AnIndexRefusesAnotherShard) {
  IngestSummary summary;
  ASSERT_TRUE(Ingest("one", ShardSpec{1, 4}, &summary).ok());
  ASSERT_TRUE(Ingest("one", ShardSpec{1, 4}, &summary).ok());  // the same shard again: fine

  Status status = Ingest("one", ShardSpec{2, 4}, &summary);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("is shard 1/4, not 2/4"), std::string::npos) << status.message();
  status = Ingest("one", ShardSpec{}, &summary);
  EXPECT_NE(status.message().find("is shard 1/4: pass --shard 1/4"), std::string::npos) << status.message();

  ASSERT_TRUE(Ingest("plain", ShardSpec{}, &summary).ok());
  status = Ingest("plain", ShardSpec{2, 4}, &summary);
  EXPECT_NE(status.message().find("is not sharded"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("new --index folder"), std::string::npos) << status.message();
}

TEST_F(ShardIngestTest, ABudgetSmallerThanASetStillWritesItWhole) {
  IngestSummary roomy, tight;
  ASSERT_TRUE(Ingest("roomy", {}, &roomy).ok());
  // No room at all: each version is written as it comes, and its set
  // rewritten whole with each later one, the earlier read again from
  // their files.
  ASSERT_TRUE(Ingest("tight", {}, &tight, 0).ok());
  EXPECT_GT(tight.reextracted, 0u);
  EXPECT_EQ(roomy.reextracted, 0u);
  EXPECT_EQ(tight.versions_written, 6u);
  EXPECT_EQ(Versions("tight", "CTOC/COP/WG.4/2022/1"), 6u);
  EXPECT_EQ(Entries("tight"), Entries("roomy"));
}

}  // namespace
}  // namespace sextant
