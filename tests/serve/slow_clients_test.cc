// `sextant serve` against slow and hostile clients on loopback: raw sockets
// send a head a line at a time, hold idle connections, send a huge header
// or URL or a NUL, open more connections than the cap, pipeline requests,
// use descriptors past FD_SETSIZE, against servers with short timeouts on
// the serve tests' index (serve_fixture.h): normal requests are still
// answered at once, bad ones refused at once.
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "tests/serve/serve_fixture.h"

namespace sextant {
namespace {

// The serve suite's index and server, for these tests too.
class ServeSlowClientsTest : public serve_testing::ServeTest {};

using Clock = std::chrono::steady_clock;

long MillisecondsSince(Clock::time_point start) {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

// A client socket connected to 127.0.0.1:port, or -1.
int Connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Sends all of `data`; stops quietly when the server has closed.
void SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

struct Received {
  std::string data;
  bool closed = false;  // the server closed the connection (EOF or reset)
};

// What the server sends until it closes the connection or `wait` passes.
Received ReadUntilClosed(int fd, std::chrono::milliseconds wait) {
  Received received;
  const Clock::time_point deadline = Clock::now() + wait;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd ready{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&ready, 1, static_cast<int>(left)) <= 0) return received;
    char buffer[4096];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      received.closed = true;
      return received;
    }
    received.data.append(buffer, static_cast<std::size_t>(n));
  }
}

