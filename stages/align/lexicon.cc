#include "stages/align/lexicon.h"

#include <algorithm>
#include <cstdint>

#include "pipeline/unicode_text.h"
#include "stages/segment/word_tokenizer.h"

namespace sextant {
namespace {

constexpr int kMinimumPairCount = 2;
constexpr double kMinimumDice = 0.2;
constexpr std::size_t kTranslationsPerWord = 3;

bool HasLetter(std::string_view word) {
  const ScriptCounts counts = CountScripts(word);
  return counts.letters() > 0;
}

// A unit's distinct words, lower-cased, letters only.
std::vector<std::string> WordList(std::string_view text, Language language) {
  std::vector<std::string> words;
  for (const WordSpan& span : sextant::Words(text, language)) {
    const std::string_view word = text.substr(span.begin, span.end - span.begin);
    if (HasLetter(word)) words.push_back(LowerCase(word));
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

}  // namespace

namespace {

// A word's id in `ids`, added (with an empty row in `table`) when new.
int Intern(std::unordered_map<std::string, int>& ids, std::vector<std::vector<int>>& table,
           const std::string& word) {
  const auto [it, added] = ids.emplace(word, static_cast<int>(ids.size()));
  if (added) table.emplace_back();
  return it->second;
}

// Words as dense ids while counting.
struct Vocabulary {
  std::unordered_map<std::string, int> ids;
  std::vector<std::string> words;
  std::vector<int> count;

  std::vector<int> Add(const std::vector<std::string>& list) {
    std::vector<int> out;
    for (const std::string& word : list) {
      const auto [it, added] = ids.emplace(word, static_cast<int>(words.size()));
      if (added) {
        words.push_back(word);
        count.push_back(0);
      }
      ++count[static_cast<std::size_t>(it->second)];
      out.push_back(it->second);
    }
    return out;
  }
};

}  // namespace

Lexicon Lexicon::Learn(const std::vector<std::pair<std::string_view, std::string_view>>& pairs,
                       Language source, Language target, const Lexicon* base) {
  Lexicon lexicon = base != nullptr ? *base : Lexicon{};
  lexicon.source_language_ = source;
  lexicon.target_language_ = target;
  // Counts of each word, and of each pair of words, over the sentence pairs.
  Vocabulary source_words, target_words;
  std::unordered_map<std::uint64_t, int> pair_count;
  pair_count.reserve(pairs.size() * 64);
  for (const auto& [source_text, target_text] : pairs) {
    const std::vector<int> s = source_words.Add(WordList(source_text, source));
    const std::vector<int> t = target_words.Add(WordList(target_text, target));
    if (s.size() * t.size() > 4000) continue;  // too long to pair every word
    for (int a : s) {
      for (int b : t) ++pair_count[(static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b)];
    }
  }
  // Strong pairs, by Dice, the best few for each word.
  std::vector<std::vector<std::pair<double, int>>> best_targets(source_words.words.size());
  std::vector<std::vector<std::pair<double, int>>> best_sources(target_words.words.size());
  for (const auto& [key, count] : pair_count) {
    if (count < kMinimumPairCount) continue;
    const int a = static_cast<int>(key >> 32), b = static_cast<int>(key & 0xFFFFFFFFu);
    const double dice = 2.0 * count /
                        (source_words.count[static_cast<std::size_t>(a)] + target_words.count[static_cast<std::size_t>(b)]);
    if (dice < kMinimumDice) continue;
    best_targets[static_cast<std::size_t>(a)].push_back({dice, b});
    best_sources[static_cast<std::size_t>(b)].push_back({dice, a});
  }
  const auto keep = [&](std::vector<std::vector<std::pair<double, int>>>& best, bool from_source) {
    for (std::size_t word = 0; word < best.size(); ++word) {
      auto& candidates = best[word];
      std::sort(candidates.rbegin(), candidates.rend());
      if (candidates.size() > kTranslationsPerWord) candidates.resize(kTranslationsPerWord);
      for (const auto& [dice, other] : candidates) {
        const std::string& s = from_source ? source_words.words[word] : source_words.words[static_cast<std::size_t>(other)];
        const std::string& t = from_source ? target_words.words[static_cast<std::size_t>(other)] : target_words.words[word];
        const int si = Intern(lexicon.source_ids_, lexicon.source_to_target_, s);
        const int ti = Intern(lexicon.target_ids_, lexicon.target_to_source_, t);
        lexicon.source_to_target_[static_cast<std::size_t>(si)].push_back(ti);
        lexicon.target_to_source_[static_cast<std::size_t>(ti)].push_back(si);
        ++lexicon.entries_;
      }
    }
  };
  keep(best_targets, true);
  keep(best_sources, false);
  lexicon.SortTables();
  return lexicon;
}

void Lexicon::SortTables() {
  for (auto* table : {&source_to_target_, &target_to_source_}) {
    for (auto& list : *table) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
  }
}

void Lexicon::AddPairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  for (const auto& [source_word, target_word] : pairs) {
    const int s = Intern(source_ids_, source_to_target_, source_word);
    const int t = Intern(target_ids_, target_to_source_, target_word);
    source_to_target_[static_cast<std::size_t>(s)].push_back(t);
    target_to_source_[static_cast<std::size_t>(t)].push_back(s);
    ++entries_;
  }
  SortTables();
}

WordIds Lexicon::Words(std::string_view text, bool source) const {
  const auto& ids = source ? source_ids_ : target_ids_;
  WordIds out;
  for (const std::string& word : WordList(text, source ? source_language_ : target_language_)) {
    const auto found = ids.find(word);
    if (found != ids.end()) out.push_back(found->second);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Lexicon::Counts Lexicon::Count(const WordIds& from, const WordIds& to, bool from_source) const {
  const auto& table = from_source ? source_to_target_ : target_to_source_;
  Counts counts;
  for (int word : from) {
    const std::vector<int>& translations = table[static_cast<std::size_t>(word)];
    if (translations.empty()) continue;
    ++counts.covered;
    const bool found = std::any_of(translations.begin(), translations.end(), [&](int translation) {
      return std::binary_search(to.begin(), to.end(), translation);
    });
    if (found) ++counts.matched;
  }
  return counts;
}

double Lexicon::Similarity(const WordIds& source, const WordIds& target) const {
  const Counts forward = Count(source, target, true);
  const Counts backward = Count(target, source, false);
  const std::size_t covered = forward.covered + backward.covered;
  if (covered < 4) return -1;
  return static_cast<double>(forward.matched + backward.matched) / static_cast<double>(covered);
}

double Lexicon::Coverage(const WordIds& from, const WordIds& to, bool from_source) const {
  const Counts counts = Count(from, to, from_source);
  if (counts.covered < 2) return -1;
  return static_cast<double>(counts.matched) / static_cast<double>(counts.covered);
}

}  // namespace sextant
