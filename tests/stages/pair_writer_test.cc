// Tests the translation-memory writers of `sextant export`
// (stages/export/pair_writer.h): TMX streamed a pair at a time validates
// against corpora/tmx/tmx14.dtd with every property read back, and is the
// same TMX, a unit at a time, as WriteTmx for one document; TSV has its
// header and one line a pair with tabs and line breaks in texts made
// spaces; JSON Lines has one object a line with the TSV's names; a stream
// that fails throws std::ios_base::failure.
#include "stages/export/pair_writer.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>

#include <ios>
#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>
#include <string>

#include "stages/export/tmx_writer.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

AlignedPair Pair(std::string source, std::string target, double score) {
  AlignedPair pair;
  pair.symbol = "CTOC/COP/WG.4/2022/1";
  pair.date = "2022-04-11";
  pair.agenda_item = "1(a)";
  pair.source_language = Language::kChinese;
  pair.target_language = Language::kEnglish;
  pair.source_text = std::move(source);
  pair.target_text = std::move(target);
  pair.source_segments = {3};
  pair.target_segments = {4, 5};
  pair.source_paragraph = 2;
  pair.target_paragraph = 3;
  pair.source_page = 1;
  pair.target_page = 2;
  pair.score = score;
  return pair;
}

std::string Write(PairFormat format, const std::vector<AlignedPair>& pairs, std::size_t* written = nullptr) {
  std::ostringstream out;
  const auto writer = MakePairWriter(format, out, {Language::kChinese, Language::kEnglish, "20260101T000000Z"});
  std::size_t count = 0;
  for (const AlignedPair& pair : pairs) count += writer->Write(pair) ? 1 : 0;
  writer->Finish();
  if (written) *written = count;
  return out.str();
}

// libxml2's verdict on `xml` against the TMX 1.4b DTD: empty when valid.
std::string DtdErrors(const std::string& xml) {
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "tmx.xml", nullptr, XML_PARSE_NONET);
  if (doc == nullptr) return "does not parse";
  const std::string dtd_path = (testing::SourceDir() / "corpora" / "tmx" / "tmx14.dtd").string();
  xmlDtd* dtd = xmlParseDTD(nullptr, reinterpret_cast<const xmlChar*>(dtd_path.c_str()));
  xmlValidCtxt* context = xmlNewValidCtxt();
  context->error = nullptr;
  context->warning = nullptr;
  const bool valid = dtd != nullptr && xmlValidateDtd(context, doc, dtd);
  xmlFreeValidCtxt(context);
  if (dtd) xmlFreeDtd(dtd);
  xmlFreeDoc(doc);
  return valid ? "" : "not valid against " + dtd_path;
}

TEST(PairWriterTest, TmxIsValidAndCarriesEveryProperty) {
  std::size_t written = 0;
  const std::string xml =
      Write(PairFormat::kTmx, {Pair("会议开幕。", "Opening of the <meeting> & \"more\".", 0.8766),
                               Pair("\x01", "a control character only: left out", 0.9), Pair("二", "Two", 0.2)},
            &written);
  EXPECT_EQ(written, 2u);
  EXPECT_EQ(DtdErrors(xml), "");
  for (const char* expected :
       {"<prop type=\"x-score\">0.877</prop>", "<prop type=\"x-document-symbol\">CTOC/COP/WG.4/2022/1</prop>",
        "<prop type=\"x-date\">2022-04-11</prop>", "<prop type=\"x-agenda-item\">1(a)</prop>",
        "<prop type=\"x-source-paragraph\">2</prop>", "<prop type=\"x-target-paragraph\">3</prop>",
        "<prop type=\"x-source-page\">1</prop>", "<prop type=\"x-target-page\">2</prop>",
        "<prop type=\"x-source-units\">3</prop>", "<prop type=\"x-target-units\">4 5</prop>",
        "srclang=\"zh\"", "<prop type=\"x-languages\">zh,en</prop>",
        "<seg>Opening of the &lt;meeting&gt; &amp; &quot;more&quot;.</seg>"}) {
    EXPECT_NE(xml.find(expected), std::string::npos) << expected << "\n" << xml;
  }
  EXPECT_EQ(xml.find("x-document-symbol\">CTOC/COP/WG.4/2022/1</prop>\n  </header>"), std::string::npos)
      << "the header names no symbol";
}

