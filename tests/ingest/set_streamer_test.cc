// SetStreamer on synthetic documents (no PDF, no corpora): sets are written
// once complete, whole, and freed; a version that comes long after its set
// was written (and freed) reopens it, its other versions read again, so
// that it is aligned with the others; what is held stays within the
// limits; sets of other shards are left out; a budget shares what is left
// past the process itself.
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

using testing::SyntheticContentHash;
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
    hashes_.emplace_back(documents_.back().path, SyntheticContentHash(set, language));
    return documents_.back();
  }

  // Every version made so far, as the ingest's table of files (made anew:
  // make every version before the streamer that reads it).
  const FileTable& Files() {
    files_ = FileTable();
    for (const auto& [path, hash] : hashes_) files_.Add(path, hash);
    files_.Seal();
    return files_;
  }

  // Limits as given, and a reextract that gives back the synthetic
  // version of a path (as the ingest reads a file again), counting calls.
  StreamOptions Options(StreamLimits limits = {}) {
    StreamOptions options;
    options.limits = limits;
    options.reextract = [this](const std::string& path) -> std::optional<Document> {
      ++reextracted_;
      for (const Document& document : documents_) {
        if (document.path == path) return document;
      }
      return std::nullopt;
    };
    return options;
  }

  std::size_t VersionsIndexed(const std::string& symbol) {
    std::unique_ptr<RecordReader> reader;
    if (!RecordReader::Open(folder_.string(), &reader).ok()) return 0;
    std::string found;
    std::vector<RecordVersion> versions;
    if (!reader->ListVersions(symbol, &found, &versions).ok()) return 0;
    return versions.size();
  }

  std::filesystem::path folder_;
  std::atomic<int> reextracted_{0};
  std::list<Document> documents_;
  std::vector<std::pair<std::string, ContentHash>> hashes_;
  FileTable files_;
};

TEST_F(SetStreamerTest, ALateVersionReopensItsSetWhichIsWrittenWhole) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
  // The streamer reads the table of files as documents come: make every
  // version first.
  std::vector<const Document*> order = {&Version(0, Language::kEnglish)};
  for (std::size_t set = 1; set <= 8; ++set) order.push_back(&Version(set, Language::kEnglish));
  const Document& late = Version(0, Language::kFrench);
  RecordingObserver observer;
  StreamTally tally;
  {
    SetStreamer streamer(*writer, Files(), observer, Options());
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
  EXPECT_EQ(tally.versions_written, order.size() + 1);
  // The English version was freed once written: it was read again.
  EXPECT_EQ(tally.reextracted, 1u);
  EXPECT_EQ(reextracted_, 1);
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
  SetStreamer streamer(*writer, Files(), observer, Options());
  const StreamTally tally = streamer.Finish();
  EXPECT_EQ(tally.versions_written, 0u);
  EXPECT_TRUE(observer.indexed.empty());
}

TEST_F(SetStreamerTest, DocumentsAreFreedOnceTheirSetsAreWritten) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
  std::vector<const Document*> order;
  for (std::size_t set = 0; set < 60; ++set) order.push_back(&Version(set, Language::kEnglish));
  StreamLimits limits;
  limits.queued_bytes = 1;  // one document queued at a time: Add() waits for the streamer
  limits.write_segments = 500;  // five closed sets of 100 sentences make a batch
  RecordingObserver observer;
  StreamTally tally;
  {
    SetStreamer streamer(*writer, Files(), observer, Options(limits));
    for (const Document* document : order) streamer.Add(*document);
    tally = streamer.Finish();
    EXPECT_EQ(streamer.held_documents(), 0u);
  }
  EXPECT_EQ(tally.versions_written, 60u);
  // Held at once: the open sets (4 after the last version), the closed
  // ones waiting for a batch (5), the one queued, not the 60.
  EXPECT_LE(tally.peak_held_documents, 12u);
  EXPECT_GE(tally.peak_held_documents, 5u);
  EXPECT_EQ(tally.reextracted, 0u);
  EXPECT_EQ(tally.written_early, 0u);
}

