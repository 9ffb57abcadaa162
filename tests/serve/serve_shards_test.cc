// The API over shards: two shards, one local folder and one served by
// xapian-tcpsrv, answer as one; the served shard killed, a search gets 503
// naming it, or with partial results 200 and "missing_shards"; a missing
// local folder is named by its last name only, never by its path.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/index_writer.h"
#include "serve/search_api.h"
#include "tests/index/synthetic_documents.h"
#include "tests/index/tcp_server_process.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<Language> kLanguages = {Language::kEnglish, Language::kFrench};

void WriteSets(const fs::path& folder, std::size_t first, std::size_t count) {
  std::vector<std::unique_ptr<testing::SyntheticSet>> sets;
  std::vector<std::vector<IndexVersion>> batch;
  for (std::size_t set = first; set < first + count; ++set) {
    sets.push_back(std::make_unique<testing::SyntheticSet>(set, kLanguages, 8));
    batch.push_back(sets.back()->Versions());
  }
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder.string(), {}, &writer).ok());
  std::vector<IndexWriter::SetOutcome> outcomes;
  ASSERT_TRUE(writer->AddDocumentSets(batch, &outcomes).ok());
}

std::pair<int, json> Get(SearchApi& api, const std::string& path, std::map<std::string, std::string> params) {
  const ApiResponse response = api.Handle({path, std::move(params)});
  return {response.status, json::parse(response.body, nullptr, false)};
}

class ServeShardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::HaveXapianTcpServer()) {
      GTEST_SKIP() << "xapian-tcpsrv not found (Debian xapian-tools; scripts/install-deps installs it)";
    }
    root_ = fs::temp_directory_path() / ("sextant_serve_shards_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    WriteSets(root_ / "whole", 0, 6);
    WriteSets(root_ / "local", 0, 3);
    WriteSets(root_ / "served", 3, 3);
    server_ = std::make_unique<testing::TcpServerProcess>((root_ / "served").string());
    ASSERT_TRUE(server_->Start());
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(root_);
  }

  IndexShards Shards(bool partial) const {
    IndexShards where;
    where.folders = {(root_ / "local").string()};
    where.remotes = {server_->address()};
    where.partial_results = partial;
    return where;
  }

  fs::path root_;
  std::unique_ptr<testing::TcpServerProcess> server_;
};

TEST_F(ServeShardsTest, ShardsAnswerAsOneAndADownShardIsNamed) {
  std::unique_ptr<SearchApi> whole, strict, partial;
  ASSERT_TRUE(SearchApi::Open((root_ / "whole").string(), &whole).ok());
  ASSERT_TRUE(SearchApi::Open(Shards(false), &strict).ok());
  ASSERT_TRUE(SearchApi::Open(Shards(true), &partial).ok());
  const auto [whole_status, expected] = Get(*whole, "/api/search", {{"q", "committee"}, {"facets", "yes"}});
  ASSERT_EQ(whole_status, 200);
  const auto [status, got] = Get(*strict, "/api/search", {{"q", "committee"}, {"facets", "yes"}});
  ASSERT_EQ(status, 200) << got.dump();
  EXPECT_EQ(got["total"], expected["total"]);
  EXPECT_EQ(got["facets"], expected["facets"]);
  EXPECT_FALSE(got.contains("missing_shards"));
  const auto [document_status, versions] = Get(*strict, "/api/versions", {{"id", "CTOC/COP/WG.4/2030/5"}});
  EXPECT_EQ(document_status, 200) << versions.dump();  // a set of the served shard

  server_->Kill();
  const auto [down_status, down] = Get(*strict, "/api/search", {{"q", "committee"}});
  EXPECT_EQ(down_status, 503) << down.dump();
  EXPECT_NE(down.value("error", "").find("shard " + server_->address() + " does not answer"), std::string::npos)
      << down.dump();
  const auto [partial_status, answer] = Get(*partial, "/api/search", {{"q", "committee"}});
  ASSERT_EQ(partial_status, 200) << answer.dump();
  EXPECT_LT(answer["total"].get<int>(), expected["total"].get<int>());
  ASSERT_TRUE(answer.contains("missing_shards")) << answer.dump();
  EXPECT_EQ(answer["missing_shards"][0].get<std::string>().rfind(server_->address(), 0), 0u);

  ASSERT_TRUE(server_->Start());  // back: the strict API answers whole again
  const auto [again_status, again] = Get(*strict, "/api/search", {{"q", "committee"}, {"facets", "yes"}});
  ASSERT_EQ(again_status, 200) << again.dump();
  EXPECT_EQ(again["total"], expected["total"]);
}

TEST_F(ServeShardsTest, AMissingFolderIsNamedWithoutItsPath) {
  IndexShards where = Shards(true);
  where.folders.push_back((root_ / "nowhere").string());
  std::unique_ptr<SearchApi> api;
  ASSERT_TRUE(SearchApi::Open(where, &api).ok());
  const auto [status, answer] = Get(*api, "/api/search", {{"q", "committee"}});
  ASSERT_EQ(status, 200) << answer.dump();
  ASSERT_EQ(answer["missing_shards"].size(), 1u) << answer.dump();
  const std::string missing = answer["missing_shards"][0];
  EXPECT_EQ(missing.rfind("nowhere (", 0), 0u) << missing;
  EXPECT_EQ(missing.find(root_.string()), std::string::npos) << missing;
}

}  // namespace
}  // namespace sextant
