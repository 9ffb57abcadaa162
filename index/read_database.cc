#include "index/read_database.h"

#include <filesystem>

#include "index/schema.h"

namespace sextant::index_internal {

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
  } catch (const Xapian::DatabaseCorruptError& error) {
    return Status(StatusCode::kDamaged, "index " + folder + " is corrupt: " + error.get_msg() +
                                            " (delete the folder and ingest again)");
  } catch (const Xapian::Error& error) {
    return Status(StatusCode::kIoError, "cannot open index " + folder + ": " + error.get_msg());
  }
}

Status Reopen(const std::string& folder, Xapian::Database& db) {
  try {
    db.reopen();
    return Status::Ok();
  } catch (const Xapian::Error& error) {
    return Status(StatusCode::kIoError, "cannot reopen index " + folder + ": " + error.get_msg());
  }
}

}  // namespace sextant::index_internal
