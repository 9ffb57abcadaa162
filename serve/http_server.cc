#include "serve/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>  // mallopt
#endif

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "pipeline/heap_trim.h"
#include "serve/http_connection.h"
#include "serve/web_assets.h"

namespace sextant {
namespace {

using http_internal::Clock;
using http_internal::Connection;
using http_internal::EqualsNoCase;
using http_internal::ReadsWholeRecord;
using http_internal::Refusal;
using http_internal::RequestStream;
using http_internal::Trim;

// The page loads only its own script and style; nothing inline runs.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// What a request may be (http_server.h): beyond, it is refused at once.
constexpr std::size_t kMaxRequestLine = 8 * 1024;
constexpr std::size_t kMaxHead = 16 * 1024;
constexpr std::size_t kMaxBody = 64 * 1024;
// A refused connection is drained this long, of at most this much, before
// it is closed (so the client reads the refusal rather than a reset).
constexpr auto kLinger = std::chrono::seconds(1);
constexpr std::size_t kMaxDrain = 1024 * 1024;
// Connections answered 503 that are still being drained; beyond, a refused
// connection is closed straight after its 503.
constexpr int kMaxRefusing = 256;
// File descriptors kept for the index (Xapian's tables), the listening
// socket and the loop when the connection cap is fitted to the open-file limit.
constexpr rlim_t kSpareFiles = 512;
// The nice value of the document workers (searches keep 0).
constexpr int kDocumentNice = 10;
// Answers at least this large, or any document or alignment (read whole),
// ask for the freed heap to be given back once no request runs.
constexpr std::size_t kTrimAfterBytes = 256 * 1024;

void CommonHeaders(httplib::Response& response) {
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
}

// cpp-httplib hands each accepted socket to its task queue; this one runs
// the task at once, in the accept thread, and the task (the server's
// process_and_close_socket) gives the socket to the reception thread.
class InlineQueue final : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> task) override { task(); }
  void shutdown() override {}
};

}  // namespace

// cpp-httplib's server: routes and parses; its accepted sockets go to the
// reception thread instead of a worker each.
class HttpServer::Server final : public httplib::Server {
 public:
  Reception* reception = nullptr;

  bool Process(httplib::Stream& stream, bool close, bool& closed) {
    return process_request(stream, close, closed, nullptr);
  }
  socket_t listening_socket() const { return svr_sock_; }

 private:
  bool process_and_close_socket(socket_t socket) override;
};

class HttpServer::Reception {
 public:
  Reception(Server& server, const HttpServerOptions& options)
      : server_(server),
        options_(options),
        max_connections_(std::max(1, options.max_connections)),
        request_timeout_(std::chrono::milliseconds(std::max(1, options.request_timeout_ms))),
        idle_timeout_(std::chrono::milliseconds(std::max(1, options.idle_timeout_ms))),
        write_timeout_(std::chrono::milliseconds(std::max(1, options.write_timeout_ms))) {}

  ~Reception() { Stop(); }

  void set_max_connections(int limit) { max_connections_ = std::max(1, limit); }
  std::size_t open() const { return static_cast<std::size_t>(open_.load() + refusing_.load()); }

