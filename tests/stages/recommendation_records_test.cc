// Recommendations as records (stages/recommend): the report's grouping
// phrases, the recommending States' parentheses, items made in parts, a
// body's recommending sentence, and whole documents whose lists run across
// pages, in the six languages. The review-report wording follows the
// English reports of upr/ and the UN's other language versions of them.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stages/recommend/item_parts.h"
#include "stages/recommend/recommendation_groups.h"
#include "stages/recommend/recommendation_reader.h"
#include "stages/recommend/recommending_paragraphs.h"
#include "stages/recommend/recommending_states.h"
#include "stages/recommend/referenced_recommendations.h"

namespace sextant {

void PrintTo(const ItemPart& part, std::ostream* out) {
  *out << '"' << part.text << "\" (";
  for (const std::string& state : part.states) *out << state << ';';
  *out << ')';
}

namespace {

using R = RecommendationResponse;

struct GroupCase {
  const char* language;
  const char* intro;
  bool is_intro;
  R response;
};

// clang-format off
const GroupCase kGroupCases[] = {
    {"en", "95. The recommendations formulated during the interactive dialogue have been examined by Afghanistan and the recommendations listed below enjoy the support of Afghanistan:", true, R::kSupported},
    {"en", "136. The recommendations formulated during the interactive dialogue and listed below have been examined by Afghanistan and enjoy its support:", true, R::kSupported},
    {"en", "96. The following recommendations will be examined by Afghanistan, which will provide responses in due time.", true, R::kToBeExamined},
    {"en", "114. The response of Cyprus to the following recommendations will be included in the outcome report adopted by the Human Rights Council at its twenty-sixth session:", true, R::kToBeExamined},
    {"en", "97. The following recommendations did not enjoy the support of Afghanistan:", true, R::kNoted},
    {"en", "106. Uzbekistan indicated that the following recommendations are pertaining to measures already being implemented or which had already been implemented and will be further considered by the Government:", true, R::kToBeExamined},
    {"en", "116. The recommendations listed below will be further examined by Botswana:", true, R::kToBeExamined},
    {"en", "134. Uzbekistan considers that recommendations below are already implemented or in the process of implementation:", true, R::kSupported},
    {"en", "101. Viet Nam noted the following recommendations and indicated that they pertain to measures which have been implemented or are currently being implemented:", true, R::kNoted},
    {"en", "69. The recommendations below did not enjoy the support of Antigua and Barbuda:", true, R::kNoted},
    {"en", "92. In the course of the discussion, it was recommended that Botswana:", true, R::kNone},
    {"en", "94. In the course of the discussion, the following recommendations were made to Bangladesh:", true, R::kNone},
    {"en", "50. Finland considered the recommendations made during the interactive dialogue and listed below, and agrees to follow up on them:", true, R::kSupported},
    // Not intros: a statement about recommendations, an item.
    {"en", "61. Denmark raised concerns about and made a number of recommendations including in relation to widespread discrimination against women.", false, R::kNone},
    {"en", "95.12. Implement the recommendations of the treaty bodies (Norway);", false, R::kNone},
    {"fr", "95. Les recommandations formulées au cours du dialogue et énumérées ci-après ont été examinées par l’Afghanistan et recueillent son adhésion:", true, R::kSupported},
    {"fr", "96. Les recommandations ci-après seront examinées par l’Afghanistan, qui y répondra en temps voulu:", true, R::kToBeExamined},
    {"fr", "97. Les recommandations ci-après n’ont pas recueilli l’adhésion de l’Afghanistan:", true, R::kNoted},
    {"es", "95. Las recomendaciones formuladas durante el diálogo interactivo que figuran a continuación cuentan con el apoyo del Afganistán:", true, R::kSupported},
    {"es", "96. Las recomendaciones siguientes serán examinadas por el Afganistán, que responderá a su debido tiempo:", true, R::kToBeExamined},
    {"es", "97. Las recomendaciones siguientes no contaron con el apoyo del Afganistán:", true, R::kNoted},
    {"ru", "95. Перечисленные ниже рекомендации, высказанные в ходе интерактивного диалога, были рассмотрены Афганистаном и пользуются его поддержкой:", true, R::kSupported},
    {"ru", "96. Следующие рекомендации будут рассмотрены Афганистаном, который представит ответы в надлежащее время:", true, R::kToBeExamined},
    {"ru", "97. Следующие рекомендации не пользуются поддержкой Афганистана:", true, R::kNoted},
    {"zh", "95. 阿富汗审查了互动对话期间提出的建议，下列建议得到阿富汗的支持：", true, R::kSupported},
    {"zh", "96. 阿富汗将研究下列建议，并将适时作出答复：", true, R::kToBeExamined},
    {"zh", "97. 下列建议未得到阿富汗的支持：", true, R::kNoted},
    {"ar", "95. درست أفغانستان التوصيات المقدمة أثناء الحوار التفاعلي، وتحظى التوصيات الواردة أدناه بتأييد أفغانستان:", true, R::kSupported},
    {"ar", "96. ستدرس أفغانستان التوصيات التالية وستقدم ردودها في الوقت المناسب:", true, R::kToBeExamined},
    {"ar", "97. لم تحظ التوصيات التالية بتأييد أفغانستان:", true, R::kNoted},
};
// clang-format on

TEST(RecommendationGroupsTest, ReadsTheReportsOwnGrouping) {
  for (const GroupCase& c : kGroupCases) {
    SCOPED_TRACE(std::string(c.language) + ": " + c.intro);
    const std::optional<RecommendationGroupIntro> intro = ReadGroupIntro(c.intro);
    ASSERT_EQ(intro.has_value(), c.is_intro);
    if (intro) {
      EXPECT_EQ(RecommendationResponseName(intro->response), RecommendationResponseName(c.response));
    }
  }
}

// Intros that need the list to follow them ("104.1" next): without the
// word "recommendations", only a response announces a list.
TEST(RecommendationGroupsTest, AResponseOverAListThatFollowsIsAnIntro) {
  const struct {
    const char* intro;
    bool list_follows;
    bool is_intro;
    R response;
  } cases[] = {
      {"104. The following enjoy the support of El Salvador, which considers that they are already implemented or in the process of implementation:", true, true, R::kSupported},
      {"104. The following enjoy the support of El Salvador, which considers that they are already implemented or in the process of implementation:", false, false, R::kNone},
      {"84. At the request of the State under review, in view of upcoming constitutional arrangements, recommendations put forward to Sudan and South Sudan or to the parties of the CPA have been clustered as follows:", true, true, R::kNone},
      {"12. The delegation said that the following measures had been taken:", true, false, R::kNone},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.intro);
    const std::optional<RecommendationGroupIntro> intro = ReadGroupIntro(c.intro, c.list_follows);
    ASSERT_EQ(intro.has_value(), c.is_intro);
    if (intro) {
      EXPECT_EQ(RecommendationResponseName(intro->response), RecommendationResponseName(c.response));
    }
  }
}

TEST(RecommendationGroupsTest, TheDisclaimerEndsTheLists) {
  EXPECT_TRUE(EndsReviewRecommendations(
      "98. All conclusions and/or recommendations contained in the present report reflect the position of the "
      "submitting State(s) and/or the State under review."));
  EXPECT_FALSE(EndsReviewRecommendations("II. Conclusions and/or recommendations"));
}

struct StatesCase {
  const char* inside;
  std::vector<std::string> names;  // empty: not a list of States
};

// clang-format off
const StatesCase kStatesCases[] = {
    {"Norway", {"Norway"}},
    {"Austria, Czech Republic", {"Austria", "Czech Republic"}},
    {"Slovakia, Slovenia, Spain and Hungary", {"Slovakia", "Slovenia", "Spain", "Hungary"}},
    {"the Holy See", {"Holy See"}},
    {"the Netherlands and the United Kingdom of Great Britain and Northern Ireland", {"Netherlands", "United Kingdom of Great Britain and Northern Ireland"}},
    {"Bolivia (Plurinational State of) and Brazil", {"Bolivia (Plurinational State of)", "Brazil"}},
    {"Iran (Islamic Republic of)", {"Iran (Islamic Republic of)"}},
    {"Bosnia and Herzegovina", {"Bosnia and Herzegovina"}},
    {"Trinidad and Tobago, Antigua and Barbuda", {"Trinidad and Tobago", "Antigua and Barbuda"}},
    {"the former Yugoslav Republic of Macedonia", {"the former Yugoslav Republic of Macedonia"}},
    {"Norvège et Autriche", {"Norvège", "Autriche"}},
    {"Noruega y Austria", {"Noruega", "Austria"}},
    {"Норвегия и Австрия", {"Норвегия", "Австрия"}},
    {"Босния и Герцеговина", {"Босния и Герцеговина"}},
    {"挪威、奥地利", {"挪威", "奥地利"}},
    {"النرويج والنمسا", {"النرويج", "النمسا"}},
    {"البوسنة والهرسك", {"البوسنة والهرسك"}},
    // Not States.
    {"CEDAW", {}},
    {"2008–2015", {}},
    {"see para. 12", {}},
    {"Paris Principles", {}},
    {"Official Development Aid", {}},
    {"A/HRC/12/9", {}},
};
// clang-format on

TEST(RecommendingStatesTest, ReadsOneNamePerState) {
  for (const StatesCase& c : kStatesCases) {
    SCOPED_TRACE(c.inside);
    EXPECT_EQ(ReadStateList(c.inside), c.names);
  }
}

TEST(RecommendingStatesTest, FindsTheClosingParenthesis) {
  EXPECT_TRUE(ClosingStateList("Ratify OP-CAT (Slovenia, Sweden);"));
  EXPECT_TRUE(ClosingStateList("Ratify OP-CAT (Slovenia, Sweden)."));
  EXPECT_TRUE(ClosingStateList("Ratify OP-CAT (Slovenia); and"));
  EXPECT_TRUE(ClosingStateList("批准《禁止酷刑公约任择议定书》（斯洛文尼亚、瑞典）；"));
  EXPECT_TRUE(ClosingStateList("التصديق على البروتوكول الاختياري (سلوفينيا، السويد)؛"));
  EXPECT_FALSE(ClosingStateList("Ratify the Optional Protocol (OP-CAT)"));
  EXPECT_FALSE(ClosingStateList("Ratify the Optional Protocol to the Convention against"));
}

struct PartsCase {
  const char* item;
  std::vector<ItemPart> parts;
};


// clang-format off
const PartsCase kPartsCases[] = {
    {"Ratify OP-CAT (Slovenia, Sweden);", {{"Ratify OP-CAT", {"Slovenia", "Sweden"}}}},
    {"Consider ratifying ICRMW (Indonesia) (Paraguay);", {{"Consider ratifying ICRMW", {"Indonesia", "Paraguay"}}}},
    {"Allocate more resources to the reform (Malaysia); continue to consolidate the process (Oman);",
     {{"Allocate more resources to the reform", {"Malaysia"}}, {"continue to consolidate the process", {"Oman"}}}},
    {"Consider ratifying CPED (Uruguay)/Accede to CPED (Iraq);", {{"Consider ratifying CPED", {"Uruguay"}}, {"Accede to CPED", {"Iraq"}}}},
    {"Sign (Portugal)/ratify (France) the Convention against Torture (Tunisia);",
     {{"Sign the Convention against Torture", {"Portugal"}}, {"ratify the Convention against Torture", {"France"}},
      {"ratify the Convention against Torture", {"Tunisia"}}}},
    {"Consider signing and/or ratifying (Argentina)/ratify (Switzerland) the Rome Statute",
     {{"Consider signing and/or ratifying the Rome Statute", {"Argentina"}}, {"ratify the Rome Statute", {"Switzerland"}}}},
    {"Ratify the Convention on the Rights of Persons with Disabilities (CRPD) (Turkey);",
     {{"Ratify the Convention on the Rights of Persons with Disabilities (CRPD)", {"Turkey"}}}},
    {"Implement the National Strategy (2005–2012) fully", {{"Implement the National Strategy (2005–2012) fully", {}}}},
    {"Ratify the ICESCR (Slovakia) without any further delays;", {{"Ratify the ICESCR without any further delays", {"Slovakia"}}}},
    {"Ratify the OP-CAT (Austria), the OP-CEDAW (Brazil, Chile)",
     {{"Ratify the OP-CAT", {"Austria"}}, {"Ratify the OP-CEDAW", {"Brazil", "Chile"}}}},
};
// clang-format on

TEST(ItemPartsTest, SplitsAnItemByItsStates) {
  for (const PartsCase& c : kPartsCases) {
    SCOPED_TRACE(c.item);
    EXPECT_EQ(SplitItemByStates(c.item), c.parts);
  }
}

TEST(ItemPartsTest, LeavesTheFramingOut) {
  EXPECT_EQ(WithoutFraming("That Algeria take steps to ratify CPED", "Algeria"), "take steps to ratify CPED");
  EXPECT_EQ(WithoutFraming("Recommended to South Africa to ratify ICESCR", "South Africa"), "ratify ICESCR");
  EXPECT_EQ(WithoutFraming("That the State strengthen its efforts", "Algeria"), "strengthen its efforts");
  EXPECT_EQ(WithoutFraming("to establish a national human rights institution", ""), "establish a national human rights institution");
  EXPECT_EQ(WithoutFraming("That the Police Act be reformed", "Malaysia"), "That the Police Act be reformed");
}

// One State's recommendations strung together in one part (algeria2008).
struct FurtherCase {
  const char* part;
  std::vector<std::string> pieces;
};

// clang-format off
const FurtherCase kFurtherCases[] = {
    {"take appropriate measures; recommends the continuation of the moratorium",
     {"take appropriate measures", "Recommends the continuation of the moratorium"}},
    {"strengthen its efforts; recommends that Algeria cooperate with special procedures; recommends that steps be taken",
     {"strengthen its efforts", "Recommends that Algeria cooperate with special procedures", "Recommends that steps be taken"}},
    {"take initiatives to strengthen women's rights. It also recommended that the State pursue its efforts",
     {"take initiatives to strengthen women's rights", "Recommended that the State pursue its efforts"}},
    // One recommendation: "recommends" inside it, or after a comma.
    {"implement the measures the Committee recommends", {"implement the measures the Committee recommends"}},
    {"adopt the law, as the Committee recommends to all States", {"adopt the law, as the Committee recommends to all States"}},
};
// clang-format on

TEST(ItemPartsTest, SplitsFurtherRecommendationsOfOneState) {
  for (const FurtherCase& c : kFurtherCases) {
    SCOPED_TRACE(c.part);
    EXPECT_EQ(SplitFurtherRecommendations(c.part), c.pieces);
  }
  EXPECT_EQ(WithoutFraming("Recommends that Algeria cooperate with special procedures", "Algeria"), "cooperate with special procedures");
  EXPECT_EQ(WithoutFraming("Recommended that the State pursue its efforts", "Algeria"), "pursue its efforts");
}

struct SentenceCase {
  const char* text;
  bool found;
  const char* recommending;
  const char* addressee;
};

// clang-format off
const SentenceCase kSentenceCases[] = {
    {"23. The Committee recommends that the State party adopt a comprehensive anti-discrimination law.", true, "Committee", "State party"},
    {"The Advisory Committee recommends that the General Assembly request the Secretary-General to report.", true, "Advisory Committee", ""},
    {"The Working Group recommended that States parties consider joint investigations.", true, "Working Group", "States parties"},
    {"The Committee is concerned about the situation. The Committee further recommends that the State party ratify OP-CAT.", true, "Committee", "State party"},
    {"23. Le Comité recommande à l’État partie d’adopter une loi.", true, "Comité", "État partie"},
    {"23. El Comité recomienda al Estado parte que apruebe una ley.", true, "Comité", "Estado parte"},
    {"23. Комитет рекомендует государству-участнику принять закон.", true, "Комитет", "государство-участник"},
    {"23. 委员会建议缔约国通过一项全面的反歧视法。", true, "委员会", "缔约国"},
    {"23. توصي اللجنة الدولة الطرف باعتماد قانون شامل.", true, "اللجنة", "الدولة الطرف"},
    // Not a body recommending.
    {"53. Slovenia recommended improving the protection of victims.", false, "", ""},
    {"此外，工作组不妨参考其第十次会议产生的关于这一议题的建议草案。", false, "", ""},
    {"The recommendations of the Committee were discussed.", false, "", ""},
};
// clang-format on

TEST(RecommendingParagraphsTest, FindsTheBodyAndTheAddressee) {
  for (const SentenceCase& c : kSentenceCases) {
    SCOPED_TRACE(c.text);
    const std::optional<RecommendingSentence> sentence = FindRecommendingSentence(c.text);
    ASSERT_EQ(sentence.has_value(), c.found);
    if (!sentence) continue;
    EXPECT_EQ(sentence->recommending, c.recommending);
    EXPECT_EQ(sentence->addressee, c.addressee);
  }
}

Paragraph Para(std::string text, int page, ParagraphKind kind = ParagraphKind::kBody) {
  Paragraph paragraph;
  paragraph.text = std::move(text);
  paragraph.page = page;
  paragraph.kind = kind;
  return paragraph;
}

MeetingFacts Review(std::string subject) {
  MeetingFacts facts;
  facts.subject = std::move(subject);
  return facts;
}

TEST(RecommendationReaderTest, NumbersRunAcrossPagesAndFootnotes) {
  Document document;
  document.paragraphs = {
      Para("II. Conclusions and/or recommendations", 13, ParagraphKind::kHeading),
      Para("95. The recommendations formulated during the interactive dialogue and listed below enjoy the support of Afghanistan:", 13),
      Para("1. Incorporate international conventions into domestic legal reform (Norway);", 13),
      Para("2. Ratify (Slovakia, Slovenia), or consider ratifying (Costa Rica) the Rome Statute of the International", 13),
      Para("** Conclusions and recommendations have not been edited.", 13),
      Para("Conclusions and recommendations have not been edited.", 13),
      Para("1 A footnote at the foot of the page.", 13, ParagraphKind::kFootnote),
      Para("Criminal Court (Latvia);", 14, ParagraphKind::kHeading),
      Para("3. Submit its delayed reports to the Committee against Torture (Czech Republic); 4. Review the Penal Code (Austria).", 14),
      Para("96. The following recommendations did not enjoy the support of Afghanistan: 96.1. Abolish the death penalty (Italy, Sweden);", 14),
      Para("96.2. Impose a moratorium on executions (Ireland).", 14),
      Para("97. All conclusions and/or recommendations contained in the present report reflect the position of the submitting State(s).", 14),
      Para("98. This paragraph is not a recommendation (Norway).", 15),
  };
  const std::vector<Recommendation> records = ReadRecommendations(document, Review("Afghanistan"));
  ASSERT_EQ(records.size(), 8u);
  EXPECT_EQ(records[0].number, "95.1");
  EXPECT_EQ(records[0].recommending, std::vector<std::string>{"Norway"});
  EXPECT_EQ(records[0].response, R::kSupported);
  EXPECT_EQ(records[0].addressee, "Afghanistan");
  EXPECT_EQ(records[1].number, "95.2a");
  EXPECT_EQ(records[1].text, "Ratify the Rome Statute of the International Criminal Court");
  EXPECT_EQ(records[1].recommending, (std::vector<std::string>{"Slovakia", "Slovenia"}));
  EXPECT_EQ(records[2].number, "95.2b");
  EXPECT_EQ(records[2].text, "consider ratifying the Rome Statute of the International Criminal Court");
  EXPECT_EQ(records[3].number, "95.2c");
  EXPECT_EQ(records[3].recommending, std::vector<std::string>{"Latvia"});
  EXPECT_EQ(records[3].page, 13);  // where the item starts
  EXPECT_EQ(records[4].number, "95.3");
  EXPECT_EQ(records[5].number, "95.4");
  EXPECT_EQ(records[5].text, "Review the Penal Code");
  EXPECT_EQ(records[6].number, "96.1");
  EXPECT_EQ(records[6].response, R::kNoted);
  EXPECT_EQ(records[6].recommending, (std::vector<std::string>{"Italy", "Sweden"}));
  EXPECT_EQ(records[7].number, "96.2");
  EXPECT_EQ(records[7].page, 14);
}

// A line of an item that begins with a number ("3.5 million dwellings",
// iraq2010) continues the item, and the list goes on.
TEST(RecommendationReaderTest, ANumberStartingALineInsideAnItemContinuesIt) {
  Document document;
  document.paragraphs = {
      Para("81. The recommendations formulated during the interactive dialogue and listed below enjoy the support of Iraq:", 3),
      Para("1. Continue its policies to achieve the goal set in 2006 of building more than", 3),
      Para("3.5 million dwellings by 2015 (Angola);", 3),
      Para("2. Strengthen its efforts in the area of development (Algeria).", 3),
      Para("3.5 A paragraph numbered so is not part of the list.", 3),
  };
  const std::vector<Recommendation> records = ReadRecommendations(document, Review("Iraq"));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].text, "Continue its policies to achieve the goal set in 2006 of building more than 3.5 million dwellings by 2015");
  EXPECT_EQ(records[0].recommending, std::vector<std::string>{"Angola"});
  EXPECT_EQ(records[1].number, "81.2");
}

