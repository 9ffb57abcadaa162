// `sextant serve` against a real server on loopback: the six fixture PDFs
// (one document in six languages) and a hostile document (markup and a
// <script> in its text) are indexed into a temporary folder; an HttpServer
// on a free port serves them; an httplib client calls every endpoint and
// every error, and checks that no document text reaches the page unescaped.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "index/index_writer.h"
#include "pipeline/content_hash.h"
#include "pipeline/runner.h"
#include "serve/http_server.h"
#include "serve/search_api.h"
#include "stages/align/document_aligner.h"
#include "stages/standard_stages.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

using nlohmann::json;

constexpr const char* kHostile = "<script>window.__sextant_xss=1</script><img src=x onerror=alert(1)> & \"quoted\" trafficking";

std::string FileHash(const std::string& path) { return HashFile(path).value(); }

// Percent-encodes every byte outside unreserved ASCII.
std::string Encode(std::string_view text) {
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// A copy of the English fixture under another symbol, whose first
// paragraph is kHostile.
Document HostileDocument(const Document& english) {
  Document hostile = english;
  hostile.path = "/hostile/<b>x.pdf";
  hostile.furniture.symbol = "XSS/TEST/1";
  Paragraph& first = hostile.paragraphs.front();
  first.text = kHostile;
  first.segments = {{0, first.text.size()}};
  first.tags.clear();
  return hostile;
}

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = std::filesystem::temp_directory_path() / ("sextant_serve_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder_);
    const Runner runner(ExtractionStages());
    std::vector<Document> documents;
    std::vector<std::string> hashes;
    for (const char* code : {"en", "ar", "zh", "fr", "ru", "es"}) {
      const std::string path = (testing::SourceDir() / "corpora/pdf" / (std::string(code) + ".pdf")).string();
      DocumentResult result = runner.RunOne(path);
      ASSERT_TRUE(result.status.ok()) << result.status.ToString();
      documents.push_back(std::move(result.document));
      hashes.push_back(FileHash(path));
    }
    const AlignableText pivot = AlignableFromDocument(documents[0]);
    std::vector<DocumentAlignment>& alignments = alignments_;
    alignments.reserve(documents.size());
    std::vector<IndexVersion> versions{{&documents[0], hashes[0], nullptr}};
    for (std::size_t k = 1; k < documents.size(); ++k) {
      alignments.push_back(AlignDocuments(pivot, AlignableFromDocument(documents[k])));
      versions.push_back({&documents[k], hashes[k], &alignments.back()});
    }
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(folder_.string(), {}, &writer).ok());
    AddCounts counts;
    ASSERT_TRUE(writer->AddDocumentSet(versions, &counts).ok());
    const Document hostile = HostileDocument(documents[0]);
    ASSERT_TRUE(writer->AddDocumentSet({{&hostile, "00hostile00", nullptr}}, &counts).ok());
    writer.reset();  // release the lock: the server only reads

    ASSERT_TRUE(SearchApi::Open(folder_.string(), &api_).ok());
    server_ = new HttpServer(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 4});
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = new std::thread([] { server_->Listen(); });
  }

  static void TearDownTestSuite() {
    if (server_) server_->Stop();
    if (thread_) thread_->join();
    delete thread_;
    delete server_;
    api_.reset();
    std::filesystem::remove_all(folder_);
  }

  // GET `path`; the status and the body parsed as JSON (null when not JSON).
  static std::pair<int, json> GetJson(const std::string& path) {
    httplib::Client client("127.0.0.1", server_->port());
    const auto response = client.Get(path);
    if (!response) return {0, json()};
    return {response->status, json::parse(response->body, nullptr, false)};
  }

  static httplib::Result Get(const std::string& path) {
    httplib::Client client("127.0.0.1", server_->port());
    return client.Get(path);
  }

  static inline std::vector<DocumentAlignment> alignments_;  // en → ar zh fr ru es
  static inline std::filesystem::path folder_;
  static inline std::unique_ptr<SearchApi> api_;
  static inline HttpServer* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
};

TEST_F(ServeTest, ChineseSearchShowsTheEnglishBeside) {
  const auto [status, body] = GetJson("/api/search?q=" + Encode("会议开幕") + "&show=en");
  ASSERT_EQ(status, 200) << body.dump();
  ASSERT_GE(body["total"].get<int>(), 1);
  const json& hit = body["hits"][0];
  EXPECT_EQ(hit["language"], "zh");
  EXPECT_EQ(hit["symbol"], "CTOC/COP/WG.4/2022/1");
  EXPECT_EQ(hit["agenda_item"], "1(a)");
  EXPECT_NE(hit["snippet_html"].get<std::string>().find("<mark>会议开幕</mark>"), std::string::npos) << hit.dump();
  EXPECT_NE(hit["parallel"]["en"].get<std::string>().find("Opening of the meeting"), std::string::npos) << hit.dump();
  EXPECT_EQ(body["facets"]["language"]["zh"], body["total"]);
}

