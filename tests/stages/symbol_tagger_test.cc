// The UN document symbol tagger: ParseSymbol on symbols from the real
// material in ../shared/corpora (the ESCWA catalogue, GA resolutions and
// drafts, ODS documents, General Assembly decisions, the Chinese agenda)
// and FindSymbols on sentences taken from it, in the six languages.
//
// Parts are written compactly as "name=value;name=value".
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stages/tag/symbol_tagger.h"

namespace sextant {
namespace {

std::string PartsString(const std::vector<TagPart>& parts) {
  std::string out;
  for (const TagPart& part : parts) {
    if (!out.empty()) out += ';';
    out += part.name + "=" + part.value;
  }
  return out;
}

struct ParseCase {
  const char* text;
  const char* normalized;
  const char* parts;
};

const ParseCase kParseCases[] = {
    // The Chinese agenda (seed) and its extraction damage.
    {"CTOC/COP/WG.4/2022/2", "CTOC/COP/WG.4/2022/2",
     "root=CTOC/COP;body=WG.4;year=2022;number=2"},
    {"CTOC/COP/WG.4/2022/3", "CTOC/COP/WG.4/2022/3",
     "root=CTOC/COP;body=WG.4;year=2022;number=3"},
    {"CTOC/COP/2020/CRP.2", "CTOC/COP/2020/CRP.2",
     "root=CTOC/COP;year=2020;type=CRP;number=2"},
    {"CTOC/COP/ WG.4/2020/3", "CTOC/COP/WG.4/2020/3",
     "root=CTOC/COP;body=WG.4;year=2020;number=3"},
    {"CTOC/COP/\nWG.4/2020/3", "CTOC/COP/WG.4/2020/3",
     "root=CTOC/COP;body=WG.4;year=2020;number=3"},
    {"ＣＴＯＣ／ＣＯＰ／ＷＧ．４／２０２２／２", "CTOC/COP/WG.4/2022/2",
     "root=CTOC/COP;body=WG.4;year=2022;number=2"},
    {"CTOC/COP/WG.4/2022/1*", "CTOC/COP/WG.4/2022/1*",
     "root=CTOC/COP;body=WG.4;year=2022;number=1;reissue=*"},
    {"  CTOC/COP/WG.4/2022/1 *  ", "CTOC/COP/WG.4/2022/1*",
     "root=CTOC/COP;body=WG.4;year=2022;number=1;reissue=*"},
    // ODS documents (un-pdf/ods).
    {"A/80/434-S/2025/632", "A/80/434-S/2025/632",
     "root=A;session=80;number=434;joint=S/2025/632;root=S;year=2025;number=632"},
    {"A/80/434–S/2025/632", "A/80/434-S/2025/632",
     "root=A;session=80;number=434;joint=S/2025/632;root=S;year=2025;number=632"},
    {"A/80/488 - S/2025/655", "A/80/488-S/2025/655",
     "root=A;session=80;number=488;joint=S/2025/655;root=S;year=2025;number=655"},
    {"S/RES/2803 (2025)", "S/RES/2803 (2025)",
     "root=S;type=RES;number=2803;year=2025"},
    {"S/RES/2803(2025)", "S/RES/2803 (2025)",
     "root=S;type=RES;number=2803;year=2025"},
    {"S/RES/2803（2025）", "S/RES/2803 (2025)",
     "root=S;type=RES;number=2803;year=2025"},
    {"S/PV.10011", "S/PV.10011", "root=S;type=PV;number=10011"},
    {"S/PV.4507", "S/PV.4507", "root=S;type=PV;number=4507"},
    {"S/Agenda/10026", "S/Agenda/10026", "root=S;type=Agenda;number=10026"},
    {"S/2012/197***", "S/2012/197***", "root=S;year=2012;number=197;reissue=***"},
    {"S/1996/112", "S/1996/112", "root=S;year=1996;number=112"},
    {"A/C.4/SR.985", "A/C.4/SR.985", "root=A;body=C.4;type=SR;number=985"},
    {"A/C.4/L.628", "A/C.4/L.628", "root=A;body=C.4;type=L;number=628"},
    {"T/Pet.11/142", "T/Pet.11/142", "root=T;body=Pet.11;number=142"},
    {"A/RES/70/10", "A/RES/70/10", "root=A;type=RES;session=70;number=10"},
    {"A/35/789", "A/35/789", "root=A;session=35;number=789"},
    // GA resolutions and drafts (un-pdf/ga), their citations.
    {"A/C.3/80/L.10", "A/C.3/80/L.10", "root=A;body=C.3;session=80;type=L;number=10"},
    {"A/C.2/80/L.1/Add.1", "A/C.2/80/L.1/Add.1",
     "root=A;body=C.2;session=80;type=L;number=1;modifier=Add.1"},
    {"A/80/L.2/Rev.1", "A/80/L.2/Rev.1", "root=A;session=80;type=L;number=2;modifier=Rev.1"},
    {"A/RES/79/300", "A/RES/79/300", "root=A;type=RES;session=79;number=300"},
    {"A/CONF.243/2025/1", "A/CONF.243/2025/1", "root=A;body=CONF.243;year=2025;number=1"},
    {"A/CONF.48/14/Rev.1", "A/CONF.48/14/Rev.1",
     "root=A;body=CONF.48;number=14;modifier=Rev.1"},
    {"A/CONF.157/24 (Part I)", "A/CONF.157/24 (Part I)",
     "root=A;body=CONF.157;number=24;modifier=Part I"},
    {"A/57/759-S/2003/332", "A/57/759-S/2003/332",
     "root=A;session=57;number=759;joint=S/2003/332;root=S;year=2003;number=332"},
    {"A/80/82-E/2025/63", "A/80/82-E/2025/63",
     "root=A;session=80;number=82;joint=E/2025/63;root=E;year=2025;number=63"},
    {"FCCC/CP/2015/10/Add.1", "FCCC/CP/2015/10/Add.1",
     "root=FCCC;body=CP;year=2015;number=10;modifier=Add.1"},
    {"TD/541/Add.2", "TD/541/Add.2", "root=TD;number=541;modifier=Add.2"},
    {"CEDAW/C/GC/39", "CEDAW/C/GC/39", "root=CEDAW;body=C;body=GC;number=39"},
    {"CBD/COP/15/17", "CBD/COP/15/17", "root=CBD;body=COP;session=15;number=17"},
    {"A/HRC/17/31", "A/HRC/17/31", "root=A/HRC;session=17;number=31"},
    {"A/HRC/22/17/Add.4", "A/HRC/22/17/Add.4",
     "root=A/HRC;session=22;number=17;modifier=Add.4"},
    {"A/AC.109/2025/13", "A/AC.109/2025/13", "root=A;body=AC.109;year=2025;number=13"},
    {"A/77/CRP.1/Add.8", "A/77/CRP.1/Add.8",
     "root=A;session=77;type=CRP;number=1;modifier=Add.8"},
    {"A/C.5/80/INF/1", "A/C.5/80/INF/1", "root=A;body=C.5;session=80;type=INF;number=1"},
    {"A/C.4/80/INF.1", "A/C.4/80/INF.1", "root=A;body=C.4;session=80;type=INF;number=1"},
    {"E/1993/23/Corr.5", "E/1993/23/Corr.5", "root=E;year=1993;number=23;modifier=Corr.5"},
    {"JIU/REP/2024/3 (Part II)", "JIU/REP/2024/3 (Part II)",
     "root=JIU;body=REP;year=2024;number=3;modifier=Part II"},
    // The proposed programme budget by section (A/C.5/80/L.1 cites
    // A/80/6 (Sect.3)/Add.1 to Add.6).
    {"A/80/6 (Sect.3)/Add.1", "A/80/6 (Sect. 3)/Add.1",
     "root=A;session=80;number=6;modifier=Sect. 3;modifier=Add.1"},
    {"A/78/6 (Sect. 29A)", "A/78/6 (Sect. 29A)",
     "root=A;session=78;number=6;modifier=Sect. 29A"},
    {"A/RES/ES-10/23", "A/RES/ES-10/23", "root=A;type=RES;session=ES-10;number=23"},
    // General Assembly decisions (igov-decisions).
    {"A/71/PV.1", "A/71/PV.1", "root=A;session=71;type=PV;number=1"},
    {"A/73/372/Add.3", "A/73/372/Add.3", "root=A;session=73;number=372;modifier=Add.3"},
    {"A/75/L.121/Rev.1", "A/75/L.121/Rev.1",
     "root=A;session=75;type=L;number=121;modifier=Rev.1"},
    {"JIU/REP/2018/1/Corr.1", "JIU/REP/2018/1/Corr.1",
     "root=JIU;body=REP;year=2018;number=1;modifier=Corr.1"},
    {"A/C.2/76/CRP.2", "A/C.2/76/CRP.2", "root=A;body=C.2;session=76;type=CRP;number=2"},
    {"S/2021/21", "S/2021/21", "root=S;year=2021;number=21"},
    // The ESCWA catalogue (symbols/uniq_syms).
    {"E/ESCWA/2012/C.7/3", "E/ESCWA/2012/C.7/3", "root=E/ESCWA;year=2012;body=C.7;number=3"},
    {"E/ESCWA/SDD/2004/WG.4/7/Summary", "E/ESCWA/SDD/2004/WG.4/7/Summary",
     "root=E/ESCWA;body=SDD;year=2004;body=WG.4;number=7;modifier=Summary"},
    {"E/ESCWA/SED/1993/19/Rev.1", "E/ESCWA/SED/1993/19/Rev.1",
     "root=E/ESCWA;body=SED;year=1993;number=19;modifier=Rev.1"},
    {"E/ESCWA/SD/2012/IG.1/CRP.3", "E/ESCWA/SD/2012/IG.1/CRP.3",
     "root=E/ESCWA;body=SD;year=2012;body=IG.1;type=CRP;number=3"},
    {"E/ESCWA/ID/86/24", "E/ESCWA/ID/86/24", "root=E/ESCWA;body=ID;session=86;number=24"},
    {"E/ESCWA/OES/RCM.12/L.1/ADD.1", "E/ESCWA/OES/RCM.12/L.1/Add.1",
     "root=E/ESCWA;body=OES;body=RCM.12;type=L;number=1;modifier=Add.1"},
    {"E/ESCWA/85/IG.1/WP.1/Rev.1", "E/ESCWA/85/IG.1/WP.1/Rev.1",
     "root=E/ESCWA;session=85;body=IG.1;type=WP;number=1;modifier=Rev.1"},
    {"E/ESCWA/25/5(PARTII)/Supp.1", "E/ESCWA/25/5 (Part II)/Supp.1",
     "root=E/ESCWA;session=25;number=5;modifier=Part II;modifier=Supp.1"},
    {"E/ESCWA/SD/2017/IG.1/3 (Part III)", "E/ESCWA/SD/2017/IG.1/3 (Part III)",
     "root=E/ESCWA;body=SD;year=2017;body=IG.1;number=3;modifier=Part III"},
    {"E/ESCWA/SDPD/2005/1(Part.II)", "E/ESCWA/SDPD/2005/1 (Part II)",
     "root=E/ESCWA;body=SDPD;year=2005;number=1;modifier=Part II"},
    {"E/ESCWA/SD/1994/WG.4-WOM/INF.3", "E/ESCWA/SD/1994/WG.4-WOM/INF.3",
     "root=E/ESCWA;body=SD;year=1994;body=WG.4-WOM;type=INF;number=3"},
    {"E/ESCWA/SD-WOM/2002/2", "E/ESCWA/SD-WOM/2002/2",
     "root=E/ESCWA;body=SD-WOM;year=2002;number=2"},
    {"E/ESCWA/SDPD/2014/WG.3/Report", "E/ESCWA/SDPD/2014/WG.3/Report",
     "root=E/ESCWA;body=SDPD;year=2014;body=WG.3;type=Report"},
    {"E/ESCWA/29/12/REPORT", "E/ESCWA/29/12/Report",
     "root=E/ESCWA;session=29;number=12;type=Report"},
    {"E/ECWA/19/4/Rev.1", "E/ECWA/19/4/Rev.1",
     "root=E/ECWA;session=19;number=4;modifier=Rev.1"},
    {"E/ESCWA/RES/174(XV)", "E/ESCWA/RES/174 (XV)",
     "root=E/ESCWA;type=RES;number=174;session=XV"},
    {"E/ECWA/POP/WG.12/BP.4", "E/ECWA/POP/WG.12/BP.4",
     "root=E/ECWA;body=POP;body=WG.12;type=BP;number=4"},
    // An older General Assembly resolution, its session in Roman numerals.
    {"A/RES/2625 (XXV)", "A/RES/2625 (XXV)", "root=A;type=RES;number=2625;session=XXV"},
    {"E/1999/41/Rev.1", "E/1999/41/Rev.1", "root=E;year=1999;number=41;modifier=Rev.1"},
    {"ST/ESA/STAT/SER.F/48", "ST/ESA/STAT/SER.F/48",
     "root=ST;body=ESA;body=STAT;body=SER.F;number=48"},
    // The grammar of research.un.org/en/docs/symbols.
    {"A/HRC/WG.6/34/ITA/3", "A/HRC/WG.6/34/ITA/3",
     "root=A/HRC;body=WG.6;session=34;body=ITA;number=3"},
    {"CERD/C/ITA/CO/19-20", "CERD/C/ITA/CO/19-20",
     "root=CERD;body=C;body=ITA;body=CO;number=19-20"},
    {"S/PRST/2025/1", "S/PRST/2025/1", "root=S;type=PRST;year=2025;number=1"},
    {"ECE/TRANS/WP.29/2023/1", "ECE/TRANS/WP.29/2023/1",
     "root=ECE;body=TRANS;body=WP.29;year=2023;number=1"},
    {"E/CN.15/2022/L.3/Rev.1", "E/CN.15/2022/L.3/Rev.1",
     "root=E;body=CN.15;year=2022;type=L;number=3;modifier=Rev.1"},
    {"A/AC.182/L.139", "A/AC.182/L.139", "root=A;body=AC.182;type=L;number=139"},
    {"E/CN.4/Sub.2/1998/13", "E/CN.4/Sub.2/1998/13",
     "root=E;body=CN.4;body=Sub.2;year=1998;number=13"},
    {"A/C.3/80/L.10/Rev.1/Add.2", "A/C.3/80/L.10/Rev.1/Add.2",
     "root=A;body=C.3;session=80;type=L;number=10;modifier=Rev.1;modifier=Add.2"},
    {"CAC/COSP/IRG/2022/1", "CAC/COSP/IRG/2022/1",
     "root=CAC/COSP;body=IRG;year=2022;number=1"},
    {"DP/FPA/2025/1", "DP/FPA/2025/1", "root=DP/FPA;year=2025;number=1"},
    {"UNEP/EA.5/Res.1", "UNEP/EA.5/Res.1", "root=UNEP;body=EA.5;type=Res;number=1"},
    {"E/CN.6/2020/NGO/12", "E/CN.6/2020/NGO/12",
     "root=E;body=CN.6;year=2020;type=NGO;number=12"},
    {"A/HRC/RES/S-30/1", "A/HRC/RES/S-30/1", "root=A/HRC;type=RES;session=S-30;number=1"},
    {"A/ES-10/L.1", "A/ES-10/L.1", "root=A;session=ES-10;type=L;number=1"},
    {"A/80/150/Amend.1", "A/80/150/Amend.1", "root=A;session=80;number=150;modifier=Amend.1"},
    // UNCCD writes the session of its bodies glued in parentheses (the
    // furniture's old regex read these; the tagger did not).
    {"ICCD/COP(16)/1", "ICCD/COP(16)/1", "root=ICCD;body=COP;session=16;number=1"},
    {"ICCD/COP (16)/1", "ICCD/COP(16)/1", "root=ICCD;body=COP;session=16;number=1"},
    {"ICCD/CRIC(21)/INF.1", "ICCD/CRIC(21)/INF.1",
     "root=ICCD;body=CRIC;session=21;type=INF;number=1"},
    {"ICCD/COP(15)/23/Add.1", "ICCD/COP(15)/23/Add.1",
     "root=ICCD;body=COP;session=15;number=23;modifier=Add.1"},
};

TEST(ParseSymbolTest, RealSymbols) {
  for (const ParseCase& c : kParseCases) {
    SCOPED_TRACE(c.text);
    const std::optional<ParsedSymbol> symbol = ParseSymbol(c.text);
    ASSERT_TRUE(symbol.has_value());
    EXPECT_EQ(symbol->normalized, c.normalized);
    EXPECT_EQ(PartsString(symbol->parts), c.parts);
    // The round trip: the normalised form parses to the same parts.
    const std::optional<ParsedSymbol> again = ParseSymbol(symbol->normalized);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->normalized, symbol->normalized);
    EXPECT_EQ(PartsString(again->parts), c.parts);
  }
}

const char* const kParseRejects[] = {
    "",      "A/",     "A/80/",   "7/1",        "14/07/94",  "and/or",
    "HIV/AIDS", "VIH/SIDA", "2014/15", "1/3",   "E/ESCWA",  "E/ESCWA/ENR/2002/IG.1",
    "E/ESCWA/ECW/2007/IG.1/", "E/ESCWa/NR/1993/WG.1/4", "EE/ESCWA/SDPD/2005/WG.1/19",
    "315.6/E19u/1989", "Restricted Area",
    "No. 28, (June 1986)", "E/ESCWA/14/9/Add.1 الا", "E/ESCWA/ICTD/2004/6 UN.",
    "E/ESCWA/OES/2003/CRP.5/Palestine", "E/ESCWA ENR/2002/20/Summary",
    "E/ESCWA/SDD/2008/TECHNICAL PAPER.6", "E/ESCWA/AGR/85/4/C.1",
    "UNCTAD/ST/SEU/3/and Corr.1 and Corr.2", "A/71/49 (Vol. II)", "GC(59)/RES/14",
    "decision 1/CP.21", "S/RES/2803 (2025", "A/80/434-", "a/80/434", "XYZ/2025/1",
    "ICCD/COP(16)", "ICCD/COP(2025)/1", "ICCD/COP(16)/1(2)", "A/80(16)/1",
    "A/80/6 (Introduction)", "A/80/6 (Sect.)", "A/80/6 (Sect. 1234)", "A/80/6 (Section 3)",
    "A/80/1 (XXV)", "A/RES/2625 (XXVIIII)", "A/RES/2625 (xxv)", "A/RES/2625 ()",
};

TEST(ParseSymbolTest, RejectsWhatIsNotOneSymbol) {
  for (const char* text : kParseRejects) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(ParseSymbol(text).has_value());
  }
}

