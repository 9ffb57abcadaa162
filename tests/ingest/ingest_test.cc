// IngestFiles on the project's own fixture PDFs (corpora/pdf, always
// present): a first ingest writes the six versions, a second reads
// nothing, a changed file is read again with the other versions of its
// document, a missing file is reported and the others still go in, a file
// given twice is read once; and CollectPdfs walks folders.
#include "ingest/ingest.h"

#include <gtest/gtest.h>

#include <sys/mount.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "index/index_writer.h"
#include "pipeline/content_hash.h"
#include "tests/test_paths.h"

// Read by AddressSanitizer in the sanitizer build (unused otherwise):
// libxapian 1.4.22's Database::check, meeting a damaged table, deletes an
// object of its own through the wrong type (new-delete-type-mismatch inside
// libxapian.so; see ADamagedIndexIsRefused). Not Sextant's code; every
// other check stays on.
extern "C" const char* __asan_default_options() { return "new_delete_type_mismatch=0"; }

namespace sextant {
namespace {

namespace fs = std::filesystem;

struct CountingObserver : IngestObserver {
  void Planned(std::size_t read, std::size_t indexed) override {
    to_read = read;
    indexed_already = indexed;
  }
  void Failed(const Status& status) override { failures.push_back(status); }
  void Notice(const std::string& line) override { notices.push_back(line); }
  std::size_t to_read = 0, indexed_already = 0;
  std::vector<Status> failures;
  std::vector<std::string> notices;
};

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');  // a parameterised test's "Test/Case"
    folder_ = fs::temp_directory_path() / ("sextant_ingest_" + name);
    fs::remove_all(folder_);
    fs::create_directories(folder_ / "pdf");
    for (const char* language : {"ar", "zh", "en", "fr", "ru", "es"}) {
      const std::string name = std::string(language) + ".pdf";
      fs::copy_file(testing::SourceDir() / "corpora" / "pdf" / name, folder_ / "pdf" / name);
    }
    options_.index_folder = (folder_ / "index").string();
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
  }

  IngestSummary Ingest(CountingObserver& observer) {
    IngestSummary summary;
    const Status status = IngestFiles(CollectPdfs({(folder_ / "pdf").string()}).files, options_, observer, &summary);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return summary;
  }

  // An image-only scan of two pages (ODS), first by name among the files.
  void AddScan() {
    fs::copy_file(testing::SharedCorpora() / "un-pdf" / "ods" / "A_47_843-EN.pdf", folder_ / "pdf" / "A_47_843-EN.pdf");
  }

  fs::path folder_;
  IngestOptions options_;
};

TEST_F(IngestTest, ReingestReadsNothingAndAChangedFileRewritesItsSet) {
  CountingObserver first;
  const IngestSummary written = Ingest(first);
  EXPECT_EQ(first.to_read, 6u);
  EXPECT_EQ(written.versions_written, 6u);
  EXPECT_EQ(written.symbols, 1u);
  EXPECT_EQ(written.failures, 0);
  EXPECT_GT(written.segments, 100u);

  CountingObserver second;
  const IngestSummary again = Ingest(second);
  EXPECT_EQ(second.to_read, 0u);
  EXPECT_EQ(again.not_read_again, 6u);
  EXPECT_EQ(again.versions_written, 0u);
  EXPECT_EQ(again.segments, written.segments);  // counted from the index

  std::ofstream(folder_ / "pdf" / "fr.pdf", std::ios::app) << "% changed\n";
  CountingObserver third;
  const IngestSummary changed = Ingest(third);
  EXPECT_EQ(third.to_read, 1u);
  EXPECT_EQ(third.indexed_already, 5u);
  EXPECT_EQ(changed.versions_written, 6u);  // the whole set, siblings read again
  EXPECT_EQ(changed.segments, written.segments);

  // The index knows each file by the hash of its bytes.
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(options_.index_folder, {}, &writer).ok());
  const std::string fr = (folder_ / "pdf" / "fr.pdf").string();
  EXPECT_TRUE(writer->Indexed(fr, HashFile(fr).value().Hex()).has_value());
}

