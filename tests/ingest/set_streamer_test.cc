// SetStreamer on synthetic documents (no PDF, no corpora): sets are written
// once complete, whole, and a version that comes long after its set was
// written reopens it, so that it is aligned with the others.
#include "ingest/set_streamer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <list>
#include <mutex>

#include "index/record_reader.h"
#include "tests/index/synthetic_documents.h"

namespace sextant {
namespace {

using testing::SyntheticHash;
using testing::SyntheticVersion;

// Records what the streamer tells (from the streamer's thread).
struct RecordingObserver : IngestObserver {
  void Indexing(std::size_t, std::size_t, std::string_view symbol) override {
    std::lock_guard lock(mutex);
    indexed.emplace_back(symbol);
  }
  void SetWritten(std::string_view symbol, std::size_t versions) override {
    std::lock_guard lock(mutex);
    written.emplace_back(std::string(symbol) + " " + std::to_string(versions));
    changed.notify_all();
  }
  void Failed(const Status& status) override {
    std::lock_guard lock(mutex);
    failures.push_back(status.message());
  }
  // Waits until `entry` ("SYMBOL VERSIONS") was written; false after 60 s.
  bool WaitForWritten(const std::string& entry) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, std::chrono::seconds(60),
                            [&] { return std::find(written.begin(), written.end(), entry) != written.end(); });
  }
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::string> indexed, written, failures;
};

class SetStreamerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("sextant_streamer_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  // A synthetic version, kept alive (and unmoved) for the streamer; 100
  // sentences, so that a few closed sets make a batch worth writing.
  const Document& Version(std::size_t set, Language language) {
    documents_.push_back(SyntheticVersion(set, language, 100));
    hashes_[documents_.back().path] = SyntheticHash(set, language);
    return documents_.back();
  }

  std::filesystem::path folder_;
  std::list<Document> documents_;
  std::map<std::string, std::string> hashes_;
};

TEST_F(SetStreamerTest, ALateVersionReopensItsSetWhichIsWrittenWhole) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
  // Every document is added before the streamer starts its work on it
  // (hashes_ must hold every path first), so build them all first.
  // The streamer reads hashes_ as documents come: make every one first.
  std::vector<const Document*> order = {&Version(0, Language::kEnglish)};
  for (std::size_t set = 1; set <= 8; ++set) order.push_back(&Version(set, Language::kEnglish));
  const Document& late = Version(0, Language::kFrench);
  RecordingObserver observer;
  StreamTally tally;
  {
    SetStreamer streamer(*writer, hashes_, observer);
    for (const Document* document : order) streamer.Add(*document);
    // Eight sets came after set 0: it is closed and written alone...
    ASSERT_TRUE(observer.WaitForWritten("CTOC/COP/WG.4/2030/1 1"));
    // ...before its French version comes, far behind.
    streamer.Add(late);
    tally = streamer.Finish();
  }
  // Written again, whole, with both versions.
  EXPECT_EQ(std::count(observer.written.begin(), observer.written.end(), "CTOC/COP/WG.4/2030/1 2"), 1);
  EXPECT_TRUE(observer.failures.empty());
  EXPECT_EQ(tally.failures, 0);
  EXPECT_EQ(tally.written_paths.size(), order.size() + 1);
  writer.reset();

  // The French version is aligned with the English: its set was written
  // again with both (a set written without its pivot would leave the
  // French with no link to it).
  std::unique_ptr<RecordReader> reader;
  ASSERT_TRUE(RecordReader::Open(folder_.string(), &reader).ok());
  RecordAlignment alignment;
  const Status status = reader->ReadAlignment("CTOC/COP/WG.4/2030/1", Language::kFrench, Language::kEnglish, &alignment);
  ASSERT_TRUE(status.ok()) << status.ToString();
  std::size_t linked = 0;  // French sentences linked to English ones
  for (const AlignmentLink& link : alignment.alignment.links) linked += link.target.empty() ? 0 : link.source.size();
  EXPECT_EQ(linked, 100u);
  // Every set is in the index once, with its one version (or two).
  std::string symbol;
  std::vector<RecordVersion> versions;
  ASSERT_TRUE(reader->ListVersions("CTOC/COP/WG.4/2030/1", &symbol, &versions).ok());
  EXPECT_EQ(versions.size(), 2u);
  ASSERT_TRUE(reader->ListVersions("CTOC/COP/WG.4/2030/9", &symbol, &versions).ok());
  EXPECT_EQ(versions.size(), 1u);
}

TEST_F(SetStreamerTest, NothingAddedWritesNothing) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
  RecordingObserver observer;
  SetStreamer streamer(*writer, hashes_, observer);
  const StreamTally tally = streamer.Finish();
  EXPECT_TRUE(tally.written_paths.empty());
  EXPECT_TRUE(observer.indexed.empty());
}

}  // namespace
}  // namespace sextant