  bool Start() {
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (epoll_ < 0 || wake_ < 0) return false;
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = wake_;
    if (epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &event) != 0) return false;
    loop_ = std::thread([this] { Loop(); });
    for (int k = 0; k < std::max(1, options_.threads); ++k) workers_.emplace_back([this] { Work(lanes_[0]); });
    for (int k = 0; k < std::max(1, options_.document_threads); ++k) {
      workers_.emplace_back([this] {
        // Behind the searches for the CPU: a burst of documents takes what
        // the searches leave (Linux sets a thread's nice value alone).
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kDocumentNice);
        Work(lanes_[1]);
      });
    }
    return true;
  }

  // Joins the threads and closes every connection.
  void Stop() {
    stopping_ = true;
    {
      std::lock_guard lock(jobs_mutex_);  // no worker is between its test and its wait
    }
    for (Lane& lane : lanes_) lane.ready.notify_all();
    for (std::thread& worker : workers_) worker.join();
    workers_.clear();
    Wake();
    if (loop_.joinable()) loop_.join();
    for (auto& [fd, connection] : connections_) ::close(fd);
    connections_.clear();
    {
      std::lock_guard lock(handoff_mutex_);
      for (const auto& [fd, refused] : incoming_) ::close(fd);
      incoming_.clear();
      returned_.clear();
    }
    if (epoll_ >= 0) ::close(epoll_);
    if (wake_ >= 0) ::close(wake_);
    epoll_ = wake_ = -1;
  }

  // In the accept thread: the socket joins the loop, or is refused.
  void Adopt(int fd) {
    if (stopping_) {
      ::close(fd);
      return;
    }
    bool refused = false;
    if (open_.fetch_add(1) >= max_connections_) {
      --open_;
      if (refusing_.fetch_add(1) >= kMaxRefusing) {
        --refusing_;
        RefuseNow(fd);
        return;
      }
      refused = true;
    }
    {
      std::lock_guard lock(handoff_mutex_);
      incoming_.emplace_back(fd, refused);
    }
    Wake();
  }

 private:
  using State = Connection::State;

  // Whole requests for the workers: [0] for `threads` workers, [1] (a
  // document or an alignment, read whole) for `document_threads`.
  struct Lane {
    std::deque<Connection*> jobs;
    std::condition_variable ready;
  };

  // ---- the reception thread ----

  void Loop() {
    std::vector<epoll_event> events(256);
    Clock::time_point last_scan = Clock::now();
    while (!stopping_) {
      const int timeout = connections_.empty() ? -1 : 100;
      const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), timeout);
      if (n < 0 && errno != EINTR) break;
      for (int k = 0; k < n; ++k) {
        const int fd = events[k].data.fd;
        if (fd == wake_) {
          std::uint64_t count;
          while (::read(wake_, &count, sizeof count) > 0) {
          }
          TakeHandoffs();
          continue;
        }
        const auto it = connections_.find(fd);
        if (it == connections_.end()) continue;
        Connection& connection = *it->second;
        switch (connection.state) {
          case State::kIdle:
          case State::kReading: Read(connection); break;
          case State::kWriting: Write(connection); break;
          case State::kLingering: Drain(connection); break;
          case State::kBusy:
          case State::kClosed: break;
        }
        Settle(it);
      }
      const Clock::time_point now = Clock::now();
      if (now - last_scan >= std::chrono::milliseconds(100)) {
        last_scan = now;
        for (auto it = connections_.begin(); it != connections_.end();) {
          Connection& connection = *it->second;
          if (connection.state != State::kBusy && now >= connection.deadline) {
            Expire(connection);
            it = Settle(it);
          } else {
            ++it;
          }
        }
      }
    }
  }

  // After a connection was handled: gone when closed, else armed for what
  // it waits for (nothing while a worker has it).
  std::unordered_map<int, std::unique_ptr<Connection>>::iterator Settle(
      std::unordered_map<int, std::unique_ptr<Connection>>::iterator it) {
    Connection& connection = *it->second;
    if (connection.state != State::kClosed && connection.state != State::kBusy) Arm(connection);  // may close
    if (connection.state == State::kClosed) return connections_.erase(it);
    return std::next(it);
  }

  void Arm(Connection& connection) {
    epoll_event event{};
    event.events = EPOLLONESHOT | (connection.state == State::kWriting ? EPOLLOUT : EPOLLIN);
    event.data.fd = connection.fd;
    if (epoll_ctl(epoll_, connection.registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, connection.fd, &event) == 0) {
      connection.registered = true;
    } else {
      Close(connection);
    }
  }

  void TakeHandoffs() {
    std::vector<std::pair<int, bool>> incoming;
    std::vector<Connection*> returned;
    {
      std::lock_guard lock(handoff_mutex_);
      incoming.swap(incoming_);
      returned.swap(returned_);
    }
    const Clock::time_point now = Clock::now();
    for (const auto& [fd, refused] : incoming) {
      const int flags = fcntl(fd, F_GETFL);
      fcntl(fd, F_SETFL, flags | O_NONBLOCK);
      const int yes = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      auto owned = std::make_unique<Connection>(fd);
      Connection& connection = *owned;
      const auto it = connections_.insert_or_assign(fd, std::move(owned)).first;
      connection.deadline = now + idle_timeout_;
      if (refused) {
        connection.refused = true;
        Answer(connection, 503, "the server has as many connections open as it takes; try again in a moment");
      }
      Settle(it);
    }
    for (Connection* connection : returned) {
      const auto it = connections_.find(connection->fd);
      if (it == connections_.end()) continue;
      if (connection->out.empty()) {
        AfterAnswer(*connection);
      } else {
        connection->state = State::kWriting;
        connection->deadline = Clock::now() + write_timeout_;
        Write(*connection);
      }
      Settle(it);
    }
  }

  void Read(Connection& connection) {
    char buffer[16 * 1024];
    for (;;) {
      const ssize_t n = ::recv(connection.fd, buffer, sizeof buffer, 0);
      if (n > 0) {
        if (connection.state == State::kIdle) {
          connection.state = State::kReading;
          connection.deadline = Clock::now() + request_timeout_;
        }
        connection.in.append(buffer, static_cast<std::size_t>(n));
        if (connection.in.size() >= kMaxHead + kMaxBody) break;  // enough to serve or refuse
      } else if (n == 0) {
        connection.peer_closed = true;
        break;
      } else if (errno == EINTR) {
        continue;
      } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
        break;
      } else {
        Close(connection);
        return;
      }
    }
    Examine(connection);
  }

  // Looks at what has arrived: a whole request goes to a worker; a bad one
  // is refused at once; else the connection waits for more.
  void Examine(Connection& connection) {
    std::string& in = connection.in;
    if (connection.scanned == 0) {  // empty lines before a request are allowed (RFC 9112 2.2)
      const std::size_t start = in.find_first_not_of("\r\n");
      in.erase(0, start == std::string::npos ? in.size() : start);
      if (in.empty()) {  // nothing else yet: still idle (its deadline is not pushed back)
        if (connection.state == State::kReading) connection.state = State::kIdle;
        if (connection.peer_closed) Close(connection);
        return;
      }
    }
    if (connection.head_size == 0) {
      std::size_t k = connection.scanned;
      for (; k < in.size(); ++k) {
        const auto byte = static_cast<unsigned char>(in[k]);
        if (byte == '\n') {
          if (connection.line_end == std::string::npos) connection.line_end = k;
          if (k >= 1 && (in[k - 1] == '\n' || (in[k - 1] == '\r' && k >= 2 && in[k - 2] == '\n'))) {
            connection.head_size = k + 1;
            break;
          }
        } else if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F) {
          return Answer(connection, 400, "the request holds a NUL or another control character");
        }
      }
      connection.scanned = k;
      const std::size_t line = connection.line_end == std::string::npos ? in.size() : connection.line_end;
      if (line > kMaxRequestLine) return Answer(connection, 414, "the request line is longer than 8192 bytes");
      if (connection.head_size > kMaxHead || (connection.head_size == 0 && in.size() > kMaxHead)) {
        return Answer(connection, 431, "the request head is longer than 16384 bytes");
      }
      if (connection.head_size == 0) {
        if (connection.peer_closed) Close(connection);
        return;
      }
      if (!BodySize(connection)) return;
    }
    if (in.size() < connection.head_size + connection.body_size) {
      if (connection.peer_closed) Close(connection);
      return;
    }
    connection.state = State::kBusy;
    Lane& lane = lanes_[ReadsWholeRecord(in, connection.line_end) ? 1 : 0];
    {
      std::lock_guard lock(jobs_mutex_);
      lane.jobs.push_back(&connection);
    }
    lane.ready.notify_one();
  }

  // The body's length from Content-Length; false (and refused) when it
  // cannot be known or is too long.
  bool BodySize(Connection& connection) {
    std::string_view head(connection.in.data(), connection.head_size);
    head.remove_prefix(connection.line_end + 1);
    std::optional<std::size_t> length;
    while (!head.empty()) {
      const std::size_t end = head.find('\n');
      const std::string_view line = head.substr(0, end);
      head.remove_prefix(end == std::string_view::npos ? head.size() : end + 1);
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string_view name = line.substr(0, colon);
      const std::string_view value = Trim(line.substr(colon + 1));
      if (EqualsNoCase(name, "Transfer-Encoding")) {
        Answer(connection, 411, "a request body needs a Content-Length (chunked bodies are not taken)");
        return false;
      }
      if (!EqualsNoCase(name, "Content-Length")) continue;
      std::size_t number = 0;
      const auto [end_of_number, problem] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (problem == std::errc::result_out_of_range ||
          (problem == std::errc() && end_of_number == value.data() + value.size() && number > kMaxBody)) {
        Answer(connection, 413, "a request body may be at most 65536 bytes");
        return false;
      }
      if (problem != std::errc() || end_of_number != value.data() + value.size() || value.empty() ||
          (length && *length != number)) {
        Answer(connection, 400, "the Content-Length is not one whole number");
        return false;
      }
      length = number;
    }
    connection.body_size = length.value_or(0);
    return true;
  }

  // Refuses the request (or the connection) with `status`: the answer is
  // written, then the connection closed.
  void Answer(Connection& connection, int status, std::string_view message) {
    connection.in.clear();
    connection.out = Refusal(status, message);
    connection.sent = 0;
    connection.close_after = true;
    connection.state = State::kWriting;
    connection.deadline = Clock::now() + write_timeout_;
    Write(connection);
  }

  void Write(Connection& connection) {
    while (connection.sent < connection.out.size()) {
      const ssize_t n = ::send(connection.fd, connection.out.data() + connection.sent,
                               connection.out.size() - connection.sent, MSG_NOSIGNAL);
      if (n > 0) {
        connection.sent += static_cast<std::size_t>(n);
        connection.deadline = Clock::now() + write_timeout_;
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return;  // armed for EPOLLOUT
      } else {
        Close(connection);
        return;
      }
    }
    std::string().swap(connection.out);
    connection.sent = 0;
    AfterAnswer(connection);
  }

  // An answer is out: the next request, or the end of the connection.
  void AfterAnswer(Connection& connection) {
    if (connection.close_after || connection.peer_closed) {
      // Shut for writing, then drained a moment: closing with unread input
      // would reset the connection, and the client could lose the answer.
      ::shutdown(connection.fd, SHUT_WR);
      std::string().swap(connection.in);
      connection.state = State::kLingering;
      connection.deadline = Clock::now() + kLinger;
      Drain(connection);
      return;
    }
    connection.state = State::kIdle;
    connection.deadline = Clock::now() + idle_timeout_;
    if (!connection.in.empty()) {  // a pipelined request
      connection.state = State::kReading;
      connection.deadline = Clock::now() + request_timeout_;
      Examine(connection);
    }
  }

  void Drain(Connection& connection) {
    char buffer[16 * 1024];
    for (;;) {
      const ssize_t n = ::recv(connection.fd, buffer, sizeof buffer, 0);
      if (n > 0) {
        connection.drained += static_cast<std::size_t>(n);
        if (connection.drained > kMaxDrain) break;
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return;
      } else {
        break;  // the client closed too
      }
    }
    Close(connection);
  }

  void Expire(Connection& connection) {
    if (connection.state == State::kReading) {
      Answer(connection, 408, "the request did not arrive whole in time");
    } else {
      Close(connection);  // idle, or an answer the client stopped reading, or drained long enough
    }
  }

  void Close(Connection& connection) {
    if (connection.state == State::kClosed) return;
    ::close(connection.fd);  // also leaves epoll
    connection.state = State::kClosed;
    --(connection.refused ? refusing_ : open_);
  }

  // In the accept thread, when even the refusals are too many: the 503 is
  // sent without waiting, and the socket closed.
  static void RefuseNow(int fd) {
    static const std::string answer =
        Refusal(503, "the server has as many connections open as it takes; try again in a moment");
    char buffer[4096];
    for (int k = 0; k < 16 && ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0; ++k) {
    }
    [[maybe_unused]] const ssize_t sent = ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    ::close(fd);
  }

  void Wake() {
    if (wake_ < 0) return;
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_, &one, sizeof one);
  }

  // ---- the workers ----

  void Work(Lane& lane) {
    for (;;) {
      Connection* connection = nullptr;
      {
        std::unique_lock lock(jobs_mutex_);
        lane.ready.wait(lock, [this, &lane] { return stopping_ || !lane.jobs.empty(); });
        if (stopping_) return;
        connection = lane.jobs.front();
        lane.jobs.pop_front();
        ++running_;
      }
      Serve(*connection);
      {
        std::lock_guard lock(handoff_mutex_);
        returned_.push_back(connection);
      }
      Wake();
      if (--running_ == 0 && trim_wanted_.exchange(false)) GiveFreedHeapBack();
    }
  }

  void Serve(Connection& connection) {
    const bool whole_record = ReadsWholeRecord(connection.in, connection.line_end);
    // The connection is closed after this answer when it has served its
    // share, when the client asked, or when connections are running short.
    const bool close = connection.peer_closed || connection.served + 1 >= std::max(1, options_.keep_alive_max) ||
                       open_.load() > max_connections_ / 4 * 3;
    bool closed = false;
    RequestStream stream(connection);
    const bool ok = server_.Process(stream, close, closed);
    connection.NextRequest();
    ++connection.served;
    connection.close_after = close || closed || !ok || stream.failed();
    if (whole_record || stream.written() >= kTrimAfterBytes) trim_wanted_ = true;
  }

  Server& server_;
  const HttpServerOptions& options_;
  int max_connections_;
  const Clock::duration request_timeout_, idle_timeout_, write_timeout_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> open_{0};      // connections adopted and not closed
  std::atomic<int> refusing_{0};  // connections answered 503, not yet closed
  std::atomic<int> running_{0};   // requests in the workers
  std::atomic<bool> trim_wanted_{false};

  int epoll_ = -1;
  int wake_ = -1;
  std::thread loop_;
  std::unordered_map<int, std::unique_ptr<Connection>> connections_;  // the reception thread's

  std::mutex handoff_mutex_;
  std::vector<std::pair<int, bool>> incoming_;  // accepted sockets, and whether refused
  std::vector<Connection*> returned_;           // served by a worker

  std::mutex jobs_mutex_;
  Lane lanes_[2];
  std::vector<std::thread> workers_;
};