struct FindCase {
  const char* text;
  // The symbols as printed and their normalised forms, in order.
  std::vector<std::pair<std::string, std::string>> expected;
};

const FindCase kFindCases[] = {
    // The Chinese agenda (seed/000_afb4f432dd39980c.txt).
    {"事司法对策问题的相关最新情况和事态发展（CTOC/COP/WG.4/2022/2）",
     {{"CTOC/COP/WG.4/2022/2", "CTOC/COP/WG.4/2022/2"}}},
    {"议草案载入一份会议室文件（CTOC/COP/2020/CRP.2）提交缔约方会议第十届",
     {{"CTOC/COP/2020/CRP.2", "CTOC/COP/2020/CRP.2"}}},
    {"届会议（CTOC/COP/2020/CRP.2）。工作组主席在第十一次会议上提议",
     {{"CTOC/COP/2020/CRP.2", "CTOC/COP/2020/CRP.2"}}},
    {"背景文件（CTOC/COP/ \n\nWG.4/2020/3） ",
     {{"CTOC/COP/ \n\nWG.4/2020/3", "CTOC/COP/WG.4/2020/3"}}},
    {"背景文件（CTOC/COP/WG.4/2020/3）\n2 http://undocs.org/CTOC/COP/WG.4/2020/3",
     {{"CTOC/COP/WG.4/2020/3", "CTOC/COP/WG.4/2020/3"},
      {"CTOC/COP/WG.4/2020/3", "CTOC/COP/WG.4/2020/3"}}},
    {"http://undocs.org/CTOC/COP/WG.4/2020/2",
     {{"CTOC/COP/WG.4/2020/2", "CTOC/COP/WG.4/2020/2"}}},
    {"（ＣＴＯＣ／ＣＯＰ／ＷＧ．４／２０２２／２）。",
     {{"ＣＴＯＣ／ＣＯＰ／ＷＧ．４／２０２２／２", "CTOC/COP/WG.4/2022/2"}}},
    {"见CTOC/COP/WG.4/2022/2号文件，以及CTOC/COP/WG.4/2022/3；",
     {{"CTOC/COP/WG.4/2022/2", "CTOC/COP/WG.4/2022/2"},
      {"CTOC/COP/WG.4/2022/3", "CTOC/COP/WG.4/2022/3"}}},
    {"第 7/1 号决议和第 10/3 号决议", {}},
    // General Assembly decisions (igov-decisions).
    {"UNITED STATES OF AMERICA. \r\n\r\n(See A/71/PV.1)", {{"A/71/PV.1", "A/71/PV.1"}}},
    {"(See A/71/592, para.4, A/71/PV.45)",
     {{"A/71/592", "A/71/592"}, {"A/71/PV.45", "A/71/PV.45"}}},
    {"(See A/72/612/Add.1 and A/72/PV.87)",
     {{"A/72/612/Add.1", "A/72/612/Add.1"}, {"A/72/PV.87", "A/72/PV.87"}}},
    {"(Footnote: A/77/567/Add.1.) \n\nAt its 93rd plenary meeting",
     {{"A/77/567/Add.1", "A/77/567/Add.1"}}},
    {"(footnote: A/77/L.43.)", {{"A/77/L.43", "A/77/L.43"}}},
    {"(A/75/453, para. 6 and A/75/453/Corr.1)",
     {{"A/75/453", "A/75/453"}, {"A/75/453/Corr.1", "A/75/453/Corr.1"}}},
    {"System\" (JIU/REP/2018/1 and JIU/REP/2018/1/Corr.1)",
     {{"JIU/REP/2018/1", "JIU/REP/2018/1"},
      {"JIU/REP/2018/1/Corr.1", "JIU/REP/2018/1/Corr.1"}}},
    {"(See A/71/465/Add.1, A/71/PV.66)",
     {{"A/71/465/Add.1", "A/71/465/Add.1"}, {"A/71/PV.66", "A/71/PV.66"}}},
    {"The text of this decision is available in all languages in document A/71/49 (Vol. II)",
     {{"A/71/49", "A/71/49"}}},
    {"in document A/C.2/76/CRP.2.", {{"A/C.2/76/CRP.2", "A/C.2/76/CRP.2"}}},
    {", A/72/183, A/72/PV.44 to 45",
     {{"A/72/183", "A/72/183"}, {"A/72/PV.44", "A/72/PV.44"}}},
    {"Supplement No.1 (A/73/1)", {{"A/73/1", "A/73/1"}}},
    {"Masaka Association of Persons with Disabilities living with HIV/AIDS", {}},
    {"ASFDH ONGDH/Action pour la Solidarité", {}},
    {"Chain Management LTD/GTE", {}},
    {"recalling its resolution 74/306 of 11 September 2020", {}},
    // GA resolutions and drafts (pdftotext of un-pdf/ga).
    {"Awaza, Turkmenistan, 5 to 8 August 2025 (A/CONF.243/2025/1)",
     {{"A/CONF.243/2025/1", "A/CONF.243/2025/1"}}},
    {"(A/57/759-S/2003/332), annex", {{"A/57/759-S/2003/332", "A/57/759-S/2003/332"}}},
    {"Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.",
     {{"FCCC/CP/2015/10/Add.1", "FCCC/CP/2015/10/Add.1"}}},
    {"document CBD/COP/15/17, decision 15/4, annex.", {{"CBD/COP/15/17", "CBD/COP/15/17"}}},
    {"Stockholm, 5 –16 June 1972 (A/CONF.48/14/Rev.1), part one, chap. I.",
     {{"A/CONF.48/14/Rev.1", "A/CONF.48/14/Rev.1"}}},
    {"Vienna, 14–25 June 1993 (A/CONF.157/24 (Part I)), chap. III.",
     {{"A/CONF.157/24 (Part I)", "A/CONF.157/24 (Part I)"}}},
    {"Administrative and Budgetary Questions A/80/6 (Sect.3)/Add.1 Report of",
     {{"A/80/6 (Sect.3)/Add.1", "A/80/6 (Sect. 3)/Add.1"}}},
    {"A/80/6 (Introduction), sects. 1–36", {{"A/80/6", "A/80/6"}}},
    {"(JIU/REP/2024/3 (Part I) and JIU/REP/2024/3 (Part II))",
     {{"JIU/REP/2024/3 (Part I)", "JIU/REP/2024/3 (Part I)"},
      {"JIU/REP/2024/3 (Part II)", "JIU/REP/2024/3 (Part II)"}}},
    {"E/1993/23 and E/1993/23/Corr.2, Corr.4 and Corr.5",
     {{"E/1993/23", "E/1993/23"}, {"E/1993/23/Corr.2", "E/1993/23/Corr.2"}}},
    {"CEDAW/C/GC/39.", {{"CEDAW/C/GC/39", "CEDAW/C/GC/39"}}},
    {"(A/80/82-E/2025/63), annex", {{"A/80/82-E/2025/63", "A/80/82-E/2025/63"}}},
    {"TD/541/Add.2, chap. I.", {{"TD/541/Add.2", "TD/541/Add.2"}}},
    {"the report of the Conference (ICCD/COP(16)/1), and ICCD/COP (15)/23/Add.1.",
     {{"ICCD/COP(16)/1", "ICCD/COP(16)/1"}, {"ICCD/COP (15)/23/Add.1", "ICCD/COP(15)/23/Add.1"}}},
    {"resolution ES-10/23 of 10 May 2024", {}},
    {"Takes note of resolution GC(69)/RES/15, adopted on 18 September 2025", {}},
    {"Sales No. E.02.II.A.7), chap. I, resolution 1, annex.", {}},
    {"Resolution 2832 (XXVI) of 16 December 1971", {}},
    {"(see A/RES/2625(XXV), annex)", {{"A/RES/2625(XXV)", "A/RES/2625 (XXV)"}}},
    {"A/80/1 (XXV)", {{"A/80/1", "A/80/1"}}},
    // ODS documents (un-pdf/ods), French summary record.
    {"le projet de résolution (A/C.4/L.628) [suite]", {{"A/C.4/L.628", "A/C.4/L.628"}}},
    {"le projet de résolution A/C.4/L.624 et Add.1.", {{"A/C.4/L.624", "A/C.4/L.624"}}},
    {"(S/2010/175, para. 75) and to Security Council",
     {{"S/2010/175", "S/2010/175"}}},
    {"a ceasefire (see S/PV.10000). It is now", {{"S/PV.10000", "S/PV.10000"}}},
    {"S/2012/197***", {{"S/2012/197***", "S/2012/197***"}}},
    {"Resolution 2803 is S/RES/2803 (2025); adopted",
     {{"S/RES/2803 (2025)", "S/RES/2803 (2025)"}}},
    {"A/80/488–S/2025/655", {{"A/80/488–S/2025/655", "A/80/488-S/2025/655"}}},
    {"A/80/434-\nS/2025/632", {{"A/80/434-\nS/2025/632", "A/80/434-S/2025/632"}}},
    // URLs.
    {"https://undocs.org/en/A/RES/70/1.", {{"A/RES/70/1", "A/RES/70/1"}}},
    {"see https://undocs.org/fr/S/RES/2803(2025), ",
     {{"S/RES/2803(2025)", "S/RES/2803 (2025)"}}},
    // Spanish, French, Russian, Arabic (unpc-devset wording) and negatives.
    {"del VIH/SIDA (ONUSIDA), 2014).", {}},
    {"un 47% del total de agricultores/as familiares", {}},
    {"en lo que refiere a nombre/s", {}},
    {"par rapport à l'exercice 2014/15 s'explique", {}},
    {"la lutte contre le VIH/sida vers les régions", {}},
    {"Семейные отношения/экономические последствия развода", {}},
    {"而且只有1/3的发达国家缔约方为建立专门的DLDD监测系统提供了支持。", {}},
    {"家庭关系/离婚导致的经济后果", {}},
    {"بعاء 21 كانون الثاني/يناير 2015، الساعة 00:11", {}},
    {"في 11 أيار/مايو 1995،", {}},
    {"the date 14/07/94 and/or 7/1; A/ alone", {}},
    {"résolution 7/1 (voir A/80/434-S/2025/632).",
     {{"A/80/434-S/2025/632", "A/80/434-S/2025/632"}}},
    {"resolución 7/1 (véase A/CONF.243/2025/1);",
     {{"A/CONF.243/2025/1", "A/CONF.243/2025/1"}}},
    {"резолюция 7/1 (см. документ CTOC/COP/WG.4/2022/2).",
     {{"CTOC/COP/WG.4/2022/2", "CTOC/COP/WG.4/2022/2"}}},
    {"القرار 7/1 (الوثيقة CTOC/COP/WG.4/2022/2)،",
     {{"CTOC/COP/WG.4/2022/2", "CTOC/COP/WG.4/2022/2"}}},
    {"«A/RES/79/1»؛", {{"A/RES/79/1", "A/RES/79/1"}}},
    {"（见A/80/L.1）：", {{"A/80/L.1", "A/80/L.1"}}},
    {"「S/PV.10011」。", {{"S/PV.10011", "S/PV.10011"}}},
    {"voir A/80/L.1: ", {{"A/80/L.1", "A/80/L.1"}}},
    // Not a symbol: glued to other letters, or no number.
    {"xA/80/1 and undocs.org/en/ alone", {}},
    {"A/C units and TCP/IP", {}},
};

