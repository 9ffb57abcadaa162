// IndexWriter::AddDocumentSets: many document sets in one transaction, each
// written whole as AddDocumentSet would write it; a set that fails the
// checks is left out with its own status while the others are written; a
// set already indexed, or repeated later in the same batch, is a no-op; the
// result is the same index (same terms, same entries) as one commit per set,
// and as entries built ahead on another thread (SetBuilder) and written by
// WriteBuiltSets while the next batch is built.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "index/index_searcher.h"
#include "index/index_writer.h"
#include "tests/index/synthetic_documents.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

const std::vector<Language> kLanguages = {Language::kEnglish, Language::kFrench};

fs::path TempFolder(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
  fs::remove_all(folder);
  return folder;
}

std::string Checksum(const fs::path& folder) {
  std::unique_ptr<IndexSearcher> searcher;
  const Status opened = IndexSearcher::Open(folder.string(), &searcher);
  EXPECT_TRUE(opened.ok()) << opened.ToString();
  return searcher ? searcher->TermChecksum() : "";
}

TEST(IndexBatchTest, SetsInOneTransactionEqualOneCommitPerSet) {
  std::vector<std::unique_ptr<testing::SyntheticSet>> sets;
  for (std::size_t s = 0; s < 4; ++s) sets.push_back(std::make_unique<testing::SyntheticSet>(s, kLanguages, 10 + s));
  const fs::path one_by_one = TempFolder("sextant_batch_test_single");
  const fs::path batched = TempFolder("sextant_batch_test_batch");
  {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(one_by_one.string(), {}, &writer).ok());
    for (const auto& set : sets) {
      AddCounts counts;
      ASSERT_TRUE(writer->AddDocumentSet(set->Versions(), &counts).ok());
    }
  }
  {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(batched.string(), {}, &writer).ok());
    std::vector<std::vector<IndexVersion>> batch;
    for (const auto& set : sets) batch.push_back(set->Versions());
    // A set without a language, and set 1 again: left out, a no-op.
    std::vector<IndexVersion> broken = sets[2]->Versions();
    Document no_language = *broken[1].document;
    no_language.language.reset();
    broken[1].document = &no_language;
    batch.insert(batch.begin() + 1, broken);
    batch.push_back(sets[1]->Versions());
    std::vector<IndexWriter::SetOutcome> outcomes;
    ASSERT_TRUE(writer->AddDocumentSets(batch, &outcomes).ok());
    ASSERT_EQ(outcomes.size(), batch.size());
    EXPECT_FALSE(outcomes[1].status.ok());
    EXPECT_NE(outcomes[1].status.message().find("language unknown"), std::string::npos) << outcomes[1].status.message();
    EXPECT_EQ(outcomes[1].counts.documents, 0u);
    for (std::size_t k : {0, 2, 3, 4}) {
      EXPECT_TRUE(outcomes[k].status.ok()) << k;
      EXPECT_EQ(outcomes[k].counts.documents, kLanguages.size()) << k;
      EXPECT_FALSE(outcomes[k].counts.unchanged) << k;
    }
    EXPECT_EQ(outcomes[0].counts.segments, 2 * 10u);
    EXPECT_TRUE(outcomes[5].counts.unchanged);
    EXPECT_EQ(outcomes[5].counts.documents, 0u);
    // Everything again: every set unchanged, nothing written.
    batch.erase(batch.begin() + 1);
    ASSERT_TRUE(writer->AddDocumentSets(batch, &outcomes).ok());
    for (const auto& outcome : outcomes) EXPECT_TRUE(outcome.counts.unchanged);
  }
  const std::string expected = Checksum(one_by_one);
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(Checksum(batched), expected);
  fs::remove_all(one_by_one);
  fs::remove_all(batched);
}

TEST(IndexBatchTest, SetsBuiltAheadOnAnotherThreadEqualSetsBuiltByTheWriter) {
  std::vector<std::unique_ptr<testing::SyntheticSet>> sets;
  for (std::size_t s = 0; s < 6; ++s) sets.push_back(std::make_unique<testing::SyntheticSet>(s, kLanguages, 20 + s));
  const fs::path by_writer = TempFolder("sextant_batch_test_by_writer");
  const fs::path built_ahead = TempFolder("sextant_batch_test_built_ahead");
  {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(by_writer.string(), {}, &writer).ok());
    for (std::size_t first : {0, 3}) {
      std::vector<std::vector<IndexVersion>> batch;
      for (std::size_t s = first; s < first + 3; ++s) batch.push_back(sets[s]->Versions());
      std::vector<IndexWriter::SetOutcome> outcomes;
      ASSERT_TRUE(writer->AddDocumentSets(batch, &outcomes).ok());
    }
  }
  {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(built_ahead.string(), {}, &writer).ok());
    const SetBuilder builder(writer->chinese());
    auto build = [&](std::size_t first) {
      std::vector<std::vector<IndexVersion>> batch;
      for (std::size_t s = first; s < first + 3; ++s) batch.push_back(sets[s]->Versions());
      return builder.Build(batch);
    };
    BuiltSets first = build(0);
    ASSERT_EQ(first.size(), 3u);
    // The second batch is built on another thread while the first is written.
    std::future<BuiltSets> second = std::async(std::launch::async, build, 3);
    std::vector<IndexWriter::SetOutcome> outcomes;
    ASSERT_TRUE(writer->WriteBuiltSets(first, &outcomes).ok());
    EXPECT_EQ(first.size(), 0u);  // emptied by the write
    ASSERT_EQ(outcomes.size(), 3u);
    EXPECT_EQ(outcomes[0].counts.segments, 2 * 20u);
    BuiltSets next = second.get();
    ASSERT_TRUE(writer->WriteBuiltSets(next, &outcomes).ok());
    for (const auto& outcome : outcomes) EXPECT_FALSE(outcome.counts.unchanged);
    // Built again and written again: found indexed inside the write, a no-op.
    BuiltSets again = build(0);
    ASSERT_TRUE(writer->WriteBuiltSets(again, &outcomes).ok());
    for (const auto& outcome : outcomes) EXPECT_TRUE(outcome.counts.unchanged);
  }
  const std::string expected = Checksum(by_writer);
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(Checksum(built_ahead), expected);
  fs::remove_all(by_writer);
  fs::remove_all(built_ahead);
}

TEST(IndexBatchTest, EmptyBatchWritesNothing) {
  const fs::path folder = TempFolder("sextant_batch_test_empty");
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder.string(), {}, &writer).ok());
  std::vector<IndexWriter::SetOutcome> outcomes;
  EXPECT_TRUE(writer->AddDocumentSets({}, &outcomes).ok());
  EXPECT_TRUE(outcomes.empty());
  EXPECT_EQ(writer->entry_count(), 0u);
  writer.reset();
  fs::remove_all(folder);
}

}  // namespace
}  // namespace sextant
