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

Status Reopen(const std::string& folder, Xapian::Database& db) {
  try {
    db.reopen();
    return Status::Ok();
  } catch (const Xapian::Error& error) {
    return ReadFailure(folder, "reopening", error);
  }
}

}  // namespace sextant::index_internal
