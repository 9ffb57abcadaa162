// Threads of recommendations (pipeline/recommendation_threads.h): the word
// difference between wordings, the likeness of two wordings, and threads
// over sessions, language versions and addressees; and the record's CSV.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/recommendation_record.h"
#include "pipeline/recommendation_threads.h"

namespace sextant {
namespace {

std::string Render(const std::vector<WordChange>& changes) {
  std::string out;
  for (const WordChange& change : changes) {
    if (!out.empty()) out += ' ';
    if (change.kind == WordChange::Kind::kAdded) out += "+[" + change.text + "]";
    else if (change.kind == WordChange::Kind::kRemoved) out += "-[" + change.text + "]";
    else out += change.text;
  }
  return out;
}

struct DifferenceCase {
  const char* before;
  const char* after;
  const char* changes;
};

// clang-format off
const DifferenceCase kDifferenceCases[] = {
    {"Ratify OP-CAT", "Ratify OP-CAT", "Ratify OP-CAT"},
    {"Reinstate a moratorium on the use of the death penalty", "Re-establish a moratorium on the use of the death penalty",
     "-[Reinstate] +[Re-establish] a moratorium on the use of the death penalty"},
    {"Ratify the Convention", "Ratify the Convention and its Optional Protocol", "Ratify the Convention +[and its Optional Protocol]"},
    {"Consider ratifying ICRMW", "ratify ICRMW", "-[Consider ratifying] +[ratify] ICRMW"},
    {"", "Adopt a law", "+[Adopt a law]"},
    {"Adopt a law", "", "-[Adopt a law]"},
};
// clang-format on

TEST(RecommendationThreadsTest, WordDifferenceMarksWhatChanged) {
  for (const DifferenceCase& c : kDifferenceCases) {
    SCOPED_TRACE(c.before);
    EXPECT_EQ(Render(WordDifference(c.before, c.after)), c.changes);
  }
}

TEST(RecommendationThreadsTest, LikenessIgnoresTheWordsEveryRecommendationUses) {
  EXPECT_GE(WordingSimilarity("Reinstate a moratorium on the use of the death penalty",
                              "Re-establish a moratorium on the use of the death penalty"),
            kThreadSimilarity);
  EXPECT_LT(WordingSimilarity("Continue its efforts in combating corruption", "Continue its efforts to reduce poverty"),
            kThreadSimilarity);
  EXPECT_GE(WordingSimilarity("批准《禁止酷刑公约任择议定书》", "考虑批准《禁止酷刑公约任择议定书》"), kThreadSimilarity);
}

ThreadRecord Record(std::string symbol, std::string number, std::string language, std::string date, std::string text,
                    std::string addressee = "Afghanistan") {
  ThreadRecord record;
  record.id = symbol + "#" + number;
  record.symbol = std::move(symbol);
  record.number = std::move(number);
  record.language = std::move(language);
  record.meeting_dates = {std::move(date)};
  record.text = std::move(text);
  record.addressee = std::move(addressee);
  return record;
}

TEST(RecommendationThreadsTest, ThreadsJoinSessionsAndLanguagesNotDocumentsOrAddressees) {
  std::vector<ThreadRecord> records = {
      Record("A/HRC/26/4", "138.7", "en", "2014-01-27", "Re-establish a moratorium on executions, with a view to abolishing the death penalty"),
      Record("A/HRC/12/9", "97.1", "en", "2009-05-07", "Reinstate a moratorium on executions with a view to abolishing the death penalty"),
      Record("A/HRC/12/9", "97.1", "zh", "2009-05-07", "恢复暂停执行死刑，以期废除死刑"),
      // The same document again: never two wordings of one document in a thread.
      Record("A/HRC/12/9", "97.2", "en", "2009-05-07", "Reinstate a moratorium on executions with a view to abolishing the death penalty soon"),
      // Another addressee.
      Record("A/HRC/26/5", "120.1", "en", "2014-01-28", "Reinstate a moratorium on executions with a view to abolishing the death penalty", "Chile"),
      Record("A/HRC/26/4", "136.1", "en", "2014-01-27", "Ratify the Convention on the Rights of Persons with Disabilities"),
  };
  const std::vector<RecommendationThread> threads = ThreadRecommendations(records);
  ASSERT_EQ(threads.size(), 4u);
  const RecommendationThread* moratorium = nullptr;
  for (const RecommendationThread& thread : threads) {
    if (thread.items.size() == 3) moratorium = &thread;
  }
  ASSERT_NE(moratorium, nullptr);
  EXPECT_EQ(moratorium->addressee, "Afghanistan");
  EXPECT_EQ(moratorium->items[0].id, "A/HRC/12/9#97.1");
  EXPECT_EQ(moratorium->items[0].language, "en");
  EXPECT_EQ(moratorium->items[1].language, "zh");
  EXPECT_EQ(moratorium->items[2].id, "A/HRC/26/4#138.7");
  ASSERT_EQ(moratorium->changes.size(), 1u);  // English to English only
  EXPECT_EQ(moratorium->changes[0].from, 0u);
  EXPECT_EQ(moratorium->changes[0].to, 2u);
  EXPECT_EQ(Render(moratorium->changes[0].words),
            "-[Reinstate] +[Re-establish] a moratorium on -[executions] +[executions,] with a view to abolishing the death penalty");
  // Oldest first.
  EXPECT_EQ(threads.front().items.front().meeting_dates.front(), "2009-05-07");
}

TEST(RecommendationRecordTest, CsvQuotesWhatNeedsIt) {
  const nlohmann::json record = {{"id", "A/HRC/12/9#95.1"}, {"number", "95.1"},
                                 {"text", "Incorporate conventions, \"all\" of them"},
                                 {"recommending", {"Austria", "Czech Republic"}}, {"addressee", "Afghanistan"},
                                 {"response", nullptr}, {"page", 14}, {"meeting_dates", {"2009-05-07"}}};
  EXPECT_EQ(RecommendationCsvHeader(),
            "id,number,text,recommending,addressee,response,symbol,file,language,page,agenda_item,body,session,meeting_dates");
  EXPECT_EQ(RecommendationCsvRow(record),
            "A/HRC/12/9#95.1,95.1,\"Incorporate conventions, \"\"all\"\" of them\",Austria; Czech Republic,Afghanistan,,,,,14,,,,2009-05-07");
}

}  // namespace
}  // namespace sextant
