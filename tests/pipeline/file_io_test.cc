// ReadWholeFile, WriteFileAtomically and AtomicOutputFile: a whole file or
// none, an older file replaced whole, no temporary left behind, errors that
// name the path.
#include "pipeline/file_io.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace sextant {
namespace {

class FileIoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("sextant_file_io_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::size_t Entries() const {
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder_)) ++entries;
    return entries;
  }
  static std::string Read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::filesystem::path folder_;
};

TEST_F(FileIoTest, ReplacesAnOlderFileWholeAndLeavesNoTemporary) {
  const std::string path = (folder_ / "out.tmx").string();
  std::ofstream(path) << "an older, longer file that must be replaced entirely ...............";
  for (const bool durable : {false, true}) {
    const std::string content = durable ? "durable" : "fast";
    const Status status = WriteFileAtomically(path, content, durable);
    ASSERT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(Read(path), content);
    EXPECT_EQ(Entries(), 1u);
  }
}

TEST_F(FileIoTest, MissingFolderGivesAStatusNamingThePath) {
  const std::string path = (folder_ / "no-such-folder" / "out.json").string();
  const Status status = WriteFileAtomically(path, "x");
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find(path), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("check the folder exists"), std::string::npos) << status.message();
  EXPECT_FALSE(std::filesystem::exists(folder_ / "no-such-folder"));
}

TEST_F(FileIoTest, FolderInTheWayGivesAStatusAndLeavesNoTemporary) {
  const std::filesystem::path in_the_way = folder_ / "out.tmx";
  std::filesystem::create_directories(in_the_way / "child");
  const Status status = WriteFileAtomically(in_the_way.string(), "x");
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find(in_the_way.string()), std::string::npos) << status.message();
  EXPECT_EQ(Entries(), 1u);  // only the folder itself
}

TEST_F(FileIoTest, ReadsWhatWasWrittenByteForByte) {
  const std::string path = (folder_ / "bytes.bin").string();
  std::string bytes(100000, '\0');
  for (std::size_t k = 0; k < bytes.size(); ++k) bytes[k] = static_cast<char>(k % 256);
  ASSERT_TRUE(WriteFileAtomically(path, bytes).ok());
  EXPECT_EQ(ReadWholeFile(path), bytes);
  EXPECT_EQ(ReadWholeFile((folder_ / "missing").string()), std::nullopt);
  EXPECT_EQ(ReadWholeFile(folder_.string()), std::nullopt);  // a folder is not a file
}

TEST_F(FileIoTest, EmptyPathIsRefused) {
  EXPECT_EQ(WriteFileAtomically("", "x").code(), StatusCode::kInvalidArgument);
}

TEST_F(FileIoTest, StreamedFileAppearsWholeOnCommit) {
  const std::string path = (folder_ / "out.tsv").string();
  std::ofstream(path) << "older";
  std::unique_ptr<AtomicOutputFile> file;
  ASSERT_TRUE(AtomicOutputFile::Create(path, &file).ok());
  std::string expected;
  for (int k = 0; k < 20000; ++k) {  // past the 64 KiB buffer several times
    const std::string line = "line " + std::to_string(k) + "\n";
    file->stream() << line;
    expected += line;
  }
  EXPECT_EQ(Read(path), "older");  // not yet
  EXPECT_EQ(Entries(), 2u);        // the older file and the temporary
  const Status status = file->Commit();
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(Read(path), expected);
  EXPECT_EQ(Entries(), 1u);
  EXPECT_FALSE(file->Commit().ok());  // once only
}

TEST_F(FileIoTest, StreamedFileNotCommittedLeavesNothing) {
  const std::string path = (folder_ / "out.tmx").string();
  std::ofstream(path) << "older";
  {
    std::unique_ptr<AtomicOutputFile> file;
    ASSERT_TRUE(AtomicOutputFile::Create(path, &file).ok());
    file->stream() << std::string(200000, 'x');
    EXPECT_TRUE(file->WriteStatus().ok());
  }
  EXPECT_EQ(Read(path), "older");
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(FileIoTest, StreamedFileInAMissingFolderGivesAStatusNamingThePath) {
  const std::string path = (folder_ / "no-such-folder" / "out.tmx").string();
  std::unique_ptr<AtomicOutputFile> file;
  const Status status = AtomicOutputFile::Create(path, &file);
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find(path), std::string::npos) << status.message();
  EXPECT_EQ(file, nullptr);
}

}  // namespace
}  // namespace sextant