TEST_F(IngestTest, AMissingFileIsReportedAndTheOthersGoIn) {
  std::vector<std::string> files = CollectPdfs({(folder_ / "pdf").string()}).files;
  files.push_back((folder_ / "gone.pdf").string());
  CountingObserver observer;
  IngestSummary summary;
  ASSERT_TRUE(IngestFiles(files, options_, observer, &summary).ok());
  ASSERT_EQ(observer.failures.size(), 1u);
  EXPECT_EQ(observer.failures[0].code(), StatusCode::kNotFound);
  EXPECT_NE(observer.failures[0].message().find("gone.pdf: cannot open the file"), std::string::npos);
  EXPECT_EQ(summary.failures, 1);
  EXPECT_EQ(summary.versions_written, 6u);
}

TEST_F(IngestTest, AFileGivenTwiceIsReadOnce) {
  std::vector<std::string> files = CollectPdfs({(folder_ / "pdf").string()}).files;
  files.push_back(files.front());
  CountingObserver observer;
  IngestSummary summary;
  ASSERT_TRUE(IngestFiles(files, options_, observer, &summary).ok());
  EXPECT_EQ(observer.to_read, 6u);
  EXPECT_TRUE(observer.failures.empty()) << observer.failures.front().message();
  EXPECT_EQ(summary.files, 6u);
  EXPECT_EQ(summary.versions_written, 6u);
}

TEST_F(IngestTest, AnIndexThatCannotBeOpenedStopsBeforeAnything) {
  std::ofstream(folder_ / "not-a-folder") << "x";
  options_.index_folder = (folder_ / "not-a-folder").string();
  CountingObserver observer;
  IngestSummary summary;
  const Status status = IngestFiles(CollectPdfs({(folder_ / "pdf").string()}).files, options_, observer, &summary);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("not-a-folder"), std::string::npos) << status.message();
  EXPECT_EQ(observer.to_read, 0u);
}

TEST(CollectPdfsTest, FilesAsGivenAndPdfsBelowFoldersSorted) {
  const fs::path root = fs::temp_directory_path() / "sextant_collect_pdfs";
  fs::remove_all(root);
  fs::create_directories(root / "b" / "deeper");
  for (const char* name : {"b/deeper/z.pdf", "b/a.pdf", "b/notes.txt", "b/c.PDFX", "b/d.PDF", "named.txt"}) {
    std::ofstream(root / name) << "x";
  }
  const PdfCollection found = CollectPdfs({(root / "b").string(), (root / "named.txt").string()});
  EXPECT_EQ(found.files, (std::vector<std::string>{(root / "b" / "a.pdf").string(), (root / "b" / "d.PDF").string(),
                                                   (root / "b" / "deeper" / "z.pdf").string(),
                                                   (root / "named.txt").string()}));
  EXPECT_TRUE(found.problems.empty());
  EXPECT_EQ(found.other_files, 2u);
  fs::remove_all(root);
}

// Whatever a folder holds, the walk goes on and names what it leaves out,
// its bytes shown.
TEST(CollectPdfsTest, OddPathsAreIngestedOrNamedNeverThrown) {
  const fs::path root = fs::temp_directory_path() / "sextant_collect_odd";
  fs::remove_all(root);
  fs::create_directories(root / "sub");
  std::ofstream(root / "bad\xFFname.pdf") << "x";
  std::ofstream(root / "new\nline.pdf") << "x";
  fs::create_symlink("b.pdf", root / "a.pdf");  // a → b → a
  fs::create_symlink("a.pdf", root / "b.pdf");
  fs::create_symlink("/nonexistent/gone.pdf", root / "dangling.pdf");
  fs::create_directory_symlink("..", root / "sub" / "up");  // would loop if followed
  ASSERT_EQ(::mkfifo((root / "fifo.pdf").c_str(), 0600), 0);
  const PdfCollection found =
      CollectPdfs({root.string(), (root / "missing.pdf").string(), (root / "a.pdf").string()});
  EXPECT_EQ(found.files, (std::vector<std::string>{(root / "bad\xFFname.pdf").string(),
                                                   (root / "new\nline.pdf").string()}));
  const auto reported = [&](const std::string& start, const std::string& why) {
    for (const std::string& problem : found.problems) {
      if (problem.rfind(start, 0) == 0 && problem.find(why) != std::string::npos) return true;
    }
    return false;
  };
  const std::string folder = root.string() + "/";
  EXPECT_TRUE(reported(folder + "a.pdf:", "loops"));
  EXPECT_TRUE(reported(folder + "b.pdf:", "loops"));
  EXPECT_TRUE(reported(folder + "dangling.pdf:", "/nonexistent/gone.pdf, which is not there"));
  EXPECT_TRUE(reported(folder + "fifo.pdf:", "a FIFO"));
  EXPECT_TRUE(reported(folder + "sub/up:", "not followed"));
  EXPECT_TRUE(reported(folder + "missing.pdf:", "no such file"));
  EXPECT_EQ(found.problems.size(), 7u);  // the named loop too
  for (const std::string& problem : found.problems) EXPECT_EQ(problem.find('\n'), std::string::npos) << problem;
  fs::remove_all(root);
}

