// The sentence aligner and document aligner: table-driven cases of each
// kind of link (1–1, 2–1, 1–2, 1–0, 0–1) on real UN sentences, the band on
// a long text, and the six fixture PDFs aligned with each other end to end.
#include <gtest/gtest.h>

#include "pipeline/runner.h"
#include "stages/align/document_aligner.h"
#include "stages/align/lexicon.h"
#include "stages/align/pivot.h"
#include "stages/align/sentence_aligner.h"
#include "stages/standard_stages.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

// Real sentences of the UN Parallel Corpus devset (lines 1–6), English and
// Chinese.
const std::vector<std::string> kEnglish = {
    "Letter dated 21 January 2015 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General",
    "Over the past two months the armed forces of Azerbaijan have conducted 1,200 attacks along the line of contact.",
    "One civilian was killed over this period.",
    "Armenia has continuously drawn the attention of the international community to the situation.",
    "The Co-Chairs of the OSCE Minsk Group expressed concern on 12 January 2015.",
    "I would be grateful if the present letter could be circulated as a document of the General Assembly, under agenda item 36, and of the Security Council."};
const std::vector<std::string> kChinese = {
    "2015年1月21日亚美尼亚常驻联合国代表给秘书长的信",
    "在过去两个月里，阿塞拜疆武装部队沿接触线发动了1 200次攻击。",
    "在此期间有一名平民遇害。",
    "亚美尼亚一直提请国际社会注意这一局势。",
    "欧安组织明斯克小组共同主席于2015年1月12日表示关切。",
    "请将本函作为大会议程项目36和安全理事会的文件分发为荷。"};

struct Case {
  const char* name;
  std::vector<int> target;  // each entry: index into kChinese, or -1-a-b for a merge of a and b
  std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> expected;
};

std::vector<std::string> Build(const std::vector<int>& plan) {
  std::vector<std::string> out;
  for (int entry : plan) {
    if (entry >= 0) {
      out.push_back(kChinese[static_cast<std::size_t>(entry)]);
    } else {
      const int first = (-entry - 1) / 10, second = (-entry - 1) % 10;
      out.push_back(kChinese[static_cast<std::size_t>(first)] + kChinese[static_cast<std::size_t>(second)]);
    }
  }
  return out;
}

// What bootstrapping would learn from a longer text: English words and
// their Chinese translations in these sentences.
Lexicon SmallLexicon() {
  Lexicon lexicon = Lexicon::Learn({}, Language::kEnglish, Language::kChinese);
  lexicon.AddPairs({{"letter", "信"}, {"permanent", "常驻"}, {"representative", "代表"},
                    {"armenia", "亚美尼亚"}, {"months", "月"}, {"armed", "武装"},
                    {"forces", "部队"}, {"azerbaijan", "阿塞拜疆"}, {"attacks", "攻击"},
                    {"contact", "接触"}, {"civilian", "平民"}, {"killed", "遇害"},
                    {"period", "期间"}, {"international", "国际"}, {"community", "社会"},
                    {"attention", "注意"}, {"situation", "局势"}, {"group", "小组"},
                    {"concern", "关切"}, {"expressed", "表示"}, {"circulated", "分发"},
                    {"document", "文件"}, {"assembly", "大会"}, {"council", "理事会"},
                    {"agenda", "议程"}, {"item", "项目"}, {"two", "两"}, {"one", "一名"},
                    {"united", "联合国"}, {"nations", "联合国"}, {"secretary", "秘书长"},
                    {"general", "秘书长"}, {"security", "安全"}, {"this", "此"},
                    {"over", "在"}, {"the", "的"}, {"of", "的"}});
  return lexicon;
}

