#include "stages/ocr/tesseract_engines.h"

#include <algorithm>
#include <iterator>

#include <omp.h>
#include <tesseract/baseapi.h>

#include "pipeline/heap_trim.h"

namespace sextant {
namespace {

// "ara+eng" -> "tesseract-ocr-ara tesseract-ocr-eng"
std::string ModelPackages(const std::string& models) {
  std::string packages;
  std::size_t begin = 0;
  while (begin <= models.size()) {
    std::size_t end = models.find('+', begin);
    if (end == std::string::npos) end = models.size();
    std::string model = models.substr(begin, end - begin);
    if (model == "chi_sim") model = "chi-sim";
    if (model == "Arabic") model = "script-arab";
    packages += (packages.empty() ? "tesseract-ocr-" : " tesseract-ocr-") + model;
    begin = end + 1;
  }
  return packages;
}

}  // namespace

void TesseractEngines::EngineDeleter::operator()(tesseract::TessBaseAPI* api) const {
  api->End();
  delete api;
}

TesseractEngines::TesseractEngines(std::string tessdata, OcrLimits limits)
    : tessdata_(std::move(tessdata)), limits_(limits) {}

TesseractEngines::~TesseractEngines() = default;

TesseractEngines::Counts TesseractEngines::counts() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return counts_;
}

Status TesseractEngines::Make(const std::string& model, Engine& engine) {
  Engine made(new tesseract::TessBaseAPI);
  // OSD's model is the legacy engine's only (asked for LSTM it says so on stderr).
  const tesseract::OcrEngineMode mode = model == "osd" ? tesseract::OEM_TESSERACT_ONLY : tesseract::OEM_LSTM_ONLY;
  if (made->Init(tessdata_.empty() ? nullptr : tessdata_.c_str(), model.c_str(), mode) != 0) {
    return Status(StatusCode::kNotFound,
                  "Tesseract's model '" + model + "' is not installed" +
                      (tessdata_.empty() ? "" : " in " + tessdata_) +
                      ": run scripts/install-deps, or apt-get install " + ModelPackages(model));
  }
  made->SetVariable("debug_file", "/dev/null");  // "Detected 12 diacritics" and the like
  engine = std::move(made);
  return Status::Ok();
}

void TesseractEngines::TakeIdlePastTheLimit(std::list<std::pair<std::string, Engine>>& freed) {
  while (!idle_.empty() && lent_ + idle_.size() > limits_.loaded_engines) {
    freed.splice(freed.end(), idle_, std::prev(idle_.end()));
  }
}

void TesseractEngines::FreeIdle() {
  std::list<std::pair<std::string, Engine>> freed;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    freed.swap(idle_);
  }
  if (freed.empty()) return;
  freed.clear();
  GiveFreedHeapBack();
}

TesseractEngines::Page::Page(TesseractEngines& engines) : engines_(engines) {
  // Tesseract asks OpenMP for 4 threads where it can (num_threads(4)),
  // which OMP_THREAD_LIMIT caps but only at process start: no parallel
  // region is active instead. The setting is the calling thread's
  // (libgomp keeps it per thread, as OpenMP 5 says), so it is made on
  // every thread that reads a page: made once for the process, the
  // second thread of --jobs 2 ran 4 OpenMP threads on 2 cores, its
  // pages 4.5 times slower (2 scans: 20.2 s, 4.5 s with OMP_THREAD_LIMIT=1).
  omp_set_max_active_levels(0);
}

TesseractEngines::Page::~Page() {
  for (auto& [model, engine] : borrowed_) engine->Clear();  // the page's image and results, not the model
  std::list<std::pair<std::string, Engine>> freed;  // ended outside the lock: End() takes a while
  {
    const std::lock_guard<std::mutex> lock(engines_.mutex_);
    // The first borrowed (the page's language's model, or OSD) given back
    // last: the most recently used, the last freed.
    for (auto it = borrowed_.rbegin(); it != borrowed_.rend(); ++it) {
      engines_.idle_.emplace_front(std::move(it->first), std::move(it->second));
      --engines_.lent_;
    }
    engines_.TakeIdlePastTheLimit(freed);
  }
  freed.clear();
  // Tesseract's work on the page (and the models freed) back to the
  // system: the thread's arena would keep it for the rest of the run.
  GiveFreedHeapBack();
}

Status TesseractEngines::Page::Get(const std::string& model, tesseract::TessBaseAPI*& engine) {
  for (const auto& [borrowed_model, borrowed_engine] : borrowed_) {
    if (borrowed_model == model) {
      engine = borrowed_engine.get();
      return Status::Ok();
    }
  }
  std::list<std::pair<std::string, Engine>> freed;
  Engine lent;
  {
    const std::lock_guard<std::mutex> lock(engines_.mutex_);
    auto& idle = engines_.idle_;
    const auto found = std::find_if(idle.begin(), idle.end(), [&](const auto& entry) { return entry.first == model; });
    if (found != idle.end()) {
      lent = std::move(found->second);
      idle.erase(found);
    }
    ++engines_.lent_;  // counted before it is made, so that other pages make room for it too
    if (!lent) engines_.TakeIdlePastTheLimit(freed);  // room for the one to be made
  }
  freed.clear();
  const bool new_engine = !lent;
  Status made = new_engine ? engines_.Make(model, lent) : Status::Ok();
  const std::lock_guard<std::mutex> lock(engines_.mutex_);
  if (!made.ok()) {
    --engines_.lent_;
    return made;
  }
  Counts& counts = engines_.counts_;
  if (new_engine) ++counts.made;
  counts.peak_loaded = std::max(counts.peak_loaded, engines_.lent_ + engines_.idle_.size());
  engine = lent.get();
  borrowed_.emplace_back(model, std::move(lent));
  return Status::Ok();
}

}  // namespace sextant
