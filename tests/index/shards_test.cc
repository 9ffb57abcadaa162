// Shards: the same document sets written into one index and dealt into
// three shards (each set whole in one shard), then searched as one, from
// local folders and through xapian-tcpsrv on loopback. Whole result lists
// (every hit, its weight, snippet and aligned text), totals and facets,
// records and documents must equal those of the single index. A remote
// shard killed: a clear error naming it, or with partial results the
// others' answer and the missing shard named; started again: whole again.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <xapian.h>

#include "index/index_searcher.h"
#include "index/index_writer.h"
#include "index/record_reader.h"
#include "tests/index/synthetic_documents.h"
#include "tests/index/tcp_server_process.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSets = 24, kShards = 3;
const std::vector<Language> kLanguages = {Language::kEnglish, Language::kFrench, Language::kSpanish};
const char* const kStates[] = {"Norway", "Chile", "Czech Republic", "Brazil", "Japan"};

// Set `set`, its English version given two recommendation records and a
// session, so that the records' facets are compared too.
std::unique_ptr<testing::SyntheticSet> MakeSet(std::size_t set) {
  auto made = std::make_unique<testing::SyntheticSet>(set, kLanguages, 6 + set % 7);
  Document& english = made->documents[0];
  english.meeting.session = std::to_string(1 + set % 4);
  english.meeting.body = "Working Group on the Universal Periodic Review";
  for (std::size_t k = 0; k < 2; ++k) {
    Recommendation record;
    record.number = std::to_string(90 + set) + "." + std::to_string(k + 1);
    record.text = english.paragraphs[k % english.paragraphs.size()].text;
    record.recommending = {kStates[(set + k) % 5]};
    if (set % 3 == 0) record.recommending.push_back(kStates[(set + k + 2) % 5]);
    record.addressee = kStates[(set + 3) % 5];
    record.response = static_cast<RecommendationResponse>((set + k) % 4);
    record.page = 1;
    english.recommendations.push_back(std::move(record));
  }
  return made;
}

struct Corpus {
  fs::path whole;
  std::vector<fs::path> shards;
};

Corpus* corpus = nullptr;

void WriteSets(const fs::path& folder, const std::vector<std::unique_ptr<testing::SyntheticSet>>& sets) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(folder.string(), {}, &writer).ok());
  std::vector<std::vector<IndexVersion>> batch;
  for (const auto& set : sets) batch.push_back(set->Versions());
  std::vector<IndexWriter::SetOutcome> outcomes;
  const Status written = writer->AddDocumentSets(batch, &outcomes);
  ASSERT_TRUE(written.ok()) << written.ToString();
  for (const auto& outcome : outcomes) ASSERT_TRUE(outcome.status.ok()) << outcome.status.ToString();
}

// A hit as the comparison sees it: what it is, its weight, and all it shows.
using HitKey = std::tuple<double, std::string, std::string, std::string, std::string>;

// The hits in a canonical order: by weight, then by what they are. Xapian
// orders equal weights by document id, and ids differ between one index
// and shards, so ties are compared as sets.
std::vector<HitKey> Canonical(const SearchResult& result) {
  std::vector<HitKey> hits;
  for (const SearchHit& hit : result.hits) {
    std::string parallel;
    for (const auto& [language, text] : hit.parallel) parallel += std::string(Code(language)) + ":" + text + "\n";
    const std::string what = hit.record.empty() ? hit.content_hash + ":" + std::to_string(hit.segment) : hit.record;
    hits.emplace_back(std::round(hit.weight * 1e9) / 1e9, what, hit.snippet, parallel, hit.date);
  }
  std::sort(hits.begin(), hits.end(), [](const HitKey& a, const HitKey& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    return a < b;
  });
  return hits;
}