TEST(SentenceAlignerTest, KindsOfLink) {
  const Lexicon lexicon = SmallLexicon();
  const std::vector<Case> cases = {
      {"all 1-1", {0, 1, 2, 3, 4, 5}, {{{0}, {0}}, {{1}, {1}}, {{2}, {2}}, {{3}, {3}}, {{4}, {4}}, {{5}, {5}}}},
      {"a deletion (1-0)", {0, 1, 3, 4, 5}, {{{0}, {0}}, {{1}, {1}}, {{2}, {}}, {{3}, {2}}, {{4}, {3}}, {{5}, {4}}}},
      {"a merge (2-1)", {0, -(1 * 10 + 2) - 1, 3, 4, 5}, {{{0}, {0}}, {{1, 2}, {1}}, {{3}, {2}}, {{4}, {3}}, {{5}, {4}}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::vector<std::string> chinese = Build(c.target);
    AlignerInput source{Language::kEnglish, {kEnglish.begin(), kEnglish.end()}};
    AlignerInput target{Language::kChinese, {chinese.begin(), chinese.end()}};
    AlignerOptions options;
    options.lexicon = &lexicon;
    options.minimum_lexicon_size = 1;  // a hand-made lexicon, small but right
    const Alignment alignment = SentenceAligner(options).Align(source, target);
    std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> got;
    for (const AlignmentLink& link : alignment.links) {
      got.push_back({link.source, link.target});
      EXPECT_GE(link.score, 0.0);
      EXPECT_LE(link.score, 1.0);
    }
    EXPECT_EQ(got, c.expected);
  }
}

TEST(SentenceAlignerTest, EmptySidesGiveOnlySkips) {
  AlignerInput source{Language::kEnglish, {kEnglish.begin(), kEnglish.begin() + 2}};
  AlignerInput target{Language::kChinese, {}};
  const Alignment alignment = SentenceAligner().Align(source, target);
  ASSERT_EQ(alignment.links.size(), 2u);
  EXPECT_TRUE(alignment.links[0].target.empty());
  EXPECT_TRUE(SentenceAligner().Align(target, target).links.empty());
}

TEST(SentenceAlignerTest, LongTextStaysInTheBand) {
  // 20,000 sentences a side, one dropped every 1,000: the band follows the
  // diagonal, and sentences are linked 1–1 to their twins (a dropped one
  // may now and then hide in a 2–1 link with a neighbour of fitting length:
  // without a lexicon, numbers and lengths are all there is).
  std::vector<std::string> source_texts, target_texts;
  for (int k = 0; k < 20000; ++k) {
    source_texts.push_back("Paragraph " + std::to_string(k) + " of the record, sentence " +
                           std::string(static_cast<std::size_t>(20 + (k * 37) % 90), 'x') + ".");
    if (k % 1000 != 500) target_texts.push_back(source_texts.back());
  }
  AlignerInput source{Language::kEnglish, {source_texts.begin(), source_texts.end()}};
  AlignerInput target{Language::kFrench, {target_texts.begin(), target_texts.end()}};
  AlignerOptions options;
  options.use_lexicon = false;
  const Alignment alignment = SentenceAligner(options).Align(source, target);
  std::size_t one_to_one = 0, skips = 0;
  for (const AlignmentLink& link : alignment.links) {
    if (link.source.size() == 1 && link.target.size() == 1) {
      ++one_to_one;
      EXPECT_EQ(source_texts[link.source[0]], target_texts[link.target[0]]);
    } else if (link.target.empty()) {
      ++skips;
    }
  }
  EXPECT_GE(one_to_one, 19975u);
  EXPECT_GE(skips, 15u);
  EXPECT_LE(alignment.links.size(), 20000u);
}

TEST(DocumentAlignerTest, FixturePdfsAlignPairwise) {
  const Runner runner(ExtractionStages());
  std::map<std::string, Document> documents;
  for (const char* code : {"zh", "en", "fr", "ar"}) {
    const auto result = runner.RunOne((testing::SourceDir() / "corpora/pdf" / (std::string(code) + ".pdf")).string());
    ASSERT_TRUE(result.status.ok()) << result.status.ToString();
    documents[code] = result.document;
  }
  for (const char* other : {"en", "fr", "ar"}) {
    SCOPED_TRACE(other);
    const DocumentAlignment result =
        AlignDocuments(AlignableFromDocument(documents["zh"]), AlignableFromDocument(documents[other]));
    // The symbols cited in each Chinese sentence are cited in the linked
    // sentence on the other side: the links are right.
    std::size_t checked = 0;
    for (const AlignmentLink& link : result.sentences.links) {
      if (link.source.size() != 1 || link.target.empty()) continue;
      const std::string& chinese = result.source_sentences[link.source[0]];
      for (const char* symbol : {"CTOC/COP/WG.4/2020/3", "CTOC/COP/2020/CRP.2", "CTOC/COP/WG.4/2022/2"}) {
        if (chinese.find(symbol) == std::string::npos) continue;
        std::string joined;
        for (std::size_t t : link.target) joined += result.target_sentences[t];
        EXPECT_NE(joined.find(symbol), std::string::npos) << chinese << " ↔ " << joined;
        ++checked;
      }
    }
    EXPECT_GE(checked, 3u);
    // Same content on both sides: almost every link is 1–1 or a merge.
    std::size_t skips = 0;
    for (const AlignmentLink& link : result.sentences.links) skips += link.source.empty() || link.target.empty();
    EXPECT_LE(skips, 2u);
  }
}

}  // namespace
}  // namespace sextant

namespace sextant {
namespace {

Alignment Links(std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> links) {
  Alignment alignment;
  for (auto& [s, t] : links) alignment.links.push_back({s, t, 0.9});
  return alignment;
}

TEST(PivotTest, ComposesThroughThePivot) {
  // Pivot (English) 0..4; French merges pivot 1–2 and drops pivot 4;
  // Chinese splits pivot 3 in two and adds a sentence of its own.
  const Alignment en_fr = Links({{{0}, {0}}, {{1, 2}, {1}}, {{3}, {2}}, {{4}, {}}});
  const Alignment en_zh = Links({{{0}, {0}}, {{1}, {1}}, {{2}, {2}}, {{3}, {3, 4}}, {{}, {5}}, {{4}, {6}}});
  const Alignment fr_zh = ComposeThroughPivot(en_fr, en_zh);
  std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> got;
  for (const AlignmentLink& link : fr_zh.links) got.push_back({link.source, link.target});
  const std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> expected = {
      {{0}, {0}}, {{1}, {1, 2}}, {{2}, {3, 4}}, {{}, {5}}, {{}, {6}}};
  EXPECT_EQ(got, expected);
}

}  // namespace
}  // namespace sextant
