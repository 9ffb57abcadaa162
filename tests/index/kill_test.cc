// A writer killed mid-ingest leaves a whole index (issue 5): a child process
// writes document sets through IndexWriter into a temporary index, telling
// the parent over a pipe when it starts and when it has committed each set.
// The parent kills it with SIGKILL while it is inside a large transaction
// (a few milliseconds after it said it was starting one), then checks that
//   - the index opens with IndexSearcher (and, when xapian-check is
//     installed, that Xapian's own checker finds nothing wrong);
//   - no document is half-written: for every document entry, the number of
//     segment entries with its content hash is the `segments` of its data,
//     and every segment entry belongs to a document entry;
//   - every set the child reported committed is there, whole; a set it
//     started and did not report is there whole or not at all (either
//     outcome is right, so the test does not depend on timing); nothing
//     else is there;
//   - the lock died with the writer: a new IndexWriter opens and finishes
//     the interrupted sets.
// This is done three times on the same index, killing 0, 30 and 100 ms after
// the large transaction began. The text is synthetic (no corpora needed).
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/index_searcher.h"
#include "index/index_writer.h"
#include "index/schema.h"
#include "stages/align/document_aligner.h"
#include "tests/index/synthetic_documents.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSmallSegments = 12;   // per version of a small set
constexpr std::size_t kLargeSegments = 2000;  // per version of a large set
constexpr std::size_t kSmallSetsFirst = 5;   // committed before each large set
const std::vector<Language> kLanguages = {Language::kEnglish, Language::kFrench, Language::kSpanish};

std::size_t SegmentsOf(std::size_t set) {
  return (set + 1) % (kSmallSetsFirst + 1) == 0 ? kLargeSegments : kSmallSegments;
}

// Writes set `set` (every language, English the pivot, aligned 1-1).
Status WriteSet(IndexWriter& writer, std::size_t set) {
  const testing::SyntheticSet synthetic(set, kLanguages, SegmentsOf(set));
  AddCounts counts;
  return writer.AddDocumentSet(synthetic.Versions(), &counts);
}

// What the child tells the parent.
struct Message {
  char kind;  // 'S' starting set, 'C' committed set, 'E' error
  std::uint32_t set;
};

[[noreturn]] void ChildWrites(const std::string& folder, std::size_t first_set, int fd) {
  auto say = [fd](char kind, std::size_t set) {
    const Message message{kind, static_cast<std::uint32_t>(set)};
    if (::write(fd, &message, sizeof message) != static_cast<ssize_t>(sizeof message)) ::_exit(3);
  };
  // Xapian commits on its own every N added entries outside a transaction;
  // a low N makes a writer without transactions leave half-written sets,
  // which this test would then catch.
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "50", 1);
  std::unique_ptr<IndexWriter> writer;
  if (!IndexWriter::Open(folder, {}, &writer).ok()) {
    say('E', 0);
    ::_exit(2);
  }
  for (std::size_t set = first_set;; ++set) {  // until killed
    say('S', set);
    if (!WriteSet(*writer, set).ok()) {
      say('E', set);
      ::_exit(2);
    }
    say('C', set);
  }
}

bool ReadMessage(int fd, Message* message) {
  std::size_t got = 0;
  auto* bytes = reinterpret_cast<char*>(message);
  while (got < sizeof *message) {
    const ssize_t n = ::read(fd, bytes + got, sizeof *message - got);
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  return true;
}

struct KillOutcome {
  std::set<std::size_t> committed;
  std::set<std::size_t> interrupted;  // started, not reported committed
  std::size_t large = 0;             // the large set the kill aimed at
};

// Forks a writer starting at `first_set`, kills it `delay` after it starts
// the first large set (once it has committed the small ones before it).
KillOutcome KillWriterMidSet(const std::string& folder, std::size_t first_set, std::chrono::milliseconds delay) {
  KillOutcome outcome;
  int fds[2];
  if (::pipe(fds) != 0) {
    ADD_FAILURE() << "pipe failed";
    return outcome;
  }
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(fds[0]);
    ChildWrites(folder, first_set, fds[1]);
  }
  ::close(fds[1]);
  bool killed = false;
  Message message{};
  std::set<std::size_t> started;
  auto note = [&](const Message& m) {
    if (m.kind == 'E') ADD_FAILURE() << "the child writer failed on set " << m.set;
    if (m.kind == 'S') started.insert(m.set);
    if (m.kind == 'C') outcome.committed.insert(m.set);
  };
  while (ReadMessage(fds[0], &message)) {
    note(message);
    if (message.kind == 'E') break;
    if (message.kind == 'S' && SegmentsOf(message.set) == kLargeSegments) {
      std::this_thread::sleep_for(delay);
      ::kill(child, SIGKILL);
      killed = true;
      outcome.large = message.set;
      break;
    }
  }
  if (!killed) ::kill(child, SIGKILL);
  // What the child said before the signal landed (it may have finished the
  // large set and started the next one).
  while (ReadMessage(fds[0], &message)) note(message);
  ::close(fds[0]);
  for (std::size_t set : started) {
    if (!outcome.committed.count(set)) outcome.interrupted.insert(set);
  }
  int status = 0;
  EXPECT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the writer was not killed: status " << status;
  return outcome;
}

