// Tagging measured on real UN material (issue 3, "How it is measured"),
// printed as "[ measure  ]" lines and asserted at what was measured, less a
// small margin:
//   a. seed/*.txt (the Chinese agenda as extracted text): TagText over the
//      whole text finds the five symbols it cites, resolutions 7/1 and 10/3,
//      the dates 2022-06-29 and 2022-06-30; built into a Document (a small
//      line reader below) and run through SegmentStage + TagStage, it gives
//      the agenda 1 (a, b) to 6 with the seed's titles.
//   b. un-pdf/ga/*.pdf through ExtractionStages(): the "Agenda item N" of
//      each resolution or draft against a table read from the PDFs by hand,
//      and the share of paragraphs with an agenda item.
//   c. igov-decisions/*/*.json: per decision, the agenda item of
//      ED_AgendaItem (a bare "101 (c)", "19 and 73 (a)", read as "Agenda
//      item <field>") by AgendaItemTagger, and the symbols of the "(See ...)"
//      references of ED_DecisionText by FindSymbols.
// Skipped, with a message, when ../shared/corpora is absent.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/runner.h"
#include "pipeline/unicode_text.h"
#include "stages/segment/segment_stage.h"
#include "stages/standard_stages.h"
#include "stages/tag/agenda_item_tagger.h"
#include "stages/tag/symbol_tagger.h"
#include "stages/tag/tag_stage.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

// Floors: the shares measured when these tests were written, less a small
// margin (see the "[ measure  ]" lines).
constexpr double kMinGaRight = 0.97;    // measured 35/35
constexpr double kMinIgovItems = 0.99;  // measured 939/941
constexpr double kMinIgovSee = 0.97;    // measured 183/186

std::vector<fs::path> FilesIn(const fs::path& dir, std::string_view extension) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == extension) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream buffer;
  buffer << file.rdbuf();
  return buffer.str();
}

double Share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// ---------------------------------------------------------------------------
// a. The seed.

std::string SeedText() {
  std::string text;
  for (const fs::path& path : FilesIn(testing::SharedCorpora() / "seed", ".txt")) {
    text += ReadFile(path);
  }
  return text;
}

std::string Trim(std::string_view line) { return FoldWhitespace(line); }

bool EndsWithAny(std::string_view text, std::initializer_list<std::string_view> tails) {
  for (std::string_view tail : tails) {
    if (text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail) return true;
  }
  return false;
}

std::size_t CodePoints(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); ++count) NextCodePoint(text, pos);
  return count;
}

// "1. 组织事项：", "(a) 会议开幕；": an agenda list entry or an annotation
// heading.
bool IsNumberedLine(std::string_view line) {
  if (line.rfind("(", 0) == 0) return line.size() >= 3 && line[2] == ')';
  const std::optional<ItemNumber> item = ReadItemNumber(line);
  return item && item->subitem.empty() && line.substr(item->length).rfind(". ", 0) == 0;
}

bool IsHeadingWord(std::string_view line) {
  return line == "临时议程" || line == "说明" || line == "临时议程说明" || line == "文件" ||
         line == "附件";
}

// The seed's non-empty lines as paragraphs. A line that does not end a
// sentence (。：；) or a bracket is joined with the next; a numbered line
// takes only a short tail ("的事项。", "项"), so that an annotation heading
// does not swallow the paragraph under it. Headings: the heading words and
// short numbered lines.
std::vector<Paragraph> SeedParagraphs(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::string trimmed = Trim(line);
    if (!trimmed.empty()) lines.push_back(std::move(trimmed));
  }
  std::vector<Paragraph> paragraphs;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string joined = lines[i];
    const bool numbered = IsNumberedLine(joined);
    while (i + 1 < lines.size() && !IsHeadingWord(joined) && !IsHeadingWord(lines[i + 1]) &&
           !IsNumberedLine(lines[i + 1]) &&
           !EndsWithAny(joined, {"。", "：", "；", "）", ")"}) &&
           (!numbered || CodePoints(lines[i + 1]) <= 5)) {
      joined += lines[++i];
    }
    Paragraph paragraph;
    paragraph.page = 1;
    paragraph.text = joined;
    paragraph.kind = IsHeadingWord(joined) || (numbered && CodePoints(joined) <= 60)
                         ? ParagraphKind::kHeading
                         : ParagraphKind::kBody;
    paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

