// Where tests find their data: the project's own fixtures (corpora/) and
// the shared real UN material (../shared/corpora, or $SEXTANT_CORPORA).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace sextant::testing {

inline std::filesystem::path SourceDir() { return SEXTANT_SOURCE_DIR; }

// The shared corpora folder, or an empty path when it is not there.
inline std::filesystem::path SharedCorpora() {
  if (const char* env = std::getenv("SEXTANT_CORPORA"); env && *env) {
    return std::filesystem::exists(env) ? std::filesystem::path(env)
                                        : std::filesystem::path();
  }
  const std::filesystem::path configured = SEXTANT_SHARED_CORPORA;
  return std::filesystem::exists(configured) ? configured : std::filesystem::path();
}

}  // namespace sextant::testing

// Skips the current test with a message naming what is missing.
#define SEXTANT_REQUIRE_SHARED_CORPORA()                                       \
  do {                                                                         \
    if (::sextant::testing::SharedCorpora().empty()) {                         \
      GTEST_SKIP() << "../shared/corpora not found (set SEXTANT_CORPORA to "   \
                      "its path to run this test)";                            \
    }                                                                          \
  } while (0)
