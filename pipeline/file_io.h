// Whole files in and out, the one place the project's code does it.
//
// ReadWholeFile: a file's bytes, or nullopt when it cannot be opened or
// read to its end.
//
// WriteFileAtomically: writes a whole file so that no reader ever sees half
// of it: the content goes to a new temporary file beside `path` (a name no
// one else has), which is then renamed over `path`. On failure nothing is
// left behind, an older file at `path` is untouched, and the Status
// (kIoError) names the path, the step that failed and the system's reason.
// With `durable`, the file and the rename are also flushed to disk (fsync)
// before returning, so that a power cut loses neither; without, a batch of
// many outputs is not slowed by a flush each.
//
// AtomicOutputFile: the same for a file written piece by piece, too big to
// hold whole (`sextant export`): stream() writes into the temporary file;
// Commit() flushes it and renames it over `path`; destroyed without a
// successful Commit(), it removes the temporary file, and `path` is as it
// was. Its errors name the path the same way.
//
// Thread-safety: both may run on many threads at once, for different paths;
// an AtomicOutputFile is used by one thread.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace sextant {

std::optional<std::string> ReadWholeFile(const std::string& path);

Status WriteFileAtomically(const std::string& path, std::string_view content, bool durable = false);

class AtomicOutputFile {
 public:
  // Creates the temporary file beside `path`.
  static Status Create(const std::string& path, std::unique_ptr<AtomicOutputFile>* file);
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  // Goes bad (and stays bad) when a write fails; Commit() then says why.
  std::ostream& stream();
  Status Commit(bool durable = false);
  // Why a write into stream() failed (kIoError, naming the path), or ok.
  Status WriteStatus() const;
  const std::string& path() const { return path_; }

 private:
  class Buffer;
  AtomicOutputFile(std::string path, std::string temporary, int fd);

  std::string path_, temporary_;
  std::unique_ptr<Buffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
  bool finished_ = false;
};

}  // namespace sextant