TEST(TaggingCorpus, SeedTags) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  const std::string text = FoldWhitespace(SeedText());
  ASSERT_FALSE(text.empty());
  const std::vector<Tag> tags = TagText(text, Language::kChinese, AllTaggers());
  std::set<std::string> found;
  for (const Tag& tag : tags) found.insert(std::string(TagKindName(tag.kind)) + ":" + tag.value);
  const std::vector<std::string> wanted = {
      "symbol:CTOC/COP/WG.4/2022/2", "symbol:CTOC/COP/WG.4/2022/3",
      "symbol:CTOC/COP/WG.4/2020/2", "symbol:CTOC/COP/WG.4/2020/3",
      "symbol:CTOC/COP/2020/CRP.2",  "resolution:7/1",
      "resolution:10/3",             "date:2022-06-29",
      "date:2022-06-30"};
  std::size_t hits = 0;
  for (const std::string& want : wanted) {
    const bool hit = found.count(want) > 0;
    hits += hit;
    EXPECT_TRUE(hit) << want;
  }
  std::size_t symbols = 0;
  for (const Tag& tag : tags) symbols += tag.kind == TagKind::kSymbol;
  std::cout << "[ measure  ] seed tags wanted found: " << hits << "/" << wanted.size()
            << " (all tags: " << tags.size() << ", symbol tags: " << symbols << ")\n";
  // Nothing beyond the seed's own symbols is invented.
  for (const Tag& tag : tags) {
    if (tag.kind != TagKind::kSymbol) continue;
    EXPECT_NE(std::find(wanted.begin(), wanted.end(), "symbol:" + tag.value), wanted.end())
        << tag.value;
  }
}

TEST(TaggingCorpus, SeedAgenda) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  Document document;
  document.path = "seed";
  document.language = Language::kChinese;
  document.paragraphs = SeedParagraphs(SeedText());
  ASSERT_TRUE(SegmentStage().Run(document).ok());
  ASSERT_TRUE(TagStage().Run(document).ok());

  struct Entry {
    const char* item;
    const char* title;
  };
  static const Entry kExpected[] = {
      {"1", "组织事项"},
      {"1(a)", "会议开幕"},
      {"1(b)", "通过议程和工作安排"},
      {"2", "对因被贩运而被迫犯罪的受害人采取适当刑事司法对策问题的指导"},
      {"3", "联合调查和专门起诉方面的最佳做法"},
      {"4", "与联合国打击跨国有组织犯罪公约及其各项议定书实施情况审议机制有关的事项"},
      {"5", "其他事项"},
      {"6", "通过报告"},
  };
  std::vector<std::pair<std::string, std::string>> got;
  for (const AgendaEntry& entry : document.agenda) {
    got.emplace_back(entry.item, entry.title);
    for (const AgendaEntry& sub : entry.subitems) got.emplace_back(sub.item, sub.title);
  }
  std::size_t right = 0;
  for (const Entry& want : kExpected) {
    SCOPED_TRACE(want.item);
    const bool hit = std::find(got.begin(), got.end(),
                               std::make_pair(std::string(want.item), std::string(want.title))) !=
                     got.end();
    right += hit;
    EXPECT_TRUE(hit) << want.title;
  }
  EXPECT_EQ(got.size(), std::size(kExpected));

  // The annotations: every body paragraph after "说明" and before "附件"
  // belongs to an item; the ones that cite the item's documents to it.
  std::size_t body = 0, with_item = 0;
  bool annotations = false;
  std::map<std::string, std::string> item_of;  // first words -> item
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.text == "说明") annotations = true;
    if (paragraph.text == "附件") annotations = false;
    if (!annotations || paragraph.kind != ParagraphKind::kBody) continue;
    ++body;
    with_item += !paragraph.agenda_item.empty();
    for (const char* start : {"贩运人口问题工作组第十二次会议将于", "缔约方会议在其题为",
                              "在关于对因被贩运而被迫犯罪", "在关于联合调查和专门起诉",
                              "鉴于秘书处尚未注意到", "预计工作组将通过一份会议报告"}) {
      if (paragraph.text.rfind(start, 0) == 0) item_of[start] = paragraph.agenda_item;
    }
  }
  EXPECT_EQ(item_of["贩运人口问题工作组第十二次会议将于"], "1(a)");
  EXPECT_EQ(item_of["缔约方会议在其题为"], "1(b)");
  EXPECT_EQ(item_of["在关于对因被贩运而被迫犯罪"], "2");
  EXPECT_EQ(item_of["在关于联合调查和专门起诉"], "3");
  EXPECT_EQ(item_of["鉴于秘书处尚未注意到"], "5");
  EXPECT_EQ(item_of["预计工作组将通过一份会议报告"], "6");
  std::cout << "[ measure  ] seed agenda entries right: " << right << "/" << std::size(kExpected)
            << "; annotation body paragraphs with an agenda item: " << with_item << "/" << body
            << "\n";
  EXPECT_EQ(with_item, body);
}

