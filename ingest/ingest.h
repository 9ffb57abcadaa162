// Ingest: PDF files into a Sextant index, every document's language
// versions aligned through English — what `sextant ingest` does, as a
// library that tests link.
//
//   1. Each file's content hash (pipeline/content_hash.h): a file the index
//      holds already under its path with the same bytes is not read again,
//      unless a changed or new version of its document (same own symbol)
//      is read: a document set is always written whole.
//   2. The other files are extracted on `jobs` threads (the standard
//      stages), and each document goes to a SetStreamer (set_streamer.h),
//      which aligns and writes the sets already complete on a thread of its
//      own while extraction goes on, and frees them: what is held is
//      bounded by `memory_mb`, not by the number of files (extraction
//      waits when the streamer falls behind; a version that comes after
//      its set was written has the set's other versions extracted again).
//      With a shard (`shard`), only the sets of that shard are kept.
//   3. The indexed versions of the documents read (siblings) are extracted
//      again, so that their sets are rewritten whole.
//   4. The index's lexicon (ingest_lexicon.h), the base of every alignment,
//      learns from the confident links of the sets written and is stored
//      in INDEX/lexicon/ (unless IngestOptions::lexicon is false).
//
// Contract: IngestFiles() returns a non-ok Status when the index cannot be
// opened (a damaged index among the reasons: nothing is then done), or
// when writing it fails, which ends the ingest: no space left on its disk
// or quota (kNoSpace, with about how much more is needed), damage found
// while writing, any other write failure. Extraction then stops at once; every set
// written before stays whole and the index opens, so the same command run
// again completes the work. Any other file or set that fails is reported
// to the observer, counted in the summary, and the others go on.
//
// Thread-safety: IngestFiles() runs one ingest at a time per index (Xapian
// allows one writer); it starts and joins its own threads. The observer
// is called from several threads, but one call at a time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/shard.h"
#include "pipeline/page_recognizer.h"
#include "pipeline/runner.h"
#include "pipeline/status.h"

