// OcrRoom: when an ingest's shares shrink for OCR and grow back, as a
// table of events (pages begun and ended, files done) and what follows.
#include "ingest/ocr_room.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace sextant {
namespace {

struct RoomCase {
  const char* name;
  double quiet_seconds;
  // B: a page begins (OCR); E: it ends; F: a file is done; W: 1.1 s pass.
  std::string events;
  // What the room did, in order: S shrank the shares, R grew them back
  // (the engines freed first: counted in `freed`).
  std::string changes;
};

class OcrRoomTest : public ::testing::TestWithParam<RoomCase> {};

TEST_P(OcrRoomTest, ShrinksWhilePagesAreReadAndGrowsBackAfter) {
  const RoomCase& test = GetParam();
  const StreamLimits full = StreamLimits::ForMemory(336);
  const StreamLimits shrunk = StreamLimits::ForMemoryWithOcr(336, 2 * StreamLimits::kOcrMegabytesPerThread);
  std::string changes;
  int freed = 0;
  std::vector<std::string> notices;
  OcrRoom room(336, 2, test.quiet_seconds,
               {[&](const StreamLimits& limits) {
                  ASSERT_TRUE(limits.held_bytes == full.held_bytes || limits.held_bytes == shrunk.held_bytes);
                  EXPECT_EQ(limits.lexicon_bytes, full.lexicon_bytes);  // the lexicon keeps its share
                  changes += limits.held_bytes == full.held_bytes ? 'R' : 'S';
                },
                [&] { ++freed; }, [&](const std::string& line) { notices.push_back(line); }});
  for (char event : test.events) {
    if (event == 'B') room.PageBegins();
    if (event == 'E') room.PageEnds();
    if (event == 'F') room.FileDone();
    if (event == 'W') std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  }
  EXPECT_EQ(changes, test.changes);
  const auto count = [&](char change) { return static_cast<std::size_t>(std::count(changes.begin(), changes.end(), change)); };
  EXPECT_EQ(room.tally().shrunk, count('S'));
  EXPECT_EQ(room.tally().restored, count('R'));
  EXPECT_EQ(static_cast<std::size_t>(freed), count('R'));
  ASSERT_EQ(notices.size(), std::min<std::size_t>(changes.size(), 2));  // the first of each kind said
  if (!notices.empty()) {
    EXPECT_EQ(notices[0].rfind("pages to read by OCR: about 320 MB for 2 threads", 0), 0u) << notices[0];
  }
  if (notices.size() > 1) {
    EXPECT_EQ(notices[1].rfind("no page read by OCR for", 0), 0u) << notices[1];
  }
}

INSTANTIATE_TEST_SUITE_P(
    Events, OcrRoomTest,
    ::testing::Values(
        RoomCase{"NoScanNoChange", 0, "FFFF", ""},
        RoomCase{"OneScanShrinksOnce", 3600, "BEBEFFF", "S"},
        RoomCase{"GrowsBackWhenQuiet", 0, "BEBEF", "SR"},
        RoomCase{"NotWhileAPageIsRead", 0, "BFFF", "S"},
        RoomCase{"NotWhileAnotherThreadsPageIsRead", 0, "BBEFFEF", "SR"},
        RoomCase{"NotBeforeTheWait", 3600, "BEFBEF", "S"},
        // The wait counts from the last page's end, not its beginning.
        RoomCase{"AfterTheWait", 1, "BEWF", "SR"},
        RoomCase{"TheWaitCountsFromThePagesEnd", 1, "BWEF", "S"},
        RoomCase{"ANegativeWaitIsNone", -1, "BEF", "SR"},
        RoomCase{"ShrinksAgainForTheNextScan", 0, "BEFFBEF", "SRSR"},
        RoomCase{"AnEndWithoutABeginIsHarmless", 0, "EFBEF", "SR"}),
    [](const ::testing::TestParamInfo<RoomCase>& info) { return std::string(info.param.name); });

// Pages begun and ended on several threads at once leave the room in one
// state: the last limits set are the shrunk ones while a page is read.
TEST(OcrRoomThreadsTest, TheLastLimitsSetAreTheRoomsState) {
  const StreamLimits full = StreamLimits::ForMemory(336);
  std::mutex mutex;
  std::size_t last_held = full.held_bytes;
  OcrRoom room(336, 2, 0,
               {[&](const StreamLimits& limits) {
                  const std::lock_guard lock(mutex);
                  last_held = limits.held_bytes;
                },
                {}, [](const std::string&) {}});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int k = 0; k < 2000; ++k) {
        room.PageBegins();
        room.FileDone();
        room.PageEnds();
        room.FileDone();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(last_held, full.held_bytes);  // no page read now, the wait is nil: grown back
  room.PageBegins();
  EXPECT_LT(last_held, full.held_bytes);
  EXPECT_EQ(room.tally().shrunk, room.tally().restored + 1);
}

}  // namespace
}  // namespace sextant
