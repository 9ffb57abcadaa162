// WriteFileAtomically: a whole file or none, an older file replaced whole,
// no temporary left behind, errors that name the path.
#include "pipeline/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sextant {
namespace {

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("sextant_atomic_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
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

TEST_F(AtomicFileTest, ReplacesAnOlderFileWholeAndLeavesNoTemporary) {
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

TEST_F(AtomicFileTest, MissingFolderGivesAStatusNamingThePath) {
  const std::string path = (folder_ / "no-such-folder" / "out.json").string();
  const Status status = WriteFileAtomically(path, "x");
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find(path), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("check the folder exists"), std::string::npos) << status.message();
  EXPECT_FALSE(std::filesystem::exists(folder_ / "no-such-folder"));
}

TEST_F(AtomicFileTest, FolderInTheWayGivesAStatusAndLeavesNoTemporary) {
  const std::filesystem::path in_the_way = folder_ / "out.tmx";
  std::filesystem::create_directories(in_the_way / "child");
  const Status status = WriteFileAtomically(in_the_way.string(), "x");
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find(in_the_way.string()), std::string::npos) << status.message();
  EXPECT_EQ(Entries(), 1u);  // only the folder itself
}

TEST_F(AtomicFileTest, EmptyPathIsRefused) {
  EXPECT_EQ(WriteFileAtomically("", "x").code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sextant
