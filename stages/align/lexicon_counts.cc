#include "stages/align/lexicon_counts.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <optional>
#include <span>
#include <sstream>
#include <utility>

namespace sextant {
namespace {

constexpr std::string_view kHeader = "# sextant lexicon counts ";
// The buffer of new pairs holds half the pair limit, within these bounds:
// at least one sentence pair's worth (kLexiconMaximumPairProduct), at most
// 64 Ki (512 KiB), past which merges are rare enough.
constexpr std::size_t kPendingFewest = 4096;
constexpr std::size_t kPendingMost = std::size_t{1} << 16;
static_assert(kPendingFewest >= kLexiconMaximumPairProduct);

std::uint64_t Key(int source_word, int target_word) {
  return (static_cast<std::uint64_t>(source_word) << 32) | static_cast<std::uint32_t>(target_word);
}
int SourceOf(std::uint64_t key) { return static_cast<int>(key >> 32); }
int TargetOf(std::uint64_t key) { return static_cast<int>(key & 0xFFFFFFFFu); }

// The fields of a line cut at tabs.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

std::optional<std::uint32_t> Count(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

}  // namespace

int LexiconCounts::Vocabulary::Intern(const std::string& word) {
  // try_emplace: a word counted before costs no node made and thrown away.
  const auto [it, added] = ids.try_emplace(word, static_cast<int>(words.size()));
  if (added) {
    words.push_back(&it->first);
    counts.push_back(0);
  }
  return it->second;
}

std::vector<int> LexiconCounts::Vocabulary::Compact(const std::vector<char>& in_pair, std::uint32_t cut,
                                                    std::size_t* ties_kept) {
  std::vector<int> renumbered(words.size(), -1);
  std::size_t kept = 0;
  for (std::size_t id = 0; id < words.size(); ++id) {
    const auto it = ids.find(*words[id]);
    bool drop = !in_pair[id] && counts[id] <= cut;
    if (drop && counts[id] == cut && *ties_kept > 0) {
      --*ties_kept;
      drop = false;
    }
    if (drop) {
      ids.erase(it);
      continue;
    }
    it->second = static_cast<int>(kept);
    renumbered[id] = static_cast<int>(kept);
    words[kept] = words[id];
    counts[kept++] = counts[id];
  }
  words.resize(kept);
  counts.resize(kept);
  return renumbered;
}

LexiconCounts::LexiconCounts(Language source, Language target, std::size_t max_pairs)
    : source_language_(source),
      target_language_(target),
      max_pairs_(std::max<std::size_t>(max_pairs, 1024)),
      pending_limit_(std::clamp(max_pairs_ / 2, kPendingFewest, kPendingMost)) {}

void LexiconCounts::Add(const WordList& source, const WordList& target) {
  ++sentence_pairs_;
  const bool counted = source.size() * target.size() <= kLexiconMaximumPairProduct;  // as Lexicon::LearnFromWords
  // The buffer is merged before it would overflow, and before the words
  // are interned (a merge may prune, which renumbers them): it never grows
  // past its limit.
  if (counted && pending_.size() + source.size() * target.size() > pending_limit_) Flush();
  if (pending_.capacity() < pending_limit_) pending_.reserve(pending_limit_);
  std::vector<int> s, t;
  s.reserve(source.size());
  t.reserve(target.size());
  for (const std::string& word : source) {
    s.push_back(source_.Intern(word));
    ++source_.counts[static_cast<std::size_t>(s.back())];
  }
  for (const std::string& word : target) {
    t.push_back(target_.Intern(word));
    ++target_.counts[static_cast<std::size_t>(t.back())];
  }
  if (!counted) return;
  for (int a : s) {
    for (int b : t) pending_.push_back(Key(a, b));
  }
}

void LexiconCounts::Merge(const LexiconCounts& other) {
  // What waits is merged first: a merge may prune, and pruning renumbers
  // the words, which the ids below must not miss.
  Flush();
  std::vector<int> source_ids(other.source_.words.size()), target_ids(other.target_.words.size());
  for (std::size_t k = 0; k < source_ids.size(); ++k) {
    source_ids[k] = source_.Intern(*other.source_.words[k]);
    source_.counts[static_cast<std::size_t>(source_ids[k])] += other.source_.counts[k];
  }
  for (std::size_t k = 0; k < target_ids.size(); ++k) {
    target_ids[k] = target_.Intern(*other.target_.words[k]);
    target_.counts[static_cast<std::size_t>(target_ids[k])] += other.target_.counts[k];
  }
  sentence_pairs_ += other.sentence_pairs_;
  pruned_dice_ = std::max(pruned_dice_, other.pruned_dice_);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;
  entries.reserve(other.keys_.size() + other.pending_.size());
  const auto mapped = [&](std::uint64_t key) {
    return Key(source_ids[static_cast<std::size_t>(SourceOf(key))], target_ids[static_cast<std::size_t>(TargetOf(key))]);
  };
  for (std::size_t k = 0; k < other.keys_.size(); ++k) entries.emplace_back(mapped(other.keys_[k]), other.counts_[k]);
  for (std::uint64_t key : other.pending_) entries.emplace_back(mapped(key), 1);
  MergeEntries(std::move(entries));
}

void LexiconCounts::MergeEntries(std::vector<std::pair<std::uint64_t, std::uint32_t>> entries) {
  Flush();
  std::sort(entries.begin(), entries.end());
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> counts;
  for (const auto& [key, count] : entries) {
    if (!keys.empty() && keys.back() == key) {
      counts.back() += count;
    } else {
      keys.push_back(key);
      counts.push_back(count);
    }
  }
  entries.clear();
  entries.shrink_to_fit();
  MergeTable(keys, counts);
}

void LexiconCounts::Flush() {
  if (pending_.empty()) return;
  // Each distinct pair once, with how often it waited, gathered at the
  // front of the buffer itself.
  std::sort(pending_.begin(), pending_.end());
  std::vector<std::uint32_t> counts;
  std::size_t distinct = 0;
  for (std::size_t run = 0, next = 0; run < pending_.size(); run = next) {
    while (next < pending_.size() && pending_[next] == pending_[run]) ++next;
    pending_[distinct++] = pending_[run];
    counts.push_back(static_cast<std::uint32_t>(next - run));
  }
  MergeTable(std::span(pending_.data(), distinct), counts);
  pending_.clear();
}

void LexiconCounts::MergeTable(std::span<const std::uint64_t> keys, std::span<const std::uint32_t> counts) {
  // Merged from the back into the table grown by the new entries' room:
  // the table is never copied, and its capacity, once grown, serves every
  // later merge. Writing at `out` never passes an entry not yet read:
  // out - a >= b.
  std::size_t a = keys_.size(), b = keys.size();
  if (keys_.capacity() < a + b) {  // grown by doubling, but not past the limit and one buffer more
    const std::size_t grown = std::max(a + b, std::min(2 * keys_.capacity(), max_pairs_ + pending_limit_));
    keys_.reserve(grown);
    counts_.reserve(grown);
  }
  keys_.resize(a + b);
  counts_.resize(a + b);
  std::size_t out = keys_.size();
  while (b > 0) {
    --out;
    if (a > 0 && keys_[a - 1] > keys[b - 1]) {
      --a;
      keys_[out] = keys_[a];
      counts_[out] = counts_[a];
    } else if (a > 0 && keys_[a - 1] == keys[b - 1]) {
      --a;
      --b;
      keys_[out] = keys_[a];
      counts_[out] = counts_[a] + counts[b];
    } else {
      --b;
      keys_[out] = keys[b];
      counts_[out] = counts[b];
    }
  }
  // Pairs counted before and again left a gap of that many entries after
  // the untouched front [0, a): closed.
  if (out > a) {
    keys_.erase(keys_.begin() + static_cast<std::ptrdiff_t>(a), keys_.begin() + static_cast<std::ptrdiff_t>(out));
    counts_.erase(counts_.begin() + static_cast<std::ptrdiff_t>(a), counts_.begin() + static_cast<std::ptrdiff_t>(out));
  }
  if (keys_.size() > max_pairs_) {
    Prune();
  } else if (words() > max_words() && words() >= words_after_compact_ + max_words() / 4) {
    CompactWords();
  }
}

void LexiconCounts::Prune() {
  // The pairs least likely to become a lexicon's go first: those whose
  // Dice's coefficient is lowest now (two frequent words seen together
  // once), the count breaking ties; three quarters of the limit are kept.
  const std::size_t keep = max_pairs_ / 4 * 3;
  std::vector<std::pair<double, std::uint32_t>> ranked(keys_.size());
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    const double dice = 2.0 * counts_[k] /
                        static_cast<double>(std::uint64_t{source_.counts[static_cast<std::size_t>(SourceOf(keys_[k]))]} +
                                            target_.counts[static_cast<std::size_t>(TargetOf(keys_[k]))] + 1);
    ranked[k] = {dice + 1e-9 * counts_[k], static_cast<std::uint32_t>(k)};
  }
  std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<char> kept_entry(keys_.size(), 0);
  for (std::size_t k = 0; k < keep; ++k) kept_entry[ranked[k].second] = 1;
  for (std::size_t k = keep; k < ranked.size(); ++k) pruned_dice_ = std::max(pruned_dice_, ranked[k].first);
  ranked.clear();
  ranked.shrink_to_fit();
  std::size_t kept = 0;
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    if (!kept_entry[k]) continue;
    keys_[kept] = keys_[k];
    counts_[kept++] = counts_[k];
  }
  keys_.resize(kept);
  counts_.resize(kept);
  CompactWords();
}