// ---------------------------------------------------------------------------
// b. General Assembly resolutions and drafts.

// The masthead's agenda item, read from each PDF by hand (pdftotext -l 1);
// "" where the masthead cites none (the committees' notes on their
// organization of work). "Agenda items 13 and 117" gives the first.
const std::map<std::string, std::string> kGaAgendaItems = {
    {"A_80_L.1.pdf", "35"},      {"A_80_L.10.pdf", "11"},      {"A_C.1_80_L.1.pdf", "95"},
    {"A_C.1_80_L.10.pdf", "91"}, {"A_C.1_80_L.26.pdf", "99(ee)"}, {"A_C.2_80_L.1.pdf", ""},
    {"A_C.2_80_L.10.pdf", "16(a)"}, {"A_C.2_80_L.26.pdf", "18"}, {"A_C.3_80_L.1.pdf", ""},
    {"A_C.3_80_L.10.pdf", "25(b)"}, {"A_C.3_80_L.26.pdf", "70"}, {"A_C.4_80_L.1.pdf", ""},
    {"A_C.4_80_L.10.pdf", "48"}, {"A_C.5_80_L.1.pdf", ""},       {"A_C.5_80_L.10.pdf", "136"},
    {"A_C.6_80_L.1.pdf", ""},    {"A_C.6_80_L.10.pdf", "78"},    {"A_RES_78_1.pdf", "13"},
    {"A_RES_78_100.pdf", "58"},  {"A_RES_78_209.pdf", "71(b)"},  {"A_RES_78_243.pdf", "133"},
    {"A_RES_78_270.pdf", "30"},  {"A_RES_78_3.pdf", "125"},      {"A_RES_79_1.pdf", "123"},
    {"A_RES_79_100.pdf", "58"},  {"A_RES_79_200.pdf", "18"},     {"A_RES_79_300.pdf", "155"},
    {"A_RES_79_311.pdf", "166"}, {"A_RES_80_1.pdf", "7"},        {"A_RES_80_10.pdf", "13"},
    {"A_RES_80_100.pdf", "58"},  {"A_RES_80_150.pdf", "21(a)"},  {"A_RES_80_2.pdf", "140"},
    {"A_RES_80_200.pdf", "71(b)"}, {"A_RES_80_3.pdf", "13"},
};

TEST(TaggingCorpus, GeneralAssemblyAgendaItems) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  const Runner runner(ExtractionStages());
  const auto pdfs = FilesIn(testing::SharedCorpora() / "un-pdf/ga", ".pdf");
  ASSERT_EQ(pdfs.size(), kGaAgendaItems.size());
  std::size_t right = 0, with_item = 0, paragraphs = 0, paragraphs_with_item = 0;
  std::vector<std::string> misses;
  for (const fs::path& pdf : pdfs) {
    const std::string name = pdf.filename().string();
    SCOPED_TRACE(name);
    const DocumentResult result = runner.RunOne(pdf.string());
    ASSERT_TRUE(result.status.ok()) << result.status.ToString();
    // The document's item is the one ReadAgendaStructure gave its first
    // paragraph (the masthead case gives every paragraph the same).
    const Document& document = result.document;
    const std::string item = document.paragraphs.empty() ? "" : document.paragraphs[0].agenda_item;
    const auto expected = kGaAgendaItems.find(name);
    ASSERT_NE(expected, kGaAgendaItems.end());
    if (item == expected->second) {
      ++right;
    } else {
      misses.push_back(name + " got \"" + item + "\" want \"" + expected->second + "\"");
    }
    with_item += !item.empty();
    for (const Paragraph& paragraph : document.paragraphs) {
      ++paragraphs;
      paragraphs_with_item += !paragraph.agenda_item.empty();
    }
  }
  std::cout << "[ measure  ] GA documents with an agenda item: " << with_item << "/" << pdfs.size()
            << " = " << Share(with_item, pdfs.size()) << "\n"
            << "[ measure  ] GA agenda item right (vs hand table): " << right << "/" << pdfs.size()
            << " = " << Share(right, pdfs.size()) << "\n"
            << "[ measure  ] GA paragraphs with agenda_item set: " << paragraphs_with_item << "/"
            << paragraphs << " = " << Share(paragraphs_with_item, paragraphs) << "\n";
  for (const std::string& miss : misses) std::cout << "[ measure  ]   miss: " << miss << "\n";
  EXPECT_GE(Share(right, pdfs.size()), kMinGaRight);
}

