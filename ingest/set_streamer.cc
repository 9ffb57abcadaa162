#include "ingest/set_streamer.h"

#include <algorithm>
#include <chrono>

#include "pipeline/document_set.h"
#include "stages/align/document_aligner.h"

namespace sextant {
namespace {

// A set is closed when this many documents of other sets came after its
// last version (extraction finishes files in about path order).
constexpr std::size_t kCloseAfter = 4;
// Closed sets are written once they make this many segments (or at the end).
constexpr std::size_t kWriteSegments = 500;
// Segments written per Xapian transaction at the most (a batch of whole sets).
constexpr std::size_t kBatchSegments = 20000;

// One document set, ready for IndexWriter::AddDocumentSet: the pivot
// (English when there, else the first language present) first, the others
// with their alignment to it. `versions` points into `alignments` and the
// extracted documents.
struct SetToWrite {
  std::string symbol;
  std::size_t segments = 0;  // segment entries it makes (all versions)
  std::vector<DocumentAlignment> alignments;
  std::vector<IndexVersion> versions;
  std::vector<Status> left_out;  // files holding a version another file of the set holds
};

void Prepare(const DocumentSet& set, const std::map<std::string, const Document*>& by_path,
             const std::map<std::string, std::string>& hashes, SetToWrite* out) {
  out->symbol = set.symbol;
  for (const std::string& path : set.duplicates) {
    const Language language = *by_path.at(path)->language;
    const std::string& kept = set.versions.at(language);
    out->left_out.emplace_back(StatusCode::kInvalidArgument,
                               path + ": the same document and language as " + kept + " (" + set.symbol + ", " +
                                   std::string(Code(language)) + "); only " + kept +
                                   " is indexed (of files read together, the first by path is kept)");
  }
  if (set.versions.empty()) return;  // no version with a known language: nothing to index
  for (const auto& [language, path] : set.versions) out->segments += SegmentEntries(*by_path.at(path));
  const Language pivot = set.versions.count(Language::kEnglish) ? Language::kEnglish : set.versions.begin()->first;
  const Document& pivot_document = *by_path.at(set.versions.at(pivot));
  const AlignableText pivot_text = AlignableFromDocument(pivot_document);
  out->alignments.reserve(set.versions.size());
  out->versions.push_back({&pivot_document, hashes.at(pivot_document.path), nullptr});
  for (const auto& [language, path] : set.versions) {
    if (language == pivot) continue;
    const Document& document = *by_path.at(path);
    out->alignments.push_back(AlignDocuments(pivot_text, AlignableFromDocument(document)));
    out->versions.push_back({&document, hashes.at(path), &out->alignments.back()});
  }
}

// Groups the documents into sets and aligns each set's versions.
std::vector<SetToWrite> PrepareSets(const std::vector<const Document*>& documents,
                                    const std::map<std::string, std::string>& hashes, IngestObserver* observer) {
  const std::vector<DocumentSet> sets = GroupLanguageVersions(documents);
  std::map<std::string, const Document*> by_path;
  for (const Document* document : documents) by_path[document->path] = document;
  std::vector<SetToWrite> out(sets.size());
  for (std::size_t s = 0; s < sets.size(); ++s) {
    Prepare(sets[s], by_path, hashes, &out[s]);
    if (observer != nullptr) observer->Aligning(s + 1, sets.size(), sets[s].symbol);
  }
  return out;
}

std::string GroupKey(const Document& document) {
  const std::string symbol = document.furniture.symbol.value_or("");
  return symbol.empty() ? "#" + document.path : symbol;
}

std::size_t SegmentsOf(const std::vector<const Document*>& documents) {
  std::size_t segments = 0;
  for (const Document* document : documents) segments += SegmentEntries(*document);
  return segments;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

SetStreamer::SetStreamer(IndexWriter& writer, const std::map<std::string, std::string>& hashes,
                         IngestObserver& observer)
    : writer_(writer), hashes_(hashes), observer_(observer), thread_([this] { Run(); }) {}

SetStreamer::~SetStreamer() {
  if (thread_.joinable()) Finish();
}

void SetStreamer::Add(const Document& document) {
  {
    std::lock_guard lock(mutex_);
    incoming_.push_back(&document);
  }
  ready_.notify_one();
}

StreamTally SetStreamer::Finish() {
  {
    std::lock_guard lock(mutex_);
    finishing_ = true;
  }
  ready_.notify_one();
  thread_.join();
  return tally_;
}

void SetStreamer::Run() {
  for (;;) {
    std::deque<const Document*> arrived;
    bool finishing = false;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return !incoming_.empty() || finishing_; });
      arrived.swap(incoming_);
      finishing = finishing_;
    }
    for (const Document* document : arrived) {
      const std::string key = GroupKey(*document);
      Group& group = groups_[key];
      group.documents.push_back(document);
      group.last_seen = ++seen_;
      group.written = false;  // a late version: the set is written again, whole
      unwritten_.insert(key);
    }
    std::vector<std::string> closed;
    std::size_t segments = 0;
    for (const std::string& key : unwritten_) {
      const Group& group = groups_[key];
      if (finishing || seen_ - group.last_seen >= kCloseAfter) {
        closed.push_back(key);
        segments += SegmentsOf(group.documents);
      }
    }
    if (!closed.empty() && (finishing || segments >= kWriteSegments)) WriteGroups(closed, finishing);
    if (finishing) {
      std::lock_guard lock(mutex_);
      if (incoming_.empty()) return;
    }
  }
}

