// Alignment end to end from PDF on ../shared/corpora/un-pdf/bilingual: both
// language versions extracted, segmented and aligned by paragraph as
// `sextant align --level paragraph` does, against the hand alignments in
// gold/. Paragraph-level F1: a gold pair counts when one of our links joins
// exactly its two texts (white space ignored). Precision is taken over our
// links that touch a paragraph the gold pairs at all (the gold leaves
// headings and most footnotes out). Two gold habits are normalised: the
// masthead line ("Distr.: General … Original: English"), which Sextant
// reads as page furniture, is counted apart; footnote markers, which Sextant
// takes out of the text and the gold keeps in some paragraphs ("…racist
// violence.29", "1 The stakeholders…"), are ignored by comparing the texts
// without white space and without digits.
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/runner.h"
#include "stages/align/document_aligner.h"
#include "stages/standard_stages.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

// The text without white space and digits (see above).
std::string Squeeze(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t' && !(c >= '0' && c <= '9')) out += c;
  }
  return out;
}

struct Pair {
  const char* name;
  const char* source;
  const char* target;
  const char* gold;
  double floor;  // measured F1 minus 0.01
};

constexpr Pair kPairs[] = {
    {"ohchr_1", "ohchr_1_en.pdf", "ohchr_1_ru.pdf", "ohchr_1_en_ru.json", 0.951},  // 0.961
    {"ohchr_2", "ohchr_2_en.pdf", "ohchr_2_fr.pdf", "ohchr_2_en_fr.json", 0.968},  // 0.978
    {"plan_1", "plan_1_en.pdf", "plan_1_es.pdf", "plan_1_en_es.json", 0.990},      // 1.000
    {"plan_2", "plan_2_en.pdf", "plan_2_fr.pdf", "plan_2_en_fr.json", 0.971},      // 0.981
};

TEST(AlignmentPdfTest, ParagraphF1AgainstHandAlignments) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  const auto root = testing::SharedCorpora() / "un-pdf/bilingual";
  const Runner runner(ExtractionStages());
  for (const Pair& pair : kPairs) {
    SCOPED_TRACE(pair.name);
    const auto source = runner.RunOne((root / pair.source).string());
    const auto target = runner.RunOne((root / pair.target).string());
    ASSERT_TRUE(source.status.ok() && target.status.ok());
    const DocumentAlignment result =
        AlignDocuments(AlignableFromDocument(source.document), AlignableFromDocument(target.document));

    std::ifstream gold_file(root / "gold" / pair.gold);
    const nlohmann::json gold = nlohmann::json::parse(gold_file);
    std::set<std::pair<std::string, std::string>> gold_pairs;
    std::set<std::string> gold_sources, gold_targets;
    std::size_t masthead = 0;
    for (const auto& p : gold["paragraphs"]) {
      const std::string a = p["main_language"], b = p["other_language"];
      if (Squeeze(a).empty() || Squeeze(b).empty()) continue;
      if (a.rfind("Distr", 0) == 0) {
        ++masthead;
        continue;
      }
      gold_pairs.insert({Squeeze(a), Squeeze(b)});
      gold_sources.insert(Squeeze(a));
      gold_targets.insert(Squeeze(b));
    }
    const auto joined = [](const std::vector<std::size_t>& indices, const Document& document) {
      std::string text;
      for (std::size_t k : indices) text += Squeeze(document.paragraphs[k].text);
      return text;
    };
    std::size_t ours = 0, correct = 0;
    for (const AlignmentLink& link : result.paragraphs.links) {
      if (link.source.empty() || link.target.empty()) continue;
      const std::string a = joined(link.source, source.document);
      const std::string b = joined(link.target, target.document);
      if (!gold_sources.count(a) && !gold_targets.count(b)) continue;  // outside the gold
      ++ours;
      correct += gold_pairs.count({a, b});
    }
    const double precision = ours ? static_cast<double>(correct) / static_cast<double>(ours) : 0;
    const double recall = static_cast<double>(correct) / static_cast<double>(gold_pairs.size());
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    std::cout << "[ measure  ] align PDF " << pair.name << " paragraphs: P=" << precision
              << " R=" << recall << " F1=" << f1 << " (gold pairs " << gold_pairs.size()
              << ", masthead left out " << masthead << ")\n";
    EXPECT_GE(f1, pair.floor);
  }
}

}  // namespace
}  // namespace sextant
