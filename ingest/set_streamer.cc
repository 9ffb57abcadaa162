#include "ingest/set_streamer.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "pipeline/document_set.h"
#include "pipeline/heap_trim.h"
#include "stages/align/document_aligner.h"

namespace sextant {
namespace {

// A set is closed when this many documents of other sets came after its
// last version (extraction finishes files in about path order).
constexpr std::size_t kCloseAfter = 4;

// What a segment built for a batch holds, about (measured, docs/benchmarks.md).
constexpr std::size_t kBatchSegmentBytes = 6400;

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
             const FileTable& files, IngestLexicon* lexicon, SetToWrite* out) {
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
  out->versions.push_back({&pivot_document, files.Hash(files.IdOf(pivot_document.path)).Hex(), nullptr});
  for (const auto& [language, path] : set.versions) {
    if (language == pivot) continue;
    const Document& document = *by_path.at(path);
    AlignerOptions aligner;
    if (lexicon != nullptr) aligner.dictionary = lexicon->Base(pivot, language);  // the index's, when stored
    out->alignments.push_back(AlignDocuments(pivot_text, AlignableFromDocument(document), aligner));
    out->versions.push_back({&document, files.Hash(files.IdOf(path)).Hex(), &out->alignments.back()});
  }
}

// Groups the documents into sets and aligns each set's versions.
std::vector<SetToWrite> PrepareSets(const std::vector<const Document*>& documents,
                                    const FileTable& files, IngestLexicon* lexicon,
                                    IngestObserver* observer) {
  const std::vector<DocumentSet> sets = GroupLanguageVersions(documents);
  std::map<std::string, const Document*> by_path;
  for (const Document* document : documents) by_path[document->path] = document;
  std::vector<SetToWrite> out(sets.size());
  for (std::size_t s = 0; s < sets.size(); ++s) {
    Prepare(sets[s], by_path, files, lexicon, &out[s]);
    if (observer != nullptr) observer->Aligning(s + 1, sets.size(), sets[s].symbol);
  }
  return out;
}

std::size_t SegmentsOf(const std::vector<std::unique_ptr<const Document>>& documents) {
  std::size_t segments = 0;
  for (const auto& document : documents) segments += SegmentEntries(*document);
  return segments;
}

std::size_t TextBytes(const std::string& text) { return sizeof(std::string) + (text.size() > 15 ? text.capacity() : 0); }

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

StreamLimits StreamLimits::ForMemory(std::size_t megabytes) {
  const std::size_t bytes = (megabytes > kProcessMegabytes ? megabytes - kProcessMegabytes : 0) << 20;
  StreamLimits limits;
  limits.held_bytes = bytes / 4;
  limits.queued_bytes = bytes / 16;
  limits.batch_segments = std::max<std::size_t>(500, bytes / 8 / kBatchSegmentBytes);
  limits.write_segments = std::min<std::size_t>(500, limits.batch_segments);
  limits.lexicon_bytes = bytes / 8;
  return limits;
}

StreamLimits StreamLimits::ForMemoryWithOcr(std::size_t megabytes, std::size_t ocr_megabytes,
                                            std::size_t* budget_left) {
  megabytes = std::max(megabytes, kMinimumMegabytes);  // as the least budget: none is smaller
  const auto lexicon_mb = [](std::size_t budget) { return ForMemory(budget).lexicon_bytes >> 20; };
  // left = megabytes - OCR - (the lexicon's share of megabytes - its share
  // of left): the lexicon's share is an eighth, so a few rounds settle it.
  std::size_t left = megabytes;
  for (int round = 0; round < 16; ++round) {
    const std::size_t taken = ocr_megabytes + lexicon_mb(megabytes) - lexicon_mb(left);
    const std::size_t next = std::max(kMinimumMegabytes, megabytes > taken ? megabytes - taken : 0);
    if (next == left) break;
    left = next;
  }
  if (budget_left != nullptr) *budget_left = left;
  StreamLimits limits = ForMemory(left);
  limits.lexicon_bytes = ForMemory(megabytes).lexicon_bytes;
  return limits;
}

std::size_t DocumentBytes(const Document& document) {
  std::size_t bytes = sizeof(Document) + TextBytes(document.path);
  for (const Page& page : document.pages) {
    bytes += sizeof(Page) + page.words.bytes();
    for (const Block& block : page.blocks) {
      bytes += sizeof(Block);
      for (const TextLine& line : block.lines) bytes += sizeof(TextLine) + line.words.bytes() + TextBytes(line.text);
    }
  }
  for (const Paragraph& paragraph : document.paragraphs) {
    bytes += sizeof(Paragraph) + TextBytes(paragraph.text) + paragraph.segments.capacity() * sizeof(Segment);
    for (const Tag& tag : paragraph.tags) {
      bytes += sizeof(Tag) + TextBytes(tag.value);
      for (const TagPart& part : tag.parts) bytes += sizeof(TagPart) + TextBytes(part.name) + TextBytes(part.value);
    }
  }
  for (const Recommendation& recommendation : document.recommendations) {
    bytes += sizeof(Recommendation) + TextBytes(recommendation.text);
    for (const std::string& state : recommendation.recommending) bytes += TextBytes(state);
  }
  for (const std::string& line : document.furniture.removed_lines) bytes += TextBytes(line);
  return bytes;
}

SetStreamer::SetStreamer(IndexWriter& writer, const FileTable& files,
                         IngestObserver& observer, StreamOptions options)
    : writer_(writer),
      files_(files),
      observer_(observer),
      options_(std::move(options)),
      queued_limit_(options_.limits.queued_bytes),
      limits_(options_.limits),
      builder_(writer.chinese()),
      written_files_(files.size()),
      thread_([this] {
        Run();
        {
          std::lock_guard lock(write_mutex_);
          writes_done_ = true;
        }
        write_ready_.notify_one();
      }),
      writer_thread_([this] { RunWriter(); }) {}

SetStreamer::~SetStreamer() {
  if (thread_.joinable()) Finish();
}

void SetStreamer::Add(Document document) {
  auto owned = std::make_unique<const Document>(std::move(document));
  const std::size_t bytes = DocumentBytes(*owned);
  {
    std::unique_lock lock(mutex_);
    // Backpressure: extraction waits while the streamer's thread is behind
    // (one document always goes in, however large).
    room_.wait(lock, [&] { return queued_bytes_ == 0 || queued_bytes_ + bytes <= queued_limit_ ||
                                  stopped_.load(); });
    queued_bytes_ += bytes;
    incoming_.push_back(std::move(owned));
    ++held_documents_;
  }
  ready_.notify_one();
}

void SetStreamer::SetLimits(const StreamLimits& limits) {
  {
    std::lock_guard lock(mutex_);
    queued_limit_ = limits.queued_bytes;
    new_limits_ = limits;
  }
  ready_.notify_one();
  room_.notify_all();  // a larger queue lets waiting extraction go on
}

StreamTally SetStreamer::Finish() {
  {
    std::lock_guard lock(mutex_);
    finishing_ = true;
  }
  ready_.notify_one();
  thread_.join();
  writer_thread_.join();
  LearnWritten();
  StreamTally tally = tally_;
  tally.versions_written = versions_written_;
  tally.unchanged = written_.unchanged;
  tally.failures += written_.failures;
  tally.fatal = written_.fatal;
  tally.index_seconds += written_.index_seconds;
  return tally;
}

void SetStreamer::Stop() {
  stopped_ = true;
  {
    std::lock_guard lock(mutex_);  // so that a waiting Add() cannot miss it
  }
  room_.notify_all();
  {
    std::lock_guard lock(write_mutex_);
  }
  write_room_.notify_all();
}

void SetStreamer::Hold(std::size_t documents, std::size_t bytes) {
  held_bytes_ += bytes;
  held_documents_ += documents;
  tally_.peak_held_documents = std::max<std::size_t>(tally_.peak_held_documents, held_documents_);
  tally_.peak_held_bytes = std::max(tally_.peak_held_bytes, held_bytes_);
}

void SetStreamer::Release(std::size_t documents, std::size_t bytes) {
  held_bytes_ -= bytes;
  held_documents_ -= documents;
}

void SetStreamer::Run() {
  for (;;) {
    std::deque<std::unique_ptr<const Document>> arrived;
    bool finishing = false, shrunk = false;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return !incoming_.empty() || finishing_ || new_limits_; });
      arrived.swap(incoming_);
      queued_bytes_ = 0;
      finishing = finishing_;
      if (new_limits_) {
        shrunk = new_limits_->held_bytes < limits_.held_bytes;
        limits_ = *new_limits_;
        new_limits_.reset();
        ++tally_.limits_taken_up;
      }
    }
    room_.notify_all();
    held_documents_ -= arrived.size();  // counted again as Take() holds them
    for (auto& document : arrived) Take(std::move(document));
    arrived.clear();
    std::vector<std::string> closed;
    std::size_t segments = 0;
    for (const std::string& key : unwritten_) {
      const Group& group = groups_[key];
      if (finishing || seen_ - group.last_seen >= kCloseAfter) {
        closed.push_back(key);
        segments += SegmentsOf(group.documents);
      }
    }
    if (!closed.empty() && (finishing || segments >= limits_.write_segments)) WriteGroups(closed, finishing);
    // Over the budget with sets still open (versions far apart, or very
    // long documents): the oldest are written now, and reopened if a
    // version of theirs comes later.
    while (held_bytes_ > limits_.held_bytes && !unwritten_.empty()) {
      std::vector<std::pair<std::size_t, std::string>> by_age;
      for (const std::string& key : unwritten_) by_age.emplace_back(groups_[key].last_seen, key);
      std::sort(by_age.begin(), by_age.end());
      std::vector<std::string> oldest;
      std::size_t freed = 0;
      for (const auto& [seen, key] : by_age) {
        if (held_bytes_ - freed <= limits_.held_bytes / 2) break;
        oldest.push_back(key);
        freed += groups_[key].bytes;
      }
      tally_.written_early += oldest.size();
      WriteGroups(oldest, finishing);
    }
    // What the larger limits held goes back to the system, not only to
    // the allocator of the streamer's thread, whose pages the extraction
    // threads would not reuse.
    if (shrunk) GiveFreedHeapBack();
    if (finishing) {
      std::lock_guard lock(mutex_);
      if (incoming_.empty()) return;
    }
  }
}