void SetStreamer::WriteGroups(const std::vector<std::string>& keys, bool report) {
  std::vector<const Document*> documents;
  for (const std::string& key : keys) {
    Group& group = groups_[key];
    documents.insert(documents.end(), group.documents.begin(), group.documents.end());
    group.written = true;
    unwritten_.erase(key);
  }
  if (stopped_) return;
  // Path order, whatever order extraction finished in: which of two files
  // holding the same version is kept must not depend on thread timing.
  std::sort(documents.begin(), documents.end(),
            [](const Document* a, const Document* b) { return a->path < b->path; });
  auto started = std::chrono::steady_clock::now();
  std::vector<SetToWrite> sets = PrepareSets(documents, hashes_, report ? &observer_ : nullptr);
  for (const SetToWrite& set : sets) {
    for (const Status& status : set.left_out) {
      if (reported_left_out_.insert(status.message()).second) {
        observer_.Failed(status);
        ++tally_.failures;
      }
    }
  }
  tally_.align_seconds += SecondsSince(started);
  started = std::chrono::steady_clock::now();
  for (std::size_t first = 0; first < sets.size();) {
    std::size_t last = first, batch_segments = 0;
    std::vector<std::vector<IndexVersion>> batch;
    while (last < sets.size() && (batch.empty() || batch_segments + sets[last].segments <= kBatchSegments)) {
      batch_segments += sets[last].segments;
      if (!sets[last].versions.empty()) batch.push_back(sets[last].versions);
      ++last;
    }
    if (report) observer_.Indexing(last, sets.size(), sets[last - 1].symbol);
    std::vector<IndexWriter::SetOutcome> outcomes;
    if (const Status status = writer_.AddDocumentSets(batch, &outcomes); !status.ok()) {
      // Xapian failed to write (a full disk, damage, an I/O error): its
      // writer is not used again (after a failed commit, a second one can
      // abort the process), and the ingest stops.
      tally_.fatal = status;
      stopped_ = true;
      break;
    } else {
      for (std::size_t k = 0; k < batch.size(); ++k) {
        for (const std::string& line : outcomes[k].replaced) observer_.Notice(line);
        if (!outcomes[k].status.ok()) {
          observer_.Failed(outcomes[k].status);
          ++tally_.failures;
        } else if (outcomes[k].counts.unchanged) {
          tally_.unchanged += batch[k].size();
        } else {
          for (const IndexVersion& version : batch[k]) tally_.written_paths.insert(version.document->path);
          observer_.SetWritten(batch[k][0].document->furniture.symbol.value_or(""), batch[k].size());
        }
      }
    }
    first = last;
  }
  tally_.index_seconds += SecondsSince(started);
}

}  // namespace sextant