TEST_F(ServeTest, FiltersSortAndPaging) {
  auto [status, body] = GetJson("/api/search?q=meeting&lang=en&symbol=CTOC/COP/WG.4/*&sort=date&limit=2&offset=1");
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["limit"], 2);
  EXPECT_EQ(body["offset"], 1);
  EXPECT_LE(body["hits"].size(), 2u);
  for (const json& hit : body["hits"]) EXPECT_EQ(hit["language"], "en");
  std::tie(status, body) = GetJson("/api/search?item=1(a)&lang=fr");
  ASSERT_EQ(status, 200) << body.dump();
  ASSERT_GE(body["hits"].size(), 1u);
  for (const json& hit : body["hits"]) EXPECT_EQ(hit["agenda_item"], "1(a)");
  std::tie(status, body) = GetJson("/api/search?cited=CTOC/COP/WG.4/2022/2&lang=es");
  ASSERT_EQ(status, 200);
  EXPECT_GE(body["total"].get<int>(), 1);
  std::tie(status, body) = GetJson("/api/search?q=meeting&from=2030&to=2031");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["total"], 0);
}

TEST_F(ServeTest, BadParametersGet400WithAReason) {
  const std::pair<std::string, std::string> cases[] = {
      {"/api/search", "q is empty"},
      {"/api/search?q=x&lang=de", "lang takes one of"},
      {"/api/search?q=x&show=xx", "show takes one of"},
      {"/api/search?q=x&limit=0", "limit takes a whole number from 1 to 100"},
      {"/api/search?q=x&limit=101", "limit takes"},
      {"/api/search?q=x&offset=-1", "offset takes"},
      {"/api/search?q=x&sort=size", "sort takes relevance or date"},
      {"/api/search?q=x&from=June", "from takes a date written 2022, 2022-06 or 2022-06-27, not 'June'"},
      {"/api/search?q=x&from=2022-13-45", "not '2022-13-45'"},
      {"/api/search?q=x&to=2023-02-29", "to takes a date"},
      {"/api/search?q=x&from=2023&to=2022", "from (2023) is after to (2022)"},
      {"/api/search?q=x&symbol=A%20B", "symbol takes one value"},
      {"/api/search?q=x&recommendation=maybe", "recommendation takes yes"},
      {"/api/search?q=" + std::string(501, 'a'), "the limit is 500"},
      {"/api/document?lang=en", "id is missing"},
      {"/api/document?id=CTOC/COP/WG.4/2022/1", "lang is missing"},
      {"/api/alignment?id=CTOC/COP/WG.4/2022/1&source=zh", "source and target are needed"},
      {"/api/alignment?id=CTOC/COP/WG.4/2022/1&source=en&target=en", "both en"},
  };
  for (const auto& [path, reason] : cases) {
    const auto [status, body] = GetJson(path);
    EXPECT_EQ(status, 400) << path;
    EXPECT_NE(body.value("error", "").find(reason), std::string::npos) << path << " → " << body.dump();
  }
}

TEST_F(ServeTest, UnknownThingsGet404) {
  for (const std::string path : {"/api/document?id=A/RES/99/999&lang=en", "/api/document?id=XSS/TEST/1&lang=zh",
                                 "/api/alignment?id=A/RES/99/999&source=en&target=fr", "/api/nothing"}) {
    const auto [status, body] = GetJson(path);
    EXPECT_EQ(status, 404) << path;
    EXPECT_TRUE(body.contains("error")) << path;
  }
  const auto page = Get("/no/such/page");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 404);
}

TEST_F(ServeTest, VersionsListsTheSixLanguages) {
  auto [status, body] = GetJson("/api/versions?id=CTOC/COP/WG.4/2022/1");
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["symbol"], "CTOC/COP/WG.4/2022/1");
  std::vector<std::string> languages;
  for (const json& version : body["versions"]) languages.push_back(version["language"]);
  EXPECT_EQ(languages, (std::vector<std::string>{"ar", "zh", "en", "fr", "ru", "es"}));
  std::tie(status, body) = GetJson("/api/versions?id=A/RES/99/999");
  EXPECT_EQ(status, 404);
  std::tie(status, body) = GetJson("/api/versions");
  EXPECT_EQ(status, 400);
}

