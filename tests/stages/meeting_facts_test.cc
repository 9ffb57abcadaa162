// ReadMeetingFacts (stages/recommend/meeting_facts.h) from tables of opening
// paragraphs in the six languages, and on the seed's Chinese agenda text;
// RecommendationStage without records reads the meeting facts only.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "stages/recommend/meeting_facts.h"
#include "stages/recommend/recommendation_stage.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

struct FactsCase {
  std::vector<std::string> paragraphs;
  MeetingFacts expected;
};

Document WithParagraphs(const std::vector<std::string>& texts) {
  Document document;
  for (const std::string& text : texts) {
    Paragraph& paragraph = document.paragraphs.emplace_back();
    paragraph.text = text;
    paragraph.page = 1;
  }
  return document;
}

void ExpectFacts(const MeetingFacts& expected, const MeetingFacts& actual, const std::string& label) {
  EXPECT_EQ(expected.body, actual.body) << label;
  EXPECT_EQ(expected.session, actual.session) << label;
  EXPECT_EQ(expected.session_dates, actual.session_dates) << label;
  EXPECT_EQ(expected.dates, actual.dates) << label;
  EXPECT_EQ(expected.venue, actual.venue) << label;
  EXPECT_EQ(expected.subject, actual.subject) << label;
}

const FactsCase kCases[] = {
    // The UPR report's opening, in the six languages.
    {{"1. The Working Group on the Universal Periodic Review (UPR), established in accordance with "
      "Human Rights Council resolution 5/1 of 18 June 2007, held its fifth session from 4 to 15 May "
      "2009. The review of Afghanistan was held at the 8th meeting, on 7 May 2009. At its 12th "
      "meeting, on 11 May 2009, the Working Group adopted the present report on Afghanistan.",
      "2. On 8 September 2008, the Human Rights Council selected the following group of rapporteurs "
      "(troika) to facilitate the review of Afghanistan: Azerbaijan, Cameroon and Republic of Korea."},
     {"Working Group on the Universal Periodic Review", "5", {"2009-05-04/2009-05-15"}, {"2009-05-07"}, "", "Afghanistan"}},
    {{"1. Le Groupe de travail sur l'Examen périodique universel, créé conformément à la résolution 5/1 "
      "du Conseil des droits de l'homme en date du 18 juin 2007, a tenu sa cinquième session du 4 au "
      "15 mai 2009. L'Examen concernant l'Afghanistan a eu lieu à la 8e séance, le 7 mai 2009."},
     {"Groupe de travail sur l'Examen périodique universel", "5", {"2009-05-04/2009-05-15"}, {"2009-05-07"}, "", "Afghanistan"}},
    {{"1. El Grupo de Trabajo sobre el Examen Periódico Universal, establecido de conformidad con la "
      "resolución 5/1 del Consejo de Derechos Humanos, de 18 de junio de 2007, celebró su quinto "
      "período de sesiones del 4 al 15 de mayo de 2009. El examen del Afganistán se celebró en la "
      "octava sesión, el 7 de mayo de 2009."},
     {"Grupo de Trabajo sobre el Examen Periódico Universal", "5", {"2009-05-04/2009-05-15"}, {"2009-05-07"}, "", "Afganistán"}},
    {{"1. Рабочая группа по универсальному периодическому обзору, учрежденная в соответствии с "
      "резолюцией 5/1 Совета по правам человека от 18 июня 2007 года, провела свою пятую сессию "
      "4-15 мая 2009 года. Обзор по Афганистану состоялся на 8-м заседании 7 мая 2009 года."},
     {"Рабочая группа по универсальному периодическому обзору", "5", {"2009-05-04/2009-05-15"}, {"2009-05-07"}, "", "Афганистану"}},
    {{"1. 根据人权理事会2007年6月18日第5/1号决议设立的普遍定期审议工作组于2009年5月4日至15日举行了第五届会议。"
      "2009年5月7日举行的第8次会议对阿富汗进行了审议。"},
     {"普遍定期审议工作组", "5", {"2009-05-04/2009-05-15"}, {"2009-05-07"}, "", "阿富汗"}},
    {{"1 - عقد الفريق العامل المعني بالاستعراض الدوري الشامل، المنشأ وفقاً لقرار مجلس حقوق الإنسان 5/1 "
      "المؤرخ 18 حزيران/يونيه 2007، دورته الخامسة في الفترة من 4 إلى 15 أيار/مايو 2009. وجرى الاستعراض "
      "المتعلق بأفغانستان في الجلسة الثامنة المعقودة في 7 أيار/مايو 2009."},
     {"الفريق العامل المعني بالاستعراض الدوري الشامل", "5", {"2009-05-04/2009-05-15"}, {"2009-05-07"}, "", "أفغانستان"}},
    // A session that spans two months, a compound ordinal.
    {{"The Working Group on the Universal Periodic Review, established in accordance with Human Rights "
      "Council resolution 5/1 of 18 June 2007, held its twentieth session from 27 October to 7 November "
      "2014. The review of the Islamic Republic of Iran was held at the 9th meeting on 31 October 2014."},
     {"Working Group on the Universal Periodic Review", "20", {"2014-10-27/2014-11-07"}, {"2014-10-31"}, "", "Islamic Republic of Iran"}},
    // A treaty body's session heading.
    {{"Committee on the Elimination of Discrimination against Women", "Fifty-fourth session",
      "11 February–1 March 2013", "Concluding observations on the combined seventh and eighth periodic "
      "reports of Hungary"},
     {"Committee on the Elimination of Discrimination against Women", "54", {"2013-02-11/2013-03-01"}, {}, "", ""}},
    {{"Комитет по ликвидации дискриминации в отношении женщин провел свою двадцать первую сессию "
      "в Нью-Йорке с 7 по 25 июня 1999 года."},
     {"Комитет по ликвидации дискриминации в отношении женщин", "21", {"1999-06-07/1999-06-25"}, {}, "New York", ""}},
    // A meeting of a series: the meeting is the document's own.
    {{"Working Group on Trafficking in Persons", "Vienna, 29 and 30 June 2022",
      "The twelfth meeting of the Working Group on Trafficking in Persons will be held in Vienna on 29 "
      "and 30 June 2022."},
     {"Working Group on Trafficking in Persons", "12", {"2022-06-29", "2022-06-30"}, {"2022-06-29", "2022-06-30"}, "Vienna", ""}},
    {{"La douzième réunion du Groupe de travail sur la traite des personnes se tiendra à Vienne les 29 "
      "et 30 juin 2022."},
     {"Groupe de travail sur la traite des personnes", "12", {"2022-06-29", "2022-06-30"}, {"2022-06-29", "2022-06-30"}, "Vienna", ""}},
    {{"سيعقد الاجتماع الثاني عشر للفريق العامل المعني بالاتجار بالأشخاص في فيينا يومي 29 و30 حزيران/يونيه 2022."},
     {"الفريق العامل المعني بالاتجار بالأشخاص", "12", {"2022-06-29", "2022-06-30"}, {"2022-06-29", "2022-06-30"}, "Vienna", ""}},
    {{"La quinta reunión de la Conferencia de las Partes en la Convención de las Naciones Unidas contra "
      "la Delincuencia Organizada Transnacional se celebró en Viena del 18 al 22 de octubre de 2010."},
     {"Conferencia de las Partes en la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional",
      "5", {"2010-10-18/2010-10-22"}, {"2010-10-18/2010-10-22"}, "Vienna", ""}},
    // What must stay empty: no session from "resolution 5/1", no date from
    // the resolution's date, no review date from the troika's selection.
    {{"In accordance with paragraph 15 of the annex to Human Rights Council resolution 5/1 of 18 June "
      "2007, the following documents were issued."},
     {}},
    {{"On 8 September 2008, the Human Rights Council selected the following group of rapporteurs "
      "(troika) to facilitate the review of Belgium: Cuba, Japan and Nigeria."},
     {"", "", {}, {}, "", "Belgium"}},
    {{"The Conference, at its fifth session, adopted resolution 5/1 of 18 October 2010 on the review."},
     {"", "5", {}, {}, "", ""}},
};

