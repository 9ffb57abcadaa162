// The agenda structure and the tag stage end to end, on the project's own
// fixtures corpora/pdf/{en,fr,es,ru,zh,ar}.pdf run through ExtractionStages():
//   - document.agenda is items 1 (with sub-items 1(a), 1(b)), 2, 3, 4, with
//     the titles of the spec's list (corpora/fixtures/<lang>.json, the
//     trailing ":" ";" "." "؛" and full-width "：" "；" "。" trimmed);
//   - the work programme has 2 rows, items 1(a) and 4, with the spec's titles;
//   - annotation paragraphs carry the agenda item of their section;
//   - the symbols CTOC/COP/WG.4/2020/2, CTOC/COP/WG.4/2022/2,
//     CTOC/COP/2020/CRP.2, CTOC/COP/WG.4/2020/3, resolution 7/1 and the
//     dates 2022-06-29 and 2022-06-30 are tagged.
// Each language runs named checks; the ones the code is known to fail are
// listed in kKnownGaps and asserted to STILL fail, so that fixing the code
// forces the list to shrink.
// Then ReadAgendaStructure on hand-built documents (a resolution's masthead
// "Agenda item 26", an agenda list with annotations) and IsAgendaHeading.
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/runner.h"
#include "pipeline/unicode_text.h"
#include "stages/layout/line_joiner.h"
#include "stages/standard_stages.h"
#include "stages/tag/agenda_structure.h"
#include "stages/tag/tag_stage.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

// (language, check) pairs the code fails today. Shrink this list; never grow
// it to make a test pass.
//   - fr, es, ru write sub-items "a)" (no opening parenthesis): the list
//     reader and the annotation headings only read "(a)", so item 1 has no
//     sub-items and the 1(a)/1(b) annotations are filed under "1".
//   - ar writes sub-items "(أ)", "(ب)": the agenda, the work programme and
//     the paragraphs carry "1(أ)" where every other language has "1(a)"
//     (the digits are already folded to ASCII; the letters are not).
// Empty since sub-item letters are read in every script ("a)", "(أ)") and
// folded to Latin ("1(a)").
const std::set<std::pair<std::string, std::string>> kKnownGaps = {};

std::string CleanSpecText(const std::string& text, const std::string& language) {
  static const std::regex kMarker(R"(\{fn:\d+\})");
  const std::string without_marker = std::regex_replace(text, kMarker, "");
  std::string out;
  for (std::size_t pos = 0; pos < without_marker.size();) {
    const std::size_t start = pos;
    if (NextCodePoint(without_marker, pos) != 0xAD) out.append(without_marker, start, pos - start);
  }
  out = FoldWhitespace(out);
  return language == "zh" ? RemoveSpacesInChinese(out) : out;
}

// "1. Organizational matters:" -> "Organizational matters"; "(a) Opening
// of the meeting;" -> "Opening of the meeting"; "١- المسائل التنظيمية:".
std::string ListTitle(const std::string& text) {
  std::string title = text.substr(text.find(' ') + 1);
  for (std::string_view tail : {":", ";", ".", "：", "；", "。", "؛"}) {
    if (title.size() >= tail.size() &&
        title.compare(title.size() - tail.size(), tail.size(), tail) == 0) {
      title.resize(title.size() - tail.size());
      break;
    }
  }
  return FoldWhitespace(title);
}

struct Spec {
  std::vector<std::string> list_titles;  // items 1, 1(a), 1(b), 2, 3, 4
  std::vector<std::string> row_titles;   // the work programme rows
};

