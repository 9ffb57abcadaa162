// ContentHash: FNV-1a 64 against its published test vectors, in pieces and
// whole, and over a file.
#include "pipeline/content_hash.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace sextant {
namespace {

TEST(ContentHashTest, PublishedVectors) {
  // From the FNV reference (isthe.com/chongo/tech/comp/fnv): FNV-1a 64.
  const struct {
    const char* text;
    const char* hex;
  } cases[] = {
      {"", "cbf29ce484222325"},
      {"a", "af63dc4c8601ec8c"},
      {"foobar", "85944171f73967e8"},
  };
  for (const auto& c : cases) EXPECT_EQ(HashBytes(c.text), c.hex) << '"' << c.text << '"';
}

TEST(ContentHashTest, PiecesGiveTheHashOfTheWhole) {
  ContentHash hash;
  hash.Add("foo");
  hash.Add("");
  hash.Add("bar");
  EXPECT_EQ(hash.Hex(), HashBytes("foobar"));
}

TEST(ContentHashTest, FileHashIsTheHashOfItsBytes) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "sextant_content_hash_test.bin";
  std::string bytes(200000, '\0');
  for (std::size_t k = 0; k < bytes.size(); ++k) bytes[k] = static_cast<char>(k * 7919 % 251);
  std::ofstream(path, std::ios::binary) << bytes;
  const std::optional<ContentHash> hash = HashFile(path.string());
  ASSERT_TRUE(hash.has_value());
  EXPECT_EQ(hash->Hex(), HashBytes(bytes));  // more than one 64 KiB read
  std::filesystem::remove(path);
  EXPECT_FALSE(HashFile(path.string()).has_value());
}

}  // namespace
}  // namespace sextant
