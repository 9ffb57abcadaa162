// RepairOcrSymbol (stages/tag/ocr_symbol_repair.h), table-driven: OCR's
// confusions repaired where the grammar allows one reading, or the
// document's own symbols choose; never a symbol invented.
#include "stages/tag/ocr_symbol_repair.h"

#include <optional>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace sextant {
namespace {

struct Case {
  std::string printed;
  bool spaces;
  std::set<std::string> known;
  std::optional<std::string> repaired;
};

class OcrSymbolRepairTest : public testing::TestWithParam<Case> {};

TEST_P(OcrSymbolRepairTest, Repairs) {
  const Case& c = GetParam();
  EXPECT_EQ(RepairOcrSymbol(c.printed, c.spaces, c.known), c.repaired) << c.printed;
}

INSTANTIATE_TEST_SUITE_P(
    Table, OcrSymbolRepairTest,
    testing::Values(
        // The three: a letter read for a digit.
        Case{"A/45/l89", false, {}, "A/45/189"}, Case{"A/RES/4S/1", false, {}, "A/RES/45/1"},
        Case{"S/PV.3O46", false, {}, "S/PV.3046"},
        // The Russian model's look-alikes and spaces, in a masthead.
        Case{"СТО С/СО P/WG .4/202 2/1", true, {}, "CTOC/COP/WG.4/2022/1"},
        Case{"CTOC/COP/WG.4/2O22/l", false, {}, "CTOC/COP/WG.4/2022/1"},
        // A speck after it.
        Case{"A/45/155~", false, {}, "A/45/155"},
        // A_47_843's masthead, its Security Council member: "$" for S.
        Case{"$/25016", true, {}, "S/25016"},
        // Nothing to repair, or nothing that reads as a symbol.
        Case{"A/45/189", false, {}, std::nullopt}, Case{"and/or", false, {}, std::nullopt},
        Case{"HIV/AIDS", false, {}, std::nullopt}, Case{"14/07/94", false, {}, std::nullopt},
        // A part with other letters is not read as digits ("ITA", "WG").
        Case{"A/HRC/WG.6/ITA/l", false, {}, "A/HRC/WG.6/ITA/1"},
        Case{"CTOC/C0P/WG.4/2022/1", false, {}, "CTOC/COP/WG.4/2022/1"},
        // Several parts at once.
        Case{"A/C.3/5O/lO", false, {}, "A/C.3/50/10"}));

}  // namespace
}  // namespace sextant