TEST_F(SetStreamerTest, SetsWrittenEarlyForTheBudgetAreRewrittenWholeWhenAVersionComes) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
  // Versions of two sets interleaved; a budget of one byte writes each
  // set as soon as a version comes, and frees it.
  const std::vector<const Document*> order = {&Version(0, Language::kEnglish), &Version(1, Language::kEnglish),
                                              &Version(0, Language::kFrench), &Version(1, Language::kFrench),
                                              &Version(0, Language::kSpanish)};
  StreamLimits limits;
  limits.held_bytes = 1;
  limits.queued_bytes = 1;
  RecordingObserver observer;
  StreamTally tally;
  {
    SetStreamer streamer(*writer, Files(), observer, Options(limits));
    for (const Document* document : order) {
      streamer.Add(*document);
      // Each version is written before the next comes (so each one after
      // the first of its set reopens it).
      const std::string symbol = *document->furniture.symbol;
      const std::size_t versions = document->language == Language::kEnglish  ? 1
                                   : document->language == Language::kFrench ? 2
                                                                             : 3;
      ASSERT_TRUE(observer.WaitForWritten(symbol + " " + std::to_string(versions))) << symbol;
    }
    tally = streamer.Finish();
    EXPECT_EQ(streamer.held_documents(), 0u);
  }
  EXPECT_TRUE(observer.failures.empty());
  EXPECT_GE(tally.written_early, 5u);
  EXPECT_EQ(tally.reextracted, 4u);  // en 0; en 1; en 0 and fr 0
  EXPECT_LE(tally.peak_held_documents, 3u);
  writer.reset();
  EXPECT_EQ(VersionsIndexed("CTOC/COP/WG.4/2030/1"), 3u);
  EXPECT_EQ(VersionsIndexed("CTOC/COP/WG.4/2030/2"), 2u);
}

// The first scan shrinks the limits while sets are open: they are written
// early, before Finish (which would write them anyway, not early).
TEST_F(SetStreamerTest, ShrunkLimitsWriteOpenSetsEarly) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
  const std::vector<const Document*> order = {&Version(0, Language::kEnglish), &Version(1, Language::kEnglish),
                                              &Version(2, Language::kEnglish)};
  RecordingObserver observer;
  StreamTally tally;
  {
    SetStreamer streamer(*writer, Files(), observer, Options());  // 64 MB held: none written early
    for (const Document* document : order) streamer.Add(*document);
    StreamLimits smaller;
    smaller.held_bytes = 1;
    streamer.SetLimits(smaller);
    for (const Document* document : order) {
      ASSERT_TRUE(observer.WaitForWritten(*document->furniture.symbol + " 1")) << *document->furniture.symbol;
    }
    tally = streamer.Finish();
  }
  EXPECT_EQ(tally.written_early, 3u);
  EXPECT_EQ(tally.versions_written, 3u);
  EXPECT_EQ(tally.limits_taken_up, 1u);
}

// Once the scans stop the limits grow back: a set the small limit would
// write early waits for its versions again.
TEST_F(SetStreamerTest, LargerLimitsAgainHoldOpenSets) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
  const Document& first = Version(0, Language::kEnglish);
  const std::vector<const Document*> later = {&Version(1, Language::kEnglish), &Version(1, Language::kFrench)};
  StreamLimits smaller;
  smaller.held_bytes = 1;  // each version written early as it comes
  RecordingObserver observer;
  StreamTally tally;
  {
    SetStreamer streamer(*writer, Files(), observer, Options(smaller));
    streamer.Add(first);
    ASSERT_TRUE(observer.WaitForWritten(*first.furniture.symbol + " 1"));
    streamer.SetLimits(StreamLimits());  // 64 MB held: taken up before the next version, queued after it
    for (const Document* document : later) streamer.Add(*document);
    tally = streamer.Finish();
  }
  EXPECT_EQ(tally.written_early, 1u);  // the first set only
  EXPECT_EQ(tally.reextracted, 0u);
  EXPECT_EQ(tally.versions_written, 3u);
  EXPECT_EQ(tally.limits_taken_up, 1u);
}

// A version read again may hold a scan: SetLimits() is then called on the
// streamer's own thread, and must neither wait for it nor be lost.
TEST_F(SetStreamerTest, SetLimitsFromTheStreamersOwnThreadIsTakenUp) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
  const std::vector<const Document*> order = {&Version(0, Language::kEnglish), &Version(0, Language::kFrench)};
  StreamLimits limits;
  limits.held_bytes = 1;  // each version written as it comes: the second reopens the set
  SetStreamer* streamer_seen = nullptr;
  StreamOptions options = Options(limits);
  options.reextract = [&, read_again = options.reextract](const std::string& path) {
    streamer_seen->SetLimits(limits);  // on the streamer's thread
    return read_again(path);
  };
  RecordingObserver observer;
  StreamTally tally;
  {
    SetStreamer streamer(*writer, Files(), observer, std::move(options));
    streamer_seen = &streamer;
    for (const Document* document : order) {
      streamer.Add(*document);
      ASSERT_TRUE(observer.WaitForWritten(*document->furniture.symbol + (document == order[0] ? " 1" : " 2")));
    }
    tally = streamer.Finish();
  }
  EXPECT_EQ(tally.reextracted, 1u);
  EXPECT_EQ(tally.limits_taken_up, 1u);
}