// Names the first field that differs, hit by hit (a whole list printed by
// EXPECT_EQ would bury it).
void ExpectSameHits(const std::vector<HitKey>& got, const std::vector<HitKey>& expected) {
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(std::get<0>(got[k]), std::get<0>(expected[k])) << "weight of hit " << k;
    EXPECT_EQ(std::get<1>(got[k]), std::get<1>(expected[k])) << "hit " << k;
    EXPECT_EQ(std::get<2>(got[k]), std::get<2>(expected[k])) << "snippet of hit " << k;
    EXPECT_EQ(std::get<3>(got[k]), std::get<3>(expected[k])) << "aligned text of hit " << k;
    EXPECT_EQ(std::get<4>(got[k]), std::get<4>(expected[k])) << "date of hit " << k;
  }
}

struct Query {
  std::string text;
  SearchOptions options;
};

std::vector<Query> Queries() {
  std::vector<Query> queries;
  auto add = [&](std::string text, auto&& adjust) {
    Query query{std::move(text), {}};
    query.options.limit = 1000;  // every hit: whole result lists
    adjust(query.options);
    queries.push_back(std::move(query));
  };
  const auto as_is = [](SearchOptions&) {};
  add("committee", as_is);
  add("trafficking persons", [](SearchOptions& o) { o.show = Language::kFrench; });
  add("symbol:CTOC/COP/WG.4/*", [](SearchOptions& o) { o.sort = SearchSort::kDate; });
  add("resolution OR assembly", [](SearchOptions& o) {
    o.language = Language::kSpanish;
    o.show = Language::kEnglish;
  });
  add("\"working group\" -protocol", as_is);
  add("type:recommendation", as_is);
  add("from:Norway", as_is);
  add("to:Chile response:noted", as_is);
  add("session:2 council", as_is);
  return queries;
}

void ExpectSameAnswers(IndexSearcher& shards, IndexSearcher& whole, const std::string& what) {
  for (const Query& query : Queries()) {
    SCOPED_TRACE(what + ": " + query.text);
    SearchResult expected, got;
    ASSERT_TRUE(whole.Search(query.text, query.options, &expected).ok());
    const Status status = shards.Search(query.text, query.options, &got);
    ASSERT_TRUE(status.ok()) << status.ToString();
    EXPECT_GT(expected.total, 0u);
    EXPECT_EQ(got.total, expected.total);
    EXPECT_EQ(got.exact, expected.exact);
    ExpectSameHits(Canonical(got), Canonical(expected));
    EXPECT_EQ(got.facets.languages, expected.facets.languages);
    EXPECT_EQ(got.facets.years, expected.facets.years);
    EXPECT_EQ(got.facets.series, expected.facets.series);
    EXPECT_EQ(got.facets.recommending, expected.facets.recommending);
    EXPECT_EQ(got.facets.addressees, expected.facets.addressees);
    EXPECT_EQ(got.facets.responses, expected.facets.responses);
    EXPECT_EQ(got.facets.sessions, expected.facets.sessions);
    EXPECT_TRUE(got.missing_shards.empty());
  }
}

class ShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    corpus = new Corpus();
    const fs::path root = fs::temp_directory_path() / ("sextant_shards_test_" + std::to_string(::getpid()));
    fs::remove_all(root);
    corpus->whole = root / "whole";
    std::vector<std::unique_ptr<testing::SyntheticSet>> all;
    std::vector<std::vector<std::unique_ptr<testing::SyntheticSet>>> dealt(kShards);
    for (std::size_t set = 0; set < kSets; ++set) {
      all.push_back(MakeSet(set));
      dealt[set % kShards].push_back(MakeSet(set));
    }
    WriteSets(corpus->whole, all);
    for (std::size_t shard = 0; shard < kShards; ++shard) {
      corpus->shards.push_back(root / ("shard" + std::to_string(shard + 1)));
      WriteSets(corpus->shards.back(), dealt[shard]);
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(corpus->whole.parent_path());
    delete corpus;
    corpus = nullptr;
  }

  void SetUp() override {
    const Status opened = IndexSearcher::Open(corpus->whole.string(), &whole_);
    ASSERT_TRUE(opened.ok()) << opened.ToString();
  }

  static IndexShards LocalShards() {
    IndexShards where;
    for (const fs::path& shard : corpus->shards) where.folders.push_back(shard.string());
    return where;
  }

  std::unique_ptr<IndexSearcher> whole_;
};

