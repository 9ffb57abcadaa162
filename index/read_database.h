// Internal to index/ (not for other folders): opening an index folder for
// reading, and reopening it, with the errors IndexSearcher and RecordReader
// both give: a missing folder, a schema version this build does not read,
// a corrupt index, any other Xapian failure, each naming the folder and
// what to do.
//
// Thread-safety: a Xapian::Database is used by one thread at a time.
#pragma once

#include <string>

#include <xapian.h>

#include "pipeline/status.h"

namespace sextant::index_internal {

Status OpenForReading(const std::string& folder, Xapian::Database* db);
Status Reopen(const std::string& folder, Xapian::Database& db);

}  // namespace sextant::index_internal
