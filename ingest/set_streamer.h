// SetStreamer: the aligning and writing half of an ingest (ingest.h), on a
// thread of its own, so that the Xapian writer works while files are still
// being extracted. Documents come in as extraction finishes them (in any
// order); they are grouped into document sets by own symbol (a document
// with none is a set of its own); a set is closed once kCloseAfter
// documents of other sets have come after its last version, and closed
// sets are aligned (pivot English, else the first language) and written in
// batches, each one Xapian transaction (IndexWriter::AddDocumentSets), so
// that a kill loses at most the batch being written, never part of a set.
// A version that comes after its set was written (files of one document
// far apart in path order) reopens the set: it is written again, whole.
// Once Finish() is called, the sets still open are reported to the
// observer as they are aligned and written; failures always are, but for
// a failure to write, which ends the ingest (no space left, a damaged
// index, an I/O error): after it nothing more is written, and the caller
// reports it once.
//
// Thread-safety: Add() and Finish() are called from one thread at a time
// (Add() may be called from extraction workers, serialised by the runner);
// the writer is used by the streamer's thread only, until Finish() returns.
// The observer is called from the streamer's thread (the caller makes its
// calls one at a time with its other threads').
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "index/index_writer.h"
#include "ingest/ingest.h"
#include "pipeline/document.h"

namespace sextant {

struct StreamTally {
  std::set<std::string> written_paths;  // versions written (once each, however often rewritten)
  std::size_t unchanged = 0;            // versions of sets found indexed already
  int failures = 0;
  // A write failure, which ends the ingest (a full disk, a damaged index,
  // any failure of Xapian's writer): nothing is written after it, and it
  // is not reported to the observer.
  Status fatal;
  double align_seconds = 0, index_seconds = 0;  // busy time of the streamer's thread
};

class SetStreamer {
 public:
  // `hashes`: the content hash of every file that will come (read-only).
  SetStreamer(IndexWriter& writer, const std::map<std::string, std::string>& hashes, IngestObserver& observer);
  ~SetStreamer();  // finishes, if Finish() was not called
  SetStreamer(const SetStreamer&) = delete;
  SetStreamer& operator=(const SetStreamer&) = delete;

  // `document` must live until Finish() returns.
  void Add(const Document& document);
  // Writes every set still open and waits.
  StreamTally Finish();
  // True once a write failed in a way that ends the ingest (StreamTally::
  // fatal): extraction should stop (RunnerOptions::stop).
  const std::atomic<bool>& stopped() const { return stopped_; }

 private:
  struct Group {
    std::vector<const Document*> documents;
    std::size_t last_seen = 0;
    bool written = false;
  };
  void Run();
  void WriteGroups(const std::vector<std::string>& keys, bool report);

  IndexWriter& writer_;
  const std::map<std::string, std::string>& hashes_;
  IngestObserver& observer_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<const Document*> incoming_;
  bool finishing_ = false;
  // The streamer's thread's own (no lock needed):
  std::map<std::string, Group> groups_;
  std::set<std::string> unwritten_;  // keys of the groups not written since their last version came
  std::size_t seen_ = 0;
  std::set<std::string> reported_left_out_;  // a set written again reports its left-out files once
  StreamTally tally_;
  std::atomic<bool> stopped_{false};
  std::thread thread_;
};

}  // namespace sextant
