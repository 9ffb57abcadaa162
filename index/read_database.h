// Internal to index/ (not for other folders): opening an index folder for
// reading, and reopening it, with the errors IndexSearcher, RecordReader
// and IndexWriter all give: a missing folder, a schema version this build
// does not read, a damaged index (a corrupt or truncated table: named as
// such, with the way out), any other Xapian failure, each naming the folder
// and what to do.
//
// Thread-safety: a Xapian::Database is used by one thread at a time.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "pipeline/status.h"

namespace sextant::index_internal {

Status OpenForReading(const std::string& folder, Xapian::Database* db);

// Whether a Xapian failure means the index's files are damaged (Xapian's
// DatabaseCorruptError, or its plain DatabaseError: "EOF reading block 8").
bool IsDamage(const Xapian::Error& error);
// "index IDX is damaged (DETAIL): ingest the files again into a new
// --index folder, or see what `xapian-check IDX` reports".
std::string DamagedIndexMessage(const std::string& folder, const std::string& detail);
// A failure while `doing` something with the index (e.g. "reading"): kDamaged
// with the message above, or kIoError naming the folder.
Status ReadFailure(const std::string& folder, std::string_view doing, const Xapian::Error& error);
Status Reopen(const std::string& folder, Xapian::Database& db);

}  // namespace sextant::index_internal
