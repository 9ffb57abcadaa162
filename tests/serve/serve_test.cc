// `sextant serve` against a real server on loopback (the suite's index and
// server: serve_fixture.h): an httplib client calls every endpoint and every
// error, and checks that no document text reaches the page unescaped;
// documents and alignments come in pages; the query's translation is marked
// and term renderings counted. Slow and hostile clients are in
// slow_clients_test.cc. Each test takes well under a second or two.
#include <gtest/gtest.h>
#include <httplib.h>

#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/serve/serve_fixture.h"

namespace sextant {
namespace {

using nlohmann::json;
using serve_testing::Encode;
using serve_testing::FileHash;
using serve_testing::kHostile;
using serve_testing::ServeTest;

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

}  // namespace
}  // namespace sextant
