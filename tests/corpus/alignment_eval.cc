#include "tests/corpus/alignment_eval.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>
#include <utility>

#include "stages/align/document_aligner.h"
#include "stages/align/lexicon.h"
#include "stages/align/sentence_aligner.h"
#include "stages/segment/sentence_segmenter.h"

namespace sextant::eval {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t kSeed = 2026;
// rng() below this: an event of probability 10 % (2^32 / 10).
constexpr std::uint32_t kTenPercent = 429496730u;

bool ReadLines(const fs::path& path, std::vector<std::string>* lines) {
  std::ifstream in(path);
  if (!in) return false;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines->push_back(std::move(line));
  }
  return true;
}

std::string Trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

std::string_view Joiner(Language language) {
  return language == Language::kChinese ? "" : " ";
}

// Merges 10 % of the adjacent target units, then deletes 10 % of the
// result (never all of it), and rewrites the gold; `pair` is clean on entry.
void Harden(DocumentPair& pair, Language target, std::mt19937& rng) {
  const std::vector<std::string> original = std::move(pair.target);
  std::vector<std::vector<std::size_t>> groups;  // original indices per unit
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < original.size();) {
    if (i + 1 < original.size() && rng() < kTenPercent) {
      groups.push_back({i, i + 1});
      texts.push_back(original[i] + std::string(Joiner(target)) + original[i + 1]);
      i += 2;
    } else {
      groups.push_back({i});
      texts.push_back(original[i]);
      i += 1;
    }
  }
  std::vector<bool> deleted(groups.size(), false);
  std::size_t kept = groups.size();
  for (std::size_t u = 0; u < groups.size(); ++u) {
    if (rng() < kTenPercent && kept > 1) {
      deleted[u] = true;
      --kept;
    }
  }
  const std::vector<int> original_paragraphs = std::move(pair.target_paragraphs);
  pair.target.clear();
  pair.target_paragraphs.clear();
  pair.gold.clear();
  for (std::size_t u = 0; u < groups.size(); ++u) {
    if (deleted[u]) {
      for (std::size_t k : groups[u]) pair.gold.push_back({{k}, {}, 1.0});
      continue;
    }
    pair.gold.push_back({groups[u], {pair.target.size()}, 1.0});
    pair.target.push_back(std::move(texts[u]));
    pair.target_paragraphs.push_back(original_paragraphs[groups[u].front()]);
  }
}

using LinkKey = std::pair<std::vector<std::size_t>, std::vector<std::size_t>>;

LinkKey KeyOf(const AlignmentLink& link) {
  LinkKey key{link.source, link.target};
  std::sort(key.first.begin(), key.first.end());
  std::sort(key.second.begin(), key.second.end());
  return key;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// A prepared document: both sides and the gold.
struct PreparedPair {
  PreparedSide source, target;
  const std::vector<AlignmentLink>* gold = nullptr;
};

// A prepared unsegmented side as the document aligner takes it.
AlignableText Alignable(const PreparedSide& side, Language language) {
  AlignableText text;
  text.language = language;
  for (std::size_t p = 0; p < side.paragraphs.size(); ++p) {
    const Segment& paragraph = side.paragraphs[p];
    text.paragraphs.push_back(side.text.substr(paragraph.begin, paragraph.end - paragraph.begin));
    const std::size_t end = p + 1 < side.first_unit_of_paragraph.size() ? side.first_unit_of_paragraph[p + 1]
                                                                         : side.units.size();
    std::vector<Segment> spans;
    for (std::size_t u = side.first_unit_of_paragraph[p]; u < end; ++u) {
      spans.push_back({side.units[u].begin - paragraph.begin, side.units[u].end - paragraph.begin});
    }
    text.sentences.push_back(std::move(spans));
  }
  return text;
}

// Aligns every document with `options`, scores against the gold and fills
// the counting fields of `result` (not the time); returns the alignments.
std::vector<Alignment> AlignAll(const std::vector<PreparedPair>& documents,
                                const AlignerOptions& options, Language source,
                                Language target, EvalResult* result) {
  const SentenceAligner aligner(options);
  std::vector<Alignment> alignments;
  alignments.reserve(documents.size());
  StrictScore score;
  std::size_t sentences = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const PreparedPair& document : documents) {
    if (document.source.paragraphs.empty()) {
      alignments.push_back(aligner.Align({source, document.source.Views(), {}},
                                         {target, document.target.Views(), {}}));
    } else {
      // Unsegmented: paragraphs first, then sentences, as `sextant align`.
      alignments.push_back(AlignDocuments(Alignable(document.source, source),
                                          Alignable(document.target, target), options)
                               .sentences);
    }
  }
  result->seconds = Seconds(start);
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const PreparedPair& document = documents[d];
    score += ScoreLinks(MapToGold(alignments[d], document.source, document.target),
                        *document.gold);
    sentences += document.source.units.size() + document.target.units.size();
  }
  result->precision = score.Precision();
  result->recall = score.Recall();
  result->f1 = score.F1();
  result->links = score.predicted;
  result->gold_links = score.gold;
  result->sentences = sentences;
  return alignments;
}

