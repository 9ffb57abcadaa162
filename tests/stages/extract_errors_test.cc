// Bad input: every failure is a Status with the right code and a message
// that names the file; nothing crashes; a batch goes on past a bad file.
#include <filesystem>
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "pipeline/runner.h"
#include "stages/standard_stages.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

class ExtractErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sextant-errors-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  std::string Fixture(const std::string& language) {
    return (testing::SourceDir() / "corpora" / "pdf" / (language + ".pdf")).string();
  }

  std::string ReadAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  Runner runner_{ExtractionStages()};
  fs::path dir_;
};

TEST_F(ExtractErrorsTest, MissingFile) {
  const auto result = runner_.RunOne((dir_ / "nope.pdf").string());
  EXPECT_EQ(result.status.code(), StatusCode::kNotFound);
  EXPECT_NE(result.status.message().find("nope.pdf"), std::string::npos);
}

TEST_F(ExtractErrorsTest, FolderIsNotAFile) {
  const auto result = runner_.RunOne(dir_.string());
  EXPECT_EQ(result.status.code(), StatusCode::kNotFound);
  EXPECT_NE(result.status.message().find("is a folder"), std::string::npos);
}

TEST_F(ExtractErrorsTest, NotAPdf) {
  const auto path = Write("notes.pdf", "These are meeting notes, not a PDF.\n");
  const auto result = runner_.RunOne(path);
  EXPECT_EQ(result.status.code(), StatusCode::kNotPdf);
  EXPECT_NE(result.status.message().find("notes.pdf"), std::string::npos);
}

TEST_F(ExtractErrorsTest, TruncatedPdfFailsCleanlyOrRecovers) {
  const std::string whole = ReadAll(Fixture("en"));
  for (std::size_t keep : {std::size_t{20}, whole.size() / 3, whole.size() / 2}) {
    SCOPED_TRACE(keep);
    const auto path = Write("cut" + std::to_string(keep) + ".pdf", whole.substr(0, keep));
    const auto result = runner_.RunOne(path);
    if (!result.status.ok()) {
      EXPECT_NE(result.status.message().find(path), std::string::npos);
      EXPECT_TRUE(result.status.code() == StatusCode::kDamaged ||
                  result.status.code() == StatusCode::kNoTextLayer ||
                  result.status.code() == StatusCode::kEmpty)
          << result.status.ToString();
    }
  }
}

TEST_F(ExtractErrorsTest, GarbageAfterHeaderIsDamaged) {
  std::string bytes = "%PDF-1.7\n";
  for (int i = 0; i < 2000; ++i) bytes += static_cast<char>((i * 7919) % 251);
  const auto result = runner_.RunOne(Write("garbage.pdf", bytes));
  EXPECT_FALSE(result.status.ok());
  EXPECT_EQ(result.status.code(), StatusCode::kDamaged) << result.status.ToString();
}

TEST_F(ExtractErrorsTest, BatchGoesOnPastBadFiles) {
  const std::vector<std::string> paths = {Write("bad.pdf", "nope"), Fixture("fr"),
                                          (dir_ / "missing.pdf").string(), Fixture("zh")};
  RunnerOptions options;
  options.jobs = 2;
  const auto results = runner_.Run(paths, options);
  EXPECT_EQ(results[0].status.code(), StatusCode::kNotPdf);
  EXPECT_TRUE(results[1].status.ok());
  EXPECT_FALSE(results[1].document.paragraphs.empty());
  EXPECT_EQ(results[2].status.code(), StatusCode::kNotFound);
  EXPECT_TRUE(results[3].status.ok());
}

TEST_F(ExtractErrorsTest, EncryptedPdfAsksForAnUnlockedCopy) {
  // qpdf (installed by scripts/install-deps) locks a copy of a fixture.
  const std::string locked = (dir_ / "locked.pdf").string();
  const std::string command = "qpdf --encrypt secret owner 256 -- '" + Fixture("es") +
                              "' '" + locked + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << "qpdf missing? run scripts/install-deps";
  const auto result = runner_.RunOne(locked);
  EXPECT_EQ(result.status.code(), StatusCode::kEncrypted) << result.status.ToString();
  EXPECT_NE(result.status.message().find("locked.pdf"), std::string::npos);
}

TEST_F(ExtractErrorsTest, ImageOnlyScanHasNoTextLayer) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  const auto path = testing::SharedCorpora() / "un-pdf/ods/A_47_843-EN.pdf";
  const auto result = runner_.RunOne(path.string());
  EXPECT_EQ(result.status.code(), StatusCode::kNoTextLayer);
  EXPECT_NE(result.status.message().find("A_47_843-EN.pdf"), std::string::npos);
  EXPECT_NE(result.status.message().find("OCR"), std::string::npos);
}

}  // namespace
}  // namespace sextant