bool HttpServer::Server::process_and_close_socket(socket_t socket) {
  reception->Adopt(socket);
  return true;
}

HttpServer::HttpServer(SearchApi& api, HttpServerOptions options)
    : api_(api), options_(std::move(options)), server_(std::make_unique<Server>()) {
  reception_ = std::make_unique<Reception>(*server_, options_);
  server_->reception = reception_.get();
  server_->new_task_queue = [] { return new InlineQueue(); };
  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, with which
  // a second server on a taken port starts without a word and shares it.
  server_->set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->set_tcp_nodelay(true);  // headers and body go out at once: no 40 ms Nagle/delayed-ACK stall
  server_->set_payload_max_length(kMaxBody);
  // What the Keep-Alive header announces; the reception thread enforces it.
  server_->set_keep_alive_max_count(static_cast<std::size_t>(std::max(1, options_.keep_alive_max)));
  server_->set_keep_alive_timeout(std::max(1, options_.idle_timeout_ms / 1000));

  server_->Get("/api/.*", [this](const httplib::Request& request, httplib::Response& response) {
    ApiRequest api_request{request.path, {}};
    for (const auto& [name, value] : request.params) api_request.params[name] = value;
    ApiResponse answer = api_.Handle(api_request);
    CommonHeaders(response);
    response.set_header("Cache-Control", "no-store");
    if (!answer.download_name.empty()) {
      response.set_header("Content-Disposition", "attachment; filename=\"" + answer.download_name + "\"");
    }
    response.status = answer.status;
    response.set_header("Content-Type", answer.content_type);
    response.body = std::move(answer.body);  // no copy of a large answer
  });
  for (const WebAsset& asset : WebAssets()) {
    server_->Get(std::string(asset.path), [asset](const httplib::Request&, httplib::Response& response) {
      CommonHeaders(response);
      response.set_header("Content-Security-Policy", kContentSecurityPolicy);
      response.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type).c_str());
    });
  }
  const auto not_allowed = [](const httplib::Request&, httplib::Response& response) {
    CommonHeaders(response);
    response.status = 405;
    response.set_header("Allow", "GET, HEAD");
    response.set_content(R"({"error":"the server is read-only: only GET and HEAD are answered"})",
                         "application/json; charset=utf-8");
  };
  server_->Post(".*", not_allowed);
  server_->Put(".*", not_allowed);
  server_->Delete(".*", not_allowed);
  server_->Patch(".*", not_allowed);
  server_->set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    CommonHeaders(response);
    if (response.status == 404) {
      response.set_content("no page " + request.path + " here; the search page is at /\n",
                           "text/plain; charset=utf-8");
    }
  });
}

