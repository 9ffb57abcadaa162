#include "stages/align/lexicon.h"

#include <algorithm>
#include <map>

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

Lexicon Lexicon::Learn(const std::vector<std::pair<std::string_view, std::string_view>>& pairs,
                       Language source, Language target) {
  Lexicon lexicon;
  lexicon.source_language_ = source;
  lexicon.target_language_ = target;
  // Counts of each word, and of each pair of words, over the sentence pairs.
  std::unordered_map<std::string, int> source_count, target_count;
  std::unordered_map<std::string, int> pair_count;  // "source\x1ftarget"
  for (const auto& [source_text, target_text] : pairs) {
    const std::vector<std::string> s = WordList(source_text, source);
    const std::vector<std::string> t = WordList(target_text, target);
    for (const auto& w : s) ++source_count[w];
    for (const auto& w : t) ++target_count[w];
    if (s.size() * t.size() > 4000) continue;  // too long to pair every word
    for (const auto& a : s) {
      for (const auto& b : t) ++pair_count[a + '\x1f' + b];
    }
  }
  // Strong pairs, by Dice, the best few for each word.
  std::map<std::string, std::vector<std::pair<double, std::string>>> best_targets, best_sources;
  for (const auto& [key, count] : pair_count) {
    if (count < kMinimumPairCount) continue;
    const std::size_t split = key.find('\x1f');
    const std::string a = key.substr(0, split), b = key.substr(split + 1);
    const double dice = 2.0 * count / (source_count[a] + target_count[b]);
    if (dice < kMinimumDice) continue;
    best_targets[a].push_back({dice, b});
    best_sources[b].push_back({dice, a});
  }
  const auto id = [](std::unordered_map<std::string, int>& ids,
                     std::vector<std::vector<int>>& table, const std::string& word) {
    const auto [it, added] = ids.emplace(word, static_cast<int>(ids.size()));
    if (added) table.emplace_back();
    return it->second;
  };
  const auto keep = [&](auto& best, bool from_source) {
    for (auto& [word, candidates] : best) {
      std::sort(candidates.rbegin(), candidates.rend());
      if (candidates.size() > kTranslationsPerWord) candidates.resize(kTranslationsPerWord);
      for (const auto& candidate : candidates) {
        const int s = from_source ? id(lexicon.source_ids_, lexicon.source_to_target_, word)
                                  : id(lexicon.source_ids_, lexicon.source_to_target_, candidate.second);
        const int t = from_source ? id(lexicon.target_ids_, lexicon.target_to_source_, candidate.second)
                                  : id(lexicon.target_ids_, lexicon.target_to_source_, word);
        lexicon.source_to_target_[static_cast<std::size_t>(s)].push_back(t);
        lexicon.target_to_source_[static_cast<std::size_t>(t)].push_back(s);
        ++lexicon.entries_;
      }
    }
  };
  keep(best_targets, true);
  keep(best_sources, false);
  for (auto* table : {&lexicon.source_to_target_, &lexicon.target_to_source_}) {
    for (auto& list : *table) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
  }
  return lexicon;
}

void Lexicon::AddPairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  const auto id = [](std::unordered_map<std::string, int>& ids,
                     std::vector<std::vector<int>>& table, const std::string& word) {
    const auto [it, added] = ids.emplace(word, static_cast<int>(ids.size()));
    if (added) table.emplace_back();
    return it->second;
  };
  for (const auto& [source_word, target_word] : pairs) {
    const int s = id(source_ids_, source_to_target_, source_word);
    const int t = id(target_ids_, target_to_source_, target_word);
    source_to_target_[static_cast<std::size_t>(s)].push_back(t);
    target_to_source_[static_cast<std::size_t>(t)].push_back(s);
    ++entries_;
  }
  for (auto* table : {&source_to_target_, &target_to_source_}) {
    for (auto& list : *table) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
  }
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

double Lexicon::Similarity(const WordIds& source, const WordIds& target) const {
  std::size_t covered = 0, matched = 0;
  const auto count = [&](const WordIds& from, const WordIds& to,
                         const std::vector<std::vector<int>>& table) {
    for (int word : from) {
      const std::vector<int>& translations = table[static_cast<std::size_t>(word)];
      if (translations.empty()) continue;
      ++covered;
      for (int translation : translations) {
        if (std::binary_search(to.begin(), to.end(), translation)) {
          ++matched;
          break;
        }
      }
    }
  };
  count(source, target, source_to_target_);
  count(target, source, target_to_source_);
  if (covered < 4) return -1;
  return static_cast<double>(matched) / static_cast<double>(covered);
}

double Lexicon::Coverage(const WordIds& from, const WordIds& to, bool from_source) const {
  const auto& table = from_source ? source_to_target_ : target_to_source_;
  std::size_t covered = 0, matched = 0;
  for (int word : from) {
    const std::vector<int>& translations = table[static_cast<std::size_t>(word)];
    if (translations.empty()) continue;
    ++covered;
    for (int translation : translations) {
      if (std::binary_search(to.begin(), to.end(), translation)) {
        ++matched;
        break;
      }
    }
  }
  if (covered < 2) return -1;
  return static_cast<double>(matched) / static_cast<double>(covered);
}

}  // namespace sextant
