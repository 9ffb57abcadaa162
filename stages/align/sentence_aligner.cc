#include "stages/align/sentence_aligner.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cassert>
#include <cstdint>
#include <iterator>
#include <limits>
#include <utility>

#include "stages/align/lexicon.h"
#include "stages/align/sentence_features.h"

namespace sextant {
namespace {

// The six kinds of link: units taken from the source and from the target.
struct Move {
  int source, target;
};

constexpr std::array<Move, 6> kMoves{{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}}};

// -log of how often a kind of link occurs: 1–1 is by far the commonest.
double PriorCost(const Move& move, const AlignerWeights& weights) {
  if (move.source == 1 && move.target == 1) return 0.1;
  if (move.source == 0 || move.target == 0) return weights.skip;
  if (move.source == 2 && move.target == 2) return weights.merge_both;
  return weights.merge;
}

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// One side's units, with what the cost model reads: each unit's features,
// and those of the pair (k-1, k) that a 2–x link takes together, and the
// words as the lexicon's ids.
struct Side {
  std::span<const SentenceFeatures> units;
  std::vector<double> pair_length;
  std::vector<std::vector<std::string>> pair_anchors;
  std::vector<std::vector<std::uint32_t>> pair_cognates;
  std::vector<WordIdSet> words, pair_words;  // with a lexicon
  // With a lexicon: the words narrowed to the translations found in the
  // other side's text (NarrowTo()).
  std::vector<NarrowedWords> narrowed, pair_narrowed;

