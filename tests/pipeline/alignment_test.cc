// Alignment helpers shared by the aligner, the index and the outputs: weak
// regions, the one way link texts are joined, the one JSON form.
#include "pipeline/alignment.h"

#include <gtest/gtest.h>

#include "pipeline/alignment_json.h"
#include "pipeline/json_line.h"

namespace sextant {
namespace {

TEST(AlignmentTest, WeakRegionsAreRunsOfTwoOrMoreLowLinks) {
  const std::vector<AlignmentLink> links = {
      {{0}, {0}, 0.9}, {{1}, {1}, 0.2}, {{2}, {2}, 0.9},  // one weak link alone: no region
      {{3}, {3}, 0.1}, {{4}, {}, 0.3},  {{5}, {4}, 0.2},  // three in a row
      {{6}, {5}, 0.8},
  };
  const std::vector<WeakRegion> regions = WeakRegions(links);
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_EQ(regions[0].first_link, 3u);
  EXPECT_EQ(regions[0].last_link, 5u);
  EXPECT_NEAR(regions[0].mean_score, 0.2, 1e-12);
  EXPECT_EQ(WeakRegions(links, 0.25).size(), 0u);  // 0.3 breaks the run
}

TEST(AlignmentTest, UnitsJoinAsTheirScriptJoins) {
  const std::vector<std::string> en = {"First.", "", "Second."};
  const std::vector<std::string> zh = {"第一。", "第二。"};
  EXPECT_EQ(JoinUnits({0, 2}, en, Language::kEnglish), "First. Second.");
  EXPECT_EQ(JoinUnits({0, 1, 2}, en, Language::kEnglish), "First. Second.");  // an empty unit adds no space
  EXPECT_EQ(JoinUnits({0, 1}, zh, Language::kChinese), "第一。第二。");
  EXPECT_EQ(JoinUnits({0, 7}, zh, Language::kChinese), "第一。");  // past the end: skipped
  EXPECT_EQ(JoinUnits({}, en, Language::kArabic), "");
}

TEST(AlignmentJsonTest, FieldsScoresAndTexts) {
  Alignment alignment;
  alignment.source_language = Language::kChinese;
  alignment.target_language = Language::kEnglish;
  alignment.links = {{{0, 1}, {0}, 0.12345}, {{}, {1}, 0}};
  alignment.weak_regions = {{0, 1, 0.061725}};
  const std::vector<std::string> zh = {"会议", "开幕。"};
  const std::vector<std::string> en = {"Opening of the meeting.", "Extra."};
  const nlohmann::json json = AlignmentToJson(alignment, zh, en);
  EXPECT_EQ(JsonLine(json),
            R"({"languages":["zh","en"],"links":[{"score":0.123,"source":[0,1],"source_text":"会议开幕。",)"
            R"("target":[0],"target_text":"Opening of the meeting."},{"score":0.0,"source":[],"source_text":"",)"
            R"("target":[1],"target_text":"Extra."}],"weak_regions":[{"first_link":0,"last_link":1,"mean_score":0.062}]})");
}

TEST(AlignmentJsonTest, InvalidUtf8IsReplacedNotThrown) {
  EXPECT_EQ(JsonLine(nlohmann::json{{"text", std::string("a\xff" "b")}}), "{\"text\":\"a\xEF\xBF\xBD" "b\"}");
}

}  // namespace
}  // namespace sextant
