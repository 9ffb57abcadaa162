#include "stages/align/lexicon.h"

#include <algorithm>
#include <cstdint>

#include "stages/align/sentence_features.h"

namespace sextant {
namespace {

constexpr int kMinimumPairCount = kLexiconMinimumPairCount;
constexpr double kMinimumDice = kLexiconMinimumDice;
constexpr std::size_t kTranslationsPerWord = kLexiconTranslationsPerWord;

// Words as dense ids while counting.
struct Vocabulary {
  std::unordered_map<std::string, int> ids;
  std::vector<std::string> words;
  std::vector<int> count;

  std::vector<int> Add(const std::vector<std::string>& list) {
    std::vector<int> out;
    for (const std::string& word : list) {
      // try_emplace: a word seen before costs no node made and thrown away.
      const auto [it, added] = ids.try_emplace(word, static_cast<int>(words.size()));
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
  std::vector<std::pair<WordList, WordList>> words;
  words.reserve(pairs.size());
  for (const auto& [source_text, target_text] : pairs) {
    words.emplace_back(LexiconWords(source_text, source), LexiconWords(target_text, target));
  }
  std::vector<std::pair<const WordList*, const WordList*>> lists;
  lists.reserve(words.size());
  for (const auto& [s, t] : words) lists.emplace_back(&s, &t);
  return LearnFromWords(lists, source, target, base);
}

Lexicon Lexicon::LearnFromWords(const std::vector<std::pair<const WordList*, const WordList*>>& pairs,
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
  // Every co-occurrence as one key, sorted: a pair's count is the length
  // of its run (faster than a hash map of counts on a corpus).
  std::vector<std::uint64_t> keys;
  for (const auto& [source_list, target_list] : pairs) {
    const std::vector<int> s = source_words.Add(*source_list);
    const std::vector<int> t = target_words.Add(*target_list);
    if (s.size() * t.size() > kLexiconMaximumPairProduct) continue;  // too long to pair every word
    for (int a : s) {
      for (int b : t) keys.push_back((static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b));
    }
  }
  std::sort(keys.begin(), keys.end());
  // Strong pairs, by Dice, the best few for each word.
  std::vector<std::vector<std::pair<double, int>>> best_targets(source_words.words.size());
  std::vector<std::vector<std::pair<double, int>>> best_sources(target_words.words.size());
  for (std::size_t run = 0, next = 0; run < keys.size(); run = next) {
    while (next < keys.size() && keys[next] == keys[run]) ++next;
    const std::uint64_t key = keys[run];
    const auto count = static_cast<int>(next - run);
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
  // try_emplace: a word known already costs no node made and thrown away.
  const auto [it, added] = ids.try_emplace(word, static_cast<int>(base_size + table.size()));
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
  source_ids_.reserve(source_ids_.size() + pairs.size() / 2);
  target_ids_.reserve(target_ids_.size() + pairs.size() / 2);
  // As ids, each pair once (a dictionary repeats itself; its two
  // directions repeat each other).
  std::vector<std::pair<int, int>> ids;
  ids.reserve(pairs.size());
  for (const auto& [source_word, target_word] : pairs) ids.emplace_back(Intern(source_word, true), Intern(target_word, false));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (const auto& [source_id, target_id] : ids) Add(source_id, target_id);
  SortTables();
}

std::vector<std::pair<std::string, std::string>> Lexicon::OwnPairs() const {
  // Ids back to words: the base's ids below its size, this lexicon's own above.
  const auto words_by_id = [&](bool source) {
    const std::size_t base_size = source ? source_base_size_ : target_base_size_;
    std::vector<const std::string*> words(base_size + (source ? source_to_target_ : target_to_source_).size());
    if (base_ != nullptr) {
      for (const auto& [word, id] : source ? base_->source_ids_ : base_->target_ids_) {
        words[static_cast<std::size_t>(id)] = &word;
      }
    }
    for (const auto& [word, id] : source ? source_ids_ : target_ids_) words[static_cast<std::size_t>(id)] = &word;
    return words;
  };
  const std::vector<const std::string*> source_words = words_by_id(true);
  const std::vector<const std::string*> target_words = words_by_id(false);
  std::vector<std::pair<std::string, std::string>> pairs;
  const auto add = [&](std::size_t source_id, const std::vector<int>& targets) {
    for (int target_id : targets) {
      const std::string* s = source_words[source_id];
      const std::string* t = target_words[static_cast<std::size_t>(target_id)];
      if (s != nullptr && t != nullptr) pairs.emplace_back(*s, *t);
    }
  };
  for (std::size_t k = 0; k < source_to_target_.size(); ++k) add(source_base_size_ + k, source_to_target_[k]);
  for (const auto& [word, targets] : source_extra_) add(static_cast<std::size_t>(word), targets);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

WordIds Lexicon::Words(std::string_view text, bool source) const {
  return Ids(LexiconWords(text, source ? source_language_ : target_language_), source);
}

WordIds Lexicon::Ids(const WordList& words, bool source) const {
  const auto& ids = source ? source_ids_ : target_ids_;
  const auto* base_ids = base_ == nullptr ? nullptr : (source ? &base_->source_ids_ : &base_->target_ids_);
  WordIds out;
  for (const std::string& word : words) {
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

WordIdSet::WordIdSet(WordIds ids) : ids_(std::move(ids)) {
  for (int id : ids_) {
    const std::size_t bit = Bit(id);
    signature_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
}

NarrowedWords Lexicon::Narrow(const WordIds& words, bool source, const WordIds& other_text) const {
  NarrowedWords out;
  const auto keep_found = [&](const std::vector<int>* translations) {
    if (translations == nullptr) return;
    for (int translation : *translations) {
      if (std::binary_search(other_text.begin(), other_text.end(), translation)) out.translations.push_back(translation);
    }
  };
  for (int word : words) {
    const std::vector<int>* base = BaseTranslations(word, source);
    const std::vector<int>* own = OwnTranslations(word, source);
    if ((base == nullptr || base->empty()) && (own == nullptr || own->empty())) continue;
    ++out.covered;
    const std::size_t before = out.translations.size();
    keep_found(base);
    keep_found(own);
    if (out.translations.size() > before) out.ends.push_back(out.translations.size());
  }
  return out;
}

Lexicon::Counts Lexicon::Count(const NarrowedWords& from, const WordIdSet& to) {
  Counts counts;
  counts.covered = from.covered;
  std::size_t begin = 0;
  for (const std::size_t end : from.ends) {
    for (std::size_t k = begin; k < end; ++k) {
      if (to.Contains(from.translations[k])) {
        ++counts.matched;
        break;
      }
    }
    begin = end;
  }
  return counts;
}

std::pair<double, std::size_t> Lexicon::SimilarityAndEvidence(const NarrowedWords& source, const WordIdSet& source_ids,
                                                              const NarrowedWords& target, const WordIdSet& target_ids) {
  const Counts forward = Count(source, target_ids);
  const Counts backward = Count(target, source_ids);
  const std::size_t covered = forward.covered + backward.covered;
  if (covered == 0) return {-1, 0};
  return {static_cast<double>(forward.matched + backward.matched) / static_cast<double>(covered), covered};
}

double Lexicon::Coverage(const NarrowedWords& from, const WordIdSet& to) {
  const Counts counts = Count(from, to);
  if (counts.covered < 2) return -1;
  return static_cast<double>(counts.matched) / static_cast<double>(counts.covered);
}

double Lexicon::Similarity(const WordIds& source, const WordIds& target) const {
  const auto [similarity, covered] = SimilarityAndEvidence(Narrow(source, true, target), WordIdSet(source),
                                                           Narrow(target, false, source), WordIdSet(target));
  return covered < 4 ? -1 : similarity;
}

double Lexicon::Coverage(const WordIds& from, const WordIds& to, bool from_source) const {
  return Coverage(Narrow(from, from_source, to), WordIdSet(to));
}

}  // namespace sextant
