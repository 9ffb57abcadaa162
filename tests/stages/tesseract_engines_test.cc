// TesseractEngines: what a page borrows is lent again, loaded engines stay
// within loaded_engines (a page still gets all it needs), idle engines are
// freed on demand, a missing model
// names its package, and every
// thread that reads a page runs Tesseract without OpenMP's teams. Uses
// the small models Debian installs (eng, fra: about 0.1 s each to load);
// omp.h only to read back the thread's setting.

#include "stages/ocr/tesseract_engines.h"

#include <limits>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <omp.h>

namespace sextant {
namespace {

tesseract::TessBaseAPI* Borrow(TesseractEngines::Page& page, const std::string& model) {
  tesseract::TessBaseAPI* engine = nullptr;
  const Status status = page.Get(model, engine);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_NE(engine, nullptr);
  return engine;
}

TEST(TesseractEnginesTest, AnEngineGivenBackIsLentAgain) {
  TesseractEngines engines;
  tesseract::TessBaseAPI* first = nullptr;
  {
    TesseractEngines::Page page(engines);
    first = Borrow(page, "eng");
    EXPECT_EQ(Borrow(page, "eng"), first);  // one engine a model within a page
  }
  TesseractEngines::Page page(engines);
  EXPECT_EQ(Borrow(page, "eng"), first);
  EXPECT_EQ(engines.counts().made, 1u);
}

// An ingest past its scans frees the idle engines; a page being read
// keeps what it borrowed.
TEST(TesseractEnginesTest, FreeIdleFreesOnlyWhatNoPageHolds) {
  TesseractEngines engines;
  {
    TesseractEngines::Page page(engines);
    Borrow(page, "eng");
  }
  {
    TesseractEngines::Page reading(engines);
    Borrow(reading, "fra");
    engines.FreeIdle();  // eng, idle; fra, lent, stays
  }
  {
    TesseractEngines::Page page(engines);
    Borrow(page, "fra");  // given back by the page that read: lent again
    Borrow(page, "eng");  // freed: made again
  }
  EXPECT_EQ(engines.counts().made, 3u);
}

struct LoadedCase {
  std::size_t loaded_engines;
  std::vector<std::vector<std::string>> pages;  // the models each page reads with, in turn
  std::size_t made, peak_loaded;
};

class LoadedEnginesTest : public ::testing::TestWithParam<LoadedCase> {};

TEST_P(LoadedEnginesTest, IdleEnginesAreFreedToStayWithinTheLimit) {
  const LoadedCase& c = GetParam();
  OcrLimits limits;
  limits.loaded_engines = c.loaded_engines;
  TesseractEngines engines({}, limits);
  for (const std::vector<std::string>& models : c.pages) {
    TesseractEngines::Page page(engines);
    for (const std::string& model : models) Borrow(page, model);
  }
  EXPECT_EQ(engines.counts().made, c.made);
  EXPECT_EQ(engines.counts().peak_loaded, c.peak_loaded);
}

INSTANTIATE_TEST_SUITE_P(
    Limits, LoadedEnginesTest,
    ::testing::Values(
        // None kept: each page loads its model again.
        LoadedCase{0, {{"eng"}, {"eng"}}, 2, 1},
        // One kept: the least recently used goes when another model comes.
        LoadedCase{1, {{"eng"}, {"fra"}, {"eng"}}, 3, 1},
        // Two kept: both stay.
        LoadedCase{2, {{"eng"}, {"fra"}, {"eng"}, {"fra"}}, 2, 2},
        // A page that needs two gets both, past a limit of one; the first it
        // borrowed (its language's model) is the one kept.
        LoadedCase{1, {{"eng", "fra"}, {"eng"}}, 2, 2},
        LoadedCase{1, {{"eng", "fra"}, {"fra"}}, 3, 2},
        // No limit: as before, every model once.
        LoadedCase{std::numeric_limits<std::size_t>::max(), {{"eng"}, {"fra"}, {"eng", "fra"}}, 2, 2}));

TEST(TesseractEnginesTest, AMissingModelNamesItsPackageAndLendsNothing) {
  OcrLimits limits;
  limits.loaded_engines = 1;
  TesseractEngines engines({}, limits);
  TesseractEngines::Page page(engines);
  tesseract::TessBaseAPI* engine = nullptr;
  const Status status = page.Get("xyz", engine);
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_NE(status.message().find("apt-get install tesseract-ocr-xyz"), std::string::npos) << status.message();
  EXPECT_EQ(engine, nullptr);
  Borrow(page, "eng");  // the failed one holds no room
  EXPECT_EQ(engines.counts().made, 1u);
  EXPECT_EQ(engines.counts().peak_loaded, 1u);
}

// The setting is each thread's in libgomp: made once for the process, the
// second thread of --jobs 2 ran 4 OpenMP threads a page on 2 cores.
TEST(TesseractEnginesTest, EveryThreadThatReadsAPageRunsNoOpenMpTeam) {
  TesseractEngines engines;
  { TesseractEngines::Page page(engines); }  // the first thread's page
  for (const bool with_page : {false, true}) {
    int levels = -1;
    std::thread([&] {
      if (with_page) {
        TesseractEngines::Page page(engines);
        levels = omp_get_max_active_levels();
      } else {
        levels = omp_get_max_active_levels();
      }
    }).join();
    if (with_page) {
      EXPECT_EQ(levels, 0) << "a second thread's page would run OpenMP teams";
    } else {
      EXPECT_GT(levels, 0) << "the setting is no longer each thread's: this test no longer shows anything";
    }
  }
}

}  // namespace
}  // namespace sextant
