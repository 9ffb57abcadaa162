// The Arabic fixture text as three PDF producers set it (corpora/README.md):
// the project's generator (Pango + cairo, corpora/pdf/ar.pdf), LibreOffice
// Writer and Chromium's print to PDF (corpora/producers/, made by
// scripts/make-arabic-producers). Each is extracted end to end and its
// paragraphs compared with the spec's, with the golden test's cleaning
// (fixture_golden_test.cc): markers and soft hyphens out, white space
// folded. Issue 13 asks for 26 of the 27 paragraphs (footnote included)
// from each; the generator's one miss is fixture_golden_test's known gap.
#include <fstream>
#include <iostream>
#include <regex>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/runner.h"
#include "pipeline/unicode_text.h"
#include "stages/standard_stages.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

std::string Clean(const std::string& text) {
  static const std::regex kMarker(R"(\{fn:\d+\})");
  const std::string out = std::regex_replace(text, kMarker, "");
  std::string without_soft_hyphens;
  for (std::size_t pos = 0; pos < out.size();) {
    const std::size_t start = pos;
    if (NextCodePoint(out, pos) != 0xAD) without_soft_hyphens.append(out, start, pos - start);
  }
  return FoldWhitespace(without_soft_hyphens);
}

// Every paragraph and footnote of the Arabic spec, cleaned.
std::vector<std::string> GoldenParagraphs() {
  std::ifstream spec_file(testing::SourceDir() / "corpora" / "fixtures" / "ar.json");
  const nlohmann::json spec = nlohmann::json::parse(spec_file);
  std::vector<std::string> golden;
  for (const auto& page : spec["pages"]) {
    for (const auto& paragraph : page["paragraphs"]) golden.push_back(Clean(paragraph["text"]));
    for (const auto& note : page.value("footnotes", nlohmann::json::array())) golden.push_back(Clean(note["text"]));
  }
  return golden;
}

struct Producer {
  const char* name;
  const char* pdf;  // under corpora/
};

void PrintTo(const Producer& producer, std::ostream* out) { *out << producer.name; }

constexpr Producer kProducers[] = {
    {"generator", "pdf/ar.pdf"},
    {"libreoffice", "producers/ar-libreoffice.pdf"},
    {"chromium", "producers/ar-chromium.pdf"},
};

class ArabicProducersTest : public ::testing::TestWithParam<Producer> {};

TEST_P(ArabicProducersTest, ParagraphsInLogicalOrder) {
  const std::vector<std::string> golden = GoldenParagraphs();
  ASSERT_EQ(golden.size(), 27u);
  const Runner runner(ExtractionStages(ExtractionDepth::kParagraphs));
  const DocumentResult result = runner.RunOne((testing::SourceDir() / "corpora" / GetParam().pdf).string());
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  std::set<std::string> got;
  for (const Paragraph& paragraph : result.document.paragraphs) got.insert(Clean(paragraph.text));
  std::size_t right = 0;
  std::string missed;
  for (const std::string& expected : golden) {
    if (got.count(expected)) {
      ++right;
    } else {
      missed += "\n  missing: " + expected;
    }
  }
  RecordProperty("paragraphs_right", static_cast<int>(right));
  std::cout << GetParam().name << ": " << right << " of " << golden.size() << " paragraphs right\n";
  EXPECT_GE(right, 26u) << GetParam().name << ": " << right << " of " << golden.size() << " paragraphs right"
                        << missed;
}

INSTANTIATE_TEST_SUITE_P(ThreeProducers, ArabicProducersTest, ::testing::ValuesIn(kProducers),
                         [](const ::testing::TestParamInfo<Producer>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace sextant