// For each set number found in the index: its language versions, and
// whether each is whole. Fails the test on an entry without its document.
std::map<std::size_t, std::size_t> WholeVersionsBySet(const std::string& folder) {
  std::map<std::size_t, std::size_t> versions_by_set;
  const Xapian::Database db(folder);
  std::size_t documented_segments = 0;
  const std::string document_kind = BooleanTerm(term_prefix::kKind, "document");
  for (auto it = db.postlist_begin(document_kind); it != db.postlist_end(document_kind); ++it) {
    const auto data = nlohmann::json::parse(db.get_document(*it).get_data());
    const std::string hash = data.at("hash");
    const std::size_t segments = data.at("segments");
    const std::string hash_term = BooleanTerm(term_prefix::kContentHash, hash);
    // The document entry carries the hash too.
    EXPECT_EQ(db.get_termfreq(hash_term), segments + 1) << data.dump();
    documented_segments += segments;
    const std::string path = data.at("path");
    const std::size_t set = std::stoul(path.substr(path.find("/set") + 4));
    EXPECT_EQ(segments, SegmentsOf(set)) << path;
    ++versions_by_set[set];
  }
  EXPECT_EQ(db.get_termfreq(BooleanTerm(term_prefix::kKind, "segment")), documented_segments)
      << "segment entries without their document entry";
  return versions_by_set;
}

void ExpectXapianCheckPasses(const std::string& folder) {
  if (std::system("command -v xapian-check >/dev/null 2>&1") != 0) {
    std::printf("[ note     ] xapian-check not installed (Debian xapian-tools); its check is left out\n");
    return;
  }
  const std::string command = "xapian-check '" + folder + "' >/dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << "xapian-check found errors in " << folder;
}

TEST(IndexKillTest, KilledWriterLeavesWholeSetsAndReleasesTheLock) {
  const fs::path folder = fs::temp_directory_path() / ("sextant_kill_test_" + std::to_string(::getpid()));
  fs::remove_all(folder);
  std::set<std::size_t> expected;  // sets that must be in the index
  std::size_t next_set = 0;
  for (const int delay_ms : {0, 30, 100}) {
    SCOPED_TRACE("killed " + std::to_string(delay_ms) + " ms into the large set");
    const KillOutcome outcome = KillWriterMidSet(folder.string(), next_set, std::chrono::milliseconds(delay_ms));
    ASSERT_GE(outcome.committed.size(), kSmallSetsFirst);
    expected.insert(outcome.committed.begin(), outcome.committed.end());

    std::unique_ptr<IndexSearcher> searcher;
    const Status opened = IndexSearcher::Open(folder.string(), &searcher);
    ASSERT_TRUE(opened.ok()) << opened.ToString();
    ExpectXapianCheckPasses(folder.string());
    const std::map<std::size_t, std::size_t> found = WholeVersionsBySet(folder.string());
    for (const auto& [set, versions] : found) {
      EXPECT_TRUE(expected.count(set) || outcome.interrupted.count(set)) << "set " << set << " was never started";
      EXPECT_EQ(versions, kLanguages.size()) << "set " << set << " has only some of its versions";
    }
    for (std::size_t set : expected) EXPECT_TRUE(found.count(set)) << "committed set " << set << " is missing";
    std::size_t interrupted_whole = 0;
    for (std::size_t set : outcome.interrupted) interrupted_whole += found.count(set);
    std::printf("[ measure  ] killed %d ms after large set %zu began: %zu sets reported committed, %zu interrupted "
                "(%zu of them whole in the index, the rest absent)\n",
                delay_ms, outcome.large, outcome.committed.size(), outcome.interrupted.size(), interrupted_whole);

    // The lock went with the killed process: a new writer finishes the
    // interrupted sets.
    std::unique_ptr<IndexWriter> writer;
    const Status reopened = IndexWriter::Open(folder.string(), {}, &writer);
    ASSERT_TRUE(reopened.ok()) << reopened.ToString();
    for (std::size_t set : outcome.interrupted) {
      const Status rewritten = WriteSet(*writer, set);
      ASSERT_TRUE(rewritten.ok()) << rewritten.ToString();
      expected.insert(set);
    }
    writer.reset();
    EXPECT_EQ(WholeVersionsBySet(folder.string()).size(), expected.size());
    next_set = *expected.rbegin() + 1;
  }
  fs::remove_all(folder);
}

}  // namespace
}  // namespace sextant
