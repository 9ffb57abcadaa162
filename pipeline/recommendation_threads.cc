#include "pipeline/recommendation_threads.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    if (end > pos) words.emplace_back(text.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

// Words every recommendation uses, which say nothing of what it asks
// ("Continue its efforts to …", "Take the necessary measures to ensure …").
bool IsGenericWord(std::string_view word) {
  static constexpr std::string_view kGeneric[] = {
      "the", "and", "its", "all", "for", "with", "into", "that", "this", "their", "from", "such", "which",
      "continue", "efforts", "effort", "take", "measures", "necessary", "ensure", "further", "strengthen",
      "consider", "including", "particular", "particularly", "order", "view", "country", "state", "national",
      "possible", "appropriate", "steps", "step", "undertake", "intensify", "pursue", "redouble", "enhance",
      "des", "les", "pour", "dans", "del", "las", "los", "para", "con"};
  for (std::string_view generic : kGeneric) {
    if (word == generic) return true;
  }
  return false;
}

std::set<std::string> ContentWords(std::string_view text) {
  std::set<std::string> words;
  std::string word;
  std::size_t letters = 0;
  const auto flush = [&] {
    if (letters >= 3 && !IsGenericWord(word)) words.insert(word);
    word.clear();
    letters = 0;
  };
  const std::string lowered = LowerCase(text);
  for (std::size_t pos = 0; pos < lowered.size();) {
    const char32_t c = NextCodePoint(lowered, pos);
    if (IsHan(c)) {
      flush();
      std::string han;
      AppendUtf8(han, c);
      words.insert(han);
    } else if (IsLatinLetter(c) || IsCyrillicLetter(c) || IsArabicLetter(c) || IsAsciiDigit(c)) {
      AppendUtf8(word, c);
      ++letters;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

// A wording of one record in its languages, and when it was made.
struct Wording {
  std::vector<ThreadRecord> versions;  // English first when there is one
  std::string date;                    // the first meeting date, "" when unknown
  std::string symbol;
  std::set<std::string> words;  // the key version's content words, read once
  const ThreadRecord& key() const { return versions.front(); }
};

double Dice(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0.0;
  std::size_t common = 0;
  for (const std::string& word : a) common += b.count(word);
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

std::string FoldedName(std::string_view name) { return LowerCase(FoldWhitespace(name)); }

}  // namespace

std::string_view WordChangeName(WordChange::Kind kind) {
  switch (kind) {
    case WordChange::Kind::kSame: return "same";
    case WordChange::Kind::kAdded: return "added";
    case WordChange::Kind::kRemoved: return "removed";
  }
  return "same";
}

std::vector<WordChange> WordDifference(std::string_view before, std::string_view after) {
  const std::vector<std::string> a = SplitWords(before), b = SplitWords(after);
  // Longest common subsequence, by case-folded word.
  std::vector<std::string> fa, fb;
  for (const std::string& word : a) fa.push_back(LowerCase(word));
  for (const std::string& word : b) fb.push_back(LowerCase(word));
  std::vector<std::vector<unsigned>> lcs(a.size() + 1, std::vector<unsigned>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = fa[i] == fb[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<WordChange> changes;
  const auto add = [&changes](WordChange::Kind kind, const std::string& word) {
    if (!changes.empty() && changes.back().kind == kind) {
      changes.back().text += ' ' + word;
    } else {
      changes.push_back({kind, word});
    }
  };
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && fa[i] == fb[j]) {
      add(WordChange::Kind::kSame, b[j]);
      ++i;
      ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      add(WordChange::Kind::kRemoved, a[i++]);  // what went before what came
    } else {
      add(WordChange::Kind::kAdded, b[j++]);
    }
  }
  return changes;
}

double WordingSimilarity(std::string_view a, std::string_view b) { return Dice(ContentWords(a), ContentWords(b)); }

std::vector<RecommendationThread> ThreadRecommendations(std::vector<ThreadRecord> records) {
  // The wordings: records of one symbol and number, whatever their language.
  std::map<std::pair<std::string, std::string>, Wording> by_record;
  for (ThreadRecord& record : records) {
    Wording& wording = by_record[{record.symbol.empty() ? record.file : record.symbol, record.number}];
    if (wording.versions.empty()) {
      wording.symbol = record.symbol.empty() ? record.file : record.symbol;
      wording.date = record.meeting_dates.empty() ? "" : record.meeting_dates.front().substr(0, 10);
    }
    wording.versions.push_back(std::move(record));
  }
  // Per addressee (as the English version names it, else the first), oldest first.
  std::map<std::string, std::vector<Wording>> by_addressee;
  for (auto& [key, wording] : by_record) {
    std::stable_sort(wording.versions.begin(), wording.versions.end(),
                     [](const ThreadRecord& x, const ThreadRecord& y) { return (x.language == "en") > (y.language == "en"); });
    wording.words = ContentWords(wording.key().text);
    by_addressee[FoldedName(wording.key().addressee)].push_back(std::move(wording));
  }
  std::vector<RecommendationThread> threads;
  for (auto& [addressee, wordings] : by_addressee) {
    std::stable_sort(wordings.begin(), wordings.end(), [](const Wording& x, const Wording& y) {
      return std::tie(x.date, x.symbol) < std::tie(y.date, y.symbol);
    });
    struct Open {
      std::vector<const Wording*> wordings;
      std::set<std::string> symbols;
    };
    std::vector<Open> open;
    for (const Wording& wording : wordings) {
      // The most alike thread whose last wording came from another document.
      Open* best = nullptr;
      double best_score = kThreadSimilarity;
      for (Open& thread : open) {
        if (thread.symbols.count(wording.symbol) > 0) continue;
        const Wording& last = *thread.wordings.back();
        if (last.key().language != wording.key().language) continue;
        const double score = Dice(last.words, wording.words);
        if (score >= best_score) {
          best = &thread;
          best_score = score;
        }
      }
      if (best == nullptr) {
        open.push_back({});
        best = &open.back();
      }
      best->wordings.push_back(&wording);
      best->symbols.insert(wording.symbol);
    }
    for (const Open& thread : open) {
      RecommendationThread out;
      out.addressee = thread.wordings.front()->key().addressee;
      std::map<std::string, std::size_t> last_in_language;  // language → item index
      for (const Wording* wording : thread.wordings) {
        for (const ThreadRecord& version : wording->versions) {
          const auto previous = last_in_language.find(version.language);
          if (previous != last_in_language.end()) {
            out.changes.push_back({previous->second, out.items.size(),
                                   WordDifference(out.items[previous->second].text, version.text)});
          }
          last_in_language[version.language] = out.items.size();
          out.items.push_back(version);
        }
      }
      threads.push_back(std::move(out));
    }
  }
  std::stable_sort(threads.begin(), threads.end(), [](const RecommendationThread& x, const RecommendationThread& y) {
    const auto first_date = [](const RecommendationThread& t) {
      return t.items.front().meeting_dates.empty() ? std::string() : t.items.front().meeting_dates.front();
    };
    return first_date(x) < first_date(y);
  });
  return threads;
}

}  // namespace sextant