HttpServer::~HttpServer() {
  if (reception_) reception_->Stop();
}

Status HttpServer::Bind() {
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.bind);
  } else if (server_->bind_to_port(options_.bind, options_.port)) {
    port_ = options_.port;
  }
  if (port_ <= 0) {
    port_ = 0;
    return Status(StatusCode::kIoError, "cannot listen on " + options_.bind + ":" + std::to_string(options_.port) +
                                            " (is the port taken, or the address not this machine's? try --port 0 "
                                            "for any free port)");
  }
  // cpp-httplib listens with a backlog of 5: a burst of new connections
  // would wait for SYN retries. listen() again sets a longer one.
  ::listen(server_->listening_socket(), 1024);
  // Each open connection is a file: the open-file limit is raised to fit
  // the cap (up to the hard limit), or the cap lowered to fit the limit.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
    const rlim_t wanted = static_cast<rlim_t>(std::max(1, options_.max_connections)) + kSpareFiles;
    if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur < wanted) {
      rlimit raised = files;
      raised.rlim_cur = files.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, files.rlim_max);
      if (setrlimit(RLIMIT_NOFILE, &raised) == 0) files = raised;
    }
    if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur < wanted) {
      const rlim_t fit = files.rlim_cur > 2 * kSpareFiles ? files.rlim_cur - kSpareFiles : files.rlim_cur / 2;
      reception_->set_max_connections(static_cast<int>(fit));
    }
  }
  return Status::Ok();
}

std::string HttpServer::url() const {
  const bool ipv6 = options_.bind.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + options_.bind + "]" : options_.bind) + ":" + std::to_string(port_) + "/";
}

bool HttpServer::Listen() {
#ifdef __GLIBC__
  // Blocks of 1 MiB and more (a document read whole, a large answer) are
  // mapped apart and unmapped when freed, whatever glibc's sliding
  // threshold would have made of them after the first one.
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
  if (!reception_->Start()) return false;
  const bool ok = server_->listen_after_bind();
  reception_->Stop();
  return ok;
}

void HttpServer::Stop() { server_->stop(); }

std::size_t HttpServer::open_connections() const { return reception_->open(); }

}  // namespace sextant
