// Internal to serve/ (http_server.cc): one client connection of the
// reception loop, the stream cpp-httplib parses a request from and writes
// its answer to, and the small pieces of request checking the loop uses:
// refusals written whole, header names compared without case, which
// requests read a whole record.
//
// Thread-safety: a Connection belongs to the reception thread, or to the
// one worker that has it while its state is kBusy; RequestStream is used
// by that worker only.
#pragma once

#include <httplib.h>
#include <sys/select.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstddef>
#include <string>
#include <string_view>

namespace sextant::http_internal {

using Clock = std::chrono::steady_clock;

// A whole refusal (status line, headers, JSON body, Connection: close),
// written by the reception thread itself; `message` is plain ASCII without
// quotes or backslashes.
std::string Refusal(int status, std::string_view message);

bool EqualsNoCase(std::string_view a, std::string_view b);
// Without spaces and tabs at either end (and a '\r' at the end).
std::string_view Trim(std::string_view text);

// The peer's (or, with peer false, the local) address of socket `fd`.
void Address(int fd, bool peer, std::string& ip, int& port);

// Whether the request (its line ends at line_end) asks for a document or an
// alignment, which SearchApi reads whole from the index: the costly ones.
bool ReadsWholeRecord(std::string_view in, std::size_t line_end);

// One client connection. The reception thread owns it; while `state` is
// kBusy a worker has it and the reception thread does not touch it.
struct Connection {
  enum class State { kIdle, kReading, kBusy, kWriting, kLingering, kClosed };

  explicit Connection(int socket) : fd(socket) {}

  int fd;
  State state = State::kIdle;
  bool refused = false;      // answered 503 at accept: counts apart from the open connections
  bool registered = false;   // known to epoll
  bool peer_closed = false;  // the client shut its side
  bool close_after = false;  // close once `out` is sent
  int served = 0;            // requests answered on this connection
  Clock::time_point deadline;
  // Reading: bytes received and not yet served; in[0, scanned) has been
  // checked; the request line ends at line_end; once the head is whole,
  // head_size and body_size are known.
  std::string in;
  std::size_t scanned = 0;
  std::size_t line_end = std::string::npos;
  std::size_t head_size = 0;
  std::size_t body_size = 0;
  // Writing: the answer's bytes the socket has not taken yet.
  std::string out;
  std::size_t sent = 0;
  std::size_t drained = 0;

  void NextRequest() {
    in.erase(0, head_size + body_size);
    scanned = 0;
    line_end = std::string::npos;
    head_size = body_size = 0;
  }
};

// The stream cpp-httplib parses a request from and writes its answer to:
// the request's bytes, already received whole; the answer goes to the
// socket as far as it takes it without waiting, the rest to `out` for the
// reception thread. A worker never blocks on a client.
class RequestStream final : public httplib::Stream {
 public:
  explicit RequestStream(Connection& connection)
      : connection_(connection), end_(connection.head_size + connection.body_size) {}

  bool is_readable() const override { return position_ < end_; }
  bool is_writable() const override { return !failed_; }

  ssize_t read(char* data, size_t size) override {
    const std::size_t n = std::min(size, end_ - position_);
    std::memcpy(data, connection_.in.data() + position_, n);
    position_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* data, size_t size) override {
    if (failed_) return -1;
    written_ += size;
    std::size_t done = 0;
    while (connection_.out.empty() && done < size) {
      const ssize_t n = ::send(connection_.fd, data + done, size - done, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        done += static_cast<std::size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        break;
      } else {
        failed_ = true;
        return -1;
      }
    }
    connection_.out.append(data + done, size - done);
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { Address(connection_.fd, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Address(connection_.fd, false, ip, port); }
  // A cpp-httplib built without poll() (Debian's has it) answers 500 to a
  // socket numbered FD_SETSIZE or more, which it could not select() on; it
  // never touches this socket, so such a number is not given.
  socket_t socket() const override { return connection_.fd < FD_SETSIZE ? connection_.fd : INVALID_SOCKET; }

  bool failed() const { return failed_; }
  std::size_t written() const { return written_; }

 private:
  Connection& connection_;
  std::size_t position_ = 0;
  std::size_t end_;
  std::size_t written_ = 0;
  bool failed_ = false;
};

}  // namespace sextant::http_internal