// The confident 1–1 links of a first pass, as text pairs.
std::vector<std::pair<std::string_view, std::string_view>> ConfidentPairs(
    const std::vector<PreparedPair>& documents, const std::vector<Alignment>& alignments) {
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const std::vector<std::string_view> source = documents[d].source.Views();
    const std::vector<std::string_view> target = documents[d].target.Views();
    for (const AlignmentLink& link : alignments[d].links) {
      if (link.source.size() == 1 && link.target.size() == 1 && link.score >= 0.5) {
        pairs.push_back({source[link.source[0]], target[link.target[0]]});
      }
    }
  }
  return pairs;
}

std::vector<PreparedPair> Prepare(const std::vector<DocumentPair>& pairs, Language source,
                                  Language target, InputMode mode) {
  std::optional<SentenceSegmenter> source_segmenter, target_segmenter;
  if (mode == InputMode::kUnsegmented) {
    source_segmenter.emplace(source);
    target_segmenter.emplace(target);
  }
  std::vector<PreparedPair> documents;
  documents.reserve(pairs.size());
  for (const DocumentPair& pair : pairs) {
    documents.push_back({PrepareSide(pair.source, pair.source_paragraphs, source,
                                     source_segmenter ? &*source_segmenter : nullptr),
                         PrepareSide(pair.target, pair.target_paragraphs, target,
                                     target_segmenter ? &*target_segmenter : nullptr),
                         &pair.gold});
  }
  return documents;
}

}  // namespace

std::string_view Name(Difficulty difficulty) {
  return difficulty == Difficulty::kClean ? "clean" : "hard";
}

std::string_view Name(InputMode mode) {
  return mode == InputMode::kSegmented ? "segmented" : "unsegmented";
}

std::optional<Devset> ReadDevset(const fs::path& dir, std::string* error) {
  std::vector<std::string> ids;
  if (!ReadLines(dir / "UNv1.0.devset.ids", &ids)) {
    *error = "cannot read " + (dir / "UNv1.0.devset.ids").string();
    return std::nullopt;
  }
  Devset devset;
  std::map<std::string, std::size_t> index;  // document id -> document
  std::vector<std::size_t> document_of_line;
  for (const std::string& line : ids) {
    const std::string id = line.substr(0, line.find(' '));
    const auto [it, inserted] = index.emplace(id, devset.document_ids.size());
    if (inserted) devset.document_ids.push_back(id);
    document_of_line.push_back(it->second);
  }
  devset.documents.resize(AllLanguages().size());
  devset.paragraphs.resize(AllLanguages().size());
  for (const LanguageInfo& info : AllLanguages()) {
    const fs::path path = dir / ("UNv1.0.devset." + std::string(info.code));
    std::vector<std::string> lines;
    if (!ReadLines(path, &lines) || lines.size() != ids.size()) {
      *error = "cannot read " + path.string() + " or its line count differs from .ids";
      return std::nullopt;
    }
    auto& documents = devset.documents[static_cast<std::size_t>(info.language)];
    auto& paragraphs = devset.paragraphs[static_cast<std::size_t>(info.language)];
    documents.resize(devset.document_ids.size());
    paragraphs.resize(devset.document_ids.size());
    const std::string field = " " + std::string(info.code) + ":";
    for (std::size_t i = 0; i < lines.size(); ++i) {
      documents[document_of_line[i]].push_back(Trim(lines[i]));
      const std::size_t at = ids[i].find(field);
      paragraphs[document_of_line[i]].push_back(
          at == std::string::npos ? static_cast<int>(i) : std::atoi(ids[i].c_str() + at + field.size()));
    }
  }
  return devset;
}

std::vector<AlignmentLink> DiagonalGold(std::size_t n) {
  std::vector<AlignmentLink> gold;
  gold.reserve(n);
  for (std::size_t k = 0; k < n; ++k) gold.push_back({{k}, {k}, 1.0});
  return gold;
}

