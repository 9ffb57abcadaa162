// SentenceAligner: aligns two sequences of units (sentences or paragraphs)
// of two language versions of one text, in order, with 1–1, 1–2, 2–1, 2–2,
// 1–0 and 0–1 links, by dynamic programming over a band around the
// diagonal. Pure algorithm: no I/O.
//
// The cost of a link adds up four signals, each can be switched off to
// measure what it gains:
//   - length: Gale and Church's (1993) model, on lengths in characters
//     rescaled by the language pair's ratio (a Chinese sentence has about a
//     third as many characters as its English translation), then by the
//     ratio the first pass's 1–1 links show;
//   - anchors: numbers, symbols, dates and Latin names shared or not
//     (sentence_features.h);
//   - cognates, between two Latin-script languages: words sharing their
//     first four letters ("Conference"/"Conférence"), as Simard et al. did;
//   - lexicon: words that translate each other, learned from the text pair
//     itself by bootstrapping on the confident links of a first pass
//     (lexicon_learner.h).
// Two passes: length and anchors over a band around the diagonal, then,
// with a lexicon, all three signals in a narrow corridor around the first
// path. Memory is linear in the text length: the band's width is bounded
// and only three rows of costs are kept, plus one byte of back-pointer a
// cell.
//
// Thread-safety: Align() is const; the aligner keeps no state.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "pipeline/alignment.h"
#include "pipeline/language.h"
#include "stages/align/sentence_features.h"

namespace sextant {

class Lexicon;

// The weights of the cost model (costs are negative log-likelihoods, so a
// weight of 1 is one nat). Two sets: with a lexicon, links are judged by
// their words and skips can be made dear; without, length and anchors must
// decide, and the weights differ. Both chosen by a grid search on the UN
// Parallel Corpus devset, zh–en, harder version (the same data the
// alignment test reports on: tests/corpus/alignment_corpus_test.cc).
struct AlignerWeights {
  double skip = 8.0;        // a 1–0 or 0–1 link
  double merge = 3.0;       // a 2–1 or 1–2 link
  double merge_both = 6.0;  // a 2–2 link
  double anchors = 9.0;     // per 3 anchors: shared ones for, unshared against
  double lexicon = 30.0;    // words translated against not
  double cognates = 10.0;   // shared first-four-letter keys (Latin–Latin pairs)
};

struct AlignerOptions {
  AlignerWeights weights;  // with a lexicon
  AlignerWeights weights_without_lexicon{4.0, 4.5, 6.0, 3.0, 0.0, 10.0};
  // A lexicon learned beforehand (e.g. over a whole corpus); not owned.
  // Without one, AlignBootstrapped() learns one from the pair itself.
  const Lexicon* lexicon = nullptr;
  // Word pairs from a bilingual dictionary (dictionary.h), added to every
  // lexicon learned by bootstrapping; not owned. With one, a short document
  // has a lexicon large enough to speak.
  const Lexicon* dictionary = nullptr;
  // A lexicon with fewer entries than this (learned from too little text)
  // abstains, and the weights without lexicon apply.
  std::size_t minimum_lexicon_size = 300;
  bool use_length = true;
  bool use_anchors = true;
  bool use_lexicon = true;
  bool use_cognates = true;  // only between two Latin-script languages
  // Half-width of the band around the diagonal, in units; 0: chosen from
  // the lengths (a tenth of the longer text, at least 64, at most 400;
  // plus the length difference when the path comes near the band's edge).
  int band = 0;
  // Links below this confidence form weak regions when two or more follow
  // each other (WeakRegions, pipeline/alignment.h).
  double weak_score = kDefaultWeakScore;
};

struct AlignerInput {
  Language language = Language::kEnglish;
  std::vector<std::string_view> units;  // sentences or paragraphs, in order
  // The units' features, one each, when the caller has them already
  // (UnitFeatures()); not owned. Empty: the aligner computes them. A
  // caller that aligns the same units more than once (two passes, then
  // sentences inside paragraphs) computes them once.
  std::span<const SentenceFeatures> features;
};

// The features of every unit of `input`, with their words when asked
// (the lexicon needs them).
std::vector<SentenceFeatures> UnitFeatures(const AlignerInput& input, bool with_words);

class SentenceAligner;

// Two passes: length and anchors first; then a lexicon learned from that
// pass's confident 1–1 links (options.lexicon, if set, is used instead);
// then the final alignment with all three signals. `learned`, when given,
// receives the lexicon learned (unchanged when options.lexicon was set).
Alignment AlignBootstrapped(const AlignerInput& source, const AlignerInput& target,
                            AlignerOptions options = {}, Lexicon* learned = nullptr);

class SentenceAligner {
 public:
  explicit SentenceAligner(AlignerOptions options = {}) : options_(options) {}

  Alignment Align(const AlignerInput& source, const AlignerInput& target) const;

  // With a lexicon: only the second pass, in a corridor around `draft` (a
  // first-pass alignment of the same inputs). Without one: as Align().
  Alignment Refine(const AlignerInput& source, const AlignerInput& target, const Alignment& draft) const;

 private:
  Alignment Run(const AlignerInput& source, const AlignerInput& target, const Alignment* draft) const;

  AlignerOptions options_;
};

}  // namespace sextant
