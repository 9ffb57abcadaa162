#include "pipeline/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <streambuf>
#include <vector>

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

Status WriteFailure(const std::string& path, const std::string& step, int error) {
  return Status(StatusCode::kIoError, path + ": cannot write there (" + step + ": " + std::strerror(error) +
                                          "); check the folder exists and is writable");
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
  const auto failure = [&path](const std::string& step, int error) { return WriteFailure(path, step, error); };
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

// A stream buffer over a file descriptor, 64 KiB at a time; remembers the
// first write error (errno), after which it takes nothing more.
class AtomicOutputFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd), bytes_(1 << 16) { setp(bytes_.data(), bytes_.data() + bytes_.size()); }
  ~Buffer() override {
    if (fd_ >= 0) ::close(fd_);
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  // Flushes and closes the file (fsync first when durable); 0, or errno.
  int Close(bool durable) {
    Drain();
    if (error_ == 0 && durable && ::fsync(fd_) != 0) error_ = errno;
    if (::close(fd_) != 0 && error_ == 0) error_ = errno;
    fd_ = -1;
    return error_;
  }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    if (error_ == 0 && !WriteAll(fd_, std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())))) {
      error_ = errno;
    }
    setp(bytes_.data(), bytes_.data() + bytes_.size());
    return error_ == 0;
  }

  int fd_;
  std::vector<char> bytes_;
  int error_ = 0;
};

AtomicOutputFile::AtomicOutputFile(std::string path, std::string temporary, int fd)
    : path_(std::move(path)),
      temporary_(std::move(temporary)),
      buffer_(std::make_unique<Buffer>(fd)),
      stream_(std::make_unique<std::ostream>(buffer_.get())) {}

AtomicOutputFile::~AtomicOutputFile() {
  if (finished_) return;
  stream_.reset();
  buffer_.reset();  // closes the file
  ::unlink(temporary_.c_str());
}

Status AtomicOutputFile::Create(const std::string& path, std::unique_ptr<AtomicOutputFile>* file) {
  if (path.empty()) return Status(StatusCode::kInvalidArgument, "no path given to write to");
  std::string temporary;
  const int fd = CreateTemporary(path, temporary);
  if (fd < 0) return WriteFailure(path, "creating a temporary file", errno);
  file->reset(new AtomicOutputFile(path, std::move(temporary), fd));
  return Status::Ok();
}

std::ostream& AtomicOutputFile::stream() { return *stream_; }

Status AtomicOutputFile::WriteStatus() const {
  if (buffer_ == nullptr || buffer_->error() == 0) return Status::Ok();
  return WriteFailure(path_, "writing", buffer_->error());
}

Status AtomicOutputFile::Commit(bool durable) {
  if (finished_) return Status(StatusCode::kInvalidArgument, path_ + ": committed already");
  finished_ = true;  // from here on, the temporary file is renamed or removed here
  stream_->flush();
  if (const int error = buffer_->Close(durable); error != 0) {
    ::unlink(temporary_.c_str());
    return WriteFailure(path_, "writing", error);
  }
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary_.c_str());
    return WriteFailure(path_, "renaming the temporary file", error);
  }
  if (durable) SyncFolderOf(path_);
  return Status::Ok();
}

}  // namespace sextant
