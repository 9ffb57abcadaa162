// Tests the TMX 1.4b export (stages/export/tmx_writer.h): the output parses
// with libxml2 and validates against corpora/tmx/tmx14.dtd, for a Chinese–
// English alignment with every kind of link and for hostile text (markup,
// entities, quotes, control characters, invalid UTF-8, Arabic, emoji); one
// <tu> per link with both sides, texts that read back as written, the symbol
// and languages in the header.
#include "stages/export/tmx_writer.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>

#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/alignment.h"
#include "pipeline/language.h"
#include "pipeline/status.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

const xmlChar* X(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

std::string DtdPath() {
  return (testing::SourceDir() / "corpora" / "tmx" / "tmx14.dtd").string();
}

DocPtr Parse(const std::string& xml) {
  return DocPtr(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "tmx.xml",
                              nullptr, XML_PARSE_NONET));
}

void CollectError(void* context, const char* format, ...) {
  char buffer[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  *static_cast<std::string*>(context) += buffer;
}

// Empty when `doc` is valid against the TMX 1.4b DTD; libxml2's messages if not.
std::string DtdErrors(xmlDoc* doc) {
  xmlDtd* dtd = xmlParseDTD(nullptr, X(DtdPath().c_str()));
  if (dtd == nullptr) return "cannot parse " + DtdPath();
  std::string errors;
  xmlValidCtxt* context = xmlNewValidCtxt();
  context->userData = &errors;
  context->error = CollectError;
  context->warning = CollectError;
  const int valid = xmlValidateDtd(context, doc, dtd);
  xmlFreeValidCtxt(context);
  xmlFreeDtd(dtd);
  if (!valid && errors.empty()) errors = "invalid (no message)";
  return errors;
}

std::vector<xmlNode*> Children(xmlNode* parent, const char* name) {
  std::vector<xmlNode*> out;
  for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && xmlStrcmp(child->name, X(name)) == 0) {
      out.push_back(child);
    }
  }
  return out;
}

std::string Content(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string out = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return out;
}

std::string Attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, X(name));
  std::string out = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

// type -> text of the <prop> children of `node`.
std::map<std::string, std::string> Props(xmlNode* node) {
  std::map<std::string, std::string> out;
  for (xmlNode* prop : Children(node, "prop")) out[Attribute(prop, "type")] = Content(prop);
  return out;
}

// One <tu> as read back.
struct ReadTu {
  std::map<std::string, std::string> props;
  std::string source_lang, source, target_lang, target;
};

std::vector<ReadTu> ReadTus(xmlDoc* doc) {
  std::vector<ReadTu> out;
  const auto bodies = Children(xmlDocGetRootElement(doc), "body");
  if (bodies.size() != 1) return out;
  for (xmlNode* tu : Children(bodies[0], "tu")) {
    ReadTu read;
    read.props = Props(tu);
    const auto tuvs = Children(tu, "tuv");
    if (tuvs.size() == 2) {
      read.source_lang = Attribute(tuvs[0], "lang");  // xml:lang
      read.target_lang = Attribute(tuvs[1], "lang");
      read.source = Content(Children(tuvs[0], "seg").at(0));
      read.target = Content(Children(tuvs[1], "seg").at(0));
    }
    out.push_back(read);
  }
  return out;
}

AlignmentLink Link(std::vector<std::size_t> source, std::vector<std::size_t> target,
                   double score) {
  return AlignmentLink{std::move(source), std::move(target), score};
}

// Chinese source, English target: 1–1, 2–1, 1–2, 1–0, 0–1, 2–2.
struct ChineseEnglish {
  Alignment alignment;
  TmxDocument document;
  ChineseEnglish() {
    alignment.source_language = Language::kChinese;
    alignment.target_language = Language::kEnglish;
    alignment.links = {
        Link({0}, {0}, 0.984),      // 1–1
        Link({1, 2}, {1}, 0.7),     // 2–1
        Link({3}, {2, 3}, 0.655),   // 1–2
        Link({4}, {}, 0.2),         // 1–0
        Link({}, {4}, 0.1),         // 0–1
        Link({5, 6}, {5, 6}, 0.5),  // 2–2
    };
    document.symbol = "A/HRC/WG.6/34/ITA/3";
    document.source_language = Language::kChinese;
    document.target_language = Language::kEnglish;
    document.source_units = {"所有民族均拥有自决的权利。", "该领土三个岛之间", "有国内航班和包机服务。",
                             "回顾2015年是联合国创立七十周年，强调指出这一历史性事件。",
                             "亚洲国家(7)", "非洲妇女教育基金会", "主要关注非洲女童的教育问题。"};
    document.target_units = {"The peoples of all the Territories have the right of self-determination.",
                             "Domestic airline services and charters operate between the three islands.",
                             "Recalling that 2015 will mark the seventieth anniversary,",
                             "Stressing that this historic event established the conditions,",
                             "ARSAT 1",
                             "Educational Foundation for African Women",
                             "has her primary focus on girl child education in Africa."};
    document.alignment = &alignment;
    document.creation_date = "20261128T120000Z";
  }
};

