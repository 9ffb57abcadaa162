#include "pipeline/runner.h"

#include <cassert>
#include <exception>
#include <mutex>
#include <utility>

#include "pipeline/parallel.h"

namespace sextant {

Runner::Runner(std::vector<std::unique_ptr<Stage>> stages)
    : stages_(std::move(stages)) {
  ArtifactSet available = kArtifactNone;
  for (const auto& stage : stages_) {
    assert((stage->requires_artifacts() & ~available) == 0 &&
           "a stage runs before the stage that produces what it requires");
    available |= stage->produces_artifacts();
  }
  (void)available;
}

DocumentResult Runner::RunOne(const std::string& path) const {
  DocumentResult result;
  result.document.path = path;
  for (const auto& stage : stages_) {
    const auto start = std::chrono::steady_clock::now();
    try {
      result.status = stage->Run(result.document);
    } catch (const std::exception& error) {
      // A library threw (e.g. std::bad_alloc on a hostile file): this
      // document fails, the batch goes on.
      result.status = Status(StatusCode::kDamaged,
                             path + ": " + std::string(stage->name()) +
                                 " failed: " + error.what());
    }
    result.timings.push_back(
        {stage->name(), std::chrono::steady_clock::now() - start});
    if (!result.status.ok()) {
      result.failed_stage = std::string(stage->name());
      break;
    }
  }
  return result;
}

std::vector<DocumentResult> Runner::Run(const std::vector<std::string>& paths,
                                        const RunnerOptions& options) const {
  std::vector<DocumentResult> results(paths.size());
  std::size_t done = 0;
  std::mutex done_mutex;
  ParallelFor(paths.size(), options.jobs, [&](std::size_t i) {
    results[i] = RunOne(paths[i]);
    std::lock_guard<std::mutex> lock(done_mutex);
    ++done;
    if (options.on_done) options.on_done(done, paths.size(), results[i]);
  });
  return results;
}

}  // namespace sextant