// A name that is not UTF-8 or holds a newline goes in, is shown escaped,
// and is found unchanged the next time (the index keys files by bytes).
TEST_F(IngestTest, NamesThatAreNotUtf8AreIngestedAndFoundAgain) {
  fs::rename(folder_ / "pdf" / "en.pdf", folder_ / "pdf" / "caf\xE9.pdf");
  fs::rename(folder_ / "pdf" / "fr.pdf", folder_ / "pdf" / "new\nline.pdf");
  CountingObserver first;
  EXPECT_EQ(Ingest(first).versions_written, 6u);
  EXPECT_TRUE(first.failures.empty());
  CountingObserver second;
  EXPECT_EQ(Ingest(second).not_read_again, 6u);
}

// Two files holding one version: reading them together keeps the first by
// path and names both; a file ingested later replaces the one before.
TEST_F(IngestTest, TwoFilesOfOneVersionAreNamedAndOneRuleApplies) {
  fs::copy_file(folder_ / "pdf" / "en.pdf", folder_ / "pdf" / "zz-en.pdf");
  std::ofstream(folder_ / "pdf" / "zz-en.pdf", std::ios::app) << "\n% a byte more\n";  // other bytes, same text
  CountingObserver together;
  const IngestSummary summary = Ingest(together);
  EXPECT_EQ(summary.versions_written, 6u);
  ASSERT_EQ(together.failures.size(), 1u);
  const std::string& line = together.failures[0].message();
  EXPECT_EQ(line.rfind((folder_ / "pdf" / "zz-en.pdf").string() + ": the same document and language as " +
                           (folder_ / "pdf" / "en.pdf").string(), 0), 0u) << line;
  EXPECT_NE(line.find("the first by path is kept"), std::string::npos) << line;

  CountingObserver later;
  IngestSummary replaced;
  ASSERT_TRUE(IngestFiles({(folder_ / "pdf" / "zz-en.pdf").string()}, options_, later, &replaced).ok());
  ASSERT_EQ(later.notices.size(), 1u);
  EXPECT_NE(later.notices[0].find("zz-en.pdf replaces " + (folder_ / "pdf" / "en.pdf").string()), std::string::npos)
      << later.notices[0];
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(options_.index_folder, {}, &writer).ok());
  EXPECT_FALSE(writer->Indexed((folder_ / "pdf" / "en.pdf").string(),
                               HashFile((folder_ / "pdf" / "en.pdf").string()).value().Hex()).has_value());
}

// A damaged index is named as such, with the way out, and not written into.
TEST_F(IngestTest, ADamagedIndexIsRefused) {
  CountingObserver first;
  Ingest(first);
  const fs::path table = fs::path(options_.index_folder) / "postlist.glass";
  fs::resize_file(table, fs::file_size(table) / 2);
  CountingObserver second;
  IngestSummary summary;
  const Status status = IngestFiles(CollectPdfs({(folder_ / "pdf").string()}).files, options_, second, &summary);
  EXPECT_EQ(status.code(), StatusCode::kDamaged) << status.ToString();
  EXPECT_NE(status.message().find("is damaged"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("xapian-check"), std::string::npos) << status.message();
  EXPECT_EQ(second.to_read, 0u);
}

// A full disk: one failure that says so, nothing half-written, and the same
// ingest completes once there is room. Needs a small tmpfs (root).
TEST_F(IngestTest, AFullDiskStopsCleanlyAndARetryCompletes) {
  const fs::path disk = folder_ / "disk";
  fs::create_directories(disk);
  if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=256k") != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root): " << std::strerror(errno);
  }
  struct Unmount {
    fs::path disk;
    ~Unmount() { ::umount2(disk.c_str(), MNT_DETACH); }  // also when an assertion below ends the test
  } unmount{disk};
  options_.index_folder = (disk / "index").string();
  CountingObserver full;
  IngestSummary summary;
  const Status status = IngestFiles(CollectPdfs({(folder_ / "pdf").string()}).files, options_, full, &summary);
  EXPECT_EQ(status.code(), StatusCode::kNoSpace) << status.ToString();
  EXPECT_NE(status.message().find("no space left on the device holding " + options_.index_folder),
            std::string::npos) << status.message();
  EXPECT_TRUE(full.failures.empty()) << "reported once, by the status: " << full.failures[0].message();
  EXPECT_EQ(::mount("tmpfs", disk.c_str(), "tmpfs", MS_REMOUNT, "size=8m"), 0) << std::strerror(errno);
  CountingObserver retry;
  IngestSummary completed;
  const Status again = IngestFiles(CollectPdfs({(folder_ / "pdf").string()}).files, options_, retry, &completed);
  EXPECT_TRUE(again.ok()) << again.ToString();
  EXPECT_EQ(completed.versions_written, 6u);
}

}  // namespace
}  // namespace sextant

