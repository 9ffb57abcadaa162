// IsPhrasedAsRecommendation and IsRecommendationsHeading on real UN
// sentences and headings in the six languages (unpc-devset lines, "unpc:N";
// the seed agenda, "seed"). Cases flagged known_gap hold what the code
// SHOULD return and are asserted to still differ from it.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "stages/tag/recommendation.h"

namespace sextant {
namespace {

struct RecommendationCase {
  const char* source;
  const char* language;
  const char* text;
  bool expected;
  bool known_gap;  // expected is right, the code is not yet
};

// Sentences: phrased as a recommendation or not. Chinese 建议 is both the
// verb "recommends" and the noun "recommendations"; Arabic attaches "و"
// ("and") to the verb and shares the stem توصي with توصية
// ("recommendation").
// clang-format off
const RecommendationCase kPhrasedCases[] = {
    {"seed", "zh", "因此，建议各代表团定期查看工作组的网页。", true, false},
    {"seed", "zh", "贩运人口问题工作组将成为缔约方会议的常设组成部分，向缔约方会议提交报告和建议，并鼓励工作组考虑根据需要每年举行会议", false, false},
    {"seed", "zh", "此外，工作组不妨参考其第十次会议产生的关于这一议题的建议草案以及各代表团会后提供的相关评论意见。", false, false},
    {"unpc:704", "en", "The Advisory Committee recommends that the General Assembly request the Secretary-General to include in his next progress report further details on the solution being designed to address the Organization's data and information needs in the area of programme planning, monitoring and reporting.", true, false},
    {"unpc:704", "fr", "Le Comité consultatif recommande que l'Assemblée générale prie le Secrétaire général de donner dans son prochain rapport des précisions sur la solution envisagée pour procurer à l'Organisation les données et informations relatives dont elle a besoins aux fins de la planification, du suivi de", true, false},
    {"unpc:704", "es", "La Comisión Consultiva recomienda que la Asamblea General solicite al Secretario General que incluya en su próximo informe sobre los progresos más detalles acerca de la solución que se esté pensando para cubrir las necesidades de la Organización en cuanto a información y datos en la esfera de la", true, false},
    {"unpc:704", "ru", "Консультативный комитет рекомендует Генеральной Ассамблее просить Генерального секретаря включить в его следующий доклад о ходе работы более подробную информацию о решении, которое в настоящее время вырабатывается с целью удовлетворить потребности Организации в данных и информации в таких областях,", true, false},
    {"unpc:704", "zh", "行预咨委会建议大会请秘书长在下次进展报告中进一步详细说明为满足本组织在方案规划、监测和报告领域中的数据和信息需求而设计的解决方案。", true, false},
    {"unpc:704", "ar", "وتوصي اللجنة الاستشارية بأن تطلب الجمعية العامة إلى الأمين العام أن يضمن تقريره المرحلي المقبل المزيد من التفاصيل عن النظام الجاري تصميمه لتلبية احتياجات المنظمة من البيانات والمعلومات في مجال تخطيط البرامج ورصدها والإبلاغ عنها.", true, false},
    {"unpc:271", "en", "1. In 2002, the Legal and Technical Commission recommended that contractors follow a standardized form for annual reports to facilitate reporting on their activities carried out in the year in accordance with their contracts with the International Seabed Authority.", true, false},
    {"unpc:271", "fr", "En 2002, la Commission juridique et technique a recommandé aux contractants d'adopter une présentation type pour leurs rapports annuels de façon à faciliter la communication d'informations sur les activités menées dans l'année dans le cadre des contrats passés avec l'Autorité internationale des", true, false},
    {"unpc:271", "es", "En 2002, la Comisión Jurídica y Técnica recomendó que los contratistas siguieran un formato uniforme para los informes anuales a fin de facilitar la presentación de informes sobre las actividades realizadas en el año de conformidad con lo dispuesto en sus contratos con la Autoridad Internacional de", true, false},
    {"unpc:271", "ru", "1. В 2002 году Юридическая и техническая комиссия рекомендовала контракторам использовать типовую модель для своих годовых отчетов, чтобы облегчить представление отчетности о деятельности контракторов за год в соответствии с их контрактами с Международным органом по морскому дну.", true, false},
    {"unpc:271", "zh", "1. 2002年，法律和技术委员会建议承包者采用标准形式编写年度报告，以便利承包者对其一年中按照与国际海底管理局签订的合同所开展活动的报告工作。", true, false},
    {"unpc:271", "ar", "1 - في عام 2002، أوصت اللجنة القانونية والتقنية بأن يتبع المتعاقدون نموذجا موحَّدا للتقارير السنوية من أجل تيسير الإبلاغ عن الأنشطة المضطلع بها في السنة وفقا للعقود التي أبرموها مع السلطة الدولية لقاع البحار.", true, false},
    {"unpc:1162", "en", "5. The Permanent Forum also recommended that the post-2015 development agenda should recognize indigenous peoples' right to self-determination, autonomy and self-governance, together with their right to determine their own priorities for their development, to participate in governance and policy", true, false},
    {"unpc:1162", "fr", "L'Instance permanente a également recommandé de veiller à ce que le programme de développement pour l'après-2015 prenne en considération le droit des peuples autochtones à l'autodétermination, à l'autonomie et à l'autogouvernance, ainsi que leur droit à déterminer leurs propres priorités de", true, false},
    {"unpc:1162", "es", "El Foro Permanente también recomendó que la agenda para el desarrollo después de 2015 reconociera el derecho de los pueblos indígenas a la libre determinación, la autonomía y el autogobierno, junto a su derecho a determinar sus propias prioridades para su desarrollo, a participar en los procesos de", true, false},
    {"unpc:1162", "ru", "5. Постоянный форум также рекомендовал учитывать в повестке дня в области развития на период после 2015 года право коренных народов на самоопределение, автономию и самоуправление наряду с их правом определять свои собственные приоритеты в целях развития, участвовать в процессах принятия", true, false},
    {"unpc:1162", "zh", "5. 常设论坛还建议2015年后发展议程承认土著人民的自决权、主权权和自治权，并承认他们有权决定自己的发展优先事项，参与地方、国家、区域和国际各级的治理和决策进程，在自由、事先和知情同意以及充分参与发展进程的基本权利基础上，建立与土著人民磋商和让其参与的机制。", true, false},
    {"unpc:1162", "ar", "٥ - وأوصى المنتدى الدائم أيضا بأن تعترف خطة التنمية لما بعد عام 2015 بحق أبناء الشعوب الأصلية في تقرير المصير، والاستقلال الذاتي والحكم الذاتي، إلى جانب الاعتراف بحقهم في تحديد أولوياتهم الإنمائية وفي المشاركة في اتخاذ القرارات التشريعية وفي الحكم على المستويات المحلية والوطنية والإقليمية والدولية،", true, false},
    {"unpc:976", "en", "The Committee considered that the evidence of its abuse warranted its placement under international control and recommended that 25C-NBOMe be placed in Schedule I of the 1971 Convention.", true, false},
    {"unpc:976", "fr", "Le Comité a estimé que les données probantes relatives à son abus justifiaient que la substance appelée 25CNBOMe soit placée sous contrôle international au titre du Tableau I de la Convention de 1971.", false, false},
    {"unpc:976", "es", "El Comité consideró que los indicios de uso indebido de la sustancia justificaban que se sometiera a fiscalización internacional y recomendó que la 25C-NBOMe se incluyera en la Lista I del Convenio sobre Sustancias Sicotrópicas de 1971.", true, false},
    {"unpc:976", "ru", "Комитет пришел к выводу, что доказательства злоупотребления 25C-NBOMe оправдывают применение к нему мер международного контроля и рекомендовал включить его в Список I Конвенции 1971 года.", true, false},
    {"unpc:976", "zh", "委员会认为，既然有证据表明存在滥用这种物质的现象，就应对其实施国际管制，建议将25C-NBOMe列入《1971年公约》附表一。", true, false},
    {"unpc:976", "ar", "واعتبرت اللجنة أنَّ الأدلة المتعلقة بتعاطيها تستلزم إخضاعها للمراقبة الدولية وأوصت بإدراج المادة 25C-NBOMe في الجدول الأول من اتفاقية سنة 1971.", true, false},
    {"unpc:899", "en", "In paragraph 237 of the report, the Committee recommended that the Assembly request the Secretary-General to report to the Committee at its forty-sixth session, and annually thereafter, on the progress, including problems, obstacles and challenges, as well as the goals of the United Nations system,", true, false},
    {"unpc:899", "fr", "Au paragraphe 237 du rapport, le Comité avait recommandé à l'Assemblée de prier le Secrétaire général de faire rapport au Comité à sa quarante-sixième session, et tous les ans par la suite, sur les progrès, y compris les problèmes, obstacles et défis, ainsi que sur les objectifs à atteindre par les", true, false},
    {"unpc:899", "es", "En el párrafo 237 del informe, el Comité recomendó que la Asamblea pidiera al Secretario General que presentara al Comité en su 46º período de sesiones, y anualmente desde entonces, un informe sobre el progreso -- incluidos los problemas, obstáculos y desafíos, así como los objetivos del sistema de", true, false},
    {"unpc:899", "ru", "В пункте 237 доклада Комитет рекомендовал Ассамблее обратиться к Генеральному секретарю с просьбой представить Комитету на его сорок шестой сессии и затем представлять ежегодно доклад о достигнутом прогрессе, в том числе о проблемах, препятствиях и задачах, а также о целях, которые ставит перед", true, false},
    {"unpc:899", "zh", "委员会在其报告第237段中，建议大会请秘书长向委员会第四十六届会议提交报告并且以后每年提交报告，说明进展情况，包括问题、障碍和挑战，以及在向新伙伴关系提供支助方面联合国系统要实现的目标。", true, false},
    {"unpc:899", "ar", "وفي الفقرة 237 من التقرير، أوصت اللجنة بأن تطلب الجمعية إلى الأمين العام بأن يقدم تقريرا إلى اللجنة في دورتها السادسة والأربعين، ثم سنويا بعد ذلك، عن مدى التقدم المحرز، بما في ذلك المشكلات والعقبات والتحديات، بالإضافة إلى الأهداف التي ينبغي لمنظومة الأمم المتحدة أن تحققها دعما للشراكة الجديدة من", true, false},
    {"unpc:49", "en", "2. The recommendations put forth by the Open Working Group for the Sustainable Development Goals should serve as the basis of the intergovernmental negotiations of the post-2015 development agenda.", false, false},
    {"unpc:49", "fr", "2. La recommandation formulée par le Groupe de travail ouvert sur les objectifs de développement durable devrait servir de base aux négociations intergouvernementales menées dans le cadre du programme d'action pour l'après-2015.", false, false},
    {"unpc:49", "es", "2. Las recomendaciones presentadas por el Grupo de Trabajo Abierto sobre los Objetivos de Desarrollo Sostenible deben servir como base de las negociaciones intergubernamentales de la agenda para el desarrollo después de 2015.", false, false},
    {"unpc:49", "ru", "2. В основу межправительственных обсуждений повестки дня в сфере развития на период после 2015 года должны лечь рекомендации Рабочей группы открытого состава Генеральной Ассамблеи по целям в области устойчивого развития;", false, false},
    {"unpc:49", "zh", "2. 可持续发展目标开放工作组提出的各项建议应作为2015年后发展议程政府间谈判的基础。", false, false},
    {"unpc:49", "ar", "2 - ينبغي للتوصيات المرفوعة من الفريق العامل المفتوح باب العضوية المعني بأهداف التنمية المستدامة أن تشكل الأساس للمفاوضات الحكومية الدولية المتعلقة بخطة التنمية لما بعد عام 2015.", false, false},
    {"unpc:161", "en", "The Commission noted that most of the recommendations could be taken into consideration when preparing for the proposed review workshop and the next phase of implementation of the plan.", false, false},
    {"unpc:161", "fr", "La Commission a noté qu'il était possible de prendre la plupart des recommandations en compte lors des préparatifs de l'atelier et de la prochaine étape de la mise en œuvre du plan.", false, false},
    {"unpc:161", "es", "La Comisión señaló que la mayoría de las recomendaciones podían tomarse en consideración a la hora de preparar el taller sobre el examen del plan que se había propuesto y la siguiente fase de la aplicación del plan.", false, false},
    {"unpc:161", "ru", "Комиссия отметила, что большинство рекомендаций можно принять во внимание на этапе подготовки к предлагаемому обзорному совещанию и следующей фазе осуществления плана.", false, false},
    {"unpc:161", "zh", "委员会注意到大部分建议可在筹备拟议的审查讲习班和环境管理计划下个执行阶段加以考虑。", false, true},
    {"unpc:161", "ar", "وأشارت اللجنة إلى أن معظم التوصيات يمكن أن تؤخذ في الاعتبار عند إعداد حلقة العمل المقترحة المعنية بالاستعراض، والمرحلة التالية من تنفيذ الخطة.", false, false},
    {"unpc:601", "en", "23. In reviewing the workplan implementation of the Investigations Division, the Committee focused on its prior recommendations.", false, false},
    {"unpc:601", "fr", "Lors de l'examen de la mise en œuvre du plan de travail de la Division des investigations, le Comité s'est concentré sur ses recommandations antérieures.", false, false},
    {"unpc:601", "es", "Al examinar la ejecución del plan de trabajo de la División de Investigaciones, el Comité se centró en sus recomendaciones anteriores.", false, false},
    {"unpc:601", "ru", "23. При обзоре хода выполнения плана работы Отдела расследований Комитет сосредоточил свое внимание на ранее вынесенных им рекомендациях.", false, false},
    {"unpc:601", "zh", "23. 在审查调查司的工作计划执行情况过程中，审咨委着重于其先前的各项建议。", false, false},
    {"unpc:601", "ar", "٢٣ - لدى استعراض تنفيذ خطة عمل شعبة التحقيقات، ركزت اللجنة على توصياتها السابقة.", false, false},
    {"unpc:1093", "en", "Of the 82 recommendations issued, 37 (45 per cent) were considered to be high importance and 45 (55 per cent) of medium importance, as shown in table 3.", false, false},
    {"unpc:1093", "fr", "Sur les 82 recommandations formulées, 37 (45 %) sont considérées de grande importance et 45 (35 %) de moyenne importance, comme l'indique le tableau 3.", false, false},
    {"unpc:1093", "es", "Como se indica en el cuadro 3, de las 82 recomendaciones de auditoría formuladas, 37 (el 45%) se consideraron muy importantes y 45 (el 55%), medianamente importantes.", false, false},
    {"unpc:1093", "ru", "21. Как видно из таблицы 3, из 82 вынесенных рекомендаций 37 (45 процентов) квалифицированы как рекомендации высокой степени важности и 45 (55 процентов) - как средней степени важности.", false, false},
    {"unpc:1093", "zh", "21. 如表3所示，在公布的82项审计建议中，37项(45%)视为高度重要， 45项(55%)为中等重要。", false, true},
    {"unpc:1093", "ar", "21 - من أصل التوصيات الصادرة، وعددها 82 توصية، جرى النظر في 37 توصية (45 في المائة) بوصفها شديدة الأهمية()، وفي 45 توصية (55 في المائة) بوصفها متوسطة الأهمية، وذلك على النحو المبيَّن في الجدول 3.", false, false},
};

// Headings: opens a section of recommendations or not.
const RecommendationCase kHeadingCases[] = {
    {"unpc:35", "en", "III. Conclusion and recommendation", true, false},
    {"unpc:35", "fr", "III. Conclusion et recommandation", true, false},
    {"unpc:35", "es", "III. Conclusión y recomendación", true, false},
    {"unpc:35", "ru", "III. Вывод и рекомендация", true, false},
    {"unpc:35", "zh", "三. 结论和建议", true, false},
    {"unpc:35", "ar", "ثالثا - الاستنتاجات والتوصيات", true, false},
    {"unpc:236", "en", "Recommendations:", true, false},
    {"unpc:236", "fr", "Recommandations", true, false},
    {"unpc:236", "es", "Recomendaciones:", true, false},
    {"unpc:236", "ru", "Рекомендации:", true, false},
    {"unpc:236", "zh", "建议：", true, false},
    {"unpc:236", "ar", "التوصيات", true, false},
    {"unpc:860", "en", "Recommendations", true, false},
    {"unpc:860", "fr", "Recommandations", true, false},
    {"unpc:860", "es", "Recomendaciones", true, false},
    {"unpc:860", "ru", "Рекомендации", true, false},
    {"unpc:860", "zh", "建议", true, false},
    {"unpc:860", "ar", "التوصيات", true, false},
    {"unpc:1037", "en", "Recommendation (paragraph 33)", true, false},
    {"unpc:1037", "fr", "Recommandation (par. 33)", true, false},
    {"unpc:1037", "es", "Recomendación (Párrafo 33)", true, false},
    {"unpc:1037", "ru", "Рекомендация (пункт 33)", true, false},
    {"unpc:1037", "zh", "建议（第33段）", true, false},
    {"unpc:1037", "ar", "التوصية (الفقرة 33)", true, false},
    {"unpc:673", "en", "Critical recommendations", true, false},
    {"unpc:673", "fr", "Recommandations essentielles", true, false},
    {"unpc:673", "es", "Recomendaciones críticas", true, false},
    {"unpc:673", "ru", "Особо важные рекомендации", true, false},
    {"unpc:673", "zh", "关键建议", true, false},
    {"unpc:673", "ar", "التوصيات الجوهرية", true, false},
    {"unpc:3425", "en", "Resolution 2203 (2015)", false, false},
    {"unpc:3425", "fr", "Résolution 2203 (2015)", false, false},
    {"unpc:3425", "es", "Resolución 2203 (2015)", false, false},
    {"unpc:3425", "ru", "Резолюция 2203 (2015),", false, false},
    {"unpc:3425", "zh", "第2203(2015)号决议", false, false},
    {"unpc:3425", "ar", "القرار 2203 (2015)", false, false},
    {"unpc:146", "en", "Agenda item 2", false, false},
    {"unpc:146", "fr", "Point 2 de l'ordre du jour", false, false},
    {"unpc:146", "es", "Tema 2 del programa", false, false},
    {"unpc:146", "ru", "Пункт 2 повестки дня", false, false},
    {"unpc:146", "zh", "议程项目2", false, false},
    {"unpc:146", "ar", "البند 2 من جدول الأعمال", false, false},
};
// clang-format on

void CheckRecommendations(const RecommendationCase* begin, const RecommendationCase* end,
                          bool (*predicate)(std::string_view)) {
  for (const RecommendationCase* c = begin; c != end; ++c) {
    SCOPED_TRACE(std::string(c->source) + " [" + c->language + "] " + c->text);
    if (c->known_gap) {
      EXPECT_NE(predicate(c->text), c->expected)
          << "known gap now passes: clear its known_gap flag";
    } else {
      EXPECT_EQ(predicate(c->text), c->expected);
    }
  }
}

TEST(Recommendation, PhrasedAsRecommendation) {
  CheckRecommendations(std::begin(kPhrasedCases), std::end(kPhrasedCases),
                       &IsPhrasedAsRecommendation);
}

TEST(Recommendation, RecommendationsHeading) {
  CheckRecommendations(std::begin(kHeadingCases), std::end(kHeadingCases),
                       &IsRecommendationsHeading);
}


}  // namespace
}  // namespace sextant
