// Tests stages/align/sentence_features.h: the anchors the aligner compares
// between two language versions, table-driven. Each row is a sentence as
// the UN Parallel Corpus devset (corpora/unpc-devset) prints it, in its
// language, and the anchors it must give: a translation keeps numbers,
// symbols, dates and Latin names, so both versions give the same.
#include "stages/align/sentence_features.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sextant {
namespace {

struct AnchorCase {
  Language language;
  const char* sentence;
  std::vector<std::string> anchors;  // sorted
};

const AnchorCase kAnchorCases[] = {
    // Thousands separators and decimal marks of every convention fold to
    // the same digits (devset: "2,544 people (1.2 per cent" / "2.544
    // personas (el 1,2%").
    {Language::kEnglish, "food distributed to 2,544 people (1.2 per cent of the 212,000 people)",
     {"#12", "#212000", "#2544"}},
    {Language::kSpanish, "alimentos distribuidos a 2.544 personas (el 1,2% de las 212.000 personas)",
     {"#12", "#212000", "#2544"}},
    {Language::kFrench, "un montant de 1 383 000 dollars", {"#1383000"}},
    {Language::kRussian, "сумма в размере 1\u00A0383\u00A0000 долл. США", {"#1383000"}},
    // Single digits are too weak: translations write them out.
    {Language::kEnglish, "two besieged communities and 3 convoys", {}},
    // Dates, in any language's form, give one ISO anchor; their digits are
    // not numbers as well.
    {Language::kEnglish, "the decision of 3 May 2013", {"%2013-05-03"}},
    {Language::kChinese, "2013年5月3日的决定", {"%2013-05-03"}},
    // Symbols, whole.
    {Language::kFrench, "voir le document A/RES/80/1.", {"$A/RES/80/1"}},
    // Latin names kept inside another script's text; acronyms anywhere.
    {Language::kChinese, "联阿安全部队（UNISFA）的部署", {"@unisfa"}},
    {Language::kEnglish, "the deployment of UNISFA in Abyei", {"@unisfa"}},
};

TEST(SentenceFeaturesTest, AnchorsTable) {
  for (const AnchorCase& c : kAnchorCases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(ComputeFeatures(c.sentence, c.language).anchors, c.anchors);
  }
}

TEST(SentenceFeaturesTest, WordsOnlyWhenAsked) {
  const SentenceFeatures without = ComputeFeatures("Le Conseil de sécurité", Language::kFrench);
  EXPECT_FALSE(without.has_words);
  EXPECT_TRUE(without.words.empty());
  const SentenceFeatures with = ComputeFeatures("Le Conseil de sécurité, le conseil", Language::kFrench, true);
  EXPECT_TRUE(with.has_words);
  EXPECT_EQ(with.words, (std::vector<std::string>{"conseil", "de", "le", "sécurité"}));
}

}  // namespace
}  // namespace sextant
