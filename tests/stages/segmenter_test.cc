// Table-driven tests of the sentence segmenter and the word tokenizer in
// the six languages, from real UN text: pairs of consecutive sentences of
// one document of the UN Parallel Corpus development set (the same lines in
// all six languages), the Chinese agenda in ../shared/corpora/seed, and
// sentences of the devset and of UN documents carrying the symbols,
// abbreviations and list markers the corrections are for.
//
// Notation: the expected sentences joined by " | ". Unless a case gives its
// own input, the input is the expected sentences joined by a space (by
// nothing for Chinese), as the corpus measure does.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stages/icu/word_tokenizer.h"
#include "stages/segment/segment_stage.h"
#include "stages/segment/sentence_segmenter.h"

namespace sextant {
namespace {

constexpr Language kAr = Language::kArabic, kZh = Language::kChinese,
                   kEn = Language::kEnglish, kFr = Language::kFrench,
                   kRu = Language::kRussian, kEs = Language::kSpanish;

struct SentenceCase {
  Language language;
  const char* expected;         // sentences joined by " | "
  const char* input = nullptr;  // default: the sentences joined
};

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string InputOf(const SentenceCase& c) {
  if (c.input) return c.input;
  std::string input = c.expected;
  const std::string joiner = c.language == kZh ? "" : " ";
  for (std::size_t pos = input.find(" | "); pos != std::string::npos;
       pos = input.find(" | ", pos + joiner.size())) {
    input.replace(pos, 3, joiner);
  }
  return input;
}

const SentenceCase kSentenceCases[] = {
    // unpc-devset lines 191-192
    {kAr, "وتعذر تحديد مرتكبي هذه الجرائم. | ١٤ - وفي 29 كانون الثاني/يناير، وافق مجلس النواب على مشروع الميزانية الاتحادية لعام 2015."},
    {kZh, "无法确定这些罪行的肇事者。 | 14. 12月24日部长理事会核可了2015年联邦预算法案。"},
    {kEn, "It has not been possible to identify the perpetrators of these crimes. | 14. On 29 January, the Council of Representatives approved the 2015 federal budget bill."},
    {kFr, "Les auteurs de ces crimes n'ont pas été identifiés. | Le 29 janvier, le Conseil des représentants a approuvé le projet de loi de finances fédéral pour 2015."},
    {kRu, "Личности тех, кто совершил эти преступления, установить не удалось. | 14. 29 января Совет представителей утвердил законопроект о федеральном бюджете на 2015 год."},
    {kEs, "No ha sido posible identificar a los autores de estos crímenes. | El 29 de enero, el Consejo de Representantes aprobó el proyecto de ley sobre el presupuesto federal para 2015."},
    // unpc-devset lines 622-623
    {kAr, "٤ - تقرير عن حالة أعمال التنقيب وعقود الاستكشاف. | 1 - افتتاح الدورة."},
    {kZh, "4. 关于探矿和勘探合同现状的报告。 | 1. 会议开幕。"},
    {kEn, "4. Report on the status of prospecting and contracts for exploration. | 1. Opening of the session."},
    {kFr, "4. Rapport sur l'état d'avancement de la prospection et l'état des contrats d'exploration. | 1. Ouverture de la session."},
    {kRu, "4. Доклад о состоянии поисковых работ и разведочных контрактов. | 1. Открытие сессии."},
    {kEs, "Informe sobre el estado de la prospección y los contratos de exploración. | Apertura del período de sesiones."},
    // unpc-devset lines 885-886
    {kAr, "206- ويكشف تحليل الإجابات على الاستبيانات والمقابلات عن إحراز تقدم بطيء في هذه المسائل. | 76- وكبير العلماء مسؤول عن تصميم عملية إعداد التقرير الخامس لتوقعات البيئة العالمية وإدارتها."},
    {kZh, "206. 对问卷答复的分析以及会谈都显示，这些方面的进展迟缓。 | 76. 首席科学家负责设计和管理全球环境展望-5进程。"},
    {kEn, "206. The analysis of the responses to the questionnaires and interviews revealed slow progress in these matters. | 76. The Chief Scientist is responsible for the design and management of the GEO-5 process."},
    {kFr, "L'analyse des réponses aux questionnaires et entretiens a montré que, dans ce domaine, les progrès avaient été lents. | Le Scientifique en chef est chargé de concevoir et de gérer le processus GEO-5."},
    {kRu, "206. Анализ собеседований и ответов на вопросы в разосланных анкетах показывает, что в этой области заметного прогресса достигнуто не было. | 76. Ответственность за формирование процесса ГЭП-5 и управление им возложена на Главного научного сотрудника."},
    {kEs, "206. El análisis de las respuestas a los cuestionarios y entrevistas reveló lentos avances en esos asuntos. | 76. El Director Científico se encarga del proceso de diseño y de gestión de las GEO-5."},
    // unpc-devset lines 744-745
    {kAr, "وعلى نفس المنوال، قدم 22 بلدا فقط تقارير وطنية إلى الدورة التاسعة للمنتدى. | باء - الأهداف العالمية بشأن الغابات"},
    {kZh, "同样，只有22个国家为森林论坛第九届会议提供了国家报告。 | B. 全球森林目标"},
    {kEn, "Similarly, only 22 countries provided national reports for the ninth session of the Forum. | B. Global objectives on forests"},
    {kFr, "De même, seuls 21 pays ont présenté un rapport à l'occasion de la neuvième session du Forum. | B. Objectifs d'ensemble relatifs aux forêts"},
    {kRu, "Ситуация повторилась на девятой сессии Форума, когда только 21 страна представила национальные доклады. | В. Глобальные цели по лесам"},
    {kEs, "De modo similar, solo 22 países presentaron informes nacionales para el noveno período de sesiones del Foro. | B. Objetivos mundiales sobre los bosques"},
    // unpc-devset lines 559-560
    {kAr, "إلا أن المجلس يرفض أن تثنيه الوقائع عن مواصلة نهجه. | ويشجع هذا الصمت حزب الله وراعيه الإيراني على مواصلة انتهاك قرارات مجلس الأمن والاستمرار في زعزعة استقرار المنطقة."},
    {kZh, "但是，安理会不为事实所动。 | 这种沉默鼓励真主党及其支持者伊朗继续违反安全理事会决议并进一步破坏本区域的稳定。"},
    {kEn, "The Council, however, refuses to be dissuaded by facts. | This silence emboldens Hezbollah and its Iranian patron to continue violating Security Council resolutions and further destabilizing the region."},
    {kFr, "Mais le Conseil refuse d'être contredit par les faits. | Ce silence encourage le Hezbollah et son parrain iranien à continuer de violer les résolutions du Conseil et de déstabiliser la région."},
    {kRu, "Совет, однако, отказывается менять свою позицию, несмотря на факты. | Это молчание вдохновляет <<Хизбаллу>> и ее иранского покровителя продолжать нарушения резолюций Совета Безопасности, еще сильнее дестабилизируя обстановку в регионе."},
    {kEs, "No obstante, el Consejo se niega a ser disuadido por los hechos. | Este silencio anima a Hizbullah y su patrocinador iraní a seguir violando las resoluciones del Consejo de Seguridad y desestabilizando la región."},
    // unpc-devset lines 14-15
    {kAr, "وسيعرض على المشاركين برنامجا للتدريب على الاستكشاف في عرض البحر، أو برنامج زمالة، أو برنامج للتدريب الهندسي. | 30 - وإن اللجنة مقتنعة بأن أيا من الشروط الواردة في الفقرة 6 من المادة 21 من مواد النظام لا ينطبق على هذا الطلب."},
    {kZh, "将向学员提供海上勘探、工程培训或研究金方案。 | 30. 委员会满意地注意到，《规章》第21条第6款所述情况都不适用。"},
    {kEn, "Participants will be offered a training programme on at-sea exploration or engineering, or a fellowship programme. | 30. The Commission is satisfied that none of the conditions in regulation 21, paragraph 6, apply."},
    {kFr, "Les participants pourront suivre un stage de formation à l'exploration en mer et aux techniques océanographiques ou un programme de recherche. | La Commission déclare qu'aucune des conditions énoncées au paragraphe 6 de l'article 21 du Règlement ne s'applique."},
    {kRu, "Им будет предложено принять участие в учебной программе по вопросам разведки на море или инженерной подготовки или программе стипендий. | 30. Комиссия удостоверилась в том, что ни одно из условий, указанных в пункте 6 правила 21, не применимо."},
    {kEs, "Se ofrecerá a los participantes un programa de capacitación en exploración marina o ingeniería o un programa de becas. | La Comisión ha comprobado que no se aplica ninguna de las condiciones recogidas en el párrafo 6) del artículo 21."},
    // unpc-devset lines 344-345
    {kAr, "٢٩ - إحاطة مقدمة من الرئيس الحالي لمنظمة الأمن والتعاون في أوروبا (21 كانون الثاني/يناير 2001؛ ٢٤ شباط/فبراير ٢٠١٤). | ٢٤ - الأسلحة الصغيرة (24 أيلول/سبتمبر 1999؛ ٢٦ أيلول/سبتمبر ٢٠١٣)."},
    {kZh, "29. 欧洲安全与合作组织轮值主席通报情况(2001年1月20日；2014年2月24日)。 | 24. 小武器(1999年9月24日；2013年9月26日)。"},
    {kEn, "29. Briefing by the Chairperson-in-Office of the Organization for Security and Cooperation in Europe (21 January 2001; 24 February 2014). | 24. Small arms (24 September 1999; 26 September 2013)."},
    {kFr, "29. Exposé du Président en exercice de l'Organisation pour la sécurité et la coopération en Europe (21 janvier 2001; 24 février 2014). | 24. Armes de petit calibre (24 septembre 1999; 26 septembre 2013)."},
    {kRu, "29. Брифинг действующего Председателя Организации по безопасности и сотрудничеству в Европе (21 января 2001 года; 24 февраля 2014 года). | 24. Стрелковое оружие (24 сентября 1999 года; 26 сентября 2013 года)."},
    {kEs, "29. Exposición de la Presidencia en ejercicio de la Organización para la Seguridad y la Cooperación en Europa (21 de enero de 2001; 24 de febrero de 2014). | 24. Armas pequeñas (24 de septiembre de 1999; 26 de septiembre de 2013)."},
    // Document symbols (seed agenda, A/C.3/80/L.10) stay whole, also when
    // extraction put a space after one of their dots.
    {kEn, "The Working Group will have before it CTOC/COP/WG.4/2022/2 and CTOC/COP/2020/CRP.2. | The draft resolution A/C.3/80/L.10 was adopted."},
    {kEn, "See CTOC/COP/WG. 4/2020/3 and A/C.3/80/L. 10 for the revised text."},
    {kEn, "The Committee had before it draft resolution A/C.3/80/L.3/Rev.1. | 2. The Committee adopted it."},
    {kFr, "Le Groupe de travail sera saisi des documents CTOC/COP/WG. 4/2022/2 et CTOC/COP/2020/CRP. 2. | Il adoptera son rapport."},
    {kZh, "贩运人口问题工作组将收到CTOC/COP/WG.4/2022/2号文件。 | 另见CTOC/COP/2020/CRP.2。"},
    {kRu, "Рабочей группе будет представлен документ CTOC/COP/WG.4/2022/2. | См. также CTOC/COP/2020/CRP.2."},
    // English abbreviations (devset lines 112, 154, 782, 2752 and 111).
    {kEn, "190. Complaints received by IGTSS are monitored and actioned under the Sexual Harassment Act, Act No. 18561."},
    {kEn, "9. The first approach involves the negotiation of a stand-alone agreement (the first and second options listed in para. 4 above)."},
    {kEn, "Another problem is that the indicators measure quantitative amounts: number of students per country, average age, etc. but not qualitative results."},
    {kEn, "50. The Committee devised a national plan which includes the monitoring and evaluation of the plan itself, i.e., evaluation of ways to step up action."},
    {kEn, "The thirty-first session will be opened by H.E. Mr. Abel Adelakun Ayoko (Nigeria) in his capacity as Acting Chairperson."},
    {kEn, "Reports were received from Ms. Michelle Kivi (Canada), Mrs. Maria Delvin (Sweden) and Dr. Andrzej T. Abraszewski (Poland). | They were welcomed."},
    {kEn, "Some 300 experts, e.g. Mr. Glucksman, attended (see vol. II, pp. 23-25, cf. paras. 4-6 and art. 5). | Approx. 20 per cent were women."},
    {kEn, "For example, in Prosecutor v. Kunarac, the Appeals Chamber considered the question."},
    {kEn, "Costs covered staff, travel, equipment, etc. | The Committee took note of them."},
    {kEn, "To be held on Wednesday, 21 January 2015, at 11 a.m. | Provisional agenda for the 7364th meeting of the Security Council"},
    // List markers open items; numbered paragraphs after a clause.
    {kEn, "1. Opening of the session. | 2. Adoption of the agenda and organization of work."},
    {kEn, "The Council decided: (a) to extend the mandate; (b) to request a report."},
    {kEn, "IV. Conclusions and recommendations"},
    {kEn, "(iv) Strengthening cooperation with regional organizations."},
    {kEn, "Welcomes the commitment of the United Nations and the international community in both fields; | 9. Calls upon the Haitian authorities to take action."},
    {kEn, "Adopted by the Parties to improve the effectiveness of the Basel Convention | I. Objective"},
    {kEn, "Decabromodiphenyl ether (commercial mixture, c-decaBDE); | A. Membership and election of the Chair"},
    {kEn, "The activity can be balanced against security risks. | b. The activity is a directed activity."},
    {kEn, "Has the Party reported on its HFC phase-out schedule? | If so, when?"},
    // French: M., Mme, p. ex., art., par., no, S. E.
    {kFr, "Il succédera à M. Nickolay Mladenov (Bulgarie), qui a remplacé Mme Yoon. | La séance sera ouverte par S. E. M. Abel Adelakun Ayoko (Nigéria)."},
    {kFr, "Certaines dispositions, p. ex. l'art. 5 et le par. 2 de la loi no 18561, s'appliquent. | Elles sont en vigueur."},
    {kFr, "1. Ouverture de la session. | 2. Adoption de l'ordre du jour."},
    {kFr, "Le coût comprend le personnel, les voyages, etc. | Le Comité en a pris note."},
    // Spanish: Sr., Sra., núm., párr., art., pág.
    {kEs, "El Sr. Nickolay Mladenov sucederá a la Sra. Yoon. | Así lo dispone la ley núm. 18561 (párr. 4, art. 5, pág. 12)."},
    {kEs, "Por ejemplo, en la causa Fiscal c. Kunarac, la Sala de Apelaciones examinó la cuestión."},
    {kEs, "Empresa Argentina de Soluciones Satelitales S.A. (ARSAT) presentó el informe."},
    // Russian: г., гг., т.е., и т.д., ст., п., пп., см., №, долл. США.
    {kRu, "Г-н Иванов выступил в 2015 г. | Комиссия приняла к сведению его доклад (см. ст. 5, п. 2 и пп. 3–4, т.е. закон № 18561)."},
    {kRu, "В 2014–2015 гг. расходы, т.е. персонал, поездки и т.д., составили 10 600 долл. США. | Комитет принял это к сведению."},
    {kRu, "Анджей Т. Абрашевский (Польша) выступил с заявлением."},
    {kRu, "Обсуждался ли график вывода из обращения ГХФУ? и если да, то когда?"},
    // Chinese: 。！？, list items at ；, the seed agenda, brackets after 。.
    {kZh, "1. 组织事项：(a) 会议开幕； | (b) 通过议程和工作安排。 | 2. 对因被贩运而被迫犯罪的受害人采取适当刑事司法对策问题的指导。"},
    {kZh, "贩运人口问题工作组第十二次会议将于 6 月 29 日星期三上午 10 时开幕。 | 这是真的吗？ | 是的！"},
    {kZh, "二. 核不扩散"},
    {kZh, "会员国提供了有关信息。 | 《刑法典》第55(1)和(2)条对没收作出了规定。"},
    {kZh, "鼓励会员国酌情建立或加强国家机制，特别是：(a) 分享信息； | (b) 协助准备国别访问。"},
    // Arabic: . ؟ ! end sentences; ، and ؛ do not; "9 -" numbers paragraphs.
    {kAr, "قال الرئيس، وهو يتكلم بصفته الوطنية؛ ثم توقف. | هل هذا صحيح؟ | نعم!"},
    {kAr, "يرحب بالتزام المجتمع الدولي في هذين المجالين؛ | 9 - يهيب بالسلطات الهايتية أن تتخذ إجراءات."},
    {kAr, "ولا يُرخَّص باستعمال (عقار ل.س.د) إلا للأغراض الطبية."},
};

class SentenceCaseTest : public ::testing::TestWithParam<SentenceCase> {};

TEST_P(SentenceCaseTest, SplitsAsExpected) {
  const SentenceCase& c = GetParam();
  const std::string input = InputOf(c);
  const SentenceSegmenter segmenter(c.language);
  std::vector<std::string> sentences;
  std::size_t previous_end = 0;
  for (const Segment& segment : segmenter.Split(input)) {
    ASSERT_LE(previous_end, segment.begin);
    ASSERT_LT(segment.begin, segment.end);
    ASSERT_LE(segment.end, input.size());
    sentences.push_back(input.substr(segment.begin, segment.end - segment.begin));
    previous_end = segment.end;
  }
  EXPECT_EQ(Join(sentences, " | "), c.expected) << "input: " << input;
}

INSTANTIATE_TEST_SUITE_P(Table, SentenceCaseTest, ::testing::ValuesIn(kSentenceCases));

TEST(SentenceSegmenterTest, IcuAloneSplitsWhereTheCorrectionsDoNot) {
  const SentenceSegmenter icu(kEn, {.icu_suppressions = false, .un_corrections = false});
  const std::string text = "1. The Committee met. See para. 4 above.";
  EXPECT_EQ(icu.Split(text).size(), 3u);  // "1." | "The Committee met." | ...
  EXPECT_EQ(SentenceSegmenter(kEn).Split(text).size(), 2u);
}

TEST(SentenceSegmenterTest, EmptyBlankAndInvalidInput) {
  const SentenceSegmenter segmenter(kEn);
  EXPECT_TRUE(segmenter.Split("").empty());
  EXPECT_TRUE(segmenter.Split(" \t\u00a0\u3000 ").empty());
  const std::string bad = "Bad \xff\xfe bytes. Next \xc3 sentence. ";
  std::size_t covered = 0;
  for (const Segment& segment : segmenter.Split(bad)) {
    EXPECT_LT(segment.begin, segment.end);
    covered += segment.end - segment.begin;
  }
  EXPECT_GE(covered, bad.size() - 3);
}

TEST(SentenceSegmenterTest, ListMarkers) {
  for (const char* marker : {"1.", "12.", "1.2.", "(a)", "(iv)", "a)", "IV.", "A.",
                             "IV. G.", "一、", "三.", "（一）", "(أ)", "١-", "9 -"}) {
    EXPECT_TRUE(IsListMarker(marker)) << marker;
  }
  for (const char* text : {"2015", "(ARSAT)", "No.", "1.5", "The", ""}) {
    EXPECT_FALSE(IsListMarker(text)) << text;
  }
}

TEST(SegmentStageTest, FillsSegmentsOfEveryParagraph) {
  Document document;
  document.language = kZh;
  for (const char* text : {"会议开幕。通过议程。", "其他事项。"}) {
    Paragraph paragraph;
    paragraph.text = text;
    document.paragraphs.push_back(paragraph);
  }
  const SegmentStage stage;
  EXPECT_EQ(stage.name(), "segment");
  EXPECT_EQ(stage.requires_artifacts(), kArtifactParagraphs | kArtifactLanguage);
  EXPECT_EQ(stage.produces_artifacts(), kArtifactSegments);
  ASSERT_TRUE(stage.Run(document).ok());
  EXPECT_EQ(document.paragraphs[0].segments.size(), 2u);
  EXPECT_EQ(document.paragraphs[1].segments.size(), 1u);
  EXPECT_TRUE(document.diagnostics.empty());
}

// --- Word tokens ------------------------------------------------------------

struct WordCase {
  Language language;
  const char* input;
  const char* expected;  // tokens joined by " | "
};

const WordCase kWordCases[] = {
    {kZh, "贩运人口问题工作组",
     "贩运 | 人口 | 问题 | 工作 | 组"},
    {kZh, "缔约方会议扩大主席团经由默许程序商定了 2022 年会议计划。",
     "缔 | 约 | 方 | 会议 | 扩大 | 主席 | 团 | 经由 | 默许 | 程序 | 商定 | 了 | 2022 | 年 | 会议 | 计划"},
    {kZh, "第 7/1 号决议",
     "第 | 7 | 1 | 号 | 决议"},
    {kEn, "In Guatemala, maternal mortality is 211 per 100,000 live births.",
     "In | Guatemala | maternal | mortality | is | 211 | per | 100,000 | live | births"},
    {kEn, "A total of 1,383,000 people (3.5 per cent) were affected.",
     "A | total | of | 1,383,000 | people | 3.5 | per | cent | were | affected"},
    {kEn, "The Commission's \"weapons-free zone\" — see CTOC/COP/WG.4/2022/2.",
     "The | Commission's | weapons | free | zone | see | CTOC | COP | WG | 4 | 2022 | 2"},
    {kFr, "L'Organisation était fondée sur l'égalité souveraine de tous ses Membres.",
     "L'Organisation | était | fondée | sur | l'égalité | souveraine | de | tous | ses | Membres"},
    {kEs, "¿Se prevén incentivos? Sí, en el párr. 4.",
     "Se | prevén | incentivos | Sí | en | el | párr | 4"},
    {kRu, "В 2015 году было выделено 10 600 долл. США.",
     "В | 2015 | году | было | выделено | 10 | 600 | долл | США"},
    {kAr, "القرار 7/1 المؤرخ 11 أيار/مايو 1995، ١٢٣",
     "القرار | 7 | 1 | المؤرخ | 11 | أيار | مايو | 1995 | ١٢٣"},
    {kAr, "وإذ تشدد على استمرار أهمية التعاون،",
     "وإذ | تشدد | على | استمرار | أهمية | التعاون"},
    {kEn, "  ,;:!?  ",
     ""},
};

class WordCaseTest : public ::testing::TestWithParam<WordCase> {};

TEST_P(WordCaseTest, TokenizesAsExpected) {
  const WordCase& c = GetParam();
  const std::string input = c.input;
  std::vector<std::string> words;
  for (const WordSpan& word : Words(input, c.language)) {
    ASSERT_LT(word.begin, word.end);
    ASSERT_LE(word.end, input.size());
    words.push_back(input.substr(word.begin, word.end - word.begin));
  }
  EXPECT_EQ(Join(words, " | "), c.expected) << "input: " << input;
}

INSTANTIATE_TEST_SUITE_P(Table, WordCaseTest, ::testing::ValuesIn(kWordCases));

}  // namespace
}  // namespace sextant
