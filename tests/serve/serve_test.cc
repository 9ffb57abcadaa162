// `sextant serve` against a real server on loopback: the six fixture PDFs
// (one document in six languages) and a hostile document (markup and a
// <script> in its text) are indexed into a temporary folder; an HttpServer
// on a free port serves them; an httplib client calls every endpoint and
// every error, and checks that no document text reaches the page unescaped.
// Documents and alignments come in pages. Raw sockets play slow and hostile
// clients (a head sent a line at a time, idle connections, a huge header or
// URL, a NUL, more connections than the cap) against servers with short
// timeouts: normal requests are still answered at once, bad ones refused at
// once. Each test takes well under a second or two.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
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

// A copy of the English fixture as a review report of Afghanistan, with
// the meeting facts and the records `texts` (numbers 97.1, 97.2, …, noted;
// the first by Canada, the others by Sweden and Norway).
Document ReviewDocument(const Document& english, const std::string& symbol, const std::string& session,
                        const std::string& date, const std::vector<std::string>& texts) {
  Document review = english;
  review.path = "/reports/" + symbol.substr(symbol.rfind('/') + 1) + ".pdf";
  review.furniture.symbol = symbol;
  review.meeting.body = "Working Group on the Universal Periodic Review";
  review.meeting.session = session;
  review.meeting.dates = {date};
  review.meeting.subject = "Afghanistan";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Recommendation record;
    record.number = "97." + std::to_string(i + 1);
    record.text = texts[i];
    record.recommending = i == 0 ? std::vector<std::string>{"Canada"} : std::vector<std::string>{"Sweden", "Norway"};
    record.addressee = "Afghanistan";
    record.response = RecommendationResponse::kNoted;
    record.page = 24;
    review.recommendations.push_back(std::move(record));
  }
  return review;
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
    const Document first_review = ReviewDocument(documents[0], "A/HRC/12/9", "5", "2009-05-07",
                                                 {"Reinstate a moratorium on the use of the death penalty",
                                                  "Ratify the Convention against Torture"});
    const Document second_review = ReviewDocument(documents[0], "A/HRC/26/4", "18", "2014-01-27",
                                                  {"Re-establish a moratorium on the use of the death penalty"});
    ASSERT_TRUE(writer->AddDocumentSet({{&first_review, "00review2009", nullptr}}, &counts).ok());
    ASSERT_TRUE(writer->AddDocumentSet({{&second_review, "00review2014", nullptr}}, &counts).ok());
    writer.reset();  // release the lock: the server only reads
    // A stored lexicon, as ingest keeps one, for the marks of the translation.
    std::filesystem::create_directories(folder_ / "lexicon");
    std::ofstream(folder_ / "lexicon" / "zh-en.lexicon") << "# sextant lexicon zh en\n会议\tmeeting\n开幕\topening\n";

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

// Issue 16: the words of the translation that render the query's, by the
// index's stored lexicon; byte offsets into parallel.en.
TEST_F(ServeTest, TheTranslationOfTheQueryIsMarked) {
  const auto [status, body] = GetJson("/api/search?q=" + Encode("会议开幕") + "&show=en&lang=zh");
  ASSERT_EQ(status, 200) << body.dump();
  bool marked = false;
  for (const json& hit : body["hits"]) {
    const std::string english = hit["parallel"]["en"].get<std::string>();
    ASSERT_TRUE(hit["parallel_marks"]["en"].is_array()) << hit.dump();
    ASSERT_FALSE(hit["marks"].empty()) << hit.dump();
    for (const json& span : hit["parallel_marks"]["en"]) {
      const std::size_t begin = span[0], end = span[1];
      ASSERT_LE(end, english.size());
      const std::string text = english.substr(begin, end - begin);
      EXPECT_TRUE(text == "Opening of the meeting" || text == "meeting" || text == "Opening" || text == "opening")
          << text << " in " << english;
      marked = marked || text == "Opening of the meeting";
    }
  }
  EXPECT_TRUE(marked) << body.dump();
  // marks=no: the same hits, nothing marked.
  const auto [plain_status, plain] = GetJson("/api/search?q=" + Encode("会议开幕") + "&show=en&lang=zh&marks=no");
  ASSERT_EQ(plain_status, 200);
  for (const json& hit : plain["hits"]) EXPECT_TRUE(hit["parallel_marks"]["en"].empty()) << hit.dump();
  // Without show there is no translation to mark.
  const auto [bare_status, bare] = GetJson("/api/search?q=" + Encode("会议开幕"));
  ASSERT_EQ(bare_status, 200);
  EXPECT_FALSE(bare["hits"][0].contains("parallel_marks"));
}

