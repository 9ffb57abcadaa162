// OcrRoom: an ingest's memory budget (IngestOptions::memory_mb) shared
// with OCR, over the whole run. A thread reading a scan holds about
// StreamLimits::kOcrMegabytesPerThread; while pages are read by OCR the
// streamer's shares are those of the budget less OCR's part (StreamLimits::
// ForMemoryWithOcr); once no page has been read by OCR for `quiet_seconds`
// and none is being read, the models left loaded are freed and the shares
// are the whole budget's again (StreamLimits::ForMemory), until the next
// scan. Without it, scans at the head of a corpus left the born-digital
// rest at the least budget's speed: 20,000 PDFs after ten scans took
// 240-256 s, with it 196-200 s, alone 155 (docs/benchmarks.md).
//
// The user is told of the first shrink (Notice), with where the peak may
// go when the budget cannot hold OCR and the budget that would, and of the
// first growing back; the others are counted (tally), not said: scans
// spread through a large corpus would make a line every few seconds.
//
// The waiting time is what makes a restore worth its cost: a scan after
// it loads its model again (0.07-0.12 s an engine, measured: osd 0.07,
// ara+Arabic 0.12) and finds the shares full (open sets written early,
// so maybe read again when a late version comes). Checked as files
// finish (FileDone), not by a clock of its own.
//
// Thread-safety: every call may come from any thread at once (extraction
// workers, and the streamer's thread reading a version again); the hooks
// are called under the room's lock, one at a time, in the order the
// changes are decided, so the last limits set are always the state's.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>

#include "ingest/set_streamer.h"

namespace sextant {

class OcrRoom {
 public:
  struct Hooks {
    std::function<void(const StreamLimits&)> set_limits;  // SetStreamer::SetLimits
    std::function<void()> free_engines;                   // TesseractRecognizer::FreeIdleEngines; may be empty
    std::function<void(const std::string&)> notice;      // IngestObserver::Notice
  };
  // What happened so far.
  struct Tally {
    std::size_t shrunk = 0;    // times the shares shrank for OCR
    std::size_t restored = 0;  // times they grew back
  };

  OcrRoom(std::size_t memory_mb, int jobs, double quiet_seconds, Hooks hooks);

  // Before a page is rendered for OCR: the shares shrink unless they are shrunk.
  void PageBegins();
  // After Tesseract read it, or failed to.
  void PageEnds();
  // A file extracted: the shares grow back when it is time.
  void FileDone();

  Tally tally() const;

 private:
  bool Shrunk() const { return tally_.shrunk > tally_.restored; }
  void Shrink();

  const std::size_t memory_mb_;
  const int jobs_;
  const std::chrono::duration<double> quiet_;
  const Hooks hooks_;
  mutable std::mutex mutex_;
  std::size_t pages_being_read_ = 0;
  std::chrono::steady_clock::time_point last_page_end_;
  Tally tally_;
};

}  // namespace sextant
