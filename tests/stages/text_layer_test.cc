// JudgeTextLayer (stages/extract/text_layer_check.h), table-driven: real
// text in the six languages passes; a shifted character map ("8QLWHG
// 1DWLRQV", and Russian and Chinese shifted within their script), control
// characters, stray marks and a misread scan are caught, each by the
// signal that should decide.
#include "stages/extract/text_layer_check.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

std::vector<std::string> Words(const std::string& text, int repeat = 1) {
  std::vector<std::string> words;
  for (int i = 0; i < repeat; ++i) {
    std::istringstream in(text);
    for (std::string word; in >> word;) words.push_back(word);
  }
  return words;
}

// Each letter moved 29 code points down, as a font with an offset
// character map gives it: "United Nations" -> "8QLWHG 1DWLRQV".
std::string Shifted(const std::string& text) {
  std::string out;
  for (char c : text) out += (c == ' ') ? ' ' : static_cast<char>(c - 29);
  return out;
}

// Each Cyrillic or Han character moved 3 code points up, as a font with an
// offset ToUnicode map gives it ("ввести" -> "еевхл").
std::string ShiftedLetters(const std::string& text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t c = NextCodePoint(text, pos);
    if (IsCyrillicLetter(c) || IsHan(c)) c += 3;
    AppendUtf8(out, c);
  }
  return out;
}

constexpr const char* kRussian =
    "Рабочая группа будет иметь в своем распоряжении справочный документ, подготовленный "
    "Секретариатом для ее десятого совещания, а также дополнительный документ по этому вопросу. ";
constexpr const char* kChinese = "贩运人口问题工作组第十二次会议将于2022年6月29日星期三上午10时在维也纳开幕。";

constexpr const char* kEnglish =
    "The Working Group on Trafficking in Persons will have before it a background paper prepared by "
    "the Secretariat for its tenth meeting, as well as a supplementary paper on the subject matter of the item. ";

struct Case {
  std::string name;
  std::vector<std::string> words;
  std::size_t no_text;
  TextLayer layer;
  std::string signal;  // a part of it; empty: none
};

class TextLayerTest : public testing::TestWithParam<Case> {};

TEST_P(TextLayerTest, Judged) {
  const Case& c = GetParam();
  const TextLayerVerdict verdict = JudgeTextLayer(c.words, c.no_text);
  EXPECT_EQ(TextLayerName(verdict.layer), TextLayerName(c.layer)) << verdict.signal;
  if (c.signal.empty()) {
    EXPECT_TRUE(verdict.signal.empty()) << verdict.signal;
  } else {
    EXPECT_NE(verdict.signal.find(c.signal), std::string::npos) << verdict.signal;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Pages, TextLayerTest,
    testing::Values(
        Case{"english", Words(kEnglish, 3), 0, TextLayer::kOk, ""},
        Case{"french",
             Words("Le Groupe de travail sera saisi d’un document d’information établi par le Secrétariat pour sa "
                   "dixième réunion, ainsi que d’un document complémentaire qui fait le point des faits nouveaux. ",
                   3),
             0, TextLayer::kOk, ""},
        Case{"spanish",
             Words("El Grupo de Trabajo tendrá ante sí un documento de antecedentes preparado por la Secretaría para "
                   "su décima reunión, así como un documento complementario sobre la cuestión. ",
                   3),
             0, TextLayer::kOk, ""},
        Case{"russian", Words(kRussian, 3), 0, TextLayer::kOk, ""},
        Case{"russian, a page of it", Words(kRussian, 6), 0, TextLayer::kOk, ""},
        Case{"chinese", Words(kChinese, 20), 0, TextLayer::kOk, ""},
        // A shifted map keeps the script: Cyrillic and Han text of no words.
        Case{"russian, shifted", Words(ShiftedLetters(kRussian), 6), 0, TextLayer::kUnreadable,
             "frequent Russian words: 0 of 132 Cyrillic words"},
        Case{"chinese, shifted", Words(ShiftedLetters(kChinese), 20), 0, TextLayer::kUnreadable,
             "frequent Chinese characters:"},
        Case{"arabic", Words("سيفتتح الاجتماع الثاني عشر للفريق العامل المعني بالاتجار بالأشخاص في فيينا", 10), 0,
             TextLayer::kOk, ""},
        Case{"a table of figures", Words("2022 2023 1 234 567 12.5 % 7/1 (a) (b) 10:00 13:00", 10), 0,
             TextLayer::kOk, ""},
        Case{"no text layer", {}, 0, TextLayer::kNone, "no text"},
        Case{"all control characters", {}, 12, TextLayer::kUnreadable, "control or private-use characters: all 12"},
        Case{"a fifth control characters", Words(kEnglish), 10, TextLayer::kUnreadable,
             "control or private-use characters: 2"},
        Case{"a shifted character map", Words(Shifted(kEnglish), 3), 0, TextLayer::kUnreadable, "common words: 0 of"},
        Case{"stray marks", Words("$$|~ ]^[ {}<> ~~|| $]$] ^^~ |{}| abc", 20), 0, TextLayer::kUnreadable,
             "stray marks"},
        Case{"a misread scan",
             Words("I have been instructed by the Executive Committee to transmit the Pgrmanr~nt letter addre;ssed "
                   "to the Secretarv-Genera? on the 5ituation in the reg1on of the 0ccupied territory of Pa1estine "
                   "with the honour to request that it be circulated. ",
                   3),
             0, TextLayer::kPoorOcr, "broken words"}),
    [](const testing::TestParamInfo<Case>& info) {
      std::string name;
      for (char c : info.param.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
      return name;
    });

}  // namespace
}  // namespace sextant