Spec ReadSpec(const std::string& language) {
  std::ifstream file(testing::SourceDir() / "corpora/fixtures" / (language + ".json"));
  const nlohmann::json spec = nlohmann::json::parse(file);
  Spec out;
  bool in_list = false;
  for (const auto& page : spec["pages"]) {
    for (const auto& paragraph : page["paragraphs"]) {
      const std::string text = CleanSpecText(paragraph["text"], language);
      if (paragraph["kind"] == "heading") {
        if (in_list || !out.list_titles.empty()) in_list = false;
        else in_list = true;  // the first heading is the agenda heading
        continue;
      }
      if (in_list && paragraph["kind"] == "body") out.list_titles.push_back(ListTitle(text));
      if (paragraph["kind"] == "table") {
        const std::size_t last_bar = text.rfind(" | ");
        if (out.row_titles.size() < 3) out.row_titles.push_back(text.substr(last_bar + 3));
      }
    }
  }
  out.row_titles.erase(out.row_titles.begin());  // the header row
  return out;
}

const Paragraph* FindParagraph(const Document& document,
                               const std::function<bool(const Paragraph&)>& predicate) {
  for (const Paragraph& paragraph : document.paragraphs) {
    if (predicate(paragraph)) return &paragraph;
  }
  return nullptr;
}

bool HasTag(const Paragraph& paragraph, TagKind kind, std::string_view value) {
  for (const Tag& tag : paragraph.tags) {
    if (tag.kind == kind && tag.value == value) return true;
  }
  return false;
}

std::string AgendaItemOf(const Paragraph* paragraph) {
  return paragraph ? paragraph->agenda_item : "(no such paragraph)";
}

struct Check {
  std::string name;
  bool passed;
  std::string detail;  // what was found
};

std::vector<Check> CheckFixture(const Document& document, const Spec& spec) {
  std::vector<Check> checks;
  const auto& agenda = document.agenda;
  std::string items, titles;
  for (const AgendaEntry& entry : agenda) {
    items += entry.item + " ";
    titles += entry.title + " | ";
  }
  checks.push_back({"items", items == "1 2 3 4 ", items});
  const std::string want_titles = spec.list_titles.size() == 6
                                      ? spec.list_titles[0] + " | " + spec.list_titles[3] + " | " +
                                            spec.list_titles[4] + " | " + spec.list_titles[5] + " | "
                                      : "(spec list has " + std::to_string(spec.list_titles.size()) + " entries)";
  checks.push_back({"titles", titles == want_titles, titles + " want " + want_titles});

  std::string subitems = "(no item 1)";
  if (!agenda.empty()) {
    subitems.clear();
    for (const AgendaEntry& sub : agenda[0].subitems) subitems += sub.item + " " + sub.title + " | ";
  }
  const std::string want_subitems =
      spec.list_titles.size() == 6
          ? "1(a) " + spec.list_titles[1] + " | 1(b) " + spec.list_titles[2] + " | "
          : "";
  checks.push_back({"subitems", subitems == want_subitems, subitems + " want " + want_subitems});

  std::string rows;
  for (const WorkProgrammeRow& row : document.work_programme) rows += row.item + " " + row.title + " | ";
  const std::string want_rows = spec.row_titles.size() == 2 ? "1(a) " + spec.row_titles[0] +
                                                                  " | 4 " + spec.row_titles[1] + " | "
                                                            : "";
  checks.push_back({"work programme", rows == want_rows, rows + " want " + want_rows});

  // Annotation paragraphs, found by what they cite.
  const Paragraph* opening = FindParagraph(document, [](const Paragraph& p) {
    return p.kind == ParagraphKind::kBody && p.tags.size() == 1 &&
           HasTag(p, TagKind::kDate, "2022-06-29");
  });
  const Paragraph* resolution = FindParagraph(
      document, [](const Paragraph& p) { return HasTag(p, TagKind::kResolution, "7/1"); });
  const Paragraph* meeting_plan = FindParagraph(
      document, [](const Paragraph& p) { return HasTag(p, TagKind::kDate, "2021-07-30"); });
  const Paragraph* item2 = FindParagraph(document, [](const Paragraph& p) {
    return HasTag(p, TagKind::kSymbol, "CTOC/COP/WG.4/2022/2");
  });
  const Paragraph* item3 = FindParagraph(document, [](const Paragraph& p) {
    return HasTag(p, TagKind::kSymbol, "CTOC/COP/2020/CRP.2");
  });
  const Paragraph* documentation = FindParagraph(document, [](const Paragraph& p) {
    return HasTag(p, TagKind::kSymbol, "CTOC/COP/WG.4/2020/3");
  });
  checks.push_back({"annotation 1(a)", AgendaItemOf(opening) == "1(a)", AgendaItemOf(opening)});
  checks.push_back({"annotation 1(b)",
                    AgendaItemOf(resolution) == "1(b)" && AgendaItemOf(meeting_plan) == "1(b)",
                    AgendaItemOf(resolution) + ", " + AgendaItemOf(meeting_plan)});
  checks.push_back({"annotation 2", AgendaItemOf(item2) == "2", AgendaItemOf(item2)});
  checks.push_back({"annotation 3",
                    AgendaItemOf(item3) == "3" && AgendaItemOf(documentation) == "3",
                    AgendaItemOf(item3) + ", " + AgendaItemOf(documentation)});
  bool annex_clear = true;
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.kind == ParagraphKind::kTable && !paragraph.agenda_item.empty()) annex_clear = false;
  }
  checks.push_back({"annex has no item", annex_clear, ""});

  // Tags anywhere in the document.
  std::multiset<std::string> found;
  for (const Paragraph& paragraph : document.paragraphs) {
    for (const Tag& tag : paragraph.tags) found.insert(std::string(TagKindName(tag.kind)) + ":" + tag.value);
  }
  for (const char* want : {"symbol:CTOC/COP/WG.4/2020/2", "symbol:CTOC/COP/WG.4/2022/2",
                           "symbol:CTOC/COP/2020/CRP.2", "symbol:CTOC/COP/WG.4/2020/3",
                           "resolution:7/1", "date:2022-06-29", "date:2022-06-30",
                           "date:2021-07-30"}) {
    checks.push_back({std::string("tag ") + want, found.count(want) > 0, ""});
  }
  return checks;
}