TEST_F(ServeTest, TermRenderingsAreCountedInTheAlignedText) {
  const auto [status, body] = GetJson("/api/terms?q=meeting&lang=en&show=zh");
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_GE(body["passages"].get<int>(), 1);
  const json* found = nullptr;
  for (const json& rendering : body["renderings"]) {
    if (rendering["text"] == "会议") found = &rendering;
  }
  ASSERT_NE(found, nullptr) << body.dump();
  EXPECT_GE((*found)["count"].get<int>(), (*found)["found"].get<int>());
  EXPECT_EQ((*found)["first_year"], "2022");
  EXPECT_EQ((*found)["bodies"]["CTOC/COP/WG.4"], (*found)["count"]);
  ASSERT_FALSE((*found)["examples"].empty());
  const json& example = (*found)["examples"][0];
  const std::string parallel = example["parallel"];
  const std::size_t begin = example["parallel_marks"][0][0], end = example["parallel_marks"][0][1];
  EXPECT_EQ(parallel.substr(begin, end - begin), "会议");
  for (const std::string path : {"/api/terms?lang=en&show=zh", "/api/terms?q=meeting&show=zh",
                                 "/api/terms?q=meeting&lang=en&show=en", "/api/terms?q=meeting&lang=en&show=zh&examples=99"}) {
    EXPECT_EQ(GetJson(path).first, 400) << path;
  }
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

TEST_F(ServeTest, RecommendationsAreFilteredAndCounted) {
  const auto [status, body] = GetJson("/api/recommendations?addressee=Afghanistan&response=noted");
  ASSERT_EQ(status, 200) << body.dump();
  ASSERT_EQ(body["total"], 3);
  EXPECT_EQ(body["records"][0]["symbol"], "A/HRC/12/9");  // by meeting date, oldest first
  EXPECT_EQ(body["records"][0]["file"], "9.pdf");         // the file's name, never the server's path
  EXPECT_EQ(body["records"][2]["id"], "A/HRC/26/4#97.1");
  EXPECT_EQ(body["records"][2]["session"], "18");
  EXPECT_EQ(body["counts"]["recommending"]["Canada"], 2);
  EXPECT_EQ(body["counts"]["recommending"]["Norway"], 1);  // a record made by two States counts for each
  EXPECT_EQ(body["counts"]["recommending"]["Sweden"], 1);
  EXPECT_EQ(body["counts"]["session"]["5"], 2);
  EXPECT_EQ(body["counts"]["response"]["noted"], 3);

  const auto [by_state_status, by_state] = GetJson("/api/recommendations?recommending=Sweden");
  ASSERT_EQ(by_state_status, 200);
  ASSERT_EQ(by_state["total"], 1);
  EXPECT_EQ(by_state["records"][0]["recommending"], (json{"Sweden", "Norway"}));

  const auto [words_status, words] = GetJson("/api/recommendations?q=moratorium&session=5");
  ASSERT_EQ(words_status, 200);
  ASSERT_EQ(words["total"], 1);
  EXPECT_NE(words["records"][0]["snippet_html"].get<std::string>().find("<mark>moratorium</mark>"), std::string::npos);

  const auto csv = Get("/api/recommendations?addressee=afghanistan&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("recommendations.csv"), std::string::npos);
  EXPECT_EQ(csv->body.rfind("id,number,text,recommending,addressee,response,", 0), 0u);
  EXPECT_NE(csv->body.find("A/HRC/26/4#97.1,97.1,Re-establish a moratorium on the use of the death penalty,Canada,Afghanistan,noted"),
            std::string::npos);
}

TEST_F(ServeTest, HistoryThreadsTheSameRecommendationOverSessions) {
  const auto [status, body] = GetJson("/api/history?q=moratorium&addressee=Afghanistan");
  ASSERT_EQ(status, 200) << body.dump();
  ASSERT_EQ(body["total"], 1);
  const json& thread = body["threads"][0];
  ASSERT_EQ(thread["items"].size(), 2u);
  EXPECT_EQ(thread["items"][0]["id"], "A/HRC/12/9#97.1");
  EXPECT_EQ(thread["items"][1]["id"], "A/HRC/26/4#97.1");
  EXPECT_EQ(thread["items"][1]["meeting_dates"][0], "2014-01-27");
  ASSERT_EQ(thread["changes"].size(), 1u);
  EXPECT_EQ(thread["changes"][0]["words"][0], (json{{"op", "removed"}, {"text", "Reinstate"}}));
  EXPECT_EQ(thread["changes"][0]["words"][1], (json{{"op", "added"}, {"text", "Re-establish"}}));
}

TEST_F(ServeTest, BadRecommendationParametersGet400) {
  for (const std::string path : {"/api/recommendations?response=maybe", "/api/recommendations?format=xml",
                                 "/api/recommendations?addressee=%22x", "/api/recommendations?lang=xx",
                                 "/api/history?limit=0", "/api/recommendations?limit=101"}) {
    const auto [status, body] = GetJson(path);
    EXPECT_EQ(status, 400) << path << ": " << body.dump();
    EXPECT_TRUE(body.contains("error")) << path;
  }
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


// ---- pages of a document and of an alignment ----

TEST_F(ServeTest, DocumentComesInPages) {
  const std::string base = "/api/document?id=CTOC/COP/WG.4/2022/1&lang=en";
  const auto [status, whole] = GetJson(base + "&limit=1000");
  ASSERT_EQ(status, 200) << whole.dump();
  const std::size_t total = whole["total"];
  ASSERT_GE(total, 10u);
  EXPECT_EQ(whole["paragraphs"].size(), total);
  EXPECT_EQ(whole["offset"], 0);
  EXPECT_EQ(whole["limit"], 1000);
  EXPECT_TRUE(whole["next_offset"].is_null());
  EXPECT_EQ(GetJson(base).second["limit"], kPageDefault);
  // Pages of 3, followed by next_offset, give the whole document.
  json paragraphs = json::array();
  json next = 0;
  int pages = 0;
  while (!next.is_null() && pages++ < 100) {
    const auto [page_status, page] = GetJson(base + "&limit=3&offset=" + std::to_string(next.get<std::size_t>()));
    ASSERT_EQ(page_status, 200) << page.dump();
    EXPECT_EQ(page["total"], total);
    EXPECT_EQ(page["offset"], next);
    EXPECT_LE(page["paragraphs"].size(), 3u);
    EXPECT_EQ(page["agenda"], whole["agenda"]);
    for (const json& paragraph : page["paragraphs"]) paragraphs.push_back(paragraph);
    next = page["next_offset"];
  }
  EXPECT_EQ(paragraphs, whole["paragraphs"]);
  EXPECT_EQ(pages, static_cast<int>((total + 2) / 3));
  // The end itself is an empty last page; past it is an error.
  const auto [end_status, end] = GetJson(base + "&offset=" + std::to_string(total));
  EXPECT_EQ(end_status, 200);
  EXPECT_TRUE(end["paragraphs"].empty());
  EXPECT_TRUE(end["next_offset"].is_null());
  const auto [past_status, past] = GetJson(base + "&offset=" + std::to_string(total + 1));
  EXPECT_EQ(past_status, 400);
  EXPECT_EQ(past.value("error", ""), "offset " + std::to_string(total + 1) + " is past the end: there are " +
                                         std::to_string(total) + " paragraphs");
}

TEST_F(ServeTest, AlignmentComesInPages) {
  const std::string base = "/api/alignment?id=CTOC/COP/WG.4/2022/1&source=zh&target=en";
  const auto [status, whole] = GetJson(base);
  ASSERT_EQ(status, 200) << whole.dump();
  const std::size_t total = whole["total"];
  ASSERT_GE(total, 10u);
  ASSERT_EQ(whole["links"].size(), total);
  EXPECT_TRUE(whole["next_offset"].is_null());
  json links = json::array();
  json next = 0;
  int pages = 0;
  while (!next.is_null() && pages++ < 100) {
    const auto [page_status, page] = GetJson(base + "&limit=4&offset=" + std::to_string(next.get<std::size_t>()));
    ASSERT_EQ(page_status, 200) << page.dump();
    EXPECT_EQ(page["total"], total);
    EXPECT_EQ(page["weak_regions"], whole["weak_regions"]) << "every page has all the weak regions";
    EXPECT_EQ(page["languages"], whole["languages"]);
    for (const json& link : page["links"]) links.push_back(link);
    next = page["next_offset"];
  }
  EXPECT_EQ(links, whole["links"]) << "the pages' links, in order, are the whole alignment's";
  const auto [past_status, past] = GetJson(base + "&offset=" + std::to_string(total + 1));
  EXPECT_EQ(past_status, 400);
  EXPECT_NE(past.value("error", "").find("is past the end: there are " + std::to_string(total) + " links"),
            std::string::npos)
      << past.dump();
}

TEST_F(ServeTest, BadPageParametersGet400) {
  for (const std::string endpoint : {"/api/document?id=CTOC/COP/WG.4/2022/1&lang=en",
                                     "/api/alignment?id=CTOC/COP/WG.4/2022/1&source=zh&target=en"}) {
    const std::pair<std::string, std::string> cases[] = {
        {"&limit=0", "limit takes a whole number from 1 to 1000, not '0'"},
        {"&limit=1001", "limit takes a whole number from 1 to 1000, not '1001'"},
        {"&limit=ten", "limit takes a whole number from 1 to 1000, not 'ten'"},
        {"&offset=-1", "offset takes a whole number from 0 to 1000000, not '-1'"},
        {"&offset=1000001", "offset takes a whole number from 0 to 1000000, not '1000001'"},
        {"&offset=2x", "offset takes a whole number from 0 to 1000000, not '2x'"},
    };
    for (const auto& [query, message] : cases) {
      const auto [status, body] = GetJson(endpoint + query);
      EXPECT_EQ(status, 400) << endpoint + query;
      EXPECT_EQ(body.value("error", ""), message) << endpoint + query;
    }
  }
}

// ---- slow, idle and hostile clients ----

using Clock = std::chrono::steady_clock;

long MillisecondsSince(Clock::time_point start) {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

// A client socket connected to 127.0.0.1:port, or -1.
int Connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Sends all of `data`; stops quietly when the server has closed.
void SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

struct Received {
  std::string data;
  bool closed = false;  // the server closed the connection (EOF or reset)
};

// What the server sends until it closes the connection or `wait` passes.
Received ReadUntilClosed(int fd, std::chrono::milliseconds wait) {
  Received received;
  const Clock::time_point deadline = Clock::now() + wait;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd ready{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&ready, 1, static_cast<int>(left)) <= 0) return received;
    char buffer[4096];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      received.closed = true;
      return received;
    }
    received.data.append(buffer, static_cast<std::size_t>(n));
  }
}

// Another server on the suite's index, with options of its own.
class OwnServer {
 public:
  OwnServer(SearchApi& api, HttpServerOptions options) : server_(api, std::move(options)) {
    EXPECT_TRUE(server_.Bind().ok());
    thread_ = std::thread([this] {
      server_.Listen();
      done_ = true;
    });
  }
  ~OwnServer() {
    // Stop() before Listen() has started listening does nothing: repeat.
    while (!done_) {
      server_.Stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    thread_.join();
  }
  HttpServer& server() { return server_; }
  int port() const { return server_.port(); }
  // Waits (at most 2 s) for the server to hold `count` connections.
  bool WaitForOpen(std::size_t count) {
    const Clock::time_point deadline = Clock::now() + std::chrono::seconds(2);
    while (server_.open_connections() != count && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return server_.open_connections() == count;
  }

 private:
  HttpServer server_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

TEST_F(ServeTest, SlowClientsDoNotHoldTheWorkers) {
  // Two workers and 50 clients that have sent half a request head (as a
  // client sending a header line every few seconds does): the workers are
  // never theirs, and normal requests are answered at once.
  OwnServer own(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 2});
  std::vector<int> slow;
  for (int k = 0; k < 50; ++k) {
    slow.push_back(Connect(own.port()));
    ASSERT_GE(slow.back(), 0);
    SendAll(slow.back(), "GET /api/search?q=meeting HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n");
  }
  ASSERT_TRUE(own.WaitForOpen(50));
  const Clock::time_point start = Clock::now();
  for (int k = 0; k < 20; ++k) {
    httplib::Client client("127.0.0.1", own.port());
    client.set_read_timeout(2);
    const auto response = client.Get("/api/search?q=meeting&show=zh");
    ASSERT_TRUE(response) << "request " << k << " was not answered";
    EXPECT_EQ(response->status, 200);
  }
  EXPECT_LT(MillisecondsSince(start), 2000) << "20 requests beside 50 slow clients";
  // Each slow client still gets its answer once its head is whole.
  SendAll(slow[0], "Connection: close\r\n\r\n");
  const Received answer = ReadUntilClosed(slow[0], std::chrono::milliseconds(1000));
  EXPECT_EQ(answer.data.rfind("HTTP/1.1 200", 0), 0u) << answer.data.substr(0, 80);
  for (const int fd : slow) ::close(fd);
  EXPECT_TRUE(own.WaitForOpen(0)) << own.server().open_connections() << " connections left open";
}

TEST_F(ServeTest, SlowHeadsGet408AndIdleConnectionsAreClosed) {
  OwnServer own(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 2, .request_timeout_ms = 300,
                        .idle_timeout_ms = 300});
  // A head sent a line every 100 ms: cut at 300 ms from its first byte.
  const int slow = Connect(own.port());
  const int idle = Connect(own.port());
  ASSERT_TRUE(slow >= 0 && idle >= 0);
  const Clock::time_point start = Clock::now();
  std::atomic<bool> stop{false};
  std::thread dribble([&] {
    SendAll(slow, "GET / HTTP/1.1\r\n");
    for (int k = 0; k < 30 && !stop; ++k) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      SendAll(slow, "X-Line-" + std::to_string(k) + ": 1\r\n");
    }
  });
  const Received cut = ReadUntilClosed(slow, std::chrono::milliseconds(2000));
  const long cut_after = MillisecondsSince(start);
  stop = true;
  dribble.join();
  EXPECT_EQ(cut.data.rfind("HTTP/1.1 408 Request Timeout\r\n", 0), 0u) << cut.data;
  EXPECT_NE(cut.data.find("Connection: close"), std::string::npos);
  EXPECT_NE(cut.data.find(R"({"error":"the request did not arrive whole in time"})"), std::string::npos);
  EXPECT_TRUE(cut.closed);
  EXPECT_GE(cut_after, 250);
  EXPECT_LT(cut_after, 1500);
  // A connection that sends nothing is closed without a word.
  const Received silent = ReadUntilClosed(idle, std::chrono::milliseconds(1500));
  EXPECT_TRUE(silent.closed);
  EXPECT_EQ(silent.data, "");
  // A kept-alive connection is answered, then closed once idle.
  const int kept = Connect(own.port());
  ASSERT_GE(kept, 0);
  SendAll(kept, "GET /api/versions?id=CTOC/COP/WG.4/2022/1 HTTP/1.1\r\nHost: x\r\n\r\n");
  const Received answered = ReadUntilClosed(kept, std::chrono::milliseconds(1500));
  EXPECT_EQ(answered.data.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answered.data.substr(0, 80);
  EXPECT_TRUE(answered.closed);
  for (const int fd : {slow, idle, kept}) ::close(fd);
  EXPECT_TRUE(own.WaitForOpen(0));
}

TEST_F(ServeTest, BadRequestsAreRefusedAtOnce) {
  // The suite's server: requests may take 5 s to arrive, yet each of these
  // is refused as soon as its bytes show what it is.
  const std::string big_header = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100 * 1024, 'a') + "\r\n\r\n";
  const std::string big_url = "GET /" + std::string(1024 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
  const struct {
    std::string request, status, error;
  } cases[] = {
      {big_header, "431 Request Header Fields Too Large", "the request head is longer than 16384 bytes"},
      {big_url, "414 URI Too Long", "the request line is longer than 8192 bytes"},
      {std::string("GET /api/search?q=a\0b HTTP/1.1\r\nHost: x\r\n\r\n", 42), "400 Bad Request",
       "the request holds a NUL or another control character"},
      {std::string("GET / HTTP/1.1\r\nX-Nul: \0", 24), "400 Bad Request",  // the head is not even whole
       "the request holds a NUL or another control character"},
      {"POST /api/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", "411 Length Required",
       "a request body needs a Content-Length (chunked bodies are not taken)"},
      {"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n", "413 Payload Too Large",
       "a request body may be at most 65536 bytes"},
      {"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 12x\r\n\r\n", "400 Bad Request",
       "the Content-Length is not one whole number"},
  };
  for (const auto& test : cases) {
    const int fd = Connect(server_->port());
    ASSERT_GE(fd, 0);
    const Clock::time_point start = Clock::now();
    std::thread sender([fd, &test] { SendAll(fd, test.request); });
    const Received answer = ReadUntilClosed(fd, std::chrono::milliseconds(3000));
    const long took = MillisecondsSince(start);
    sender.join();
    ::close(fd);
    EXPECT_EQ(answer.data.rfind("HTTP/1.1 " + test.status + "\r\n", 0), 0u) << test.status << ": " << answer.data;
    EXPECT_NE(answer.data.find("\r\nConnection: close\r\n"), std::string::npos) << test.status;
    EXPECT_NE(answer.data.find("{\"error\":\"" + test.error + "\"}"), std::string::npos) << answer.data;
    EXPECT_TRUE(answer.closed) << test.status;
    EXPECT_LT(took, 1000) << test.status << " took " << took << " ms";
  }
}

TEST_F(ServeTest, ConnectionsBeyondTheCapGet503) {
  OwnServer own(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 2, .max_connections = 4});
  std::vector<int> held;
  for (int k = 0; k < 4; ++k) held.push_back(Connect(own.port()));
  ASSERT_TRUE(own.WaitForOpen(4));
  const int beyond = Connect(own.port());
  ASSERT_GE(beyond, 0);
  SendAll(beyond, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  const Received refused = ReadUntilClosed(beyond, std::chrono::milliseconds(1000));
  EXPECT_EQ(refused.data.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0), 0u) << refused.data;
  EXPECT_NE(refused.data.find("\r\nRetry-After: 1\r\n"), std::string::npos);
  EXPECT_TRUE(refused.closed);
  ::close(beyond);
  // A held connection is still served.
  SendAll(held[0], "GET /api/versions?id=CTOC/COP/WG.4/2022/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const Received served = ReadUntilClosed(held[0], std::chrono::milliseconds(1000));
  EXPECT_EQ(served.data.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << served.data.substr(0, 80);
  for (const int fd : held) ::close(fd);
  ASSERT_TRUE(own.WaitForOpen(0));
  httplib::Client client("127.0.0.1", own.port());
  const auto again = client.Get("/api/versions?id=CTOC/COP/WG.4/2022/1");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST_F(ServeTest, KeepAliveIsBoundedAndPipelinedRequestsAreAnswered) {
  OwnServer own(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 2, .keep_alive_max = 3});
  const int fd = Connect(own.port());
  ASSERT_GE(fd, 0);
  std::string requests;
  for (int k = 0; k < 4; ++k) requests += "GET /api/versions?id=CTOC/COP/WG.4/2022/1 HTTP/1.1\r\nHost: x\r\n\r\n";
  SendAll(fd, requests);  // four at once: three answers, then the connection ends
  const Received answers = ReadUntilClosed(fd, std::chrono::milliseconds(2000));
  ::close(fd);
  std::size_t count = 0;
  for (std::size_t at = answers.data.find("HTTP/1.1 200 OK"); at != std::string::npos;
       at = answers.data.find("HTTP/1.1 200 OK", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 3u) << answers.data;
  EXPECT_EQ(std::count(answers.data.begin(), answers.data.end(), '{'),
            std::count(answers.data.begin(), answers.data.end(), '}'));
  EXPECT_NE(answers.data.rfind("Connection: close"), std::string::npos) << "the third answer says it is the last";
  EXPECT_TRUE(answers.closed);
}

TEST_F(ServeTest, ABurstOfConnectionsIsServedAndLetGo) {
  OwnServer own(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 4});
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int t = 0; t < 100; ++t) {
    clients.emplace_back([&ok, &own, t] {
      httplib::Client client("127.0.0.1", own.port());
      client.set_read_timeout(5);
      const auto response = client.Get(t % 2 ? "/api/document?id=CTOC/COP/WG.4/2022/1&lang=fr&limit=5"
                                             : "/api/alignment?id=CTOC/COP/WG.4/2022/1&source=ru&target=en&limit=5");
      ok += response && response->status == 200;
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(ok.load(), 100);
  EXPECT_TRUE(own.WaitForOpen(0)) << own.server().open_connections() << " connections left open";
}

TEST_F(ServeTest, SocketsNumberedPastFdSetsizeAreServed) {
  // A cpp-httplib built without poll() answers 500 to a socket it could
  // not select() on; the server never lets it touch its sockets, and a
  // connection numbered past FD_SETSIZE is served like any other.
  rlimit files{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &files), 0);
  if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur < FD_SETSIZE + 200) {
    GTEST_SKIP() << "the open-file limit (" << files.rlim_cur << ") is below FD_SETSIZE + 200";
  }
  std::vector<int> filler;
  while (filler.empty() || filler.back() < FD_SETSIZE + 16) {
    const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    filler.push_back(fd);
  }
  const auto [status, body] = GetJson("/api/versions?id=CTOC/COP/WG.4/2022/1");
  for (const int fd : filler) ::close(fd);
  EXPECT_EQ(status, 200) << body.dump();
}

}  // namespace
}  // namespace sextant
