// Sentence alignment measured on the UN Parallel Corpus development set
// (../shared/corpora/unpc-devset), as issue 4 asks: every language paired
// with English and with Chinese (source first), clean and in the harder
// version (10 % of the target's adjacent sentences merged, then 10 % of its
// units deleted, seeded), from pre-segmented sentences and from unsegmented
// paragraphs. Strict precision, recall and F1 of links (alignment_eval.h)
// for Sextant's aligner and, on the same inputs, a length-only Gale–Church
// aligner and a length+anchors one; also sentences per second.
// Sextant's F1 must stay at or above the measured value minus 0.01, and at
// or above Gale–Church's on every hard row. Skipped, with a message, when
// ../shared/corpora is absent.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/corpus/alignment_eval.h"
#include "tests/test_paths.h"

namespace sextant::eval {
namespace {

namespace fs = std::filesystem;

struct Floor {
  const char* pair;  // "zh-en": source-target
  Difficulty difficulty;
  InputMode mode;
  double min_f1;     // measured sextant F1 minus 0.01
};

// One row per configuration: the sextant F1 measured with stages/align as it
// stood when this test was written (in the comment), minus 0.01. The
// unsegmented rows are low because the devset's headings and titles carry
// no end punctuation: joined into one paragraph, they run into the next
// sentence (only 45 % of the documents segment exactly).
constexpr Floor kFloors[] = {
    {"ar-en", Difficulty::kHard, InputMode::kSegmented, 0.974},  // 0.984
    {"zh-en", Difficulty::kHard, InputMode::kSegmented, 0.972},  // 0.982
    {"fr-en", Difficulty::kHard, InputMode::kSegmented, 0.978},  // 0.988
    {"ru-en", Difficulty::kHard, InputMode::kSegmented, 0.972},  // 0.982
    {"es-en", Difficulty::kHard, InputMode::kSegmented, 0.981},  // 0.991
    {"ar-zh", Difficulty::kHard, InputMode::kSegmented, 0.962},  // 0.972
    {"en-zh", Difficulty::kHard, InputMode::kSegmented, 0.972},  // 0.982
    {"fr-zh", Difficulty::kHard, InputMode::kSegmented, 0.960},  // 0.970
    {"ru-zh", Difficulty::kHard, InputMode::kSegmented, 0.959},  // 0.969
    {"es-zh", Difficulty::kHard, InputMode::kSegmented, 0.965},  // 0.975
    {"ar-en", Difficulty::kHard, InputMode::kUnsegmented, 0.966},  // 0.976
    {"zh-en", Difficulty::kHard, InputMode::kUnsegmented, 0.966},  // 0.976
    {"fr-en", Difficulty::kHard, InputMode::kUnsegmented, 0.971},  // 0.981
    {"ru-en", Difficulty::kHard, InputMode::kUnsegmented, 0.963},  // 0.973
    {"es-en", Difficulty::kHard, InputMode::kUnsegmented, 0.973},  // 0.983
    {"ar-zh", Difficulty::kHard, InputMode::kUnsegmented, 0.956},  // 0.966
    {"en-zh", Difficulty::kHard, InputMode::kUnsegmented, 0.961},  // 0.971
    {"fr-zh", Difficulty::kHard, InputMode::kUnsegmented, 0.951},  // 0.961
    {"ru-zh", Difficulty::kHard, InputMode::kUnsegmented, 0.948},  // 0.958
    {"es-zh", Difficulty::kHard, InputMode::kUnsegmented, 0.956},  // 0.966
    {"ar-en", Difficulty::kClean, InputMode::kSegmented, 0.987},  // 0.997
    {"zh-en", Difficulty::kClean, InputMode::kSegmented, 0.987},  // 0.997
    {"fr-en", Difficulty::kClean, InputMode::kSegmented, 0.989},  // 0.999
    {"ru-en", Difficulty::kClean, InputMode::kSegmented, 0.987},  // 0.997
    {"es-en", Difficulty::kClean, InputMode::kSegmented, 0.988},  // 0.998
    {"ar-zh", Difficulty::kClean, InputMode::kSegmented, 0.982},  // 0.992
    {"en-zh", Difficulty::kClean, InputMode::kSegmented, 0.986},  // 0.996
    {"fr-zh", Difficulty::kClean, InputMode::kSegmented, 0.983},  // 0.993
    {"ru-zh", Difficulty::kClean, InputMode::kSegmented, 0.981},  // 0.991
    {"es-zh", Difficulty::kClean, InputMode::kSegmented, 0.983},  // 0.993
    {"ar-en", Difficulty::kClean, InputMode::kUnsegmented, 0.986},  // 0.996
    {"zh-en", Difficulty::kClean, InputMode::kUnsegmented, 0.986},  // 0.996
    {"fr-en", Difficulty::kClean, InputMode::kUnsegmented, 0.987},  // 0.997
    {"ru-en", Difficulty::kClean, InputMode::kUnsegmented, 0.986},  // 0.996
    {"es-en", Difficulty::kClean, InputMode::kUnsegmented, 0.987},  // 0.997
    {"ar-zh", Difficulty::kClean, InputMode::kUnsegmented, 0.981},  // 0.991
    {"en-zh", Difficulty::kClean, InputMode::kUnsegmented, 0.985},  // 0.995
    {"fr-zh", Difficulty::kClean, InputMode::kUnsegmented, 0.982},  // 0.992
    {"ru-zh", Difficulty::kClean, InputMode::kUnsegmented, 0.981},  // 0.991
    {"es-zh", Difficulty::kClean, InputMode::kUnsegmented, 0.983},  // 0.993
};

std::string PairName(const EvalResult& result) {
  return std::string(Code(result.source)) + "-" + std::string(Code(result.target));
}

const Floor* FindFloor(const EvalResult& result) {
  for (const Floor& floor : kFloors) {
    if (PairName(result) == floor.pair && result.difficulty == floor.difficulty &&
        result.mode == floor.mode) {
      return &floor;
    }
  }
  return nullptr;
}

// One line per configuration: rows come three at a time (gale-church,
// length+anchors, sextant).
void Report(const EvalResult& gale_church, const EvalResult& anchors,
            const EvalResult& sextant) {
  std::printf(
      "[ measure  ] align %s %s %s sextant P=%.3f R=%.3f F1=%.3f "
      "(gale-church F1=%.3f, length+anchors F1=%.3f) %.0f sentences/s "
      "(gale-church %.0f, length+anchors %.0f), lexicon %zu (%.2f s), links %zu/%zu gold\n",
      PairName(sextant).c_str(), std::string(Name(sextant.difficulty)).c_str(),
      std::string(Name(sextant.mode)).c_str(), sextant.precision, sextant.recall, sextant.f1,
      gale_church.f1, anchors.f1, sextant.SentencesPerSecond(),
      gale_church.SentencesPerSecond(), anchors.SentencesPerSecond(), sextant.lexicon_size, sextant.lexicon_seconds,
      sextant.links, sextant.gold_links);
}

TEST(AlignmentCorpusTest, StrictF1OnTheDevset) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  const fs::path dir = ::sextant::testing::SharedCorpora() / "unpc-devset";
  std::string error;
  const std::optional<Devset> devset = ReadDevset(dir, &error);
  ASSERT_TRUE(devset.has_value()) << error;
  ASSERT_EQ(devset->document_ids.size(), 732u);

  const std::vector<EvalConfiguration> configurations = AllConfigurations();
  const unsigned threads = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  const std::vector<EvalResult> results = Evaluate(*devset, configurations, threads);
  ASSERT_EQ(results.size(), 3 * configurations.size());

  for (std::size_t i = 0; i + 2 < results.size(); i += 3) {
    const EvalResult& gale_church = results[i];
    const EvalResult& anchors = results[i + 1];
    const EvalResult& sextant = results[i + 2];
    Report(gale_church, anchors, sextant);
    const std::string row = PairName(sextant) + " " + std::string(Name(sextant.difficulty)) +
                            " " + std::string(Name(sextant.mode));
    const Floor* floor = FindFloor(sextant);
    EXPECT_NE(floor, nullptr) << "no floor for " << row;
    if (floor != nullptr) {
      EXPECT_GE(sextant.f1, floor->min_f1) << row;
    }
    if (sextant.difficulty == Difficulty::kHard) {
      EXPECT_GE(sextant.f1, gale_church.f1) << row;
    }
  }
}

}  // namespace
}  // namespace sextant::eval
