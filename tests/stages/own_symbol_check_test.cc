// Tests stages/layout/own_symbol_check.h: when the running heads of later
// pages, or an Official Document System file name, correct a masthead
// symbol that an old scan's OCR layer misread, and when they must not
// (born-digital documents, joint symbols, heads that disagree). The cases
// are the prints of the real scans of corpora/un-pdf/ods (A_45_155,
// A_45_189, T_Pet.11_142, A_C.4_SR.985) and of born-digital mastheads.
#include "stages/layout/own_symbol_check.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace sextant {
namespace {

struct LikeCase {
  const char* printed;
  const char* symbol;
  bool like;
};

constexpr LikeCase kLikeCases[] = {
    {"A/45/155J", "A/45/155", true},       // a speck read as a letter
    {"A/45/109 -", "A/45/189", true},      // a digit misread, the joint dash
    {"A/45/l89", "A/45/189", true},
    {"T/P'm.11/142", "T/Pet.11/142", true},  // two of twelve
    {"A/C,4/SR.985", "A/C.4/SR.985", true},
    {"a/45/155", "A/45/155", true},        // case is not a difference
    {"A/45/155", "A/45/155", true},
    {"A/45/50", "A/45/155", false},        // another document
    {"A/45/109", "A/45/159", true},
    {"A/45/1", "A/45/189", false},         // two characters short of eight
    {"S/21225", "A/45/155", false},
    {"A/45/155/Add.1", "A/45/155", false},
    {"A45/155", "A/45/155", false},        // a "/" lost changes the parts
    {"T/P'm.11/142", "T/PV.11/142", false},
    {"A/4", "A/4", false},                 // too short to tell
};

TEST(PrintedLikeTest, Table) {
  for (const LikeCase& c : kLikeCases) {
    EXPECT_EQ(PrintedLike(c.printed, c.symbol), c.like) << c.printed << " / " << c.symbol;
  }
}

struct FileNameCase {
  const char* path;
  const char* symbol;  // nullptr: none
};

constexpr FileNameCase kFileNameCases[] = {
    {"../shared/corpora/un-pdf/ods/A_45_155-EN.pdf", "A/45/155"},
    {"T_Pet.11_142-EN.pdf", "T/Pet.11/142"},
    {"A_C.4_SR.985-FR.pdf", "A/C.4/SR.985"},
    {"S_RES_2803 (2025)-EN.pdf", "S/RES/2803 (2025)"},
    {"corpora/un-pdf/ga/A_C.3_80_L.10.pdf", "A/C.3/80/L.10"},  // no language suffix
    {"A_80_10", "A/80/10"},            // "_10" is the number, not a language
    {"A_C.4_SR.985", "A/C.4/SR.985"},  // ".985" is not an extension
    {"report.pdf", nullptr},
    {"en.pdf", nullptr},
    {"fixtures/ar.pdf", nullptr},
    {"my_notes-EN.pdf", nullptr},
};

TEST(SymbolFromFileNameTest, Table) {
  for (const FileNameCase& c : kFileNameCases) {
    const std::optional<std::string> symbol = SymbolFromFileName(c.path);
    if (c.symbol == nullptr) {
      EXPECT_FALSE(symbol.has_value()) << c.path << " gave " << symbol.value_or("");
    } else {
      EXPECT_EQ(symbol.value_or("(none)"), c.symbol) << c.path;
    }
  }
}

struct HeadsCase {
  const char* name;
  OwnSymbolPrints prints;
  std::vector<std::string> corrected;  // empty: no correction
};

std::vector<HeadsCase> HeadsCases() {
  using Pages = std::vector<std::vector<std::string>>;
  return {
      // A_45_155: the masthead's A/45/155 has a speck appended and does not
      // parse; page 2's head prints both members.
      {"speck", {{"S/21174"}, {"A/45/155J", "S/21174"}, Pages{{"A/45/155", "S/21174"}}},
       {"A/45/155", "S/21174"}},
      // A_45_189: the masthead reads A/45/109, a valid symbol; eight of ten
      // heads print A/45/189, two misread it too, and the Security Council
      // member "s/21225" does not parse on most.
      {"digit",
       {{"A/45/109"},
        {"A/45/109 -", "s/21225"},
        Pages{{"A/45/189"}, {"A/45/109"}, {"A/45/189", "S/21225"}, {"A/45/189"},
              {"A/45/189", "S/21225"}, {"A/45/189", "S/21225"}, {"A/45/189"}, {"A/45/189"},
              {"A/45/109"}, {"A/45/189"}}},
       {"A/45/189"}},
      // Born digital: the heads repeat the masthead.
      {"same", {{"A/80/434"}, {"A/80/434"}, Pages{{"A/80/434"}, {"A/80/434"}}}, {}},
      // A joint document whose heads print one member keeps both.
      {"joint",
       {{"A/80/434", "S/2025/632"}, {"A/80/434-", "S/2025/632"}, Pages{{"A/80/434"}, {"A/80/434"}}},
       {}},
      {"joint in one fragment",
       {{"A/49/230-S/1994/822"}, {"A/49/230-S/1994/822"}, Pages{{"A/49/230"}}},
       {}},
      // Heads that print another document's symbol (an annex's own) with
      // nothing like it in the masthead: no correction.
      {"unlike", {{"A/80/434"}, {"A/80/434"}, Pages{{"A/80/500"}, {"A/80/500"}}}, {}},
      // Heads that disagree among themselves.
      {"split",
       {{"A/45/109"}, {"A/45/109"}, Pages{{"A/45/189"}, {"A/45/159"}, {"A/45/169"}}},
       {}},
      // No later page prints a symbol.
      {"no heads", {{}, {"A/45/155J"}, Pages{}}, {}},
      // No masthead symbol, but a masthead text like the heads'.
      {"masthead unreadable", {{}, {"A/45/l55~"}, Pages{{"A/45/155"}, {"A/45/155"}}}, {"A/45/155"}},
  };
}

TEST(CorrectByRunningHeadsTest, Table) {
  for (const HeadsCase& c : HeadsCases()) {
    const std::optional<SymbolCorrection> correction = CorrectByRunningHeads(c.prints);
    if (c.corrected.empty()) {
      EXPECT_FALSE(correction.has_value()) << c.name << ": " << (correction ? correction->note : "");
      continue;
    }
    ASSERT_TRUE(correction.has_value()) << c.name;
    EXPECT_EQ(correction->symbols, c.corrected) << c.name;
    EXPECT_NE(correction->note.find("read as"), std::string::npos) << correction->note;
  }
}

TEST(CorrectByRunningHeadsTest, NoteSaysWhatWasMisreadAndWhatDecided) {
  const std::optional<SymbolCorrection> correction = CorrectByRunningHeads(
      {{"A/45/109"}, {"A/45/109 -"}, {{"A/45/189"}, {"A/45/189"}, {"A/45/109"}}});
  ASSERT_TRUE(correction.has_value());
  EXPECT_EQ(correction->note,
            "the masthead's \"A/45/109 -\" read as A/45/189, as the running heads of 2 of 3 later "
            "pages print it");
}

}  // namespace
}  // namespace sextant