TEST(AgendaFixtures, StructureAndTagsInSixLanguages) {
  const Runner runner(ExtractionStages());
  std::set<std::pair<std::string, std::string>> failing;
  for (const std::string language : {"en", "fr", "es", "ru", "zh", "ar"}) {
    SCOPED_TRACE(language);
    const Spec spec = ReadSpec(language);
    ASSERT_EQ(spec.list_titles.size(), 6u);
    ASSERT_EQ(spec.row_titles.size(), 2u);
    const DocumentResult result =
        runner.RunOne((testing::SourceDir() / "corpora/pdf" / (language + ".pdf")).string());
    ASSERT_TRUE(result.status.ok()) << result.status.ToString();
    for (const Check& check : CheckFixture(result.document, spec)) {
      SCOPED_TRACE(check.name);
      if (kKnownGaps.count({language, check.name})) {
        EXPECT_FALSE(check.passed) << "known gap now passes: remove {" << language << ", "
                                   << check.name << "} from kKnownGaps";
      } else {
        EXPECT_TRUE(check.passed) << check.detail;
      }
      if (!check.passed) failing.insert({language, check.name});
    }
  }
  std::cout << "[ measure  ] agenda fixture checks failing (all in kKnownGaps): "
            << failing.size() << "\n";
}

// ---------------------------------------------------------------------------
// ReadAgendaStructure on hand-built documents.

struct HandParagraph {
  int page;
  ParagraphKind kind;
  const char* text;
  const char* agenda_item;  // expected after ReadAgendaStructure
};

struct HandCase {
  const char* name;
  std::vector<HandParagraph> paragraphs;
  const char* agenda;  // "1:Title[1(a):Sub,1(b):Sub];2:Title", "" for none
};

