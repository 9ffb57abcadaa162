// The fixture of the serve tests (serve_test.cc, slow_clients_test.cc): the
// six fixture PDFs (one document in six languages), a hostile document
// (markup and a <script> in its text) and two review reports indexed into a
// temporary folder, with a small stored lexicon; an HttpServer on a free
// loopback port serves them for the whole suite; GetJson() and Get() call it
// as a browser would.
//
// Thread-safety: the suite's statics are set up once, before the tests run.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/index_writer.h"
#include "pipeline/content_hash.h"
#include "pipeline/runner.h"
#include "serve/http_server.h"
#include "serve/search_api.h"
#include "stages/align/document_aligner.h"
#include "stages/standard_stages.h"
#include "tests/test_paths.h"

namespace sextant::serve_testing {
using nlohmann::json;

inline constexpr const char* kHostile = "<script>window.__sextant_xss=1</script><img src=x onerror=alert(1)> & \"quoted\" trafficking";

inline std::string FileHash(const std::string& path) { return HashFile(path).value().Hex(); }

// Percent-encodes every byte outside unreserved ASCII.
inline std::string Encode(std::string_view text) {
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
inline Document HostileDocument(const Document& english) {
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
inline Document ReviewDocument(const Document& english, const std::string& symbol, const std::string& session,
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
    alignments.clear();  // a second suite on this fixture sets up again
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
    thread_ = nullptr;
    server_ = nullptr;
    api_.reset();
    alignments_.clear();
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

}  // namespace sextant::serve_testing
