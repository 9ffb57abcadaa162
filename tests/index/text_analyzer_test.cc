// TextAnalyzer::Terms and PrepareQuery, table-driven: what a text becomes
// in the index, so that the words of a query meet it (stemming, elisions,
// Arabic normalisation, words joined by "." "/" ":" "@" cut as Xapian's
// QueryParser cuts them, numbers kept whole).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/schema.h"

namespace sextant {
namespace {

struct TermsCase {
  const char* text;
  Language language;
  std::vector<std::string> terms;  // in order
};

const TermsCase kTermsCases[] = {
    // devset: "… information … is available at www.mercuryconvention.org."
    {"at www.mercuryconvention.org", Language::kEnglish, {"Zat", "Zwww", "Zmercuryconvent", "Zorg"}},
    {"e-mail: unis@unvienna.org", Language::kEnglish, {"Ze", "Zmail", "Zuni", "Zunvienna", "Zorg"}},
    {"1.5 per cent in 2022/23", Language::kEnglish, {"Z1.5", "Zper", "Zcent", "Zin", "Z2022", "Z23"}},
    {"l'homme et d'autres", Language::kFrench, {"Zhomm", "Zet", "Zautr"}},
    {"Организации Объединенных Наций", Language::kRussian, {"Zорганизац", "Zобъединен", "Zнац"}},
};

TEST(TextAnalyzerTest, TermsTable) {
  const TextAnalyzer analyzer(ChineseTerms::kBigrams);
  for (const TermsCase& c : kTermsCases) {
    SCOPED_TRACE(c.text);
    std::vector<std::string> terms;
    unsigned last_position = 0;
    for (const TextTerm& term : analyzer.Terms(c.text, c.language)) {
      terms.push_back(term.term);
      EXPECT_EQ(term.position, last_position + 1) << term.term;
      last_position = term.position;
    }
    EXPECT_EQ(terms, c.terms);
  }
}

}  // namespace
}  // namespace sextant
