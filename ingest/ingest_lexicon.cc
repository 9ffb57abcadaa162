#include "ingest/ingest_lexicon.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "pipeline/file_io.h"
#include "stages/align/lexicon_file.h"
#include "stages/align/sentence_features.h"

namespace sextant {
namespace {

// A sentence link is counted when it is 1–1 and this sure (as
// LearnBatchLexicon counts the links of its first pass).
constexpr double kConfidentLink = 0.5;
// Bytes a distinct pair costs in the counts, with the copy made while
// merging and the words: what max_bytes is divided by.
constexpr std::size_t kBytesPerPair = 32;
// Language pairs the budget is shared among: an ingest through English
// aligns five.
constexpr std::size_t kPairsSharingBudget = 5;

std::string CountsFileName(Language source, Language target) {
  return std::string(Code(source)) + "-" + std::string(Code(target)) + ".counts";
}

}  // namespace

IngestLexicon::IngestLexicon(std::string folder, std::size_t max_bytes, std::size_t min_links)
    : folder_(std::move(folder)), max_bytes_(max_bytes), min_links_(min_links) {}

std::size_t IngestLexicon::PairLimit() const { return max_bytes_ / kPairsSharingBudget / kBytesPerPair; }

IngestLexicon::Pair& IngestLexicon::Of(Language source, Language target) {
  Pair& pair = pairs_[{source, target}];
  if (!pair.read) {
    pair.read = true;
    LexiconPairs stored;
    std::string problem;
    if (ReadLexiconFolder(folder_, source, target, &stored, &problem)) {
      pair.base = std::make_unique<Lexicon>(Lexicon::Learn({}, source, target));
      pair.base->AddPairs(stored);
    } else if (!problem.empty()) {
      pair.broken = true;
      problems_.push_back(problem + " (the ingest neither uses nor updates it)");
    }
  }
  return pair;
}

const Lexicon* IngestLexicon::Base(Language source, Language target) { return Of(source, target).base.get(); }

void IngestLexicon::Learn(const DocumentAlignment& alignment) {
  const Language source = alignment.sentences.source_language;
  const Language target = alignment.sentences.target_language;
  if (source == target) return;
  Pair& pair = Of(source, target);
  if (pair.broken) return;
  if (!pair.counts) pair.counts.emplace(source, target, PairLimit());
  for (const AlignmentLink& link : alignment.sentences.links) {
    if (link.source.size() != 1 || link.target.size() != 1 || link.score < kConfidentLink) continue;
    if (link.source[0] >= alignment.source_sentences.size() || link.target[0] >= alignment.target_sentences.size()) {
      continue;
    }
    pair.counts->Add(LexiconWords(alignment.source_sentences[link.source[0]], source),
                     LexiconWords(alignment.target_sentences[link.target[0]], target));
    ++learned_since_check_;
  }
  if (learned_since_check_ >= 1000) {
    learned_since_check_ = 0;
    std::size_t bytes = 0;
    for (const auto& [languages, each] : pairs_) bytes += each.counts ? each.counts->bytes() : 0;
    peak_count_bytes_ = std::max(peak_count_bytes_, bytes);
  }
}

std::vector<std::string> IngestLexicon::TakeProblems() {
  std::vector<std::string> out;
  out.swap(problems_);
  return out;
}

Status IngestLexicon::Save(IngestLexiconSaved* saved) {
  *saved = IngestLexiconSaved();
  std::size_t bytes = 0;
  for (const auto& [languages, pair] : pairs_) bytes += pair.counts ? pair.counts->bytes() : 0;
  peak_count_bytes_ = std::max(peak_count_bytes_, bytes);
  for (auto& [languages, pair] : pairs_) {
    if (!pair.counts || pair.broken || pair.counts->sentence_pairs() == 0) continue;
    const auto [source, target] = languages;
    saved->sentence_pairs += pair.counts->sentence_pairs();
    LexiconCounts& counts = *pair.counts;
    // The counts of earlier ingests, added to this one's.
    const std::string counts_path = (std::filesystem::path(folder_) / CountsFileName(source, target)).string();
    std::error_code error;
    if (std::filesystem::exists(counts_path, error)) {
      const std::optional<std::string> text = ReadWholeFile(counts_path);
      LexiconCounts stored(source, target, PairLimit());
      const std::string problem =
          text ? LexiconCounts::Parse(*text, source, target, PairLimit(), &stored) : "cannot be read";
      if (!problem.empty()) {
        problems_.push_back(counts_path + ": " + problem + "; left as it is (remove it to start the counts again)");
        continue;
      }
      counts.Merge(stored);
    }
    std::filesystem::create_directories(folder_, error);
    if (error) return Status(StatusCode::kIoError, folder_ + ": cannot create the folder: " + error.message());
    if (counts.sentence_pairs() < min_links_) {  // too few links yet: the counts only
      std::unique_ptr<AtomicOutputFile> file;
      if (Status status = AtomicOutputFile::Create(counts_path, &file); !status.ok()) return status;
      counts.Write(file->stream());
      if (Status status = file->Commit(); !status.ok()) return status;
      ++saved->counted_only;
      continue;
    }
    // The lexicon the counts give, with every pair stored before.
    LexiconPairs pairs = counts.Pairs();
    LexiconPairs before;
    std::string problem;
    ReadLexiconFolder(folder_, source, target, &before, &problem);
    if (!problem.empty()) continue;  // reported by Of(); not replaced
    pairs.insert(pairs.end(), before.begin(), before.end());
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::filesystem::create_directories(folder_, error);
    if (error) return Status(StatusCode::kIoError, folder_ + ": cannot create the folder: " + error.message());
    std::unique_ptr<AtomicOutputFile> file;
    if (Status status = AtomicOutputFile::Create(counts_path, &file); !status.ok()) return status;
    counts.Write(file->stream());
    if (Status status = file->Commit(); !status.ok()) return status;
    // The file the pair is read from (the other direction's, when only it is there).
    const bool other_direction =
        !std::filesystem::exists(std::filesystem::path(folder_) / LexiconFileName(source, target), error) &&
        std::filesystem::exists(std::filesystem::path(folder_) / LexiconFileName(target, source), error);
    if (other_direction) {
      for (auto& [s, t] : pairs) std::swap(s, t);
      std::sort(pairs.begin(), pairs.end());
    }
    const Status status = other_direction ? WriteLexiconFolder(folder_, pairs, target, source)
                                          : WriteLexiconFolder(folder_, pairs, source, target);
    if (!status.ok()) return status;
    saved->pairs += pairs.size();
    ++saved->files;
  }
  return Status::Ok();
}

}  // namespace sextant
