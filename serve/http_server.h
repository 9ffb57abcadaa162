// HttpServer: `sextant serve` over HTTP. The one owner of cpp-httplib in
// Sextant: it binds (loopback by default), hands /api/* to SearchApi and
// serves the page's files (web/, built into the binary by embed_web.cmake)
// with a strict Content-Security-Policy, so that no script can run but the
// page's own.
//
// Only GET and HEAD are answered (405 otherwise): the server writes nothing.
// Every response carries X-Content-Type-Options: nosniff; JSON errors come
// from SearchApi; unknown paths outside /api get a 404 page.
//
// How connections are held (slow clients cannot take the workers):
// cpp-httplib gives each connection a worker thread for its whole life, so
// that clients sending their request slowly (or not at all) hold every
// worker. Here cpp-httplib only accepts and parses; the sockets are ours:
//
//   accept (cpp-httplib's listen thread) → the reception thread, one epoll
//   loop over every open connection: it reads each request, checks it as it
//   comes in, and hands a request to the workers only once it has arrived
//   whole → a worker runs cpp-httplib's parser and routes on those bytes
//   (no socket read), sends what the socket takes at once and leaves the
//   rest to the reception thread, which writes it as the client reads.
//
// So a worker never waits for a client: `threads` workers serve requests,
// and any number of slow connections (up to `max_connections`) cost only a
// file descriptor and their buffers. Documents and alignments, which the
// API reads whole from the index (a 2,000-page document is 40,000 segments,
// a second of CPU and some 15 MB), go to `document_threads` workers of
// their own, at a lower priority (nice 10): a burst of them neither holds
// the workers and the CPU searches need nor holds 32 documents in memory
// at once. The reception thread enforces:
//   - max_connections open at once: beyond, a new connection is answered
//     503 (Retry-After: 1) at once and closed;
//   - a request line over 8 KiB: 414; a head over 16 KiB: 431; a NUL or
//     another control character in the head: 400; a body over 64 KiB: 413;
//     a chunked body: 411; each refused as soon as the bytes show it;
//   - request_timeout_ms: a request must arrive whole (head and body)
//     within this of its first byte, else 408;
//   - idle_timeout_ms: a kept-alive connection with no new request for this
//     long is closed; keep_alive_max requests at most on one connection;
//   - write_timeout_ms: an answer the client stops reading for this long
//     is dropped with its connection.
// Every refusal is JSON ({"error": "…"}) with Connection: close; the socket
// is then shut for writing and drained for up to a second before it is
// closed, so that the client reads the answer rather than a reset.
//
// Memory: after a document, alignment or large answer, once no request is
// running, the freed heap is given back to the system (malloc_trim), and
// blocks of 1 MiB and more are always mapped apart, so a burst of large
// answers does not leave the server at its peak.
//
// Thread-safety: Listen() blocks the calling thread; Stop() may be called
// from another thread, a test or a signal handler to make it return.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "pipeline/status.h"
#include "serve/search_api.h"

namespace sextant {

struct HttpServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;               // 0: any free port (see HttpServer::port())
  int threads = 32;              // requests handled at once (searches, versions, the page)
  int document_threads = 4;      // and apart from those: documents and alignments (each read whole)
  int max_connections = 2048;    // open at once; beyond: 503 (lowered to fit the open-file limit)
  int request_timeout_ms = 5000; // a request arrives whole within this of its first byte, else 408
  int idle_timeout_ms = 5000;    // a kept-alive connection waits this long for its next request
  int write_timeout_ms = 10000;  // the client takes some of its answer at least this often
  int keep_alive_max = 100;      // requests on one connection
};

class HttpServer {
 public:
  HttpServer(SearchApi& api, HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; fails naming the address when it is taken or wrong.
  Status Bind();
  int port() const { return port_; }
  std::string url() const;
  // Serves until Stop(); false when the server failed.
  bool Listen();
  void Stop();

  // Connections open now (being read, served, written or closed); for tests.
  std::size_t open_connections() const;

  class Reception;  // the epoll loop and the workers (http_server.cc)
  class Server;     // cpp-httplib's server, with the sockets taken over

 private:
  SearchApi& api_;
  HttpServerOptions options_;
  int port_ = 0;
  std::unique_ptr<Server> server_;
  std::unique_ptr<Reception> reception_;
};

}  // namespace sextant
