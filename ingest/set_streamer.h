// SetStreamer: the aligning and writing half of an ingest (ingest.h), on
// two threads of its own, so that the Xapian writer works while files are
// still being extracted: the streamer's thread groups, aligns and builds
// each batch's entries (SetBuilder) while the writer's thread writes the
// batch before (IndexWriter::WriteBuiltSets); at most one built batch
// waits for the writer. Documents come in as extraction finishes them (in any
// order); they are grouped into document sets by own symbol (a document
// with none is a set of its own: ingest/shard.h, SetKeyOf); a set is
// closed once kCloseAfter documents of other sets have come after its last
// version, and closed sets are aligned (pivot English, else the first
// language) and written in batches, each one Xapian transaction
// (IndexWriter::AddDocumentSets), so that a kill loses at most the batch
// being written, never part of a set.
//
// Memory is bounded (StreamLimits), not in proportion to the corpus: a
// set's documents are freed once it is written (its paths are kept); the
// documents held for open sets are written early, oldest first, when they
// pass held_bytes; Add() waits while more than queued_bytes wait for the
// streamer's thread (backpressure on extraction); a batch holds at most
// batch_segments segments, the size of Xapian's transaction in memory.
// A version that comes after its set was written (files of one document
// far apart in path order, or a set written early) reopens the set: its
// written versions are extracted again from their files (StreamOptions::
// reextract) and the set is written again, whole.
//
// Sets that fall to another shard (StreamOptions::shard) are dropped as
// they come, and counted.
//
// Once Finish() is called, the sets still open are reported to the
// observer as they are aligned and written; failures always are, but for
// a failure to write, which ends the ingest (no space left, a damaged
// index, an I/O error): after it nothing more is written, and the caller
// reports it once.
//
// Thread-safety: Add() and Finish() are called from one thread at a time
// (Add() may be called from extraction workers, serialised by the runner);
// the writer is used by the writer's thread only, until Finish() returns,
// and the lexicon by the streamer's thread (it learns the sets written as
// the writer's thread reports them). The observer is called from both
// threads (the caller makes its calls one at a time with its other
// threads'). held_documents() may be read from any thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "index/index_writer.h"
#include "ingest/file_table.h"
#include "ingest/ingest.h"
#include "ingest/ingest_lexicon.h"
#include "ingest/shard.h"
#include "pipeline/content_hash.h"
#include "pipeline/document.h"

namespace sextant {

struct StreamTally {
  std::size_t versions_written = 0;     // files written (once each, however often their set is rewritten)
  std::size_t unchanged = 0;            // versions of sets found indexed already
  int failures = 0;
  // A write failure, which ends the ingest (a full disk, a damaged index,
  // any failure of Xapian's writer): nothing is written after it, and it
  // is not reported to the observer.
  Status fatal;
  double align_seconds = 0;  // busy time of the streamer's thread aligning
  double index_seconds = 0;  // building entries (streamer's thread) and writing them (writer's): may pass the wall time
  double lexicon_seconds = 0;                   // of it, counting the index's lexicon (not in the others)
  std::size_t reextracted = 0;      // written versions read again for a set reopened
  std::size_t written_early = 0;    // sets written before closing, to stay within held_bytes
  std::size_t other_shards = 0;     // sets (distinct keys) left to other shards
  std::size_t peak_held_documents = 0, peak_held_bytes = 0;  // held for open sets, and queued
  std::size_t limits_taken_up = 0;  // new limits (SetLimits) the streamer's thread took up
};

// What the ingest may hold; StreamLimits::ForMemory() fits them to a
// budget in MB.
struct StreamLimits {
  std::size_t held_bytes = 64u << 20;    // documents of open sets, about (DocumentBytes)
  std::size_t queued_bytes = 16u << 20;  // documents waiting for the streamer's thread
  std::size_t write_segments = 500;      // closed sets wait until they make this many
  std::size_t batch_segments = 20000;    // per Xapian transaction, at most (a set is never split)
  std::size_t lexicon_bytes = 32u << 20;  // the lexicon's counts (IngestLexicon's max_bytes)

