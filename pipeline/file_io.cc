#include "pipeline/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace sextant {
namespace {

// Opens a new file next to `path` that no one else has, mode 0666 less the
// umask. Returns -1 with errno set on failure.
int CreateTemporary(const std::string& path, std::string& temporary) {
  std::random_device random;
  for (int attempt = 0; attempt < 16; ++attempt) {
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, ".tmp-%08x", random());
    temporary = path + suffix;
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  errno = EEXIST;
  return -1;
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// Best effort: makes the rename itself durable.
void SyncFolderOf(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = std::filesystem::current_path();
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::optional<std::string> ReadWholeFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got > 0) {
      bytes.append(buffer, static_cast<std::size_t>(got));
    } else if (got == 0) {
      break;
    } else if (errno != EINTR) {  // a folder (EISDIR), an I/O error
      ::close(fd);
      return std::nullopt;
    }
  }
  ::close(fd);
  return bytes;
}

Status WriteFileAtomically(const std::string& path, std::string_view content, bool durable) {
  if (path.empty()) return Status(StatusCode::kInvalidArgument, "no path given to write to");
  const auto failure = [&path](const std::string& step, int error) {
    return Status(StatusCode::kIoError, path + ": cannot write there (" + step + ": " + std::strerror(error) +
                                            "); check the folder exists and is writable");
  };
  std::string temporary;
  const int fd = CreateTemporary(path, temporary);
  if (fd < 0) return failure("creating a temporary file", errno);
  if (!WriteAll(fd, content) || (durable && ::fsync(fd) != 0)) {
    const int error = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    return failure("writing", error);
  }
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    return failure("closing", error);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    return failure("renaming the temporary file", error);
  }
  if (durable) SyncFolderOf(path);
  return Status::Ok();
}

}  // namespace sextant
