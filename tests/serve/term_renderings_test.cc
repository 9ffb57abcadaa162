// SymbolBody (serve/term_renderings.h): the body a rendering is counted
// under, read from the symbol grammar's root, bodies and types.
#include "serve/term_renderings.h"

#include <gtest/gtest.h>

namespace sextant {
namespace {

struct BodyCase {
  const char* symbol;
  const char* body;
};

class SymbolBodyTest : public ::testing::TestWithParam<BodyCase> {};

TEST_P(SymbolBodyTest, IsTheRootAndBodiesBeforeTheFirstNumber) {
  EXPECT_EQ(SymbolBody(GetParam().symbol), GetParam().body) << GetParam().symbol;
}

INSTANTIATE_TEST_SUITE_P(Table, SymbolBodyTest,
                         ::testing::Values(BodyCase{"A/HRC/WG.6/34/ITA/3", "A/HRC/WG.6"},
                                           BodyCase{"CTOC/COP/WG.4/2022/2", "CTOC/COP/WG.4"},
                                           BodyCase{"A/HRC/12/9", "A/HRC"},
                                           BodyCase{"A/RES/70/1", "A/RES"},
                                           BodyCase{"E/CN.4/2005/1", "E/CN.4"},
                                           BodyCase{"S/PV.3046", "S/PV"},
                                           BodyCase{"", ""},
                                           BodyCase{"not a symbol", ""}));

}  // namespace
}  // namespace sextant