// A number misprinted with a digit dropped ("118.09" between 118.108 and
// 118.110, cambodia2014) is the next item, and the list goes on.
TEST(RecommendationReaderTest, ANumberWithADigitDroppedIsTheNextItem) {
  Document document;
  document.paragraphs = {
      Para("95. The recommendations formulated during the interactive dialogue and listed below enjoy the support of Afghanistan:", 3),
      Para("95.9 Ratify the Convention (Norway);", 3),
      Para("95.10 Adopt a law on torture (Chile);", 3),
      Para("95.1 Commute death sentences (Spain);", 3),
      Para("95.12 Publish figures on executions (Peru).", 3),
      Para("96. All conclusions and/or recommendations contained in the present report reflect the position of the submitting State(s).", 3),
  };
  const std::vector<Recommendation> records = ReadRecommendations(document, Review("Afghanistan"));
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[2].number, "95.11");
  EXPECT_EQ(records[2].text, "Commute death sentences");
  EXPECT_EQ(records[2].recommending, std::vector<std::string>{"Spain"});
  EXPECT_EQ(records[3].number, "95.12");
}

struct LanguageCase {
  const char* language;
  std::vector<std::string> paragraphs;
  const char* number;
  const char* text;
  std::vector<std::string> recommending;
  R response;
};