TEST_F(ServeTest, DocumentHasItsAgendaAndParagraphs) {
  const auto [status, body] = GetJson("/api/document?id=CTOC/COP/WG.4/2022/1&lang=ru");
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["language"], "ru");
  EXPECT_EQ(body["versions"].size(), 6u);
  EXPECT_EQ(body["agenda"], json::parse(R"j(["1","1(a)","1(b)","2","3","4"])j"));
  ASSERT_GE(body["paragraphs"].size(), 10u);
  std::size_t expected = 0;
  for (const json& paragraph : body["paragraphs"]) {
    for (const json& segment : paragraph["segments"]) EXPECT_EQ(segment["index"], expected++);
  }
}

TEST_F(ServeTest, AlignmentLinksEveryUnitOnceInOrder) {
  // fr–zh: neither is the pivot, the links compose through English.
  const auto [status, body] = GetJson("/api/alignment?id=CTOC/COP/WG.4/2022/1&source=fr&target=zh");
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["languages"], json::parse(R"(["fr","zh"])"));
  std::size_t source = 0, target = 0, both = 0;
  for (const json& link : body["links"]) {
    for (const json& k : link["source"]) EXPECT_EQ(k, source++);
    for (const json& k : link["target"]) EXPECT_EQ(k, target++);
    both += !link["source"].empty() && !link["target"].empty();
  }
  EXPECT_GE(both * 10, body["links"].size() * 9) << "most links have both sides";
  const auto [doc_status, zh] = GetJson("/api/document?id=CTOC/COP/WG.4/2022/1&lang=zh");
  std::size_t zh_segments = 0;
  for (const json& paragraph : zh["paragraphs"]) zh_segments += paragraph["segments"].size();
  EXPECT_EQ(target, zh_segments);
}

TEST_F(ServeTest, AlignmentWithThePivotKeepsTheAlignersLinksAndScores) {
  const auto [status, body] = GetJson("/api/alignment?id=CTOC/COP/WG.4/2022/1&source=en&target=fr");
  ASSERT_EQ(status, 200) << body.dump();
  const Alignment& written = alignments_[2].sentences;  // en → fr
  ASSERT_EQ(body["links"].size(), written.links.size());
  for (std::size_t k = 0; k < written.links.size(); ++k) {
    const json& link = body["links"][k];
    EXPECT_EQ(link["source"].get<std::vector<std::size_t>>(), written.links[k].source) << k;
    EXPECT_EQ(link["target"].get<std::vector<std::size_t>>(), written.links[k].target) << k;
    const double expected = written.links[k].source.empty() || written.links[k].target.empty() ? 0 : written.links[k].score;
    EXPECT_NEAR(link["score"].get<double>(), expected, 0.0006) << k;
  }
  EXPECT_TRUE(body["weak_regions"].is_array());
}

TEST_F(ServeTest, TmxIsADownloadWithTheSymbol) {
  const auto response = Get("/api/alignment.tmx?id=CTOC/COP/WG.4/2022/1&source=zh&target=en");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Disposition"),
            "attachment; filename=\"CTOC_COP_WG.4_2022_1_zh_en.tmx\"");
  EXPECT_NE(response->body.find("<prop type=\"x-document-symbol\">CTOC/COP/WG.4/2022/1</prop>"), std::string::npos);
  EXPECT_NE(response->body.find("<tuv xml:lang=\"zh\">"), std::string::npos);
}

TEST_F(ServeTest, HostileTextIsEscaped) {
  const auto [status, body] = GetJson("/api/search?q=onerror+quoted&symbol=XSS/TEST/1");
  ASSERT_EQ(status, 200) << body.dump();
  ASSERT_GE(body["hits"].size(), 1u);
  const json& hit = body["hits"][0];
  const std::string html = hit["snippet_html"];
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("<mark>quoted</mark>"), std::string::npos) << html;
  EXPECT_EQ(hit["text"], kHostile);  // the JSON text is the text itself
  const auto [doc_status, document] = GetJson("/api/document?id=XSS/TEST/1&lang=en");
  ASSERT_EQ(doc_status, 200);
  EXPECT_EQ(document["file"], "<b>x.pdf");  // a file name, never a server path
}

TEST_F(ServeTest, PageIsServedWithAStrictPolicyAndWritesAreRefused) {
  const auto page = Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<script src=\"/app.js\""), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  for (const char* asset : {"/app.js", "/style.css"}) {
    const auto file = Get(asset);
    ASSERT_TRUE(file);
    EXPECT_EQ(file->status, 200) << asset;
  }
  httplib::Client client("127.0.0.1", server_->port());
  const auto post = client.Post("/api/search", "q=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
}

TEST_F(ServeTest, ManyRequestsAtOnce) {
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&ok] {
      for (int k = 0; k < 10; ++k) ok += GetJson("/api/search?q=meeting&show=zh").first == 200;
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(ok.load(), 80);
}

}  // namespace
}  // namespace sextant