// Another server on the suite's index, with options of its own.
class OwnServer {
 public:
  OwnServer(SearchApi& api, HttpServerOptions options) : server_(api, std::move(options)) {
    EXPECT_TRUE(server_.Bind().ok());
    thread_ = std::thread([this] {
      server_.Listen();
      done_ = true;
    });
  }
  ~OwnServer() {
    // Stop() before Listen() has started listening does nothing: repeat.
    while (!done_) {
      server_.Stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    thread_.join();
  }
  HttpServer& server() { return server_; }
  int port() const { return server_.port(); }
  // Waits (at most 2 s) for the server to hold `count` connections.
  bool WaitForOpen(std::size_t count) {
    const Clock::time_point deadline = Clock::now() + std::chrono::seconds(2);
    while (server_.open_connections() != count && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return server_.open_connections() == count;
  }

 private:
  HttpServer server_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

TEST_F(ServeSlowClientsTest, SlowClientsDoNotHoldTheWorkers) {
  // Two workers and 50 clients that have sent half a request head (as a
  // client sending a header line every few seconds does): the workers are
  // never theirs, and normal requests are answered at once.
  OwnServer own(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 2});
  std::vector<int> slow;
  for (int k = 0; k < 50; ++k) {
    slow.push_back(Connect(own.port()));
    ASSERT_GE(slow.back(), 0);
    SendAll(slow.back(), "GET /api/search?q=meeting HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n");
  }
  ASSERT_TRUE(own.WaitForOpen(50));
  const Clock::time_point start = Clock::now();
  for (int k = 0; k < 20; ++k) {
    httplib::Client client("127.0.0.1", own.port());
    client.set_read_timeout(2);
    const auto response = client.Get("/api/search?q=meeting&show=zh");
    ASSERT_TRUE(response) << "request " << k << " was not answered";
    EXPECT_EQ(response->status, 200);
  }
  EXPECT_LT(MillisecondsSince(start), 2000) << "20 requests beside 50 slow clients";
  // Each slow client still gets its answer once its head is whole.
  SendAll(slow[0], "Connection: close\r\n\r\n");
  const Received answer = ReadUntilClosed(slow[0], std::chrono::milliseconds(1000));
  EXPECT_EQ(answer.data.rfind("HTTP/1.1 200", 0), 0u) << answer.data.substr(0, 80);
  for (const int fd : slow) ::close(fd);
  EXPECT_TRUE(own.WaitForOpen(0)) << own.server().open_connections() << " connections left open";
}

TEST_F(ServeSlowClientsTest, SlowHeadsGet408AndIdleConnectionsAreClosed) {
  OwnServer own(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 2, .request_timeout_ms = 300,
                        .idle_timeout_ms = 300});
  // A head sent a line every 100 ms: cut at 300 ms from its first byte.
  const int slow = Connect(own.port());
  const int idle = Connect(own.port());
  ASSERT_TRUE(slow >= 0 && idle >= 0);
  const Clock::time_point start = Clock::now();
  std::atomic<bool> stop{false};
  std::thread dribble([&] {
    SendAll(slow, "GET / HTTP/1.1\r\n");
    for (int k = 0; k < 30 && !stop; ++k) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      SendAll(slow, "X-Line-" + std::to_string(k) + ": 1\r\n");
    }
  });
  const Received cut = ReadUntilClosed(slow, std::chrono::milliseconds(2000));
  const long cut_after = MillisecondsSince(start);
  stop = true;
  dribble.join();
  EXPECT_EQ(cut.data.rfind("HTTP/1.1 408 Request Timeout\r\n", 0), 0u) << cut.data;
  EXPECT_NE(cut.data.find("Connection: close"), std::string::npos);
  EXPECT_NE(cut.data.find(R"({"error":"the request did not arrive whole in time"})"), std::string::npos);
  EXPECT_TRUE(cut.closed);
  EXPECT_GE(cut_after, 250);
  EXPECT_LT(cut_after, 1500);
  // A connection that sends nothing is closed without a word.
  const Received silent = ReadUntilClosed(idle, std::chrono::milliseconds(1500));
  EXPECT_TRUE(silent.closed);
  EXPECT_EQ(silent.data, "");
  // A kept-alive connection is answered, then closed once idle.
  const int kept = Connect(own.port());
  ASSERT_GE(kept, 0);
  SendAll(kept, "GET /api/versions?id=CTOC/COP/WG.4/2022/1 HTTP/1.1\r\nHost: x\r\n\r\n");
  const Received answered = ReadUntilClosed(kept, std::chrono::milliseconds(1500));
  EXPECT_EQ(answered.data.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answered.data.substr(0, 80);
  EXPECT_TRUE(answered.closed);
  for (const int fd : {slow, idle, kept}) ::close(fd);
  EXPECT_TRUE(own.WaitForOpen(0));
}

TEST_F(ServeSlowClientsTest, BadRequestsAreRefusedAtOnce) {
  // The suite's server: requests may take 5 s to arrive, yet each of these
  // is refused as soon as its bytes show what it is.
  const std::string big_header = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100 * 1024, 'a') + "\r\n\r\n";
  const std::string big_url = "GET /" + std::string(1024 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
  const struct {
    std::string request, status, error;
  } cases[] = {
      {big_header, "431 Request Header Fields Too Large", "the request head is longer than 16384 bytes"},
      {big_url, "414 URI Too Long", "the request line is longer than 8192 bytes"},
      {std::string("GET /api/search?q=a\0b HTTP/1.1\r\nHost: x\r\n\r\n", 42), "400 Bad Request",
       "the request holds a NUL or another control character"},
      {std::string("GET / HTTP/1.1\r\nX-Nul: \0", 24), "400 Bad Request",  // the head is not even whole
       "the request holds a NUL or another control character"},
      {"POST /api/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", "411 Length Required",
       "a request body needs a Content-Length (chunked bodies are not taken)"},
      {"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n", "413 Payload Too Large",
       "a request body may be at most 65536 bytes"},
      {"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 12x\r\n\r\n", "400 Bad Request",
       "the Content-Length is not one whole number"},
  };
  for (const auto& test : cases) {
    const int fd = Connect(server_->port());
    ASSERT_GE(fd, 0);
    const Clock::time_point start = Clock::now();
    std::thread sender([fd, &test] { SendAll(fd, test.request); });
    const Received answer = ReadUntilClosed(fd, std::chrono::milliseconds(3000));
    const long took = MillisecondsSince(start);
    sender.join();
    ::close(fd);
    EXPECT_EQ(answer.data.rfind("HTTP/1.1 " + test.status + "\r\n", 0), 0u) << test.status << ": " << answer.data;
    EXPECT_NE(answer.data.find("\r\nConnection: close\r\n"), std::string::npos) << test.status;
    EXPECT_NE(answer.data.find("{\"error\":\"" + test.error + "\"}"), std::string::npos) << answer.data;
    EXPECT_TRUE(answer.closed) << test.status;
    EXPECT_LT(took, 1000) << test.status << " took " << took << " ms";
  }
}

TEST_F(ServeSlowClientsTest, ConnectionsBeyondTheCapGet503) {
  OwnServer own(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 2, .max_connections = 4});
  std::vector<int> held;
  for (int k = 0; k < 4; ++k) held.push_back(Connect(own.port()));
  ASSERT_TRUE(own.WaitForOpen(4));
  const int beyond = Connect(own.port());
  ASSERT_GE(beyond, 0);
  SendAll(beyond, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  const Received refused = ReadUntilClosed(beyond, std::chrono::milliseconds(1000));
  EXPECT_EQ(refused.data.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0), 0u) << refused.data;
  EXPECT_NE(refused.data.find("\r\nRetry-After: 1\r\n"), std::string::npos);
  EXPECT_TRUE(refused.closed);
  ::close(beyond);
  // A held connection is still served.
  SendAll(held[0], "GET /api/versions?id=CTOC/COP/WG.4/2022/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const Received served = ReadUntilClosed(held[0], std::chrono::milliseconds(1000));
  EXPECT_EQ(served.data.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << served.data.substr(0, 80);
  for (const int fd : held) ::close(fd);
  ASSERT_TRUE(own.WaitForOpen(0));
  httplib::Client client("127.0.0.1", own.port());
  const auto again = client.Get("/api/versions?id=CTOC/COP/WG.4/2022/1");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST_F(ServeSlowClientsTest, KeepAliveIsBoundedAndPipelinedRequestsAreAnswered) {
  OwnServer own(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 2, .keep_alive_max = 3});
  const int fd = Connect(own.port());
  ASSERT_GE(fd, 0);
  std::string requests;
  for (int k = 0; k < 4; ++k) requests += "GET /api/versions?id=CTOC/COP/WG.4/2022/1 HTTP/1.1\r\nHost: x\r\n\r\n";
  SendAll(fd, requests);  // four at once: three answers, then the connection ends
  const Received answers = ReadUntilClosed(fd, std::chrono::milliseconds(2000));
  ::close(fd);
  std::size_t count = 0;
  for (std::size_t at = answers.data.find("HTTP/1.1 200 OK"); at != std::string::npos;
       at = answers.data.find("HTTP/1.1 200 OK", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 3u) << answers.data;
  EXPECT_EQ(std::count(answers.data.begin(), answers.data.end(), '{'),
            std::count(answers.data.begin(), answers.data.end(), '}'));
  EXPECT_NE(answers.data.rfind("Connection: close"), std::string::npos) << "the third answer says it is the last";
  EXPECT_TRUE(answers.closed);
}

TEST_F(ServeSlowClientsTest, ABurstOfConnectionsIsServedAndLetGo) {
  OwnServer own(*api_, {.bind = "127.0.0.1", .port = 0, .threads = 4});
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int t = 0; t < 100; ++t) {
    clients.emplace_back([&ok, &own, t] {
      httplib::Client client("127.0.0.1", own.port());
      client.set_read_timeout(5);
      const auto response = client.Get(t % 2 ? "/api/document?id=CTOC/COP/WG.4/2022/1&lang=fr&limit=5"
                                             : "/api/alignment?id=CTOC/COP/WG.4/2022/1&source=ru&target=en&limit=5");
      ok += response && response->status == 200;
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(ok.load(), 100);
  EXPECT_TRUE(own.WaitForOpen(0)) << own.server().open_connections() << " connections left open";
}

TEST_F(ServeSlowClientsTest, SocketsNumberedPastFdSetsizeAreServed) {
  // A cpp-httplib built without poll() answers 500 to a socket it could
  // not select() on; the server never lets it touch its sockets, and a
  // connection numbered past FD_SETSIZE is served like any other.
  rlimit files{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &files), 0);
  if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur < FD_SETSIZE + 200) {
    GTEST_SKIP() << "the open-file limit (" << files.rlim_cur << ") is below FD_SETSIZE + 200";
  }
  std::vector<int> filler;
  while (filler.empty() || filler.back() < FD_SETSIZE + 16) {
    const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    filler.push_back(fd);
  }
  const auto [status, body] = GetJson("/api/versions?id=CTOC/COP/WG.4/2022/1");
  for (const int fd : filler) ::close(fd);
  EXPECT_EQ(status, 200) << body.dump();
}

}  // namespace
}  // namespace sextant