std::vector<DocumentPair> MakeDocumentPairs(const Devset& devset, Language source,
                                            Language target, Difficulty difficulty) {
  const auto& sources = devset.Of(source);
  const auto& targets = devset.Of(target);
  std::mt19937 rng(kSeed);
  std::vector<DocumentPair> pairs;
  pairs.reserve(sources.size());
  for (std::size_t d = 0; d < sources.size(); ++d) {
    DocumentPair pair{sources[d], targets[d], DiagonalGold(sources[d].size()),
                      devset.paragraphs[static_cast<std::size_t>(source)][d],
                      devset.paragraphs[static_cast<std::size_t>(target)][d]};
    if (difficulty == Difficulty::kHard) Harden(pair, target, rng);
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

double StrictScore::Precision() const {
  return predicted ? static_cast<double>(correct) / predicted : 1;
}

double StrictScore::Recall() const { return gold ? static_cast<double>(correct) / gold : 1; }

double StrictScore::F1() const {
  const double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

StrictScore& StrictScore::operator+=(const StrictScore& other) {
  correct += other.correct;
  predicted += other.predicted;
  gold += other.gold;
  return *this;
}

StrictScore ScoreLinks(const std::vector<AlignmentLink>& predicted,
                       const std::vector<AlignmentLink>& gold) {
  std::set<LinkKey> gold_keys, predicted_keys;
  for (const AlignmentLink& link : gold) gold_keys.insert(KeyOf(link));
  for (const AlignmentLink& link : predicted) predicted_keys.insert(KeyOf(link));
  StrictScore score;
  score.gold = gold_keys.size();
  score.predicted = predicted_keys.size();
  for (const LinkKey& key : predicted_keys) score.correct += gold_keys.count(key);
  return score;
}

std::vector<std::string_view> PreparedSide::Views() const {
  std::vector<std::string_view> views;
  views.reserve(units.size());
  const std::string_view all = text;
  for (const Segment& unit : units) views.push_back(all.substr(unit.begin, unit.end - unit.begin));
  return views;
}

PreparedSide PrepareSide(const std::vector<std::string>& sentences, const std::vector<int>& paragraphs,
                         Language language, const SentenceSegmenter* segmenter) {
  PreparedSide side;
  std::vector<Segment> spans;
  if (segmenter == nullptr) {
    for (const std::string& sentence : sentences) {
      if (!spans.empty()) side.text += Joiner(language);
      spans.push_back({side.text.size(), side.text.size() + sentence.size()});
      side.text += sentence;
    }
    side.units = spans;
    for (std::size_t k = 0; k < spans.size(); ++k) side.gold_of_unit.push_back({k});
    return side;
  }
  // Paragraphs: runs of sentences from one paragraph, joined; a new line
  // between paragraphs.
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const bool new_paragraph = k == 0 || paragraphs[k] != paragraphs[k - 1];
    if (new_paragraph) {
      if (k > 0) side.text += '\n';
      side.paragraphs.push_back({side.text.size(), side.text.size()});
    } else {
      side.text += Joiner(language);
    }
    spans.push_back({side.text.size(), side.text.size() + sentences[k].size()});
    side.text += sentences[k];
    side.paragraphs.back().end = side.text.size();
  }
  for (const Segment& paragraph : side.paragraphs) {
    side.first_unit_of_paragraph.push_back(side.units.size());
    const std::string_view text = std::string_view(side.text).substr(paragraph.begin, paragraph.end - paragraph.begin);
    for (const Segment& segment : segmenter->Split(text)) {
      side.units.push_back({paragraph.begin + segment.begin, paragraph.begin + segment.end});
    }
  }
  for (const Segment& unit : side.units) {
    std::vector<std::size_t> overlapped;
    for (std::size_t k = 0; k < spans.size(); ++k) {
      if (unit.begin < spans[k].end && spans[k].begin < unit.end) overlapped.push_back(k);
    }
    side.gold_of_unit.push_back(std::move(overlapped));
  }
  return side;
}

std::vector<AlignmentLink> MapToGold(const Alignment& alignment, const PreparedSide& source,
                                     const PreparedSide& target) {
  // Each link as the gold units it touches; links that touch a common gold
  // unit stand for one gold link and are joined (a merged unit that the
  // segmenter cut in two gives two links, which together are one).
  std::vector<std::set<std::size_t>> sources, targets;
  for (const AlignmentLink& link : alignment.links) {
    std::set<std::size_t> s, t;
    for (std::size_t unit : link.source) s.insert(source.gold_of_unit[unit].begin(), source.gold_of_unit[unit].end());
    for (std::size_t unit : link.target) t.insert(target.gold_of_unit[unit].begin(), target.gold_of_unit[unit].end());
    sources.push_back(std::move(s));
    targets.push_back(std::move(t));
  }
  std::vector<std::size_t> group(sources.size());
  for (std::size_t k = 0; k < group.size(); ++k) group[k] = k;
  const auto root = [&](std::size_t k) {
    while (group[k] != k) k = group[k] = group[group[k]];
    return k;
  };
  std::map<std::size_t, std::size_t> owner_of_source, owner_of_target;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    for (std::size_t g : sources[k]) {
      const auto [it, fresh] = owner_of_source.emplace(g, k);
      if (!fresh) group[root(k)] = root(it->second);
    }
    for (std::size_t g : targets[k]) {
      const auto [it, fresh] = owner_of_target.emplace(g, k);
      if (!fresh) group[root(k)] = root(it->second);
    }
  }
  std::map<std::size_t, AlignmentLink> joined;  // by group root, in order
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    const std::size_t r = root(k);
    auto [it, fresh] = joined.emplace(r, AlignmentLink{});
    if (fresh) order.push_back(r);
    std::set<std::size_t> s(it->second.source.begin(), it->second.source.end());
    std::set<std::size_t> t(it->second.target.begin(), it->second.target.end());
    s.insert(sources[k].begin(), sources[k].end());
    t.insert(targets[k].begin(), targets[k].end());
    it->second.source.assign(s.begin(), s.end());
    it->second.target.assign(t.begin(), t.end());
    it->second.score = std::max(it->second.score, alignment.links[k].score);
  }
  std::vector<AlignmentLink> links;
  for (std::size_t r : order) {
    if (!joined[r].source.empty() || !joined[r].target.empty()) links.push_back(joined[r]);
  }
  return links;
}

