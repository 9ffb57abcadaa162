#include "index/read_database.h"

#include <filesystem>
#include <utility>

#include "index/schema.h"

namespace sextant::index_internal {

std::vector<Xapian::Document> AllMatches(Xapian::Enquire& enquire, Xapian::doccount page) {
  std::vector<Xapian::Document> out;
  for (;;) {
    const Xapian::MSet found = enquire.get_mset(static_cast<Xapian::doccount>(out.size()), page);
    for (auto it = found.begin(); it != found.end(); ++it) out.push_back(it.get_document());
    if (found.size() < page) return out;
  }
}

Status OpenForReading(const std::string& folder, Xapian::Database* db) {
  if (!std::filesystem::is_directory(folder)) {
    return Status(StatusCode::kNotFound, "no index at " + folder + " (run `sextant ingest --index " + folder + "` first)");
  }
  try {
    Xapian::Database opened(folder);
    const std::string version = opened.get_metadata(std::string(kMetaSchemaVersion));
    if (version != std::to_string(kIndexSchemaVersion)) {
      return Status(StatusCode::kInvalidArgument, "index " + folder + " has schema version '" + version +
                                                      "', this build reads " + std::to_string(kIndexSchemaVersion) +
                                                      " (ingest again into a new folder)");
    }
    *db = std::move(opened);
    return Status::Ok();
  } catch (const Xapian::Error& error) {
    return ReadFailure(folder, "opening", error);
  }
}

bool IsDamage(const Xapian::Error& error) {
  const std::string_view type = error.get_type();
  return type == "DatabaseCorruptError" || type == "DatabaseError";
}

std::string DamagedIndexMessage(const std::string& folder, const std::string& detail) {
  return "index " + folder + " is damaged (" + detail + "): ingest the files again into a new --index folder, " +
         "or see what `xapian-check " + folder + "` reports";
}

Status ReadFailure(const std::string& folder, std::string_view doing, const Xapian::Error& error) {
  if (IsDamage(error)) return Status(StatusCode::kDamaged, DamagedIndexMessage(folder, error.get_msg()));
  return Status(StatusCode::kIoError, std::string(doing) + " index " + folder + " failed: " + error.get_type() + ": " +
                                          error.get_msg());
}

namespace {

// Remote shards: how long to wait for a connection, and for an answer.
constexpr unsigned kConnectMilliseconds = 2000, kAnswerMilliseconds = 10000;
// A missing shard is tried again at most this often (partial results).
constexpr auto kRetryMissingEvery = std::chrono::seconds(5);

// Xapian's message, with the system's reason when it gives one
// ("Couldn't connect: Connection refused").
std::string Detail(const Xapian::Error& error) {
  const char* reason = error.get_error_string();
  return error.get_msg() + (reason != nullptr && *reason != '\0' ? std::string(": ") + reason : "");
}

bool IsNetworkFailure(const Xapian::Error& error) {
  const std::string_view type = error.get_type();
  return type == "NetworkError" || type == "NetworkTimeoutError";
}

std::string Unanswered(const std::string& remote, const std::string& detail) {
  return "shard " + remote + " does not answer (" + detail + "): start `xapian-tcpsrv --port PORT FOLDER` " +
         "there again, or search with --partial-results to answer from the other shards";
}

// One remote shard, its schema checked; `reason`, when given, gets the
// network failure's own words ("Couldn't connect: Connection refused").
Status OpenRemote(const std::string& remote, Xapian::Database* db, std::string* reason = nullptr) {
  std::string host;
  unsigned port = 0;
  if (const std::string problem = ParseRemote(remote, &host, &port); !problem.empty()) {
    return Status(StatusCode::kInvalidArgument, problem);
  }
  try {
    Xapian::Database opened = Xapian::Remote::open(host, port, kAnswerMilliseconds, kConnectMilliseconds);
    const std::string version = opened.get_metadata(std::string(kMetaSchemaVersion));
    if (version != std::to_string(kIndexSchemaVersion)) {
      return Status(StatusCode::kInvalidArgument, "shard " + remote + " has schema version '" + version +
                                                      "', this build reads " + std::to_string(kIndexSchemaVersion) +
                                                      " (ingest its files again into a new folder)");
    }
    *db = std::move(opened);
    return Status::Ok();
  } catch (const Xapian::Error& error) {
    if (IsNetworkFailure(error)) {
      if (reason != nullptr) *reason = Detail(error);
      return Status(StatusCode::kUnavailable, Unanswered(remote, Detail(error)));
    }
    return ReadFailure(remote, "opening", error);
  }
}

}  // namespace

Status ShardedDatabase::Open(const IndexShards& where) {
  where_ = where;
  name_ = where.Describe();
  if (where_.count() == 0) return Status(StatusCode::kInvalidArgument, "no index given (--index DIR or --remote HOST:PORT)");
  return Build();
}

Status ShardedDatabase::Build() {
  last_build_ = std::chrono::steady_clock::now();
  Xapian::Database combined;
  std::vector<Xapian::Database> parts;
  std::vector<std::string> missing;
  std::string chinese, chinese_from;
  std::size_t shard = 0;
  for (const std::string& name : where_.Names()) {
    const bool remote = shard++ >= where_.folders.size();
    Xapian::Database one;
    std::string reason;  // a network failure's own words, for `missing`
    Status status = remote ? OpenRemote(name, &one, &reason) : OpenForReading(name, &one);
    try {
      if (status.ok()) {
        const std::string terms = one.get_metadata(std::string(kMetaChineseTerms));
        if (chinese_from.empty()) {
          chinese = terms;
          chinese_from = name;
        } else if (terms != chinese) {
          return Status(StatusCode::kInvalidArgument, "shards " + chinese_from + " and " + name +
                                                          " index Chinese differently ('" + chinese + "' and '" + terms +
                                                          "'): ingest them the same way");
        }
        combined.add_database(one);
        parts.push_back(one);
      }
    } catch (const Xapian::Error& error) {
      if (IsNetworkFailure(error)) reason = Detail(error);
      status = IsNetworkFailure(error) ? Status(StatusCode::kUnavailable, Unanswered(name, Detail(error)))
                                       : ReadFailure(name, "opening", error);
    }
    if (status.ok()) continue;
    // A wrong schema or Chinese is the user's to fix, partial or not.
    if (!where_.partial_results || status.code() == StatusCode::kInvalidArgument) return status;
    missing.push_back(name + " (" + (reason.empty() ? status.message() : reason) + ")");
  }
  if (missing.size() == where_.count()) {
    return Status(StatusCode::kUnavailable, "no shard of " + name_ + " answers: " + missing.front());
  }
  db_ = std::move(combined);
  parts_ = std::move(parts);
  missing_ = std::move(missing);
  return Status::Ok();
}

const Xapian::Database& ShardedDatabase::ShardOf(Xapian::docid id) const {
  // Xapian interleaves the shards' documents: shard (id - 1) mod n.
  if (parts_.size() < 2) return db_;
  return parts_[(id - 1) % parts_.size()];
}

Status ShardedDatabase::Reopen() {
  const bool retry_missing =
      !missing_.empty() && std::chrono::steady_clock::now() - last_build_ >= kRetryMissingEvery;
  if (!retry_missing) {
    try {
      db_.reopen();
      return Status::Ok();
    } catch (const Xapian::Error& error) {
      if (!IsNetworkFailure(error)) return ReadFailure(name_, "reopening", error);
    }
  }
  return Build();  // a remote shard was lost, or a missing one may be back
}

Status ShardedDatabase::Failure(std::string_view doing, const Xapian::Error& error) {
  if (!IsNetworkFailure(error)) return ReadFailure(name_, doing, error);
  // Which remote shards do not answer now?
  std::vector<std::string> down;
  for (const std::string& remote : where_.remotes) {
    Xapian::Database probe;
    if (const Status status = OpenRemote(remote, &probe); status.code() == StatusCode::kUnavailable) {
      down.push_back(remote);
    }
  }
  std::string names;
  for (const std::string& remote : down) names += (names.empty() ? "" : ", ") + remote;
  if (names.empty()) names = name_;
  const Status failure(StatusCode::kUnavailable, Unanswered(names, Detail(error)));
  if (where_.partial_results) {
    if (const Status rebuilt = Build(); !rebuilt.ok()) return rebuilt;
  }
  return failure;
}

bool ShardedDatabase::Retry(const Status& failure) const {
  return failure.code() == StatusCode::kUnavailable && where_.partial_results;
}

}  // namespace sextant::index_internal