  std::size_t size() const { return units.size(); }
  // The units [end - count, end) taken together.
  double Length(std::size_t end, int count) const {
    return count == 1 ? units[end - 1].length : pair_length[end - 1];
  }
  const std::vector<std::string>& Anchors(std::size_t end, int count) const {
    return count == 1 ? units[end - 1].anchors : pair_anchors[end - 1];
  }
  const std::vector<std::uint32_t>& Cognates(std::size_t end, int count) const {
    return count == 1 ? units[end - 1].cognates : pair_cognates[end - 1];
  }
  const WordIdSet& Words(std::size_t end, int count) const {
    return count == 1 ? words[end - 1] : pair_words[end - 1];
  }
  const NarrowedWords& Narrowed(std::size_t end, int count) const {
    return count == 1 ? narrowed[end - 1] : pair_narrowed[end - 1];
  }
};

WordIds Union(const WordIds& a, const WordIds& b) {
  WordIds out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

Side Prepare(std::span<const SentenceFeatures> units, const Lexicon* lexicon, bool source) {
  Side side;
  side.units = units;
  const std::size_t n = units.size();
  if (lexicon != nullptr) {
    for (const SentenceFeatures& unit : units) side.words.emplace_back(lexicon->Ids(unit.words, source));
  }
  side.pair_length.resize(n);
  side.pair_anchors.resize(n);
  side.pair_cognates.resize(n);
  if (lexicon != nullptr) side.pair_words.resize(n);
  for (std::size_t k = 1; k < n; ++k) {
    const SentenceFeatures& a = units[k - 1];
    const SentenceFeatures& b = units[k];
    side.pair_length[k] = a.length + b.length;
    std::merge(a.anchors.begin(), a.anchors.end(), b.anchors.begin(), b.anchors.end(),
               std::back_inserter(side.pair_anchors[k]));
    std::merge(a.cognates.begin(), a.cognates.end(), b.cognates.begin(), b.cognates.end(),
               std::back_inserter(side.pair_cognates[k]));
    if (lexicon != nullptr) side.pair_words[k] = WordIdSet(Union(side.words[k - 1].ids(), side.words[k].ids()));
  }
  return side;
}

// Narrows `side`'s words to the translations found in `other`'s text.
void NarrowTo(Side& side, const Side& other, const Lexicon& lexicon, bool source) {
  WordIds other_text;
  for (const WordIdSet& unit : other.words) other_text.insert(other_text.end(), unit.ids().begin(), unit.ids().end());
  std::sort(other_text.begin(), other_text.end());
  other_text.erase(std::unique(other_text.begin(), other_text.end()), other_text.end());
  side.narrowed.reserve(side.words.size());
  side.pair_narrowed.resize(side.words.size());
  for (std::size_t k = 0; k < side.words.size(); ++k) {
    side.narrowed.push_back(lexicon.Narrow(side.words[k].ids(), source, other_text));
    if (k > 0) side.pair_narrowed[k] = lexicon.Narrow(side.pair_words[k].ids(), source, other_text);
  }
}

// `input` with its units' features: its own when it has them (with words
// when `with_words`), else computed into `storage`.
AlignerInput WithFeatures(const AlignerInput& input, bool with_words, std::vector<SentenceFeatures>& storage) {
  const bool complete = input.features.size() == input.units.size() &&
                        (!with_words || std::all_of(input.features.begin(), input.features.end(),
                                                    [](const SentenceFeatures& f) { return f.has_words; }));
  if (complete) return input;
  storage = UnitFeatures(input, with_words);
  AlignerInput out = input;
  out.features = storage;
  return out;
}

// -log P(|Z| >= |delta|) for a standard normal Z, floored at P = 1e-12.
// The aligner asks for it in every cell of the band, and erfc and log
// were two thirds of its time; a table of 1,025 points, linearly
// interpolated, is within 1e-5 of the exact value (the curve is about
// delta^2 / 2, so the error is at most step^2 / 8).
double LengthTailCost(double delta) {
  static constexpr double kFloor = 1e-12;
  static constexpr double kLast = 8.0;  // erfc(8 / sqrt 2) < kFloor: flat beyond
  static constexpr int kSteps = 1024;
  static const std::vector<double> table = [] {
    std::vector<double> values(kSteps + 1);
    for (int k = 0; k <= kSteps; ++k) {
      const double x = kLast * k / kSteps;
      values[static_cast<std::size_t>(k)] = -std::log(std::max(std::erfc(x / std::sqrt(2.0)), kFloor));
    }
    return values;
  }();
  const double position = std::abs(delta) * (kSteps / kLast);
  if (!(position < kSteps)) return table.back();
  const auto k = static_cast<std::size_t>(position);
  const double fraction = position - static_cast<double>(k);
  return table[k] + fraction * (table[k + 1] - table[k]);
}

// A merged unit with fewer cognate keys than this says too little to be
// judged on its own.
constexpr std::size_t kMinimumCognatesPerPart = 2;

// The evidence at which the lexicon (words with entries, both sides) and
// cognates (keys, both sides) weigh in fully; below, in proportion. Chosen
// on the devset (hard and clean, fr-en and es-en, one document at a time):
// F1 rose from 12 to 24 words and was flat to 48.
constexpr double kFullLexicalEvidence = 24;
constexpr double kFullCognateEvidence = 8;

class CostModel {
 public:
  // `ratio`: the target's length in characters per source character.
  CostModel(const Side& source, const Side& target, const AlignerOptions& options, double ratio)
      : source_(source), target_(target), options_(options), ratio_(ratio) {}

  // The cost of linking source units [i - a, i) with target units [j - b, j).
  double Cost(std::size_t i, std::size_t j, const Move& move) const {
    const AlignerWeights& w = options_.weights;
    double cost = PriorCost(move, w);
    if (move.source == 0 || move.target == 0) {
      // Dropping a unit that carries anchors is unlikely.
      if (options_.use_anchors) {
        const std::size_t anchors =
            move.source > 0 ? source_.units[i - 1].anchors.size() : target_.units[j - 1].anchors.size();
        cost += 0.5 * static_cast<double>(anchors);
      }
      return cost;
    }
    if (options_.use_length) {
      // Gale–Church on the target length against the expected one, in
      // source characters; variance 6.8 per character as they measured.
      const double source_length = source_.Length(i, move.source);
      const double target_length = target_.Length(j, move.target) / ratio_;
      const double scale = std::sqrt(6.8 * std::max(1.0, (source_length + target_length) / 2));
      const double delta = (target_length - source_length) / scale;
      cost += LengthTailCost(delta);
    }
    // The lexicon and cognates weigh in by how much evidence they have: a
    // short sentence's few words count for less than a long one's. (With
    // a fixed floor instead, two short sentences merged gained what
    // neither had alone, and true 1–1 pairs became 2–2 links.)
    if (options_.use_lexicon && options_.lexicon != nullptr) {
      const auto [similarity, words] = LexicalSimilarity(i, j, move);
      if (similarity >= 0) {
        cost += w.lexicon * (0.5 - similarity) * std::min(1.0, static_cast<double>(words) / kFullLexicalEvidence);
      }
    }
    if (options_.use_cognates) {
      // Both Latin-script: cognates and names shared by their first letters.
      const auto keys = static_cast<double>(source_.Cognates(i, move.source).size() +
                                            target_.Cognates(j, move.target).size());
      if (keys >= 2) {
        cost += w.cognates * (0.3 - CognateSimilarity(i, j, move)) * std::min(1.0, keys / kFullCognateEvidence);
      }
    }
    if (options_.use_anchors) {
      const auto& source_anchors = source_.Anchors(i, move.source);
      const auto& target_anchors = target_.Anchors(j, move.target);
      if (!source_anchors.empty() || !target_anchors.empty()) {
        // Each shared anchor is evidence for the link, each anchor found on
        // one side only evidence against it (a number a translation lost).
        const std::size_t shared = SharedAnchors(source_anchors, target_anchors);
        const std::size_t unshared = source_anchors.size() + target_anchors.size() - 2 * shared;
        cost += w.anchors * (0.5 * static_cast<double>(unshared) - static_cast<double>(shared)) / 3.0 * 2.0;
      }
    }
    return cost;
  }

 private:
  // For a merge, each of the merged units must find its translation in the
  // other side: the weakest part counts. (A sentence that was dropped from
  // one version must not hide inside a 2–1 link.)
  // Returns the similarity (negative: no word has an entry) and how many
  // words on both sides have entries.
  std::pair<double, std::size_t> LexicalSimilarity(std::size_t i, std::size_t j, const Move& move) const {
    const WordIdSet& source_all = source_.Words(i, move.source);
    const WordIdSet& target_all = target_.Words(j, move.target);
    auto [weakest, words] = Lexicon::SimilarityAndEvidence(source_.Narrowed(i, move.source), source_all,
                                                           target_.Narrowed(j, move.target), target_all);
    if (weakest < 0) return {weakest, words};
    if (move.source == 2) {
      for (std::size_t k : {i - 2, i - 1}) {
        const double part = Lexicon::Coverage(source_.narrowed[k], target_all);
        if (part >= 0) weakest = std::min(weakest, part);
      }
    }
    if (move.target == 2) {
      for (std::size_t k : {j - 2, j - 1}) {
        const double part = Lexicon::Coverage(target_.narrowed[k], source_all);
        if (part >= 0) weakest = std::min(weakest, part);
      }
    }
    return {weakest, words};
  }

  // Dice overlap of the link's cognate keys; for a merge, as for the
  // lexicon, each merged unit must find its own cognates on the other side
  // (the share of its keys found there), and the weakest part counts.
  double CognateSimilarity(std::size_t i, std::size_t j, const Move& move) const {
    const auto& source_all = source_.Cognates(i, move.source);
    const auto& target_all = target_.Cognates(j, move.target);
    double weakest = AnchorOverlap(source_all, target_all);
    const auto part = [&](const std::vector<std::uint32_t>& unit, const std::vector<std::uint32_t>& other) {
      if (unit.size() < kMinimumCognatesPerPart) return;
      const double found = static_cast<double>(SharedAnchors(unit, other)) / static_cast<double>(unit.size());
      weakest = std::min(weakest, found);
    };
    if (move.source == 2) {
      for (std::size_t k : {i - 2, i - 1}) part(source_.units[k].cognates, target_all);
    }
    if (move.target == 2) {
      for (std::size_t k : {j - 2, j - 1}) part(target_.units[k].cognates, source_all);
    }
    return weakest;
  }

  const Side& source_;
  const Side& target_;
  const AlignerOptions& options_;
  double ratio_ = 1.0;
};

// Characters of a sentence per character of its English translation
// (white space not counted), in the UN Parallel Corpus devset's 4,000
// sentences; each document's own ratio spreads around it by about 0.09
// (0.06 for Chinese).
double CharactersPerEnglishCharacter(Language language) {
  switch (language) {
    case Language::kArabic: return 0.84;
    case Language::kChinese: return 0.31;
    case Language::kFrench: return 1.13;
    case Language::kRussian: return 1.14;
    case Language::kSpanish: return 1.13;
    default: return 1.0;
  }
}

// The length ratio measured on a path's 1–1 links, drawn towards `prior`
// with the weight of 200 source characters (about two sentences): a short
// text keeps about the prior, a long one its own. (On the devset, 30 and
// 1,000 gave the same F1 within 0.001.)
double PathRatio(const std::vector<AlignmentLink>& links, const Side& source, const Side& target, double prior) {
  constexpr double kPriorCharacters = 200;
  double source_total = kPriorCharacters, target_total = prior * kPriorCharacters;
  for (const AlignmentLink& link : links) {
    if (link.source.size() != 1 || link.target.size() != 1) continue;
    source_total += source.units[link.source[0]].length;
    target_total += target.units[link.target[0]].length;
  }
  return source_total > 0 ? target_total / source_total : prior;
}

// Maps a cost to a confidence in [0, 1]: a 1–1 link between sentences of
// expected length and shared anchors costs about 0–1.
double Confidence(double cost, const Move& move, const AlignerWeights& weights) {
  const double excess = std::max(0.0, cost - PriorCost(move, weights));
  return std::exp(-excess / 3.0);
}

// Half-width of a corridor around an earlier path, for the signals that
// cost too much to consult over the whole band (cognates, the lexicon). On
// the devset (3,660 document pairs and five 4,000-sentence records, hard)
// widths 4, 6 and 12 give the same links: those signals move a link by a
// few units.
constexpr std::size_t kCorridor = 6;

// The dynamic programme over a band of rows: row i (source units taken)
// considers target positions within `width` of centres[i]. Returns the best
// path's links, in order, each with its confidence.
std::vector<AlignmentLink> Decode(const CostModel& model, std::size_t n, std::size_t m,
                                  const std::vector<std::size_t>& centres, std::size_t width,
                                  const AlignerWeights& weights) {
  const auto low = [&](std::size_t i) { return centres[i] > width ? centres[i] - width : 0; };
  const auto high = [&](std::size_t i) { return std::min(m, centres[i] + width); };
  const std::size_t row_width = 2 * width + 2;
  const auto slot = [&](std::size_t i, std::size_t j) -> std::ptrdiff_t {
    if (j < low(i) || j > high(i)) return -1;
    return static_cast<std::ptrdiff_t>(j - low(i));
  };
  // Three rows of costs (i, i-1, i-2) and one back-pointer byte per cell.
  std::array<std::vector<double>, 3> rows;
  for (auto& row : rows) row.assign(row_width, kInfinity);
  std::vector<std::uint8_t> back((n + 1) * row_width, 0xFF);
  for (std::size_t i = 0; i <= n; ++i) {
    std::vector<double>& row = rows[i % 3];
    std::fill(row.begin(), row.end(), kInfinity);
    for (std::size_t j = low(i); j <= high(i); ++j) {
      const auto here = static_cast<std::size_t>(slot(i, j));
      if (i == 0 && j == 0) {
        row[here] = 0;
        continue;
      }
      double best = kInfinity;
      std::uint8_t best_move = 0xFF;
      for (std::uint8_t k = 0; k < kMoves.size(); ++k) {
        const Move& move = kMoves[k];
        if (static_cast<std::size_t>(move.source) > i || static_cast<std::size_t>(move.target) > j) continue;
        const std::size_t pi = i - static_cast<std::size_t>(move.source);
        const std::ptrdiff_t there = slot(pi, j - static_cast<std::size_t>(move.target));
        if (there < 0) continue;
        const double previous = rows[pi % 3][static_cast<std::size_t>(there)];
        if (previous == kInfinity) continue;
        const double total = previous + model.Cost(i, j, move);
        if (total < best) {
          best = total;
          best_move = k;
        }
      }
      row[here] = best;
      back[i * row_width + here] = best_move;
    }
  }
  // Trace back from (n, m).
  std::vector<AlignmentLink> reversed;
  std::size_t i = n, j = m;
  while (i > 0 || j > 0) {
    const std::ptrdiff_t here = slot(i, j);
    const std::uint8_t k = here < 0 ? 0xFF : back[i * row_width + static_cast<std::size_t>(here)];
    assert(k != 0xFF && "the band holds a path from (0, 0) to (n, m)");
    if (k == 0xFF) break;
    const Move& move = kMoves[k];
    AlignmentLink link;
    for (int s = move.source; s >= 1; --s) link.source.push_back(i - static_cast<std::size_t>(s));
    for (int t = move.target; t >= 1; --t) link.target.push_back(j - static_cast<std::size_t>(t));
    link.score = Confidence(model.Cost(i, j, move), move, weights);
    reversed.push_back(std::move(link));
    i -= static_cast<std::size_t>(move.source);
    j -= static_cast<std::size_t>(move.target);
  }
  return {reversed.rbegin(), reversed.rend()};
}

// How far a path strays from `centres` (target units, at the end of each
// link), and how near the edge of a band it may come before the band is
// widened.
std::size_t MaxDeviation(const std::vector<AlignmentLink>& links, const std::vector<std::size_t>& centres) {
  std::size_t i = 0, j = 0, most = 0;
  for (const AlignmentLink& link : links) {
    i += link.source.size();
    j += link.target.size();
    most = std::max(most, j > centres[i] ? j - centres[i] : centres[i] - j);
  }
  return most;
}
constexpr std::size_t kBandMargin = 16;

// Row centres along a path: for each source count i, the target count the
// path has reached.
std::vector<std::size_t> CentresAlong(const std::vector<AlignmentLink>& links, std::size_t n) {
  std::vector<std::size_t> centres(n + 1, 0);
  std::size_t i = 0, j = 0;
  for (const AlignmentLink& link : links) {
    for (std::size_t k = 1; k <= link.source.size(); ++k) centres[i + k] = j + link.target.size();
    i += link.source.size();
    j += link.target.size();
    centres[i] = j;
  }
  return centres;
}


}  // namespace

std::vector<SentenceFeatures> UnitFeatures(const AlignerInput& input, bool with_words) {
  std::vector<SentenceFeatures> features;
  features.reserve(input.units.size());
  for (std::string_view unit : input.units) features.push_back(ComputeFeatures(unit, input.language, with_words));
  return features;
}

Alignment SentenceAligner::Align(const AlignerInput& source_input,
                                 const AlignerInput& target_input) const {
  return Run(source_input, target_input, nullptr);
}

Alignment SentenceAligner::Refine(const AlignerInput& source_input, const AlignerInput& target_input,
                                  const Alignment& draft) const {
  return Run(source_input, target_input, &draft);
}

Alignment SentenceAligner::Run(const AlignerInput& source_given, const AlignerInput& target_given,
                               const Alignment* draft) const {
  Alignment alignment;
  alignment.source_language = source_given.language;
  alignment.target_language = target_given.language;
  // A lexicon learned from too little text says little; without one, the
  // weights measured for length and anchors alone apply.
  const Lexicon* lexicon = options_.use_lexicon ? options_.lexicon : nullptr;
  if (lexicon != nullptr && lexicon->size() < options_.minimum_lexicon_size) lexicon = nullptr;
  std::vector<SentenceFeatures> source_storage, target_storage;
  const AlignerInput source_input = WithFeatures(source_given, lexicon != nullptr, source_storage);
  const AlignerInput target_input = WithFeatures(target_given, lexicon != nullptr, target_storage);
  Side source = Prepare(source_input.features, lexicon, true);
  Side target = Prepare(target_input.features, lexicon, false);
  if (lexicon != nullptr) {
    NarrowTo(source, target, *lexicon, true);
    NarrowTo(target, source, *lexicon, false);
  }
  const std::size_t n = source.size(), m = target.size();

  // The length model's ratio: the language pair's at first, then the one
  // the first path's 1–1 links show. (The two texts' total lengths would
  // mislead whenever one lost sentences the other kept.)
  const double prior_ratio = CharactersPerEnglishCharacter(target_given.language) /
                             CharactersPerEnglishCharacter(source_given.language);
  double ratio = prior_ratio;
  // Cognates only between two Latin-script languages.
  const bool both_latin = Info(source_input.language).script == Script::kLatin &&
                          Info(target_input.language).script == Script::kLatin;
  // First pass, length and anchors, over a band around the diagonal (or
  // the draft a caller already has).
  if (draft != nullptr && lexicon != nullptr) {
    alignment.links = draft->links;
  } else {
    AlignerOptions plain = options_;
    plain.use_cognates = options_.use_cognates && both_latin;
    plain.use_lexicon = false;
    plain.weights = options_.weights_without_lexicon;
    std::vector<std::size_t> diagonal(n + 1);
    for (std::size_t i = 0; i <= n; ++i) diagonal[i] = n == 0 ? m : i * m / n;
    diagonal[n] = m;
    // Cognates cost the most of the first-pass signals: the wide band is
    // searched without them, and a corridor around that path with them.
    AlignerOptions coarse = plain;
    coarse.use_cognates = false;
    const CostModel coarse_model(source, target, coarse, ratio);
    // The band: wide enough for the longer text's tenth (64 to 400 units)
    // first; widened by the length difference when the path comes near its
    // edge (a version that lacks a whole annex). A difference spread
    // through the text keeps the path near the diagonal, which runs from
    // corner to corner.
    const std::size_t difference = n > m ? n - m : m - n;
    const std::size_t base = std::min<std::size_t>(400, std::max<std::size_t>(64, std::max(n, m) / 10));
    const std::size_t full_width = options_.band > 0 ? static_cast<std::size_t>(options_.band) : base + difference;
    const std::size_t first_width = options_.band > 0 ? full_width : base;
    alignment.links = Decode(coarse_model, n, m, diagonal, first_width, coarse.weights);
    if (first_width < full_width && MaxDeviation(alignment.links, diagonal) + kBandMargin > first_width) {
      alignment.links = Decode(coarse_model, n, m, diagonal, full_width, coarse.weights);
    }
    ratio = PathRatio(alignment.links, source, target, prior_ratio);
    if (plain.use_cognates) {
      const CostModel plain_model(source, target, plain, ratio);
      alignment.links = Decode(plain_model, n, m, CentresAlong(alignment.links, n), kCorridor, plain.weights);
    }
  }

  // Second pass with the lexicon, in a corridor around the first path: the
  // lexicon moves links by a few units, not by hundreds, and costs far more
  // to consult than lengths.
  if (lexicon != nullptr) {
    AlignerOptions full = options_;
    full.use_cognates = options_.use_cognates && both_latin;
    full.lexicon = lexicon;
    full.weights = options_.weights;
    ratio = PathRatio(alignment.links, source, target, prior_ratio);
    const CostModel full_model(source, target, full, ratio);
    alignment.links = Decode(full_model, n, m, CentresAlong(alignment.links, n), kCorridor, full.weights);
  }
  alignment.weak_regions = WeakRegions(alignment.links, options_.weak_score);
  return alignment;
}

Alignment AlignBootstrapped(const AlignerInput& source_given, const AlignerInput& target_given,
                            AlignerOptions options, Lexicon* learned) {
  if (!options.use_lexicon || options.lexicon != nullptr) {
    return SentenceAligner(options).Align(source_given, target_given);
  }
  // Features once, for both passes and the lexicon.
  std::vector<SentenceFeatures> source_storage, target_storage;
  const AlignerInput source = WithFeatures(source_given, true, source_storage);
  const AlignerInput target = WithFeatures(target_given, true, target_storage);
  AlignerOptions first = options;
  first.use_lexicon = false;
  const Alignment draft = SentenceAligner(first).Align(source, target);
  std::vector<std::pair<const WordList*, const WordList*>> pairs;
  for (const AlignmentLink& link : draft.links) {
    if (link.source.size() == 1 && link.target.size() == 1 && link.score >= 0.5) {
      pairs.push_back({&source.features[link.source[0]].words, &target.features[link.target[0]].words});
    }
  }
  Lexicon lexicon = Lexicon::LearnFromWords(pairs, source.language, target.language, options.dictionary);
  options.lexicon = &lexicon;
  Alignment alignment = SentenceAligner(options).Refine(source, target, draft);
  if (learned != nullptr) *learned = std::move(lexicon);
  return alignment;
}

}  // namespace sextant