// clang-format off
const LanguageCase kLanguageCases[] = {
    {"en", {"95. The recommendations formulated during the interactive dialogue and listed below enjoy the support of Afghanistan:", "95.1. Incorporate international conventions into domestic law (Norway, Mexico);"},
     "95.1", "Incorporate international conventions into domestic law", {"Norway", "Mexico"}, R::kSupported},
    {"fr", {"95. Les recommandations formulées au cours du dialogue et énumérées ci-après ont été examinées par l’Afghanistan et recueillent son adhésion:", "95.1 Incorporer les conventions internationales dans le droit interne (Norvège, Mexique);"},
     "95.1", "Incorporer les conventions internationales dans le droit interne", {"Norvège", "Mexique"}, R::kSupported},
    {"es", {"96. Las recomendaciones siguientes serán examinadas por el Afganistán, que responderá a su debido tiempo:", "96.1 Incorporar las convenciones internacionales en el derecho interno (Noruega y México);"},
     "96.1", "Incorporar las convenciones internacionales en el derecho interno", {"Noruega", "México"}, R::kToBeExamined},
    {"ru", {"97. Следующие рекомендации не пользуются поддержкой Афганистана:", "97.1 Включить международные конвенции во внутреннее законодательство (Норвегия и Мексика);"},
     "97.1", "Включить международные конвенции во внутреннее законодательство", {"Норвегия", "Мексика"}, R::kNoted},
    {"zh", {"95. 阿富汗审查了互动对话期间提出的建议，下列建议得到阿富汗的支持：", "95.1 将国际公约纳入国内法（挪威、墨西哥）；"},
     "95.1", "将国际公约纳入国内法", {"挪威", "墨西哥"}, R::kSupported},
    {"ar", {"97. لم تحظ التوصيات التالية بتأييد أفغانستان:", "97.1 إدماج الاتفاقيات الدولية في القانون المحلي (النرويج والمكسيك)؛"},
     "97.1", "إدماج الاتفاقيات الدولية في القانون المحلي", {"النرويج", "المكسيك"}, R::kNoted},
    // A body's recommendation, with the list it announces.
    {"en", {"Recommendations", "42. The Committee recommends that the State party:", "(a) Adopt a law on domestic violence;", "(b) Train judges."},
     "42", "The Committee recommends that the State party: (a) Adopt a law on domestic violence; (b) Train judges.", {"Committee"}, R::kNone},
    {"zh", {"42. 委员会建议缔约国通过一项关于家庭暴力的法律。"},
     "42", "委员会建议缔约国通过一项关于家庭暴力的法律。", {"委员会"}, R::kNone},
};
// clang-format on

