// Runner: applies an ordered list of stages to many files, in parallel, with
// per-document error isolation: a file that fails is recorded with its Status
// and the others go on. Each result carries per-stage timings.
//
// A stage that throws fails its document only, with a code that says what
// happened: out_of_memory (std::bad_alloc), io_error (a system or stream
// error), internal (anything else: a bug, reported with the stage's name).
//
// Thread-safety: Run() may be called from one thread at a time; it starts
// its own worker threads and joins them before returning.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/stage.h"
#include "pipeline/status.h"

namespace sextant {

struct StageTiming {
  std::string_view stage;
  std::chrono::duration<double> seconds;
};

struct DocumentResult {
  Document document;  // whatever was built, even after a failure
  Status status;      // the first failure, or ok
  std::string failed_stage;
  std::vector<StageTiming> timings;
};

struct RunnerOptions {
  int jobs = 1;  // worker threads; at least 1
  // Called after each document, from a worker thread, serialised by the
  // runner: (done so far, total, the result just finished). It may take
  // the document (std::move) when keep_documents is false; while it runs,
  // the other workers wait to report theirs (a callback that blocks holds
  // extraction back: backpressure).
  std::function<void(std::size_t, std::size_t, DocumentResult&)> on_done;
  // False: the results Run() returns keep each file's path, status and
  // failed stage, not its document (nor timings), so that a long run holds
  // no more than the documents in flight; on_done sees them whole.
  bool keep_documents = true;
  // When set and true, files not started yet are not read: their results
  // carry kCancelled (and on_done is still called for each).
  const std::atomic<bool>* stop = nullptr;
};

class Runner {
 public:
  // Checks, in every build, that each stage's requirements are produced by
  // the stages before it and not consumed since; throws std::logic_error naming the stage and what
  // it lacks otherwise (a programming error in the stage list).
  explicit Runner(std::vector<std::unique_ptr<Stage>> stages);

  // Runs every stage on one file.
  DocumentResult RunOne(const std::string& path) const;

  // Runs every file; results come back in the order of `paths` (without
  // their documents when options.keep_documents is false).
  std::vector<DocumentResult> Run(const std::vector<std::string>& paths,
                                  const RunnerOptions& options) const;

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace sextant