TEST_F(ShardsTest, LocalShardsAnswerAsOneIndex) {
  std::unique_ptr<IndexSearcher> shards;
  const Status opened = IndexSearcher::Open(LocalShards(), &shards);
  ASSERT_TRUE(opened.ok()) << opened.ToString();
  EXPECT_EQ(shards->entry_count(), whole_->entry_count());
  EXPECT_EQ(shards->TermChecksum(), whole_->TermChecksum());
  ExpectSameAnswers(*shards, *whole_, "3 local shards");
}

TEST_F(ShardsTest, DocumentsAndAlignmentsReadFromTheirShard) {
  std::unique_ptr<RecordReader> shards, whole;
  ASSERT_TRUE(RecordReader::Open(LocalShards(), &shards).ok());
  ASSERT_TRUE(RecordReader::Open(corpus->whole.string(), &whole).ok());
  for (const std::string symbol : {"CTOC/COP/WG.4/2030/2", "CTOC/COP/WG.4/2030/24"}) {
    RecordAlignment expected, got;
    ASSERT_TRUE(whole->ReadAlignment(symbol, Language::kEnglish, Language::kSpanish, &expected).ok());
    const Status read = shards->ReadAlignment(symbol, Language::kEnglish, Language::kSpanish, &got);
    ASSERT_TRUE(read.ok()) << read.ToString();
    EXPECT_EQ(got.source.versions.size(), 3u) << symbol;
    EXPECT_EQ(got.source.segments.size(), expected.source.segments.size()) << symbol;
    EXPECT_EQ(got.alignment.links.size(), expected.alignment.links.size()) << symbol;
  }
  RecordDocument missing;
  const Status not_found = shards->ReadDocument("A/NOPE/1", Language::kEnglish, &missing);
  EXPECT_EQ(not_found.code(), StatusCode::kNotFound);
  EXPECT_NE(not_found.message().find("3 shards ("), std::string::npos) << not_found.message();
}