TEST(RecommendationReaderTest, ARecommendationInEachLanguage) {
  for (const LanguageCase& c : kLanguageCases) {
    SCOPED_TRACE(std::string(c.language) + ": " + c.paragraphs.back());
    Document document;
    for (const std::string& text : c.paragraphs) {
      const bool heading = text == "Recommendations";
      document.paragraphs.push_back(Para(text, 3, heading ? ParagraphKind::kHeading : ParagraphKind::kBody));
    }
    const std::vector<Recommendation> records = ReadRecommendations(document, MeetingFacts{});
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].number, c.number);
    EXPECT_EQ(records[0].text, c.text);
    EXPECT_EQ(records[0].recommending, c.recommending);
    EXPECT_EQ(RecommendationResponseName(records[0].response), RecommendationResponseName(c.response));
  }
}

// The first reviews answer the recommendations of their dialogue by
// paragraph: "102. The recommendations noted in the report in paragraphs
// 35 (a), (b) … above did not enjoy the support of Viet Nam."
struct ReferenceCase {
  const char* sentence;
  std::vector<ParagraphReference> references;
};

// clang-format off
const ReferenceCase kReferenceCases[] = {
    {"102. The recommendations noted in the report in paragraphs 35 (a), (b), (e) and (g) (i); 41 (b), (d) and (e); 49 above did not enjoy the support of Viet Nam.",
     {{35, {"a", "b", "e", "g", "i"}}, {41, {"b", "d", "e"}}, {49, {}}}},
    {"83. Recommendations noted in paragraphs 28 (a); 33 (a); 36 in section I above, will be examined by Sri Lanka which will provide responses in due time.",
     {{28, {"a"}}, {33, {"a"}}, {36, {}}}},
    {"105. The recommendations noted in the report in paragraphs: 71; 72 (c) above did not enjoy the support of Malaysia.",
     {{71, {}}, {72, {"c"}}}},
    {"107. The following recommendations did not enjoy the support of Uzbekistan: Uzbekistan considers that the recommendations contained in paragraphs 33 (a, b), 65(a), and 79 (d, f) are not part of its obligations. Uzbekistan considers the recommendations contained in paragraphs 43(a), 44 as unacceptable.",
     {{33, {"a", "b"}}, {65, {"a"}}, {79, {"d", "f"}}, {43, {"a"}}, {44, {}}}},
    {"78. The recommendations noted in the present report at paragraphs 16 (c), 17, 23 (last sentence) above did not enjoy the support of Cameroon.",
     {{16, {"c"}}, {17, {}}, {23, {}, true}}},
    {"70. Other recommendations noted in the report in paragraphs 45, 56, last sentence, and 63 above did not enjoy the support of Algeria.",
     {{45, {}}, {56, {}, true}, {63, {}}}},
    // Not the report's own paragraphs.
    {"61. The recommendations below enjoy the support of Iceland: 61.1. Keep the commitment made in paragraph 124 of the National Report (Chile);", {}},
    // Not such a sentence: no response, no recommendations.
    {"12. The delegation referred to the information in paragraphs 35 and 36 above.", {}},
    {"60. As noted in paragraphs 12 (a) and 14, Norway supported the plan.", {}},
};
// clang-format on

