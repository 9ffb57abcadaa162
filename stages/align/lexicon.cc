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
  Lexicon lexicon;
  if (base != nullptr && base->base_ != nullptr) {
    lexicon = *base;  // a base of a base: flattened by copying
  } else if (base != nullptr) {
    lexicon.base_ = base;
    lexicon.source_base_size_ = base->source_to_target_.size();
    lexicon.target_base_size_ = base->target_to_source_.size();
    lexicon.entries_ = base->entries_;
  }
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
        const int si = lexicon.Intern(s, true);
        const int ti = lexicon.Intern(t, false);
        lexicon.Add(si, ti);
      }
    }
  };
  keep(best_targets, true);
  keep(best_sources, false);
  lexicon.SortTables();
  return lexicon;
}

void Lexicon::SortTables() {
  const auto sort = [](std::vector<int>& list) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  };
  for (auto* table : {&source_to_target_, &target_to_source_}) {
    for (auto& list : *table) sort(list);
  }
  for (auto* extra : {&source_extra_, &target_extra_}) {
    for (auto& [word, list] : *extra) sort(list);
  }
}

int Lexicon::Intern(const std::string& word, bool source) {
  if (base_ != nullptr) {
    const auto& base_ids = source ? base_->source_ids_ : base_->target_ids_;
    const auto found = base_ids.find(word);
    if (found != base_ids.end()) return found->second;
  }
  auto& ids = source ? source_ids_ : target_ids_;
  auto& table = source ? source_to_target_ : target_to_source_;
  const std::size_t base_size = source ? source_base_size_ : target_base_size_;
  const auto [it, added] = ids.emplace(word, static_cast<int>(base_size + table.size()));
  if (added) table.emplace_back();
  return it->second;
}

void Lexicon::Add(int source_word, int target_word) {
  const auto list = [&](int word, bool source) -> std::vector<int>& {
    const std::size_t base_size = source ? source_base_size_ : target_base_size_;
    const auto index = static_cast<std::size_t>(word);
    if (index >= base_size) return (source ? source_to_target_ : target_to_source_)[index - base_size];
    return (source ? source_extra_ : target_extra_)[word];
  };
  list(source_word, true).push_back(target_word);
  list(target_word, false).push_back(source_word);
  ++entries_;
}

const std::vector<int>* Lexicon::BaseTranslations(int word, bool source) const {
  const auto index = static_cast<std::size_t>(word);
  if (base_ == nullptr || index >= (source ? source_base_size_ : target_base_size_)) return nullptr;
  return &(source ? base_->source_to_target_ : base_->target_to_source_)[index];
}

const std::vector<int>* Lexicon::OwnTranslations(int word, bool source) const {
  const auto index = static_cast<std::size_t>(word);
  const std::size_t base_size = source ? source_base_size_ : target_base_size_;
  if (index >= base_size) return &(source ? source_to_target_ : target_to_source_)[index - base_size];
  const auto& extra = source ? source_extra_ : target_extra_;
  if (extra.empty()) return nullptr;
  const auto found = extra.find(word);
  return found == extra.end() ? nullptr : &found->second;
}

void Lexicon::AddPairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  for (const auto& [source_word, target_word] : pairs) Add(Intern(source_word, true), Intern(target_word, false));
  SortTables();
}

WordIds Lexicon::Words(std::string_view text, bool source) const {
  const auto& ids = source ? source_ids_ : target_ids_;
  const auto* base_ids = base_ == nullptr ? nullptr : (source ? &base_->source_ids_ : &base_->target_ids_);
  WordIds out;
  for (const std::string& word : WordList(text, source ? source_language_ : target_language_)) {
    if (base_ids != nullptr) {
      const auto found = base_ids->find(word);
      if (found != base_ids->end()) {
        out.push_back(found->second);
        continue;
      }
    }
    const auto found = ids.find(word);
    if (found != ids.end()) out.push_back(found->second);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Lexicon::Counts Lexicon::Count(const WordIds& from, const WordIds& to, bool from_source) const {
  Counts counts;
  const auto finds = [&](const std::vector<int>* translations) {
    return translations != nullptr && std::any_of(translations->begin(), translations->end(), [&](int translation) {
             return std::binary_search(to.begin(), to.end(), translation);
           });
  };
  for (int word : from) {
    const std::vector<int>* base = BaseTranslations(word, from_source);
    const std::vector<int>* own = OwnTranslations(word, from_source);
    if ((base == nullptr || base->empty()) && (own == nullptr || own->empty())) continue;
    ++counts.covered;
    if (finds(base) || finds(own)) ++counts.matched;
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