TEST(FindSymbolsTest, RealSentences) {
  for (const FindCase& c : kFindCases) {
    SCOPED_TRACE(c.text);
    const std::string_view text = c.text;
    const std::vector<Tag> tags = FindSymbols(text);
    ASSERT_EQ(tags.size(), c.expected.size());
    for (std::size_t i = 0; i < tags.size(); ++i) {
      EXPECT_EQ(tags[i].kind, TagKind::kSymbol);
      EXPECT_EQ(text.substr(tags[i].begin, tags[i].end - tags[i].begin),
                c.expected[i].first);
      EXPECT_EQ(tags[i].value, c.expected[i].second);
      // The parts are those of the normalised symbol.
      const std::optional<ParsedSymbol> parsed = ParseSymbol(tags[i].value);
      ASSERT_TRUE(parsed.has_value());
      EXPECT_EQ(PartsString(tags[i].parts), PartsString(parsed->parts));
    }
  }
}

TEST(FindSymbolsTest, PartsOfAJointSymbolInText) {
  const std::vector<Tag> tags =
      FindSymbols("Letter dated 2 October 2025 (A/80/434–S/2025/632*).");
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(PartsString(tags[0].parts),
            "root=A;session=80;number=434;joint=S/2025/632*;root=S;year=2025;"
            "number=632;reissue=*");
}

TEST(FindSymbolsTest, InvalidUtf8AndTruncatedText) {
  const std::string cases[] = {
      std::string("\xEF\xBC", 2),       std::string("A\xEF\xBC\x8F", 4),
      std::string("A/80/\xFF\xFE 1", 9), std::string("\xEF\xBC\xA1\xEF\xBC\x8F" "80/1"),
      std::string("A/80/1\0/2", 9),     std::string(300, '/'),
  };
  for (const std::string& text : cases) {
    for (const Tag& tag : FindSymbols(text)) {
      EXPECT_LE(tag.begin, tag.end);
      EXPECT_LE(tag.end, text.size());
    }
  }
  const std::vector<Tag> tags = FindSymbols(std::string("\xEF\xBC\xA1\xEF\xBC\x8F" "80/1"));
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(tags[0].value, "A/80/1");
}

}  // namespace
}  // namespace sextant