TEST_F(ShardsTest, AMissingFolderOrAnotherSchemaIsNamed) {
  IndexShards where = LocalShards();
  where.folders.push_back((corpus->whole.parent_path() / "nowhere").string());
  std::unique_ptr<IndexSearcher> searcher;
  const Status missing = IndexSearcher::Open(where, &searcher);
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_NE(missing.message().find("nowhere"), std::string::npos) << missing.message();
  where.partial_results = true;  // a missing folder is left out when asked
  ASSERT_TRUE(IndexSearcher::Open(where, &searcher).ok());
  SearchResult result;
  ASSERT_TRUE(searcher->Search("committee", {}, &result).ok());
  ASSERT_EQ(result.missing_shards.size(), 1u);
  EXPECT_NE(result.missing_shards[0].find("nowhere"), std::string::npos);

  // A shard of another schema version is refused, partial results or not.
  const fs::path old = corpus->whole.parent_path() / "old-schema";
  fs::copy(corpus->shards[0], old);
  {
    Xapian::WritableDatabase db(old.string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(kMetaSchemaVersion), "2");
    db.commit();
  }
  where = LocalShards();
  where.folders.push_back(old.string());
  where.partial_results = true;
  const Status other_schema = IndexSearcher::Open(where, &searcher);
  EXPECT_EQ(other_schema.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(other_schema.message().find("old-schema has schema version '2'"), std::string::npos)
      << other_schema.message();
}

class RemoteShardsTest : public ShardsTest {
 protected:
  void SetUp() override {
    if (!testing::HaveXapianTcpServer()) {
      GTEST_SKIP() << "xapian-tcpsrv not found (Debian xapian-tools; scripts/install-deps installs it)";
    }
    ShardsTest::SetUp();
    for (const fs::path& shard : corpus->shards) {
      servers_.push_back(std::make_unique<testing::TcpServerProcess>(shard.string()));
      ASSERT_TRUE(servers_.back()->Start()) << "xapian-tcpsrv did not start for " << shard;
    }
  }

  IndexShards Remotes(bool partial) const {
    IndexShards where;
    for (const auto& server : servers_) where.remotes.push_back(server->address());
    where.partial_results = partial;
    return where;
  }

  std::vector<std::unique_ptr<testing::TcpServerProcess>> servers_;
};

TEST_F(RemoteShardsTest, RemoteShardsAnswerAsOneIndex) {
  std::unique_ptr<IndexSearcher> shards;
  const Status opened = IndexSearcher::Open(Remotes(false), &shards);
  ASSERT_TRUE(opened.ok()) << opened.ToString();
  EXPECT_EQ(shards->entry_count(), whole_->entry_count());
  ExpectSameAnswers(*shards, *whole_, "3 remote shards");

  IndexShards mixed = Remotes(false);  // a local folder and two servers
  mixed.remotes.erase(mixed.remotes.begin());
  mixed.folders.push_back(corpus->shards[0].string());
  ASSERT_TRUE(IndexSearcher::Open(mixed, &shards).ok());
  ExpectSameAnswers(*shards, *whole_, "1 local and 2 remote shards");
}

TEST_F(RemoteShardsTest, AShardDownIsNamedOrLeftOutAndComesBack) {
  std::unique_ptr<IndexSearcher> strict, partial;
  ASSERT_TRUE(IndexSearcher::Open(Remotes(false), &strict).ok());
  ASSERT_TRUE(IndexSearcher::Open(Remotes(true), &partial).ok());
  SearchResult all, result;
  ASSERT_TRUE(whole_->Search("committee", {}, &all).ok());
  std::unique_ptr<IndexSearcher> alone;  // what the two others hold
  IndexShards others = LocalShards();
  others.folders.erase(others.folders.begin() + 1);
  ASSERT_TRUE(IndexSearcher::Open(others, &alone).ok());
  SearchResult from_others;
  ASSERT_TRUE(alone->Search("committee", {}, &from_others).ok());
  ASSERT_LT(from_others.total, all.total);

  servers_[1]->Kill();
  const std::string down = servers_[1]->address();
  const Status failed = strict->Search("committee", {}, &result);
  EXPECT_EQ(failed.code(), StatusCode::kUnavailable);
  EXPECT_NE(failed.message().find("shard " + down + " does not answer"), std::string::npos) << failed.message();
  EXPECT_NE(failed.message().find("--partial-results"), std::string::npos) << failed.message();

  const Status answered = partial->Search("committee", {}, &result);  // open before: finds it down, retries
  ASSERT_TRUE(answered.ok()) << answered.ToString();
  EXPECT_EQ(result.total, from_others.total);
  ASSERT_EQ(result.missing_shards.size(), 1u);
  EXPECT_EQ(result.missing_shards[0].rfind(down, 0), 0u) << result.missing_shards[0];

  std::unique_ptr<IndexSearcher> late;  // opened while it is down
  EXPECT_EQ(IndexSearcher::Open(Remotes(false), &late).code(), StatusCode::kUnavailable);
  ASSERT_TRUE(IndexSearcher::Open(Remotes(true), &late).ok());
  ASSERT_TRUE(late->Search("committee", {}, &result).ok());
  EXPECT_EQ(result.total, from_others.total);
  EXPECT_EQ(result.missing_shards.size(), 1u);

  ASSERT_TRUE(servers_[1]->Start()) << "xapian-tcpsrv did not start again on " << down;
  const Status reopened = strict->Reopen();  // reconnects the lost shard
  ASSERT_TRUE(reopened.ok()) << reopened.ToString();
  ASSERT_TRUE(strict->Search("committee", {}, &result).ok());
  EXPECT_EQ(result.total, all.total);
  EXPECT_TRUE(result.missing_shards.empty());
}

}  // namespace
}  // namespace sextant