TEST(MeetingFactsTest, ReadsTheOpeningInSixLanguages) {
  for (const FactsCase& row : kCases) {
    ExpectFacts(row.expected, ReadMeetingFacts(WithParagraphs(row.paragraphs)), row.paragraphs.front());
  }
}

TEST(MeetingFactsTest, FootnotesAreNotRead) {
  Document document = WithParagraphs({"Report of the Working Group"});
  Paragraph& footnote = document.paragraphs.emplace_back();
  footnote.text = "The Working Group held its fifth session from 4 to 15 May 2009.";
  footnote.kind = ParagraphKind::kFootnote;
  EXPECT_TRUE(ReadMeetingFacts(document).empty());
}

TEST(RecommendationStageTest, WithoutRecordsTheMeetingFactsAreStillRead) {
  const Document read = WithParagraphs(
      {"1. The Working Group on the Universal Periodic Review held its fifth session from 4 to 15 May 2009. "
       "The review of Afghanistan was held at the 8th meeting, on 7 May 2009.",
       "95. The recommendations formulated during the interactive dialogue and listed below enjoy the support of "
       "Afghanistan:",
       "95.1. Incorporate international conventions into domestic law (Norway, Mexico);"});
  Document with = read, without = read;
  ASSERT_TRUE(RecommendationStage().Run(with).ok());
  ASSERT_TRUE(RecommendationStage(/*records=*/false).Run(without).ok());
  ASSERT_EQ(with.recommendations.size(), 1u);
  EXPECT_EQ(with.recommendations[0].number, "95.1");
  EXPECT_TRUE(without.recommendations.empty());
  EXPECT_EQ(without.meeting.session, "5");
  ExpectFacts(with.meeting, without.meeting, "without records");
}

// The seed: the Chinese annotated agenda of the twelfth meeting of the
// Working Group on Trafficking in Persons, as extracted text, its blank-line
// separated blocks taken as paragraphs (lines joined without a space).
TEST(MeetingFactsTest, SeedChineseAgenda) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  const std::filesystem::path seed = testing::SharedCorpora() / "seed" / "000_afb4f432dd39980c.txt";
  std::ifstream in(seed);
  ASSERT_TRUE(in) << seed;
  std::vector<std::string> paragraphs;
  std::string line, current;
  while (std::getline(in, line)) {
    const std::size_t first = line.find_first_not_of(' ');
    const std::size_t last = line.find_last_not_of(' ');
    if (first == std::string::npos) {
      if (!current.empty()) paragraphs.push_back(current);
      current.clear();
      continue;
    }
    current += line.substr(first, last + 1 - first);
  }
  if (!current.empty()) paragraphs.push_back(current);
  const MeetingFacts facts = ReadMeetingFacts(WithParagraphs(paragraphs));
  EXPECT_EQ(facts.body, "贩运人口问题工作组");
  EXPECT_EQ(facts.session, "12");
  EXPECT_EQ(facts.session_dates, (std::vector<std::string>{"2022-06-29", "2022-06-30"}));
  EXPECT_EQ(facts.dates, (std::vector<std::string>{"2022-06-29", "2022-06-30"}));
  EXPECT_EQ(facts.venue, "Vienna");
  EXPECT_EQ(facts.subject, "");
}

}  // namespace
}  // namespace sextant
