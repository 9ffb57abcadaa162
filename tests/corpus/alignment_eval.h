// Alignment evaluation on the UN Parallel Corpus development set
// (../shared/corpora/unpc-devset), as issue 4 measures it: shared by the
// corpus test (alignment_corpus_test.cc) and the benchmark. No gtest here.
//
//   - Documents: all lines with the same document id (first field of
//     UNv1.0.devset.ids), in file order; line i is the same sentence in all
//     six languages, so a document pair's gold links line k to line k.
//   - Harder version: with std::mt19937 seeded 2026 for each language pair,
//     documents in order, the TARGET side first has 10 % of its adjacent
//     pairs merged (a unit joined to its successor, with " ", or with ""
//     for Chinese), then 10 % of the resulting units deleted; the gold turns
//     into 2–1 links for merged units and 1–0 links for deleted ones (a
//     deleted merged unit leaves two 1–0 links).
//   - Input modes: pre-segmented (the corpus sentences are the units) or
//     unsegmented (each side of a document joined into one paragraph and cut
//     by SentenceSegmenter; a segment stands for the gold sentences whose
//     bytes it overlaps, a link for the union of its segments' sentences,
//     and links mapping to the same sets are merged).
//   - Strict scoring: a link is right when its sorted source and target
//     index sets equal a gold link's, 1–0 and 0–1 links included; counts
//     are summed over all documents.
//   - Aligners, on the same inputs: "gale-church" (length only),
//     "length+anchors", and "sextant" (all signals, with a lexicon learned
//     over the whole evaluated corpus from the confident 1–1 links, score
//     >= 0.5, of the length+anchors pass; that pass and the learning are
//     counted in its time).
//
// Thread-safety: plain functions over immutable inputs; evaluations of
// different configurations may run in parallel.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/alignment.h"
#include "pipeline/document.h"
#include "pipeline/language.h"

namespace sextant {
class SentenceSegmenter;
}

namespace sextant::eval {

// The devset's sentences, by language, grouped by document.
struct Devset {
  std::vector<std::string> document_ids;  // in order of first appearance
  // [language index, as static_cast<int>(Language)][document][sentence]
  std::vector<std::vector<std::vector<std::string>>> documents;
  // The same, the number of the paragraph each sentence came from in that
  // language's version ("en:70:2" in the .ids: paragraph 70, sentence 2).
  std::vector<std::vector<std::vector<int>>> paragraphs;

  const std::vector<std::vector<std::string>>& Of(Language language) const {
    return documents[static_cast<std::size_t>(language)];
  }
};

// Reads `dir` (holding UNv1.0.devset.{ids,ar,en,es,fr,ru,zh}); nullopt,
// with `error` set, when a file is missing or the line counts differ.
std::optional<Devset> ReadDevset(const std::filesystem::path& dir, std::string* error);

// One document pair to align: the source sentences, the target units
// (sentences, or after the hard transformation, merged and thinned ones) and
// the gold links between their indices.
struct DocumentPair {
  std::vector<std::string> source, target;
  std::vector<AlignmentLink> gold;
  // The paragraph each source sentence and each target unit came from (a
  // merged unit: its first sentence's).
  std::vector<int> source_paragraphs, target_paragraphs;
};

enum class Difficulty { kClean, kHard };
enum class InputMode { kSegmented, kUnsegmented };

std::string_view Name(Difficulty difficulty);
std::string_view Name(InputMode mode);

// 1–1 links between unit k of both sides, k < n.
std::vector<AlignmentLink> DiagonalGold(std::size_t n);

// The document pairs of the devset for `source` → `target`, clean or made
// harder (seeded 2026, documents in order).
std::vector<DocumentPair> MakeDocumentPairs(const Devset& devset, Language source,
                                            Language target, Difficulty difficulty);

// Strict link counts, summable over documents.
struct StrictScore {
  std::size_t correct = 0, predicted = 0, gold = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
  StrictScore& operator+=(const StrictScore& other);
};

StrictScore ScoreLinks(const std::vector<AlignmentLink>& predicted,
                       const std::vector<AlignmentLink>& gold);

// One side of a document as the aligner sees it: a text, the units (byte
// spans into it) and, for each unit, the gold indices it stands for.
struct PreparedSide {
  std::string text;
  std::vector<Segment> units;
  std::vector<std::vector<std::size_t>> gold_of_unit;
  // Unsegmented: the paragraphs (spans into `text`) and each one's units,
  // for the hierarchical aligner; empty when the units are given.
  std::vector<Segment> paragraphs;
  std::vector<std::size_t> first_unit_of_paragraph;

  std::vector<std::string_view> Views() const;
};

// Takes `sentences` as units (`segmenter` null); or, unsegmented, joins the
// sentences of each paragraph (with " ", or "" for Chinese: the paragraphs
// as the document had them), cuts each paragraph with `segmenter`, and maps
// each segment to the sentences it overlaps.
PreparedSide PrepareSide(const std::vector<std::string>& sentences, const std::vector<int>& paragraphs,
                         Language language, const SentenceSegmenter* segmenter);

// The aligner's links over units, as links over gold indices: unions of the
// units' gold sets; links that touch a common gold index are joined into
// one (the gold cannot be split finer than its units), in order.
std::vector<AlignmentLink> MapToGold(const Alignment& alignment, const PreparedSide& source,
                                     const PreparedSide& target);

// One row of results.
struct EvalResult {
  Language source = Language::kEnglish, target = Language::kEnglish;
  InputMode mode = InputMode::kSegmented;
  Difficulty difficulty = Difficulty::kClean;
  std::string aligner;         // "gale-church", "length+anchors", "sextant"
  double precision = 0, recall = 0, f1 = 0;
  std::size_t links = 0;       // predicted links (over gold indices)
  std::size_t gold_links = 0;
  std::size_t sentences = 0;   // units aligned, both sides, all documents
  double seconds = 0;          // wall clock of aligning (and learning)
  std::size_t lexicon_size = 0;  // "sextant" only
  double lexicon_seconds = 0;    // "sextant" only: learning, within `seconds`

  double SentencesPerSecond() const { return seconds > 0 ? sentences / seconds : 0; }
};

// The three aligners on one (pair, mode, difficulty), in the order
// gale-church, length+anchors, sextant.
std::vector<EvalResult> EvaluateConfiguration(const Devset& devset, Language source,
                                              Language target, InputMode mode,
                                              Difficulty difficulty);

struct EvalConfiguration {
  Language source, target;
  InputMode mode;
  Difficulty difficulty;
};

// Every language with English and with Chinese (ar-en, zh-en, fr-en, ru-en,
// es-en, ar-zh, en-zh, fr-zh, ru-zh, es-zh) in both modes and difficulties.
std::vector<EvalConfiguration> AllConfigurations();

// Evaluates `configurations` on up to `threads` threads; results in the
// order of `configurations`, three rows each.
std::vector<EvalResult> Evaluate(const Devset& devset,
                                 const std::vector<EvalConfiguration>& configurations,
                                 unsigned threads = 1);

}  // namespace sextant::eval