const HandCase kHandCases[] = {
    {"resolution masthead cites its agenda item: every paragraph gets it",
     {{1, ParagraphKind::kBody, "Eightieth session", "26"},
      {1, ParagraphKind::kBody, "Agenda item 26", "26"},
      {1, ParagraphKind::kHeading, "Resolution adopted by the General Assembly on 19 September 2025", "26"},
      {1, ParagraphKind::kBody, "The General Assembly, recalling its resolution 70/1 of 25 September 2015,", "26"},
      {2, ParagraphKind::kBody, "Decides to remain seized of the matter.", "26"}},
     ""},
    {"the first page's first item counts: 'Agenda items 26 and 27' gives 26",
     {{1, ParagraphKind::kBody, "Agenda items 26 and 27", "26"},
      {2, ParagraphKind::kBody, "Under agenda item 40, the Assembly decided", "26"}},
     ""},
    {"a sub-item in the masthead",
     {{1, ParagraphKind::kBody, "Agenda item 113 (b)", "113(b)"},
      {1, ParagraphKind::kBody, "Report of the Secretary-General", "113(b)"}},
     ""},
    {"Chinese masthead 议程项目",
     {{1, ParagraphKind::kBody, "议程项目2", "2"}, {1, ParagraphKind::kBody, "秘书长的报告", "2"}},
     ""},
    {"an agenda item cited only after page 1 is not the document's",
     {{1, ParagraphKind::kBody, "Report of the Secretary-General", ""},
      {2, ParagraphKind::kBody, "The Assembly considered agenda item 40.", ""}},
     ""},
    {"no agenda item anywhere",
     {{1, ParagraphKind::kBody, "Letter dated 8 April 2022 from the Permanent Representative", ""}},
     ""},
    {"an agenda list and its annotations",
     {{1, ParagraphKind::kHeading, "Provisional agenda", ""},
      {1, ParagraphKind::kBody, "1. Organizational matters:", "1"},
      {1, ParagraphKind::kBody, "(a) Opening of the meeting;", "1(a)"},
      {1, ParagraphKind::kBody, "(b) Adoption of the agenda and organization of work.", "1(b)"},
      {1, ParagraphKind::kBody, "2. Adoption of the report.", "2"},
      {1, ParagraphKind::kHeading, "Annotations", ""},
      {1, ParagraphKind::kHeading, "1. Organizational matters", "1"},
      {1, ParagraphKind::kHeading, "(a) Opening of the meeting", "1(a)"},
      {1, ParagraphKind::kBody, "The meeting will be opened on 29 June 2022.", "1(a)"},
      {1, ParagraphKind::kHeading, "(b) Adoption of the agenda and organization of work", "1(b)"},
      {1, ParagraphKind::kBody, "The proposed organization of work is annexed.", "1(b)"},
      {2, ParagraphKind::kHeading, "2. Adoption of the report", "2"},
      {2, ParagraphKind::kBody, "The Working Group will adopt a report.", "2"},
      {2, ParagraphKind::kHeading, "Annex", ""},
      {2, ParagraphKind::kTable, "Date | Time | Item | Title", ""},
      {2, ParagraphKind::kTable, "Wednesday, 29 June | 10 a.m.–1 p.m. | 1 (a) | Opening of the meeting", ""}},
     "1:Organizational matters[1(a):Opening of the meeting,1(b):Adoption of the agenda and "
     "organization of work];2:Adoption of the report"},
    {"Chinese agenda list",
     {{1, ParagraphKind::kHeading, "临时议程", ""},
      {1, ParagraphKind::kBody, "1. 组织事项：", "1"},
      {1, ParagraphKind::kBody, "(a) 会议开幕；", "1(a)"},
      {1, ParagraphKind::kBody, "2. 通过报告。", "2"},
      {1, ParagraphKind::kHeading, "说明", ""},
      {1, ParagraphKind::kHeading, "2. 通过报告", "2"},
      {1, ParagraphKind::kBody, "预计工作组将通过一份会议报告，报告草稿由秘书处编写。", "2"}},
     "1:组织事项[1(a):会议开幕];2:通过报告"},
};

