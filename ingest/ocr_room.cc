#include "ingest/ocr_room.h"

#include <algorithm>
#include <cmath>

namespace sextant {
namespace {

std::string Seconds(double seconds) {
  return std::to_string(static_cast<long long>(std::lround(seconds))) + " s";
}

// The peak an ingest with a budget of `megabytes` may reach once OCR
// takes `ocr_mb`: the budget the rest holds within, OCR's part, and the
// lexicon's share kept past the rest's.
std::size_t PeakWithOcr(std::size_t megabytes, std::size_t ocr_mb) {
  std::size_t left_mb = 0;
  const StreamLimits limits = StreamLimits::ForMemoryWithOcr(megabytes, ocr_mb, &left_mb);
  return left_mb + ocr_mb + ((limits.lexicon_bytes - StreamLimits::ForMemory(left_mb).lexicon_bytes) >> 20);
}

}  // namespace

OcrRoom::OcrRoom(std::size_t memory_mb, int jobs, double quiet_seconds, Hooks hooks)
    : memory_mb_(memory_mb),
      jobs_(jobs),
      quiet_(std::max(0.0, quiet_seconds)),  // a NaN too
      hooks_(std::move(hooks)) {}

void OcrRoom::PageBegins() {
  const std::lock_guard lock(mutex_);
  ++pages_being_read_;
  if (!Shrunk()) Shrink();
}

void OcrRoom::PageEnds() {
  const std::lock_guard lock(mutex_);
  if (pages_being_read_ > 0) --pages_being_read_;
  last_page_end_ = std::chrono::steady_clock::now();
}

void OcrRoom::FileDone() {
  const std::lock_guard lock(mutex_);
  if (!Shrunk() || pages_being_read_ > 0 || std::chrono::steady_clock::now() - last_page_end_ < quiet_) return;
  ++tally_.restored;
  // The models first, so that what the shares take back is free.
  if (hooks_.free_engines) hooks_.free_engines();
  hooks_.set_limits(StreamLimits::ForMemory(memory_mb_));
  if (tally_.restored == 1) {
    hooks_.notice("no page read by OCR for " + Seconds(quiet_.count()) +
                  ": its models freed, the shares are those of --memory " + std::to_string(memory_mb_) +
                  " again (and each time the scans stop; the summary counts them)");
  }
}

OcrRoom::Tally OcrRoom::tally() const {
  const std::lock_guard lock(mutex_);
  return tally_;
}

// The threads reading scans hold kOcrMegabytesPerThread each; the
// streamer's own thread, which reads a version again now and then, is not
// counted.
void OcrRoom::Shrink() {
  ++tally_.shrunk;
  const std::size_t ocr_mb = static_cast<std::size_t>(jobs_) * StreamLimits::kOcrMegabytesPerThread;
  std::size_t left_mb = 0;
  hooks_.set_limits(StreamLimits::ForMemoryWithOcr(memory_mb_, ocr_mb, &left_mb));
  if (tally_.shrunk > 1) return;  // said once: the summary counts the rest
  std::string line = "pages to read by OCR: about " + std::to_string(ocr_mb) + " MB for " + std::to_string(jobs_) +
                     (jobs_ == 1 ? " thread" : " threads") +
                     " while they come; the rest of the ingest holds as with --memory " + std::to_string(left_mb);
  if (const std::size_t peak_mb = PeakWithOcr(memory_mb_, ocr_mb); peak_mb > memory_mb_) {
    std::size_t enough_mb = peak_mb;
    while (PeakWithOcr(enough_mb, ocr_mb) > enough_mb) ++enough_mb;
    line += ": the peak may reach about " + std::to_string(peak_mb) + " MB, past --memory " +
            std::to_string(memory_mb_) + " (--memory " + std::to_string(enough_mb) + " holds it" +
            (jobs_ > 1 ? "; OCR's part is a thread's times --jobs)" : ")");
  }
  hooks_.notice(line);
}

}  // namespace sextant