void SetStreamer::Take(std::unique_ptr<const Document> document) {
  const std::string key = SetKeyOf(*document);
  if (!options_.shard.Holds(key)) {
    if (other_shards_.insert(key).second) ++tally_.other_shards;
    return;  // freed here
  }
  Group& group = groups_[key];
  if (!group.written_files.empty()) Reopen(key, group, document->path);
  const std::size_t bytes = DocumentBytes(*document);
  group.documents.push_back(std::move(document));
  group.bytes += bytes;
  Hold(1, bytes);
  group.last_seen = ++seen_;
  unwritten_.insert(key);  // a late version: the set is written again, whole
}

// A version came for a set written before: its written versions are read
// again from their files, so that the set is written whole.
void SetStreamer::Reopen(const std::string& key, Group& group, const std::string& arriving) {
  std::vector<FileTable::Id> written;
  written.swap(group.written_files);
  for (const FileTable::Id file : written) {
    const std::string path(files_.Path(file));
    if (path == arriving || stopped_) continue;
    std::optional<Document> again = options_.reextract ? options_.reextract(path) : std::nullopt;
    if (!again) {
      observer_.Failed(Status(StatusCode::kIoError, path + ": could not be read again to rewrite its set " + key +
                                                        " with a later version; run the same ingest again"));
      ++tally_.failures;
      continue;
    }
    ++tally_.reextracted;
    auto owned = std::make_unique<const Document>(std::move(*again));
    const std::size_t bytes = DocumentBytes(*owned);
    group.documents.push_back(std::move(owned));
    group.bytes += bytes;
    Hold(1, bytes);
  }
}