// ---------------------------------------------------------------------------
// c. igov decisions.

// "19 and 73 (a)" -> {"19", "73(a)"}; "136 and 149 to 165" -> {"136",
// "149", ..., "165"}; "164–169" likewise.
std::vector<std::string> ExpectedItems(const std::string& field) {
  static const std::regex kItem(R"((\d+)\s*(?:\(([a-z]{1,2})\))?(\s+to\s+|\s*–\s*)?(\d+)?)");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(field.begin(), field.end(), kItem); it != std::sregex_iterator();
       ++it) {
    const auto& m = *it;
    if (m[3].matched && m[4].matched) {
      for (int n = std::stoi(m[1]); n <= std::stoi(m[4]); ++n) out.push_back(std::to_string(n));
    } else {
      out.push_back(m[1].str() + (m[2].matched ? "(" + m[2].str() + ")" : ""));
    }
  }
  return out;
}

// The full symbols of "(See A/71/437 and Corr.1, A/71/PV.40)": the ones
// that start with a root and a slash ("Corr.1" alone is not a symbol).
std::vector<std::string> SeeReferences(const std::string& text) {
  static const std::regex kSee(R"(\(See ([^)]*))");
  static const std::regex kSymbol(R"(\b(?:A|E|S)/[A-Za-z0-9.*/]*[A-Za-z0-9*])");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kSee); it != std::sregex_iterator();
       ++it) {
    const std::string inside = (*it)[1];
    for (auto s = std::sregex_iterator(inside.begin(), inside.end(), kSymbol);
         s != std::sregex_iterator(); ++s) {
      out.push_back(s->str());
    }
  }
  return out;
}

TEST(TaggingCorpus, IgovDecisions) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  const auto files = FilesIn(testing::SharedCorpora() / "igov-decisions", ".json");
  ASSERT_GE(files.size(), 900u);
  const AgendaItemTagger agenda_tagger;
  std::size_t items_right = 0, with_see = 0, see_right = 0, references = 0, references_found = 0;
  std::vector<std::string> item_misses, see_misses;
  for (const fs::path& path : files) {
    const nlohmann::json decision = nlohmann::json::parse(ReadFile(path));
    const std::string name = path.parent_path().filename().string() + "/" + path.filename().string();
    // Agenda item.
    const std::string field = decision.value("ED_AgendaItem", "");
    const std::string cited = "Agenda item " + FoldWhitespace(field);
    std::vector<std::string> got;
    for (const Tag& tag : agenda_tagger.Find(cited, Language::kEnglish)) got.push_back(tag.value);
    const std::vector<std::string> want = ExpectedItems(field);
    if (!want.empty() && got == want) {
      ++items_right;
    } else {
      std::string got_text;
      for (const std::string& g : got) got_text += g + " ";
      item_misses.push_back(name + ": \"" + cited + "\" -> " + got_text);
    }
    // "(See ...)" references.
    const std::string text = decision.value("ED_DecisionText", "");
    const std::vector<std::string> see = SeeReferences(text);
    if (see.empty()) continue;
    ++with_see;
    std::set<std::string> tagged;
    for (const Tag& tag : FindSymbols(text)) tagged.insert(tag.value);
    bool all = true;
    for (const std::string& symbol : see) {
      ++references;
      if (tagged.count(symbol)) {
        ++references_found;
      } else {
        all = false;
        see_misses.push_back(name + ": " + symbol);
      }
    }
    see_right += all;
  }
  std::cout << "[ measure  ] igov decisions with the agenda item read: " << items_right << "/"
            << files.size() << " = " << Share(items_right, files.size()) << "\n"
            << "[ measure  ] igov decisions with every (See ...) symbol tagged: " << see_right
            << "/" << with_see << " = " << Share(see_right, with_see) << " (references "
            << references_found << "/" << references << ")\n";
  for (std::size_t i = 0; i < item_misses.size() && i < 8; ++i) {
    std::cout << "[ measure  ]   agenda item miss: " << item_misses[i] << "\n";
  }
  for (std::size_t i = 0; i < see_misses.size() && i < 8; ++i) {
    std::cout << "[ measure  ]   see miss: " << see_misses[i] << "\n";
  }
  EXPECT_GE(Share(items_right, files.size()), kMinIgovItems);
  EXPECT_GE(Share(see_right, with_see), kMinIgovSee);
}

}  // namespace
}  // namespace sextant
