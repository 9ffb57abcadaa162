#include "pipeline/runner.h"

#include <exception>
#include <ios>
#include <mutex>
#include <new>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "pipeline/parallel.h"

namespace sextant {

namespace {

// The failure of `stage` on `path` that threw what is being handled.
Status StatusOfException(const std::string& path, std::string_view stage) {
  const std::string where = path + ": " + std::string(stage) + " stage ";
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return Status(StatusCode::kOutOfMemory,
                  where + "ran out of memory; try the file alone, or on a machine with more memory");
  } catch (const std::system_error& error) {  // std::filesystem_error and std::ios_base::failure too
    return Status(StatusCode::kIoError, where + "could not read or write: " + error.what());
  } catch (const std::exception& error) {
    return Status(StatusCode::kInternal,
                  where + "failed: " + error.what() + " (a bug in Sextant: please report it with the file)");
  } catch (...) {
    return Status(StatusCode::kInternal,
                  where + "failed with an unknown exception (a bug in Sextant: please report it with the file)");
  }
}

// "lines, paragraphs": the artifacts of `set`.
std::string ArtifactNames(ArtifactSet set) {
  static constexpr std::pair<ArtifactSet, const char*> kNames[] = {
      {kArtifactWords, "words"},           {kArtifactCleanText, "clean text"}, {kArtifactLines, "lines"},
      {kArtifactFurniture, "furniture"},   {kArtifactParagraphs, "paragraphs"}, {kArtifactLanguage, "language"},
      {kArtifactSegments, "segments"},     {kArtifactTags, "tags"},
  };
  std::string names;
  for (const auto& [artifact, name] : kNames) {
    if ((set & artifact) != 0) names += (names.empty() ? "" : ", ") + std::string(name);
  }
  return names;
}

}  // namespace

Runner::Runner(std::vector<std::unique_ptr<Stage>> stages)
    : stages_(std::move(stages)) {
  ArtifactSet available = kArtifactNone;
  for (const auto& stage : stages_) {
    const ArtifactSet missing = stage->requires_artifacts() & ~available;
    if (missing != 0) {
      throw std::logic_error("stage '" + std::string(stage->name()) + "' requires " + ArtifactNames(missing) +
                             ", which no stage before it produces (or one consumes); reorder the stage list");
    }
    available |= stage->produces_artifacts();
    available &= ~stage->consumes_artifacts();
  }
}

DocumentResult Runner::RunOne(const std::string& path) const {
  DocumentResult result;
  result.document.path = path;
  for (const auto& stage : stages_) {
    const auto start = std::chrono::steady_clock::now();
    try {
      result.status = stage->Run(result.document);
    } catch (...) {
      // This document fails, with what happened; the batch goes on.
      result.status = StatusOfException(path, stage->name());
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
    if (options.stop != nullptr && options.stop->load()) {
      results[i].document.path = paths[i];
      results[i].status = Status(StatusCode::kCancelled, paths[i] + ": not read, the run was stopped");
    } else {
      results[i] = RunOne(paths[i]);
    }
    std::lock_guard<std::mutex> lock(done_mutex);
    ++done;
    if (options.on_done) options.on_done(done, paths.size(), results[i]);
    if (!options.keep_documents) {
      results[i].document = Document();
      results[i].document.path = paths[i];
      results[i].timings = {};
    }
  });
  return results;
}

}  // namespace sextant
