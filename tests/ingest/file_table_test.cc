// FileTable: files added in any order come out numbered in path order, a
// path added twice is one file (its first hash kept), and lookups find
// exactly the paths held.
#include "ingest/file_table.h"

#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sextant {
namespace {

ContentHash HashOf(const std::string& text) {
  ContentHash hash;
  hash.Add(text);
  return hash;
}

struct TableCase {
  const char* name;
  std::vector<std::string> added;       // in order; each hashed as "hash of <path>#<position>"
  std::vector<std::string> numbered;    // the table's paths by Id
  std::vector<std::size_t> hash_from;   // per Id: the position in `added` whose hash it keeps
  std::vector<std::string> not_held;    // Find() gives nullopt
};

class FileTableTest : public ::testing::TestWithParam<TableCase> {};

TEST_P(FileTableTest, NumbersInPathOrderAndFindsWhatItHolds) {
  const TableCase& c = GetParam();
  FileTable table;
  for (std::size_t k = 0; k < c.added.size(); ++k) table.Add(c.added[k], HashOf(c.added[k] + "#" + std::to_string(k)));
  table.Seal();
  ASSERT_EQ(table.size(), c.numbered.size());
  for (FileTable::Id id = 0; id < table.size(); ++id) {
    EXPECT_EQ(table.Path(id), c.numbered[id]) << id;
    EXPECT_EQ(table.Find(c.numbered[id]), id) << c.numbered[id];
    EXPECT_EQ(table.IdOf(c.numbered[id]), id) << c.numbered[id];
    const std::size_t from = c.hash_from[id];
    EXPECT_EQ(table.Hash(id).Hex(), HashOf(c.added[from] + "#" + std::to_string(from)).Hex()) << c.numbered[id];
  }
  for (const std::string& path : c.not_held) {
    EXPECT_EQ(table.Find(path), std::nullopt) << path;
    EXPECT_THROW(table.IdOf(path), std::out_of_range) << path;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FileTableTest,
    ::testing::Values(
        TableCase{"Empty", {}, {}, {}, {"a.pdf", ""}},
        TableCase{"OneFile", {"/c/a.pdf"}, {"/c/a.pdf"}, {0}, {"/c/a", "/c/a.pdf ", "/c/b.pdf", ""}},
        TableCase{"SortedByPath",
                  {"/c/z-en.pdf", "/c/a-fr.pdf", "/c/m/x.pdf", "/c/a-en.pdf"},
                  {"/c/a-en.pdf", "/c/a-fr.pdf", "/c/m/x.pdf", "/c/z-en.pdf"},
                  {3, 1, 2, 0},
                  {"/c/a-es.pdf", "/c/", "/c/zz.pdf", "/a.pdf"}},
        TableCase{"APathAddedTwiceIsOneFileWithItsFirstHash",
                  {"/c/b.pdf", "/c/a.pdf", "/c/b.pdf", "/c/a.pdf", "/c/b.pdf"},
                  {"/c/a.pdf", "/c/b.pdf"},
                  {1, 0},
                  {"/c/c.pdf"}},
        TableCase{"PrefixesAndNonAscii",
                  {"/c/ab.pdf", "/c/a.pdf", "/c/Доклад.pdf", "/c/报告.pdf", "/c/a.pdf.pdf"},
                  {"/c/a.pdf", "/c/a.pdf.pdf", "/c/ab.pdf", "/c/Доклад.pdf", "/c/报告.pdf"},
                  {1, 4, 0, 2, 3},
                  {"/c/a.pd", "/c/Доклад", "/c/报"}}),
    [](const ::testing::TestParamInfo<TableCase>& info) { return std::string(info.param.name); });

TEST(FileTableSealTest, NothingIsFoundBeforeSealAndNothingIsAddedAfter) {
  FileTable table;
  table.Add("/c/a.pdf", HashOf("a"));
  EXPECT_EQ(table.Find("/c/a.pdf"), std::nullopt);
  table.Seal();
  EXPECT_EQ(table.Find("/c/a.pdf"), FileTable::Id{0});
  EXPECT_THROW(table.Add("/c/b.pdf", HashOf("b")), std::logic_error);
}

}  // namespace
}  // namespace sextant
