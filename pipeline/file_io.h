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
// Thread-safety: both may run on many threads at once, for different paths.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace sextant {

std::optional<std::string> ReadWholeFile(const std::string& path);

Status WriteFileAtomically(const std::string& path, std::string_view content, bool durable = false);

}  // namespace sextant
