// Threads of recommendations: the same recommendation made again to the
// same addressee in a later session or cycle, reworded or not, joined into
// one thread, oldest first, with a word-level difference between
// successive wordings. The language versions of one record (same document
// symbol, same number: "A/HRC/12/9#95.1" in English and in Chinese) are
// one wording in several languages; wordings of different sessions are
// joined when their words are alike enough (Dice coefficient over their
// content words, in one language, at least kThreadSimilarity), each thread
// taking at most one wording per document.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sextant {

// A record as threads need it (pipeline/recommendation_record.h's fields).
struct ThreadRecord {
  std::string id, symbol, number, language, text, addressee, response, session, file;
  std::vector<std::string> recommending;
  std::vector<std::string> meeting_dates;
};

struct WordChange {
  enum class Kind { kSame, kAdded, kRemoved };
  Kind kind = Kind::kSame;
  std::string text;  // the words, joined by spaces
};

std::string_view WordChangeName(WordChange::Kind kind);  // "same", "added", "removed"

// The changes that turn `before` into `after`, word by word (a longest
// common subsequence of their words; punctuation stays on its word).
std::vector<WordChange> WordDifference(std::string_view before, std::string_view after);

// How alike two wordings are, 0..1: the Dice coefficient of their sets of
// content words (lower case, three letters or more, or a Han character;
// not the words every recommendation uses: "continue", "efforts",
// "measures", "ensure", …).
double WordingSimilarity(std::string_view a, std::string_view b);

inline constexpr double kThreadSimilarity = 0.6;

struct RecommendationThread {
  std::string addressee;
  std::vector<ThreadRecord> items;  // oldest first; language versions of a wording together
  // Between successive wordings in one language (from the older to the
  // newer item), by item index.
  struct Change {
    std::size_t from = 0, to = 0;
    std::vector<WordChange> words;
  };
  std::vector<Change> changes;
};

// Threads over `records` (any order, any addressees): every record in
// exactly one thread; threads ordered by their first meeting.
std::vector<RecommendationThread> ThreadRecommendations(std::vector<ThreadRecord> records);

}  // namespace sextant