void LexiconCounts::CompactWords() {
  // Words in no pair are dropped where they are (no word copied): those
  // seen once, and past max_words() the rarest others until the vocabulary
  // holds three quarters of it. Ids are renumbered in order, so the table
  // stays sorted.
  std::vector<char> in_pair_source(source_.words.size()), in_pair_target(target_.words.size());
  for (std::uint64_t key : keys_) {
    in_pair_source[static_cast<std::size_t>(SourceOf(key))] = 1;
    in_pair_target[static_cast<std::size_t>(TargetOf(key))] = 1;
  }
  // Loose words (in no pair) seen once go. Past max_words(), the loose
  // words kept are the `room` most frequent (of those seen as often as the
  // last kept, the first by id).
  std::uint32_t cut = 1;  // loose words seen at most this often go, but for `ties` of those seen exactly this often
  std::size_t ties = 0;
  if (words() > max_words()) {
    std::vector<std::uint32_t> loose;  // their counts
    for (std::size_t id = 0; id < source_.words.size(); ++id) {
      if (!in_pair_source[id]) loose.push_back(source_.counts[id]);
    }
    for (std::size_t id = 0; id < target_.words.size(); ++id) {
      if (!in_pair_target[id]) loose.push_back(target_.counts[id]);
    }
    const std::size_t in_pairs = words() - loose.size();
    const std::size_t room = std::max(max_words() / 4 * 3, in_pairs) - in_pairs;
    if (loose.size() > room) {
      std::nth_element(loose.begin(), loose.begin() + static_cast<std::ptrdiff_t>(room), loose.end(),
                       std::greater<>());
      cut = std::max<std::uint32_t>(cut, loose[room]);
      if (cut > 1) {
        const std::size_t above = static_cast<std::size_t>(
            std::count_if(loose.begin(), loose.end(), [cut](std::uint32_t count) { return count > cut; }));
        ties = room - std::min(room, above);
      }
    }
  }
  const std::vector<int> source_ids = source_.Compact(in_pair_source, cut, &ties);
  const std::vector<int> target_ids = target_.Compact(in_pair_target, cut, &ties);
  for (std::uint64_t& key : keys_) {
    key = Key(source_ids[static_cast<std::size_t>(SourceOf(key))], target_ids[static_cast<std::size_t>(TargetOf(key))]);
  }
  words_after_compact_ = words();
}