std::vector<EvalResult> EvaluateConfiguration(const Devset& devset, Language source,
                                              Language target, InputMode mode,
                                              Difficulty difficulty) {
  const std::vector<DocumentPair> pairs = MakeDocumentPairs(devset, source, target, difficulty);
  const std::vector<PreparedPair> documents = Prepare(pairs, source, target, mode);
  EvalResult blank;
  blank.source = source;
  blank.target = target;
  blank.mode = mode;
  blank.difficulty = difficulty;

  EvalResult gale_church = blank;
  gale_church.aligner = "gale-church";
  AlignerOptions length_only;
  length_only.use_anchors = false;
  length_only.use_lexicon = false;
  length_only.use_cognates = false;
  AlignAll(documents, length_only, source, target, &gale_church);

  EvalResult anchors = blank;
  anchors.aligner = "length+anchors";
  AlignerOptions no_lexicon;
  no_lexicon.use_lexicon = false;
  no_lexicon.use_cognates = false;
  const std::vector<Alignment> first = AlignAll(documents, no_lexicon, source, target, &anchors);

  // The sextant aligner: the length+anchors pass above is its first pass.
  EvalResult sextant = blank;
  sextant.aligner = "sextant";
  const auto learn_start = std::chrono::steady_clock::now();
  const Lexicon lexicon = Lexicon::Learn(ConfidentPairs(documents, first), source, target);
  const double learn_seconds = Seconds(learn_start);
  AlignerOptions all_signals;
  all_signals.lexicon = &lexicon;
  AlignAll(documents, all_signals, source, target, &sextant);
  sextant.seconds += anchors.seconds + learn_seconds;
  sextant.lexicon_seconds = learn_seconds;
  sextant.lexicon_size = lexicon.size();
  return {gale_church, anchors, sextant};
}

std::vector<EvalConfiguration> AllConfigurations() {
  using L = Language;
  const std::vector<std::pair<L, L>> language_pairs = {
      {L::kArabic, L::kEnglish},  {L::kChinese, L::kEnglish}, {L::kFrench, L::kEnglish},
      {L::kRussian, L::kEnglish}, {L::kSpanish, L::kEnglish}, {L::kArabic, L::kChinese},
      {L::kEnglish, L::kChinese}, {L::kFrench, L::kChinese},  {L::kRussian, L::kChinese},
      {L::kSpanish, L::kChinese}};
  std::vector<EvalConfiguration> configurations;
  for (Difficulty difficulty : {Difficulty::kHard, Difficulty::kClean}) {
    for (InputMode mode : {InputMode::kSegmented, InputMode::kUnsegmented}) {
      for (const auto& [source, target] : language_pairs) {
        configurations.push_back({source, target, mode, difficulty});
      }
    }
  }
  return configurations;
}

std::vector<EvalResult> Evaluate(const Devset& devset,
                                 const std::vector<EvalConfiguration>& configurations,
                                 unsigned threads) {
  std::vector<std::vector<EvalResult>> rows(configurations.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < configurations.size(); i = next++) {
      const EvalConfiguration& c = configurations[i];
      rows[i] = EvaluateConfiguration(devset, c.source, c.target, c.mode, c.difficulty);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < std::max(1u, threads); ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  std::vector<EvalResult> results;
  for (auto& row : rows) results.insert(results.end(), row.begin(), row.end());
  return results;
}

}  // namespace sextant::eval