namespace sextant {

// What an ingest tells as it goes. Every method does nothing by default.
class IngestObserver {
 public:
  virtual ~IngestObserver() = default;
  // Before extraction: how many files will be read, how many are indexed
  // already and will not be.
  virtual void Planned(std::size_t /*to_read*/, std::size_t /*indexed_already*/) {}
  // A file extracted (or failed), `done` of `total` in this pass.
  virtual void Extracted(std::size_t /*done*/, std::size_t /*total*/, const DocumentResult& /*result*/) {}
  // A page of `path` read by OCR (seconds a page: a scan shows it moves).
  virtual void OcrPage(const std::string& /*path*/, int /*page*/, int /*pages*/) {}
  // Once extraction is over: sets being aligned, then written.
  virtual void Aligning(std::size_t /*done*/, std::size_t /*total*/, std::string_view /*symbol*/) {}
  virtual void Indexing(std::size_t /*done*/, std::size_t /*total*/, std::string_view /*symbol*/) {}
  // A document set written to the index (again, when a late version
  // reopened it), with its number of language versions.
  virtual void SetWritten(std::string_view /*symbol*/, std::size_t /*versions*/) {}
  // A file or a set that failed; the status names it and what to do.
  virtual void Failed(const Status& /*status*/) {}
  // What the user should know that is not a failure, one line: a file that
  // replaced another as a document's version.
  virtual void Notice(const std::string& /*line*/) {}
};

struct IngestOptions {
  std::string index_folder = "sextant-index";
  int jobs = 2;  // extraction threads; at least 1
  // The peak resident size aimed at, in MB, the whole process (StreamLimits::
  // ForMemory): past what the process holds anyway, it sizes the documents
  // waiting for their sets, the queue to the writer, Xapian's transaction
  // and the lexicon's counts. While pages are read by OCR those shares
  // but the lexicon's shrink to leave OCR its part (StreamLimits::
  // ForMemoryWithOcr, kOcrMegabytesPerThread a thread), down to those of
  // the least budget, and grow back once no page was read by OCR for
  // ocr_quiet_seconds (ingest/ocr_room.h); the observer is told
  // (Notice). Not a hard limit: one very long file, or one very large
  // set, is held whole however large, and OCR's part passes a budget too
  // small for it. The default shares 256 MB, the budget before the
  // process was counted: the lexicon's share, and so its quality, kept.
  std::size_t memory_mb = 336;
  // The shares shrunk for OCR grow back once no page was read by OCR for
  // this long, and none is being read: a scan after that loads its model
  // again (ingest/ocr_room.h). 10 s was 0.92 times 30 s's time on scans
  // spread through 20,000 PDFs, at the same peak (docs/benchmarks.md).
  double ocr_quiet_seconds = 10;
  // Only the sets of this shard are written (ingest/shard.h); every file
  // is still extracted, for its symbol. The index records its shard.
  ShardSpec shard;
  // Pages read by OCR (pipeline/page_recognizer.h): by default those with
  // no text layer or an unreadable one.
  OcrMode ocr = OcrMode::kAuto;
  // The index's lexicon (ingest_lexicon.h, INDEX/lexicon/): the base of
  // every alignment when stored, and learned from this ingest's confident
  // sentence links and stored, merged with what was (counts within
  // StreamLimits::lexicon_bytes). False: neither used nor learned.
  bool lexicon = true;
  // Recommendations read as records and indexed as entries of their own
  // (stages/recommend). False: none (meeting facts still are), as
  // tests/bench/records_cost_bench measures what records cost.
  bool records = true;
  // A language pair's lexicon is written (and so used by later ingests and
  // `align --index`) once its counts hold this many confident sentence
  // links; before, only the counts are kept. A lexicon learned from one
  // document's few dozen links is noise that lifts unrelated sentences:
  // measured on the browser test's mismatched pair, from 0.00-0.26 to
  // 0.36-0.39 with the fixtures' 27 links a pair.
  std::size_t lexicon_min_links = 500;
};

struct IngestSummary {
  std::size_t files = 0;               // given (a path given twice counted once)
  std::size_t not_read_again = 0;      // indexed already, same bytes, set unchanged
  std::size_t pages = 0, segments = 0;  // of every file, read or not
  std::size_t symbols = 0;             // distinct own symbols
  std::size_t recommendations = 0;     // records of the files read in this run
  std::size_t versions_written = 0;    // language versions written (once each)
  std::size_t versions_unchanged = 0;  // not read again, or read and found unchanged
  int failures = 0;                    // files and sets that failed
  std::size_t sets_other_shards = 0;   // sets read but left to other shards (--shard)
  std::size_t reextracted = 0;         // versions read again for a set reopened by a late version
  std::size_t peak_held_documents = 0;  // documents held at once, at most (for open sets, and queued)
  // Times the shares shrank to make room for OCR, and grew back after
  // (ingest/ocr_room.h).
  std::size_t shrunk_for_ocr = 0, restored_after_ocr = 0;
  double seconds = 0, extract_seconds = 0;
  double align_seconds = 0, index_seconds = 0;  // busy time beside extraction
  // The index's lexicon: time counting and saving it, language pairs saved,
  // word pairs stored, sentence links counted, peak bytes of the counts.
  double lexicon_seconds = 0;
  std::size_t lexicon_files = 0, lexicon_pairs = 0, lexicon_sentence_pairs = 0, lexicon_bytes = 0;
  std::size_t lexicon_counted_only = 0;  // language pairs counted, with too few links yet for a lexicon
};

// What a walk over the paths given found.
struct PdfCollection {
  // The files named (whatever they are called), and the PDFs (*.pdf, any
  // case) below the folders named, sorted.
  std::vector<std::string> files;
  // A line for each path left out that the user would want to know about,
  // naming it (bytes that are not UTF-8 shown as \xFF) and why: a named
  // path that is not there, a link that loops or leads nowhere, a link to a
  // folder (not followed), a *.pdf that is a FIFO or device, a folder that
  // cannot be read.
  std::vector<std::string> problems;
  // Other files below the folders (not *.pdf), left out.
  std::size_t other_files = 0;
};

// Never throws, whatever the folders hold.
PdfCollection CollectPdfs(const std::vector<std::string>& paths);

// `files` by value: the paths go into the ingest's table of files (one
// buffer, ingest/file_table.h) and the list is freed before any file is
// read (std::move it in when it is long). Files are read in path order.
Status IngestFiles(std::vector<std::string> files, const IngestOptions& options,
                   IngestObserver& observer, IngestSummary* summary);

}  // namespace sextant
