// TesseractEngines: the Tesseract engines (tesseract::TessBaseAPI, each
// loaded with one model: "eng", "ara+Arabic", "osd"; a model has as many as
// pages use it at once) that TesseractRecognizer reads pages with, shared
// by all its threads: a page borrows the engines it uses (a
// model's idle engine lent again, else one made) and gives them back when
// it ends; idle engines are freed, least recently used first, to keep at
// most OcrLimits::loaded_engines loaded, lent or idle (a page is never
// refused the engines it needs: the threads reading pages × the engines
// of a page bound it from above).
// An engine holds 8 to 38 MB (measured by resident size after Init:
// fra 8, spa 13, eng 18, Arabic 19, rus+eng 23, ara+Arabic 31, osd 36,
// chi_sim 38), so a thread that read scans in several languages held
// them all for the rest of the run when each thread kept its own: now
// what OCR holds is set by the limits, not by threads × languages.
//
// Thread-safety: a TesseractEngines is shared by the threads reading
// pages; each Page is used by one thread, whose OpenMP teams it turns off
// (libgomp keeps that setting per thread; see tesseract_recognizer.h).
#pragma once

#include <cstddef>
#include <limits>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/status.h"

namespace tesseract {
class TessBaseAPI;
}

namespace sextant {

// (Pages read at once are the caller's threads: a limit on them, tried,
// saved nothing at --jobs 2, 340 MB against 322, and took 1.75 times as long.)
struct OcrLimits {
  std::size_t loaded_engines = std::numeric_limits<std::size_t>::max();  // lent and idle
};

class TesseractEngines {
  struct EngineDeleter {
    void operator()(tesseract::TessBaseAPI* api) const;
  };
  using Engine = std::unique_ptr<tesseract::TessBaseAPI, EngineDeleter>;

 public:
  // `tessdata`: the folder of the models; empty: Tesseract's default.
  explicit TesseractEngines(std::string tessdata = {}, OcrLimits limits = {});
  ~TesseractEngines();
  TesseractEngines(const TesseractEngines&) = delete;
  TesseractEngines& operator=(const TesseractEngines&) = delete;

  // One page's engines, given back when it is destroyed.
  class Page {
   public:
    explicit Page(TesseractEngines& engines);
    ~Page();
    Page(const Page&) = delete;
    Page& operator=(const Page&) = delete;

    // The engine for `model` ("eng", "ara+Arabic", "osd"), this page's for
    // as long as it lasts; kNotFound, naming the Debian package, when the
    // model is not installed.
    Status Get(const std::string& model, tesseract::TessBaseAPI*& engine);

   private:
    TesseractEngines& engines_;
    std::vector<std::pair<std::string, Engine>> borrowed_;
  };

  // Frees every idle engine now (engines lent stay with their pages), and
  // gives the memory back to the system: for a caller that knows no page
  // will come for a while (an ingest past its scans).
  void FreeIdle();

  // What the engines did so far: for tests and measurement.
  struct Counts {
    std::size_t made = 0;         // engines made (models loaded)
    std::size_t peak_loaded = 0;  // engines loaded at once, lent and idle
  };
  Counts counts() const;

 private:
  Status Make(const std::string& model, Engine& engine);
  // Moves idle engines into `freed`, least recently used first, until
  // those lent and idle are within loaded_engines (or none is idle); the
  // caller holds mutex_ and ends them after releasing it.
  void TakeIdlePastTheLimit(std::list<std::pair<std::string, Engine>>& freed);

  const std::string tessdata_;
  const OcrLimits limits_;
  mutable std::mutex mutex_;
  std::size_t lent_ = 0;                           // engines lent to pages
  std::list<std::pair<std::string, Engine>> idle_;  // most recently given back first
  Counts counts_;
};

}  // namespace sextant