namespace sextant {
namespace {

// The index's lexicon (ingest/ingest_lexicon.h): learned from the sets an
// ingest writes, stored in INDEX/lexicon/ pivot first (en-zh), grown by a
// later ingest that aligns again, never by one that reads nothing; and left
// alone with IngestOptions::lexicon false.
std::size_t SentencePairsStored(const fs::path& counts) {
  std::ifstream in(counts);
  std::string line;
  std::size_t total = 0;
  while (std::getline(in, line)) {
    if (line.rfind("# sentence pairs ", 0) == 0) total += std::stoul(line.substr(17));
  }
  return total;
}

std::set<std::string> Lines(const fs::path& file) {
  std::ifstream in(file);
  std::set<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.insert(line);
  return lines;
}

TEST_F(IngestTest, TooFewLinksKeepTheCountsButWriteNoLexicon) {
  // The fixtures give a few dozen sure links a language pair: under the
  // default threshold, counted and kept, but no lexicon to align with yet.
  CountingObserver observer;
  const IngestSummary written = Ingest(observer);
  const fs::path lexicons = fs::path(options_.index_folder) / "lexicon";
  EXPECT_EQ(written.lexicon_files, 0u);
  EXPECT_EQ(written.lexicon_counted_only, 5u);
  EXPECT_TRUE(fs::exists(lexicons / "en-fr.counts"));
  EXPECT_FALSE(fs::exists(lexicons / "en-fr.lexicon"));
}

TEST_F(IngestTest, TheIndexLearnsALexiconAndALaterIngestGrowsIt) {
  options_.lexicon_min_links = 1;  // the fixtures' few links, as a corpus's many
  CountingObserver first;
  const IngestSummary written = Ingest(first);
  const fs::path lexicons = fs::path(options_.index_folder) / "lexicon";
  EXPECT_EQ(written.lexicon_files, 5u);  // every language with English
  EXPECT_GT(written.lexicon_sentence_pairs, 100u);
  for (const char* pair : {"en-ar", "en-es", "en-fr", "en-ru", "en-zh"}) {
    EXPECT_TRUE(fs::exists(lexicons / (std::string(pair) + ".lexicon"))) << pair;
    EXPECT_GT(SentencePairsStored(lexicons / (std::string(pair) + ".counts")), 20u) << pair;
  }
  const std::set<std::string> french = Lines(lexicons / "en-fr.lexicon");
  EXPECT_EQ(*french.begin(), "# sextant lexicon en fr");
  EXPECT_GT(french.size(), 50u);
  EXPECT_TRUE(french.count("meeting\tréunion")) << "a pair the fixture teaches";
  const std::size_t learned_once = SentencePairsStored(lexicons / "en-fr.counts");

  CountingObserver nothing_read;
  const IngestSummary again = Ingest(nothing_read);
  EXPECT_EQ(again.lexicon_files, 0u);  // nothing aligned, nothing learned
  EXPECT_EQ(SentencePairsStored(lexicons / "en-fr.counts"), learned_once);

  // A changed version: its set is aligned again (on the stored lexicon) and
  // taught again; the counts add up, the stored pairs are kept.
  std::ofstream(folder_ / "pdf" / "fr.pdf", std::ios::app) << "% changed\n";
  CountingObserver changed;
  const IngestSummary relearned = Ingest(changed);
  EXPECT_EQ(relearned.lexicon_files, 5u);
  EXPECT_GT(SentencePairsStored(lexicons / "en-fr.counts"), learned_once);
  const std::set<std::string> grown = Lines(lexicons / "en-fr.lexicon");
  EXPECT_TRUE(std::includes(grown.begin(), grown.end(), french.begin(), french.end()));
}

TEST_F(IngestTest, WithoutTheLexiconNothingIsStored) {
  options_.lexicon = false;
  CountingObserver observer;
  const IngestSummary written = Ingest(observer);
  EXPECT_EQ(written.versions_written, 6u);
  EXPECT_EQ(written.lexicon_files, 0u);
  EXPECT_FALSE(fs::exists(fs::path(options_.index_folder) / "lexicon"));
}

TEST_F(IngestTest, ABrokenStoredLexiconIsNamedAndLeftAlone) {
  options_.lexicon_min_links = 1;
  fs::create_directories(fs::path(options_.index_folder) / "lexicon");
  const fs::path broken = fs::path(options_.index_folder) / "lexicon" / "en-fr.lexicon";
  std::ofstream(broken) << "meeting réunion\n";
  CountingObserver observer;
  const IngestSummary written = Ingest(observer);
  EXPECT_EQ(written.versions_written, 6u);
  EXPECT_EQ(written.lexicon_files, 4u);  // all but en-fr
  ASSERT_EQ(observer.notices.size(), 1u);
  EXPECT_NE(observer.notices[0].find("en-fr.lexicon"), std::string::npos) << observer.notices[0];
  EXPECT_EQ(Lines(broken), std::set<std::string>{"meeting réunion"});
}

// A scan among the files (first by name): before its first page is read
// by OCR the streamer's shares make room for OCR, once, and a line says
// so; at the default budget OCR's part leaves the least budget to the
// rest, and at two threads the line names the budget that would hold it
// all. Once the scans stop (here with no wait: the scan comes first) the
// shares grow back, and a line says so; one thread, so that no other
// file ends while the scan's pages are read.
struct ScanCase {
  const char* name;
  int jobs;
  double quiet_seconds;
  std::size_t restored;
  std::vector<std::string> notices;  // each line's beginning
};

class IngestScanTest : public IngestTest, public ::testing::WithParamInterface<ScanCase> {};

TEST_P(IngestScanTest, MakesRoomForOcrWhileScansCome) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  const ScanCase& test = GetParam();
  AddScan();
  CountingObserver observer;
  options_.jobs = test.jobs;
  options_.memory_mb = 336;
  options_.ocr_quiet_seconds = test.quiet_seconds;
  const IngestSummary written = Ingest(observer);
  EXPECT_EQ(written.versions_written, 7u);
  EXPECT_EQ(written.pages, 12u + 2u);
  EXPECT_EQ(written.shrunk_for_ocr, 1u);  // two pages read by OCR, one shrink
  EXPECT_EQ(written.restored_after_ocr, test.restored);
  ASSERT_EQ(observer.notices.size(), test.notices.size());
  for (std::size_t k = 0; k < test.notices.size(); ++k) {
    EXPECT_EQ(observer.notices[k].rfind(test.notices[k], 0), 0u) << observer.notices[k];
  }
}

INSTANTIATE_TEST_SUITE_P(
    Scans, IngestScanTest,
    ::testing::Values(
        ScanCase{"TwoThreadsNoWaitingOver", 2, 3600, 0,
                 {"pages to read by OCR: about 320 MB for 2 threads while they come; the rest of the ingest holds "
                  "as with --memory 96: the peak may reach about 446 MB, past --memory 336 (--memory 461 holds it"}},
        ScanCase{"OneThreadGrowingBack", 1, 0, 1,
                 {"pages to read by OCR: about 160 MB for 1 thread while they come; the rest of the ingest holds as "
                  "with --memory 153",  // the budget holds OCR: no more said
                  "no page read by OCR for 0 s: its models freed, the shares are those of --memory 336 again (and each "
                  "time the scans stop; the summary counts them)"}}),
    [](const ::testing::TestParamInfo<ScanCase>& info) { return std::string(info.param.name); });

// Without OCR no room is made: the scan has no words, and fails.
TEST_F(IngestTest, WithoutOcrNoRoomIsMade) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  AddScan();
  options_.ocr = OcrMode::kNever;
  CountingObserver without;
  EXPECT_EQ(Ingest(without).shrunk_for_ocr, 0u);
  EXPECT_TRUE(without.notices.empty());
  EXPECT_EQ(without.failures.size(), 1u);
}

}  // namespace
}  // namespace sextant
