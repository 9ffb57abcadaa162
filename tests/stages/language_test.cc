// Tests language identification: GuessLanguageFromText on five consecutive
// real sentences of each language from corpora/unpc-devset (line i is the same
// sentence in all six files), LanguageFromFileName on the file names of
// corpora/un-pdf (stages/language/language_stage.h), and the name, job-letter
// and code lookups of pipeline/language.h.
#include "stages/language/language_stage.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "pipeline/language.h"

namespace sextant {
namespace {

struct TextCase {
  Language expected;
  const char* text;
};

// Lines 35-39, 1320-1324 and 2542-2546 of each UNv1.0.devset file, joined
// with a space.
const TextCase kTextCases[] = {
    // UNv1.0.devset.ar, lines 35-39
    {Language::kArabic, R"TXT(ثالثا - الاستنتاجات والتوصيات ونحن نرحب بالمزيد من الآراء وبالمناقشات الفعالة بشأن العناصر الرئيسية لتعديل يرد أدناه. 6 - الصلة بين الانخفاضات في مركبات الكربون الهيدروفلورية وجدول التخلص التدريجي الحالي الخاص بمركبات الكربون الهيدروكلورية فلورية؛ برنامج الأمم المتحدة الإنمائي وأشار السيد ندوهونغيريهي إلى الأدلة الواردة في التقرير على حالتين بعينهما جرى فيهما تحويل عتاد عسكري كان مستثنى في السابق من قبل لجنة الجزاءات.)TXT"},
    // UNv1.0.devset.zh, lines 35-39
    {Language::kChinese, R"TXT(三. 结论和建议 我们欢迎各方就下述的该修正案的关键要素进一步提出意见并开展充分讨论。 6. 减少氢氟碳化物与现有的逐步淘汰氢氯氟碳化合物的时间表的关系如何；及 联合国开发计划署(开发署) 他举证说，据报发生了2起具体事件，其中有人挪用了委员会先前予以豁免的军用物资。)TXT"},
    // UNv1.0.devset.en, lines 35-39
    {Language::kEnglish, R"TXT(III. Conclusion and recommendation We welcome further ideas and robust discussion on the key elements of an amendment identified below. 6. How do reductions in HFCs relate to the existing phase-out schedule for HCFCs; and United Nations Development Programme (UNDP) He cited evidence in the report of two specific incidents where military materiel previously exempted by the Committee had been diverted.)TXT"},
    // UNv1.0.devset.fr, lines 35-39
    {Language::kFrench, R"TXT(III. Conclusion et recommandation Nous sommes favorables à de nouvelles idées et à un débat serré sur les principaux éléments de l'amendement définis plus bas. 6. Quel rapport existe-t-il entre les réductions de HFC et les calendriers d'élimination des HCFC en vigueur? Programme des Nations Unies pour le développement (PNUD) Il a cité des faits dans le rapport prouvant que dans deux cas précis, du matériel militaire autorisé par le Comité avait été détourné.)TXT"},
    // UNv1.0.devset.ru, lines 35-39
    {Language::kRussian, R"TXT(III. Вывод и рекомендация Мы будем приветствовать любые новые идеи и энергичное обсуждение изложенных ниже ключевых элементов поправки. 6. Каким образом сокращения ГФУ связаны с существующим графиком вывода из обращения ГХФУ? и Программа развития Организации Объединенных Наций (ПРООН) Он отметил, что в докладе упоминаются доказательства двух случаев передачи военного имущества, которое ранее по решению Комитета подпадало под изъятие.)TXT"},
    // UNv1.0.devset.es, lines 35-39
    {Language::kSpanish, R"TXT(III. Conclusión y recomendación Agradeceríamos cualquier idea y debate sustantivo al respecto de los principales elementos de la propuesta, que se señalan a continuación. 6. La relación entre las reducciones de HFC y el vigente calendario de eliminación de los HCFC; y Programa de las Naciones Unidas para el Desarrollo (PNUD) El Sr. Nduhungirehe indicó que en el informe se denunciaban dos casos concretos en que se había desviado material militar al que antes el Comité de Sanciones había aplicado una exención.)TXT"},
    // UNv1.0.devset.ar, lines 1320-1324
    {Language::kArabic, R"TXT(وإذ تشير إلى أن عام 2015 يوافق الذكرى السنوية السبعين لإنشاء الأمم المتحدة، وإذ تؤكد أن هذا الحدث التاريخي قد هيأ الظروف لإنشاء الأمم المتحدة من أجل منع نشوب الحروب في المستقبل وإنقاذ الأجيال المقبلة من ويلاتها، "لجميع شعوب الأقاليم الحق في تقرير المصير. وتسيّر شركات الطيران المحلية والطائرات المؤجِّرة رحلات بين الجزر الثلاث. غير أن العلماء يعتقدون أن في الهند القديمة، كانت المرأة تتمتع بالمساواة في الوضع مع الرجل في جميع مجالات الحياة.)TXT"},
    // UNv1.0.devset.zh, lines 1320-1324
    {Language::kChinese, R"TXT(回顾2015年是联合国创立七十周年， 强调指出这一历史性事件为联合国的创立创造了条件，创立联合国的目的是防止今后发生战争，避免后世再遭战祸， 所有民族均拥有自决的权利。 该领土三个岛之间有国内航班和包机服务。 然而，学界认为古印度的妇女在生活中的各个领域都享有与男人平等的地位。)TXT"},
    // UNv1.0.devset.en, lines 1320-1324
    {Language::kEnglish, R"TXT(Recalling that 2015 will mark the seventieth anniversary of the creation of the United Nations, Stressing that this historic event established the conditions for the creation of the United Nations, designed to prevent future wars and save succeeding generations from their scourge, The peoples of all the Territories have the right of self-determination. Domestic airline services and charters operate between the three islands in the Territory. Scholars, however, believe that in ancient India, women enjoyed equal status with men in all fields of life.)TXT"},
    // UNv1.0.devset.fr, lines 1320-1324
    {Language::kFrench, R"TXT(Rappelant que 2015 marque le soixante-dixième anniversaire de la création de l'Organisation des Nations Unies, Soulignant que cet événement historique a présidé à la création de l'Organisation des Nations Unies, qui a pour vocation d'empêcher de nouvelles guerres et de préserver les générations futures de ce fléau, Les peuples de tous les territoires ont le droit de disposer d'eux-mêmes. Des compagnies locales et des vols charters assurent la liaison entre les trois îles. Les spécialistes croient toutefois que, dans l'Inde antique, la femme était l'égale de l'homme dans tous les domaines de la vie.)TXT"},
    // UNv1.0.devset.ru, lines 1320-1324
    {Language::kRussian, R"TXT(напоминая о том, что в 2015 году будет отмечаться семидесятая годовщина создания Организации Объединенных Наций, подчеркивая, что это историческое событие создало условия для учреждения Организации Объединенных Наций, призванной предотвратить будущие войны и избавить грядущие поколения от их бедствий, <<Народы всех территорий имеют право на самоопределение. Авиасообщение между тремя островами территории обеспечивается внутренними и чартерными компаниями-перевозчиками. Однако ученые считают, что в древней Индии женщины имели равный статус с мужчинами во всех сферах жизни.)TXT"},
    // UNv1.0.devset.es, lines 1320-1324
    {Language::kSpanish, R"TXT(Recordando que en 2015 se celebra el septuagésimo aniversario de la creación de las Naciones Unidas, Destacando que ese acontecimiento histórico estableció las condiciones que permitieron crear las Naciones Unidas para prevenir las guerras en el futuro y preservar a las generaciones venideras del flagelo que ellas representan, Los pueblos de todos los Territorios tienen derecho a la libre determinación. En el Territorio también funcionan servicios de flete y de transporte aéreo internos entre las tres islas. Sin embargo, los estudiosos creen que en la antigua India las mujeres disfrutaban de igualdad de condiciones con el hombre en todas las esferas de la vida.)TXT"},
    // UNv1.0.devset.ar, lines 2542-2546
    {Language::kArabic, R"TXT(ففي نيجيريا، على سبيل المثال، في حين ارتفع معدل التحاق الفتيات بالمدارس في ولايات الجنوب بأكثر من 80 في المائة، لم يتجاوز الارتفاع في الولايات الشمالية 20 في المائة. ينصبُّ التركيز الأساسي للمؤسسة التعليمية للمرأة الأفريقية على تعليم الفتيات في أفريقيا. ARSAT 1 يتألف مكتب المجلس التنفيذي من رئيس وأربعة نواب للرئيس يمثلون المجموعات الإقليمية الخمس. آسيا (7))TXT"},
    // UNv1.0.devset.zh, lines 2542-2546
    {Language::kChinese, R"TXT(例如，在尼日利亚，南部各州的女童入学率提高了80%以上，而北部各州仅提高20%。 非洲妇女教育基金会主要关注的是非洲女童的教育问题。 ARSAT 1 执行局主席团由分别代表五个区域集团的一名主席和四名副主席组成。 亚洲国家(7))TXT"},
    // UNv1.0.devset.en, lines 2542-2546
    {Language::kEnglish, R"TXT(In Nigeria, for instance, while the girl child's school enrolment in the southern states has risen by over 80 per cent, in the northern states the rise has been as low as 20 per cent. Educational Foundation for African Women has her primary focus on girl child education in Africa. ARSAT 1 The Bureau of the Executive Board consists of a president and four vice-presidents representing the five regional groups. Asia (7))TXT"},
    // UNv1.0.devset.fr, lines 2542-2546
    {Language::kFrench, R"TXT(Au Nigeria, par exemple, si dans les écoles des États du sud le nombre de filles inscrites a augmenté de plus de 80 %, dans les États du nord, il n'atteint parfois que 20 %. L'Educational Foundation for African Women se consacre en premier lieu à l'éducation des fillettes en Afrique. ARSAT 1 Le Bureau du Conseil d'administration se compose d'un président et de quatre vice-présidents représentant les cinq groupes régionaux. Asie (7))TXT"},
    // UNv1.0.devset.ru, lines 2542-2546
    {Language::kRussian, R"TXT(Например, если в южных штатах Нигерии охват девочек школьным образованием вырос более чем на 80 процентов, то в северных штатах этот рост был значительно меньше и составил 20 процентов. Основной сферой деятельности Фонда образования для женщин Африки является образование девочек в Африке. ARSAT 1 Бюро Исполнительного совета состоит из Председателя и четырех заместителей Председателя, вместе представляющих пять региональных групп. Государства Азии (7))TXT"},
    // UNv1.0.devset.es, lines 2542-2546
    {Language::kSpanish, R"TXT(Por ejemplo en Nigeria, aun cuando en los estados del sur se ha producido un aumento de más del 80% en el número de niñas matriculadas, en los estados del norte el incremento solo alcanza el 20%. El objetivo fundamental de la Educational Foundation for African Women es la educación de las niñas en África. ARSAT 1 La Mesa de la Junta Ejecutiva está constituida por un Presidente y cuatro Vicepresidentes, que representan a los cinco grupos regionales. Estados de Asia (7))TXT"},
};

TEST(GuessLanguageFromTextTest, DevsetSentences) {
  for (const TextCase& c : kTextCases) {
    SCOPED_TRACE(c.text);
    const TextLanguageGuess guess = GuessLanguageFromText(c.text);
    ASSERT_TRUE(guess.language.has_value());
    EXPECT_EQ(*guess.language, c.expected);
    EXPECT_GT(guess.confidence, 0.5);
    EXPECT_LE(guess.confidence, 1.0);
  }
}

// Text that does not say clearly which language it is in.
const char* const kUnclearTexts[] = {
    "",
    "A/80/434-S/2025/632",
    "25-15106 (E) 190925",
    // devset.es:423 (the Spanish file has a table row in English here).
    "Cambodia Grand Faith 8749262 General cargo 1 June 2014",
};

TEST(GuessLanguageFromTextTest, UnclearText) {
  for (const char* text : kUnclearTexts) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(GuessLanguageFromText(text).language.has_value());
  }
}

struct FileNameCase {
  const char* path;
  std::optional<Language> expected;
};

const FileNameCase kFileNameCases[] = {
    {"A_80_434-EN.pdf", Language::kEnglish},
    {"/work/shared/corpora/un-pdf/ods/A_C.4_SR.985-FR.pdf", Language::kFrench},
    {"S_RES_2803 (2025)-EN.pdf", Language::kEnglish},
    {"ohchr_1_ru.pdf", Language::kRussian},
    {"ohchr_2_fr.pdf", Language::kFrench},
    {"plan_1_es.pdf", Language::kSpanish},
    {"un-pdf/bilingual/plan_1_en.pdf", Language::kEnglish},
    {"A_80_434-AR.pdf", Language::kArabic},
    {"A_80_434-ZH.pdf", Language::kChinese},
    {"noflag.pdf", std::nullopt},
    {"A_C.3_80_L.10.pdf", std::nullopt},  // un-pdf/ga: the symbol only
    {"A_RES_78_1.pdf", std::nullopt},
    {"udhr-zh-hans.pdf", std::nullopt},
    {"", std::nullopt},
};

TEST(LanguageFromFileNameTest, Table) {
  for (const FileNameCase& c : kFileNameCases) {
    SCOPED_TRACE(c.path);
    EXPECT_EQ(LanguageFromFileName(c.path), c.expected);
  }
}

struct NameCase {
  const char* name;
  std::optional<Language> expected;
};

// The language names of "Original:" lines, as each language version writes
// them (un-pdf/bilingual: "Original: anglais", "Original: ENGLISH").
const NameCase kNameCases[] = {
    {"English", Language::kEnglish},
    {"ENGLISH", Language::kEnglish},
    {"anglais", Language::kEnglish},
    {"inglés", Language::kEnglish},
    {"английский", Language::kEnglish},
    {"英文", Language::kEnglish},
    {"الإنكليزية", Language::kEnglish},
    {"French", Language::kFrench},
    {"français", Language::kFrench},
    {"Français", Language::kFrench},
    {"francés", Language::kFrench},
    {"французский", Language::kFrench},
    {"法文", Language::kFrench},
    {"الفرنسية", Language::kFrench},
    {"Spanish", Language::kSpanish},
    {"espagnol", Language::kSpanish},
    {"español", Language::kSpanish},
    {"испанский", Language::kSpanish},
    {"西班牙文", Language::kSpanish},
    {"الإسبانية", Language::kSpanish},
    {"Russian", Language::kRussian},
    {"russe", Language::kRussian},
    {"ruso", Language::kRussian},
    {"русский", Language::kRussian},
    {"俄文", Language::kRussian},
    {"الروسية", Language::kRussian},
    {"Arabic", Language::kArabic},
    {"arabe", Language::kArabic},
    {"árabe", Language::kArabic},
    {"арабский", Language::kArabic},
    {"阿拉伯文", Language::kArabic},
    {"العربية", Language::kArabic},
    {"Chinese", Language::kChinese},
    {"chinois", Language::kChinese},
    {"chino", Language::kChinese},
    {"китайский", Language::kChinese},
    {"中文", Language::kChinese},
    {"الصينية", Language::kChinese},
    {"General", std::nullopt},
    {"Distr.", std::nullopt},
    {"", std::nullopt},
};

TEST(LanguageFromNameTest, OriginalLineNames) {
  for (const NameCase& c : kNameCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LanguageFromName(c.name), c.expected);
  }
}

struct LetterCase {
  char letter;
  std::optional<Language> expected;
};

TEST(LanguageFromJobLetterTest, Table) {
  static const LetterCase kCases[] = {
      {'A', Language::kArabic},  {'C', Language::kChinese},
      {'E', Language::kEnglish}, {'F', Language::kFrench},
      {'R', Language::kRussian}, {'S', Language::kSpanish},
      {'X', std::nullopt},       {'e', std::nullopt},
      {0, std::nullopt},
  };
  for (const LetterCase& c : kCases) {
    SCOPED_TRACE(std::string(1, c.letter));
    EXPECT_EQ(LanguageFromJobLetter(c.letter), c.expected);
  }
}

TEST(LanguageFromCodeTest, Table) {
  static const NameCase kCases[] = {
      {"ar", Language::kArabic},  {"zh", Language::kChinese},
      {"en", Language::kEnglish}, {"fr", Language::kFrench},
      {"ru", Language::kRussian}, {"es", Language::kSpanish},
      {"de", std::nullopt},       {"english", std::nullopt},
      {"", std::nullopt},
  };
  for (const NameCase& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LanguageFromCode(c.name), c.expected);
  }
}

}  // namespace
}  // namespace sextant
