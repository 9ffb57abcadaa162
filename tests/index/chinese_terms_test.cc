// How to index Chinese: ICU dictionary words against character bigrams,
// measured on the 4,000 Chinese sentences of the UN Parallel Corpus devset
// (../shared/corpora/unpc-devset). Queries: 30 UN terms typed by hand and
// 40 two-word compounds taken from the text (ICU's own words, which favours
// the word index). A sentence is relevant when it contains the query as
// written. Recall and precision are micro-averaged over all queries and
// printed; the index keeps what pays (see index/README.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "index/index_searcher.h"
#include "index/index_writer.h"
#include "pipeline/unicode_text.h"
#include "stages/icu/word_tokenizer.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

const std::vector<std::string> kHandQueries = {
    "贩运人口", "安全理事会", "秘书长", "人权", "可持续发展", "气候变化", "维持和平", "难民",
    "妇女", "儿童", "恐怖主义", "会员国", "发展中国家", "教育", "粮食安全", "性别平等",
    "国际法", "武装冲突", "人道主义援助", "核武器", "技术援助", "经济及社会理事会", "大会",
    "决议", "预算", "非洲", "移民", "腐败", "选举", "卫生"};

bool IsHanWord(std::string_view word) {
  const ScriptCounts counts = CountScripts(word);
  return counts.han > 0 && counts.han == counts.letters();
}

// Two adjacent ICU words of Han, 3 to 6 characters together, from every
// 100th sentence.
std::vector<std::string> CompoundQueries(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < lines.size() && out.size() < 40; k += 100) {
    const std::string& line = lines[k];
    const std::vector<WordSpan> words = Words(line, Language::kChinese);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i].end != words[i + 1].begin) continue;
      const std::string pair = line.substr(words[i].begin, words[i + 1].end - words[i].begin);
      const std::size_t chars = CountScripts(pair).han;
      if (IsHanWord(pair) && chars >= 3 && chars <= 6) {
        out.push_back(pair);
        break;
      }
    }
  }
  return out;
}

struct Score {
  std::size_t relevant = 0, retrieved = 0, correct = 0;
  double recall() const { return relevant ? static_cast<double>(correct) / static_cast<double>(relevant) : 1; }
  double precision() const { return retrieved ? static_cast<double>(correct) / static_cast<double>(retrieved) : 1; }
};

Score Measure(ChineseTerms chinese, const Document& document, const std::vector<std::string>& lines,
              const std::vector<std::string>& queries, const std::filesystem::path& folder) {
  std::filesystem::remove_all(folder);
  {
    std::unique_ptr<IndexWriter> writer;
    IndexWriterOptions options;
    options.chinese = chinese;
    EXPECT_TRUE(IndexWriter::Open(folder.string(), options, &writer).ok());
    AddCounts counts;
    EXPECT_TRUE(writer->AddDocumentSet({{&document, "unpcdevsetzh", nullptr}}, &counts).ok());
  }
  std::unique_ptr<IndexSearcher> searcher;
  EXPECT_TRUE(IndexSearcher::Open(folder.string(), &searcher).ok());
  Score score;
  for (const std::string& query : queries) {
    SearchOptions options;
    options.limit = lines.size();
    options.facets = false;
    SearchResult result;
    EXPECT_TRUE(searcher->Search(query, options, &result).ok());
    std::size_t relevant = 0;
    for (const std::string& line : lines) relevant += line.find(query) != std::string::npos;
    std::size_t correct = 0;
    for (const SearchHit& hit : result.hits) correct += hit.text.find(query) != std::string::npos;
    score.relevant += relevant;
    score.retrieved += result.hits.size();
    score.correct += correct;
  }
  std::filesystem::remove_all(folder);
  return score;
}

TEST(ChineseTermsTest, BigramsAgainstWords) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  std::ifstream in(testing::SharedCorpora() / "unpc-devset/UNv1.0.devset.zh");
  ASSERT_TRUE(in) << "unpc-devset/UNv1.0.devset.zh missing";
  Document document;
  document.path = "unpc-devset.zh";
  document.language = Language::kChinese;
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
    Paragraph paragraph;
    paragraph.text = line;
    paragraph.segments.push_back({0, line.size()});
    document.paragraphs.push_back(std::move(paragraph));
  }
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("sextant_zh_terms_" + std::to_string(::getpid()));
  for (const auto& [name, queries] :
       {std::pair{"hand", kHandQueries}, std::pair{"compound", CompoundQueries(lines)}}) {
    const Score words = Measure(ChineseTerms::kWords, document, lines, queries, folder);
    const Score bigrams = Measure(ChineseTerms::kBigrams, document, lines, queries, folder);
    std::printf("%-8s queries=%zu relevant=%zu | words: recall %.3f precision %.3f | bigrams: recall %.3f precision %.3f\n",
                name, queries.size(), words.relevant, words.recall(), words.precision(), bigrams.recall(),
                bigrams.precision());
    EXPECT_GE(bigrams.recall(), words.recall()) << name;
    EXPECT_GE(bigrams.recall(), 0.99) << name;
    EXPECT_GE(bigrams.precision(), 0.95) << name;
  }
}

}  // namespace
}  // namespace sextant