std::string DescribeAgenda(const std::vector<AgendaEntry>& agenda) {
  std::string out;
  for (const AgendaEntry& entry : agenda) {
    if (!out.empty()) out += ";";
    out += entry.item + ":" + entry.title;
    if (!entry.subitems.empty()) {
      out += "[";
      for (std::size_t i = 0; i < entry.subitems.size(); ++i) {
        out += (i ? "," : "") + entry.subitems[i].item + ":" + entry.subitems[i].title;
      }
      out += "]";
    }
  }
  return out;
}

TEST(ReadAgendaStructure, HandBuiltDocuments) {
  const auto taggers = AllTaggers();
  for (const HandCase& c : kHandCases) {
    SCOPED_TRACE(c.name);
    Document document;
    document.language = Language::kEnglish;
    for (const HandParagraph& hand : c.paragraphs) {
      Paragraph paragraph;
      paragraph.page = hand.page;
      paragraph.kind = hand.kind;
      paragraph.text = hand.text;
      paragraph.tags = TagText(paragraph.text, Language::kEnglish, taggers);
      document.paragraphs.push_back(std::move(paragraph));
    }
    ReadAgendaStructure(document);
    EXPECT_EQ(DescribeAgenda(document.agenda), c.agenda);
    for (std::size_t i = 0; i < c.paragraphs.size(); ++i) {
      EXPECT_EQ(document.paragraphs[i].agenda_item, c.paragraphs[i].agenda_item)
          << c.paragraphs[i].text;
    }
  }
}

TEST(ReadAgendaStructure, WorkProgrammeRows) {
  Document document;
  for (const char* text : {"Provisional agenda", "1. Organizational matters:", "Annex",
                           "Date | Time | Item | Title",
                           "Wednesday, 29 June | 10 a.m.–1 p.m. | 1 (a) | Opening of the meeting",
                           "Thursday, 30 June | 3–6 p.m. | 4 | Adoption of the report",
                           "Thursday, 30 June | 3–6 p.m. | (continued) | Adoption of the report"}) {
    Paragraph paragraph;
    paragraph.page = 1;
    paragraph.text = text;
    paragraph.kind = std::string_view(text).find(" | ") != std::string_view::npos
                         ? ParagraphKind::kTable
                         : (std::string_view(text).rfind("1.", 0) == 0 ? ParagraphKind::kBody
                                                                        : ParagraphKind::kHeading);
    document.paragraphs.push_back(std::move(paragraph));
  }
  ReadAgendaStructure(document);
  ASSERT_EQ(document.work_programme.size(), 2u);
  EXPECT_EQ(document.work_programme[0].date, "Wednesday, 29 June");
  EXPECT_EQ(document.work_programme[0].time, "10 a.m.–1 p.m.");
  EXPECT_EQ(document.work_programme[0].item, "1(a)");
  EXPECT_EQ(document.work_programme[0].title, "Opening of the meeting");
  EXPECT_EQ(document.work_programme[1].item, "4");
}

TEST(ReadAgendaStructure, AgendaHeadings) {
  struct HeadingCase {
    const char* text;
    bool expected;
  };
  static const HeadingCase kCases[] = {
      {"Provisional agenda", true},       {"Ordre du jour provisoire", true},
      {"Programa provisional", true},     {"Предварительная повестка дня", true},
      {"临时议程", true},                  {"جدول الأعمال المؤقت", true},
      {"  Provisional   agenda ", true},  {"Agenda item 26", false},
      {"Annotations", false},             {"临时议程说明", false},
      {"Item 7 of the provisional agenda", false},
  };
  for (const HeadingCase& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(IsAgendaHeading(c.text), c.expected);
  }
}

}  // namespace
}  // namespace sextant