TEST(PairWriterTest, StreamedTmxIsWhatWriteTmxWrites) {
  const std::vector<std::string> source = {"一。", "二。"}, target = {"One.", "Two."};
  Alignment alignment;
  alignment.links = {{{0}, {0}, 0.5}, {{1}, {}, 0.1}, {{}, {1}, 0.1}};
  TmxDocument document{"A/1", Language::kChinese, Language::kEnglish, source, target, &alignment, "20260101T000000Z"};
  std::ostringstream streamed;
  TmxStreamWriter writer(streamed, {Language::kChinese, Language::kEnglish, "A/1", "20260101T000000Z"});
  EXPECT_TRUE(writer.Write({{{"x-score", "0.50"}, {"x-source-units", "0"}, {"x-target-units", "0"}}, "一。", "One."}));
  writer.Finish();
  EXPECT_EQ(streamed.str(), WriteTmx(document));
}

TEST(PairWriterTest, TsvHasAHeaderAndOneLineAPair) {
  const std::string tsv = Write(PairFormat::kTsv, {Pair("甲\t乙", "line\nbreak\rand\ttab", 0.5)});
  EXPECT_EQ(tsv,
            "source_text\ttarget_text\tscore\tsymbol\tdate\tagenda_item\tsource_language\ttarget_language\t"
            "source_paragraph\ttarget_paragraph\tsource_page\ttarget_page\tsource_segments\ttarget_segments\n"
            "甲 乙\tline break and tab\t0.500\tCTOC/COP/WG.4/2022/1\t2022-04-11\t1(a)\tzh\ten\t2\t3\t1\t2\t3\t4 5\n");
}

TEST(PairWriterTest, JsonLinesHasTheTsvNames) {
  const std::string jsonl = Write(PairFormat::kJsonLines, {Pair("一", "One", 0.12345), Pair("二", "Two", 1)});
  std::istringstream lines(jsonl);
  std::string line;
  std::vector<nlohmann::json> objects;
  while (std::getline(lines, line)) objects.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(objects.size(), 2u);
  for (const std::string_view column : kTsvColumns) EXPECT_TRUE(objects[0].contains(std::string(column))) << column;
  EXPECT_EQ(objects[0]["score"], 0.123);
  EXPECT_EQ(objects[0]["target_segments"], nlohmann::json::array({4, 5}));
  EXPECT_EQ(objects[1]["source_text"], "二");
}

// A stream buffer that takes nothing: every write fails, as on a full disk.
class FullDisk : public std::streambuf {
 protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

TEST(PairWriterTest, AStreamThatFailsThrows) {
  for (const PairFormat format : {PairFormat::kTmx, PairFormat::kTsv, PairFormat::kJsonLines}) {
    FullDisk full;
    std::ostream out(&full);
    EXPECT_THROW(
        {
          const auto writer = MakePairWriter(format, out, {Language::kChinese, Language::kEnglish, ""});
          for (int k = 0; k < 1000; ++k) writer->Write(Pair("一", "One", 0.5));
          writer->Finish();
        },
        std::ios_base::failure);
  }
}

TEST(PairWriterTest, FormatNames) {
  EXPECT_EQ(PairFormatFromName("tmx"), PairFormat::kTmx);
  EXPECT_EQ(PairFormatFromName("tsv"), PairFormat::kTsv);
  EXPECT_EQ(PairFormatFromName("jsonl"), PairFormat::kJsonLines);
  EXPECT_FALSE(PairFormatFromName("csv"));
  EXPECT_EQ(FormatPairScore(2), "1.000");
  EXPECT_EQ(FormatPairScore(-1), "0.000");
}

}  // namespace
}  // namespace sextant