std::size_t LexiconCounts::distinct_pairs() {
  Flush();
  return keys_.size();
}

std::size_t LexiconCounts::bytes() const {
  std::size_t bytes = pending_.capacity() * 8 + keys_.capacity() * 8 + counts_.capacity() * 4;
  for (const Vocabulary* vocabulary : {&source_, &target_}) {
    for (const std::string* word : vocabulary->words) {
      // A hash node (word, id, next, hash), the pointer and the count.
      bytes += sizeof(std::string) + 32 + (word->size() > 15 ? word->capacity() : 0) + 8 + 4;
    }
  }
  return bytes;
}

LexiconPairs LexiconCounts::Pairs() {
  Flush();
  std::vector<std::vector<std::pair<double, int>>> best_targets(source_.words.size());
  std::vector<std::vector<std::pair<double, int>>> best_sources(target_.words.size());
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    if (counts_[k] < static_cast<std::uint32_t>(kLexiconMinimumPairCount)) continue;
    const int a = SourceOf(keys_[k]), b = TargetOf(keys_[k]);
    const double dice = 2.0 * counts_[k] /
                        static_cast<double>(std::uint64_t{source_.counts[static_cast<std::size_t>(a)]} +
                                            target_.counts[static_cast<std::size_t>(b)]);
    if (dice < kLexiconMinimumDice) continue;
    best_targets[static_cast<std::size_t>(a)].push_back({dice, b});
    best_sources[static_cast<std::size_t>(b)].push_back({dice, a});
  }
  LexiconPairs pairs;
  const auto keep = [&](std::vector<std::vector<std::pair<double, int>>>& best, bool from_source) {
    for (std::size_t word = 0; word < best.size(); ++word) {
      auto& candidates = best[word];
      std::sort(candidates.rbegin(), candidates.rend());
      if (candidates.size() > kLexiconTranslationsPerWord) candidates.resize(kLexiconTranslationsPerWord);
      for (const auto& [dice, other] : candidates) {
        const std::size_t s = from_source ? word : static_cast<std::size_t>(other);
        const std::size_t t = from_source ? static_cast<std::size_t>(other) : word;
        pairs.emplace_back(*source_.words[s], *target_.words[t]);
      }
    }
  };
  keep(best_targets, true);
  keep(best_sources, false);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

