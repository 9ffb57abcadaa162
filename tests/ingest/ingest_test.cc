// IngestFiles on the project's own fixture PDFs (corpora/pdf, always
// present): a first ingest writes the six versions, a second reads
// nothing, a changed file is read again with the other versions of its
// document, a missing file is reported and the others still go in; and
// CollectPdfs walks folders.
#include "ingest/ingest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "index/index_writer.h"
#include "pipeline/content_hash.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

struct CountingObserver : IngestObserver {
  void Planned(std::size_t read, std::size_t indexed) override {
    to_read = read;
    indexed_already = indexed;
  }
  void Failed(const Status& status) override { failures.push_back(status); }
  std::size_t to_read = 0, indexed_already = 0;
  std::vector<Status> failures;
};

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("sextant_ingest_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(folder_);
    fs::create_directories(folder_ / "pdf");
    for (const char* language : {"ar", "zh", "en", "fr", "ru", "es"}) {
      const std::string name = std::string(language) + ".pdf";
      fs::copy_file(testing::SourceDir() / "corpora" / "pdf" / name, folder_ / "pdf" / name);
    }
    options_.index_folder = (folder_ / "index").string();
  }
  void TearDown() override { fs::remove_all(folder_); }

  IngestSummary Ingest(CountingObserver& observer) {
    IngestSummary summary;
    const Status status = IngestFiles(CollectPdfs({(folder_ / "pdf").string()}), options_, observer, &summary);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return summary;
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
  EXPECT_TRUE(writer->Indexed(fr, HashFile(fr).value()).has_value());
}

TEST_F(IngestTest, AMissingFileIsReportedAndTheOthersGoIn) {
  std::vector<std::string> files = CollectPdfs({(folder_ / "pdf").string()});
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

TEST_F(IngestTest, AnIndexThatCannotBeOpenedStopsBeforeAnything) {
  std::ofstream(folder_ / "not-a-folder") << "x";
  options_.index_folder = (folder_ / "not-a-folder").string();
  CountingObserver observer;
  IngestSummary summary;
  const Status status = IngestFiles(CollectPdfs({(folder_ / "pdf").string()}), options_, observer, &summary);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("not-a-folder"), std::string::npos) << status.message();
  EXPECT_EQ(observer.to_read, 0u);
}

TEST(CollectPdfsTest, FilesAsGivenAndPdfsBelowFoldersSorted) {
  const fs::path root = fs::temp_directory_path() / "sextant_collect_pdfs";
  fs::remove_all(root);
  fs::create_directories(root / "b" / "deeper");
  for (const char* name : {"b/deeper/z.pdf", "b/a.pdf", "b/notes.txt", "b/c.PDFX"}) std::ofstream(root / name) << "x";
  const std::vector<std::string> files = CollectPdfs({(root / "b").string(), (root / "named.txt").string()});
  EXPECT_EQ(files, (std::vector<std::string>{(root / "b" / "a.pdf").string(), (root / "b" / "deeper" / "z.pdf").string(),
                                             (root / "named.txt").string()}));
  fs::remove_all(root);
}

}  // namespace
}  // namespace sextant