TEST(ReferencedRecommendationsTest, ReadsTheParagraphsPointedAt) {
  for (const ReferenceCase& c : kReferenceCases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(ReadParagraphReferences(c.sentence), c.references);
  }
}

TEST(ReferencedRecommendationsTest, ThePartsOfTheDialoguePointedAtAreRecords) {
  Document document;
  document.paragraphs = {
      Para("35. Canada welcomed improvements. Canada recommended that Viet Nam (a) increase the independence of media; (b) bring its press laws into", 5),
      Para("compliance with article 19 of ICCPR; and (c) that Viet Nam adopt a whistleblower law. It noted the laws.", 6),
      Para("36. The Netherlands asked about the press. It recommended that Viet Nam lift restrictions on Internet usage. It welcomed the recommendations of the Committee.", 6),
      Para("37. While commending Viet Nam, Sweden recommended abolishing the death penalty.", 6),
      Para("38. The Holy See recommended that Viet Nam free prisoners. It encouraged the authorities to investigate the Karuna Group.", 6),
      Para("39. Chile recommended (a) ratifying the OP-CAT; and (b) that Viet Nam abolish the death penalty.", 6),
      Para("99. The recommendations listed below enjoy the support of Viet Nam:", 20),
      Para("1. Continue its efforts (Cuba).", 20),
      // A line that starts with a letter is a paragraph of its own, even a heading.
      Para("100. The recommendations noted in the report in paragraphs 35 (b) and", 21),
      Para("(c), 36, 37, 38 (last sentence) and 39 above did not enjoy the support of Viet Nam. Paragraph 35 (c) is not for Viet Nam to accept (recommendations noted in paragraph 35 (c)).", 21, ParagraphKind::kHeading),
  };
  const std::vector<Recommendation> records = ReadRecommendations(document, Review("Viet Nam"));
  ASSERT_EQ(records.size(), 8u);
  EXPECT_EQ(records[0].number, "99.1");
  EXPECT_EQ(records[1].number, "p35(b)");
  EXPECT_EQ(records[1].text, "bring its press laws into compliance with article 19 of ICCPR");
  EXPECT_EQ(records[1].recommending, std::vector<std::string>{"Canada"});
  EXPECT_EQ(records[1].response, R::kNoted);
  EXPECT_EQ(records[1].page, 5);
  EXPECT_EQ(records[2].text, "adopt a whistleblower law");
  EXPECT_EQ(records[3].number, "p36");
  EXPECT_EQ(records[3].text, "lift restrictions on Internet usage");
  EXPECT_EQ(records[3].recommending, std::vector<std::string>{"Netherlands"});
  EXPECT_EQ(records[4].text, "Recommended abolishing the death penalty");
  EXPECT_EQ(records[4].recommending, std::vector<std::string>{"Sweden"});
  EXPECT_EQ(records[5].text, "investigate the Karuna Group");
  EXPECT_EQ(records[5].recommending, std::vector<std::string>{"Holy See"});
  // A paragraph pointed at whole that sets out its parts gives each of them.
  EXPECT_EQ(records[6].number, "p39(a)");
  EXPECT_EQ(records[6].text, "ratifying the OP-CAT");
  EXPECT_EQ(records[7].text, "abolish the death penalty");
}

}  // namespace
}  // namespace sextant