  // What the process holds besides the shares, in MB, measured (docs/
  // benchmarks.md): the libraries' pages and ICU's data, the files being
  // extracted, what is kept for each file through the run (its entry in
  // the FileTable and its part of its set's record, about 95 bytes), the
  // lexicon's words past its share at small budgets, and the allocator's
  // free pages (about a third of a MB for each MB shared: 80 covers shares
  // up to about 256 MB at 40,000 files, fit when a file took 230 bytes).
  static constexpr std::size_t kProcessMegabytes = 80;
  // The smallest budget `sextant ingest --memory` takes: the process and
  // 16 MB of shares.
  static constexpr std::size_t kMinimumMegabytes = 96;
  // What each extraction thread reading scans holds, in MB, measured
  // (docs/benchmarks.md: 10 scans in six languages, 213 MB at --jobs 1 and
  // 322 at --jobs 2 against 33 with --ocr never): the page's Tesseract
  // engines (up to four: OSD, the language's, Arabic's script and English
  // for an Arabic page), its image and Tesseract's work on it.
  static constexpr std::size_t kOcrMegabytesPerThread = 160;
  // `megabytes` is the peak resident size aimed at, the whole process.
  // What is left past kProcessMegabytes (none for a budget below it) is
  // shared: a quarter for held documents, a sixteenth queued, a quarter
  // for the batches at about 6.4 KB a segment built (one in Xapian's
  // buffers, the next built and waiting: an eighth each; the size is
  // measured, docs/benchmarks.md), an eighth for the lexicon's counts.
  static StreamLimits ForMemory(std::size_t megabytes);
  // The limits once OCR takes `ocr_megabytes` of the budget: the lexicon
  // keeps its share of ForMemory(megabytes) (its counts are sized
  // already); the other shares become those of the budget less OCR's part
  // and what the lexicon keeps past its share there, and no less than at
  // kMinimumMegabytes (a budget under it is taken as it). `budget_left`:
  // that budget, in MB.
  static StreamLimits ForMemoryWithOcr(std::size_t megabytes, std::size_t ocr_megabytes,
                                       std::size_t* budget_left = nullptr);
};

struct StreamOptions {
  StreamLimits limits;
  ShardSpec shard;  // sets of other shards are dropped
  // Extracts a version again (tagged, as extraction made it), for a set
  // reopened after it was written; nullopt when the file cannot be read
  // (its set is then not written again, and the failure is reported).
  std::function<std::optional<Document>(const std::string& path)> reextract;
  // The index's lexicon (ingest_lexicon.h), not owned, used by the
  // streamer's thread only: the base of every alignment, and taught the
  // confident links of every set written (not of sets found unchanged).
  // Null: each alignment learns from its own document only.
  IngestLexicon* lexicon = nullptr;
};

// About how many bytes `document` holds (its text, lines, tags, records).
std::size_t DocumentBytes(const Document& document);

class SetStreamer {
 public:
  // `files`: every file that will come, with its content hash (sealed,
  // read-only).
  SetStreamer(IndexWriter& writer, const FileTable& files, IngestObserver& observer,
              StreamOptions options);
  ~SetStreamer();  // finishes, if Finish() was not called
  SetStreamer(const SetStreamer&) = delete;
  SetStreamer& operator=(const SetStreamer&) = delete;

  // Takes the document; waits while the queue is full (StreamLimits::
  // queued_bytes), unless the streamer stopped.
  void Add(Document document);
  // New limits from now on (smaller while pages are read by OCR: Stream-
  // Limits::ForMemoryWithOcr; larger again after), from any thread, the
  // streamer's own included (a version read again may hold a scan): taken
  // up by the streamer's thread at the top of its next round (at once when
  // it waits for documents); when smaller, open sets are then written
  // early if they hold more than the new limit, and the memory freed is
  // given back to the system. Does not wait.
  void SetLimits(const StreamLimits& limits);
  // Writes every set still open and waits.
  StreamTally Finish();
  // True once a write failed in a way that ends the ingest (StreamTally::
  // fatal): extraction should stop (RunnerOptions::stop).
  const std::atomic<bool>& stopped() const { return stopped_; }
  // Documents held now: queued, or waiting for their set to be written.
  std::size_t held_documents() const { return held_documents_; }

 private:
  struct Group {
    std::vector<std::unique_ptr<const Document>> documents;  // not written since they came
    // Versions written and freed, read again if the set reopens.
    std::vector<FileTable::Id> written_files;
    std::size_t bytes = 0;                   // of `documents`
    std::size_t last_seen = 0;
  };
  // A batch built, waiting for the writer's thread, with what is told and
  // learned once it is written.
  struct PendingWrite {
    BuiltSets built;
    std::vector<std::vector<FileTable::Id>> files;  // per set: its versions' files
    std::vector<std::string> symbols;              // per set: its pivot's symbol
    std::vector<std::vector<DocumentAlignment>> alignments;  // per set, learned once written (with a lexicon)
    bool report = false;                // Indexing() for it: sets done of all
    std::size_t done = 0, total = 0;
    std::string last_symbol;
  };
  void Run();
  void RunWriter();
  void QueueWrite(PendingWrite write);
  void Write(PendingWrite& write);
  void LearnWritten();
  void Stop();
  void Take(std::unique_ptr<const Document> document);
  void Reopen(const std::string& key, Group& group, const std::string& arriving);
  void WriteGroups(const std::vector<std::string>& keys, bool report);
  void Hold(std::size_t documents, std::size_t bytes);
  void Release(std::size_t documents, std::size_t bytes);

  IndexWriter& writer_;
  const FileTable& files_;
  IngestObserver& observer_;
  const StreamOptions options_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::unique_ptr<const Document>> incoming_;
  std::size_t queued_bytes_ = 0;
  std::size_t queued_limit_;                // StreamLimits::queued_bytes, as last set
  std::optional<StreamLimits> new_limits_;  // for the streamer's thread to take up
  bool finishing_ = false;
  std::atomic<std::size_t> held_documents_{0};
  // The streamer's thread's own (no lock needed):
  std::map<std::string, Group> groups_;
  std::set<std::string> unwritten_;  // keys of the groups not written since their last version came
  std::set<std::string> other_shards_;  // keys dropped
  std::size_t seen_ = 0;
  std::size_t held_bytes_ = 0;  // of the groups' documents
  StreamLimits limits_;         // options_.limits, as last set
  std::set<std::string> reported_left_out_;  // a set written again reports its left-out files once
  StreamTally tally_;
  std::atomic<bool> stopped_{false};
  SetBuilder builder_;  // the streamer's thread's
  // Between the streamer's thread and the writer's:
  std::mutex write_mutex_;
  std::condition_variable write_ready_, write_room_;
  std::optional<PendingWrite> pending_;
  bool writes_done_ = false;  // no batch will come
  std::vector<std::vector<DocumentAlignment>> to_learn_;  // of sets written, not learned yet
  StreamTally written_;  // the writer's thread's: unchanged, failures, fatal, index_seconds
  // The writer's thread's: whether a version of each file was written (by
  // Id), and how many were.
  std::vector<bool> written_files_;
  std::size_t versions_written_ = 0;
  std::thread thread_, writer_thread_;
};

}  // namespace sextant