TEST(TmxWriterTest, ChineseEnglishIsValidTmx14) {
  const ChineseEnglish fixture;
  const std::string xml = WriteTmx(fixture.document);
  DocPtr doc = Parse(xml);
  ASSERT_TRUE(doc) << xml;
  EXPECT_EQ(DtdErrors(doc.get()), "") << xml;
  EXPECT_NE(xml.find("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">"), std::string::npos);
  EXPECT_EQ(Attribute(xmlDocGetRootElement(doc.get()), "version"), "1.4");
}

TEST(TmxWriterTest, OneTuPerLinkWithBothSidesAndTextsRoundTrip) {
  const ChineseEnglish fixture;
  const DocPtr doc = Parse(WriteTmx(fixture.document));
  ASSERT_TRUE(doc);
  const std::vector<ReadTu> tus = ReadTus(doc.get());
  ASSERT_EQ(tus.size(), 4u);  // 1–1, 2–1, 1–2, 2–2; not 1–0 or 0–1
  const auto& source = fixture.document.source_units;
  const auto& target = fixture.document.target_units;
  // 1–1
  EXPECT_EQ(tus[0].source, source[0]);
  EXPECT_EQ(tus[0].target, target[0]);
  EXPECT_EQ(tus[0].source_lang, "zh");
  EXPECT_EQ(tus[0].target_lang, "en");
  EXPECT_EQ(tus[0].props.at("x-score"), "0.98");
  EXPECT_EQ(tus[0].props.at("x-source-units"), "0");
  EXPECT_EQ(tus[0].props.at("x-target-units"), "0");
  // 2–1: Chinese units join with nothing.
  EXPECT_EQ(tus[1].source, source[1] + source[2]);
  EXPECT_EQ(tus[1].target, target[1]);
  EXPECT_EQ(tus[1].props.at("x-score"), "0.70");
  EXPECT_EQ(tus[1].props.at("x-source-units"), "1 2");
  EXPECT_EQ(tus[1].props.at("x-target-units"), "1");
  // 1–2: English units join with a space.
  EXPECT_EQ(tus[2].source, source[3]);
  EXPECT_EQ(tus[2].target, target[2] + " " + target[3]);
  EXPECT_EQ(tus[2].props.at("x-score"), "0.66");
  EXPECT_EQ(tus[2].props.at("x-source-units"), "3");
  EXPECT_EQ(tus[2].props.at("x-target-units"), "2 3");
  // 2–2
  EXPECT_EQ(tus[3].source, source[5] + source[6]);
  EXPECT_EQ(tus[3].target, target[5] + " " + target[6]);
  EXPECT_EQ(tus[3].props.at("x-source-units"), "5 6");
  EXPECT_EQ(tus[3].props.at("x-target-units"), "5 6");
}

TEST(TmxWriterTest, HeaderCarriesSymbolLanguagesAndDate) {
  const ChineseEnglish fixture;
  const DocPtr doc = Parse(WriteTmx(fixture.document));
  ASSERT_TRUE(doc);
  const auto headers = Children(xmlDocGetRootElement(doc.get()), "header");
  ASSERT_EQ(headers.size(), 1u);
  xmlNode* header = headers[0];
  EXPECT_EQ(Attribute(header, "creationtool"), "Sextant");
  EXPECT_FALSE(Attribute(header, "creationtoolversion").empty());
  EXPECT_EQ(Attribute(header, "datatype"), "plaintext");
  EXPECT_EQ(Attribute(header, "segtype"), "sentence");
  EXPECT_EQ(Attribute(header, "o-tmf"), "Sextant");
  EXPECT_EQ(Attribute(header, "adminlang"), "en");
  EXPECT_EQ(Attribute(header, "srclang"), "zh");
  EXPECT_EQ(Attribute(header, "creationdate"), "20261128T120000Z");
  const auto props = Props(header);
  EXPECT_EQ(props.at("x-document-symbol"), "A/HRC/WG.6/34/ITA/3");
  EXPECT_EQ(props.at("x-languages"), "zh,en");
}

TEST(TmxWriterTest, EmptySymbolLeavesThePropOut) {
  ChineseEnglish fixture;
  fixture.document.symbol.clear();
  const DocPtr doc = Parse(WriteTmx(fixture.document));
  ASSERT_TRUE(doc);
  EXPECT_EQ(DtdErrors(doc.get()), "");
  const auto props = Props(Children(xmlDocGetRootElement(doc.get()), "header").at(0));
  EXPECT_EQ(props.count("x-document-symbol"), 0u);
  EXPECT_EQ(props.at("x-languages"), "zh,en");
}

TEST(TmxWriterTest, IsReproducible) {
  const ChineseEnglish fixture;
  EXPECT_EQ(WriteTmx(fixture.document), WriteTmx(fixture.document));
}

TEST(TmxWriterTest, NoAlignmentGivesAnEmptyValidBody) {
  TmxDocument document;
  document.source_language = Language::kFrench;
  document.target_language = Language::kRussian;
  const DocPtr doc = Parse(WriteTmx(document));
  ASSERT_TRUE(doc);
  EXPECT_EQ(DtdErrors(doc.get()), "");
  EXPECT_TRUE(ReadTus(doc.get()).empty());
}

TEST(TmxWriterTest, HostileTextIsEscapedCleanedAndValid) {
  Alignment alignment;
  alignment.source_language = Language::kArabic;
  alignment.target_language = Language::kEnglish;
  alignment.links = {Link({0}, {0}, 0.9), Link({1}, {1}, 0.8), Link({2}, {2}, 1.7),
                     Link({3}, {3}, -0.5)};
  TmxDocument document;
  document.symbol = "S/2026/1 <b>&\"'\x01";
  document.source_language = Language::kArabic;
  document.target_language = Language::kEnglish;
  document.source_units = {
      "\xd9\x84\xd8\xac\xd9\x85\xd9\x8a\xd8\xb9 \xd8\xb4\xd8\xb9\xd9\x88\xd8\xa8 "
      "\xe2\x80\x8f(A/70/1)\xe2\x80\x8e \xd8\xa7\xd9\x84\xd8\xad\xd9\x82.",  // Arabic, RLM/LRM
      "<script>alert(\"x\")</script> & &amp; 'single' \"double\" ]]> <!-- c -->",
      "bad\xff\xfe bytes \xc3 truncated \xed\xa0\x80 surrogate",
      "emoji \xf0\x9f\x98\x80\xf0\x9f\x87\xba\xf0\x9f\x87\xb3 tab\tcr\rlf\nend"};
  document.target_units = {"control\x01\x02\x1f\x7f chars\x0b\x0c here",
                           "\xef\xbf\xbe nonchar \xef\xbf\xbf", "plain", "  padded  "};
  document.alignment = &alignment;
  document.creation_date = "20261128T120000Z";

  const std::string xml = WriteTmx(document);
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  const DocPtr doc = Parse(xml);
  ASSERT_TRUE(doc) << xml;
  EXPECT_EQ(DtdErrors(doc.get()), "") << xml;

  const std::vector<ReadTu> tus = ReadTus(doc.get());
  ASSERT_EQ(tus.size(), 4u);
  EXPECT_EQ(tus[0].source, document.source_units[0]);  // RTL text untouched
  EXPECT_EQ(tus[0].source_lang, "ar");
  EXPECT_EQ(tus[0].target, "control\x7f chars here");  // C0 controls dropped, DEL kept
  EXPECT_EQ(tus[1].source, document.source_units[1]);  // markup read back as text
  EXPECT_EQ(tus[1].target, "nonchar");                 // U+FFFE, U+FFFF dropped, trimmed
  EXPECT_EQ(tus[2].source,
            "bad\xef\xbf\xbd\xef\xbf\xbd bytes \xef\xbf\xbd truncated "
            "\xef\xbf\xbd surrogate");  // a bad byte, an encoded surrogate -> U+FFFD
  EXPECT_EQ(tus[3].source, document.source_units[3]);            // emoji, tab, CR, LF kept
  EXPECT_EQ(tus[3].target, "padded");
  EXPECT_EQ(tus[2].props.at("x-score"), "1.00");  // clamped to [0, 1]
  EXPECT_EQ(tus[3].props.at("x-score"), "0.00");

  const auto props = Props(Children(xmlDocGetRootElement(doc.get()), "header").at(0));
  EXPECT_EQ(props.at("x-document-symbol"), "S/2026/1 <b>&\"'");
  EXPECT_EQ(props.at("x-languages"), "ar,en");
}

TEST(TmxWriterTest, LinkWithNothingLeftAfterCleaningIsLeftOut) {
  Alignment alignment;
  alignment.links = {Link({0}, {0}, 0.9), Link({1}, {1}, 0.9)};
  TmxDocument document;
  document.source_units = {"\x01\x02", "kept"};
  document.target_units = {"x", "gardé"};
  document.target_language = Language::kFrench;
  document.alignment = &alignment;
  const DocPtr doc = Parse(WriteTmx(document));
  ASSERT_TRUE(doc);
  const auto tus = ReadTus(doc.get());
  ASSERT_EQ(tus.size(), 1u);
  EXPECT_EQ(tus[0].target, "gardé");
}

}  // namespace
}  // namespace sextant