TEST_F(SetStreamerTest, SetsOfOtherShardsAreLeftOut) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
  std::vector<const Document*> order;
  for (std::size_t set = 0; set < 12; ++set) {
    order.push_back(&Version(set, Language::kEnglish));
    order.push_back(&Version(set, Language::kFrench));
  }
  StreamOptions options = Options();
  options.shard = ShardSpec{2, 3};
  RecordingObserver observer;
  StreamTally tally;
  {
    SetStreamer streamer(*writer, Files(), observer, std::move(options));
    for (const Document* document : order) streamer.Add(*document);
    tally = streamer.Finish();
  }
  std::size_t mine = 0;
  for (std::size_t set = 0; set < 12; ++set) {
    const std::string symbol = "CTOC/COP/WG.4/2030/" + std::to_string(set + 1);
    const bool held = ShardOf(symbol, 3) == 1;
    mine += held ? 1 : 0;
    EXPECT_EQ(std::count(observer.written.begin(), observer.written.end(), symbol + " 2"), held ? 1 : 0) << symbol;
  }
  EXPECT_GT(mine, 0u);
  EXPECT_LT(mine, 12u);
  EXPECT_EQ(tally.other_shards, 12u - mine);
  EXPECT_EQ(tally.versions_written, 2 * mine);
}

// The budget is the whole process's: what the process holds anyway
// (kProcessMegabytes) is taken off before the shares are sized, so a
// budget at or under it gives the smallest limits, and one past it shares
// only what is left.
struct BudgetCase {
  std::size_t megabytes;
  std::size_t shared_megabytes;  // what ForMemory divides
};

class StreamLimitsTest : public ::testing::TestWithParam<BudgetCase> {};

TEST_P(StreamLimitsTest, SharesWhatIsLeftPastTheProcess) {
  const StreamLimits limits = StreamLimits::ForMemory(GetParam().megabytes);
  const std::size_t shared = GetParam().shared_megabytes << 20;
  EXPECT_EQ(limits.held_bytes, shared / 4);
  EXPECT_EQ(limits.queued_bytes, shared / 16);
  EXPECT_EQ(limits.lexicon_bytes, shared / 8);
  EXPECT_EQ(limits.batch_segments, std::max<std::size_t>(500, shared / 8 / 6400));
  EXPECT_LE(limits.write_segments, limits.batch_segments);
}

INSTANTIATE_TEST_SUITE_P(Budgets, StreamLimitsTest,
                         ::testing::Values(BudgetCase{0, 0}, BudgetCase{StreamLimits::kProcessMegabytes, 0},
                                           BudgetCase{StreamLimits::kMinimumMegabytes, 16}, BudgetCase{256, 176},
                                           BudgetCase{4096, 4016}));

// OCR's part comes out of the budget: the lexicon keeps its share (its
// counts are sized), the other shares are those of what is left, which
// with the lexicon's share kept and OCR's part makes the budget again,
// unless the least budget is all that is left.
struct OcrBudgetCase {
  std::size_t megabytes, ocr_megabytes;
  bool at_least;  // what is left is the least budget
};

class OcrBudgetTest : public ::testing::TestWithParam<OcrBudgetCase> {};

TEST_P(OcrBudgetTest, OcrsPartComesOutOfTheOtherShares) {
  const OcrBudgetCase& c = GetParam();
  std::size_t left = 0;
  const StreamLimits limits = StreamLimits::ForMemoryWithOcr(c.megabytes, c.ocr_megabytes, &left);
  // A budget under the least is taken as the least.
  const StreamLimits whole = StreamLimits::ForMemory(std::max(c.megabytes, StreamLimits::kMinimumMegabytes));
  const StreamLimits rest = StreamLimits::ForMemory(left);
  EXPECT_EQ(limits.lexicon_bytes, whole.lexicon_bytes);
  EXPECT_EQ(limits.held_bytes, rest.held_bytes);
  EXPECT_EQ(limits.queued_bytes, rest.queued_bytes);
  EXPECT_EQ(limits.batch_segments, rest.batch_segments);
  if (c.at_least) {
    EXPECT_EQ(left, StreamLimits::kMinimumMegabytes);
  } else {
    const std::size_t peak = left + c.ocr_megabytes + ((whole.lexicon_bytes - rest.lexicon_bytes) >> 20);
    EXPECT_LE(peak, c.megabytes + 1);
    EXPECT_GE(peak + 2, c.megabytes);
  }
}

INSTANTIATE_TEST_SUITE_P(Budgets, OcrBudgetTest,
                         ::testing::Values(OcrBudgetCase{336, 0, false}, OcrBudgetCase{336, 160, false},
                                           OcrBudgetCase{336, 320, true}, OcrBudgetCase{1024, 320, false},
                                           OcrBudgetCase{96, 160, true}, OcrBudgetCase{50, 160, true},
                                           OcrBudgetCase{8192, 1280, false}));

}  // namespace
}  // namespace sextant