void SetStreamer::WriteGroups(const std::vector<std::string>& keys, bool report) {
  // The documents are freed when this returns; their paths stay with their
  // groups, to be read again if a later version reopens one.
  std::vector<std::unique_ptr<const Document>> owned;
  std::size_t owned_bytes = 0;
  for (const std::string& key : keys) {
    Group& group = groups_[key];
    for (auto& document : group.documents) {
      group.written_files.push_back(files_.IdOf(document->path));
      owned.push_back(std::move(document));
    }
    group.documents.clear();
    group.documents.shrink_to_fit();
    owned_bytes += group.bytes;
    group.bytes = 0;
    unwritten_.erase(key);
  }
  struct Freed {
    SetStreamer* streamer;
    std::size_t documents, bytes;
    ~Freed() { streamer->Release(documents, bytes); }
  } freed{this, owned.size(), owned_bytes};
  if (stopped_) return;
  std::vector<const Document*> documents;
  documents.reserve(owned.size());
  for (const auto& document : owned) documents.push_back(document.get());
  // Path order, whatever order extraction finished in: which of two files
  // holding the same version is kept must not depend on thread timing.
  std::sort(documents.begin(), documents.end(),
            [](const Document* a, const Document* b) { return a->path < b->path; });
  LearnWritten();
  auto started = std::chrono::steady_clock::now();
  std::vector<SetToWrite> sets = PrepareSets(documents, files_, options_.lexicon, report ? &observer_ : nullptr);
  for (const SetToWrite& set : sets) {
    for (const Status& status : set.left_out) {
      if (reported_left_out_.insert(status.message()).second) {
        observer_.Failed(status);
        ++tally_.failures;
      }
    }
  }
  tally_.align_seconds += SecondsSince(started);
  for (std::size_t first = 0; first < sets.size() && !stopped_;) {
    started = std::chrono::steady_clock::now();
    std::size_t last = first, batch_segments = 0;
    std::vector<std::vector<IndexVersion>> batch;
    PendingWrite write;
    while (last < sets.size() &&
           (batch.empty() || batch_segments + sets[last].segments <= limits_.batch_segments)) {
      SetToWrite& set = sets[last];
      batch_segments += set.segments;
      if (!set.versions.empty()) {
        batch.push_back(set.versions);
        write.files.emplace_back();
        for (const IndexVersion& version : set.versions) write.files.back().push_back(files_.IdOf(version.document->path));
        write.symbols.push_back(set.versions[0].document->furniture.symbol.value_or(""));
      }
      ++last;
    }
    write.built = builder_.Build(batch);
    // The versions point into the alignments: moved only once built.
    for (std::size_t s = first; s < last && options_.lexicon != nullptr; ++s) {
      if (!sets[s].versions.empty()) write.alignments.push_back(std::move(sets[s].alignments));
    }
    write.report = report;
    write.done = last;
    write.total = sets.size();
    write.last_symbol = sets[last - 1].symbol;
    tally_.index_seconds += SecondsSince(started);
    QueueWrite(std::move(write));
    first = last;
  }
}

