// Internal to index/ (not for other folders): opening an index for reading,
// one folder or several shards (index/index_shards.h), and reopening it,
// with the errors IndexSearcher, RecordReader and IndexWriter all give: a
// missing folder, a schema version this build does not read, a damaged
// index (a corrupt or truncated table: named as such, with the way out), a
// remote shard that does not answer, any other Xapian failure, each naming
// the folder or shard and what to do.
//
// Thread-safety: a Xapian::Database, and a ShardedDatabase, is used by one
// thread at a time.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/index_shards.h"
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

// The documents of every match of `enquire`, in its order, read `page` at
// a time. Not get_mset(0, doccount): Xapian 1.4 reserves room for that many
// matches (about 90 bytes each: 180 MB on an index of two million entries)
// however few there are.
std::vector<Xapian::Document> AllMatches(Xapian::Enquire& enquire, Xapian::doccount page = 256);

// The shards of an index as one Xapian database. A remote shard that stops
// answering is found by asking each remote shard again; with partial
// results it is then left out (missing()) and tried again on later
// Reopen()s, at most every few seconds, until it answers.
class ShardedDatabase {
 public:
  Status Open(const IndexShards& where);
  // Sees what writers committed since; reconnects shards that were lost.
  Status Reopen();
  // A failure while `doing` something: ReadFailure(), or for a network
  // failure kUnavailable naming the shards that do not answer. With partial
  // results the database is rebuilt from the others first: Retry() then
  // says that doing it once more may succeed.
  Status Failure(std::string_view doing, const Xapian::Error& error);
  bool Retry(const Status& failure) const;
  // Runs `attempt` (a Status from Failure() when Xapian fails), and once
  // more when Retry() says so.
  template <typename Attempt>
  Status WithRetry(Attempt&& attempt) {
    Status status = attempt();
    if (Retry(status)) status = attempt();
    return status;
  }

  const Xapian::Database& db() const { return db_; }
  // The one shard that holds document `id` of db(): a document set lies
  // whole in one shard, so its other entries (an aligned translation) are
  // found by asking that shard alone, one round trip instead of one a shard.
  const Xapian::Database& ShardOf(Xapian::docid id) const;
  // The shards left out (partial results only): "HOST:PORT (why)".
  const std::vector<std::string>& missing() const { return missing_; }
  // The index for messages: the folder, or "3 shards (…)".
  const std::string& name() const { return name_; }

 private:
  Status Build();

  IndexShards where_;
  std::string name_;
  Xapian::Database db_;
  std::vector<Xapian::Database> parts_;  // db_'s shards, in its order (handles sharing db_'s)
  std::vector<std::string> missing_;
  std::chrono::steady_clock::time_point last_build_;
};

}  // namespace sextant::index_internal