void LexiconCounts::Write(std::ostream& out) {
  Flush();
  out << kHeader << Code(source_language_) << ' ' << Code(target_language_) << '\n';
  out << "# sentence pairs " << sentence_pairs_ << '\n';
  for (std::size_t id = 0; id < source_.words.size(); ++id) {
    out << "s\t" << *source_.words[id] << '\t' << source_.counts[id] << '\n';
  }
  for (std::size_t id = 0; id < target_.words.size(); ++id) {
    out << "t\t" << *target_.words[id] << '\t' << target_.counts[id] << '\n';
  }
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    out << "p\t" << *source_.words[static_cast<std::size_t>(SourceOf(keys_[k]))] << '\t'
        << *target_.words[static_cast<std::size_t>(TargetOf(keys_[k]))] << '\t' << counts_[k] << '\n';
  }
}

std::string LexiconCounts::Format() {
  std::ostringstream out;
  Write(out);
  return out.str();
}

std::string LexiconCounts::Parse(std::string_view text, Language source, Language target, std::size_t max_pairs,
                                 LexiconCounts* counts) {
  *counts = LexiconCounts(source, target, max_pairs);
  const std::size_t header_end = text.find('\n');
  const std::string_view header = text.substr(0, header_end);
  bool swapped = false;
  if (std::string problem = CheckPairHeader(header, kHeader, source, target, &swapped); !problem.empty()) return problem;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;  // the pairs, merged into the table once
  Vocabulary& first_side = swapped ? counts->target_ : counts->source_;
  Vocabulary& second_side = swapped ? counts->source_ : counts->target_;
  std::size_t number = 1;
  for (std::size_t start = header_end == std::string_view::npos ? text.size() : header_end + 1; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.empty()) continue;
    if (line[0] == '#') {
      constexpr std::string_view kSentences = "# sentence pairs ";
      if (line.starts_with(kSentences)) {
        if (const auto value = Count(line.substr(kSentences.size()))) counts->sentence_pairs_ += *value;
      }
      continue;
    }
    const std::vector<std::string_view> fields = Fields(line);
    const std::string where = "line " + std::to_string(number) + ": ";
    if ((fields[0] == "s" || fields[0] == "t") && fields.size() == 3 && !fields[1].empty()) {
      const auto count = Count(fields[2]);
      if (!count) return where + "expected a count after the word";
      Vocabulary& side = fields[0] == "s" ? first_side : second_side;
      side.counts[static_cast<std::size_t>(side.Intern(std::string(fields[1])))] += *count;
    } else if (fields[0] == "p" && fields.size() == 4 && !fields[1].empty() && !fields[2].empty()) {
      const auto count = Count(fields[3]);
      if (!count) return where + "expected a count after the two words";
      const int a = first_side.Intern(std::string(fields[1]));
      const int b = second_side.Intern(std::string(fields[2]));
      entries.emplace_back(swapped ? Key(b, a) : Key(a, b), *count);
    } else {
      return where + "expected \"s|t TAB word TAB count\" or \"p TAB word TAB word TAB count\"";
    }
  }
  counts->MergeEntries(std::move(entries));
  return "";
}

}  // namespace sextant