// Waits while a built batch still waits for the writer's thread (at most
// one is built ahead), unless the writer stopped.
void SetStreamer::QueueWrite(PendingWrite write) {
  {
    std::unique_lock lock(write_mutex_);
    write_room_.wait(lock, [this] { return !pending_ || stopped_.load(); });
    if (stopped_) return;
    pending_ = std::move(write);
  }
  write_ready_.notify_one();
}

void SetStreamer::RunWriter() {
  for (;;) {
    std::optional<PendingWrite> write;
    {
      std::unique_lock lock(write_mutex_);
      write_ready_.wait(lock, [this] { return pending_.has_value() || writes_done_; });
      if (!pending_) return;
      write.swap(pending_);
    }
    write_room_.notify_one();
    if (!stopped_) Write(*write);
  }
}

void SetStreamer::Write(PendingWrite& write) {
  const auto started = std::chrono::steady_clock::now();
  if (write.report) observer_.Indexing(write.done, write.total, write.last_symbol);
  std::vector<IndexWriter::SetOutcome> outcomes;
  const Status status = writer_.WriteBuiltSets(write.built, &outcomes);
  written_.index_seconds += SecondsSince(started);
  if (!status.ok()) {
    // Xapian failed to write (a full disk, damage, an I/O error): its
    // writer is not used again (after a failed commit, a second one can
    // abort the process), and the ingest stops.
    written_.fatal = status;
    Stop();
    return;
  }
  std::vector<std::vector<DocumentAlignment>> learn;
  for (std::size_t k = 0; k < outcomes.size(); ++k) {
    for (const std::string& line : outcomes[k].replaced) observer_.Notice(line);
    if (!outcomes[k].status.ok()) {
      observer_.Failed(outcomes[k].status);
      ++written_.failures;
    } else if (outcomes[k].counts.unchanged) {
      written_.unchanged += write.files[k].size();
    } else {
      for (const FileTable::Id file : write.files[k]) {
        if (!written_files_[file]) ++versions_written_;
        written_files_[file] = true;
      }
      observer_.SetWritten(write.symbols[k], write.files[k].size());
      if (k < write.alignments.size()) learn.push_back(std::move(write.alignments[k]));
    }
  }
  if (!learn.empty()) {
    std::lock_guard lock(write_mutex_);
    for (auto& alignments : learn) to_learn_.push_back(std::move(alignments));
  }
}

// The streamer's thread (or Finish(), once both threads ended) teaches the
// lexicon the sets the writer's thread wrote, in the order written.
void SetStreamer::LearnWritten() {
  if (options_.lexicon == nullptr) return;
  std::vector<std::vector<DocumentAlignment>> learn;
  {
    std::lock_guard lock(write_mutex_);
    learn.swap(to_learn_);
  }
  const auto started = std::chrono::steady_clock::now();
  for (const auto& alignments : learn) {
    for (const DocumentAlignment& alignment : alignments) options_.lexicon->Learn(alignment);
  }
  tally_.lexicon_seconds += SecondsSince(started);
}

}  // namespace sextant
